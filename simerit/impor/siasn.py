"""BKN SIASN "Export Data ASN" CSV: recognise its header row and translate its columns and values
into the employee template's keys, so the usual dry run and commit run unchanged.

Pure text work (no database): the unit is carried as its SIASN name (UNOR NAMA) and resolved to a
unit of the instansi by name in `validate.dry_run`. Mapping and choices: docs/decisions/0050-siasn-csv.md.
"""

from __future__ import annotations

import re

import polars as pl

SOURCE = "SIASN"
# Both are present in every Export Data ASN file and in no SIMERIT template.
MARKERS = ("pns id", "nip baru")
# Normalised SIASN header -> template key. Where two SIASN spellings feed one key, the first
# column found in the file wins (the other is listed as unused).
COLUMNS: dict[str, str] = {
    "nip baru": "nip",
    "nik": "nik",
    "gelar depan": "gelar_depan",
    "nama": "nama",
    "gelar belakang": "gelar_belakang",
    "tempat lahir nama": "tempat_lahir",
    "tempat lahir": "tempat_lahir",
    "tanggal lahir": "tanggal_lahir",
    "jenis kelamin": "jenis_kelamin",
    "agama nama": "agama",
    "status cpns pns": "status",
    "tmt cpns": "tmt_cpns",
    "tmt pns": "tmt_pns",
    "gol akhir nama": "golongan",
    "tmt golongan": "tmt_pangkat",
    "tingkat pendidikan nama": "pendidikan",
    "unor nama": "kode_unit",
    "unor id": "unor_id",  # matched before the name (decision 0050)
    "jabatan nama": "jabatan",
    "tmt jabatan": "tmt_jabatan",
}
REQUIRED = ("nip baru", "nama", "tanggal lahir", "jenis kelamin", "status cpns pns", "unor nama")

# SIASN value -> the value the template validator understands; anything else passes through
# unchanged and is reported by the validator with the SIASN column name.
SEX = {"M": "L", "F": "P"}
STATUS = {"P": "PNS", "C": "CPNS"}
AGAMA = {"katholik": "katolik", "budha": "buddha", "konghuchu": "konghucu", "kong hu chu": "konghucu"}
# Tingkat pendidikan, compared without spaces, dots and hyphens, upper case.
PENDIDIKAN = {
    "SD": "SD", "SEKOLAHDASAR": "SD",
    "SLTP": "SLTP", "SLTPKEJURUAN": "SLTP", "SMP": "SLTP",
    "SLTA": "SLTA", "SLTAKEJURUAN": "SLTA", "SLTAKEGURUAN": "SLTA", "SMA": "SLTA", "SMK": "SLTA",
    "DIPLOMAI": "D1", "D1": "D1", "DI": "D1",
    "DIPLOMAII": "D2", "D2": "D2", "DII": "D2",
    "DIPLOMAIII/SARJANAMUDA": "D3", "DIPLOMAIII": "D3", "SARJANAMUDA": "D3", "D3": "D3", "DIII": "D3",
    "DIPLOMAIV": "D4", "D4": "D4", "DIV": "D4",
    "S1/SARJANA": "S1", "S1": "S1", "SARJANA": "S1",
    "S2": "S2", "S2/MAGISTER": "S2", "MAGISTER": "S2",
    "S3/DOKTOR": "S3", "S3": "S3", "DOKTOR": "S3",
}


def normalise(header: object) -> str:
    return re.sub(r"[\s_]+", " ", str(header).strip().lower())


def is_siasn(columns: list[str]) -> bool:
    names = {normalise(c) for c in columns}
    return all(m in names for m in MARKERS)


def mapping(columns: list[str]) -> tuple[dict[str, str], dict[str, str], list[str], list[str]]:
    """(file column -> key, key -> file column, unused file columns, missing required SIASN headers)."""
    to_key: dict[str, str] = {}
    header_of: dict[str, str] = {}
    unused: list[str] = []
    for c in columns:
        key = COLUMNS.get(normalise(c))
        if key is None or key in header_of:
            unused.append(str(c))
        else:
            to_key[c] = key
            header_of[key] = str(c).strip()
    found = {normalise(c) for c in to_key}
    missing = [h.upper() for h in REQUIRED if h not in found]
    return to_key, header_of, unused, missing


def convert(frame: pl.DataFrame) -> pl.DataFrame:
    """Translate SIASN values (already stripped text, empty as null) into template values."""
    exprs = []
    cols = set(frame.columns)
    for key in ("nip", "nik"):
        # Some spreadsheets keep a leading apostrophe that forced the cell to text.
        if key in cols:
            exprs.append(pl.col(key).str.strip_prefix("'").alias(key))
    if "jenis_kelamin" in cols:
        exprs.append(_replace("jenis_kelamin", pl.col("jenis_kelamin").str.to_uppercase(), SEX))
    if "status" in cols:
        exprs.append(_replace("status", pl.col("status").str.to_uppercase(), STATUS))
    if "agama" in cols:
        exprs.append(_replace("agama", pl.col("agama").str.to_lowercase(), AGAMA))
    if "pendidikan" in cols:
        squeezed = pl.col("pendidikan").str.to_uppercase().str.replace_all(r"[\s.\-]+", "")
        exprs.append(_replace("pendidikan", squeezed, PENDIDIKAN))
    return frame.with_columns(exprs) if exprs else frame


def _replace(key: str, normalised: pl.Expr, table: dict[str, str]) -> pl.Expr:
    return normalised.replace_strict(table, default=pl.col(key), return_dtype=pl.Utf8).alias(key)
