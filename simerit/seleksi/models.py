"""Vacancies, their merit rankings, the committee's decisions and the sealed decision record.

- `MeritWeights`: the instansi's weights of the merit score, one row per version (never edited).
- `Vacancy`: a position to fill, with its number of seats.
- `Ranking` + `Candidate`: an immutable snapshot of every employee considered for a vacancy —
  eligible or not with the reasons, the four criteria with the record each came from, the rank.
- `Decision`: whom the committee (Baperjakat/TPK) selected, with the justification when it is
  not the top of the ranking; sealed in the `LedgerEntry` chain (simerit/ledger.py).
- `PlacementRound`: many vacancies placed at once, optimal against greedy.
"""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from simerit.core.models import READ_ALL_ROLES, RestrictedQuerySet, Role, TenantModel
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.pegawai.models import Pegawai

COMMITTEE_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.AUDITOR})


def _user_fk(verbose: str) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=verbose,
    )  # fmt: skip


class MeritWeights(TenantModel):
    """One version of the merit-score weights of an instansi (percent, sum 100)."""

    valid_from = models.DateField(_("berlaku mulai"))
    kualifikasi = models.DecimalField(_("bobot kualifikasi (%)"), max_digits=5, decimal_places=2)
    kompetensi = models.DecimalField(_("bobot kompetensi (%)"), max_digits=5, decimal_places=2)
    kinerja = models.DecimalField(_("bobot kinerja (%)"), max_digits=5, decimal_places=2)
    rekam_jejak = models.DecimalField(_("bobot rekam jejak (%)"), max_digits=5, decimal_places=2)
    reason = models.TextField(_("dasar/alasan perubahan"))
    created_by = _user_fk(_("ditetapkan oleh"))
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    scope_view_roles: ClassVar[frozenset[str]] = COMMITTEE_ROLES

    class Meta:
        verbose_name = _("bobot skor merit")
        verbose_name_plural = _("bobot skor merit")
        ordering = ["-valid_from", "-id"]
        constraints = [models.UniqueConstraint(fields=["instansi", "valid_from"], name="bobot_merit_unik_per_tanggal")]

    def __str__(self) -> str:
        return f"{self.valid_from:%d-%m-%Y}: {self.kualifikasi}/{self.kompetensi}/{self.kinerja}/{self.rekam_jejak}"

    def clean(self) -> None:
        values = [self.kualifikasi, self.kompetensi, self.kinerja, self.rekam_jejak]
        if any(v is None for v in values):
            return
        if any(v < 0 for v in values):
            raise ValidationError(_("Bobot tidak boleh negatif."))
        if sum(values) != 100:
            raise ValidationError(_("Jumlah keempat bobot harus 100%%, sekarang %(total)s%%.") % {"total": sum(values)})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValidationError(_("Bobot yang sudah ditetapkan tidak diubah: buat versi baru."))
        super().save(*args, **kwargs)


class PlacementRound(TenantModel):
    """A rotation round: several vacancies placed together (optimal vs greedy)."""

    name = models.CharField(_("nama putaran"), max_length=200)
    as_of = models.DateField(_("keadaan per"))
    created_by = _user_fk(_("dibuat oleh"))
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    computed_at = models.DateTimeField(_("dihitung"), null=True, blank=True)
    result = models.JSONField(_("hasil penempatan"), default=dict, blank=True)

    scope_view_roles: ClassVar[frozenset[str]] = COMMITTEE_ROLES
    audit_exclude = frozenset({"result"})

    class Meta:
        verbose_name = _("putaran penempatan")
        verbose_name_plural = _("putaran penempatan")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("seleksi:round", args=[self.pk])


