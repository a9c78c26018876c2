"""Batch helpers that replace per-row work by a small table: `_bands.label_by_lower_bound` (the
label a chain of `when(value >= lower)` gives, boundaries, nulls and NaN included) and
`_dates.first_of_month` (the date `pl.date` gives)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules._bands import label_by_lower_bound

BANDS = ((90.0, "A"), (78.0, "B"), (60.5, "C"))


def chain(value: pl.Expr) -> pl.Expr:
    expr: pl.Expr = pl.lit("Z")
    for lower, label in reversed(BANDS):
        expr = pl.when(value >= lower).then(pl.lit(label)).otherwise(expr)
    return pl.when(value.is_not_null()).then(expr)


def test_boundaries_belong_to_the_band_they_open():
    values = pl.Series("v", [90.0, 89.99, 78.0, 77.99, 60.5, 60.49, -1.0, None, float("nan"), float("inf")])
    got = pl.select(label_by_lower_bound(pl.lit(values), BANDS, "Z")).to_series().to_list()
    assert got == ["A", "B", "B", "C", "C", "Z", "Z", None, "A", "A"]  # NaN sorts above every number


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)), max_size=30))
def test_same_as_the_chain(values):
    frame = pl.DataFrame({"v": values}, schema={"v": pl.Float64})
    got = frame.select(label_by_lower_bound(pl.col("v"), BANDS, "Z").alias("x"))
    assert got.equals(frame.select(chain(pl.col("v")).alias("x")))


def test_bands_out_of_order_are_refused():
    with pytest.raises(ValueError, match="highest lower bound first"):
        label_by_lower_bound(pl.col("v"), ((60.0, "C"), (90.0, "A")), "Z")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(-24, 10_101 * 12)), max_size=30))
def test_first_of_month_is_the_calendar_date(months):
    """`_dates.first_of_month` (a table) == `pl.date` inside years 1-10,099, null outside."""
    from simerit.rules._dates import first_of_month

    frame = pl.DataFrame({"m": months}, schema={"m": pl.Int32})
    m = pl.col("m")
    got = frame.select(first_of_month(m).alias("d"))["d"].to_list()
    inside = (m >= 12) & (m < 10_100 * 12)
    want = frame.select(pl.when(inside).then(pl.date(m // 12, m % 12 + 1, 1)).alias("d"))["d"].to_list()
    assert got == want
