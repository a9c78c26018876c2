"""Merit score of a candidate for a position: qualification, competency, performance, track record.

Basis: UU 20/2023 (sistem merit: kualifikasi, kompetensi, kinerja; without distinction of
background); JPM against the position's standard (PermenPANRB 38/2017; decisions.md "Job Person
Match", docs/decisions/0025-jpm-computation.md); education and performance points of IP ASN
(Peraturan BKN 8/2019, `simerit.rules.ipasn` data; decision 0020); how each criterion is scored,
the track-record components and the default weights (derived from the Kepka BKN 411/2025 talent
weights, single source): decision, docs/decisions/0061-merit-score-and-weights.md. Ranking and its
tie-break: the same decision.

Every score is kept in exact integer hundredths so the scalar and batch forms give the same floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from simerit.rules import competency, ipasn, skp
from simerit.rules._dates import months_before
from simerit.rules._explain import Explained, Step
from simerit.rules._versions import NoVersionInForce, RuleVersion, in_force
from simerit.rules.eligibility import LevelRule, eligible_batch
from simerit.rules.profile import EmployeeFrames, EmployeeProfile

DECISION = "docs/decisions/0061-merit-score-and-weights.md"
DECISION_JPM = competency.DECISION
B_MERIT = "UU 20/2023 (sistem merit: kualifikasi, kompetensi, kinerja)"
B_KUALIFIKASI = "Peraturan BKN 8/2019, dimensi kualifikasi (poin × 4)"
B_KINERJA = "PermenPANRB 6/2022; Peraturan BKN 8/2019 dimensi kinerja (poin predikat: decision 0020)"
B_JP = "PP 11/2017 Pasal 203 (pengembangan kompetensi paling sedikit 20 JP setahun)"
CRITERIA = ("kualifikasi", "kompetensi", "kinerja", "rekam_jejak")
AWARD_SCHEMA = {"id": pl.Utf8, "date": pl.Date}


@dataclass(frozen=True)
class MeritWeights:
    """Criterion weights in percent (each a multiple of 0.01, summing to 100). Per-instansi
    configuration; the default is `DEFAULT_WEIGHTS` (decision 0061)."""

    kualifikasi: float
    kompetensi: float
    kinerja: float
    rekam_jejak: float

    def __post_init__(self) -> None:
        for name in CRITERIA:
            value = getattr(self, name)
            if not isinstance(value, int | float) or value != value or value < 0:
                raise ValueError(f"bobot {name}: harus angka 0 atau lebih (sekarang {value!r})")
            if abs(value * 100 - round(value * 100)) > 1e-6:
                raise ValueError(f"bobot {name}: paling banyak dua angka di belakang koma (sekarang {value!r})")
        total = sum(self.hundredths())
        if total != 10_000:
            raise ValueError(f"bobot kriteria harus berjumlah 100 (sekarang {total / 100:g})")

    def hundredths(self) -> tuple[int, int, int, int]:
        """The weights in hundredths of a percent, in `CRITERIA` order (exact integers)."""
        return tuple(round(getattr(self, name) * 100) for name in CRITERIA)  # type: ignore[return-value]

    def as_dict(self) -> dict[str, float]:
        return {name: float(getattr(self, name)) for name in CRITERIA}


@dataclass(frozen=True)
class MeritParams:
    """How the criteria are scored (data; decision 0061)."""

    education_scale: int  # IP ASN kualifikasi points x this = 0-100
    performance_years: int  # the last N calendar years before as_of's year
    training_target_jp: int  # JP in the window that earns the full training component
    training_window_months: int
    training_points: int  # the training component's maximum
    award_window_months: int
    award_points: tuple[int, ...]  # points for 0, 1, 2+ awards
    discipline_window_months: int
    discipline_points: Mapping[str, int]  # heaviest sanction in the window -> points
    no_sanction_points: int


PARAMS_2025 = MeritParams(
    education_scale=4,
    performance_years=2,
    training_target_jp=20,
    training_window_months=12,
    training_points=40,
    award_window_months=60,
    award_points=(0, 20, 30),
    discipline_window_months=60,
    discipline_points={"ringan": 20, "sedang": 10, "berat": 0},
    no_sanction_points=30,
)
assert PARAMS_2025.training_points + PARAMS_2025.award_points[-1] + PARAMS_2025.no_sanction_points == 100

# Kepka BKN 411/2025 (as summarised, regulations.md §3.2, S): talent score = 50 % kinerja axis (60 %
# main performance, 40 % awards/assignments) + 50 % potential axis (40 % competency, 25 % potential,
# 20 % qualification, 15 % integrity). Mapped onto our four criteria: decision 0061.
DEFAULT_WEIGHTS = MeritWeights(kualifikasi=10, kompetensi=32.5, kinerja=30, rekam_jejak=27.5)

VERSIONS: list[RuleVersion[tuple[MeritParams, MeritWeights]]] = [
    RuleVersion(
        name="merit",
        version="2025",
        valid_from=dt.date(2017, 4, 7),  # usable for any date the eligibility rules cover (decision 0061)
        valid_to=None,
        basis=f"{B_MERIT}; bobot dari Kepka BKN 411/2025 (satu sumber sekunder); {DECISION}",
        kind="decision",
        params=(PARAMS_2025, DEFAULT_WEIGHTS),
    )
]


def merit_params(as_of: dt.date) -> MeritParams:
    """The scoring data in force on `as_of` (decision 0061)."""
    return in_force(VERSIONS, as_of).params[0]


def _ipasn_params(as_of: dt.date) -> ipasn.IpAsnParams:
    try:
        return in_force(ipasn.VERSIONS, as_of).params
    except NoVersionInForce:
        return ipasn.VERSIONS[0].params


def _label_points(as_of: dt.date) -> dict[str, int]:
    """Kinerja points of every predikat (PermenPANRB 6/2022, decision 0020) and PP 46/2011 label
    (Peraturan BKN 8/2019 bands)."""
    params = _ipasn_params(as_of)
    bands = dict(params.kinerja_bands)
    numeric = {label: int(bands.get(lower, 1)) for lower, label in skp.NUMERIC_BANDS}
    return {**numeric, **{k: int(v) for k, v in params.predikat_points.items()}}


def _fmt(hundredths: int) -> str:
    """12345 -> "123,45" (Indonesian decimal comma), the same text in both forms."""
    return f"{hundredths // 100},{hundredths % 100:02d}"


def _round_hundredths(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, for non-negative integers."""
    return (2 * numerator + denominator) // (2 * denominator)