class Vacancy(TenantModel):
    """A position to fill (lowongan jabatan), possibly with several seats."""

    class Status(models.TextChoices):
        OPEN = "open", _("Terbuka")
        DECIDED = "decided", _("Diputuskan")

    class RankingState(models.TextChoices):
        IDLE = "", _("Tidak ada")
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Dihitung")
        FAILED = "failed", _("Gagal")

    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="+", verbose_name=_("jabatan"))
    seats = models.PositiveSmallIntegerField(
        _("jumlah formasi"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    as_of = models.DateField(_("keadaan per"))
    note = models.TextField(_("catatan"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    placement_round = models.ForeignKey(
        PlacementRound, on_delete=models.SET_NULL, null=True, blank=True, related_name="vacancies",
        verbose_name=_("putaran penempatan"),
    )  # fmt: skip
    opened_by = _user_fk(_("dibuka oleh"))
    opened_at = models.DateTimeField(_("dibuka"), auto_now_add=True)
    # The ranking is computed in the background (docs/decisions/0081): its request and outcome.
    ranking_state = models.CharField(
        _("status perhitungan peringkat"), max_length=10, choices=RankingState.choices, default="", blank=True
    )
    ranking_as_of = models.DateField(_("peringkat diminta per"), null=True, blank=True)
    ranking_by = _user_fk(_("peringkat diminta oleh"))
    ranking_error = models.TextField(_("pesan kesalahan peringkat"), blank=True)

    scope_view_roles: ClassVar[frozenset[str]] = COMMITTEE_ROLES

    class Meta:
        verbose_name = _("lowongan jabatan")
        verbose_name_plural = _("lowongan jabatan")
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return f"{self.jabatan} ({self.seats})"

    def get_absolute_url(self) -> str:
        return reverse("seleksi:vacancy", args=[self.pk])

    def clean(self) -> None:
        if self.jabatan_id and self.jabatan.instansi_id != self.instansi_id:
            raise ValidationError({"jabatan": _("Jabatan harus dari instansi yang sama.")})

    @property
    def ranking_pending(self) -> bool:
        return self.ranking_state in (self.RankingState.QUEUED, self.RankingState.RUNNING)


class Ranking(TenantModel):
    """Everyone considered for a vacancy as of a date, ranked; written once, never changed."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="rankings", verbose_name=_("lowongan"))
    as_of = models.DateField(_("keadaan per"))
    level = models.CharField(_("jenjang sasaran"), max_length=20)
    standard = models.JSONField(_("standar kompetensi"), default=dict)
    weights = models.JSONField(_("bobot"), default=dict)
    rules_version = models.CharField(_("versi aturan"), max_length=500, blank=True)
    counts = models.JSONField(_("jumlah"), default=dict, blank=True)
    computed_by = _user_fk(_("dihitung oleh"))
    computed_at = models.DateTimeField(_("dihitung"), auto_now_add=True)

    scope_view_roles: ClassVar[frozenset[str]] = COMMITTEE_ROLES

    class Meta:
        verbose_name = _("peringkat kandidat")
        verbose_name_plural = _("peringkat kandidat")
        ordering = ["-computed_at", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.vacancy} per {self.as_of:%d-%m-%Y}"


class Candidate(TenantModel):
    """One employee in a ranking: eligibility (with reasons), the criteria and the rank."""

    ranking = models.ForeignKey(
        Ranking, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("peringkat")
    )
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+", verbose_name=_("pegawai"))
    unit = models.ForeignKey(UnitOrganisasi, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit kerja"))
    eligible = models.BooleanField(_("memenuhi syarat"))
    rank = models.PositiveIntegerField(_("peringkat"), null=True, blank=True)
    merit = models.FloatField(_("skor merit"))
    kualifikasi = models.FloatField(_("kualifikasi"))
    kompetensi = models.FloatField(_("kompetensi"))
    kinerja = models.FloatField(_("kinerja"))
    rekam_jejak = models.FloatField(_("rekam jejak"))
    jpm_percent = models.FloatField(_("JPM terhadap jabatan (%)"), null=True, blank=True)
    sources = models.JSONField(_("sumber data"), default=dict, blank=True)
    reasons = models.JSONField(_("alasan tidak memenuhi syarat"), default=list, blank=True)

    scope_view_roles: ClassVar[frozenset[str]] = frozenset(COMMITTEE_ROLES | {Role.PEGAWAI})
    scope_read_all_roles: ClassVar[frozenset[str]] = frozenset(READ_ALL_ROLES)
    scope_pegawai: ClassVar[str | None] = "pegawai_id"

    class Meta:
        verbose_name = _("kandidat")
        verbose_name_plural = _("kandidat")
        ordering = ["ranking", "rank", "-merit", "id"]
        constraints = [models.UniqueConstraint(fields=["ranking", "pegawai"], name="kandidat_unik_per_peringkat")]
        indexes = [models.Index(fields=["ranking", "eligible", "rank"]), models.Index(fields=["pegawai", "ranking"])]

    def __str__(self) -> str:
        return f"{self.pegawai_id} @ {self.ranking_id}"


class SealedMixin:
    """A row that is written once: saving it again or deleting it is refused (Indonesian message)."""

    sealed_message = _("Catatan yang sudah disegel tidak dapat diubah atau dihapus.")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:  # type: ignore[attr-defined]
            raise ValidationError(self.sealed_message)
        super().save(*args, **kwargs)  # type: ignore[misc]

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValidationError(self.sealed_message)


class LedgerQuerySet(RestrictedQuerySet):
    """Sealed entries cannot be changed or removed through the application."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise ValidationError(_("Catatan keputusan yang sudah disegel tidak dapat diubah."))

    def delete(self) -> NoReturn:
        raise ValidationError(_("Catatan keputusan yang sudah disegel tidak dapat dihapus."))

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValidationError(_("Catatan keputusan yang sudah disegel tidak dapat diubah."))


class LedgerEntry(SealedMixin, TenantModel):
    """One sealed entry of an instansi's decision chain (hash over the previous entry's hash)."""

    seq = models.PositiveIntegerField(_("nomor urut"))
    kind = models.CharField(_("jenis"), max_length=40)
    created_at = models.CharField(_("waktu (UTC, ISO 8601)"), max_length=40)
    prev_hash = models.CharField(_("hash sebelumnya"), max_length=64)
    payload = models.TextField(_("isi (JSON kanonik)"))
    hash = models.CharField(_("hash"), max_length=64)

    objects = LedgerQuerySet.as_manager()
    scope_view_roles: ClassVar[frozenset[str]] = COMMITTEE_ROLES
    audit_exclude = frozenset({"payload"})

    class Meta:
        verbose_name = _("catatan keputusan tersegel")
        verbose_name_plural = _("catatan keputusan tersegel")
        ordering = ["instansi", "seq"]
        constraints = [models.UniqueConstraint(fields=["instansi", "seq"], name="ledger_seq_unik_per_instansi")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind} {self.hash[:12]}"


class Decision(SealedMixin, TenantModel):
    """The committee's choice for a vacancy, sealed in the ledger."""

    vacancy = models.OneToOneField(
        Vacancy, on_delete=models.PROTECT, related_name="decision", verbose_name=_("lowongan")
    )
    ranking = models.ForeignKey(Ranking, on_delete=models.PROTECT, related_name="+", verbose_name=_("peringkat"))
    selected = models.ManyToManyField(Pegawai, related_name="+", verbose_name=_("terpilih"))
    deviates = models.BooleanField(_("menyimpang dari peringkat teratas"))
    justification = models.TextField(_("justifikasi"), blank=True)
    decided_by = _user_fk(_("diputuskan oleh"))
    decided_at = models.DateTimeField(_("diputuskan"), auto_now_add=True)
    ledger_entry = models.OneToOneField(
        LedgerEntry, on_delete=models.PROTECT, related_name="decision", verbose_name=_("catatan tersegel")
    )
    ledger_hash = models.CharField(_("hash tersegel"), max_length=64)

    scope_view_roles: ClassVar[frozenset[str]] = COMMITTEE_ROLES

    class Meta:
        verbose_name = _("keputusan seleksi")
        verbose_name_plural = _("keputusan seleksi")
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.vacancy}: {self.decided_at:%d-%m-%Y}"
