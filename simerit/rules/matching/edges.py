"""Candidate-vacancy edges: every eligible (vacancy, candidate) pair with the candidate's merit for
that vacancy, computed for many vacancies at once.

Basis: `eligibility.eligible_batch` per target level (decision 0060) and the merit score of
`merit.merit_score` (decision 0061; JPM per decision 0025), identical to `merit.merit_batch` for
each vacancy's standard; decision docs/decisions/0062-optimal-placement.md.

The JPM of every candidate against every vacancy standard of a level comes from matrix products:
Σ_k min(a_k, s_k) = Σ_t Σ_k [a_k ≥ t]·[s_k ≥ t] for integer levels, so one 0/1 product per level
value t gives the capped sums of all pairs (exact small integers in float32).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from simerit.rules.eligibility import TARGET_LEVELS, LevelRule, eligible_batch
from simerit.rules.merit import CRITERIA, DEFAULT_WEIGHTS, MeritWeights, merit_batch
from simerit.rules.profile import EmployeeFrames

EDGE_SCHEMA = {"vacancy": pl.Utf8, "candidate": pl.Utf8, "merit": pl.Float64}


@dataclass(frozen=True)
class VacancySpec:
    """One vacancy of a placement round: its target level, competency standard and seats."""

    id: str
    level: str  # eligibility.TARGET_LEVELS
    standard: Mapping[str, int] = field(default_factory=dict)
    seats: int = 1


def validate_vacancies(vacancies: Sequence[VacancySpec]) -> None:
    """Indonesian errors for bad vacancy specs (duplicate id, unknown level, seats < 1)."""
    seen: set[str] = set()
    for v in vacancies:
        if v.id in seen:
            raise ValueError(f"lowongan {v.id}: id lowongan ganda")
        seen.add(v.id)
        if v.level not in TARGET_LEVELS:
            raise ValueError(f"lowongan {v.id}: jenjang '{v.level}' tidak dikenal")
        if not isinstance(v.seats, int) or v.seats < 1:
            raise ValueError(f"lowongan {v.id}: jumlah kursi harus bilangan bulat 1 atau lebih (sekarang {v.seats!r})")


def _actual_matrix(frames: EmployeeFrames, codes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(levels n × k int8 with 0 for missing, assessed n bool) in `frames.employees` order."""
    n = frames.employees.height
    index = frames.employees.select("id").with_row_index("_row")
    rows = (
        frames.competency.lazy()
        .filter(pl.col("actual").is_not_null())
        .join(index.lazy(), on="id", how="inner")
        .group_by("_row", "kompetensi")
        .agg(pl.col("actual").cast(pl.Int16).max())
        .collect()
    )
    assessed = np.zeros(n, dtype=bool)
    assessed[rows["_row"].to_numpy()] = True
    levels = np.zeros((n, max(len(codes), 1)), dtype=np.int16)
    col = {c: i for i, c in enumerate(codes)}
    inside = rows.filter(pl.col("kompetensi").is_in(codes))
    if inside.height:
        k = inside["kompetensi"].replace_strict(col, return_dtype=pl.Int32).to_numpy()
        levels[inside["_row"].to_numpy(), k] = inside["actual"].to_numpy()
    return levels, assessed


def _capped_sums(actual: np.ndarray, standard: np.ndarray) -> np.ndarray:
    """Σ_k min(actual[i, k], standard[j, k]) for every (i, j): int64 (n × v)."""
    top = int(standard.max(initial=0))
    total = np.zeros((actual.shape[0], standard.shape[0]), dtype=np.float32)
    for t in range(1, top + 1):
        total += (actual >= t).astype(np.float32) @ (standard >= t).astype(np.float32).T
    return np.rint(total).astype(np.int64)


