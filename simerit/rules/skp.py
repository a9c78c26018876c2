"""Performance predikat from rating hasil kerja x rating perilaku kerja.

Legal basis: PermenPANRB 6/2022 (Pengelolaan Kinerja Pegawai ASN), predikat matrix as in
shared/domain/regulations.md §2.2. Before 2022 the numeric value (PP 46/2011) is kept with its label.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from simerit.rules._explain import Explained, Step
from simerit.rules._rows import by_employee
from simerit.rules._versions import RuleVersion
from simerit.rules.profile import Performance

BASIS = "PermenPANRB 6/2022"
RATINGS = ("di_atas", "sesuai", "di_bawah")
RATING_LABELS = {"di_atas": "Di Atas Ekspektasi", "sesuai": "Sesuai Ekspektasi", "di_bawah": "Di Bawah Ekspektasi"}

# (hasil_kerja, perilaku_kerja) -> predikat
PREDIKAT_MATRIX: dict[tuple[str, str], str] = {
    ("di_atas", "di_atas"): "Sangat Baik",
    ("di_atas", "sesuai"): "Baik",
    ("di_atas", "di_bawah"): "Kurang/Misconduct",
    ("sesuai", "di_atas"): "Baik",
    ("sesuai", "sesuai"): "Baik",
    ("sesuai", "di_bawah"): "Kurang/Misconduct",
    ("di_bawah", "di_atas"): "Butuh Perbaikan",
    ("di_bawah", "sesuai"): "Butuh Perbaikan",
    ("di_bawah", "di_bawah"): "Sangat Kurang",
}

# PP 46/2011 labels for the numeric value (0-100), placed by lower bound.
NUMERIC_BANDS: tuple[tuple[float, str], ...] = (
    (91, "Sangat Baik"),
    (76, "Baik"),
    (61, "Cukup"),
    (51, "Kurang"),
    (0, "Buruk"),
)


def predikat(hasil_kerja: str, perilaku_kerja: str) -> str:
    """Predikat kinerja for one year (PermenPANRB 6/2022 matrix, hasil kerja rows x perilaku columns)."""
    try:
        return PREDIKAT_MATRIX[(hasil_kerja, perilaku_kerja)]
    except KeyError as exc:
        raise ValueError(f"rating tidak dikenal: {hasil_kerja!r}, {perilaku_kerja!r}") from exc


def numeric_label(nilai: float) -> str:
    """Label of a pre-2022 numeric performance value (PP 46/2011: >=91 Sangat Baik ... <=50 Buruk)."""
    for lower, label in NUMERIC_BANDS:
        if nilai >= lower:
            return label
    return "Buruk"


# --- The predikat that counts for a year, and the latest one up to a date -------------------------
# (everything below: decision, docs/decisions/0022-kinerja-record-per-year.md and
#  docs/decisions/0023-latest-predikat-numeric-years.md)

NUMERIC_BASIS = "PP 46/2011 (nilai prestasi kerja)"
DECISION_RECORD = "docs/decisions/0022-kinerja-record-per-year.md"
DECISION_LATEST = "docs/decisions/0023-latest-predikat-numeric-years.md"

# Worst first: where one year holds several rated records, the worst counts (decision 0022).
PREDIKAT_RANK: dict[str, int] = {
    "Sangat Kurang": 1,
    "Kurang/Misconduct": 2,
    "Butuh Perbaikan": 3,
    "Baik": 4,
    "Sangat Baik": 5,
}
_RANK_LABEL = {rank: label for label, rank in PREDIKAT_RANK.items()}

VERSIONS: list[RuleVersion[dict[tuple[str, str], str]]] = [
    RuleVersion(
        name="skp",
        version="2022",
        valid_from=dt.date(2022, 1, 1),  # performance year 2022 onwards (start date: decision 0022)
        valid_to=None,
        basis=f"{BASIS} (matriks predikat: rating hasil kerja x rating perilaku kerja)",
        kind="regulation",
        params=PREDIKAT_MATRIX,
    )
]


def rated_predikat(record: Performance) -> str | None:
    """Matrix predikat of a record with both ratings (PermenPANRB 6/2022), else None."""
    return PREDIKAT_MATRIX.get((record.hasil_kerja or "", record.perilaku_kerja or ""))


def year_record(performance: Iterable[Performance], year: int) -> Performance | None:
    """The record that counts for `year` (decision, docs/decisions/0022-kinerja-record-per-year.md).

    A record with both ratings (PermenPANRB 6/2022) beats a numeric one (PP 46/2011); among
    several of the same kind the worst counts (lowest predikat, then lowest value). A record
    with neither complete ratings nor a value does not count.
    """
    rated = [r for r in performance if r.year == year and rated_predikat(r) is not None]
    if rated:
        return min(rated, key=lambda r: PREDIKAT_RANK[rated_predikat(r) or ""])
    numeric = [r for r in performance if r.year == year and r.nilai is not None]
    return min(numeric, key=lambda r: r.nilai or 0.0) if numeric else None


def describe_record(record: Performance) -> tuple[str, Step]:
    """The predikat (or PP 46/2011 label) of a counting record and the explanation step for it."""
    label = rated_predikat(record)
    if label is not None:
        text = (
            f"Kinerja {record.year}: hasil kerja {RATING_LABELS[record.hasil_kerja or '']} x perilaku kerja "
            f"{RATING_LABELS[record.perilaku_kerja or '']} → predikat {label}"
        )
        return label, Step(text, "regulation", f"{BASIS} (matriks predikat)")
    label = numeric_label(record.nilai or 0.0)
    text = f"Kinerja {record.year}: nilai {record.nilai:g} (skala 0-100) → {label}"
    return label, Step(text, "regulation", NUMERIC_BASIS)


def latest_predikat(performance: Sequence[Performance], as_of: dt.date, *, ratings_only: bool = False) -> Explained:
    """Latest predikat kinerja up to `as_of`: value `{"year": int, "value": str}` or None.

    Basis: PermenPANRB 6/2022 (matrix) for rated years; before 2022 the PP 46/2011 label of the
    numeric value. Which record counts for a year: decision 0022; that a numeric year counts here
    (but not for the 9-box, `ratings_only=True`): decision 0023 (docs/decisions/).
    """
    usable = [r for r in performance if r.year <= as_of.year]
    years = sorted({r.year for r in usable}, reverse=True)
    skipped: list[int] = []
    for year in years:
        record = year_record(usable, year)
        if record is None or (ratings_only and rated_predikat(record) is None):
            skipped.append(year)
            continue
        label, step = describe_record(record)
        steps = [step]
        if skipped:
            why = "tanpa rating hasil kerja dan perilaku kerja" if ratings_only else "tanpa rating maupun nilai"
            steps.insert(
                0,
                Step(
                    f"Tahun {', '.join(map(str, skipped))} dilewati: catatan kinerja {why}", "decision", DECISION_LATEST
                ),
            )
        steps.append(
            Step(
                f"Tahun terakhir s.d. {as_of.year} yang memiliki predikat: {year} → {label}",
                "decision",
                DECISION_LATEST,
            )
        )
        return Explained(value={"year": year, "value": label}, steps=steps)
    what = "predikat berbasis rating (PermenPANRB 6/2022)" if ratings_only else "catatan kinerja"
    return Explained(
        value=None,
        steps=[
            Step(
                f"Tidak ada {what} sampai tahun {as_of.year} → predikat tidak dapat ditentukan",
                "decision",
                DECISION_LATEST,
            )
        ],
    )


def latest_rated_predikat(performance: Sequence[Performance], as_of: dt.date) -> Explained:
    """Latest ratings-based predikat up to `as_of` (the 9-box input; regulations.md §3.2, decision 0023)."""
    return latest_predikat(performance, as_of, ratings_only=True)


# --- Batch form -----------------------------------------------------------------------------------


def numeric_label_expr(nilai: pl.Expr) -> pl.Expr:
    """Batch form of `numeric_label` (PP 46/2011 bands by lower bound)."""
    expr: pl.Expr = pl.lit(None, dtype=pl.Utf8)
    for lower, label in reversed(NUMERIC_BANDS):
        expr = pl.when(nilai >= lower).then(pl.lit(label)).otherwise(expr)
    return pl.when(nilai.is_not_null()).then(expr.fill_null("Buruk"))


_HASIL = tuple(dict.fromkeys(h for h, _ in PREDIKAT_MATRIX))
_PERILAKU = tuple(dict.fromkeys(p for _, p in PREDIKAT_MATRIX))
# Matrix rank by cell number (hasil index x number of perilaku ratings + perilaku index).
_CELL_RANK = pl.Series(
    [PREDIKAT_RANK[PREDIKAT_MATRIX[(h, p)]] if (h, p) in PREDIKAT_MATRIX else None for h in _HASIL for p in _PERILAKU],
    dtype=pl.Int32,
)


def rank_expr() -> pl.Expr:
    """`PREDIKAT_RANK` of the matrix cell (PermenPANRB 6/2022) of `hasil_kerja` x `perilaku_kerja`
    (Int32), null unless both ratings are in the matrix. Each rating becomes its index among the
    known ratings (unknown or empty text gives null; a few comparisons with each known rating,
    cheaper than hashing the text) and the cell number picks the rank from a table: the same
    cells as looking up the pair, several times faster."""

    def index(column: str, values: tuple[str, ...]) -> pl.Expr:
        expr: pl.Expr = pl.lit(None, dtype=pl.Int32)
        for i, value in reversed(list(enumerate(values))):
            expr = pl.when(pl.col(column) == value).then(pl.lit(i, dtype=pl.Int32)).otherwise(expr)
        return expr

    cell = index("hasil_kerja", _HASIL) * len(_PERILAKU) + index("perilaku_kerja", _PERILAKU)
    return pl.lit(_CELL_RANK).gather(cell)


def year_records_batch(performance: pl.DataFrame) -> pl.DataFrame:
    """One row per (id, year) with the counting record (decision 0022): `id, year, rated, predikat, nilai`.

    `rated` is True when the year has a record with both ratings (then `predikat` is its matrix
    cell, PermenPANRB 6/2022); otherwise `nilai` is the lowest numeric value and `predikat` its
    PP 46/2011 label. Years with no usable record are dropped.
    """
    rank = rank_expr().cast(pl.Int8).alias("_rank")
    out = (
        performance.lazy()
        .select("id", pl.col("year").cast(pl.Int16), rank, pl.col("nilai").cast(pl.Float64))
        .with_columns(pl.when(pl.col("_rank").is_null()).then(pl.col("nilai")).alias("_nilai"))
        .filter(pl.col("_rank").is_not_null() | pl.col("_nilai").is_not_null())
        .group_by("id", "year")
        .agg(pl.col("_rank").min(), pl.col("_nilai").min())
        .select(
            "id",
            "year",
            pl.col("_rank").is_not_null().alias("rated"),
            pl.when(pl.col("_rank").is_not_null())
            .then(pl.col("_rank").replace_strict(_RANK_LABEL, default=None, return_dtype=pl.Utf8))
            .otherwise(numeric_label_expr(pl.col("_nilai")))
            .alias("predikat"),
            pl.when(pl.col("_rank").is_null()).then(pl.col("_nilai")).alias("nilai"),
        )
    )
    return out.collect()


def _band_index(nilai: pl.Expr) -> pl.Expr:
    """Index of the PP 46/2011 band of `nilai` (0 = Buruk ... 4 = Sangat Baik), null when null."""
    # The bands are contiguous from the lowest bound (Buruk, index 0, also below it): the index
    # is the number of higher bounds reached; a null value stays null.
    bounds = sorted(lower for lower, _ in NUMERIC_BANDS)[1:]
    expr: pl.Expr = pl.lit(0, dtype=pl.Int32)
    for lower in bounds:
        expr = expr + (nilai >= lower).cast(pl.Int32)
    return expr


def record_keys(rank: pl.Expr | None = None) -> tuple[pl.Expr, pl.Expr]:
    """Per performance record (decision 0022), one integer key `year * 100 + r` where `r` is
    60 - rank for a rated record (55-59) and 20 - band for a numeric one (16-20): among records of
    one year the largest key is the record that counts (`year_record`: a rated record before a
    numeric one, then the worst rating or lowest band), and among several years the latest.

    Returns (rated key, null unless both ratings are valid; key of any counting record, null when
    the record has neither ratings nor a value). `key_label` gives the predikat of a key.
    `rank`: `rank_expr()` (the default), or a column the caller has computed it into.
    """
    rank = rank_expr() if rank is None else rank
    year = pl.col("year").cast(pl.Int32) * 100
    return year + (_RATED_TOP - rank), year + pl.coalesce(_RATED_TOP - rank, _NUMERIC_TOP - _band_index(pl.col("nilai")))


_RATED_TOP, _NUMERIC_TOP = 60, 20  # a key's last two digits: 60 - rank (rated, 55-59), 20 - band (16-20)


_KEY_LABELS = {
    **{_RATED_TOP - r: label for r, label in _RANK_LABEL.items()},
    **{_NUMERIC_TOP - i: label for i, (_, label) in enumerate(reversed(NUMERIC_BANDS))},
}


_LABEL_TABLE = pl.Series([_KEY_LABELS.get(code) for code in range(100)], dtype=pl.Utf8)


def key_codes(labels: Iterable[str]) -> list[int]:
    """The last two digits (`key % 100`) of the `record_keys` keys whose `key_label` is one of
    `labels`: a test on integers instead of on the label's text."""
    wanted = set(labels)
    return sorted(code for code, label in _KEY_LABELS.items() if label in wanted)


