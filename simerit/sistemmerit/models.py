"""Merit-system self-assessment (penilaian mandiri sistem merit, decision 0090): one assessment per
instansi and year against a versioned instrument (`simerit.rules.merit_system`), one answer per
indicator with the level the system suggested from data and its evidence. A final assessment is
never edited: a new year is a new assessment."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from simerit.core.models import Role, TenantModel
from simerit.rules import merit_system

# Screens: BKPSDM fills in; pimpinan and auditor read; operator and pegawai have no access.
VIEW_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.AUDITOR})
MANAGE_ROLES = frozenset({Role.ADMIN})
MIN_NOTE_LENGTH = 10
LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class SelfAssessment(TenantModel):
    """The self-assessment of one instansi for one year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        FINAL = "final", _("Final")

    tahun = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(2019), MaxValueValidator(2100)])
    instrument_version = models.CharField(_("versi instrumen"), max_length=50)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("dibuat oleh")
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("difinalkan oleh"),
    )  # fmt: skip
    finalised_at = models.DateTimeField(_("difinalkan"), null=True, blank=True)

    scope_view_roles: ClassVar[frozenset[str]] = VIEW_ROLES

    class Meta:
        verbose_name = _("penilaian mandiri sistem merit")
        verbose_name_plural = _("penilaian mandiri sistem merit")
        ordering = ["-tahun"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="penilaian_merit_satu_per_tahun")]

    def __str__(self) -> str:
        return f"Penilaian mandiri sistem merit {self.tahun}"

    def get_absolute_url(self) -> str:
        return reverse("sistemmerit:detail", args=[self.pk])

    @property
    def final(self) -> bool:
        return self.status == self.Status.FINAL

    @property
    def instrument(self) -> merit_system.Instrument:
        return merit_system.instrument_version(self.instrument_version)


class SelfAssessmentAnswer(TenantModel):
    """The level chosen for one indicator, the system's suggestion and the evidence."""

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("penilaian")
    )
    indicator = models.CharField(_("kode indikator"), max_length=20)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True, validators=LEVEL_VALIDATORS)
    suggested_level = models.PositiveSmallIntegerField(
        _("saran sistem"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    suggestion = models.TextField(_("bukti dari data"), blank=True)  # numbers behind the suggestion
    suggestion_url = models.CharField(_("tautan bukti dari data"), max_length=200, blank=True)
    evidence = models.TextField(_("bukti (teks/tautan)"), blank=True)
    note = models.TextField(_("catatan"), blank=True)

    scope_view_roles: ClassVar[frozenset[str]] = VIEW_ROLES

    class Meta:
        verbose_name = _("jawaban indikator")
        verbose_name_plural = _("jawaban indikator")
        ordering = ["assessment", "id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="penilaian_merit_satu_per_indikator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.level or '-'}"
