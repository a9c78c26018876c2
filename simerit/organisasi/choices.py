"""Choice lists of the organisation model (values as in shared/domain/evaluate-contract.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisJabatan(models.TextChoices):
    STRUKTURAL = "struktural", _("Struktural (JPT/Administrator/Pengawas)")
    FUNGSIONAL = "fungsional", _("Fungsional")
    PELAKSANA = "pelaksana", _("Pelaksana")


class JenjangJabatan(models.TextChoices):
    JPT_UTAMA = "jpt_utama", _("JPT Utama")
    JPT_MADYA = "jpt_madya", _("JPT Madya")
    JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    PELAKSANA = "pelaksana", _("Pelaksana")
    AHLI_UTAMA = "ahli_utama", _("Ahli Utama")
    AHLI_MADYA = "ahli_madya", _("Ahli Madya")
    AHLI_MUDA = "ahli_muda", _("Ahli Muda")
    AHLI_PERTAMA = "ahli_pertama", _("Ahli Pertama")
    PENYELIA = "penyelia", _("Penyelia")
    MAHIR = "mahir", _("Mahir")
    TERAMPIL = "terampil", _("Terampil")
    PEMULA = "pemula", _("Pemula")


# Which jenjang belongs to which jenis (UU 20/2023 Pasal 13-18; PP 11/2017).
JENJANG_BY_JENIS = {
    JenisJabatan.STRUKTURAL: {
        JenjangJabatan.JPT_UTAMA,
        JenjangJabatan.JPT_MADYA,
        JenjangJabatan.JPT_PRATAMA,
        JenjangJabatan.ADMINISTRATOR,
        JenjangJabatan.PENGAWAS,
    },
    JenisJabatan.FUNGSIONAL: {
        JenjangJabatan.AHLI_UTAMA,
        JenjangJabatan.AHLI_MADYA,
        JenjangJabatan.AHLI_MUDA,
        JenjangJabatan.AHLI_PERTAMA,
        JenjangJabatan.PENYELIA,
        JenjangJabatan.MAHIR,
        JenjangJabatan.TERAMPIL,
        JenjangJabatan.PEMULA,
    },
    JenisJabatan.PELAKSANA: {JenjangJabatan.PELAKSANA},
}


class Eselon(models.TextChoices):
    I_A = "I.a", "I.a"
    I_B = "I.b", "I.b"
    II_A = "II.a", "II.a"
    II_B = "II.b", "II.b"
    III_A = "III.a", "III.a"
    III_B = "III.b", "III.b"
    IV_A = "IV.a", "IV.a"
    IV_B = "IV.b", "IV.b"
    V = "V", "V"


class DiklatKepemimpinan(models.TextChoices):
    PKN_I = "PKN I", _("PKN Tingkat I")
    PKN_II = "PKN II", _("PKN Tingkat II")
    PKA = "PKA", _("Pelatihan Kepemimpinan Administrator")
    PKP = "PKP", _("Pelatihan Kepemimpinan Pengawas")