def key_label(key: pl.Expr) -> pl.Expr:
    """The predikat (PermenPANRB 6/2022) or PP 46/2011 label of a `record_keys` key."""
    # The label by position in a table of every two-digit ending (null where none).
    code = key % 100
    return pl.when((code >= 0) & (code < 100)).then(pl.lit(_LABEL_TABLE).gather(code.clip(0, 99).cast(pl.Int64)))


@dataclass(frozen=True)
class PerformanceSummary:
    """Per employee, what the batch rules read from the performance records, from one group_by
    over them (`performance_summary`); `latest_predikats_batch`, `ipasn.ip_asn_batch` and
    `pangkat.kp_reguler_batch` accept it so that a run passes over the records once.

    `frame`: `id`, then `_key` / `_rated` (the largest `record_keys` key of any counting / of a
    rated record up to `as_of.year`), `_rank_now` / `_nilai_now` (the worst matrix rank and the
    lowest value of an unrated record in `as_of.year`, the IP ASN measurement year), and one
    `_key_<year>` (the key of the record that counts for that year) per year in `years`: every
    year from `as_of.year - 2` that has a record (the KP window, decision 0014).
    """

    as_of: dt.date
    years: tuple[int, ...]
    frame: pl.DataFrame

    def for_ids(self, ids: pl.Series, as_of: dt.date) -> pl.DataFrame:
        """`frame` with one row per id of `ids` in that order (checked, or joined when not)."""
        if as_of != self.as_of:
            raise ValueError(f"summary: computed as of {self.as_of}, not {as_of}")
        if self.frame["id"].equals(ids):
            return self.frame
        return rows_for(self.frame.unique("id", keep="first", maintain_order=True), ids)