def _combine(scores: Sequence[int], weights: MeritWeights) -> int:
    """Merit in hundredths: Σ weight × score / 100, with weights and scores in hundredths."""
    return _round_hundredths(sum(w * s for w, s in zip(weights.hundredths(), scores, strict=True)), 10_000)


# --- JPM against another position's standard ------------------------------------------------------


def _standard_levels(standard: Mapping[str, int | None]) -> dict[str, int]:
    return {code: int(level) for code, level in standard.items() if level is not None and int(level) > 0}


def jpm_against(
    standard: Mapping[str, int], actual: Mapping[str, int] | None, as_of: dt.date | None = None
) -> Explained:
    """JPM of one person against ANOTHER position's standard (the vacancy's), with `competency.jpm`.

    Basis: PermenPANRB 38/2017 (standar kompetensi jabatan); JPM = Σ min(actual, standard) /
    Σ standard × 100 with each competency capped at its standard (decisions.md "Job Person Match";
    decision docs/decisions/0025-jpm-computation.md). `actual` is the person's latest assessed
    levels (their own position's standard plays no part). Value as `competency.jpm`
    (`{"percent", "pemetaan", "seleksi", "gaps", "missing"}`) or None when there is no assessment
    or no standard.
    """
    intro = Step(
        "JPM dihitung terhadap standar kompetensi jabatan yang dituju, bukan jabatan saat ini",
        "decision",
        DECISION_JPM,
    )
    if actual is None:
        return Explained(
            None,
            [intro, Step("Belum ada hasil asesmen kompetensi → JPM tidak dapat dihitung", "decision", DECISION_JPM)],
        )
    result = competency.jpm(standard, actual, as_of)
    return Explained(result.value, [intro, *result.steps], result.problems)


