"""Choice lists of the employee model."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisKelamin(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


class Agama(models.TextChoices):
    ISLAM = "islam", _("Islam")
    KRISTEN = "kristen", _("Kristen")
    KATOLIK = "katolik", _("Katolik")
    HINDU = "hindu", _("Hindu")
    BUDDHA = "buddha", _("Buddha")
    KONGHUCU = "konghucu", _("Khonghucu")


class StatusKepegawaian(models.TextChoices):
    CPNS = "CPNS", _("CPNS")
    PNS = "PNS", _("PNS")
    PPPK = "PPPK", _("PPPK")


class JenisDiklat(models.TextChoices):
    KEPEMIMPINAN = "kepemimpinan", _("Kepemimpinan")
    FUNGSIONAL = "fungsional", _("Fungsional")
    TEKNIS = "teknis", _("Teknis")
    SEMINAR = "seminar", _("Seminar/lokakarya/kursus/magang")


class NamaDiklatKepemimpinan(models.TextChoices):
    PKN_I = "PKN I", "PKN I"
    PKN_II = "PKN II", "PKN II"
    PKA = "PKA", "PKA"
    PKP = "PKP", "PKP"
    DIKLATPIM_I = "Diklatpim I", "Diklatpim I"
    DIKLATPIM_II = "Diklatpim II", "Diklatpim II"
    DIKLATPIM_III = "Diklatpim III", "Diklatpim III"
    DIKLATPIM_IV = "Diklatpim IV", "Diklatpim IV"


class Rating(models.TextChoices):
    """Rating hasil kerja / perilaku kerja (PermenPANRB 6/2022)."""

    DI_ATAS = "di_atas", _("Di atas ekspektasi")
    SESUAI = "sesuai", _("Sesuai ekspektasi")
    DI_BAWAH = "di_bawah", _("Di bawah ekspektasi")


class TingkatHukdis(models.TextChoices):
    RINGAN = "ringan", _("Ringan")
    SEDANG = "sedang", _("Sedang")
    BERAT = "berat", _("Berat")


class JenisHukdis(models.TextChoices):
    """Sanction types of PP 94/2021 (current) and PP 53/2010 (history data)."""

    TEGURAN_LISAN = "teguran_lisan", _("Teguran lisan")
    TEGURAN_TERTULIS = "teguran_tertulis", _("Teguran tertulis")
    PERNYATAAN_TIDAK_PUAS = "pernyataan_tidak_puas", _("Pernyataan tidak puas secara tertulis")
    TUKIN_6 = "tukin_25_6", _("Pemotongan tunjangan kinerja 25% selama 6 bulan")
    TUKIN_9 = "tukin_25_9", _("Pemotongan tunjangan kinerja 25% selama 9 bulan")
    TUKIN_12 = "tukin_25_12", _("Pemotongan tunjangan kinerja 25% selama 12 bulan")
    PENURUNAN_JABATAN = "penurunan_jabatan_12", _("Penurunan jabatan setingkat lebih rendah selama 12 bulan")
    PEMBEBASAN_JABATAN = "pembebasan_jabatan_12", _("Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan")
    PDHTAPS = "pdhtaps", _("Pemberhentian dengan hormat tidak atas permintaan sendiri")
    PENUNDAAN_KGB = "penundaan_kgb", _("Penundaan kenaikan gaji berkala 1 tahun (PP 53/2010)")
    PENUNDAAN_KP = "penundaan_kp", _("Penundaan kenaikan pangkat 1 tahun (PP 53/2010)")
    PENURUNAN_PANGKAT_1 = "penurunan_pangkat_1", _("Penurunan pangkat setingkat lebih rendah 1 tahun (PP 53/2010)")
    PENURUNAN_PANGKAT_3 = "penurunan_pangkat_3", _("Penurunan pangkat setingkat lebih rendah 3 tahun (PP 53/2010)")
    PTDH = "ptdh", _("Pemberhentian tidak dengan hormat (PP 53/2010)")


# The level each type belongs to (PP 94/2021 Pasal 8; PP 53/2010 Pasal 7).
TINGKAT_BY_JENIS = {
    JenisHukdis.TEGURAN_LISAN: TingkatHukdis.RINGAN,
    JenisHukdis.TEGURAN_TERTULIS: TingkatHukdis.RINGAN,
    JenisHukdis.PERNYATAAN_TIDAK_PUAS: TingkatHukdis.RINGAN,
    JenisHukdis.TUKIN_6: TingkatHukdis.SEDANG,
    JenisHukdis.TUKIN_9: TingkatHukdis.SEDANG,
    JenisHukdis.TUKIN_12: TingkatHukdis.SEDANG,
    JenisHukdis.PENUNDAAN_KGB: TingkatHukdis.SEDANG,
    JenisHukdis.PENUNDAAN_KP: TingkatHukdis.SEDANG,
    JenisHukdis.PENURUNAN_PANGKAT_1: TingkatHukdis.SEDANG,
    JenisHukdis.PENURUNAN_JABATAN: TingkatHukdis.BERAT,
    JenisHukdis.PEMBEBASAN_JABATAN: TingkatHukdis.BERAT,
    JenisHukdis.PDHTAPS: TingkatHukdis.BERAT,
    JenisHukdis.PENURUNAN_PANGKAT_3: TingkatHukdis.BERAT,
    JenisHukdis.PTDH: TingkatHukdis.BERAT,
}
