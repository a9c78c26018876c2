"""Merit-system self-assessment (penilaian mandiri sistem merit): instrument, score and category.

Basis: UU 20/2023 and PP 11/2017 Pasal 134(2) (merit indicators); PermenPANRB 40/2018 (Pedoman
Sistem Merit) Pasal 17(2) and Peraturan KASN 9/2019 (tata cara penilaian mandiri); eight aspects,
total 100–400 and categories I Buruk 100–174, II Kurang 175–249, III Baik 250–324, IV Sangat Baik
325–400 (regulations.md §5.2, KASN chair quoted). The aspect weights 24/24/80/40/80/60/16/76 come
from a single public app (to verify); the indicators, their 1–4 rubric, how an aspect score is
formed from its indicators, the category boundaries between whole numbers and the thresholds of
the data-based suggestions are decisions: docs/decisions/0090-merit-self-assessment.md.

The instrument is versioned data (`data/merit_instrument_*.toml`) with an effective-date range, so
an instansi's own instrument becomes a new version. Aspect scores are kept in exact integer
hundredths, so the scalar and the batch forms give the same numbers.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from simerit.rules._explain import Explained, Problem, Step
from simerit.rules._versions import RuleVersion, in_force

DECISION = "docs/decisions/0090-merit-self-assessment.md"
B_CATEGORY = "Kategori KASN: I 100–174, II 175–249, III 250–324, IV 325–400 (regulations.md §5.2)"
DATA_DIR = Path(__file__).parent / "data"
LEVELS = (1, 2, 3, 4)
MIN_TOTAL, MAX_TOTAL = 100, 400
# (lower bound in hundredths, code, label): a total below 175 is I, below 250 II, below 325 III.
CATEGORIES = ((32_500, "IV", "Sangat Baik"), (25_000, "III", "Baik"), (17_500, "II", "Kurang"), (0, "I", "Buruk"))
TARGET_LEVEL = 3  # "Prioritas perbaikan": indicators below this level (decision 0090)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    basis: str
    levels: tuple[str, str, str, str]  # rubric text of level 1..4
    evidence: str = ""  # key of the data-based suggestion, "" when the system cannot evidence it


@dataclass(frozen=True)
class Aspect:
    code: str
    name: str
    weight: int  # points of 400
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Instrument:
    version: str
    name: str
    official: bool
    notice: str
    basis: str
    thresholds: tuple[int, int, int]  # percent: < t1 -> 1, < t2 -> 2, < t3 -> 3, else 4
    aspects: tuple[Aspect, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for a in self.aspects for i in a.indicators)

    def indicator(self, code: str) -> Indicator:
        for i in self.indicators:
            if i.code == code:
                return i
        raise KeyError(code)

    def aspect_of(self, code: str) -> Aspect:
        for a in self.aspects:
            if any(i.code == code for i in a.indicators):
                return a
        raise KeyError(code)


def load_instrument(path: Path) -> RuleVersion[Instrument]:
    """Read one instrument file; checks that there are aspects, 2–6 indicators each, four rubric
    levels per indicator and weights summing to 400."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    head = data["instrument"]
    aspects = []
    for a in data["aspect"]:
        indicators = tuple(
            Indicator(i["code"], i["name"], i.get("basis", ""), tuple(i["levels"]), i.get("evidence", ""))  # type: ignore[arg-type]
            for i in a["indicator"]
        )
        if not 2 <= len(indicators) <= 6 or any(len(i.levels) != 4 for i in indicators):
            raise ValueError(f"{path.name}: aspek {a['code']} harus punya 2–6 indikator dengan 4 level rubrik")
        aspects.append(Aspect(str(a["code"]), a["name"], int(a["weight"]), indicators))
    if sum(a.weight for a in aspects) != MAX_TOTAL:
        raise ValueError(f"{path.name}: bobot aspek harus berjumlah {MAX_TOTAL}")
    codes = [i.code for a in aspects for i in a.indicators]
    if len(codes) != len(set(codes)):
        raise ValueError(f"{path.name}: kode indikator ganda")
    thresholds = tuple(int(t) for t in data.get("prefill", {}).get("thresholds", (25, 50, 75)))
    instrument = Instrument(
        version=head["version"], name=head["name"], official=bool(head.get("official", False)),
        notice=head.get("notice", ""), basis=head["basis"], thresholds=thresholds,  # type: ignore[arg-type]
        aspects=tuple(aspects),
    )  # fmt: skip
    return RuleVersion(
        name="merit_system",
        version=instrument.version,
        valid_from=head["valid_from"],
        valid_to=head.get("valid_to"),
        basis=instrument.basis,
        kind="regulation" if instrument.official else "decision",
        params=instrument,
    )


