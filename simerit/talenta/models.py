"""Talent calibration (decision 0072): a committee reviews the 9-box of one OPD in one finished
index run and moves people, each move with a written reason.

The run's `IndexResult.box` is never changed: a move is its own row (before, after, reason, who,
when). A closed session is final; the latest closed session's move gives the *effective* box of
that employee in that run (the talent pool and succession read it).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from simerit.core.models import Role, TenantModel
from simerit.indeks.models import IndexResult, IndexRun
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.models import Pegawai

MIN_REASON_LENGTH = 10
VIEW_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.AUDITOR})


class CalibrationSession(TenantModel):
    """One calibration meeting of the talent committee for one OPD and one finished run."""

    class Status(models.TextChoices):
        OPEN = "open", _("Berlangsung")
        CLOSED = "closed", _("Ditutup (final)")

    run = models.ForeignKey(IndexRun, on_delete=models.PROTECT, related_name="+", verbose_name=_("perhitungan indeks"))
    opd = models.ForeignKey(UnitOrganisasi, on_delete=models.PROTECT, related_name="+", verbose_name=_("OPD"))
    judul = models.CharField(_("judul sesi"), max_length=200)
    catatan = models.TextField(_("catatan"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("dibuka oleh")
    )
    opened_at = models.DateTimeField(_("dibuka"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditutup oleh"),
    )
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    scope_unit_path: ClassVar[str | None] = "opd__path"
    scope_view_roles: ClassVar[frozenset[str]] = VIEW_ROLES

    class Meta:
        verbose_name = _("sesi kalibrasi talenta")
        verbose_name_plural = _("sesi kalibrasi talenta")
        ordering = ["-opened_at", "-id"]

    def __str__(self) -> str:
        return self.judul

    def get_absolute_url(self) -> str:
        return reverse("talenta:kalibrasi_detail", args=[self.pk])

    @property
    def closed(self) -> bool:
        return self.status == self.Status.CLOSED

    def clean(self) -> None:
        errors = {}
        if self.run_id and self.run.status != IndexRun.Status.DONE:
            errors["run"] = _("Perhitungan indeks harus sudah selesai.")
        if self.run_id and self.run.instansi_id != self.instansi_id:
            errors["run"] = _("Perhitungan indeks harus dari instansi yang sama.")
        if self.opd_id and (self.opd.instansi_id != self.instansi_id or self.opd.parent_id is not None):
            errors["opd"] = _("Pilih OPD (unit tingkat teratas) dari instansi yang sama.")
        if errors:
            raise ValidationError(errors)


class CalibrationMove(TenantModel):
    """One employee moved from one box to another in a session, with the committee's reason."""

    session = models.ForeignKey(
        CalibrationSession, on_delete=models.PROTECT, related_name="moves", verbose_name=_("sesi kalibrasi")
    )
    result = models.ForeignKey(IndexResult, on_delete=models.PROTECT, related_name="+", verbose_name=_("hasil indeks"))
    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="+", verbose_name=_("pegawai"))
    box_before = models.PositiveSmallIntegerField(
        _("kotak sebelum"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    box_after = models.PositiveSmallIntegerField(
        _("kotak sesudah"), validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    alasan = models.TextField(_("alasan"))
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("dipindahkan oleh")
    )
    moved_at = models.DateTimeField(_("waktu"), auto_now=True)

    scope_unit_path: ClassVar[str | None] = "session__opd__path"
    scope_view_roles: ClassVar[frozenset[str]] = VIEW_ROLES

    class Meta:
        verbose_name = _("perpindahan kotak")
        verbose_name_plural = _("perpindahan kotak")
        ordering = ["session", "-moved_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["session", "pegawai"], name="kalibrasi_satu_per_pegawai")]

    def __str__(self) -> str:
        return f"{self.pegawai_id}: {self.box_before} → {self.box_after}"

    def clean(self) -> None:
        errors = {}
        if len((self.alasan or "").strip()) < MIN_REASON_LENGTH:
            errors["alasan"] = _("Alasan wajib ditulis (paling sedikit %(n)d karakter).") % {"n": MIN_REASON_LENGTH}
        if self.box_after is not None and not 1 <= self.box_after <= 9:
            errors["box_after"] = _("Kotak tujuan harus 1 sampai 9.")
        if errors:
            raise ValidationError(errors)
