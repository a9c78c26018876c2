"""Retirement: batas usia pensiun (BUP) and TMT pensiun.

Legal basis: PP 11/2017 Pasal 239 ayat (2) sets the BUP by position (58 pejabat administrasi, JF
ahli pertama/ahli muda and keterampilan; 60 JPT and JF ahli madya; 65 JF ahli utama); Pasal 240
keeps the age a JF's own law sets, carried as `Position.bup`. TMT pensiun is the first day of the
month after the month in which BUP is reached (shared/domain/decisions.md "Retirement";
docs/decisions/0010-tmt-pensiun.md, which also covers birthdays on the 1st). PPPK: the BUP of the
jabatan (docs/decisions/0011-pppk-bup.md). The birth date comes from the employee record, never
from the NIP; a mismatch is shown as a data-quality warning.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from simerit.rules._dates import first_of_month
from simerit.rules._explain import Explained, Problem, Step
from simerit.rules._versions import NoVersionInForce, RuleVersion, in_force
from simerit.rules.nip import parse_nip
from simerit.rules.profile import EmployeeProfile, Position

BASIS = "PP 11/2017 Pasal 239 ayat (2)"
BASIS_OVERRIDE = "PP 11/2017 Pasal 240"
DECISION_TMT = "docs/decisions/0010-tmt-pensiun.md"
DECISION_PPPK = "docs/decisions/0011-pppk-bup.md"
DECISION_BIRTH = "decisions.md: Retirement (tanggal lahir dari data kepegawaian)"

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")  # fmt: skip

LEVEL_LABELS = {
    "jpt_utama": "JPT utama", "jpt_madya": "JPT madya", "jpt_pratama": "JPT pratama",
    "administrator": "administrator", "pengawas": "pengawas", "pelaksana": "pelaksana",
    "ahli_pertama": "JF ahli pertama", "ahli_muda": "JF ahli muda", "ahli_madya": "JF ahli madya",
    "ahli_utama": "JF ahli utama", "pemula": "JF pemula", "terampil": "JF terampil", "mahir": "JF mahir",
    "penyelia": "JF penyelia",
}  # fmt: skip

# PP 11/2017 Pasal 239 ayat (2): huruf a 58, huruf b 60, huruf c 65.
BUP_BY_LEVEL: dict[str, int] = {
    "administrator": 58, "pengawas": 58, "pelaksana": 58,
    "ahli_pertama": 58, "ahli_muda": 58, "pemula": 58, "terampil": 58, "mahir": 58, "penyelia": 58,
    "jpt_utama": 60, "jpt_madya": 60, "jpt_pratama": 60, "ahli_madya": 60,
    "ahli_utama": 65,
}  # fmt: skip
CLAUSE_BY_BUP = {58: "huruf a", 60: "huruf b", 65: "huruf c"}

VERSIONS: list[RuleVersion[dict[str, int]]] = [
    RuleVersion(
        name="retirement",
        version="2017",
        valid_from=dt.date(2017, 4, 7),  # PP 11/2017 in force on promulgation (regulations.md §6)
        valid_to=None,
        basis=BASIS,
        kind="regulation",
        params=BUP_BY_LEVEL,
    )
]


def tanggal(d: dt.date) -> str:
    """A date in Indonesian words, e.g. "1 April 2025" (used in every explanation line)."""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def _version(as_of: dt.date | None) -> RuleVersion[dict[str, int]] | None:
    if as_of is None:
        return VERSIONS[-1]
    try:
        return in_force(VERSIONS, as_of)
    except NoVersionInForce:
        return None


def bup(position: Position, as_of: dt.date | None = None) -> Explained:
    """BUP (value int) of a position: PP 11/2017 Pasal 239 ayat (2), or `position.bup` (Pasal 240).

    `as_of` picks the rule version (None: the newest). An unknown or missing level gives value
    None with a problem in Bahasa Indonesia.
    """
    version = _version(as_of)
    if version is None:
        when = as_of.isoformat() if as_of else "?"
        return Explained(problems=[Problem("position", f"Tidak ada aturan BUP yang berlaku pada {when}.")])
    if position.bup is not None:
        text = f"BUP jabatan ditetapkan oleh undang-undang jabatan fungsionalnya (data jabatan): {position.bup} tahun"
        return Explained(value=int(position.bup), steps=[Step(text, "regulation", BASIS_OVERRIDE)])
    level = position.level
    if level is None:
        return Explained(
            problems=[Problem("position.level", "Jenjang jabatan tidak tercatat; BUP tidak dapat ditentukan.")]
        )
    if level not in version.params:
        return Explained(
            problems=[
                Problem("position.level", f"Jenjang jabatan '{level}' tidak dikenal; BUP tidak dapat ditentukan.")
            ]
        )
    value = version.params[level]
    step = Step(
        f"Jabatan {LEVEL_LABELS.get(level, level)} → BUP {value}",
        "regulation",
        f"{version.basis} {CLAUSE_BY_BUP.get(value, '')}".strip(),
    )
    return Explained(value=value, steps=[step])


def tmt_pensiun(birth_date: dt.date, bup: int) -> dt.date:
    """First day of the month after the month in which the employee reaches `bup` years.

    Decision (shared/domain/decisions.md "Retirement", docs/decisions/0010-tmt-pensiun.md): born
    15 Mar 1967, BUP 58 → 1 Apr 2025; born 1 Dec 1967 → 1 Jan 2026; a birthday on the 1st follows
    the same formula (born 1 Apr 1967 → 1 May 2025).
    """
    total = birth_date.year * 12 + (birth_date.month - 1) + bup * 12 + 1
    return dt.date(total // 12, total % 12 + 1, 1)


def retirement(profile: EmployeeProfile, as_of: dt.date) -> Explained:
    """BUP and TMT pensiun of one employee: value `{"bup": int, "tmt_pensiun": date | None}`.

    Basis: PP 11/2017 Pasal 239-240 (BUP); TMT pensiun and PPPK handling are decisions
    (docs/decisions/0010-tmt-pensiun.md, 0011-pppk-bup.md). Value None when the BUP cannot be
    determined; `tmt_pensiun` None when the birth date is not recorded. Each gap has a problem.
    """
    steps: list[Step] = []
    if profile.status == "PPPK":
        steps.append(
            Step(
                "PPPK: hubungan perjanjian kerja berakhir pada BUP jabatannya, dihitung seperti PNS",
                "decision",
                DECISION_PPPK,
            )
        )
    result = bup(profile.position, as_of)
    steps += result.steps
    problems = list(result.problems)
    if result.value is None:
        return Explained(value=None, steps=steps, problems=problems)
    age = int(result.value)
    birth = profile.birth_date
    if birth is None:
        problems.append(
            Problem(
                "birth_date",
                "Tanggal lahir tidak tercatat; TMT pensiun tidak dapat dihitung (tanggal lahir tidak diambil dari NIP).",
            )
        )
        return Explained(value={"bup": age, "tmt_pensiun": None}, steps=steps, problems=problems)
    parts = parse_nip(profile.nip)[0] if profile.nip else None
    if parts is not None and parts.birth_date != birth:
        steps.append(
            Step(
                f"Peringatan mutu data: tanggal lahir pada NIP ({tanggal(parts.birth_date)}) berbeda dengan data "
                f"kepegawaian ({tanggal(birth)}); yang dipakai data kepegawaian",
                "decision",
                DECISION_BIRTH,
            )
        )
    tmt = tmt_pensiun(birth, age)
    steps.append(
        Step(
            f"Lahir {tanggal(birth)} (data kepegawaian) → usia {age} tahun tercapai pada bulan "
            f"{BULAN[birth.month - 1]} {birth.year + age} → TMT pensiun {tanggal(tmt)} (tanggal 1 bulan berikutnya)",
            "decision",
            DECISION_TMT,
        )
    )
    return Explained(value={"bup": age, "tmt_pensiun": tmt}, steps=steps, problems=problems)


def bup_expr(as_of: dt.date) -> pl.Expr:
    """Batch BUP (Int16) from `position_bup` (Pasal 240) or `position_level` (Pasal 239 ayat 2)."""
    version = _version(as_of)
    if version is None:
        return pl.lit(None, dtype=pl.Int16)
    # The level's index among the table's keys (an Enum cast; null when unknown) picks its BUP.
    levels = list(version.params)
    index = pl.col("position_level").cast(pl.Enum(levels), strict=False).to_physical()
    by_level = pl.lit(pl.Series([version.params[k] for k in levels], dtype=pl.Int16)).gather(index)
    return pl.coalesce(pl.col("position_bup").cast(pl.Int16), by_level)


def tmt_pensiun_expr(birth: pl.Expr, bup: pl.Expr) -> pl.Expr:
    """Batch form of `tmt_pensiun` (same decision, docs/decisions/0010-tmt-pensiun.md)."""
    total = birth.dt.year().cast(pl.Int32) * 12 + birth.dt.month().cast(pl.Int32) - 1 + bup.cast(pl.Int32) * 12 + 1
    return first_of_month(total)


def retirement_batch(employees: pl.DataFrame, as_of: dt.date) -> pl.DataFrame:
    """Batch form of `retirement`: columns `id, bup (Int16), tmt_pensiun (Date)`, one row per employee.

    Basis as `retirement` (PP 11/2017 Pasal 239-240; decisions 0010 and 0011). Needs the
    `employees` frame of `EmployeeFrames` (`id, birth_date, position_level, position_bup`).
    """
    return (
        employees.lazy()
        .select("id", bup_expr(as_of).alias("bup"), pl.col("birth_date"))
        .select("id", "bup", tmt_pensiun_expr(pl.col("birth_date"), pl.col("bup")).alias("tmt_pensiun"))
        .collect()
    )


def retiring_between(frame: pl.DataFrame, start: dt.date, end: dt.date) -> pl.DataFrame:
    """Rows of a `retirement_batch` result whose TMT pensiun falls in [start, end] (for forecasts)."""
    return frame.filter(pl.col("tmt_pensiun").is_between(start, end, closed="both"))
