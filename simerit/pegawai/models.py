"""Employees (pegawai) and their histories (riwayat)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from simerit.core.models import TenantModel
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.pegawai.choices import (
    TINGKAT_BY_JENIS,
    Agama,
    JenisDiklat,
    JenisHukdis,
    JenisKelamin,
    NamaDiklatKepemimpinan,
    Rating,
    StatusKepegawaian,
    TingkatHukdis,
)
from simerit.referensi.models import Kompetensi, Pangkat, TingkatPendidikan
from simerit.rules import nip as nip_rules
from simerit.rules import skp

nik_validator = RegexValidator(r"^[0-9]{16}$", _("NIK harus terdiri dari tepat 16 digit angka."))


def _today() -> dt.date:
    return timezone.localdate()


class Pegawai(TenantModel):
    """An ASN employee (CPNS, PNS or PPPK) with the current state of their career."""

    nip = models.CharField(
        _("NIP"), max_length=18, help_text=_("18 digit, disimpan sebagai teks (NI PPPK untuk PPPK).")
    )
    nik = models.CharField(_("NIK"), max_length=16, blank=True, validators=[nik_validator])
    gelar_depan = models.CharField(_("gelar depan"), max_length=40, blank=True)
    nama = models.CharField(_("nama"), max_length=150)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    tempat_lahir = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    tanggal_lahir = models.DateField(_("tanggal lahir"))
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=JenisKelamin.choices)
    agama = models.CharField(_("agama"), max_length=10, choices=Agama.choices, blank=True)
    status = models.CharField(_("status kepegawaian"), max_length=4, choices=StatusKepegawaian.choices)
    tmt_cpns = models.DateField(_("TMT CPNS"), null=True, blank=True)
    tmt_pns = models.DateField(_("TMT PNS"), null=True, blank=True)
    pangkat = models.ForeignKey(
        Pangkat, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("pangkat/golongan")
    )
    tmt_pangkat = models.DateField(_("TMT pangkat"), null=True, blank=True)
    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.PROTECT, null=True, blank=True, related_name="pemangku", verbose_name=_("jabatan")
    )
    tmt_jabatan = models.DateField(_("TMT jabatan"), null=True, blank=True)
    unit = models.ForeignKey(UnitOrganisasi, on_delete=models.PROTECT, related_name="pegawai", verbose_name=_("unit kerja"))
    pendidikan = models.ForeignKey(
        TingkatPendidikan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pendidikan tertinggi"),
    )
    aktif = models.BooleanField(_("aktif"), default=True, help_text=_("Tidak aktif: pensiun, berhenti atau meninggal."))
    tanggal_berhenti = models.DateField(_("tanggal berhenti/pensiun"), null=True, blank=True)

    scope_unit_path: ClassVar[str | None] = "unit__path"
    scope_pegawai: ClassVar[str | None] = "pk"

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        constraints = [models.UniqueConstraint(fields=["instansi", "nip"], name="nip_unik_per_instansi")]
        indexes = [models.Index(fields=["instansi", "aktif", "unit"]), models.Index(fields=["nama"])]

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.nip})"

    def get_absolute_url(self) -> str:
        return reverse("pegawai:detail", args=[self.pk])

    @property
    def nama_lengkap(self) -> str:
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}

        def add(field: str, message: str) -> None:
            errors.setdefault(field, []).append(message)

        nip = self.nip.strip() if isinstance(self.nip, str) else self.nip
        self.nip = nip
        if self.status == StatusKepegawaian.PPPK:
            # The NI PPPK format is not published in what we found: only its length is checked
            # (docs/decisions/0002-nip-validation.md).
            if not (isinstance(nip, str) and len(nip) == 18 and nip.isdigit()):
                add("nip", str(_("NI PPPK harus terdiri dari tepat 18 digit angka.")))
        else:
            _parts, problems = nip_rules.parse_nip(nip)
            for p in problems:
                add("nip", p.message)
        today = _today()
        if self.tanggal_lahir and self.tanggal_lahir > today:
            add("tanggal_lahir", str(_("Tanggal lahir tidak boleh di masa depan.")))
        if self.status in (StatusKepegawaian.CPNS, StatusKepegawaian.PNS) and not self.tmt_cpns:
            add("tmt_cpns", str(_("TMT CPNS wajib diisi untuk CPNS dan PNS.")))
        if self.tanggal_lahir and self.tmt_cpns and self.tanggal_lahir >= self.tmt_cpns:
            add("tanggal_lahir", str(_("Tanggal lahir harus sebelum TMT CPNS.")))
        if self.tmt_cpns and self.tmt_cpns > today:
            add("tmt_cpns", str(_("TMT CPNS tidak boleh di masa depan.")))
        if self.status == StatusKepegawaian.PNS and not self.tmt_pns:
            add("tmt_pns", str(_("TMT PNS wajib diisi untuk PNS.")))
        if self.tmt_pns and self.tmt_cpns and self.tmt_pns < self.tmt_cpns:
            add("tmt_pns", str(_("TMT PNS tidak boleh sebelum TMT CPNS.")))
        if self.status in (StatusKepegawaian.CPNS, StatusKepegawaian.PNS) and not self.pangkat_id:
            add("pangkat", str(_("Pangkat/golongan wajib diisi untuk CPNS dan PNS.")))
        if self.instansi_id:
            if self.jabatan_id and self.jabatan.instansi_id != self.instansi_id:
                add("jabatan", str(_("Jabatan berasal dari instansi lain.")))
            if self.unit_id and self.unit.instansi_id != self.instansi_id:
                add("unit", str(_("Unit kerja berasal dari instansi lain.")))
        for field in ("tmt_pangkat", "tmt_jabatan"):
            value = getattr(self, field)
            if value and self.tanggal_lahir and value <= self.tanggal_lahir:
                add(field, str(_("Tanggal harus setelah tanggal lahir.")))
        if errors:
            raise ValidationError(errors)

    def nip_warnings(self) -> list[str]:
        """Data-quality warnings: the NIP disagrees with the record (decisions.md "Retirement")."""
        parts, problems = nip_rules.parse_nip(self.nip)
        if parts is None or self.status == StatusKepegawaian.PPPK:
            return []
        warnings = []
        if self.tanggal_lahir and parts.birth_date != self.tanggal_lahir:
            warnings.append(str(_("Tanggal lahir pada NIP berbeda dengan data tanggal lahir.")))
        if self.jenis_kelamin and parts.sex != self.jenis_kelamin:
            warnings.append(str(_("Kode jenis kelamin pada NIP berbeda dengan data jenis kelamin.")))
        if self.tmt_cpns and (parts.cpns_year, parts.cpns_month) != (self.tmt_cpns.year, self.tmt_cpns.month):
            warnings.append(str(_("Bulan TMT CPNS pada NIP berbeda dengan data TMT CPNS.")))
        return warnings


class Riwayat(TenantModel):
    """Base of every history row: it belongs to one employee (and their instansi)."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.CASCADE, related_name="%(class)s_set", verbose_name=_("pegawai"))
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)

    scope_unit_path: ClassVar[str | None] = "pegawai__unit__path"
    scope_pegawai: ClassVar[str | None] = "pegawai_id"
    # Date fields that must lie after the birth date and not in the future.
    date_fields: ClassVar[tuple[str, ...]] = ("tanggal_sk",)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pegawai_id and not self.instansi_id:
            self.instansi_id = self.pegawai.instansi_id
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not self.pegawai_id:
            return
        if self.instansi_id and self.pegawai.instansi_id != self.instansi_id:
            errors["pegawai"] = str(_("Pegawai berasal dari instansi lain."))
        today = _today()
        for field in self.date_fields:
            value = getattr(self, field)
            if value is None:
                continue
            if value > today:
                errors[field] = str(_("Tanggal tidak boleh di masa depan."))
            elif value <= self.pegawai.tanggal_lahir:
                errors[field] = str(_("Tanggal harus setelah tanggal lahir pegawai."))
        if errors:
            raise ValidationError(errors)