def rows_for(frame: pl.DataFrame, ids: pl.Series) -> pl.DataFrame:
    """The row of `frame` (whose non-null `id`s are unique) for each id of `ids`, in that order,
    nulls where it has none: a left join on a unique key, done by binary search in the sorted ids
    (several times faster than a join that keeps the order). `id` takes the type of `frame`'s."""
    ids = ids.cast(frame.schema["id"])
    right = frame.filter(pl.col("id").is_not_null()).sort("id")
    if right.is_empty():
        return ids.to_frame("id").lazy().join(frame.lazy(), on="id", how="left", maintain_order="left").collect()
    keys = right["id"]
    found = pl.Series(keys.search_sorted(ids), dtype=pl.Int64).clip(upper_bound=len(keys) - 1)
    hit = (keys.gather(found) == ids).fill_null(False)
    index = pl.select(pl.when(hit).then(found)).to_series()
    return right.select(pl.all().exclude("id").gather(index)).insert_column(0, ids.alias("id"))


def performance_summary(
    performance: pl.DataFrame, as_of: dt.date, *, ids: pl.Series | None = None
) -> PerformanceSummary:
    """The `PerformanceSummary` of `performance` as of `as_of`: one row per id of `ids` when given
    (in that order), else per id found in `performance`. Which record counts for a year and the
    latest year: decisions 0022 and 0023 (`record_keys`); matrix ranks: PermenPANRB 6/2022."""
    first = as_of.year - 2
    years = tuple(
        sorted(performance.lazy().filter(pl.col("year") >= first).select(pl.col("year").unique()).collect()["year"])
    )
    rated_key, any_key = record_keys(pl.col("_rank"))
    year = pl.col("year")
    now = year == as_of.year
    up_to = year <= as_of.year
    # The key columns come out with their nulls already replaced by a sentinel no key takes (the
    # year is Int16, so a key is within ±3.3 million): numpy reduces them as they are.
    low = int(np.iinfo(np.int32).min)
    maxima = {
        "_key": pl.when(up_to).then(pl.col("_k")),
        "_rated": pl.when(up_to).then(pl.col("_r")),
        **{f"_key_{y}": pl.when(year == y).then(pl.col("_k")) for y in years},
    }
    records_q = (
        performance.lazy()
        .select("id", year, rank_expr().alias("_rank"), pl.col("nilai").cast(pl.Float64))
        .with_columns(rated_key.alias("_r"), any_key.alias("_k"))
        .select(
            "id",
            *[e.fill_null(low).cast(pl.Int32).alias(name) for name, e in maxima.items()],
        )
    )  # fmt: skip
    # Values count only for unrated records of the measurement year: a few, found by a filter in
    # the read of that year's records and reduced on their own.
    values_q = (
        performance.lazy()
        .filter(now)
        .select("id", rank_expr().alias("_rank"), pl.col("nilai").cast(pl.Float64).alias("_nilai_now"))
        .filter(pl.col("_rank").is_null() & pl.col("_nilai_now").is_not_null())
        .select("id", "_nilai_now")
    )
    records, values = pl.collect_all([records_q, values_q])
    base = ids.cast(performance.schema["id"]) if ids is not None else None
    if base is None:
        base = performance.select("id").unique(maintain_order=True)["id"]
    # Per employee, placed by row number (`_rows`): the largest key, the worst rank and lowest
    # value of the measurement year; what a group_by per id and a join back give.
    by_row = by_employee(records["id"], base)
    filled = {name: (records[name].to_numpy(), "max", low) for name in maxima}
    reduced = by_row.reduce_filled(filled)  # type: ignore[arg-type]
    # The worst rank of the measurement year is in that year's key: the largest key of a year is
    # its worst rated record when it has one (a rated key ends in 55-59, a numeric one in 16-20).
    code = pl.col(f"_key_{as_of.year}") % 100
    rank_now = (
        pl.when(code > _NUMERIC_TOP).then(_RATED_TOP - code) if as_of.year in years else pl.lit(None)
    ).cast(pl.Int32)
    reduced = reduced.with_columns(rank_now.alias("_rank_now")).hstack(
        [by_employee(values["id"], base).reduce(values["_nilai_now"], "min")]
    )
    return PerformanceSummary(as_of, years, reduced.insert_column(0, base.alias("id")))


