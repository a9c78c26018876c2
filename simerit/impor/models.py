"""An uploaded import file, kept between its dry run and its commit."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from simerit.core.models import Role, TenantModel
from simerit.organisasi.models import UnitOrganisasi


class ImportBatch(TenantModel):
    """One uploaded employee file: its bytes, the dry-run report and whether it was committed.

    The file is stored in the database (`isi`), so the commit re-validates exactly what was
    checked, without a media directory shared between web server and worker; so is what the dry
    run read from it (`tabel`), so that the commit need not parse it again.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        CHECKING = "checking", _("Diperiksa")
        CHECKED = "checked", _("Siap disimpan")
        INVALID = "invalid", _("Ada masalah")
        COMMITTING = "committing", _("Menyimpan")
        DONE = "done", _("Tersimpan")
        FAILED = "failed", _("Gagal")

    jenis = models.CharField(_("jenis data"), max_length=20, default="pegawai")
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    isi = models.BinaryField(_("isi berkas"))
    # What the dry run read from `isi` (reader.pack_table), kept until the commit so that it
    # re-validates without parsing the file again (docs/decisions/0052); emptied once committed.
    tabel = models.BinaryField(_("isi terbaca"), blank=True, default=b"", editable=False)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"), default=0)
    unit = models.ForeignKey(
        UnitOrganisasi, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("unit pengunggah"), help_text=_("Unit Operator OPD yang mengunggah; kosong untuk Admin BKPSDM."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("diunggah oleh"),
    )
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("disimpan oleh"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    stage = models.CharField(_("tahap"), max_length=200, blank=True)
    error = models.TextField(_("pesan kesalahan"), blank=True)
    report = models.JSONField(_("laporan pemeriksaan"), default=dict, blank=True)
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    checked_at = models.DateTimeField(_("diperiksa"), null=True, blank=True)
    committed_at = models.DateTimeField(_("disimpan"), null=True, blank=True)

    # Admin sees every batch of the instansi; an operator those uploaded in their subtree.
    scope_unit_path: ClassVar[str | None] = "unit__path"
    scope_view_roles: ClassVar[frozenset[str]] = frozenset({Role.ADMIN, Role.OPERATOR})
    scope_read_all_roles: ClassVar[frozenset[str]] = frozenset({Role.ADMIN})
    audit_exclude = frozenset({"isi", "tabel", "report", "progress", "stage"})

    class Meta:
        verbose_name = _("impor data")
        verbose_name_plural = _("impor data")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.nama_berkas} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("impor:detail", args=[self.pk])

    @property
    def busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.CHECKING, self.Status.COMMITTING)

    @property
    def can_commit(self) -> bool:
        return self.status == self.Status.CHECKED and bool(self.report.get("summary", {}).get("akan_ditulis"))
