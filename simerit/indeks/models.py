"""Index runs: one recompute of every merit score of an instansi as of a date, and its results.

A run is written once. Its results are inserted in one transaction when the run finishes and
are never updated or deleted afterwards (stack-and-style practice 7): a later recompute is a new
run, so a score shown last month can always be traced to the run, rule version and data it
came from.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from simerit.core.models import READ_ALL_ROLES, Role, TenantModel
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.models import Pegawai


class IndexRun(TenantModel):
    """One recompute of IP ASN, predikat, JPM, 9-box, retirement, KP and DUK for an instansi."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    as_of = models.DateField(_("keadaan per tanggal"))
    rules_version = models.CharField(_("versi aturan"), max_length=500, blank=True)
    parameters = models.JSONField(_("parameter"), default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dimulai oleh"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    stage = models.CharField(_("tahap"), max_length=200, blank=True)
    error = models.TextField(_("pesan kesalahan"), blank=True)
    task_id = models.CharField(_("ID tugas latar belakang"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    updated_at = models.DateTimeField(_("kabar terakhir"), null=True, blank=True)
    counts = models.JSONField(
        _("jumlah"), default=dict, blank=True, help_text=_("Jumlah hasil per skor dan lama tiap tahap (detik).")
    )

    # A run header holds no personal data: operators see it too (their results stay scoped).
    scope_view_roles: ClassVar[frozenset[str]] = frozenset({Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.AUDITOR})
    scope_read_all_roles: ClassVar[frozenset[str]] = frozenset(READ_ALL_ROLES | {Role.OPERATOR})
    # Progress ticks are not worth an audit line each; start, end and failure are recorded.
    audit_exclude = frozenset({"progress", "stage", "updated_at", "counts"})

    class Meta:
        verbose_name = _("perhitungan indeks")
        verbose_name_plural = _("perhitungan indeks")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["instansi", "status", "-finished_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} per {self.as_of:%d-%m-%Y} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("indeks:detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def started_by_label(self) -> str:
        user = self.started_by
        return (user.get_full_name() or user.get_username()) if user else "—"

    @property
    def duration(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class IndexResult(TenantModel):
    """The scores of one employee in one run, with the unit and career data as they were then."""

    run = models.ForeignKey(IndexRun, on_delete=models.CASCADE, related_name="results", verbose_name=_("perhitungan"))
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+", verbose_name=_("pegawai"))
    unit = models.ForeignKey(
        UnitOrganisasi, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit kerja (saat dihitung)")
    )
    opd_id = models.BigIntegerField(_("ID OPD (saat dihitung)"))

    # Retirement (PP 11/2017 Pasal 239).
    bup = models.PositiveSmallIntegerField(_("BUP"), null=True, blank=True)
    tmt_pensiun = models.DateField(_("TMT pensiun"), null=True, blank=True)
    # SKP predikat (PermenPANRB 6/2022).
    predikat_year = models.PositiveSmallIntegerField(_("tahun predikat"), null=True, blank=True)
    predikat = models.CharField(_("predikat kinerja"), max_length=30, blank=True)
    # IP ASN (Peraturan BKN 8/2019); null for those not measured (CPNS, PPPK).
    ip_kualifikasi = models.FloatField(_("IP ASN kualifikasi"), null=True, blank=True)
    ip_kompetensi = models.FloatField(_("IP ASN kompetensi"), null=True, blank=True)
    ip_kinerja = models.FloatField(_("IP ASN kinerja"), null=True, blank=True)
    ip_disiplin = models.FloatField(_("IP ASN disiplin"), null=True, blank=True)
    ip_total = models.FloatField(_("IP ASN total"), null=True, blank=True)
    ip_kategori = models.CharField(_("kategori IP ASN"), max_length=20, blank=True)
    flags = models.JSONField(_("catatan"), default=list, blank=True)
    # Job Person Match.
    jpm_percent = models.FloatField(_("JPM (%)"), null=True, blank=True)
    jpm_pemetaan = models.CharField(_("kategori pemetaan"), max_length=30, blank=True)
    jpm_seleksi = models.CharField(_("kategori seleksi"), max_length=30, blank=True)
    # Talent 9-box (PermenPANRB 3/2020 jo. 20/2025).
    box = models.PositiveSmallIntegerField(_("kotak talenta"), null=True, blank=True)
    kinerja_axis = models.CharField(_("sumbu kinerja"), max_length=20, blank=True)
    potensial_axis = models.CharField(_("sumbu potensial"), max_length=20, blank=True)
    # Kenaikan pangkat reguler.
    kp_eligible = models.BooleanField(_("memenuhi syarat KP reguler"), null=True, blank=True)
    kp_next_date = models.DateField(_("periode KP berikutnya"), null=True, blank=True)
    kp_target = models.CharField(_("pangkat tujuan KP"), max_length=6, blank=True)
    # DUK: rank in the instansi and in the OPD, with the data it was ordered on.
    duk_rank_instansi = models.PositiveIntegerField(_("urutan DUK instansi"), null=True, blank=True)
    duk_rank_opd = models.PositiveIntegerField(_("urutan DUK OPD"), null=True, blank=True)
    pangkat = models.CharField(_("golongan/ruang"), max_length=6, blank=True)
    tmt_pangkat = models.DateField(_("TMT pangkat"), null=True, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    tmt_jabatan = models.DateField(_("TMT jabatan"), null=True, blank=True)
    latihan_jabatan = models.CharField(_("latihan jabatan"), max_length=20, blank=True)
    pendidikan = models.CharField(_("pendidikan"), max_length=6, blank=True)
    tahun_lulus = models.PositiveSmallIntegerField(_("tahun lulus"), null=True, blank=True)
    masa_kerja_bulan = models.PositiveIntegerField(_("masa kerja (bulan)"), null=True, blank=True)
    usia = models.PositiveSmallIntegerField(_("usia (tahun)"), null=True, blank=True)

    # Scope follows the unit the employee was in when the run was computed.
    scope_unit_path: ClassVar[str | None] = "unit__path"
    scope_pegawai: ClassVar[str | None] = "pegawai_id"

    class Meta:
        verbose_name = _("hasil indeks")
        verbose_name_plural = _("hasil indeks")
        ordering = ["run", "duk_rank_instansi", "id"]
        constraints = [models.UniqueConstraint(fields=["run", "pegawai"], name="hasil_indeks_unik_per_run")]
        indexes = [
            models.Index(fields=["run", "box"]),
            models.Index(fields=["run", "opd_id", "duk_rank_opd"]),
            models.Index(fields=["run", "duk_rank_instansi"]),
            models.Index(fields=["pegawai", "run"]),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} @ run {self.run_id}"