VERSIONS: list[RuleVersion[Instrument]] = [load_instrument(p) for p in sorted(DATA_DIR.glob("merit_instrument_*.toml"))]


def instrument_for(as_of: dt.date) -> Instrument:
    """The instrument in force on `as_of`."""
    return in_force(VERSIONS, as_of).params


def instrument_version(version: str) -> Instrument:
    """The instrument with this version label (an assessment keeps the one it was made with)."""
    for v in VERSIONS:
        if v.params.version == version:
            return v.params
    raise KeyError(version)


# --- scoring --------------------------------------------------------------------------------------


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def aspect_hundredths(weight: int, levels: Sequence[int]) -> int:
    """Aspect score in hundredths: weight × mean level / 4, rounded half up (decision 0090)."""
    if not levels:
        return 0
    return _half_up(weight * sum(levels) * 100, 4 * len(levels))


def category(total: float) -> tuple[str, str]:
    """(code, label) of a total: < 175 is I Buruk, < 250 II Kurang, < 325 III Baik, else IV Sangat
    Baik (KASN ranges 100–174 / 175–249 / 250–324 / 325–400; a total between two ranges, e.g.
    174.5, belongs to the lower one: decision 0090)."""
    hundredths = round(total * 100)
    for lower, code, label in CATEGORIES:
        if hundredths >= lower:
            return code, label
    raise AssertionError("unreachable")


def level_from_share(percent: float | None, thresholds: Sequence[int] = (25, 50, 75)) -> int | None:
    """Suggested level of an evidenced indicator from a share in percent (decision 0090):
    < 25 → 1, < 50 → 2, < 75 → 3, else 4; None without data."""
    if percent is None:
        return None
    for level, bound in enumerate(thresholds, start=1):
        if percent < bound:
            return level
    return 4


def _fmt(hundredths: int) -> str:
    return f"{hundredths // 100},{hundredths % 100:02d}"


def score(answers: Mapping[str, int | None], instrument: Instrument) -> Explained:
    """Total and category of one assessment, with one explanation line per aspect.

    `answers` maps indicator code → level 1–4 (None or absent = unanswered). Each aspect scores
    weight × (mean level of its answered indicators) / 4 (an aspect with none answered scores 0),
    the total is their sum (all 1 → 100, all 4 → 400) and the category follows the KASN ranges
    (see `category`). Unanswered indicators are listed as problems: such an assessment cannot be
    finalised. Value: {"total", "total_hundredths", "category", "category_label", "aspects":
    [{"code", "name", "weight", "score", "mean", "answered", "count"}], "unanswered": [codes]}.
    """
    unknown = sorted(set(answers) - {i.code for i in instrument.indicators})
    if unknown:
        raise ValueError(f"indikator tidak dikenal: {', '.join(unknown)}")
    steps: list[Step] = []
    problems: list[Problem] = []
    rows = []
    total = 0
    unanswered: list[str] = []
    for a in instrument.aspects:
        levels = []
        for i in a.indicators:
            level = answers.get(i.code)
            if level is None:
                unanswered.append(i.code)
                problems.append(Problem(i.code, f"Indikator {i.code} ({i.name}) belum diisi"))
            elif level not in LEVELS:
                problems.append(Problem(i.code, f"Indikator {i.code} ({i.name}): level harus 1 sampai 4"))
            else:
                levels.append(int(level))
        h = aspect_hundredths(a.weight, levels)
        total += h
        mean = sum(levels) / len(levels) if levels else None
        rows.append({"code": a.code, "name": a.name, "weight": a.weight, "score": h / 100, "mean": mean,
                     "answered": len(levels), "count": len(a.indicators)})  # fmt: skip
        mean_text = f"{sum(levels)}/{len(levels)}" if levels else "—"
        steps.append(
            Step(
                f"Aspek {a.code} {a.name}: bobot {a.weight} × rata-rata level ({mean_text}) / 4 = {_fmt(h)}"
                f" ({len(levels)} dari {len(a.indicators)} indikator diisi)",
                "decision",
                f"{DECISION}; bobot: satu aplikasi publik (verifikasi)",
            )
        )
    code, label = category(total / 100)
    steps.append(Step(f"Jumlah {_fmt(total)} → kategori {code} {label}", "regulation", B_CATEGORY))
    value = {"total": total / 100, "total_hundredths": total, "category": code, "category_label": label,
             "aspects": rows, "unanswered": unanswered}  # fmt: skip
    return Explained(value, steps, problems)


