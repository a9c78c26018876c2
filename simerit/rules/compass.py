"""Career compass (kompas karier): what one employee lacks for the next 9-box and for the next
position level, computed from the same rules the index run and the selection use.

Basis: the 9-box of PermenPANRB 3/2020 jo. 20/2025 Pasal 17 (`simerit.rules.talent`, kinerja from
the PermenPANRB 6/2022 predikat, potensial from the JPM, decision 0026); the conditions of each
target level (`simerit.rules.eligibility`); the 20 JP of technical training in 12 months of
Peraturan BKN 8/2019 Pasal 8 (IP ASN). The career ladder, the age after which an assessment is
due and which performance years must be on record are decisions
(docs/decisions/0071-career-compass.md), kept as versioned data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from simerit.rules import competency, skp, talent
from simerit.rules._dates import add_months, months_before
from simerit.rules._explain import Explained, Step
from simerit.rules._versions import RuleVersion, in_force
from simerit.rules.profile import EmployeeFrames, EmployeeProfile

DECISION = "docs/decisions/0071-career-compass.md"
B_TALENT = talent.BASIS
B_TRAINING = "Peraturan BKN 8/2019 Pasal 8 (diklat teknis ≥ 20 JP dalam 12 bulan)"
B_ELIGIBILITY = "simerit.rules.eligibility (syarat jenjang jabatan)"

# Predikat that puts one on each kinerja row (PermenPANRB 6/2022; talent.KINERJA_AXIS).
PREDIKAT_FOR_AXIS = {"sesuai": "Baik", "di_atas": "Sangat Baik"}
NEXT_KINERJA = {"di_bawah": "sesuai", "sesuai": "di_atas"}
NEXT_POTENSIAL = {"rendah": "menengah", "menengah": "tinggi"}


@dataclass(frozen=True)
class CompassParams:
    """Decision 0071: the career ladder as data, and the compass thresholds."""

    # Current position level -> the next target levels, in the order they are shown.
    ladder: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "pelaksana": ("pengawas", "ahli_pertama", "terampil"),
            "pengawas": ("administrator",),
            "administrator": ("jpt_pratama",),
            "ahli_pertama": ("ahli_muda",),
            "ahli_muda": ("ahli_madya",),
            "ahli_madya": ("ahli_utama",),
            "pemula": ("terampil",),
            "terampil": ("mahir",),
            "mahir": ("penyelia",),
        }
    )
    assessment_max_months: int = 24  # an assessment older than this is due again
    performance_years: int = 2  # completed appraisal years that must be on record
    training_min_jp: int = 20  # technical training JP in the last `training_window_months`
    training_window_months: int = 12


DEFAULT = CompassParams()

VERSIONS: list[RuleVersion[CompassParams]] = [
    RuleVersion(
        name="kompas",
        version="2020",
        valid_from=dt.date(2020, 1, 1),
        valid_to=None,
        basis=f"{B_TALENT}; {B_TRAINING}; jenjang karier dan batas usia asesmen: decision {DECISION}",
        kind="decision",
        params=DEFAULT,
    )
]


def params_for(as_of: dt.date) -> CompassParams:
    return in_force(VERSIONS, as_of).params


def points_needed(total_standard: int, threshold: float) -> int:
    """Smallest Σ min(actual, standard) whose JPM (`competency.percent_of`) reaches `threshold`.

    percent_of(a, s) = ⌊(20000a + s) / 2s⌋ / 100 ≥ t ⇔ 20000a ≥ s(2·100t − 1), so
    a = ⌈s(200t − 1) / 20000⌉ in integers (t in hundredths)."""
    cents = round(threshold * 100)
    return max(0, -(-(total_standard * (2 * cents - 1)) // 20000))


def completed_years(as_of: dt.date, n: int) -> list[int]:
    """The last `n` completed appraisal years on `as_of` (a year is complete on its 31 December)."""
    last = as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
    return list(range(last - n + 1, last + 1))


def _assessment_due(has_assessment: bool, assessment_date: dt.date | None, as_of: dt.date, p: CompassParams) -> bool:
    if not has_assessment:
        return True
    return assessment_date is not None and assessment_date <= months_before(as_of, p.assessment_max_months)


# --- Scalar ------------------------------------------------------------------------------------------------


def _box_part(
    profile: EmployeeProfile,
    as_of: dt.date,
    assessment_date: dt.date | None,
    thresholds: talent.PotentialThresholds,
    p: CompassParams,
    steps: list[Step],
) -> dict[str, Any]:
    rated = skp.latest_rated_predikat(profile.performance, as_of)
    predikat = rated.value["value"] if isinstance(rated.value, dict) else None
    standard = {k: v for k, v in (profile.competency_standard or {}).items() if v}
    actual = profile.competency_actual or {}
    jpm = competency.jpm(standard, actual, as_of)
    jpm_percent = jpm.value["percent"] if isinstance(jpm.value, dict) else None
    placed = talent.nine_box(predikat, jpm_percent, thresholds)
    has_assessment = any(v is not None for v in actual.values())
    due = _assessment_due(has_assessment, assessment_date, as_of, p)
    out: dict[str, Any] = {
        "box": None, "predikat": predikat, "jpm_percent": jpm_percent, "assessment_due": due,
        "kinerja_target_box": None, "predikat_needed": None,
        "potensial_target_box": None, "jpm_needed": None, "jpm_points_short": None, "gaps": [],
    }  # fmt: skip
    if not has_assessment:
        steps.append(Step("Belum ada hasil asesmen kompetensi → asesmen perlu dilakukan", "decision", DECISION))
    elif due:
        steps.append(
            Step(
                f"Asesmen terakhir {assessment_date:%d-%m-%Y} lebih dari {p.assessment_max_months} bulan "
                "→ asesmen perlu dilakukan",
                "decision",
                DECISION,
            )
        )
    if predikat is None:
        steps.append(Step("Belum ada predikat kinerja berbasis rating (PermenPANRB 6/2022)", "regulation", B_TALENT))
    if not isinstance(placed.value, dict):
        return out
    box, kinerja, potensial = placed.value["box"], placed.value["kinerja"], placed.value["potensial"]
    out["box"] = box
    steps.append(Step(f"Posisi sekarang: {talent.BOX_INFO[box].label}", "regulation", B_TALENT))
    if kinerja in NEXT_KINERJA:
        target_k = NEXT_KINERJA[kinerja]
        out["kinerja_target_box"] = talent.BOXES[(target_k, potensial)]
        out["predikat_needed"] = PREDIKAT_FOR_AXIS[target_k]
        steps.append(
            Step(
                f"Sumbu kinerja: predikat {out['predikat_needed']} → kinerja {talent.KINERJA_LABELS[target_k]}, "
                f"kotak {out['kinerja_target_box']}",
                "regulation",
                B_TALENT,
            )
        )
    if potensial in NEXT_POTENSIAL:
        target_p = NEXT_POTENSIAL[potensial]
        needed = getattr(thresholds, target_p)
        total = sum(standard.values())
        got = sum(min(actual.get(k) or 0, v) for k, v in standard.items())
        short = max(0, points_needed(total, needed) - got)
        out.update(
            potensial_target_box=talent.BOXES[(kinerja, target_p)], jpm_needed=needed, jpm_points_short=short,
            gaps=[(k, actual.get(k), v, v - (actual.get(k) or 0)) for k, v in sorted(standard.items())
                  if (actual.get(k) or 0) < v],
        )  # fmt: skip
        below = ", ".join(f"{k} {a if a is not None else '-'}/{s} (kurang {d})" for k, a, s, d in out["gaps"])
        steps.append(
            Step(
                f"Sumbu potensial: JPM {jpm_percent:.2f}% → perlu ≥ {needed:g}% untuk potensial {target_p} "
                f"(kotak {out['potensial_target_box']}): kurang {short} level kompetensi"
                + (f"; di bawah standar: {below}" if below else ""),
                "decision",
                talent.DECISION,
            )
        )
    if box == 9:
        steps.append(Step("Sudah di kotak 9 (kotak tertinggi)", "regulation", B_TALENT))
    return out


def _training_jp(profile: EmployeeProfile, as_of: dt.date, p: CompassParams) -> int:
    start = months_before(as_of, p.training_window_months)
    return sum(
        t.jp or 0
        for t in profile.trainings
        if t.type == "teknis" and t.end_date is not None and start < t.end_date <= as_of
    )


def _level_label(level: str, rules: Mapping[str, Any]) -> str:
    rule = rules.get(level)
    return str(getattr(rule, "label", "") or level.replace("_", " ").title())


def _years_in_pangkat(tmt: dt.date | None, as_of: dt.date) -> int | None:
    if tmt is None or tmt > as_of:
        return None
    years = as_of.year - tmt.year
    return years - 1 if add_months(tmt, 12 * years) > as_of else years


def compass(
    profile: EmployeeProfile,
    as_of: dt.date,
    *,
    assessment_date: dt.date | None = None,
    thresholds: talent.PotentialThresholds = talent.DEFAULT,
    params: CompassParams | None = None,
    eligible: Callable[..., Explained] | None = None,
    level_rules: Mapping[str, Any] | None = None,
) -> Explained:
    """The career compass of one employee as of `as_of` (decision: docs/decisions/0071-career-compass.md;
    9-box PermenPANRB 3/2020 jo. 20/2025 Pasal 17; training Peraturan BKN 8/2019 Pasal 8; level
    conditions from `simerit.rules.eligibility`).

    Value: `box`, the kinerja / potensial step to the next box (`kinerja_target_box`,
    `predikat_needed`; `potensial_target_box`, `jpm_needed`, `jpm_points_short`, `gaps` as
    (kompetensi, level, standar, kurang)), `assessment_due`, `training_jp` / `training_jp_short`,
    `missing_performance_years`, `levels` (per next level of the ladder: `level`, `label`,
    `unmet` reasons, `pangkat_years_short`), and the closest one as `next_level` / `unmet`.
    `assessment_date`: date of the latest assessment (the frames do not carry it).
    """
    p = params or params_for(as_of)
    steps: list[Step] = []
    value = _box_part(profile, as_of, assessment_date, thresholds, p, steps)
    jp = _training_jp(profile, as_of, p)
    value["training_jp"] = jp
    value["training_jp_short"] = max(0, p.training_min_jp - jp)
    steps.append(
        Step(
            f"Diklat teknis {p.training_window_months} bulan terakhir: {jp} JP dari {p.training_min_jp} JP"
            + (f" (kurang {value['training_jp_short']} JP)" if value["training_jp_short"] else ""),
            "regulation",
            B_TRAINING,
        )
    )
    years = completed_years(as_of, p.performance_years)
    missing = [y for y in years if skp.year_record(profile.performance, y) is None]
    value["missing_performance_years"] = missing
    steps.append(
        Step(
            f"Catatan kinerja tahun {', '.join(map(str, years))}: "
            + (f"tidak ada untuk {', '.join(map(str, missing))}" if missing else "lengkap"),
            "decision",
            DECISION,
        )
    )
    value["levels"], value["next_level"], value["unmet"] = [], None, None
    targets = p.ladder.get(profile.position.level or "", ())
    if not targets:
        steps.append(
            Step(
                f"Jenjang '{profile.position.level or '-'}' tidak punya jenjang berikutnya dalam pola karier",
                "decision",
                DECISION,
            )  # fmt: skip
        )
        return Explained(value, steps)
    if eligible is None or level_rules is None:
        from simerit.rules import eligibility

        eligible = eligible or eligibility.eligible
        level_rules = level_rules if level_rules is not None else eligibility.level_rules(as_of)
    in_pangkat = _years_in_pangkat(profile.tmt_pangkat, as_of)
    for level in targets:
        result = eligible(profile, level, as_of)
        reasons = list(result.value["reasons"]) if isinstance(result.value, dict) else ["syarat tidak dapat dinilai"]
        rule = level_rules.get(level)
        need_years = getattr(rule, "min_years_pangkat", None)
        short = max(0, need_years - in_pangkat) if need_years and in_pangkat is not None else None
        label = _level_label(level, level_rules)
        value["levels"].append({"level": level, "label": label, "unmet": reasons, "pangkat_years_short": short})
        steps.append(
            Step(
                f"Jenjang berikutnya {label}: "
                + ("semua syarat terpenuhi" if not reasons else f"{len(reasons)} syarat belum: {'; '.join(reasons)}"),
                "regulation",
                B_ELIGIBILITY,
            )
        )
    closest = min(value["levels"], key=lambda x: len(x["unmet"]))
    value["next_level"], value["unmet"] = closest["level"], len(closest["unmet"])
    return Explained(value, steps)


# --- Batch -------------------------------------------------------------------------------------------------


def compass_batch(
    frames: EmployeeFrames,
    as_of: dt.date,
    *,
    assessment_dates: pl.DataFrame | None = None,
    thresholds: talent.PotentialThresholds = talent.DEFAULT,
    params: CompassParams | None = None,
    eligible_batch: Callable[..., pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Batch form of `compass` for a whole instansi (same rules; decision 0071): one row per
    employee in `frames.employees` order with `id, box, kinerja_target_box, predikat_needed,
    potensial_target_box, jpm_needed, jpm_points_short, assessment_due, training_jp,
    training_jp_short, missing_performance_years, next_level, unmet`.

    `assessment_dates`: `id, assessment_date` of the latest assessment (optional)."""
    p = params or params_for(as_of)
    ids = frames.employees.select("id")
    placed = talent.talent_batch(frames, as_of, thresholds).select("id", "box", "kinerja", "potensial", "jpm_percent")
    comp = frames.competency.filter(pl.col("standard").is_not_null() & (pl.col("standard") > 0))
    sums = comp.group_by("id").agg(
        pl.col("standard").cast(pl.Int64).sum().alias("_s"),
        pl.min_horizontal(pl.col("actual").cast(pl.Int64).fill_null(0), pl.col("standard").cast(pl.Int64))
        .sum()
        .alias("_a"),
    )
    assessed = frames.competency.group_by("id").agg(pl.col("actual").is_not_null().any().alias("_assessed"))
    dates = (
        assessment_dates.select("id", pl.col("assessment_date").cast(pl.Date))
        if assessment_dates is not None
        else pl.DataFrame(schema={"id": pl.Utf8, "assessment_date": pl.Date})
    )
    df = (
        ids.join(placed, on="id", how="left", maintain_order="left")
        .join(sums, on="id", how="left", maintain_order="left")
        .join(assessed, on="id", how="left", maintain_order="left")
        .join(dates, on="id", how="left", maintain_order="left")
    )
    k, pot = pl.col("kinerja"), pl.col("potensial")
    next_k = k.replace_strict(NEXT_KINERJA, default=None, return_dtype=pl.Utf8)
    next_p = pot.replace_strict(NEXT_POTENSIAL, default=None, return_dtype=pl.Utf8)
    box_of = {f"{a}|{b}": box for (a, b), box in talent.BOXES.items()}
    needed = next_p.replace_strict(
        {"menengah": thresholds.menengah, "tinggi": thresholds.tinggi}, default=None, return_dtype=pl.Float64
    )
    cents = (needed * 100).round(0).cast(pl.Int64)
    need_pts = -((-(pl.col("_s") * (2 * cents - 1))) // 20000)
    placed_ok = pl.col("box").is_not_null()
    cutoff = months_before(as_of, p.assessment_max_months)
    df = df.with_columns(
        pl.when(placed_ok)
        .then(pl.concat_str([next_k, pot], separator="|").replace_strict(box_of, default=None, return_dtype=pl.Int8))
        .alias("kinerja_target_box"),
        pl.when(placed_ok).then(next_k.replace_strict(PREDIKAT_FOR_AXIS, default=None, return_dtype=pl.Utf8))
        .alias("predikat_needed"),
        pl.when(placed_ok)
        .then(pl.concat_str([k, next_p], separator="|").replace_strict(box_of, default=None, return_dtype=pl.Int8))
        .alias("potensial_target_box"),
        pl.when(placed_ok).then(needed).alias("jpm_needed"),
        pl.when(placed_ok & next_p.is_not_null())
        .then(pl.max_horizontal(pl.lit(0, dtype=pl.Int64), need_pts - pl.col("_a")))
        .alias("jpm_points_short"),
        (
            ~pl.col("_assessed").fill_null(False)
            | (pl.col("assessment_date").is_not_null() & (pl.col("assessment_date") <= cutoff))
        ).alias("assessment_due"),
    )  # fmt: skip
    start = months_before(as_of, p.training_window_months)
    jp = (
        frames.trainings.filter(
            (pl.col("type") == "teknis") & pl.col("end_date").is_not_null()
            & (pl.col("end_date") > start) & (pl.col("end_date") <= as_of)
        )
        .group_by("id")
        .agg(pl.col("jp").fill_null(0).cast(pl.Int64).sum().alias("training_jp"))
    )  # fmt: skip
    years = completed_years(as_of, p.performance_years)
    recorded = skp.year_records_batch(frames.performance.filter(pl.col("year").is_in(years)))
    have = recorded.group_by("id").agg(pl.col("year").unique().alias("_have"))
    df = (
        df.join(jp, on="id", how="left", maintain_order="left")
        .join(have, on="id", how="left", maintain_order="left")
        .with_columns(
            pl.col("training_jp").fill_null(0),
            pl.concat_list(
                [
                    pl.when(~pl.col("_have").list.contains(y).fill_null(False)).then(pl.lit(y, dtype=pl.Int64))
                    for y in years
                ]
            )
            .list.drop_nulls()
            .alias("missing_performance_years"),
        )
        .with_columns(
            pl.max_horizontal(pl.lit(0, dtype=pl.Int64), p.training_min_jp - pl.col("training_jp")).alias(
                "training_jp_short"
            )
        )
    )
    levels = _levels_batch(frames, as_of, p, eligible_batch)
    df = df.join(levels, on="id", how="left", maintain_order="left")
    return df.select(
        "id", "box", "kinerja_target_box", "predikat_needed", "potensial_target_box", "jpm_needed",
        "jpm_points_short", "assessment_due", "training_jp", "training_jp_short", "missing_performance_years",
        "next_level", "unmet",
    )  # fmt: skip


def _levels_batch(
    frames: EmployeeFrames, as_of: dt.date, p: CompassParams, eligible_batch: Callable[..., pl.DataFrame] | None
) -> pl.DataFrame:
    """Per employee: the closest next level of the ladder (fewest unmet conditions; ties by ladder
    order) and its number of unmet conditions."""
    if eligible_batch is None:
        from simerit.rules import eligibility

        eligible_batch = eligibility.eligible_batch
    parts = []
    for target in sorted({t for targets in p.ladder.values() for t in targets}):
        sources = [lvl for lvl, targets in p.ladder.items() if target in targets]
        rows = frames.employees.filter(pl.col("position_level").is_in(sources))
        if rows.is_empty():
            continue
        sub = EmployeeFrames(
            employees=rows,
            trainings=frames.trainings,
            performance=frames.performance,
            discipline=frames.discipline,
            competency=frames.competency,
        )
        result = eligible_batch(sub, target, as_of)
        order = {lvl: {t: i for i, t in enumerate(targets)} for lvl, targets in p.ladder.items()}
        rank = rows.select(
            "id",
            pl.col("position_level")
            .replace_strict({lvl: o.get(target, 99) for lvl, o in order.items()}, default=99, return_dtype=pl.Int8)
            .alias("_order"),
        )
        parts.append(
            result.select("id", pl.col("reasons").list.len().cast(pl.Int64).alias("unmet"))
            .join(rank, on="id")
            .with_columns(pl.lit(target).alias("next_level"))
        )
    if not parts:
        return pl.DataFrame(schema={"id": pl.Utf8, "next_level": pl.Utf8, "unmet": pl.Int64})
    return (
        pl.concat(parts)
        .sort("unmet", "_order")
        .group_by("id", maintain_order=True)
        .first()
        .select("id", "next_level", "unmet")
    )
