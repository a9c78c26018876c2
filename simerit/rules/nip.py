"""NIP (Nomor Induk Pegawai) of a PNS: 18 digits, always text.

Legal basis: Peraturan Kepala BKN 22/2007 (structure: birth date, CPNS year-month, sex, serial).
The validation rules below are our decision (docs/decisions/0002-nip-validation.md, following
shared/domain/decisions.md "NIP"): digits 1-8 a real birth date; 9-14 a real year-month of the
CPNS appointment, not before the birth month; digit 15 is 1 (male) or 2 (female); digits 16-18 a
serial from 001. There is no "+40" rule for women (that belongs to the NIK).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from simerit.rules._explain import Problem

BASIS = "Perka BKN 22/2007"
SEX_BY_DIGIT = {"1": "L", "2": "P"}


@dataclass(frozen=True)
class NipParts:
    """The decoded parts of a valid NIP."""

    nip: str
    birth_date: dt.date
    cpns_year: int
    cpns_month: int
    sex: str  # "L" or "P"
    serial: str

    @property
    def cpns_month_iso(self) -> str:
        return f"{self.cpns_year:04d}-{self.cpns_month:02d}"


def parse_nip(value: object) -> tuple[NipParts | None, list[Problem]]:
    """Decode and validate one NIP (Perka BKN 22/2007; checks are a decision, see module doc).

    Returns the parts (or None) and the list of problems, each with a message in Bahasa
    Indonesia naming why the NIP is refused.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, [Problem("nip", "NIP wajib diisi.")]
    if not isinstance(value, str):
        return None, [Problem("nip", "NIP harus berupa teks 18 digit, bukan angka (angka nol di depan bisa hilang).")]
    nip = value.strip()
    if len(nip) != 18 or not nip.isascii() or not nip.isdigit():
        return None, [Problem("nip", f"NIP '{nip}' harus terdiri dari tepat 18 digit angka.")]
    problems: list[Problem] = []
    birth: dt.date | None
    try:
        birth = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        birth = None
        problems.append(Problem("nip", f"Digit 1-8 NIP '{nip}' ({nip[0:8]}) bukan tanggal lahir yang sah."))
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < 1900:
        problems.append(Problem("nip", f"Digit 9-14 NIP '{nip}' ({nip[8:14]}) bukan tahun-bulan pengangkatan CPNS yang sah."))
    elif birth is not None and (year, month) <= (birth.year, birth.month):
        problems.append(Problem("nip", f"Bulan pengangkatan CPNS pada NIP '{nip}' ({nip[8:14]}) tidak setelah tanggal lahir."))
    if nip[14] not in SEX_BY_DIGIT:
        problems.append(Problem("nip", f"Digit ke-15 NIP '{nip}' harus 1 (laki-laki) atau 2 (perempuan), bukan {nip[14]}."))
    if nip[15:18] == "000":
        problems.append(Problem("nip", f"Nomor urut NIP '{nip}' (digit 16-18) harus mulai dari 001."))
    if problems or birth is None:
        return None, problems
    return NipParts(nip, birth, year, month, SEX_BY_DIGIT[nip[14]], nip[15:18]), []


def validate_nip_column(nips: pl.Series) -> pl.Series:
    """Batch form of `parse_nip`: True where the NIP is valid (same rules, Perka BKN 22/2007).

    Works on a Utf8 column of any length; null counts as invalid.
    """
    frame = pl.DataFrame({"nip": nips.cast(pl.Utf8)})
    s = pl.col("nip").str.strip_chars()
    birth = pl.concat_str([s.str.slice(0, 4), s.str.slice(4, 2), s.str.slice(6, 2)], separator="-").str.to_date(
        "%Y-%m-%d", strict=False
    )
    year = s.str.slice(8, 4).cast(pl.Int32, strict=False)
    month = s.str.slice(12, 2).cast(pl.Int32, strict=False)
    expr = (
        (s.str.len_bytes() == 18)
        & s.str.contains(r"^[0-9]{18}$")
        & birth.is_not_null()
        & month.is_between(1, 12)
        & (year >= 1900)
        & ((year * 12 + month) > (birth.dt.year().cast(pl.Int32) * 12 + birth.dt.month().cast(pl.Int32)))
        & s.str.slice(14, 1).is_in(["1", "2"])
        & (s.str.slice(15, 3) != "000")
    )
    return frame.select(expr.fill_null(False).alias("valid")).to_series()