def jpm_against_batch(competency_frame: pl.DataFrame, standard: Mapping[str, int]) -> pl.DataFrame:
    """Batch form of `jpm_against`: `id, jpm_percent (Float64, null when the person has no assessed
    level or the standard is empty), jpm_seleksi` — one row per id of `competency_frame` (rows `id,
    kompetensi, standard, actual` as `EmployeeFrames.competency`), in first-appearance order.

    Uses the `actual` levels only and ignores the frame's own `standard` column; the vacancy's
    `standard` replaces it. Same rule (decision 0025) through `competency.jpm_batch`.
    """
    required = _standard_levels(standard)
    actual = (
        competency_frame.lazy()
        .select("id", "kompetensi", pl.col("actual").cast(pl.Int8))
        .filter(pl.col("actual").is_not_null())
        .group_by("id", "kompetensi")
        .agg(pl.col("actual").max())  # one row per competency; the loader gives the latest assessment
    )
    ids = competency_frame.lazy().select("id").unique(maintain_order=True)
    std = pl.LazyFrame(
        {"kompetensi": list(required), "standard": list(required.values())},
        schema={"kompetensi": pl.Utf8, "standard": pl.Int8},
    )
    rows = pl.concat(
        [
            # every standard competency for every person (a missing level counts 0) ...
            ids.join(std, how="cross").join(actual, on=["id", "kompetensi"], how="left"),
            # ... plus assessed competencies outside the standard (they only mark "assessed")
            actual.join(std, on="kompetensi", how="anti").select(
                "id", "kompetensi", pl.lit(None, dtype=pl.Int8).alias("standard"), "actual"
            ),
        ],
        how="vertical_relaxed",
    ).collect()
    if not required:
        return ids.select(
            "id", pl.lit(None, dtype=pl.Float64).alias("jpm_percent"), pl.lit(None, dtype=pl.Utf8).alias("jpm_seleksi")
        ).collect()
    result = competency.jpm_batch(rows)
    return (
        ids.join(result.lazy(), on="id", how="left", maintain_order="left")
        .select("id", "jpm_percent", "jpm_seleksi")
        .collect()
    )


# --- Merit score: scalar ------------------------------------------------------------------------------


def _years_text(months: int) -> str:
    return f"{months // 12} tahun" if months % 12 == 0 else f"{months} bulan"


