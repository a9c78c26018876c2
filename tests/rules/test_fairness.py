"""Fairness check (UU 20/2023; four-fifths rule, 29 CFR 1607.4(D), docs/decisions/0063): age bands,
the impact ratio on its boundary, selection rates by group with the merit comparison, and
scalar == batch."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.fairness import (
    AGE_BANDS,
    RATES_SCHEMA,
    UNKNOWN,
    age_band,
    age_band_expr,
    impact_ratio,
    selection_rates,
)

ON = dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("birth", "band"),
    [
        (dt.date(1996, 1, 1), "< 30"),  # 29 on 31 Dec 2025
        (dt.date(1995, 12, 31), "30-39"),  # 30th birthday on the day
        (dt.date(1986, 1, 1), "30-39"),
        (dt.date(1985, 12, 31), "40-49"),
        (dt.date(1971, 1, 1), "50-54"),
        (dt.date(1970, 12, 31), "55+"),
        (None, UNKNOWN),
    ],
)
def test_age_band(birth, band):
    assert age_band(birth, ON) == band
    frame = pl.DataFrame({"b": [birth]}, schema={"b": pl.Date})
    assert frame.select(age_band_expr(pl.col("b"), ON)).item() == band


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2010, 12, 31))), max_size=20), st.dates())
def test_age_band_scalar_equals_batch(births, on):
    frame = pl.DataFrame({"b": births}, schema={"b": pl.Date})
    assert frame.select(age_band_expr(pl.col("b"), on)).to_series().to_list() == [age_band(b, on) for b in births]
    assert {label for _, label in AGE_BANDS} | {UNKNOWN} >= {age_band(b, on) for b in births}


def test_impact_ratio_worked_example_and_boundary():
    # 21 of 50 = 42 % against 48 of 80 = 60 % -> ratio 0.70 < 0.80: adverse
    result = impact_ratio(21, 50, 48, 80)
    assert result.value["rate"] == 0.42 and result.value["reference_rate"] == 0.6
    assert round(result.value["ratio"], 10) == 0.7 and result.value["adverse"] is True
    assert any("29 CFR 1607.4(D)" in s.source for s in result.steps)
    # 24 of 50 = 48 %: exactly four fifths (0.48 / 0.6 is 0.7999... in floats) -> not adverse
    assert impact_ratio(24, 50, 48, 80).value["adverse"] is False
    assert impact_ratio(23, 50, 48, 80).value["adverse"] is True
    # small groups are not judged; a reference rate of 0 gives no ratio
    assert impact_ratio(0, 4, 3, 4).value["adverse"] is None
    assert impact_ratio(0, 10, 0, 10).value == {"rate": 0.0, "reference_rate": 0.0, "ratio": None, "adverse": None}
    assert impact_ratio(0, 0, 1, 5).value is None
    with pytest.raises(ValueError, match="tidak boleh melebihi"):
        impact_ratio(6, 5, 1, 5)


def test_selection_rates_worked_example():
    # A: merits 90 80 70 60 50 40, the first three selected -> 3/6 = 0.5 (reference)
    # B: merits 85 75 30 20 10, only 85 selected -> 1/5 = 0.2, ratio 0.4: adverse.
    # N = 4 selected; the 4 best merits are 90 A, 85 B, 80 A, 75 B -> A 2, B 2 of 4, but B got
    # 1 of 4 seats: the gap does not follow merit.
    frame = pl.DataFrame(
        {
            "group": ["A"] * 6 + ["B"] * 5,
            "selected": [True, True, True, False, False, False, True, False, False, False, False],
            "merit": [90.0, 80, 70, 60, 50, 40, 85, 75, 30, 20, 10],
        }
    )
    out = selection_rates(frame)
    assert out.schema == pl.Schema(RATES_SCHEMA)
    a, b = out.rows(named=True)
    assert (a["group"], a["considered"], a["selected"], a["rate"], a["impact_ratio"]) == ("A", 6, 3, 0.5, 1.0)
    assert (a["adverse"], a["reference"], a["merit_mean"], a["merit_median"]) == (False, True, 65.0, 65.0)
    assert (b["rate"], b["impact_ratio"], b["adverse"], b["reference"]) == (0.2, 0.4, True, False)
    assert (a["top_merit"], b["top_merit"], a["top_merit_share"], b["top_merit_share"]) == (2, 2, 0.5, 0.5)
    assert (a["selected_share"], b["selected_share"]) == (0.75, 0.25)
    assert 0 < b["p_value"] <= 1 and a["p_value"] == b["p_value"]  # two groups: the same 2x2 table


def test_small_groups_and_reference_choice():
    # C has a 100 % rate but only 2 people: not the reference, not judged
    frame = pl.DataFrame(
        {
            "group": ["A"] * 5 + ["C"] * 2 + [None],
            "selected": [True, True, False, False, False, True, True, False],
            "merit": [1.0, 2, 3, 4, 5, None, 7, 8],
        }
    )
    out = {r["group"]: r for r in selection_rates(frame).iter_rows(named=True)}
    assert out["A"]["reference"] and not out["C"]["reference"]
    assert out["C"]["impact_ratio"] == 2.5 and out["C"]["adverse"] is None
    assert out[UNKNOWN]["considered"] == 1 and out[UNKNOWN]["adverse"] is None
    # top 4 by merit (nulls last): 8 (unknown), 7 (C), 5 (A), 4 (A)
    assert (out["A"]["top_merit"], out["C"]["top_merit"], out[UNKNOWN]["top_merit"]) == (2, 1, 1)
    assert selection_rates(frame.head(0)).height == 0
    with pytest.raises(ValueError, match="kolom tidak ada: merit"):
        selection_rates(frame.drop("merit"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["L", "P", "X"]), st.booleans(), st.one_of(st.none(), st.floats(0, 100))),
        min_size=1,
        max_size=40,
    )
)
def test_selection_rates_agree_with_impact_ratio(rows):
    frame = pl.DataFrame(rows, schema={"group": pl.Utf8, "selected": pl.Boolean, "merit": pl.Float64}, orient="row")
    out = selection_rates(frame)
    ref = out.filter("reference").row(0, named=True)
    assert out["considered"].sum() == len(rows) and out["top_merit"].sum() == sum(1 for r in rows if r[1])
    for row in out.iter_rows(named=True):
        scalar = impact_ratio(row["selected"], row["considered"], ref["selected"], ref["considered"]).value
        assert row["rate"] == scalar["rate"] and row["impact_ratio"] == scalar["ratio"]
        ref_judged = ref["considered"] >= 5
        assert row["adverse"] == (scalar["adverse"] if ref_judged else None)


def test_a_small_difference_is_adverse_but_not_significant_and_a_large_one_is_both():
    # 1 of 10 men vs 0 of 10 women: women's ratio 0 < 4/5, but Fisher p = 1.0 (small numbers).
    small = pl.DataFrame({"group": ["L"] * 10 + ["P"] * 10, "selected": [True] + [False] * 19, "merit": [80.0] * 20})
    rows = {r["group"]: r for r in selection_rates(small).to_dicts()}
    assert rows["P"]["adverse"] is True and rows["P"]["significant"] is False
    assert rows["P"]["p_value"] == pytest.approx(1.0)
    # 30 of 40 men vs 5 of 40 women: ratio 1/6, p far below 0.05.
    big = pl.DataFrame(
        {"group": ["L"] * 40 + ["P"] * 40, "selected": [True] * 30 + [False] * 10 + [True] * 5 + [False] * 35,
         "merit": [80.0] * 80}
    )  # fmt: skip
    rows = {r["group"]: r for r in selection_rates(big).to_dicts()}
    assert rows["P"]["adverse"] is True and rows["P"]["significant"] is True
    assert rows["L"]["reference"] is True and rows["L"]["significant"] is None


def test_significance_is_against_the_reference_and_one_sided():
    # A: 10/20 (reference); B: 9/20 (ratio 0.9, not adverse, not significantly lower);
    # C: 1/20 (ratio 0.1; one-sided Fisher 1/20 vs 10/20: p ≈ 0.0016). B's rate is far ABOVE the rest's
    # average for nothing: significance must not come from being different in the other direction.
    frame = pl.DataFrame(
        {"group": ["A"] * 20 + ["B"] * 20 + ["C"] * 20,
         "selected": [True] * 10 + [False] * 10 + [True] * 9 + [False] * 11 + [True] + [False] * 19,
         "merit": [70.0] * 60}
    )  # fmt: skip
    rows = {r["group"]: r for r in selection_rates(frame).to_dicts()}
    assert rows["B"]["adverse"] is False and rows["B"]["significant"] is False
    assert rows["C"]["adverse"] is True and rows["C"]["significant"] is True