def placement_edges(
    frames: EmployeeFrames,
    vacancies: Sequence[VacancySpec],
    as_of: dt.date,
    weights: MeritWeights = DEFAULT_WEIGHTS,
    *,
    awards: pl.DataFrame | None = None,
    rules: Mapping[str, LevelRule] | None = None,
) -> pl.DataFrame:
    """Eligible pairs only: `vacancy, candidate, merit (Float64)`, sorted by vacancy (input order)
    then candidate (`frames.employees` order). `merit` equals `merit.merit_batch(frames,
    vacancy.standard, as_of, weights, awards=awards)` for that candidate; eligibility is
    `eligibility.eligible_batch(frames, vacancy.level, as_of, rule=rules.get(level))`.

    Basis: decisions 0060, 0061 and docs/decisions/0062-optimal-placement.md. Work grows with the
    number of eligible pairs, not with vacancies × employees: one eligibility pass per level, the
    vacancy-independent criteria once, and JPM by matrix products per level.
    """
    validate_vacancies(vacancies)
    emp_ids = frames.employees["id"]
    if not vacancies or emp_ids.len() == 0:
        return pl.DataFrame(schema={**EDGE_SCHEMA, "candidate": emp_ids.dtype})
    # vacancy-independent criteria, in hundredths (merit_batch gives them rounded to 2 decimals)
    base = merit_batch(frames, {}, as_of, weights, awards=awards)
    parts = {c: (base[c] * 100).round(0).cast(pl.Int64).to_numpy() for c in CRITERIA if c != "kompetensi"}
    w = dict(zip(CRITERIA, weights.hundredths(), strict=True))
    fixed = (
        w["kualifikasi"] * parts["kualifikasi"]
        + w["kinerja"] * parts["kinerja"]
        + w["rekam_jejak"] * parts["rekam_jejak"]
    )

    codes = sorted({c for v in vacancies for c, lvl in v.standard.items() if lvl is not None and int(lvl) > 0})
    actual, assessed = _actual_matrix(frames, codes)
    col = {c: i for i, c in enumerate(codes)}

    def standard_key(v: VacancySpec) -> tuple[tuple[str, int], ...]:
        return tuple(sorted((c, int(lvl)) for c, lvl in v.standard.items() if lvl is not None and int(lvl) > 0))

    rows_of: dict[str, np.ndarray] = {}
    merit_of: dict[tuple[str, tuple], np.ndarray] = {}  # (level, standard) -> merit hundredths per eligible row
    for level in dict.fromkeys(v.level for v in vacancies):
        rule = rules.get(level) if rules else None
        ok = eligible_batch(frames, level, as_of, rule=rule, reasons=False)["eligible"].fill_null(False).to_numpy()
        rows = np.flatnonzero(ok)
        rows_of[level] = rows
        keys = list(dict.fromkeys(standard_key(v) for v in vacancies if v.level == level))
        std = np.zeros((len(keys), actual.shape[1]), dtype=np.int16)
        for j, key in enumerate(keys):
            for code, lvl in key:
                std[j, col[code]] = lvl
        need = std.sum(axis=1).astype(np.int64)  # (k,)
        got = _capped_sums(actual[rows], std)  # (e, k)
        jpm = (2 * 10_000 * got + need) // np.maximum(2 * need, 1)  # competency.percent_of in hundredths
        jpm = np.where((need > 0)[None, :] & assessed[rows][:, None], jpm, 0)
        total = fixed[rows][:, None] + w["kompetensi"] * jpm
        merit = (2 * total + 10_000) // 20_000  # hundredths, half up
        for j, key in enumerate(keys):
            merit_of[(level, key)] = merit[:, j]
    # one block per vacancy, in input order; candidates in employee order within a block
    lengths = np.array([rows_of[v.level].size for v in vacancies], dtype=np.int64)
    if lengths.sum() == 0:
        return pl.DataFrame(schema={**EDGE_SCHEMA, "candidate": emp_ids.dtype})
    vac_idx = np.repeat(np.arange(len(vacancies)), lengths)
    cand_idx = np.concatenate([rows_of[v.level] for v in vacancies])
    merit_h = np.concatenate([merit_of[(v.level, standard_key(v))] for v in vacancies])
    vac_ids = pl.Series("vacancy", [v.id for v in vacancies], dtype=pl.Utf8)
    return pl.DataFrame(
        {
            "vacancy": vac_ids.gather(vac_idx),
            "candidate": emp_ids.gather(cand_idx),
            "merit": (pl.Series(merit_h).cast(pl.Float64) / 100).round(2),
        }
    )