class RiwayatPangkat(Riwayat):
    """A pangkat held from its TMT (SK kenaikan pangkat)."""

    class JenisKP(models.TextChoices):
        PENGANGKATAN = "pengangkatan", _("Pengangkatan CPNS/PNS")
        REGULER = "reguler", _("Reguler")
        PILIHAN = "pilihan", _("Pilihan (jabatan)")
        ISTIMEWA = "istimewa", _("Istimewa")
        PENYESUAIAN_IJAZAH = "ijazah", _("Penyesuaian ijazah")

    pangkat = models.ForeignKey(Pangkat, on_delete=models.PROTECT, related_name="+", verbose_name=_("pangkat"))
    tmt = models.DateField(_("TMT pangkat"))
    jenis_kp = models.CharField(_("jenis KP"), max_length=20, choices=JenisKP.choices, default=JenisKP.REGULER)
    masa_kerja_tahun = models.PositiveSmallIntegerField(_("masa kerja (tahun)"), default=0)
    masa_kerja_bulan = models.PositiveSmallIntegerField(_("masa kerja (bulan)"), default=0, validators=[MaxValueValidator(11)])

    date_fields = ("tmt", "tanggal_sk")

    class Meta:
        verbose_name = _("riwayat pangkat")
        verbose_name_plural = _("riwayat pangkat")
        ordering = ["pegawai", "-tmt"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "pangkat", "tmt"], name="riwayat_pangkat_unik")]

    def __str__(self) -> str:
        return f"{self.pangkat.kode} TMT {self.tmt:%d-%m-%Y}"