def merit_score(
    profile: EmployeeProfile,
    standard: Mapping[str, int],
    as_of: dt.date,
    weights: MeritWeights = DEFAULT_WEIGHTS,
    *,
    awards: Sequence[dt.date] = (),
) -> Explained:
    """Merit score (0-100) of one candidate for a position whose competency standard is `standard`.

    Basis: UU 20/2023 (kualifikasi, kompetensi, kinerja); kualifikasi = IP ASN education points × 4
    (Peraturan BKN 8/2019); kompetensi = JPM against `standard` (`jpm_against`, decision 0025; 0 when
    never assessed); kinerja = predikat points of the last 2 years (PermenPANRB 6/2022, decision 0020)
    as a percent of the maximum; rekam jejak = training JP in 12 months (PP 11/2017 Pasal 203, 40),
    awards in 5 years (30) and the heaviest sanction in 5 years (30); weights `weights` (default:
    decision docs/decisions/0061-merit-score-and-weights.md). Value `{"kualifikasi", "kompetensi",
    "kinerja", "rekam_jejak", "merit", "jpm_percent", "sources"}`.
    """
    params = merit_params(as_of)
    steps: list[Step] = []
    sources: dict[str, str] = {}
    scores: list[int] = []
    w = dict(zip(CRITERIA, weights.hundredths(), strict=True))

    def add(name: str, hundredths: int, source: str, text: str, kind: str, basis: str) -> None:
        scores.append(hundredths)
        sources[name] = source
        steps.append(Step(f"{text} → {_fmt(hundredths)} (bobot {_fmt(w[name])}%)", kind, basis))  # type: ignore[arg-type]

    # kualifikasi
    points = _ipasn_params(as_of).education_points.get(profile.education or "")
    if profile.education is None:
        source, h = "pendidikan tidak tercatat", 0
    elif points is None:
        source, h = f"pendidikan '{profile.education}' tidak dikenal", 0
    else:
        source, h = f"Pendidikan {profile.education}", round(points * params.education_scale * 100)
    add("kualifikasi", h, source, f"Kualifikasi: {source}", "regulation", B_KUALIFIKASI)

    # kompetensi
    jpm = jpm_against(standard, profile.competency_actual, as_of)
    percent = jpm.value["percent"] if isinstance(jpm.value, dict) else None
    if not _standard_levels(standard):
        source, h = "standar kompetensi jabatan tidak ada", 0
    elif percent is None:
        source, h = "belum ada hasil asesmen kompetensi", 0
    else:
        h = round(percent * 100)
        source = f"JPM {_fmt(h)}% terhadap standar jabatan ({jpm.value['seleksi']})"  # type: ignore[index]
    add("kompetensi", h, source, f"Kompetensi: {source}", "decision", DECISION_JPM)

    # kinerja
    label_points = _label_points(as_of)
    parts, total = [], 0
    for year in range(as_of.year - 1, as_of.year - 1 - params.performance_years, -1):
        record = skp.year_record(profile.performance, year)
        if record is None:
            parts.append(f"{year} tidak ada")
            continue
        label, _ = skp.describe_record(record)
        parts.append(f"{year} {label}")
        total += label_points[label]
    best = max(label_points.values()) * params.performance_years
    source, h = f"SKP {', '.join(parts)}", _round_hundredths(10_000 * total, best)
    add("kinerja", h, source, f"Kinerja: {source} ({total} dari {best} poin)", "decision", f"{B_KINERJA}; {DECISION}")

    # rekam jejak
    t_start = months_before(as_of, params.training_window_months)
    jp = sum(t.jp or 0 for t in profile.trainings if t.end_date is not None and t_start < t.end_date <= as_of)
    t_h = _round_hundredths(
        min(jp, params.training_target_jp) * params.training_points * 100, params.training_target_jp
    )
    a_start = months_before(as_of, params.award_window_months)
    count = sum(1 for day in awards if day is not None and a_start < day <= as_of)
    a_pts = params.award_points[min(count, len(params.award_points) - 1)]
    d_start = months_before(as_of, params.discipline_window_months)
    hits = [
        params.discipline_points[d.level]
        for d in profile.discipline
        if d.decision_date is not None and d.level in params.discipline_points and d_start < d.decision_date <= as_of
    ]
    by_points = {v: k for k, v in params.discipline_points.items()}
    d_window = _years_text(params.discipline_window_months)
    if hits:
        d_pts, d_text = min(hits), f"hukuman disiplin terberat {by_points[min(hits)]} dalam {d_window}"
    else:
        d_pts, d_text = params.no_sanction_points, f"tanpa hukuman disiplin dalam {d_window}"
    source = (
        f"{jp} JP pelatihan dalam {_years_text(params.training_window_months)}; {count} penghargaan dalam "
        f"{_years_text(params.award_window_months)}; {d_text}"
    )
    h = t_h + (a_pts + d_pts) * 100
    add("rekam_jejak", h, source, f"Rekam jejak: {source}", "decision", f"{B_JP}; {DECISION}")

    merit = _combine(scores, weights)
    terms = " + ".join(f"{_fmt(w[c])}% × {_fmt(s)}" for c, s in zip(CRITERIA, scores, strict=True))
    steps.append(Step(f"Nilai merit = {terms} = {_fmt(merit)}", "decision", DECISION))
    value = {name: s / 100 for name, s in zip(CRITERIA, scores, strict=True)}
    value.update({"merit": merit / 100, "jpm_percent": percent, "sources": sources})
    return Explained(value, steps)


# --- Merit score: batch -------------------------------------------------------------------------------


