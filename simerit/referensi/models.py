"""National reference tables, loaded by migration from `simerit/rules/data/*.csv`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Pangkat(models.Model):
    """A pangkat with its golongan/ruang (PP 99/2000 jo. PP 12/2002), e.g. III/a Penata Muda."""

    kode = models.CharField(_("golongan/ruang"), max_length=6, unique=True)
    golongan = models.CharField(_("golongan"), max_length=3)
    ruang = models.CharField(_("ruang"), max_length=1)
    nama = models.CharField(_("nama pangkat"), max_length=60)
    urutan = models.PositiveSmallIntegerField(_("urutan"), unique=True)

    class Meta:
        verbose_name = _("pangkat")
        verbose_name_plural = _("pangkat")
        ordering = ["urutan"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.kode})"


class TingkatPendidikan(models.Model):
    """An education level with its starting golongan and regular-promotion ceiling."""

    kode = models.CharField(_("kode"), max_length=6, unique=True)
    nama = models.CharField(_("nama"), max_length=60)
    urutan = models.PositiveSmallIntegerField(_("urutan"), unique=True)
    golongan_awal = models.ForeignKey(Pangkat, on_delete=models.PROTECT, related_name="+", verbose_name=_("golongan awal"))
    golongan_maks = models.ForeignKey(
        Pangkat, on_delete=models.PROTECT, related_name="+", verbose_name=_("golongan tertinggi KP reguler")
    )

    class Meta:
        verbose_name = _("tingkat pendidikan")
        verbose_name_plural = _("tingkat pendidikan")
        ordering = ["urutan"]

    def __str__(self) -> str:
        return self.nama


class Kompetensi(models.Model):
    """A competency of the dictionary (PermenPANRB 38/2017), measured on levels 1-5."""

    class Jenis(models.TextChoices):
        MANAJERIAL = "manajerial", _("Manajerial")
        SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")
        TEKNIS = "teknis", _("Teknis")

    kode = models.CharField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama
