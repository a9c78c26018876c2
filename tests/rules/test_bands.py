"""`_bands.label_by_lower_bound`: the label a chain of `when(value >= lower)` gives, boundaries,
nulls and NaN included."""

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