def _fmt_expr(h: pl.Expr) -> pl.Expr:
    return pl.format("{},{}", h // 100, (h % 100).cast(pl.Utf8).str.zfill(2))


def _float(h: pl.Expr) -> pl.Expr:
    # polars divides by multiplying with 0.01; `.round(2)` brings it to the float of `h / 100`.
    return (h.cast(pl.Float64) / 100).round(2)


def merit_batch(
    frames: EmployeeFrames,
    standard: Mapping[str, int],
    as_of: dt.date,
    weights: MeritWeights = DEFAULT_WEIGHTS,
    *,
    awards: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Batch form of `merit_score`: `id, kualifikasi, kompetensi, kinerja, rekam_jejak, merit,
    jpm_percent (Float64)` and `<criterion>_source (Utf8)`, one row per row of `frames.employees`
    in the same order. `awards`: rows `id, date` (AWARD_SCHEMA, penghargaan). Same basis and
    decisions (UU 20/2023; Peraturan BKN 8/2019; decisions 0020, 0025, 0061); joins only.
    """
    params = merit_params(as_of)
    ids = frames.employees.select("id")
    label_points = _label_points(as_of)
    edu = {k: round(v * params.education_scale * 100) for k, v in _ipasn_params(as_of).education_points.items()}
    e = pl.col("education")
    kual = e.replace_strict(edu, default=None, return_dtype=pl.Int64)
    base = frames.employees.lazy().select(
        "id",
        kual.fill_null(0).alias("_kualifikasi"),
        pl.when(e.is_null())
        .then(pl.lit("pendidikan tidak tercatat"))
        .when(kual.is_null())
        .then(pl.format("pendidikan '{}' tidak dikenal", e))
        .otherwise(pl.format("Pendidikan {}", e))
        .alias("kualifikasi_source"),
    )
    # kompetensi
    jpm = jpm_against_batch(frames.competency, standard).lazy()
    base = base.join(jpm, on="id", how="left", maintain_order="left")
    jh = (pl.col("jpm_percent") * 100).round(0).cast(pl.Int64)
    if _standard_levels(standard):
        k_source = (
            pl.when(pl.col("jpm_percent").is_null())
            .then(pl.lit("belum ada hasil asesmen kompetensi"))
            .otherwise(pl.format("JPM {}% terhadap standar jabatan ({})", _fmt_expr(jh), pl.col("jpm_seleksi")))
        )
    else:
        k_source = pl.lit("standar kompetensi jabatan tidak ada")
    base = base.with_columns(jh.fill_null(0).alias("_kompetensi"), k_source.alias("kompetensi_source"))
    # kinerja
    years = list(range(as_of.year - 1, as_of.year - 1 - params.performance_years, -1))
    _, key = skp.record_keys()
    year = pl.col("year").cast(pl.Int32)
    perf = (
        frames.performance.lazy()
        .filter(year.is_in(years))
        .select("id", year.alias("_year"), key.alias("_key"))
        .drop_nulls("_key")
        .group_by("id")
        .agg(*[pl.col("_key").filter(pl.col("_year") == y).max().alias(f"_k{y}") for y in years])
    )
    base = base.join(perf, on="id", how="left", maintain_order="left")
    labels = [skp.key_label(pl.col(f"_k{y}")) for y in years]
    points = [lab.replace_strict(label_points, default=0, return_dtype=pl.Int64).fill_null(0) for lab in labels]
    parts = [
        pl.when(lab.is_null()).then(pl.lit(f"{y} tidak ada")).otherwise(pl.format(f"{y} {{}}", lab))
        for y, lab in zip(years, labels, strict=True)
    ]
    best = max(label_points.values()) * params.performance_years
    total = pl.sum_horizontal(points) if points else pl.lit(0, dtype=pl.Int64)
    base = base.with_columns(
        ((2 * 10_000 * total + best) // (2 * best)).alias("_kinerja"),
        pl.concat_str([pl.lit("SKP "), pl.concat_str(parts, separator=", ")]).alias("kinerja_source")
        if parts
        else pl.lit("SKP ").alias("kinerja_source"),
    )
    # rekam jejak
    t_start = months_before(as_of, params.training_window_months)
    end = pl.col("end_date")
    jp = (
        frames.trainings.lazy()
        .filter(end.is_not_null() & (end > t_start) & (end <= as_of))
        .group_by("id")
        .agg(pl.col("jp").fill_null(0).cast(pl.Int64).sum().alias("_jp"))
    )
    a_start = months_before(as_of, params.award_window_months)
    id_type = frames.employees.schema["id"]
    award_rows = (awards if awards is not None else pl.DataFrame(schema=AWARD_SCHEMA)).with_columns(
        pl.col("id").cast(id_type)
    )
    day = pl.col("date")
    counted = (
        award_rows.lazy()
        .filter(day.is_not_null() & (day > a_start) & (day <= as_of))
        .group_by("id")
        .agg(pl.len().cast(pl.Int64).alias("_awards"))
    )
    d_start = months_before(as_of, params.discipline_window_months)
    decided = pl.col("decision_date")
    worst = (
        frames.discipline.lazy()
        .filter(decided.is_not_null() & (decided > d_start) & (decided <= as_of))
        .select(
            "id",
            pl.col("level")
            .replace_strict(dict(params.discipline_points), default=None, return_dtype=pl.Int64)
            .alias("_dp"),
        )
        .drop_nulls("_dp")
        .group_by("id")
        .agg(pl.col("_dp").min())
    )
    by_points = {v: k for k, v in params.discipline_points.items()}
    target = params.training_target_jp
    jp_col = pl.col("_jp").fill_null(0)
    count = pl.col("_awards").fill_null(0)
    last = len(params.award_points) - 1
    a_pts = pl.min_horizontal(count, pl.lit(last, dtype=pl.Int64)).replace_strict(
        dict(enumerate(params.award_points)), return_dtype=pl.Int64
    )
    d_pts = pl.col("_dp").fill_null(params.no_sanction_points)
    d_window = _years_text(params.discipline_window_months)
    d_text = (
        pl.when(pl.col("_dp").is_null())
        .then(pl.lit(f"tanpa hukuman disiplin dalam {d_window}"))
        .otherwise(
            pl.format(
                f"hukuman disiplin terberat {{}} dalam {d_window}",
                pl.col("_dp").replace_strict(by_points, default=None, return_dtype=pl.Utf8),
            )
        )
    )
    t_h = (2 * pl.min_horizontal(jp_col, pl.lit(target, dtype=pl.Int64)) * params.training_points * 100 + target) // (
        2 * target
    )
    base = (
        base.join(jp, on="id", how="left", maintain_order="left")
        .join(counted, on="id", how="left", maintain_order="left")
        .join(worst, on="id", how="left", maintain_order="left")
        .with_columns(
            (t_h + (a_pts + d_pts) * 100).alias("_rekam_jejak"),
            pl.format(
                f"{{}} JP pelatihan dalam {_years_text(params.training_window_months)}; {{}} penghargaan dalam "
                f"{_years_text(params.award_window_months)}; {{}}",
                jp_col,
                count,
                d_text,
            ).alias("rekam_jejak_source"),
        )
    )
    weighted = sum(
        (pl.col(f"_{c}").cast(pl.Int64) * wh for c, wh in zip(CRITERIA, weights.hundredths(), strict=True)),
        start=pl.lit(0, dtype=pl.Int64),
    )
    out = base.select(
        "id",
        *[_float(pl.col(f"_{c}")).alias(c) for c in CRITERIA],
        _float((2 * weighted + 10_000) // 20_000).alias("merit"),
        pl.col("jpm_percent").cast(pl.Float64),
        *[pl.col(f"{c}_source") for c in CRITERIA],
    ).collect()
    if not out["id"].equals(ids["id"]):  # pragma: no cover - join invariant
        raise AssertionError("merit_batch: row order changed")
    return out


# --- Ranking ------------------------------------------------------------------------------------------

RANK_ORDER = ("merit", "kinerja", "kompetensi", "kualifikasi", "rekam_jejak")


def rank_candidates(
    frames: EmployeeFrames,
    standard: Mapping[str, int],
    level: str,
    as_of: dt.date,
    weights: MeritWeights = DEFAULT_WEIGHTS,
    *,
    awards: pl.DataFrame | None = None,
    rule: LevelRule | None = None,
) -> pl.DataFrame:
    """Candidates for a vacancy of `level` with standard `standard`: `merit_batch` columns +
    `eligible, reasons` (`eligibility.eligible_batch`) + `rank` (Int32, 1..n among the eligible,
    null for the ineligible). Sorted: eligible by rank, then ineligible by the same order.

    Order (decision docs/decisions/0061-merit-score-and-weights.md): merit desc, then kinerja,
    kompetensi, kualifikasi, rekam jejak (each desc), then id asc — fully deterministic.
    Basis as `merit_score` and `eligibility.eligible`.
    """
    scores = merit_batch(frames, standard, as_of, weights, awards=awards)
    allowed = eligible_batch(frames, level, as_of, rule=rule)
    joined = scores.hstack(allowed.drop("id"))
    ordered = joined.sort(
        ["eligible", *RANK_ORDER, "id"],
        descending=[True] * (1 + len(RANK_ORDER)) + [False],
        nulls_last=True,
        maintain_order=True,
    )
    return ordered.with_columns(
        pl.when(pl.col("eligible")).then(pl.col("eligible").cast(pl.Int32).cum_sum()).cast(pl.Int32).alias("rank")
    )
