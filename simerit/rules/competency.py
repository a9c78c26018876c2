"""Job Person Match (JPM): an employee's assessed competency levels against the position's standard.

Basis: PermenPANRB 38/2017 (standar kompetensi jabatan; levels 1-5 per competency); the JPM
definition Σ achieved / Σ standard × 100 (regulations.md §4.2). Decision (shared/domain/decisions.md
"Job Person Match", docs/decisions/0025-jpm-computation.md): each competency is capped at its
standard. Two category scales: mapping (Optimal ≥ 90, Cukup Optimal ≥ 78; Peraturan BRIN 3/2023
Pasal 33) and selection (Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat ≥ 68). Standard levels come
from each position's standar kompetensi jabatan (data), never from this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import polars as pl

from simerit.rules._bands import label_by_lower_bound
from simerit.rules._explain import Explained, Step
from simerit.rules._rows import by_employee
from simerit.rules._versions import RuleVersion, in_force

DECISION = "docs/decisions/0025-jpm-computation.md"
B_STANDARD = "PermenPANRB 38/2017 (standar kompetensi jabatan)"
B_PEMETAAN = "Peraturan BRIN 3/2023 Pasal 33 (skala pemetaan)"
B_SELEKSI = "skala seleksi/uji kompetensi (regulations.md §4.2)"


@dataclass(frozen=True)
class JpmParams:
    pemetaan: tuple[tuple[float, str], ...]  # (lower bound, category), highest first
    pemetaan_lowest: str
    seleksi: tuple[tuple[float, str], ...]
    seleksi_lowest: str


VERSIONS: list[RuleVersion[JpmParams]] = [
    RuleVersion(
        name="jpm",
        version="2017",
        valid_from=dt.date(2017, 1, 1),  # year of PermenPANRB 38/2017 (start date: decision 0025)
        valid_to=None,
        basis=f"{B_STANDARD}; batas kategori: {B_PEMETAAN}; {B_SELEKSI}; cap per kompetensi: decision {DECISION}",
        kind="decision",
        params=JpmParams(
            pemetaan=((90, "Optimal"), (78, "Cukup Optimal")),
            pemetaan_lowest="Kurang Optimal",
            seleksi=((80, "Memenuhi Syarat"), (68, "Masih Memenuhi Syarat")),
            seleksi_lowest="Kurang Memenuhi Syarat",
        ),
    )
]


def _params(as_of: dt.date | None) -> JpmParams:
    return (in_force(VERSIONS, as_of) if as_of else VERSIONS[-1]).params


def _scale(p: float | None, bands: tuple[tuple[float, str], ...], lowest: str) -> str | None:
    if p is None:
        return None
    return next((label for lower, label in bands if p >= lower), lowest)


def pemetaan_category(p: float | None, as_of: dt.date | None = None) -> str | None:
    """Mapping-scale category of a JPM percent (Peraturan BRIN 3/2023 Pasal 33): ≥ 90 Optimal,
    78 – < 90 Cukup Optimal, < 78 Kurang Optimal."""
    params = _params(as_of)
    return _scale(p, params.pemetaan, params.pemetaan_lowest)


def seleksi_category(p: float | None, as_of: dt.date | None = None) -> str | None:
    """Selection-scale category (uji kompetensi; regulations.md §4.2, tag C): ≥ 80 Memenuhi Syarat,
    68 – < 80 Masih Memenuhi Syarat, < 68 Kurang Memenuhi Syarat."""
    params = _params(as_of)
    return _scale(p, params.seleksi, params.seleksi_lowest)


def percent_of(achieved: int, standard: int) -> float:
    """100 × achieved / standard rounded to two decimals, half up, in exact integer arithmetic
    (decision 0025), so the scalar and batch forms give the same float."""
    return (2 * 10_000 * achieved + standard) // (2 * standard) / 100


def jpm(
    standard: Mapping[str, int | None], actual: Mapping[str, int | None], as_of: dt.date | None = None
) -> Explained:
    """Job Person Match of one employee (decision: docs/decisions/0025-jpm-computation.md).

    JPM = Σ min(actual, standard) / Σ standard × 100 over the competencies of the position's
    standard (PermenPANRB 38/2017). Value: `{"percent", "pemetaan", "seleksi", "gaps", "missing"}`
    where `gaps[code] = actual - standard` and `missing` lists standard competencies with no
    assessed level (counted as 0). No standard, or no assessed level at all (never assessed)
    → value None with the reason.
    """
    params = _params(as_of)
    required = {code: int(level) for code, level in standard.items() if level is not None and level > 0}
    if not required:
        return Explained(
            None, [Step("Standar kompetensi jabatan tidak ada → JPM tidak dapat dihitung", "decision", DECISION)]
        )
    if not any(level is not None for level in actual.values()):
        # decisions.md "Talent 9-box": no assessment -> not placed; a JPM of 0 would place them.
        return Explained(
            None, [Step("Belum ada hasil asesmen kompetensi → JPM tidak dapat dihitung", "decision", DECISION)]
        )
    steps: list[Step] = []
    gaps: dict[str, int] = {}
    missing: list[str] = []
    achieved = 0
    for code in sorted(required):
        need = required[code]
        level = actual.get(code)
        if level is None:
            missing.append(code)
            steps.append(Step(f"{code}: standar {need}, hasil asesmen tidak ada → dihitung 0", "decision", DECISION))
            level = 0
        else:
            capped = " (dibatasi pada standar)" if level > need else ""
            steps.append(
                Step(f"{code}: standar {need}, hasil {level} → {min(level, need)}{capped}", "decision", DECISION)
            )
        achieved += min(int(level), need)
        gaps[code] = int(level) - need
    ignored = sorted(code for code in actual if code not in required)
    if ignored:
        steps.append(
            Step(f"Kompetensi di luar standar jabatan tidak dihitung: {', '.join(ignored)}", "decision", DECISION)
        )
    total = sum(required.values())
    percent = percent_of(achieved, total)
    steps.append(
        Step(f"JPM = {achieved} / {total} × 100 = {percent:.2f}%", "regulation", "definisi JPM (regulations.md §4.2)")
    )
    pemetaan = _scale(percent, params.pemetaan, params.pemetaan_lowest)
    seleksi = _scale(percent, params.seleksi, params.seleksi_lowest)
    steps.append(Step(f"Skala pemetaan: {percent:.2f}% → {pemetaan}", "regulation", B_PEMETAAN))
    steps.append(Step(f"Skala seleksi: {percent:.2f}% → {seleksi}", "regulation", B_SELEKSI))
    value = {"percent": percent, "pemetaan": pemetaan, "seleksi": seleksi, "gaps": gaps, "missing": missing}
    return Explained(value, steps)


def _scale_expr(p: pl.Expr, bands: tuple[tuple[float, str], ...], lowest: str) -> pl.Expr:
    return label_by_lower_bound(p, bands, lowest)


def pemetaan_expr(p: pl.Expr, as_of: dt.date | None = None) -> pl.Expr:
    """Batch form of `pemetaan_category`."""
    params = _params(as_of)
    return _scale_expr(p, params.pemetaan, params.pemetaan_lowest)


def seleksi_expr(p: pl.Expr, as_of: dt.date | None = None) -> pl.Expr:
    """Batch form of `seleksi_category`."""
    params = _params(as_of)
    return _scale_expr(p, params.seleksi, params.seleksi_lowest)


def jpm_batch(competency: pl.DataFrame, as_of: dt.date | None = None, *, ids: pl.Series | None = None) -> pl.DataFrame:
    """Batch form of `jpm` over rows `id, kompetensi, standard, actual` (one row per id and
    competency, the latest assessment): `id, jpm_percent (Float64), jpm_pemetaan, jpm_seleksi`.

    Same rule (decision 0025): standard levels ≤ 0 or null are not part of the standard; a null
    actual counts as 0; ids without a standard or without any assessed level get nulls. One row
    per id found in `competency` (first-seen order), or per id of `ids` in that order when given
    (nulls for an id without rows; the sums are then placed by row number, no group_by).
    """
    std = pl.col("standard").cast(pl.Int64)
    in_std = std.is_not_null() & (std > 0)
    capped = pl.min_horizontal(pl.col("actual").cast(pl.Int64).fill_null(0), std)
    rows = competency.lazy().select(
        "id",
        pl.when(in_std).then(capped).otherwise(0).alias("_got"),
        pl.when(in_std).then(std).otherwise(0).alias("_need"),
        pl.col("actual").is_not_null().alias("_assessed"),
    )
    if ids is None:
        sums = rows.group_by("id", maintain_order=True).agg(
            pl.col("_got").sum(), pl.col("_need").sum(), pl.col("_assessed").any()
        )
    else:
        records = rows.collect()
        reduced = by_employee(records["id"], ids).reduce_all(
            records, {"_got": "sum", "_need": "sum", "_assessed": "any"}
        )
        sums = reduced.insert_column(0, ids.cast(competency.schema["id"]).alias("id")).lazy()
    return _jpm_from_sums(sums, as_of)


def jpm_level_batch(
    ids: pl.Series, rows: np.ndarray, standard: np.ndarray, actual: np.ndarray, none: int, as_of: dt.date | None = None
) -> pl.DataFrame:
    """`jpm_batch` over level matrices instead of rows: `id, jpm_percent, jpm_pemetaan,
    jpm_seleksi`, one row per id of `ids` in that order.

    `standard` and `actual` (integer, one row per assessed employee and one column per
    kompetensi, `none` where the standard or the level is missing) belong to the employees at
    `rows` (positions in `ids`); employees without a matrix row have no competency rows at all and
    get nulls. A cell missing from both stands for no row, which adds nothing to the rule's sums:
    the same rule and values as `jpm_batch` over the rows (tests compare them).
    """
    in_std = (standard != none) & (standard > 0)
    level = np.where(actual == none, 0, actual)
    got = np.where(in_std, np.minimum(level, standard), 0).sum(axis=1, dtype=np.int64)
    need = np.where(in_std, standard, 0).sum(axis=1, dtype=np.int64)
    assessed = (actual != none).any(axis=1)
    has = np.zeros(len(ids), dtype=bool)
    has[rows] = True

    def placed(name: str, values: np.ndarray, dtype: pl.DataType) -> pl.Series:
        out = np.zeros(len(ids), dtype=values.dtype)
        out[rows] = values
        return pl.Series(name, out, dtype=dtype).set(pl.Series(~has), None)  # type: ignore[arg-type]

    sums = pl.DataFrame(
        [ids.alias("id"), placed("_got", got, pl.Int64), placed("_need", need, pl.Int64),
         placed("_assessed", assessed, pl.Boolean)]
    )  # fmt: skip
    return _jpm_from_sums(sums.lazy(), as_of)


def _jpm_from_sums(sums: pl.LazyFrame, as_of: dt.date | None) -> pl.DataFrame:
    """The JPM percent and both category scales from the per-employee sums `id, _got, _need,
    _assessed` (decision 0025; the scales as `pemetaan_category` / `seleksi_category`)."""
    # `.round(2)`: polars divides by multiplying with 0.01, which can miss the nearest float by one
    # ulp; rounding brings it back to exactly what `percent_of` gives.
    pct = pl.when((pl.col("_need") > 0) & pl.col("_assessed")).then(
        (((2 * 10_000 * pl.col("_got") + pl.col("_need")) // (2 * pl.col("_need"))).cast(pl.Float64) / 100).round(2)
    )
    return (
        sums.select("id", pct.alias("jpm_percent"))
        .with_columns(
            pemetaan_expr(pl.col("jpm_percent"), as_of).alias("jpm_pemetaan"),
            seleksi_expr(pl.col("jpm_percent"), as_of).alias("jpm_seleksi"),
        )
        .collect()
    )
