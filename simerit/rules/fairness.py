"""Fairness check of a decision round: selection rates by group (sex, age band, OPD) and adverse
impact by the four-fifths rule, set against the merit-score distribution.

Basis: UU 20/2023 (prinsip meritokrasi: "tidak membedakan latar belakang suku, ras, warna kulit,
agama, asal-usul, jenis kelamin, status pernikahan, umur, atau berkebutuhan khusus"; manajemen ASN
berdasarkan Sistem Merit, Pasal 27). Method: the four-fifths rule of the US Uniform Guidelines on
Employee Selection Procedures, 29 CFR 1607.4(D) — a selection rate below 4/5 of the highest group's
rate is evidence of adverse impact — adopted as a decision, as are the age bands, the minimum group
size and the merit comparison: docs/decisions/0063-fairness-four-fifths.md.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from simerit.rules._explain import Explained, Step

DECISION = "docs/decisions/0063-fairness-four-fifths.md"
B_UU = "UU 20/2023 (prinsip meritokrasi; Pasal 27)"
B_CFR = f"29 CFR 1607.4(D) (four-fifths rule), diadopsi: {DECISION}"
THRESHOLD = 0.8  # four fifths; compared exactly in integers
MIN_CONSIDERED = 5  # a group (and the reference group) needs this many considered people to be flagged
# 29 CFR 1607.4(D): a difference "based on small numbers" that is "not statistically significant"
# need not be adverse impact. `significant` = the Fisher p-value below this level (decision 0063).
SIGNIFICANCE = 0.05
UNKNOWN = "tidak diketahui"
# (lowest age in completed years, label), youngest first
AGE_BANDS: tuple[tuple[int, str], ...] = ((0, "< 30"), (30, "30-39"), (40, "40-49"), (50, "50-54"), (55, "55+"))


def age_band(birth_date: dt.date | None, on: dt.date) -> str:
    """Age band (completed years on `on`) of one person (decision 0063); unknown birth date →
    "tidak diketahui"."""
    if birth_date is None:
        return UNKNOWN
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return next(label for lower, label in reversed(AGE_BANDS) if age >= lower or lower == 0)


def age_band_expr(birth: pl.Expr, on: dt.date) -> pl.Expr:
    """Batch form of `age_band` (same decision)."""
    age = (
        pl.lit(on.year)
        - birth.dt.year().cast(pl.Int32)
        - (pl.lit(on.month * 100 + on.day) < birth.dt.month().cast(pl.Int32) * 100 + birth.dt.day()).cast(pl.Int32)
    )
    expr: pl.Expr = pl.lit(AGE_BANDS[0][1])
    for lower, label in AGE_BANDS[1:]:
        expr = pl.when(age >= lower).then(pl.lit(label)).otherwise(expr)
    return pl.when(birth.is_null()).then(pl.lit(UNKNOWN)).otherwise(expr)


def impact_ratio(selected: int, considered: int, ref_selected: int, ref_considered: int) -> Explained:
    """Four-fifths check of one group against a reference group (29 CFR 1607.4(D) as adopted in
    docs/decisions/0063-fairness-four-fifths.md): value `{"rate", "reference_rate", "ratio",
    "adverse"}`; `adverse` is None when either group has fewer than MIN_CONSIDERED people or the
    reference rate is 0 (ratio None)."""
    for name, value in (("selected", selected), ("considered", considered), ("ref_selected", ref_selected),
                        ("ref_considered", ref_considered)):  # fmt: skip
        if value < 0:
            raise ValueError(f"{name}: tidak boleh negatif (sekarang {value})")
    if selected > considered or ref_selected > ref_considered:
        raise ValueError("jumlah terpilih tidak boleh melebihi jumlah yang dipertimbangkan")
    if considered == 0 or ref_considered == 0:
        step = Step("Tidak ada orang yang dipertimbangkan pada kelompok ini atau kelompok acuan", "decision", DECISION)
        return Explained(None, [step])
    rate = selected / considered
    ref_rate = ref_selected / ref_considered
    steps = [
        Step(f"Tingkat seleksi {selected}/{considered} = {rate:.1%}; kelompok acuan {ref_selected}/{ref_considered} "
             f"= {ref_rate:.1%}", "decision", DECISION),
    ]  # fmt: skip
    # one division of exact integers, the same float in `selection_rates`
    ratio = (selected * ref_considered) / (considered * ref_selected) if ref_selected > 0 else None
    adverse = None
    if ratio is None:
        steps.append(Step("Tingkat seleksi kelompok acuan 0: rasio tidak dapat dihitung", "decision", DECISION))
    elif min(considered, ref_considered) < MIN_CONSIDERED:
        steps.append(Step(f"Rasio {ratio:.2f}; kelompok kurang dari {MIN_CONSIDERED} orang: tidak dinilai",
                          "decision", DECISION))  # fmt: skip
    else:
        # exact: rate / ref_rate < 4/5 without floating point (0.48 / 0.6 is 0.7999... in floats)
        adverse = 5 * selected * ref_considered < 4 * ref_selected * considered
        verdict = "di bawah 4/5: indikasi dampak merugikan" if adverse else "paling sedikit 4/5: tidak ada indikasi"
        steps.append(Step(f"Rasio {ratio:.2f} {verdict}", "regulation", B_CFR))
    steps.append(Step("Seleksi tanpa membedakan latar belakang (jenis kelamin, umur, asal-usul)", "regulation", B_UU))
    return Explained({"rate": rate, "reference_rate": ref_rate, "ratio": ratio, "adverse": adverse}, steps)


RATES_SCHEMA = {
    "group": pl.Utf8,
    "considered": pl.Int64,
    "selected": pl.Int64,
    "rate": pl.Float64,
    "impact_ratio": pl.Float64,
    "adverse": pl.Boolean,
    "reference": pl.Boolean,
    "merit_mean": pl.Float64,
    "merit_median": pl.Float64,
    "top_merit": pl.Int64,
    "top_merit_share": pl.Float64,
    "selected_share": pl.Float64,
    "p_value": pl.Float64,
    "significant": pl.Boolean,
}


def selection_rates(frame: pl.DataFrame, *, min_considered: int = MIN_CONSIDERED) -> pl.DataFrame:
    """Selection rates by group over one row per considered candidate (`group` Utf8, `selected`
    Boolean, `merit` Float64 nullable), one row per group sorted by group:

    `considered, selected, rate`; `impact_ratio` = rate / the reference rate (the highest rate
    among groups with at least `min_considered` people, or among all if none has); `adverse` =
    ratio < 0.8, null when the group or the reference is smaller than `min_considered`;
    `reference` marks the reference group; `merit_mean, merit_median`; `top_merit` = how many of
    the group are among the N best merit scores (N = number selected; merit desc, nulls last,
    then input order) and `top_merit_share` / `selected_share` = that count / N and selected / N —
    close shares mean the gap follows merit; `p_value` = two-sided Fisher exact test of the group
    against everyone else; `significant` = a one-sided Fisher test that the group's rate is lower
    than the reference group's gives p < SIGNIFICANCE (null for the reference and for groups too
    small to flag); an `adverse` group whose difference is not significant is a flag to watch, not
    a finding: 29 CFR 1607.4(D). Basis: 29 CFR 1607.4(D) as adopted in
    docs/decisions/0063-fairness-four-fifths.md; UU 20/2023.
    """
    from scipy.stats import fisher_exact

    missing = {"group", "selected", "merit"} - set(frame.columns)
    if missing:
        raise ValueError(f"kolom tidak ada: {', '.join(sorted(missing))}")
    if frame.height == 0:
        return pl.DataFrame(schema=RATES_SCHEMA)
    rows = frame.select(
        pl.col("group").cast(pl.Utf8).fill_null(UNKNOWN),
        pl.col("selected").cast(pl.Boolean).fill_null(False),
        pl.col("merit").cast(pl.Float64),
    ).with_row_index("_row")
    n_selected = int(rows["selected"].sum())
    top = rows.sort(["merit", "_row"], descending=[True, False], nulls_last=True).head(n_selected)
    top_counts = top.group_by("group").agg(pl.len().cast(pl.Int64).alias("top_merit"))
    groups = (
        rows.group_by("group")
        .agg(
            pl.len().cast(pl.Int64).alias("considered"),
            pl.col("selected").sum().cast(pl.Int64).alias("selected"),
            pl.col("merit").mean().alias("merit_mean"),
            pl.col("merit").median().alias("merit_median"),
        )
        .sort("group")
        .join(top_counts, on="group", how="left", maintain_order="left")
        .with_columns(
            pl.col("top_merit").fill_null(0),
            (pl.col("selected") / pl.col("considered")).alias("rate"),
        )
    )
    big = groups.filter(pl.col("considered") >= min_considered)
    pool = big if big.height else groups
    best = pool.sort(["rate", "considered", "group"], descending=[True, True, False]).row(0, named=True)
    ref_ok = best["considered"] >= min_considered
    share = (lambda c: pl.col(c) / n_selected) if n_selected else (lambda c: pl.lit(None, dtype=pl.Float64))
    total_c, total_s = rows.height, n_selected
    p_values = []
    for g in groups.iter_rows(named=True):
        rest_c, rest_s = total_c - g["considered"], total_s - g["selected"]
        table = [[g["selected"], g["considered"] - g["selected"]], [rest_s, rest_c - rest_s]]
        p_values.append(float(fisher_exact(table).pvalue) if rest_c else None)
    # Is the group's rate significantly LOWER than the reference group's? (one-sided Fisher test of
    # the group against the reference, the comparison the four-fifths rule makes; None for the
    # reference itself and where no flag is given.)
    p_less = []
    for g in groups.iter_rows(named=True):
        if g["group"] == best["group"] or g["considered"] < min_considered or not ref_ok:
            p_less.append(None)
            continue
        table = [
            [g["selected"], g["considered"] - g["selected"]],
            [best["selected"], best["considered"] - best["selected"]],
        ]
        p_less.append(float(fisher_exact(table, alternative="less").pvalue))
    ratio = (
        (pl.col("selected") * best["considered"]) / (pl.col("considered") * best["selected"])
        if best["selected"] > 0
        else pl.lit(None, dtype=pl.Float64)
    )
    return groups.with_columns(pl.Series("p_value", p_values, dtype=pl.Float64)).select(
        "group",
        "considered",
        "selected",
        "rate",
        ratio.alias("impact_ratio"),
        pl.when((pl.col("considered") >= min_considered) & pl.lit(ref_ok) & ratio.is_not_null())
        .then(5 * pl.col("selected") * best["considered"] < 4 * best["selected"] * pl.col("considered"))
        .alias("adverse"),
        (pl.col("group") == best["group"]).alias("reference"),
        "merit_mean",
        "merit_median",
        "top_merit",
        share("top_merit").alias("top_merit_share"),
        share("selected").alias("selected_share"),
        "p_value",
        pl.Series("_p_less", p_less, dtype=pl.Float64).lt(SIGNIFICANCE).alias("significant"),
    )