def score_batch(answers: pl.DataFrame, instrument: Instrument) -> pl.DataFrame:
    """Batch form of `score` for many assessments (e.g. every instansi of the nation).

    Input rows `assessment, indicator, level` (level null = unanswered; an indicator missing for
    an assessment is unanswered too). Output, one row per assessment sorted by it: `assessment,
    total (Float64), total_hundredths (Int64), category, category_label, answered, unanswered`.
    Same rule as `score` (decision 0090), computed in integer hundredths.
    """
    spec = pl.DataFrame(
        [(i.code, a.code, a.weight) for a in instrument.aspects for i in a.indicators],
        schema={"indicator": pl.Utf8, "aspect": pl.Utf8, "weight": pl.Int64},
        orient="row",
    )
    unknown = set(answers["indicator"].unique().to_list()) - set(spec["indicator"].to_list())
    if unknown:
        raise ValueError(f"indikator tidak dikenal: {', '.join(sorted(unknown))}")
    bad = answers.filter(pl.col("level").is_not_null() & ~pl.col("level").is_in(LEVELS))
    if bad.height:
        raise ValueError("level harus 1 sampai 4")
    assessments = answers.select("assessment").unique()
    full = assessments.join(spec, how="cross").join(
        answers.select("assessment", "indicator", pl.col("level").cast(pl.Int64)),
        on=["assessment", "indicator"],
        how="left",
    )
    per_aspect = full.group_by("assessment", "aspect").agg(
        pl.col("weight").first(),
        pl.col("level").sum().alias("s"),
        pl.col("level").count().alias("n"),
        pl.col("level").null_count().alias("missing"),
    )
    # half-up of weight*s*100 / (4n): (2·num + den) // (2·den); 0 when n == 0
    per_aspect = per_aspect.with_columns(
        pl.when(pl.col("n") > 0)
        .then((2 * pl.col("weight") * pl.col("s") * 100 + 4 * pl.col("n")) // (8 * pl.col("n")))
        .otherwise(0)
        .cast(pl.Int64)
        .alias("h")
    )
    out = per_aspect.group_by("assessment").agg(
        pl.col("h").sum().alias("total_hundredths"),
        pl.col("n").sum().cast(pl.Int64).alias("answered"),
        pl.col("missing").sum().cast(pl.Int64).alias("unanswered"),
    )
    code = pl.lit("I")
    label = pl.lit("Buruk")
    for lower, c, lab in reversed(CATEGORIES[:-1]):
        cond = pl.col("total_hundredths") >= lower
        code = pl.when(cond).then(pl.lit(c)).otherwise(code)
        label = pl.when(cond).then(pl.lit(lab)).otherwise(label)
    # total = hundredths / 100 as Python divides (polars' vectorised division can differ in the last
    # bit); one value per assessment, so this stays cheap even for every instansi of the nation.
    totals = pl.Series("total", [h / 100 for h in out["total_hundredths"].to_list()], dtype=pl.Float64)
    return out.with_columns(totals).select(
        "assessment",
        "total",
        "total_hundredths",
        code.alias("category"),
        label.alias("category_label"),
        "answered",
        "unanswered",
    ).sort("assessment")


def improvement_priorities(answers: Mapping[str, int | None], instrument: Instrument) -> list[dict]:
    """"Prioritas perbaikan": the answered indicators below level 3, largest gain first.

    Gain = the points the total would rise if that indicator reached level 3: weight × (3 − level)
    / (4 × number of indicators in its aspect) (decision 0090; exact for a complete assessment).
    Ties by indicator order."""
    out = []
    order = {i.code: n for n, i in enumerate(instrument.indicators)}
    for a in instrument.aspects:
        for i in a.indicators:
            level = answers.get(i.code)
            if level is not None and level < TARGET_LEVEL:
                h = _half_up(a.weight * (TARGET_LEVEL - level) * 100, 4 * len(a.indicators))
                out.append({"code": i.code, "name": i.name, "aspect": a.name, "level": level,
                            "gain": h / 100, "next": i.levels[TARGET_LEVEL - 1]})  # fmt: skip
    return sorted(out, key=lambda r: (-r["gain"], order[r["code"]]))
