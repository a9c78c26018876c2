"""Catalogue of the synthetic regency: OPD and sub-units, position families, education
profiles, names, places, trainings and the shares they are drawn with.

Pure data and small helpers (no Django). Everything here is demo data, not a rule; where a value
follows a regulation the comment cites shared/domain/regulations.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import polars as pl
from faker.providers.address.id_ID import Provider as _AddressProvider
from faker.providers.person.id_ID import Provider as _PersonProvider

from simerit.rules.reference import load_table

# --------------------------------------------------------------------------------------------
# Reference data (versioned CSV files shared with the rules package)
# --------------------------------------------------------------------------------------------

PANGKAT_CODES: tuple[str, ...] = tuple(r["kode"] for r in load_table("pangkat")[1])
_PANGKAT_IDX = {code: i + 1 for i, code in enumerate(PANGKAT_CODES)}  # I/a = 1 ... IV/e = 17
EDU_CODES: tuple[str, ...] = tuple(r["kode"] for r in load_table("pendidikan")[1])
_EDU = {c: i for i, c in enumerate(EDU_CODES)}
EDU_START = np.array([_PANGKAT_IDX[r["golongan_awal"]] for r in load_table("pendidikan")[1]])
EDU_CEILING = np.array([_PANGKAT_IDX[r["golongan_maks"]] for r in load_table("pendidikan")[1]])
KOMPETENSI_CODES: tuple[str, ...] = tuple(r["kode"] for r in load_table("kompetensi")[1])

# Education: typical graduation age, CPNS entry age (min, mode, max) in years, the level below.
_GRAD_AGE = {"SD": 12, "SLTP": 15, "SLTA": 18, "D1": 19, "D2": 20, "D3": 21, "D4": 22, "S1": 22, "S2": 25, "S3": 31}
_ENTRY_AGE = {
    "SD": (18.2, 22, 30), "SLTP": (18.2, 22, 30), "SLTA": (19, 23, 32), "D1": (20, 24, 32), "D2": (21, 24, 32),
    "D3": (21.5, 25, 33), "D4": (22.5, 26, 35), "S1": (22.5, 26, 35), "S2": (25, 30, 40), "S3": (30, 35, 45),
}  # fmt: skip
_EDU_BELOW = {"SD": None, "SLTP": "SD", "SLTA": "SLTP", "D1": "SLTA", "D2": "SLTA", "D3": "SLTA", "D4": "SLTA",
              "S1": "SLTA", "S2": "S1", "S3": "S2"}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Jenjang (values of simerit.organisasi.choices.JenjangJabatan; kept as plain strings here)
# --------------------------------------------------------------------------------------------

JENJANG_CODES = (
    "jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
    "ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil", "pemula",
)  # fmt: skip
_J = {c: i for i, c in enumerate(JENJANG_CODES)}
JENJANG_LABEL = {
    "ahli_utama": "Ahli Utama", "ahli_madya": "Ahli Madya", "ahli_muda": "Ahli Muda", "ahli_pertama": "Ahli Pertama",
    "penyelia": "Penyelia", "mahir": "Mahir", "terampil": "Terampil", "pemula": "Pemula",
}  # fmt: skip
# BUP by jenjang (regulations.md §6, PP 11/2017 Pasal 239); a position's own `bup` overrides.
JENJANG_BUP = {
    "jpt_utama": 60, "jpt_madya": 60, "jpt_pratama": 60, "administrator": 58, "pengawas": 58, "pelaksana": 58,
    "ahli_utama": 65, "ahli_madya": 60, "ahli_muda": 58, "ahli_pertama": 58,
    "penyelia": 58, "mahir": 58, "terampil": 58, "pemula": 58,
}  # fmt: skip
# Pangkat range of JF jenjang (regulations.md §11; keterampilan ranges are tagged U) and of eselon (§8.4).
JF_PANGKAT = {
    "ahli_pertama": (9, 10), "ahli_muda": (11, 12), "ahli_madya": (13, 15), "ahli_utama": (16, 17),
    "pemula": (5, 5), "terampil": (6, 8), "mahir": (9, 10), "penyelia": (11, 12),
}  # fmt: skip
ESELON_PANGKAT = {"II.a": (15, 16), "II.b": (14, 15), "III.a": (13, 14), "III.b": (12, 13), "IV.a": (11, 12), "IV.b": (10, 11)}
ESELON_KELAS = {"II.a": 15, "II.b": 14, "III.a": 12, "III.b": 11, "IV.a": 9, "IV.b": 8}
ESELON_JENJANG = {"II.a": "jpt_pratama", "II.b": "jpt_pratama", "III.a": "administrator", "III.b": "administrator",
                  "IV.a": "pengawas", "IV.b": "pengawas"}  # fmt: skip
DIKLAT_BY_JENJANG = {"jpt_pratama": "PKN II", "administrator": "PKA", "pengawas": "PKP"}
JF_KELAS = {"ahli_utama": 14, "ahli_madya": 12, "ahli_muda": 10, "ahli_pertama": 8,
            "penyelia": 8, "mahir": 7, "terampil": 6, "pemula": 5}  # fmt: skip
ENTRY_JENJANG = frozenset({"ahli_pertama", "terampil", "pemula", "pelaksana"})
# Tier used to pick earlier positions: 0 pelaksana, 1 pengawas, 2 administrator, 3 JPT.
STRUKTURAL_TIER = {"jpt_pratama": 3, "administrator": 2, "pengawas": 1}

# Standard competency levels by jenjang: (base level, probability that a competency is one higher).
STANDAR_PATTERN = {
    "jpt_utama": (5, 0.0), "jpt_madya": (4, 0.5), "jpt_pratama": (4, 0.0), "administrator": (3, 0.0),
    "pengawas": (2, 0.5), "pelaksana": (1, 0.5), "ahli_utama": (4, 0.0), "ahli_madya": (3, 0.0),
    "ahli_muda": (2, 0.5), "ahli_pertama": (2, 0.0), "penyelia": (2, 0.2), "mahir": (2, 0.0),
    "terampil": (1, 0.6), "pemula": (1, 0.0),
}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Education profiles: (jurusan, gelar depan, gelar belakang) per level
# --------------------------------------------------------------------------------------------

_Opt = tuple[str, str, str]
_GENERIC: dict[str, tuple[_Opt, ...]] = {
    "SD": (("", "", ""),),
    "SLTP": (("", "", ""),),
    "SLTA": (("IPA", "", ""), ("IPS", "", ""), ("Administrasi Perkantoran (SMK)", "", ""),
             ("Akuntansi (SMK)", "", ""), ("Teknik Komputer dan Jaringan (SMK)", "", ""),
             ("Teknik Kendaraan Ringan (SMK)", "", "")),
    "D1": (("Administrasi Perkantoran", "", "A.P."), ("Komputer Akuntansi", "", "A.P.")),
    "D2": (("Administrasi Perkantoran", "", "A.Ma."), ("Manajemen Informatika", "", "A.Ma.")),
    "D3": (("Administrasi Perkantoran", "", "A.Md."), ("Akuntansi", "", "A.Md.Ak."),
           ("Manajemen Informatika", "", "A.Md.Kom."), ("Administrasi Bisnis", "", "A.Md.")),
    "D4": (("Administrasi Publik", "", "S.Tr.AP."), ("Akuntansi Sektor Publik", "", "S.Tr.Ak.")),
    "S1": (("Ilmu Administrasi Negara", "", "S.AP."), ("Ilmu Pemerintahan", "", "S.IP."), ("Manajemen", "", "S.E."),
           ("Akuntansi", "", "S.E."), ("Ilmu Hukum", "", "S.H."), ("Sosiologi", "", "S.Sos.")),
    "S2": (("Ilmu Administrasi Publik", "", "S.Sos., M.Si."), ("Manajemen", "", "S.E., M.M."),
           ("Ilmu Hukum", "", "S.H., M.H."), ("Kebijakan Publik", "", "S.AP., M.AP.")),
    "S3": (("Ilmu Administrasi Publik", "Dr.", "S.Sos., M.Si."), ("Ilmu Manajemen", "Dr.", "S.E., M.M.")),
}  # fmt: skip
_PROFILES: dict[str, dict[str, tuple[_Opt, ...]]] = {
    "umum": {},
    "guru": {
        "D2": (("Pendidikan Guru Sekolah Dasar", "", "A.Ma.Pd."),),
        "S1": (("Pendidikan Guru Sekolah Dasar", "", "S.Pd."), ("Pendidikan Matematika", "", "S.Pd."),
               ("Pendidikan Bahasa Indonesia", "", "S.Pd."), ("Pendidikan Bahasa Inggris", "", "S.Pd."),
               ("Pendidikan Biologi", "", "S.Pd."), ("Pendidikan Jasmani, Kesehatan dan Rekreasi", "", "S.Pd."),
               ("Pendidikan Agama Islam", "", "S.Pd.I."), ("Bimbingan dan Konseling", "", "S.Pd."),
               ("Pendidikan Guru PAUD", "", "S.Pd."), ("Pendidikan Sejarah", "", "S.Pd."),
               ("Pendidikan Ekonomi", "", "S.Pd."), ("Pendidikan Fisika", "", "S.Pd.")),
        "S2": (("Pendidikan Dasar", "", "S.Pd., M.Pd."), ("Manajemen Pendidikan", "", "S.Pd., M.Pd."),
               ("Pendidikan Matematika", "", "S.Pd., M.Pd."), ("Teknologi Pendidikan", "", "S.Pd., M.Pd.")),
        "S3": (("Manajemen Pendidikan", "Dr.", "S.Pd., M.Pd."),),
    },
    "dokter": {
        "S1": (("Pendidikan Dokter", "dr.", ""),),
        "S2": (("Ilmu Penyakit Dalam", "dr.", "Sp.PD."), ("Ilmu Kesehatan Anak", "dr.", "Sp.A."),
               ("Obstetri dan Ginekologi", "dr.", "Sp.OG."), ("Ilmu Bedah", "dr.", "Sp.B."),
               ("Anestesiologi", "dr.", "Sp.An."), ("Ilmu Kesehatan Masyarakat", "dr.", "M.Kes.")),
        "S3": (("Ilmu Kesehatan Masyarakat", "Dr. dr.", "M.Kes."),),
    },
    "dokter_gigi": {
        "S1": (("Pendidikan Dokter Gigi", "drg.", ""),),
        "S2": (("Ilmu Kesehatan Masyarakat", "drg.", "M.Kes."),),
    },
    "perawat": {
        "SLTA": (("Sekolah Perawat Kesehatan", "", ""),),
        "D3": (("Keperawatan", "", "A.Md.Kep."),),
        "D4": (("Keperawatan", "", "S.Tr.Kep."),),
        "S1": (("Ilmu Keperawatan dan Profesi Ners", "", "S.Kep., Ners"),),
        "S2": (("Keperawatan", "", "S.Kep., Ners, M.Kep."),),
    },
    "bidan": {
        "D3": (("Kebidanan", "", "A.Md.Keb."),),
        "D4": (("Kebidanan", "", "S.Tr.Keb."),),
        "S1": (("Kebidanan dan Profesi Bidan", "", "S.Keb., Bd."),),
        "S2": (("Kesehatan Masyarakat", "", "S.Tr.Keb., M.Kes."),),
    },
    "apoteker": {
        "S1": (("Farmasi dan Profesi Apoteker", "", "S.Farm., Apt."),),
        "S2": (("Farmasi Klinik", "", "S.Farm., M.Farm., Apt."),),
    },
    "farmasi": {
        "SLTA": (("Sekolah Menengah Farmasi", "", ""),),
        "D3": (("Farmasi", "", "A.Md.Farm."),),
        "D4": (("Farmasi", "", "S.Tr.Farm."),),
    },
    "lab": {
        "D3": (("Teknologi Laboratorium Medis", "", "A.Md.AK."),),
        "D4": (("Teknologi Laboratorium Medis", "", "S.Tr.Kes."),),
        "S1": (("Analis Kesehatan", "", "S.Si."),),
    },
    "gizi": {
        "D3": (("Gizi", "", "A.Md.Gz."),),
        "D4": (("Gizi", "", "S.Tr.Gz."),),
        "S1": (("Ilmu Gizi", "", "S.Gz."),),
    },
    "sanitasi": {
        "D3": (("Kesehatan Lingkungan", "", "A.Md.KL."),),
        "D4": (("Sanitasi Lingkungan", "", "S.Tr.Kes."),),
        "S1": (("Kesehatan Masyarakat", "", "S.KM."),),
    },
    "kesmas": {
        "D3": (("Kesehatan Lingkungan", "", "A.Md.KL."),),
        "S1": (("Kesehatan Masyarakat", "", "S.KM."),),
        "S2": (("Kesehatan Masyarakat", "", "S.KM., M.Kes."), ("Epidemiologi", "", "S.KM., M.Epid.")),
        "S3": (("Kesehatan Masyarakat", "Dr.", "S.KM., M.Kes."),),
    },
    "rekam_medis": {
        "D3": (("Rekam Medis dan Informasi Kesehatan", "", "A.Md.RMIK."),),
        "D4": (("Manajemen Informasi Kesehatan", "", "S.Tr.RMIK."),),
    },
    "radiografer": {"D3": (("Radiologi", "", "A.Md.Rad."),), "D4": (("Teknologi Radiologi Pencitraan", "", "S.Tr.Rad."),)},
    "fisioterapi": {"D3": (("Fisioterapi", "", "A.Md.Ftr."),), "D4": (("Fisioterapi", "", "S.Tr.Ftr."),)},
    "hukum": {
        "S1": (("Ilmu Hukum", "", "S.H."),),
        "S2": (("Ilmu Hukum", "", "S.H., M.H."), ("Kenotariatan", "", "S.H., M.Kn.")),
        "S3": (("Ilmu Hukum", "Dr.", "S.H., M.H."),),
    },
    "ekonomi": {
        "D3": (("Akuntansi", "", "A.Md.Ak."), ("Manajemen Keuangan", "", "A.Md.")),
        "D4": (("Akuntansi Sektor Publik", "", "S.Tr.Ak."),),
        "S1": (("Akuntansi", "", "S.E."), ("Manajemen", "", "S.E."), ("Ekonomi Pembangunan", "", "S.E."),
               ("Akuntansi", "", "S.Ak.")),
        "S2": (("Manajemen", "", "S.E., M.M."), ("Akuntansi", "", "S.E., M.Ak."), ("Ilmu Ekonomi", "", "S.E., M.E.")),
        "S3": (("Ilmu Ekonomi", "Dr.", "S.E., M.Si."),),
    },
    "teknik": {
        "D3": (("Teknik Sipil", "", "A.Md.T."), ("Teknik Mesin", "", "A.Md.T.")),
        "S1": (("Teknik Sipil", "", "S.T."), ("Arsitektur", "", "S.T."), ("Perencanaan Wilayah dan Kota", "", "S.T."),
               ("Teknik Sipil", "Ir.", "")),
        "S2": (("Teknik Sipil", "", "S.T., M.T."), ("Perencanaan Wilayah dan Kota", "", "S.T., M.T.")),
        "S3": (("Teknik Sipil", "Dr.", "S.T., M.T."),),
    },
    "komputer": {
        "D3": (("Manajemen Informatika", "", "A.Md.Kom."),),
        "D4": (("Teknologi Rekayasa Perangkat Lunak", "", "S.Tr.Kom."),),
        "S1": (("Teknik Informatika", "", "S.Kom."), ("Sistem Informasi", "", "S.Kom.")),
        "S2": (("Ilmu Komputer", "", "S.Kom., M.Kom."),),
    },
    "sosial": {
        "D4": (("Pekerjaan Sosial", "", "S.Tr.Sos."),),
        "S1": (("Kesejahteraan Sosial", "", "S.Sos."), ("Sosiologi", "", "S.Sos.")),
        "S2": (("Kesejahteraan Sosial", "", "S.Sos., M.Si."),),
    },
    "pertanian": {
        "SLTA": (("Sekolah Pertanian Pembangunan", "", ""),),
        "D3": (("Budidaya Tanaman", "", "A.Md.P."),),
        "D4": (("Penyuluhan Pertanian", "", "S.Tr.P."),),
        "S1": (("Agroteknologi", "", "S.P."), ("Agribisnis", "", "S.P."), ("Agronomi", "Ir.", "")),
        "S2": (("Ilmu Tanaman", "", "S.P., M.P."), ("Agribisnis", "", "S.P., M.Si.")),
    },
    "veteriner": {
        "D3": (("Kesehatan Hewan", "", "A.Md.Pt."),),
        "S1": (("Kedokteran Hewan", "drh.", ""),),
        "S2": (("Kesehatan Masyarakat Veteriner", "drh.", "M.Si."),),
    },
    "perikanan": {
        "D3": (("Teknologi Budidaya Perikanan", "", "A.Md.Pi."),),
        "S1": (("Budidaya Perairan", "", "S.Pi."),),
        "S2": (("Ilmu Perikanan", "", "S.Pi., M.Si."),),
    },
    "komunikasi": {
        "S1": (("Ilmu Komunikasi", "", "S.I.Kom."),),
        "S2": (("Ilmu Komunikasi", "", "S.I.Kom., M.I.Kom."),),
    },
    "perpustakaan": {
        "D3": (("Perpustakaan", "", "A.Md."),),
        "S1": (("Ilmu Perpustakaan", "", "S.IP."),),
        "S2": (("Ilmu Perpustakaan", "", "S.IP., M.Hum."),),
    },
    "arsip": {
        "D3": (("Kearsipan", "", "A.Md."),),
        "D4": (("Kearsipan", "", "S.Tr.Ars."),),
        "S1": (("Ilmu Sejarah", "", "S.Hum."),),
        "S2": (("Ilmu Sejarah", "", "S.Hum., M.Hum."),),
    },
    "psikologi": {
        "S1": (("Psikologi", "", "S.Psi."),),
        "S2": (("Psikologi Profesi", "", "S.Psi., M.Psi., Psikolog"), ("Manajemen Sumber Daya Manusia", "", "S.Psi., M.M.")),
        "S3": (("Psikologi", "Dr.", "S.Psi., M.Si."),),
    },
    "pemerintahan": {
        "D4": (("Manajemen Pemerintahan", "", "S.STP."),),
        "S1": (("Ilmu Pemerintahan", "", "S.IP."), ("Ilmu Administrasi Negara", "", "S.AP."),
               ("Ilmu Pemerintahan", "", "S.STP.")),
        "S2": (("Ilmu Administrasi Publik", "", "S.Sos., M.Si."), ("Ilmu Pemerintahan", "", "S.IP., M.Si."),
               ("Kebijakan Publik", "", "S.AP., M.AP.")),
        "S3": (("Ilmu Administrasi Publik", "Dr.", "S.Sos., M.Si."),),
    },
    "statistik": {
        "S1": (("Statistika", "", "S.Stat."), ("Matematika", "", "S.Si.")),
        "S2": (("Statistika", "", "S.Si., M.Si."),),
    },
    "lingkungan": {
        "D3": (("Kesehatan Lingkungan", "", "A.Md.KL."),),
        "S1": (("Teknik Lingkungan", "", "S.T."), ("Biologi", "", "S.Si.")),
        "S2": (("Ilmu Lingkungan", "", "S.T., M.Si."),),
    },
    "pariwisata": {
        "D3": (("Usaha Perjalanan Wisata", "", "A.Md.Par."),),
        "S1": (("Pariwisata", "", "S.Par."), ("Ilmu Sejarah", "", "S.Hum.")),
        "S2": (("Kajian Pariwisata", "", "S.Par., M.Par."),),
    },
}  # fmt: skip
PROFILE_NAMES: tuple[str, ...] = tuple(_PROFILES)
_P = {p: i for i, p in enumerate(PROFILE_NAMES)}
_NAKES_PROFILES = frozenset({"dokter", "dokter_gigi", "perawat", "bidan", "apoteker", "farmasi", "lab", "gizi",
                             "sanitasi", "kesmas", "rekam_medis", "radiografer", "fisioterapi"})  # fmt: skip

# --------------------------------------------------------------------------------------------
# Positions: jabatan fungsional and pelaksana families
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """A jabatan fungsional (with its jenjang) or a jabatan pelaksana shared by many employees."""

    key: str
    nama: str
    kategori: str  # guru | nakes | teknis | pelaksana
    jenjang: tuple[tuple[str, float], ...]  # (jenjang, share of holders)
    women: float
    profil: str
    weight: float = 1.0
    diklat: bool = True  # JF: requires a diklat fungsional (False: listed as needing none)
    bup: int | None = None  # JF whose own law sets the BUP (regulations.md §6, Pasal 240)
    kelas: int | None = None  # pelaksana only
    edu: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = ()  # overrides per jenjang

    @property
    def jenis(self) -> str:
        return "pelaksana" if self.kategori == "pelaksana" else "fungsional"


def _fam(key: str, nama: str, kategori: str, jenjang: str, women: float, profil: str, **kw: object) -> Family:
    pairs = tuple((j, float(w)) for j, w in (p.split(":") for p in jenjang.split()))
    return Family(key, nama, kategori, pairs, women, profil, **kw)  # type: ignore[arg-type]


def _edu(**levels: str) -> tuple[tuple[str, tuple[tuple[str, float], ...]], ...]:
    """`_edu(terampil="SLTA:.8 D3:.2")` -> per-jenjang education distribution overrides."""
    return tuple((j, tuple((e, float(w)) for e, w in (p.split(":") for p in spec.split()))) for j, spec in levels.items())


_PELAKSANA = "pelaksana:1"
FAMILIES: tuple[Family, ...] = (
    # Guru: BUP 60 under its own law (regulations.md §6, example of Pasal 240); no diklat fungsional.
    _fam("guru", "Guru", "guru", "ahli_pertama:.58 ahli_muda:.30 ahli_madya:.12", 0.64, "guru", diklat=False, bup=60,
         edu=_edu(ahli_pertama="S1:.95 S2:.05", ahli_muda="S1:.86 S2:.13 S3:.01", ahli_madya="S1:.30 S2:.66 S3:.04")),
    _fam("pengawas_sekolah", "Pengawas Sekolah", "teknis", "ahli_muda:.4 ahli_madya:.6", 0.45, "guru"),
    # Tenaga kesehatan: professional education is the requirement (decision list "needing none").
    _fam("dokter", "Dokter", "nakes", "ahli_pertama:.4 ahli_muda:.4 ahli_madya:.2", 0.55, "dokter", weight=1.0,
         diklat=False, edu=_edu(ahli_pertama="S1:1", ahli_muda="S1:.7 S2:.3", ahli_madya="S1:.1 S2:.9")),
    _fam("dokter_gigi", "Dokter Gigi", "nakes", "ahli_pertama:.5 ahli_muda:.5", 0.7, "dokter_gigi", weight=0.3,
         diklat=False, edu=_edu(ahli_pertama="S1:1", ahli_muda="S1:.8 S2:.2")),
    _fam("perawat", "Perawat", "nakes", "terampil:.3 mahir:.2 penyelia:.12 ahli_pertama:.25 ahli_muda:.13", 0.6,
         "perawat", weight=6.0, diklat=False, edu=_edu(terampil="D3:.92 SLTA:.08")),
    _fam("bidan", "Bidan", "nakes", "terampil:.35 mahir:.2 penyelia:.1 ahli_pertama:.25 ahli_muda:.1", 1.0, "bidan",
         weight=4.0, diklat=False, edu=_edu(terampil="D3:1", ahli_pertama="D4:.5 S1:.45 S2:.05")),
    _fam("apoteker", "Apoteker", "nakes", "ahli_pertama:.6 ahli_muda:.4", 0.75, "apoteker", weight=0.4, diklat=False,
         edu=_edu(ahli_pertama="S1:1", ahli_muda="S1:.85 S2:.15")),
    _fam("ttk", "Asisten Apoteker", "nakes", "terampil:.6 mahir:.4", 0.8, "farmasi", weight=0.8, diklat=False),
    _fam("lab", "Pranata Laboratorium Kesehatan", "nakes", "terampil:.45 mahir:.3 ahli_pertama:.25", 0.7, "lab",
         weight=0.7, diklat=False),
    _fam("gizi", "Nutrisionis", "nakes", "terampil:.5 ahli_pertama:.5", 0.85, "gizi", weight=0.5, diklat=False),
    _fam("sanitasi", "Tenaga Sanitasi Lingkungan", "nakes", "terampil:.5 mahir:.2 ahli_pertama:.3", 0.55, "sanitasi",
         weight=0.5, diklat=False),
    _fam("promkes", "Penyuluh Kesehatan Masyarakat", "nakes", "ahli_pertama:.6 ahli_muda:.4", 0.7, "kesmas",
         weight=0.4, diklat=False),
    _fam("epidemiolog", "Epidemiolog Kesehatan", "nakes", "ahli_pertama:.6 ahli_muda:.4", 0.6, "kesmas", weight=0.3,
         diklat=False),
    _fam("adminkes", "Administrator Kesehatan", "nakes", "ahli_pertama:.4 ahli_muda:.45 ahli_madya:.15", 0.6, "kesmas",
         weight=0.4, diklat=False),
    _fam("rekam_medis", "Perekam Medis", "nakes", "terampil:.6 mahir:.4", 0.65, "rekam_medis", weight=0.5,
         diklat=False),
    _fam("radiografer", "Radiografer", "nakes", "terampil:.6 mahir:.4", 0.4, "radiografer", weight=0.4, diklat=False),
    _fam("fisioterapis", "Fisioterapis", "nakes", "terampil:.6 mahir:.4", 0.6, "fisioterapi", weight=0.3,
         diklat=False),
    # Other JF (teknis): need their diklat fungsional.
    _fam("analis_kebijakan", "Analis Kebijakan", "teknis", "ahli_pertama:.4 ahli_muda:.45 ahli_madya:.15", 0.5,
         "pemerintahan"),
    _fam("perencana", "Perencana", "teknis", "ahli_pertama:.4 ahli_muda:.45 ahli_madya:.15", 0.45, "ekonomi"),
    _fam("auditor", "Auditor", "teknis", "terampil:.15 ahli_pertama:.35 ahli_muda:.35 ahli_madya:.15", 0.45, "ekonomi",
         weight=2.0),
    _fam("p2upd", "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "teknis",
         "ahli_pertama:.4 ahli_muda:.45 ahli_madya:.15", 0.4, "pemerintahan"),
    _fam("analis_sdm", "Analis Sumber Daya Manusia Aparatur", "teknis", "ahli_pertama:.45 ahli_muda:.4 ahli_madya:.15",
         0.55, "pemerintahan", weight=1.5),
    _fam("asesor_sdm", "Asesor Sumber Daya Manusia Aparatur", "teknis", "ahli_pertama:.5 ahli_muda:.5", 0.6,
         "psikologi", weight=0.5),
    _fam("akpd", "Analis Keuangan Pusat dan Daerah", "teknis", "ahli_pertama:.45 ahli_muda:.45 ahli_madya:.1", 0.55,
         "ekonomi", weight=1.5),
    _fam("pranata_komputer", "Pranata Komputer", "teknis", "terampil:.35 mahir:.15 ahli_pertama:.3 ahli_muda:.2", 0.35,
         "komputer"),
    _fam("humas", "Pranata Hubungan Masyarakat", "teknis", "terampil:.2 ahli_pertama:.5 ahli_muda:.3", 0.55,
         "komunikasi", edu=_edu(terampil="D3:1")),
    _fam("arsiparis", "Arsiparis", "teknis", "terampil:.35 mahir:.15 ahli_pertama:.35 ahli_muda:.15", 0.6, "arsip"),
    _fam("pustakawan", "Pustakawan", "teknis", "terampil:.35 mahir:.15 ahli_pertama:.35 ahli_muda:.15", 0.65,
         "perpustakaan"),
    _fam("penyuluh_pertanian", "Penyuluh Pertanian", "teknis",
         "terampil:.25 mahir:.2 penyelia:.1 ahli_pertama:.25 ahli_muda:.15 ahli_madya:.05", 0.3, "pertanian",
         weight=4.0),
    _fam("medik_veteriner", "Medik Veteriner", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.5, "veteriner",
         edu=_edu(ahli_pertama="S1:1", ahli_muda="S1:.85 S2:.15")),
    _fam("paramedik_veteriner", "Paramedik Veteriner", "teknis", "terampil:.6 mahir:.4", 0.3, "veteriner"),
    _fam("popt", "Pengendali Organisme Pengganggu Tumbuhan", "teknis", "terampil:.5 ahli_pertama:.5", 0.35,
         "pertanian"),
    _fam("penyuluh_perikanan", "Penyuluh Perikanan", "teknis", "terampil:.4 ahli_pertama:.4 ahli_muda:.2", 0.3,
         "perikanan"),
    _fam("teknik_jalan", "Teknik Jalan dan Jembatan", "teknis", "terampil:.3 ahli_pertama:.4 ahli_muda:.3", 0.15,
         "teknik"),
    _fam("teknik_pengairan", "Teknik Pengairan", "teknis", "terampil:.3 ahli_pertama:.4 ahli_muda:.3", 0.15, "teknik"),
    _fam("penata_ruang", "Penata Ruang", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.35, "teknik"),
    _fam("ttbp", "Teknik Tata Bangunan dan Perumahan", "teknis", "terampil:.3 ahli_pertama:.4 ahli_muda:.3", 0.25,
         "teknik"),
    _fam("pekerja_sosial", "Pekerja Sosial", "teknis", "terampil:.3 ahli_pertama:.45 ahli_muda:.25", 0.6, "sosial",
         edu=_edu(terampil="D3:1")),
    _fam("penyuluh_sosial", "Penyuluh Sosial", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.55, "sosial"),
    _fam("pkb", "Penguji Kendaraan Bermotor", "teknis", "terampil:.5 mahir:.2 ahli_pertama:.3", 0.1, "teknik"),
    _fam("adminduk", "Administrator Database Kependudukan", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.4, "komputer"),
    _fam("polpp", "Polisi Pamong Praja", "teknis",
         "pemula:.15 terampil:.35 mahir:.2 penyelia:.1 ahli_pertama:.12 ahli_muda:.08", 0.2, "umum", weight=4.0,
         edu=_edu(pemula="SLTA:1", terampil="SLTA:.7 D3:.3", mahir="SLTA:.5 D3:.3 D4:.2", penyelia="D3:.6 D4:.4")),
    _fam("damkar", "Pemadam Kebakaran", "teknis", "pemula:.2 terampil:.5 mahir:.2 penyelia:.1", 0.05, "umum",
         weight=3.0, edu=_edu(pemula="SLTA:1", terampil="SLTA:.85 D3:.15", mahir="SLTA:.6 D3:.4", penyelia="D3:.7 D4:.3")),
    _fam("pengendali_dampak", "Pengendali Dampak Lingkungan", "teknis", "ahli_pertama:.5 ahli_muda:.4 ahli_madya:.1",
         0.45, "lingkungan"),
    _fam("pengawas_lh", "Pengawas Lingkungan Hidup", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.35, "lingkungan"),
    _fam("penera", "Penera", "teknis", "terampil:.5 mahir:.3 ahli_pertama:.2", 0.3, "teknik"),
    _fam("pengawas_koperasi", "Pengawas Koperasi", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.5, "ekonomi"),
    _fam("analis_perdagangan", "Analis Perdagangan", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.5, "ekonomi"),
    _fam("pengantar_kerja", "Pengantar Kerja", "teknis", "ahli_pertama:.5 ahli_muda:.5", 0.5, "psikologi"),
    _fam("mediator_hi", "Mediator Hubungan Industrial", "teknis", "ahli_pertama:.5 ahli_muda:.5", 0.4, "hukum"),
    _fam("psm", "Penggerak Swadaya Masyarakat", "teknis", "terampil:.3 ahli_pertama:.4 ahli_muda:.3", 0.45, "sosial",
         edu=_edu(terampil="SLTA:.3 D3:.7")),
    _fam("penyuluh_kb", "Penyuluh Keluarga Berencana", "teknis", "terampil:.3 ahli_pertama:.4 ahli_muda:.3", 0.65,
         "kesmas", weight=3.0, edu=_edu(terampil="D3:1")),
    _fam("statistisi", "Statistisi", "teknis", "terampil:.2 ahli_pertama:.5 ahli_muda:.3", 0.5, "statistik",
         edu=_edu(terampil="D3:1")),
    _fam("adyatama", "Adyatama Kepariwisataan dan Ekonomi Kreatif", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.55,
         "pariwisata"),
    _fam("pamong_budaya", "Pamong Budaya", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.5, "pariwisata"),
    _fam("penata_bencana", "Penata Penanggulangan Bencana", "teknis", "ahli_pertama:.6 ahli_muda:.4", 0.3,
         "lingkungan"),
    _fam("analis_hukum", "Analis Hukum", "teknis", "ahli_pertama:.5 ahli_muda:.4 ahli_madya:.1", 0.5, "hukum"),
    _fam("perancang", "Perancang Peraturan Perundang-undangan", "teknis", "ahli_pertama:.5 ahli_muda:.4 ahli_madya:.1",
         0.5, "hukum"),
    _fam("pbj", "Pengelola Pengadaan Barang/Jasa", "teknis", "ahli_pertama:.5 ahli_muda:.4 ahli_madya:.1", 0.35,
         "ekonomi"),
    # Jabatan pelaksana (PermenPANRB 45/2022 names: klerek, operator, teknisi).
    _fam("adm_perkantoran", "Pengadministrasi Perkantoran", "pelaksana", _PELAKSANA, 0.45, "umum", weight=2.5, kelas=5,
         edu=_edu(pelaksana="SD:.04 SLTP:.06 SLTA:.52 D1:.04 D2:.03 D3:.14 S1:.17")),
    _fam("operator_lo", "Operator Layanan Operasional", "pelaksana", _PELAKSANA, 0.3, "umum", weight=1.5, kelas=5,
         edu=_edu(pelaksana="SLTP:.08 SLTA:.6 D3:.22 S1:.1")),
    _fam("pengolah_data", "Pengolah Data dan Informasi", "pelaksana", _PELAKSANA, 0.55, "komputer", weight=1.2, kelas=6,
         edu=_edu(pelaksana="SLTA:.15 D3:.45 S1:.40")),
    _fam("pengelola_lo", "Pengelola Layanan Operasional", "pelaksana", _PELAKSANA, 0.55, "umum", weight=1.2, kelas=7,
         edu=_edu(pelaksana="SLTA:.05 D3:.3 S1:.65")),
    _fam("penata_lo", "Penata Layanan Operasional", "pelaksana", _PELAKSANA, 0.55, "umum", weight=1.2, kelas=8,
         edu=_edu(pelaksana="D4:.04 S1:.86 S2:.1")),
    _fam("penelaah", "Penelaah Teknis Kebijakan", "pelaksana", _PELAKSANA, 0.5, "pemerintahan", weight=1.0, kelas=8,
         edu=_edu(pelaksana="D4:.04 S1:.84 S2:.12")),
    _fam("pengelola_keuangan", "Pengelola Keuangan", "pelaksana", _PELAKSANA, 0.6, "ekonomi", weight=1.0, kelas=7,
         edu=_edu(pelaksana="SLTA:.05 D3:.3 S1:.65")),
    _fam("teknisi_sarpras", "Teknisi Sarana dan Prasarana", "pelaksana", _PELAKSANA, 0.1, "teknik", weight=0.6,
         kelas=6, edu=_edu(pelaksana="SLTA:.55 D3:.35 S1:.1")),
    _fam("pengelola_umum", "Pengelola Umum Operasional", "pelaksana", _PELAKSANA, 0.25, "umum", weight=1.0, kelas=5,
         edu=_edu(pelaksana="SD:.08 SLTP:.12 SLTA:.68 D3:.08 S1:.04")),
)  # fmt: skip
_F = {f.key: i for i, f in enumerate(FAMILIES)}
# Position of each jenjang in its family's list (-1 when absent) and the jenjang at each position.
_FAMILY_POS = np.full((len(FAMILIES), len(JENJANG_CODES)), -99, dtype=np.int64)
_FAMILY_ORDER = np.zeros((len(FAMILIES), len(JENJANG_CODES)), dtype=np.int64)
for _fi, _fam_ in enumerate(FAMILIES):
    for _pos, (_jj, _w) in enumerate(_fam_.jenjang):
        _FAMILY_POS[_fi, _J[_jj]] = _pos
        _FAMILY_ORDER[_fi, _pos] = _J[_jj]
_PELAKSANA_KEYS = tuple(f.key for f in FAMILIES if f.kategori == "pelaksana")

# Default education distributions by jenjang (families override some).
_EDU_DEFAULT: dict[str, dict[str, float]] = {
    "ahli_pertama": {"S1": 0.90, "D4": 0.04, "S2": 0.06},
    "ahli_muda": {"S1": 0.76, "D4": 0.03, "S2": 0.18, "S3": 0.03},
    "ahli_madya": {"S1": 0.10, "S2": 0.80, "S3": 0.10},
    "ahli_utama": {"S2": 0.5, "S3": 0.5},
    "pemula": {"SLTA": 1.0},
    "terampil": {"SLTA": 0.15, "D3": 0.85},
    "mahir": {"D3": 0.8, "D4": 0.2},
    "penyelia": {"D3": 0.7, "D4": 0.3},
    "jpt_pratama": {"S2": 0.85, "S3": 0.15},
    "administrator": {"S1": 0.35, "S2": 0.60, "S3": 0.05},
    "pengawas": {"D3": 0.04, "D4": 0.06, "S1": 0.70, "S2": 0.19, "S3": 0.01},
    "pelaksana": {"SLTA": 0.6, "D3": 0.2, "S1": 0.2},
}
_STRUKTURAL_WOMEN = {"jpt_pratama": 0.2, "administrator": 0.32, "pengawas": 0.42}
# Probability of PPPK status by (kategori, jenjang) and of CPNS for the other entry-level holders.
_PPPK_P = {("guru", "ahli_pertama"): 0.7, ("nakes", "ahli_pertama"): 0.55, ("nakes", "terampil"): 0.6,
           ("nakes", "pemula"): 0.6, ("teknis", "ahli_pertama"): 0.2, ("teknis", "terampil"): 0.25,
           ("teknis", "pemula"): 0.3, ("pelaksana", "pelaksana"): 0.28}  # fmt: skip
_CPNS_P = 0.1

# --------------------------------------------------------------------------------------------
# Organisation catalogue of a regency
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpdTemplate:
    """An OPD of the regency template with its sub-units, JF families and staffing weights."""

    key: str
    nama: str
    singkatan: str
    kepala: str  # title of the head post
    eselon: str
    jf_weight: float
    pel_weight: float
    jf: tuple[str, ...]
    profil: tuple[str, ...]  # education profiles of its struktural holders
    subunits: tuple[tuple[str, str, bool], ...]  # (nama, kind, required)


def _subs(*items: str) -> tuple[tuple[str, str, bool], ...]:
    """"Nama|kind" (optional) or "Nama|kind|req" (always present)."""
    out = []
    for item in items:
        parts = item.split("|")
        out.append((parts[0], parts[1], len(parts) > 2))
    return tuple(out)


_B = "bidang"
OPD_TEMPLATES: dict[str, OpdTemplate] = {t.key: t for t in (
    OpdTemplate("setda", "Sekretariat Daerah", "Setda", "Sekretaris Daerah", "II.a", 1.2, 6.0,
                ("analis_kebijakan", "analis_hukum", "perancang", "pbj", "humas"), ("pemerintahan", "hukum", "ekonomi"),
                _subs("Bagian Umum|bagian|req", "Bagian Hukum|bagian|req", "Bagian Pemerintahan|bagian",
                      "Bagian Organisasi|bagian", "Bagian Perekonomian dan Sumber Daya Alam|bagian",
                      "Bagian Pengadaan Barang dan Jasa|bagian", "Bagian Protokol dan Komunikasi Pimpinan|bagian")),
    OpdTemplate("disdik", "Dinas Pendidikan", "Disdik", "Kepala Dinas Pendidikan", "II.b", 60.0, 14.0,
                ("pengawas_sekolah", "analis_kebijakan"), ("guru", "pemerintahan"),
                _subs("Sekretariat|sekretariat|req", "Satuan Pendidikan Wilayah I|sekolah|req",
                      "Satuan Pendidikan Wilayah II|sekolah|req", "Satuan Pendidikan Wilayah III|sekolah|req",
                      "Bidang Pembinaan Ketenagaan|bidang", "Bidang Pembinaan Sekolah Dasar|bidang")),
    OpdTemplate("dinkes", "Dinas Kesehatan", "Dinkes", "Kepala Dinas Kesehatan", "II.b", 17.0, 7.0,
                ("epidemiolog", "adminkes", "promkes"), ("kesmas", "dokter"),
                _subs("Sekretariat|sekretariat|req", "UPTD Puskesmas {kec0}|puskesmas|req",
                      "UPTD Puskesmas {kec1}|puskesmas|req", "Bidang Kesehatan Masyarakat|bidang",
                      "Bidang Pencegahan dan Pengendalian Penyakit|bidang",
                      "Bidang Pelayanan dan Sumber Daya Kesehatan|bidang")),
    OpdTemplate("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "Kepala BKPSDM", "II.b",
                0.6, 1.2, ("analis_sdm", "asesor_sdm", "arsiparis"), ("psikologi", "pemerintahan"),
                _subs("Sekretariat|sekretariat|req", "Bidang Pengadaan, Pemberhentian dan Informasi|bidang",
                      "Bidang Mutasi dan Promosi|bidang", "Bidang Pengembangan Kompetensi Aparatur|bidang",
                      "Bidang Penilaian Kinerja Aparatur dan Penghargaan|bidang", "UPT Penilaian Kompetensi|upt")),
    OpdTemplate("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "Kepala BPKAD", "II.b", 0.5, 2.0,
                ("akpd", "pranata_komputer"), ("ekonomi",),
                _subs("Sekretariat|sekretariat|req", "Bidang Anggaran|bidang", "Bidang Perbendaharaan|bidang",
                      "Bidang Akuntansi|bidang", "Bidang Aset|bidang")),
    OpdTemplate("inspektorat", "Inspektorat Daerah", "Inspektorat", "Inspektur Daerah", "II.b", 1.0, 0.8,
                ("auditor", "p2upd"), ("ekonomi", "hukum"),
                _subs("Sekretariat|sekretariat|req", "Inspektur Pembantu Wilayah I|irban|req",
                      "Inspektur Pembantu Wilayah II|irban", "Inspektur Pembantu Wilayah III|irban",
                      "Inspektur Pembantu Wilayah IV|irban")),
    OpdTemplate("bappeda", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", "Kepala Bapperida",
                "II.b", 0.6, 1.0, ("perencana", "statistisi", "analis_kebijakan"), ("ekonomi", "teknik"),
                _subs("Sekretariat|sekretariat|req", "Bidang Pemerintahan dan Pembangunan Manusia|bidang",
                      "Bidang Perekonomian dan Sumber Daya Alam|bidang", "Bidang Infrastruktur dan Kewilayahan|bidang",
                      "Bidang Riset dan Inovasi Daerah|bidang")),
    OpdTemplate("rsud", "Rumah Sakit Umum Daerah", "RSUD", "Direktur Rumah Sakit Umum Daerah", "II.b", 10.0, 6.0,
                (), ("dokter", "kesmas"),
                _subs("Instalasi Rawat Inap|instalasi|req", "Instalasi Rawat Jalan dan Gawat Darurat|instalasi|req",
                      "Bagian Umum dan Keuangan|rs_bidang", "Bidang Pelayanan Medik|rs_bidang",
                      "Bidang Keperawatan|rs_bidang")),
    OpdTemplate("setwan", "Sekretariat DPRD", "Setwan", "Sekretaris DPRD", "II.b", 0.3, 3.0,
                ("analis_kebijakan", "analis_hukum", "humas"), ("hukum", "pemerintahan"),
                _subs("Bagian Umum dan Keuangan|bagian|req", "Bagian Persidangan dan Perundang-undangan|bagian",
                      "Bagian Fasilitasi Penganggaran dan Pengawasan|bagian")),
    OpdTemplate("pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "Kepala Dinas PUPR", "II.b", 0.8, 3.0,
                ("teknik_jalan", "teknik_pengairan", "penata_ruang"), ("teknik",),
                _subs("Sekretariat|sekretariat|req", "Bidang Bina Marga|bidang", "Bidang Sumber Daya Air|bidang",
                      "Bidang Cipta Karya|bidang", "Bidang Penataan Ruang|bidang",
                      "UPT Peralatan dan Perbengkelan|upt")),
    OpdTemplate("dinsos", "Dinas Sosial", "Dinsos", "Kepala Dinas Sosial", "II.b", 0.4, 1.0,
                ("pekerja_sosial", "penyuluh_sosial"), ("sosial", "pemerintahan"),
                _subs("Sekretariat|sekretariat|req", "Bidang Rehabilitasi Sosial|bidang",
                      "Bidang Perlindungan dan Jaminan Sosial|bidang", "Bidang Pemberdayaan Sosial|bidang")),
    OpdTemplate("dishub", "Dinas Perhubungan", "Dishub", "Kepala Dinas Perhubungan", "II.b", 0.3, 2.0, ("pkb",),
                ("teknik", "pemerintahan"),
                _subs("Sekretariat|sekretariat|req", "Bidang Lalu Lintas|bidang", "Bidang Angkutan|bidang",
                      "UPT Pengujian Kendaraan Bermotor|upt")),
    OpdTemplate("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "Kepala DPMPTSP",
                "II.b", 0.2, 1.0, ("analis_kebijakan", "pranata_komputer"), ("pemerintahan", "hukum"),
                _subs("Sekretariat|sekretariat|req", "Bidang Penanaman Modal|bidang",
                      "Bidang Pelayanan Perizinan|bidang", "Bidang Pengaduan dan Informasi|bidang")),
    OpdTemplate("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Kepala Disdukcapil", "II.b",
                0.3, 1.5, ("adminduk", "arsiparis"), ("pemerintahan", "komputer"),
                _subs("Sekretariat|sekretariat|req", "Bidang Pelayanan Pendaftaran Penduduk|bidang",
                      "Bidang Pelayanan Pencatatan Sipil|bidang",
                      "Bidang Pengelolaan Informasi Administrasi Kependudukan|bidang")),
    OpdTemplate("satpolpp", "Satuan Polisi Pamong Praja", "Satpol PP", "Kepala Satuan Polisi Pamong Praja", "II.b",
                1.2, 2.5, ("polpp",), ("pemerintahan", "hukum"),
                _subs("Sekretariat|sekretariat|req", "Bidang Penegakan Peraturan Daerah|bidang",
                      "Bidang Ketertiban Umum dan Ketenteraman Masyarakat|bidang",
                      "Bidang Perlindungan Masyarakat|bidang")),
    OpdTemplate("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", "Kepala Pelaksana BPBD", "II.b", 0.2, 1.0,
                ("penata_bencana",), ("lingkungan", "pemerintahan"),
                _subs("Sekretariat|sekretariat|req", "Bidang Pencegahan dan Kesiapsiagaan|bidang",
                      "Bidang Kedaruratan dan Logistik|bidang", "Bidang Rehabilitasi dan Rekonstruksi|bidang")),
    OpdTemplate("bapenda", "Badan Pendapatan Daerah", "Bapenda", "Kepala Bapenda", "II.b", 0.3, 2.0,
                ("akpd", "pranata_komputer"), ("ekonomi",),
                _subs("Sekretariat|sekretariat|req", "Bidang Pendataan dan Penetapan|bidang",
                      "Bidang Penagihan dan Keberatan|bidang", "Bidang Pajak Bumi dan Bangunan|bidang",
                      "UPT Pendapatan Wilayah I|upt")),
    OpdTemplate("dlh", "Dinas Lingkungan Hidup", "DLH", "Kepala Dinas Lingkungan Hidup", "II.b", 0.3, 3.0,
                ("pengendali_dampak", "pengawas_lh"), ("lingkungan", "teknik"),
                _subs("Sekretariat|sekretariat|req", "Bidang Tata Lingkungan|bidang",
                      "Bidang Pengelolaan Sampah|bidang", "Bidang Pengendalian Pencemaran|bidang",
                      "UPT Laboratorium Lingkungan|upt")),
    OpdTemplate("pertanian", "Dinas Pertanian dan Ketahanan Pangan", "Distanpangan", "Kepala Dinas Pertanian", "II.b",
                2.0, 2.0, ("penyuluh_pertanian", "popt", "medik_veteriner", "paramedik_veteriner"),
                ("pertanian", "veteriner"),
                _subs("Sekretariat|sekretariat|req", "Bidang Tanaman Pangan dan Hortikultura|bidang",
                      "Bidang Peternakan dan Kesehatan Hewan|bidang", "Bidang Ketahanan Pangan|bidang",
                      "UPT Balai Penyuluhan Pertanian|upt")),
    OpdTemplate("perikanan", "Dinas Perikanan", "Diskan", "Kepala Dinas Perikanan", "II.b", 0.3, 0.8,
                ("penyuluh_perikanan",), ("perikanan",),
                _subs("Sekretariat|sekretariat|req", "Bidang Perikanan Budidaya|bidang",
                      "Bidang Perikanan Tangkap|bidang", "Bidang Pengolahan dan Pemasaran|bidang")),
    OpdTemplate("dinkopdag", "Dinas Koperasi, Usaha Kecil dan Menengah, Perdagangan dan Perindustrian",
                "Dinkopdagperin", "Kepala Dinkopdagperin", "II.b", 0.3, 1.5,
                ("penera", "pengawas_koperasi", "analis_perdagangan"), ("ekonomi",),
                _subs("Sekretariat|sekretariat|req", "Bidang Koperasi dan Usaha Mikro|bidang",
                      "Bidang Perdagangan|bidang", "Bidang Perindustrian|bidang", "UPT Metrologi Legal|upt")),
    OpdTemplate("disnaker", "Dinas Tenaga Kerja", "Disnaker", "Kepala Dinas Tenaga Kerja", "II.b", 0.2, 0.8,
                ("pengantar_kerja", "mediator_hi"), ("hukum", "psikologi"),
                _subs("Sekretariat|sekretariat|req", "Bidang Penempatan dan Perluasan Kerja|bidang",
                      "Bidang Hubungan Industrial|bidang", "UPT Balai Latihan Kerja|upt")),
    OpdTemplate("dispermades", "Dinas Pemberdayaan Masyarakat dan Desa", "Dispermades", "Kepala Dispermades", "II.b",
                0.3, 0.8, ("psm",), ("sosial", "pemerintahan"),
                _subs("Sekretariat|sekretariat|req", "Bidang Pemerintahan Desa|bidang",
                      "Bidang Pemberdayaan Masyarakat|bidang", "Bidang Pembangunan Kawasan Perdesaan|bidang")),
    OpdTemplate("dp3akb", "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
                "DP3AKB", "Kepala DP3AKB", "II.b", 0.8, 0.8, ("penyuluh_kb",), ("kesmas", "sosial"),
                _subs("Sekretariat|sekretariat|req", "Bidang Pengendalian Penduduk dan Keluarga Berencana|bidang",
                      "Bidang Pemberdayaan Perempuan|bidang", "Bidang Perlindungan Anak|bidang")),
    OpdTemplate("kominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", "Kepala Diskominfo", "II.b", 0.4, 0.8,
                ("pranata_komputer", "humas", "statistisi"), ("komputer", "komunikasi"),
                _subs("Sekretariat|sekretariat|req", "Bidang Informasi dan Komunikasi Publik|bidang",
                      "Bidang Aplikasi Informatika|bidang", "Bidang Statistik dan Persandian|bidang")),
    OpdTemplate("disporapar", "Dinas Kepemudaan, Olahraga dan Pariwisata", "Disporapar", "Kepala Disporapar", "II.b",
                0.2, 1.0, ("adyatama", "pamong_budaya"), ("pariwisata", "pemerintahan"),
                _subs("Sekretariat|sekretariat|req", "Bidang Kepemudaan|bidang", "Bidang Olahraga|bidang",
                      "Bidang Pariwisata|bidang", "Bidang Kebudayaan|bidang")),
    OpdTemplate("arpus", "Dinas Arsip dan Perpustakaan", "Dinarpus", "Kepala Dinas Arsip dan Perpustakaan", "II.b",
                0.4, 0.7, ("arsiparis", "pustakawan"), ("perpustakaan", "arsip"),
                _subs("Sekretariat|sekretariat|req", "Bidang Kearsipan|bidang", "Bidang Perpustakaan|bidang")),
    OpdTemplate("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "Kepala Kesbangpol", "II.b", 0.1,
                0.8, ("analis_kebijakan",), ("pemerintahan",),
                _subs("Sekretariat|sekretariat|req", "Bidang Ideologi dan Wawasan Kebangsaan|bidang",
                      "Bidang Politik Dalam Negeri|bidang", "Bidang Ketahanan Ekonomi, Sosial dan Budaya|bidang")),
    OpdTemplate("perkim", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", "Kepala Disperkim", "II.b",
                0.3, 1.2, ("ttbp",), ("teknik",),
                _subs("Sekretariat|sekretariat|req", "Bidang Perumahan|bidang", "Bidang Kawasan Permukiman|bidang",
                      "Bidang Pertanahan|bidang")),
    OpdTemplate("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", "Kepala Dinas Damkar", "II.b", 0.6,
                0.8, ("damkar",), ("pemerintahan", "teknik"),
                _subs("Sekretariat|sekretariat|req", "Bidang Pencegahan Kebakaran|bidang",
                      "Bidang Pemadaman dan Penyelamatan|bidang", "UPT Pos Pemadam Kebakaran Wilayah Timur|upt")),
    OpdTemplate("kecamatan", "Kecamatan {nama}", "Kec. {nama}", "Camat {nama}", "III.a", 0.25, 2.0,
                ("psm", "analis_kebijakan"), ("pemerintahan",),
                _subs("Sekretariat Kecamatan|kec_sekretariat|req", "Seksi Pemerintahan|kec_seksi",
                      "Seksi Ketenteraman dan Ketertiban Umum|kec_seksi",
                      "Seksi Pemberdayaan Masyarakat dan Desa|kec_seksi", "Seksi Pelayanan Umum|kec_seksi",
                      "Kelurahan {kec}|kelurahan")),
)}  # fmt: skip
# Order in which OPD are created: the core first, then kecamatan interleaved with the other dinas.
_CORE_ORDER = ("setda", "disdik", "dinkes", "bkpsdm", "bpkad", "inspektorat", "bappeda", "rsud", "setwan", "pupr")
_REST_ORDER = ("dinsos", "dishub", "dpmptsp", "dukcapil", "satpolpp", "bpbd", "bapenda", "dlh", "pertanian",
               "perikanan", "dinkopdag", "disnaker", "dispermades", "dp3akb", "kominfo", "disporapar", "arpus",
               "kesbangpol", "perkim", "damkar")  # fmt: skip
MAX_KECAMATAN = 40
KECAMATAN_NAMES = (
    "Sukamaju", "Karangsari", "Wanasari", "Sidomulyo", "Tanjungsari", "Kedungjati", "Sumberrejo", "Mekarsari",
    "Banjarsari", "Kalijaya", "Sindangsari", "Tegalrejo", "Purwosari", "Gunungsari", "Sukadana", "Margasari",
    "Jatisari", "Cibening", "Pagerwangi", "Sukorejo", "Randusari", "Karangjati", "Wringinanom", "Ciwaringin",
    "Kaliwungu Kidul", "Bojongsari", "Mulyoharjo", "Sindangjaya", "Pancurwangi", "Kertasari", "Tamansari",
    "Lemahabang", "Ngadirejo", "Kedungwaru", "Sumbersari", "Rawalumbu", "Pasirjaya", "Limbangan Wetan",
    "Gondangsari", "Winongan Lor", "Kebonagung", "Selomulyo", "Tirtamulya", "Cikadu Hilir", "Sidaharja",
)  # fmt: skip

# (kind) -> head eselon, head title pattern, pengawas eselon, pengawas titles, max pengawas, JF/pel weight
_SUBUNIT_KIND: dict[str, tuple[str | None, str, str, tuple[str, ...], int, float, float]] = {
    "sekretariat": ("III.a", "Sekretaris {opd}", "IV.a",
                    ("Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan",
                     "Kepala Subbagian Perencanaan dan Pelaporan"), 3, 1.0, 1.5),
    "bidang": ("III.b", "Kepala {sub}", "IV.a",
               ("Kepala Seksi Perencanaan", "Kepala Seksi Pembinaan", "Kepala Seksi Pengendalian",
                "Kepala Seksi Pelayanan"), 4, 1.0, 1.0),
    "bagian": ("III.a", "Kepala {sub}", "IV.a",
               ("Kepala Subbagian Administrasi", "Kepala Subbagian Pembinaan", "Kepala Subbagian Evaluasi"), 3, 1.0,
               1.2),
    "irban": ("III.a", "{sub}", "IV.a", (), 0, 2.0, 0.4),
    "upt": ("IV.a", "Kepala {sub}", "IV.b", ("Kepala Subbagian Tata Usaha", "Kepala Seksi Operasional"), 2, 2.0, 1.0),
    "puskesmas": ("IV.a", "Kepala {sub}", "IV.b", ("Kepala Subbagian Tata Usaha",), 1, 6.0, 2.0),
    "sekolah": (None, "", "", (), 0, 10.0, 3.0),
    "instalasi": (None, "", "", (), 0, 6.0, 2.0),
    "rs_bidang": ("III.b", "Kepala {sub}", "IV.a",
                  ("Kepala Seksi Pelayanan", "Kepala Seksi Evaluasi", "Kepala Seksi Perencanaan"), 3, 0.6, 1.0),
    "kec_sekretariat": ("III.b", "Sekretaris Kecamatan", "IV.b",
                        ("Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Perencanaan dan Keuangan"), 2,
                        1.0, 1.5),
    "kec_seksi": ("IV.b", "Kepala {sub}", "", (), 0, 1.0, 1.0),
    "kelurahan": ("IV.a", "Lurah {kec}", "", (), 0, 0.5, 1.0),
}  # fmt: skip
_NAKES_PUSKESMAS = {"perawat": 5.0, "bidan": 5.0, "dokter": 1.0, "dokter_gigi": 0.3, "ttk": 0.8, "apoteker": 0.3,
                    "gizi": 0.5, "sanitasi": 0.5, "lab": 0.6, "promkes": 0.4, "rekam_medis": 0.4}  # fmt: skip
_NAKES_RS = {"perawat": 8.0, "bidan": 2.0, "dokter": 1.6, "apoteker": 0.5, "ttk": 1.0, "radiografer": 0.4,
             "fisioterapis": 0.3, "rekam_medis": 0.6, "gizi": 0.4, "lab": 0.8}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Names, places, institutions, trainings
# --------------------------------------------------------------------------------------------

FIRST_MALE = tuple(_PersonProvider.first_names_male)
FIRST_FEMALE = tuple(_PersonProvider.first_names_female)
LAST_MALE = tuple(_PersonProvider.last_names_male)
LAST_FEMALE = tuple(_PersonProvider.last_names_female)
CITIES = tuple(_AddressProvider.cities)
AGAMA = ("islam", "kristen", "katolik", "hindu", "buddha", "konghucu")
AGAMA_P = (0.865, 0.07, 0.035, 0.02, 0.0095, 0.0005)
_UNI_ADJ = ("Cakrawala Nusa", "Bina Insan Mulia", "Dharma Cendekia", "Sinar Harapan Bangsa", "Mandala Persada",
            "Lentera Nusantara", "Graha Widya", "Pelita Nusa", "Tunas Cendekia", "Bhakti Pertiwi", "Wira Mandala",
            "Karya Dharma", "Puspa Bangsa", "Cipta Wacana")  # fmt: skip
_HIGHER_GENERAL = ("Universitas", "Universitas", "Institut", "Sekolah Tinggi Ilmu Administrasi",
                   "Sekolah Tinggi Ilmu Ekonomi")  # fmt: skip
_HIGHER_GURU = ("Universitas", "Universitas", "Sekolah Tinggi Keguruan dan Ilmu Pendidikan", "Institut Keguruan")
_HIGHER_NAKES = ("Universitas", "Sekolah Tinggi Ilmu Kesehatan", "Sekolah Tinggi Ilmu Kesehatan")
_DIPLOMA_GENERAL = ("Politeknik", "Akademi Manajemen", "Politeknik")
_DIPLOMA_NAKES = ("Politeknik Kesehatan", "Akademi Keperawatan", "Akademi Kebidanan", "Politeknik Kesehatan")
_TEKNIS = {
    "umum": ("Pelatihan Penyusunan SKP dan Pengelolaan Kinerja", "Bimbingan Teknis Pengelolaan Keuangan Daerah",
             "Pelatihan Aplikasi SIPD", "Pelatihan Pengadaan Barang/Jasa Tingkat Dasar", "Bimbingan Teknis Kearsipan",
             "Pelatihan Pelayanan Prima", "Bimbingan Teknis SAKIP", "Pelatihan Analisis Data dengan Spreadsheet",
             "Pelatihan Keamanan Informasi", "Pelatihan Manajemen Risiko", "Pelatihan Penulisan Naskah Dinas",
             "Pelatihan Analisis Jabatan dan Beban Kerja"),
    "guru": ("Pelatihan Implementasi Kurikulum Merdeka", "Pelatihan Penyusunan Modul Ajar",
             "Pelatihan Asesmen Pembelajaran", "Pelatihan Pembelajaran Berdiferensiasi",
             "Pelatihan Literasi dan Numerasi", "Pelatihan Pendidikan Inklusif"),
    "nakes": ("Pelatihan Pencegahan dan Pengendalian Infeksi", "Pelatihan Basic Trauma Cardiac Life Support",
              "Pelatihan Manajemen Terpadu Balita Sakit", "Pelatihan Asuhan Persalinan Normal",
              "Pelatihan Penanganan Kegawatdaruratan Maternal Neonatal", "Pelatihan Surveilans Penyakit",
              "Pelatihan Konseling Menyusui"),
}  # fmt: skip
_SEMINAR = ("Seminar Nasional Reformasi Birokrasi", "Webinar Literasi Digital ASN", "Lokakarya Penyusunan Renstra",
            "Workshop Manajemen Talenta ASN", "Seminar Pelayanan Publik Inklusif", "Webinar Core Values BerAKHLAK",
            "Lokakarya Inovasi Pelayanan Publik", "Seminar Kesehatan Kerja ASN", "Webinar Keterbukaan Informasi Publik",
            "Workshop Penulisan Karya Tulis Ilmiah")  # fmt: skip
_PENYELENGGARA = {
    "kepemimpinan": ("BPSDM Provinsi", "Lembaga Administrasi Negara", "Puslatbang KMP LAN"),
    "fungsional": ("Instansi Pembina Jabatan Fungsional", "BPSDM Provinsi", "Pusat Pengembangan Kompetensi"),
    "teknis": ("BKPSDM", "BPSDM Provinsi", "Kementerian Dalam Negeri", "Balai Pelatihan Teknis", "Kementerian Keuangan"),
    "seminar": ("BKPSDM", "Pemerintah Provinsi", "Asosiasi Profesi", "Perguruan Tinggi Mitra", "Kementerian PANRB"),
}  # fmt: skip
_LEMBAGA_ASESMEN = ("UPT Penilaian Kompetensi BKPSDM", "Assessment Center BPSDM Provinsi",
                    "Assessment Center Kantor Regional BKN", "Pusat Penilaian Kompetensi ASN BKN")  # fmt: skip
_METODE_ASESMEN = ("Assessment center", "CAT dan wawancara kompetensi", "Portofolio dan wawancara")
_SATYALANCANA = {10: "Satyalancana Karya Satya X Tahun", 20: "Satyalancana Karya Satya XX Tahun",
                 30: "Satyalancana Karya Satya XXX Tahun"}  # fmt: skip
# Discipline types by era and level (values of JenisHukdis; PP 94/2021 from 31 Aug 2021, PP 53/2010 before).
_HUKDIS = {
    ("pp94", "ringan"): ("teguran_lisan", "teguran_tertulis", "pernyataan_tidak_puas"),
    ("pp94", "sedang"): ("tukin_25_6", "tukin_25_9", "tukin_25_12"),
    ("pp94", "berat"): ("penurunan_jabatan_12", "pembebasan_jabatan_12"),
    ("pp53", "ringan"): ("teguran_lisan", "teguran_tertulis", "pernyataan_tidak_puas"),
    ("pp53", "sedang"): ("penundaan_kgb", "penundaan_kp", "penurunan_pangkat_1"),
    ("pp53", "berat"): ("penurunan_pangkat_3",),
}
_HUKDIS_MONTHS = {"teguran_lisan": 0, "teguran_tertulis": 0, "pernyataan_tidak_puas": 0, "tukin_25_6": 6,
                  "tukin_25_9": 9, "tukin_25_12": 12, "penurunan_jabatan_12": 12, "pembebasan_jabatan_12": 12,
                  "penundaan_kgb": 12, "penundaan_kp": 12, "penurunan_pangkat_1": 12, "penurunan_pangkat_3": 36}  # fmt: skip
# Unexcused absence (working days) that leads to each level (regulations.md §10.1).
_HUKDIS_ABSENCE = {"ringan": (3, 10), "sedang": (11, 20), "berat": (21, 27)}
_PP94_FROM = date(2021, 8, 31)
_DIKLAT_SCHEMA = {"owner": pl.Int64, "jenis": pl.Utf8, "nama": pl.Utf8, "mulai": pl.Int64, "selesai": pl.Int64,
                  "jp": pl.Int64}  # fmt: skip

# Age pyramid of PNS (weight per year of age): a retirement wave at 50-57 (regulations.md §12).
_PYRAMID = ((18, 0.2), (23, 1.5), (28, 3.0), (33, 4.5), (38, 5.0), (43, 6.0), (48, 9.0), (53, 11.0), (58, 6.0),
            (60, 2.0), (65, 0.5), (67, 0.0))  # fmt: skip
