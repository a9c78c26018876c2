"""Pangkat: the ladder, the education ceiling and kenaikan pangkat (KP) reguler.

Legal basis: PP 99/2000 jo. PP 12/2002 (ladder in the annex, data/pangkat.csv; periods Pasal 4;
KP reguler Pasal 6-8: at least 4 years in the current pangkat and every appraisal element at least
"baik" in the last 2 years, up to the ceiling of the highest education, data/pendidikan.csv).
Periods by date: 1 April and 1 October until 2023; Peraturan BKN 4/2023 Pasal 2 (1 Feb, Apr, Jun,
Aug, Oct, Dec) from 1 Jan 2024; Peraturan BKN 4/2025 (the 1st of every month) from 1 Oct 2025.
Ceiling: until 19 May 2025 also capped at the direct superior's pangkat (PP 99/2000 Pasal 6 ayat 2,
Kepka BKN 12/2002), which these rules cannot check; from 20 May 2025 Peraturan BKN 2/2025 drops it.
Choices the sources leave open are decisions, docs/decisions/0012-0016.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import polars as pl

from simerit.rules._dates import add_months, first_of_month
from simerit.rules._explain import Explained, Problem, Step
from simerit.rules._versions import NoVersionInForce, RuleVersion, in_force
from simerit.rules.profile import Discipline, EmployeeFrames, EmployeeProfile
from simerit.rules.reference import load_table
from simerit.rules.retirement import tanggal
from simerit.rules.skp import PerformanceSummary, describe_record, key_codes, performance_summary, year_record

BASIS_KP = "PP 99/2000 jo. PP 12/2002"
DECISION_NEXT = "docs/decisions/0013-kp-next-date.md"
DECISION_PERFORMANCE = "docs/decisions/0014-kp-performance-years.md"
DECISION_SANCTION = "docs/decisions/0015-kp-sanction-blocking.md"
DECISION_SCOPE = "docs/decisions/0016-kp-scope-and-superior.md"
PASSING = ("Sangat Baik", "Baik")
SEARCH_MONTHS = 12  # the longest gap between two periods of any version is 6 months
LOOKUP_END_YEAR = 2300  # batch lookup table of period months; later months repeat its last year

_PANGKAT_ROWS = load_table("pangkat")[1]
PANGKAT_ORDER: dict[str, int] = {r["kode"]: int(r["urutan"]) for r in _PANGKAT_ROWS}
PANGKAT_NAMES: dict[str, str] = {r["kode"]: r["nama"] for r in _PANGKAT_ROWS}
PANGKAT_BY_ORDER: dict[int, str] = {v: k for k, v in PANGKAT_ORDER.items()}
EDUCATION_CEILING: dict[str, str] = {r["kode"]: r["golongan_maks"] for r in load_table("pendidikan")[1]}


@dataclass(frozen=True)
class CeilingParams:
    ceiling: dict[str, str]  # education code -> highest pangkat by KP reguler
    superior_cap: bool  # also capped at the direct superior's pangkat (not checkable here)


# Period dates by date of the period (months of Peraturan BKN 4/2023: docs/decisions/0012-kp-periods-2024.md).
KP_PERIOD_VERSIONS: list[RuleVersion[tuple[int, ...]]] = [
    RuleVersion("kp_periode", "2002", dt.date(2002, 3, 1), dt.date(2024, 1, 1),
                f"{BASIS_KP} Pasal 4 (1 April dan 1 Oktober)", "regulation", (4, 10)),
    RuleVersion("kp_periode", "2023", dt.date(2024, 1, 1), dt.date(2025, 10, 1),
                "Peraturan BKN 4/2023 Pasal 2 (1 Februari, April, Juni, Agustus, Oktober, Desember)", "regulation",
                (2, 4, 6, 8, 10, 12)),
    RuleVersion("kp_periode", "2025", dt.date(2025, 10, 1), None,
                "Peraturan BKN 4/2025 (tanggal 1 setiap bulan)", "regulation", tuple(range(1, 13))),
]  # fmt: skip

CEILING_VERSIONS: list[RuleVersion[CeilingParams]] = [
    RuleVersion("kp_batas_pendidikan", "2002", dt.date(2002, 3, 1), dt.date(2025, 5, 20),
                f"{BASIS_KP} Pasal 8; Kepka BKN 12/2002", "regulation", CeilingParams(EDUCATION_CEILING, True)),
    RuleVersion("kp_batas_pendidikan", "2025", dt.date(2025, 5, 20), None,
                "Peraturan BKN 2/2025", "regulation", CeilingParams(EDUCATION_CEILING, False)),
]  # fmt: skip

# Months a sanction blocks KP from its decision date, by level (decision 0015; regulations.md §10.3).
SANCTION_VERSIONS: list[RuleVersion[dict[str, int]]] = [
    RuleVersion("kp_hukuman_disiplin", "1", dt.date(2002, 3, 1), None,
                f"{DECISION_SANCTION} (masa hukuman sedang/berat paling lama 12 bulan, PP 94/2021 Pasal 8)",
                "decision", {"ringan": 0, "sedang": 12, "berat": 12}),
]  # fmt: skip


# --- Dates -----------------------------------------------------------------------------------------


def _version_on(versions: Sequence[RuleVersion], d: dt.date) -> RuleVersion | None:
    try:
        return in_force(versions, d)
    except NoVersionInForce:
        return None


def first_period_on_or_after(start: dt.date) -> tuple[dt.date, RuleVersion] | None:
    """The first KP period date on or after `start`, with the period version in force on it."""
    total = start.year * 12 + start.month - 1 + (1 if start.day > 1 else 0)
    for k in range(SEARCH_MONTHS):
        year, month = divmod(total + k, 12)
        candidate = dt.date(year, month + 1, 1)
        version = _version_on(KP_PERIOD_VERSIONS, candidate)
        if version is not None and candidate.month in version.params:
            return candidate, version
    return None


def next_kp_date(tmt_pangkat: dt.date | None, as_of: dt.date) -> Explained:
    """The next KP reguler period date at which the 4-year condition holds (value date or None).

    Basis: PP 99/2000 jo. PP 12/2002 Pasal 7 ayat (1) huruf a (4 years in the current pangkat) and
    the period versions above, each used on its own dates. Decision (docs/decisions/0013): the
    first period date on or after both TMT pangkat + 4 years and `as_of` (a missed period is not
    granted retroactively).
    """
    if tmt_pangkat is None:
        return Explained(
            problems=[Problem("tmt_pangkat", "TMT pangkat tidak tercatat; periode KP tidak dapat dihitung.")]
        )
    due = add_months(tmt_pangkat, 48)
    steps = [Step(f"TMT pangkat {tanggal(tmt_pangkat)} + 4 tahun → syarat masa kerja terpenuhi {tanggal(due)}",
                  "regulation", f"{BASIS_KP} Pasal 7 ayat (1) huruf a")]  # fmt: skip
    start = max(due, as_of)
    if as_of > due:
        steps.append(
            Step(
                f"Syarat sudah terpenuhi sebelum {tanggal(as_of)}; periode dicari mulai tanggal itu",
                "decision",
                DECISION_NEXT,
            )
        )
    found = first_period_on_or_after(start)
    if found is None:
        msg = f"Tidak ada aturan periode KP yang berlaku sekitar {tanggal(start)}."
        return Explained(steps=steps, problems=[Problem("tmt_pangkat", msg)])
    date, version = found
    steps.append(
        Step(f"Periode KP pertama pada/sesudah {tanggal(start)}: {tanggal(date)}", "regulation", version.basis)
    )
    return Explained(value=date, steps=steps)


# --- Scalar KP reguler -----------------------------------------------------------------------------


def _performance_checks(profile: EmployeeProfile, period: dt.date) -> tuple[list[Step], list[str]]:
    steps: list[Step] = []
    reasons: list[str] = []
    for year in (period.year - 2, period.year - 1):
        record = year_record(profile.performance, year)
        if record is None:
            reasons.append(f"Tidak ada catatan kinerja tahun {year}")
            continue
        label, step = describe_record(record)
        steps.append(step)
        if label not in PASSING:
            reasons.append(f"Kinerja tahun {year} {label}, di bawah Baik")
    steps.append(
        Step(f"Syarat kinerja: paling rendah Baik pada tahun {period.year - 2} dan {period.year - 1} "
             f"(2 tahun sebelum periode {tanggal(period)})", "decision", DECISION_PERFORMANCE)
    )  # fmt: skip
    return steps, reasons


def running_sanctions(discipline: Sequence[Discipline], period: dt.date) -> list[Discipline]:
    """Sanctions still blocking KP on `period` (decision 0015: decision date + months by level)."""
    version = _version_on(SANCTION_VERSIONS, period)
    months = version.params if version else {}
    return [
        d for d in discipline
        if d.decision_date is not None and d.level in months
        and d.decision_date <= period < add_months(d.decision_date, months[d.level])
    ]  # fmt: skip


def _ceiling_check(profile: EmployeeProfile, order: int | None, on: dt.date) -> tuple[list[Step], list[str], bool]:
    """Steps, blocking reasons and whether the pangkat is at the education ceiling in force `on`."""
    version = _version_on(CEILING_VERSIONS, on)
    if version is None:
        return [], [f"Tidak ada aturan batas pangkat KP reguler yang berlaku pada {tanggal(on)}"], False
    ceiling = version.params.ceiling.get(profile.education or "")
    if ceiling is None:
        what = (
            f"Pendidikan '{profile.education}' tidak dikenal"
            if profile.education
            else "Pendidikan tertinggi tidak tercatat"
        )
        return [], [f"{what}; batas KP reguler tidak dapat diperiksa"], False
    steps = [
        Step(f"Pendidikan {profile.education} → pangkat tertinggi KP reguler {ceiling}", "regulation", version.basis)
    ]
    if version.params.superior_cap:
        steps.append(Step("Syarat tidak melampaui pangkat atasan langsung (berlaku sampai 19 Mei 2025) tidak dapat "
                          "diperiksa di sini", "decision", DECISION_SCOPE))  # fmt: skip
    if order is not None and order >= PANGKAT_ORDER[ceiling]:
        return (
            steps,
            [f"Pangkat {profile.pangkat} sudah mencapai batas pendidikan {profile.education} ({ceiling})"],
            True,
        )
    return steps, [], False


def kp_reguler(profile: EmployeeProfile, as_of: dt.date) -> Explained:
    """KP reguler eligibility: value `{"eligible", "next_date", "target", "reasons"}`.

    Basis: PP 99/2000 jo. PP 12/2002 Pasal 7-8 (4 years; appraisal at least baik in the last 2
    years; education ceiling), the period and ceiling versions above, and shared/domain/
    decisions.md "Kenaikan pangkat reguler" (no sanction running). Every condition is checked on
    `next_date` (`next_kp_date`). Decisions 0013-0016 in docs/decisions/. Only PNS are eligible.
    `reasons` lists, in Bahasa Indonesia, everything that blocks it.
    """
    if profile.status != "PNS":
        who = f"Status {profile.status}" if profile.status else "Status kepegawaian tidak tercatat"
        reason = f"{who}: KP reguler hanya untuk PNS"
        value = {"eligible": False, "next_date": None, "target": None, "reasons": [reason]}
        return Explained(value=value, steps=[Step(reason, "regulation", BASIS_KP)])
    reasons: list[str] = []
    steps: list[Step] = []
    if profile.position.kind in ("struktural", "fungsional"):
        steps.append(Step(
            f"Catatan: PP 99/2000 Pasal 6 ayat (1) memberi KP reguler kepada PNS yang tidak menduduki jabatan struktural "
            f"atau fungsional tertentu; pemegang jabatan {profile.position.kind} biasanya naik melalui KP pilihan. "
            "Hasil ini memakai syarat KP reguler", "decision", DECISION_SCOPE))  # fmt: skip
    nxt = next_kp_date(profile.tmt_pangkat, as_of)
    steps += nxt.steps
    reasons += [p.message.rstrip(".") for p in nxt.problems]
    period = nxt.value if isinstance(nxt.value, dt.date) else None

    target = None
    order = PANGKAT_ORDER.get(profile.pangkat or "")
    if order is None:
        reasons.append(f"Pangkat '{profile.pangkat}' tidak dikenal" if profile.pangkat else "Pangkat tidak tercatat")
    elif order == max(PANGKAT_BY_ORDER):
        reasons.append(f"Pangkat {profile.pangkat} sudah pangkat tertinggi")
    else:
        target = PANGKAT_BY_ORDER[order + 1]
    ceiling_steps, ceiling_reasons, at_ceiling = _ceiling_check(profile, order, period or as_of)
    steps += ceiling_steps
    reasons += ceiling_reasons
    if at_ceiling:
        target = None
    if target is not None:
        steps.append(
            Step(
                f"Pangkat {profile.pangkat} → naik ke {target} ({PANGKAT_NAMES[target]})",
                "regulation",
                f"{BASIS_KP} (lampiran)",
            )
        )

    if period is not None:
        perf_steps, perf_reasons = _performance_checks(profile, period)
        steps += perf_steps
        reasons += perf_reasons
        for d in running_sanctions(profile.discipline, period):
            reasons.append(
                f"Hukuman disiplin {d.level} (keputusan {tanggal(d.decision_date)}) masih berjalan pada {tanggal(period)}"
            )
        sanction = _version_on(SANCTION_VERSIONS, period)
        if sanction is not None:
            months = ", ".join(f"{lvl} {n}" for lvl, n in sanction.params.items())
            steps.append(
                Step(
                    f"Hukuman disiplin menunda KP ({months} bulan sejak tanggal keputusan)",
                    "decision",
                    DECISION_SANCTION,
                )
            )
    eligible = not reasons and period is not None and target is not None
    steps.append(Step("Memenuhi syarat KP reguler" if eligible else "Belum memenuhi syarat KP reguler: " + "; ".join(reasons),
                      "regulation", f"{BASIS_KP} Pasal 7"))  # fmt: skip
    value = {"eligible": eligible, "next_date": period, "target": target, "reasons": reasons}
    return Explained(value=value, steps=steps)


# --- Batch -----------------------------------------------------------------------------------------


def _in_range(d: pl.Expr, v: RuleVersion) -> pl.Expr:
    expr = d >= pl.lit(v.valid_from)
    return expr if v.valid_to is None else expr & (d < pl.lit(v.valid_to))


@cache
def _period_lookup() -> tuple[pl.Series, pl.Series]:
    """Month index (year * 12 + month - 1) -> month index of the first period on or after it, for
    every month from a year before the first period version to `LOOKUP_END_YEAR` (built from
    `first_period_on_or_after`, so batch and scalar share one definition)."""
    first = KP_PERIOD_VERSIONS[0].valid_from
    old: list[int] = []
    new: list[int] = []
    for t in range(first.year * 12 + first.month - 1 - SEARCH_MONTHS, LOOKUP_END_YEAR * 12):
        found = first_period_on_or_after(dt.date(t // 12, t % 12 + 1, 1))
        if found is not None:
            old.append(t)
            new.append(found[0].year * 12 + found[0].month - 1)
    return pl.Series(old, dtype=pl.Int32), pl.Series(new, dtype=pl.Int32)


@cache
def _period_table() -> tuple[int, pl.Series]:
    """`_period_lookup` as a table: its first month index, and per month from there the month
    index of the next period (null for a month without one)."""
    old, new = _period_lookup()
    first = int(old.min())  # type: ignore[arg-type]
    table = [None] * (int(old.max()) - first + 1)  # type: ignore[operator]
    for o, n in zip(old.to_list(), new.to_list(), strict=True):
        table[o - first] = n
    return first, pl.Series(table, dtype=pl.Int32)


def with_next_kp_date(frame: pl.LazyFrame, tmt_pangkat: str, as_of: dt.date, alias: str) -> pl.LazyFrame:
    """Batch form of `next_kp_date`: adds column `alias` (same basis and decision 0013).

    A month lookup replaces the scalar search; months past the table repeat its last year, which
    lies in the open-ended newest period version.
    """
    first, table = _period_table()
    # The first month (year * 12 + month - 1) starting on or after max(TMT + 4 years, as_of): the
    # month of a date, plus one unless it is the 1st, grows with the date, so it is the larger of
    # the two dates' months; 4 years later is 48 months later (a 29 February becoming the 28th
    # is still not the 1st).
    tmt = pl.col(tmt_pangkat)
    month_of = tmt.dt.year().cast(pl.Int32) * 12 + tmt.dt.month().cast(pl.Int32) - 1 + (tmt.dt.day() > 1)
    total = pl.max_horizontal(month_of + 48, pl.lit(as_of.year * 12 + as_of.month - 1 + (as_of.day > 1)))
    end = LOOKUP_END_YEAR * 12
    t = pl.col("_kp_t")
    shift = pl.when(t >= end).then((t - end) // 12 * 12 + 12).otherwise(0)
    # The month's entry of the lookup (null before its first month), by position in the table.
    month = t - shift - first
    inside = (month >= 0) & (month < len(table))
    nxt = pl.when(inside).then(pl.lit(table).gather(month.clip(0, len(table) - 1))) + shift
    return (
        frame.with_columns(pl.when(pl.col(tmt_pangkat).is_not_null()).then(total.cast(pl.Int32)).alias("_kp_t"))
        .with_columns(nxt.alias("_kp_t"))
        .with_columns(first_of_month(t).alias(alias))
        .drop("_kp_t")
    )


def _ceiling_order_expr(education: pl.Expr, on: pl.Expr) -> pl.Expr:
    expr = pl.lit(None, dtype=pl.Int16)
    for v in CEILING_VERSIONS:
        orders = {edu: PANGKAT_ORDER[code] for edu, code in v.params.ceiling.items()}
        expr = (
            pl.when(_in_range(on, v))
            .then(education.replace_strict(orders, default=None, return_dtype=pl.Int16))
            .otherwise(expr)
        )
    return expr


def _sanction_end_expr(level: pl.Expr, decided: pl.Expr, on: pl.Expr) -> pl.Expr:
    expr = pl.lit(None, dtype=pl.Date)
    for v in SANCTION_VERSIONS:
        for lvl, months in v.params.items():
            expr = pl.when(_in_range(on, v) & (level == lvl)).then(decided.dt.offset_by(f"{months}mo")).otherwise(expr)
    return expr


def kp_reguler_batch(
    frames: EmployeeFrames, as_of: dt.date, *, summary: PerformanceSummary | None = None
) -> pl.DataFrame:
    """Batch form of `kp_reguler`: `id, kp_eligible (Boolean), kp_next_date (Date), kp_target (Utf8)`.

    Same basis and decisions as `kp_reguler` (PP 99/2000 jo. PP 12/2002 Pasal 7-8; period and
    ceiling versions; decisions 0012-0016). One row per row of `frames.employees`. `summary`: the
    caller's `skp.performance_summary(frames.performance, as_of, ...)`, when it has computed it
    already (the performance condition reads it).
    """
    ids = frames.employees["id"]
    if summary is None:
        summary = performance_summary(frames.performance, as_of, ids=ids)
    year_keys = summary.for_ids(ids, as_of).select([f"_key_{y}" for y in summary.years])
    order = pl.col("pangkat").replace_strict(PANGKAT_ORDER, default=None, return_dtype=pl.Int16)
    base = (
        frames.employees.select("id", "tmt_pangkat", order.alias("_order"), "education", "status")
        .hstack(year_keys)
        .lazy()
        .pipe(with_next_kp_date, "tmt_pangkat", as_of, "_next")
        .with_columns(pl.when(pl.col("status") == "PNS").then(pl.col("_next")).alias("kp_next_date"))
        .with_columns(
            _ceiling_order_expr(pl.col("education"), pl.coalesce(pl.col("kp_next_date"), pl.lit(as_of))).alias(
                "_ceiling"
            )
        )
        .with_columns(
            pl.when(
                (pl.col("status") == "PNS")
                & (pl.col("_order") < max(PANGKAT_BY_ORDER))
                & (pl.col("_ceiling").is_null() | (pl.col("_order") < pl.col("_ceiling")))
            )
            .then(pl.col("_order") + 1)
            .alias("_target"),
            (pl.col("kp_next_date").dt.year() - 1).cast(pl.Int16).alias("_y1"),
            (pl.col("kp_next_date").dt.year() - 2).cast(pl.Int16).alias("_y2"),
        )
        .collect()
    )
    is_candidate = (
        pl.col("kp_next_date").is_not_null() & pl.col("_target").is_not_null() & pl.col("_ceiling").is_not_null()
    )
    candidates = base.lazy().filter(is_candidate)

    # Only the two years before a period date on or after `as_of` can count (decision 0014). The
    # record that counts for a year is the one with the largest `skp.record_keys` key (decision
    # 0022): the summary's `_key_<year>` for every year from `as_of.year - 2`.
    def key_of(year: str) -> pl.Expr:
        expr: pl.Expr = pl.lit(None, dtype=pl.Int32)
        for y in summary.years:
            expr = pl.when(pl.col(year) == y).then(pl.col(f"_key_{y}")).otherwise(expr)
        return expr

    # A passing predikat (PASSING) by the key's last two digits (what `key_label` reads), no text.
    passing = key_codes(PASSING)
    performing = (key_of("_y1") % 100).is_in(passing) & (key_of("_y2") % 100).is_in(passing)
    blocked = (
        frames.discipline.lazy()
        .filter(pl.col("decision_date").is_not_null())
        .join(candidates.select("id", "kp_next_date"), on="id", how="inner")
        .with_columns(
            _sanction_end_expr(pl.col("level"), pl.col("decision_date"), pl.col("kp_next_date")).alias("_end")
        )
        .filter((pl.col("decision_date") <= pl.col("kp_next_date")) & (pl.col("kp_next_date") < pl.col("_end")))
        .select("id")
    )
    blocked_ids = blocked.collect().to_series()
    eligible = is_candidate & performing & ~pl.col("id").is_in(blocked_ids.implode())
    return base.select(
        "id",
        eligible.fill_null(False).alias("kp_eligible"),
        "kp_next_date",
        pl.col("_target").replace_strict(PANGKAT_BY_ORDER, default=None, return_dtype=pl.Utf8).alias("kp_target"),
    )