def latest_predikats_batch(
    performance: pl.DataFrame,
    as_of: dt.date,
    *,
    ids: pl.Series | None = None,
    summary: PerformanceSummary | None = None,
) -> pl.DataFrame:
    """Both forms of `latest_predikat` in one pass: `id, predikat_year, predikat` (any counting
    record) and `rated_year, rated_predikat` (`ratings_only=True`, the 9-box input), Int16/Utf8.

    One row per id of `ids` when given (in that order), else per id found in `performance`; null
    where no year up to `as_of` has a counting (rated) record. Basis as `latest_predikat`
    (PermenPANRB 6/2022, PP 46/2011; decisions 0022 and 0023): the largest `record_keys` key
    per id, and the largest among rated records only.
    """

    def year_and_label(key: str, year_name: str, label_name: str) -> list[pl.Expr]:
        return [(pl.col(key) // 100).cast(pl.Int16).alias(year_name), key_label(pl.col(key)).alias(label_name)]

    if summary is None:
        frame = performance_summary(performance, as_of, ids=ids).frame
    elif ids is not None:
        frame = summary.for_ids(ids, as_of)
    else:
        frame = summary.for_ids(performance.select("id").unique(maintain_order=True)["id"], as_of)
    return frame.select(
        "id",
        *year_and_label("_key", "predikat_year", "predikat"),
        *year_and_label("_rated", "rated_year", "rated_predikat"),
    )


def predikat_batch(
    performance: pl.DataFrame, as_of: dt.date, *, ratings_only: bool = False, ids: pl.Series | None = None
) -> pl.DataFrame:
    """Batch form of `latest_predikat`: `id, predikat_year (Int16), predikat (Utf8)`.

    One row per id of `ids` when given (in that order), else per id found in `performance`; null
    where no year up to `as_of` has a counting record. Computed by `latest_predikats_batch` (same
    basis and decisions).
    """
    return predikat_columns(latest_predikats_batch(performance, as_of, ids=ids), ratings_only=ratings_only)


def predikat_columns(latest: pl.DataFrame, *, ratings_only: bool = False) -> pl.DataFrame:
    """`id, predikat_year, predikat` of a `latest_predikats_batch` result (the ratings-based pair
    when `ratings_only`)."""
    if ratings_only:
        return latest.select(
            "id", pl.col("rated_year").alias("predikat_year"), pl.col("rated_predikat").alias("predikat")
        )
    return latest.select("id", "predikat_year", "predikat")


def rated_predikat_batch(performance: pl.DataFrame, as_of: dt.date, *, ids: pl.Series | None = None) -> pl.DataFrame:
    """Latest ratings-based predikat per id (the 9-box `talent_kinerja` input; decision 0023)."""
    return predikat_batch(performance, as_of, ratings_only=True, ids=ids)
