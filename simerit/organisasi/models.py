"""Organisation units (a tree of OPD and sub-units) and positions (jabatan)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from simerit.core.models import TenantModel
from simerit.organisasi.choices import JENJANG_BY_JENIS, DiklatKepemimpinan, Eselon, JenisJabatan, JenjangJabatan
from simerit.organisasi.tree import path_ids
from simerit.referensi.models import Kompetensi


class UnitOrganisasi(TenantModel):
    """An OPD or one of its sub-units; `path` holds the ids from the root for subtree queries."""

    kode = models.CharField(_("kode unit"), max_length=30)
    nama = models.CharField(_("nama unit"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    unor_id = models.CharField(
        _("UNOR ID (SIASN)"), max_length=64, blank=True,
        help_text=_("ID unit organisasi di SIASN BKN; dipakai untuk mencocokkan impor SIASN. Unik per instansi."),
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("unit induk")
    )
    path = models.CharField(_("jalur"), max_length=255, db_index=True, editable=False, default="")
    level = models.PositiveSmallIntegerField(_("tingkat"), default=0, editable=False)

    scope_unit_path: ClassVar[str | None] = "path"

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "kode"], name="unit_kode_unik_per_instansi"),
            models.UniqueConstraint(
                fields=["instansi", "unor_id"], condition=~models.Q(unor_id=""), name="unit_unor_id_unik_per_instansi"
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        if self.parent_id and self.parent.instansi_id != self.instansi_id:
            raise ValidationError({"parent": _("Unit induk harus dari instansi yang sama.")})
        if self.pk and self.parent_id and f"/{self.pk}/" in self.parent.path:
            raise ValidationError({"parent": _("Unit induk tidak boleh unit ini sendiri atau sub-unitnya.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            parent_path = self.parent.path if self.parent_id else "/"
            if self.pk is None:
                super().save(*args, **kwargs)
                self.path, self.level = f"{parent_path}{self.pk}/", parent_path.count("/") - 1
                UnitOrganisasi.objects.filter(pk=self.pk).update(path=self.path, level=self.level)
                return
            old_path = self.path
            self.path, self.level = f"{parent_path}{self.pk}/", parent_path.count("/") - 1
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                # Moving a unit moves its whole subtree.
                for child in UnitOrganisasi.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    child.path = self.path + child.path[len(old_path) :]
                    child.level = child.path.count("/") - 2
                    super(UnitOrganisasi, child).save(update_fields=["path", "level"])

    @property
    def opd(self) -> int:
        """Id of the top-level unit (the OPD) this unit belongs to."""
        return path_ids(self.path)[0]


class Jabatan(TenantModel):
    """A position in a unit, with its kind, level, grade and requirements."""

    unit = models.ForeignKey(UnitOrganisasi, on_delete=models.PROTECT, related_name="jabatan", verbose_name=_("unit"))
    nama = models.CharField(_("nama jabatan"), max_length=200)
    jenis = models.CharField(_("jenis jabatan"), max_length=20, choices=JenisJabatan.choices)
    jenjang = models.CharField(_("jenjang"), max_length=20, choices=JenjangJabatan.choices)
    eselon = models.CharField(_("eselon"), max_length=6, choices=Eselon.choices, blank=True)
    kelas_jabatan = models.PositiveSmallIntegerField(
        _("kelas jabatan"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    bup = models.PositiveSmallIntegerField(
        _("BUP khusus"),
        null=True,
        blank=True,
        validators=[MinValueValidator(50), MaxValueValidator(75)],
        help_text=_("Diisi hanya jika undang-undang jabatan ini menetapkan batas usia pensiun sendiri (mis. guru 60)."),
    )
    diklat_kepemimpinan = models.CharField(
        _("diklat kepemimpinan yang disyaratkan"), max_length=10, choices=DiklatKepemimpinan.choices, blank=True
    )
    diklat_fungsional = models.CharField(
        _("diklat fungsional yang disyaratkan"),
        max_length=200,
        blank=True,
        help_text=_("Kosongkan untuk JF yang tidak mensyaratkan diklat fungsional."),
    )
    kebutuhan = models.PositiveIntegerField(_("kebutuhan (ABK)"), default=1)
    kritis = models.BooleanField(_("jabatan kritis"), default=False)

    scope_unit_path: ClassVar[str | None] = "unit__path"

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit__path", "nama"]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.unit_id and self.unit.instansi_id != self.instansi_id:
            errors["unit"] = _("Unit harus dari instansi yang sama dengan jabatan.")
        if self.jenis and self.jenjang and self.jenjang not in JENJANG_BY_JENIS.get(self.jenis, set()):
            errors["jenjang"] = _("Jenjang %(jenjang)s tidak sesuai dengan jenis jabatan %(jenis)s.") % {
                "jenjang": self.get_jenjang_display(),
                "jenis": self.get_jenis_display(),
            }
        if self.eselon and self.jenis != JenisJabatan.STRUKTURAL:
            errors["eselon"] = _("Eselon hanya untuk jabatan struktural.")
        if errors:
            raise ValidationError(errors)


class StandarKompetensi(TenantModel):
    """The required level of one competency for one position (standar kompetensi jabatan)."""

    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="standar", verbose_name=_("jabatan"))
    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.PROTECT, related_name="+", verbose_name=_("kompetensi"))
    level = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(1), MaxValueValidator(5)])

    scope_unit_path: ClassVar[str | None] = "jabatan__unit__path"

    class Meta:
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        constraints = [models.UniqueConstraint(fields=["jabatan", "kompetensi"], name="standar_unik_per_jabatan")]

    def __str__(self) -> str:
        return f"{self.jabatan} — {self.kompetensi}: {self.level}"