class RiwayatJabatan(Riwayat):
    """A position held from its TMT."""

    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="+", verbose_name=_("jabatan"))
    unit = models.ForeignKey(UnitOrganisasi, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    tmt = models.DateField(_("TMT jabatan"))

    date_fields = ("tmt", "tanggal_sk")

    class Meta:
        verbose_name = _("riwayat jabatan")
        verbose_name_plural = _("riwayat jabatan")
        ordering = ["pegawai", "-tmt"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "jabatan", "tmt"], name="riwayat_jabatan_unik")]

    def __str__(self) -> str:
        return f"{self.jabatan} TMT {self.tmt:%d-%m-%Y}"

    def clean(self) -> None:
        super().clean()
        if self.jabatan_id and self.jabatan.instansi_id != self.pegawai.instansi_id:
            raise ValidationError({"jabatan": _("Jabatan berasal dari instansi lain.")})


class RiwayatPendidikan(Riwayat):
    """A completed education (ijazah)."""

    tingkat = models.ForeignKey(TingkatPendidikan, on_delete=models.PROTECT, related_name="+", verbose_name=_("tingkat"))
    nama_institusi = models.CharField(_("nama sekolah/perguruan tinggi"), max_length=200)
    jurusan = models.CharField(_("jurusan/program studi"), max_length=200, blank=True)
    tahun_lulus = models.PositiveSmallIntegerField(_("tahun lulus"), validators=[MinValueValidator(1940)])
    nomor_ijazah = models.CharField(_("nomor ijazah"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = _("riwayat pendidikan")
        ordering = ["pegawai", "-tahun_lulus"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tingkat", "tahun_lulus"], name="riwayat_pendidikan_unik")]

    def __str__(self) -> str:
        return f"{self.tingkat.kode} {self.nama_institusi} ({self.tahun_lulus})"

    def clean(self) -> None:
        super().clean()
        if self.tahun_lulus and self.pegawai_id:
            if self.tahun_lulus > _today().year:
                raise ValidationError({"tahun_lulus": _("Tahun lulus tidak boleh di masa depan.")})
            if self.tahun_lulus <= self.pegawai.tanggal_lahir.year:
                raise ValidationError({"tahun_lulus": _("Tahun lulus harus setelah tahun lahir.")})


class RiwayatDiklat(Riwayat):
    """A training, course or seminar attended, with its hours (JP)."""

    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisDiklat.choices)
    nama = models.CharField(_("nama diklat/kursus"), max_length=200)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    jp = models.PositiveIntegerField(_("jumlah jam pelajaran (JP)"), default=0)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))

    date_fields = ("tanggal_mulai", "tanggal_selesai", "tanggal_sk")

    class Meta:
        verbose_name = _("riwayat diklat/kursus")
        verbose_name_plural = _("riwayat diklat/kursus")
        ordering = ["pegawai", "-tanggal_selesai"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "jenis", "nama", "tanggal_mulai"], name="riwayat_diklat_unik")
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jp} JP)"

    def clean(self) -> None:
        super().clean()
        if self.tanggal_mulai and self.tanggal_selesai and self.tanggal_selesai < self.tanggal_mulai:
            raise ValidationError({"tanggal_selesai": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
        if self.jenis == JenisDiklat.KEPEMIMPINAN and self.nama not in NamaDiklatKepemimpinan.values:
            raise ValidationError(
                {"nama": _("Nama diklat kepemimpinan harus salah satu dari: %(names)s.") % {"names": ", ".join(NamaDiklatKepemimpinan.values)}}
            )


class RiwayatKinerja(Riwayat):
    """Yearly performance: ratings (from 2022, PermenPANRB 6/2022) or a numeric value (before)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(2000)])
    hasil_kerja = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices, blank=True)
    perilaku_kerja = models.CharField(_("rating perilaku kerja"), max_length=10, choices=Rating.choices, blank=True)
    nilai = models.DecimalField(
        _("nilai (sebelum 2022)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("riwayat kinerja")
        verbose_name_plural = _("riwayat kinerja")
        ordering = ["pegawai", "-tahun"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tahun"], name="riwayat_kinerja_unik_per_tahun")]

    def __str__(self) -> str:
        return f"{self.tahun}: {self.predikat}"

    @property
    def predikat(self) -> str:
        if self.hasil_kerja and self.perilaku_kerja:
            return skp.predikat(self.hasil_kerja, self.perilaku_kerja)
        if self.nilai is not None:
            return f"{self.nilai} ({skp.numeric_label(float(self.nilai))})"
        return ""

    def clean(self) -> None:
        super().clean()
        if self.tahun and self.tahun > _today().year:
            raise ValidationError({"tahun": _("Tahun tidak boleh di masa depan.")})
        has_ratings = bool(self.hasil_kerja or self.perilaku_kerja)
        if self.tahun and self.tahun >= 2022:
            if not (self.hasil_kerja and self.perilaku_kerja):
                raise ValidationError(
                    {"hasil_kerja": _("Sejak 2022 kinerja dinilai dengan rating hasil kerja dan perilaku kerja (PermenPANRB 6/2022).")}
                )
        elif self.nilai is None or has_ratings:
            raise ValidationError({"nilai": _("Sebelum 2022 kinerja dicatat sebagai nilai angka 0-100 (PP 46/2011).")})


class RiwayatHukdis(Riwayat):
    """A disciplinary sanction (hukuman disiplin), PP 94/2021 or earlier rules."""

    tingkat = models.CharField(_("tingkat"), max_length=10, choices=TingkatHukdis.choices)
    jenis = models.CharField(_("jenis hukuman"), max_length=30, choices=JenisHukdis.choices)
    tmt_mulai = models.DateField(_("berlaku mulai"), null=True, blank=True)
    tmt_selesai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)

    date_fields = ("tanggal_sk", "tmt_mulai")

    class Meta:
        verbose_name = _("riwayat hukuman disiplin")
        verbose_name_plural = _("riwayat hukuman disiplin")
        ordering = ["pegawai", "-tanggal_sk"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "jenis", "tanggal_sk"], name="riwayat_hukdis_unik")
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} ({self.get_tingkat_display()})"

    def clean(self) -> None:
        super().clean()
        if not self.tanggal_sk:
            raise ValidationError({"tanggal_sk": _("Tanggal keputusan hukuman disiplin wajib diisi.")})
        if self.jenis and self.tingkat and TINGKAT_BY_JENIS.get(self.jenis) != self.tingkat:
            raise ValidationError(
                {"tingkat": _("Jenis hukuman ini termasuk tingkat %(t)s.") % {"t": TingkatHukdis(TINGKAT_BY_JENIS[self.jenis]).label}}
            )
        if self.tmt_mulai and self.tmt_selesai and self.tmt_selesai < self.tmt_mulai:
            raise ValidationError({"tmt_selesai": _("Akhir masa hukuman tidak boleh sebelum awalnya.")})


class RiwayatAsesmen(Riwayat):
    """A competency assessment: the levels reached per competency, by whom and when."""

    tanggal = models.DateField(_("tanggal asesmen"))
    asesor = models.CharField(_("asesor"), max_length=150)
    lembaga = models.CharField(_("lembaga/assessment center"), max_length=200, blank=True)
    metode = models.CharField(_("metode"), max_length=100, blank=True)

    date_fields = ("tanggal",)

    class Meta:
        verbose_name = _("riwayat asesmen kompetensi")
        verbose_name_plural = _("riwayat asesmen kompetensi")
        ordering = ["pegawai", "-tanggal"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "tanggal"], name="riwayat_asesmen_unik")]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} ({self.asesor})"


class NilaiAsesmen(TenantModel):
    """The level reached in one competency in one assessment."""

    asesmen = models.ForeignKey(RiwayatAsesmen, on_delete=models.CASCADE, related_name="nilai", verbose_name=_("asesmen"))
    kompetensi = models.ForeignKey(Kompetensi, on_delete=models.PROTECT, related_name="+", verbose_name=_("kompetensi"))
    level = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(1), MaxValueValidator(5)])

    scope_unit_path: ClassVar[str | None] = "asesmen__pegawai__unit__path"
    scope_pegawai: ClassVar[str | None] = "asesmen__pegawai_id"

    class Meta:
        verbose_name = _("nilai asesmen")
        verbose_name_plural = _("nilai asesmen")
        constraints = [models.UniqueConstraint(fields=["asesmen", "kompetensi"], name="nilai_asesmen_unik")]

    def __str__(self) -> str:
        return f"{self.kompetensi}: {self.level}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.asesmen_id and not self.instansi_id:
            self.instansi_id = self.asesmen.instansi_id
        super().save(*args, **kwargs)


class RiwayatPenghargaan(Riwayat):
    """An award (e.g. Satyalancana Karya Satya)."""

    nama = models.CharField(_("nama penghargaan"), max_length=200)
    tahun = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(1950)])
    pemberi = models.CharField(_("pemberi"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("riwayat penghargaan")
        verbose_name_plural = _("riwayat penghargaan")
        ordering = ["pegawai", "-tahun"]
        constraints = [models.UniqueConstraint(fields=["pegawai", "nama", "tahun"], name="riwayat_penghargaan_unik")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.tahun})"
