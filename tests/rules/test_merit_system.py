"""Merit-system self-assessment (PP 11/2017 Pasal 134(2); KASN categories, regulations.md §5.2;
docs/decisions/0090): hand-worked scores, every category boundary, unanswered indicators and
scalar == batch."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules import merit_system as ms
from simerit.rules._versions import NoVersionInForce

INS = ms.instrument_for(dt.date(2025, 12, 31))
CODES = [i.code for i in INS.indicators]


def _all(level: int) -> dict[str, int]:
    return dict.fromkeys(CODES, level)


def test_instrument_is_versioned_data_with_eight_aspects_and_weights_400():
    assert [a.weight for a in INS.aspects] == [24, 24, 80, 40, 80, 60, 16, 76]
    assert [a.name for a in INS.aspects][0] == "Perencanaan kebutuhan"
    assert all(2 <= len(a.indicators) <= 6 for a in INS.aspects)
    assert all(len(i.levels) == 4 for i in INS.indicators)
    assert not INS.official and "bukan instrumen resmi" in INS.notice
    assert ms.instrument_version(INS.version) is INS
    with pytest.raises(NoVersionInForce):
        ms.instrument_for(dt.date(2018, 12, 31))


def test_all_one_is_100_and_all_four_is_400():
    low, high = ms.score(_all(1), INS), ms.score(_all(4), INS)
    assert (low.value["total"], low.value["category"]) == (100.0, "I")
    assert (high.value["total"], high.value["category"], high.value["category_label"]) == (400.0, "IV", "Sangat Baik")
    assert low.ok and high.ok
    assert len(low.steps) == len(INS.aspects) + 1  # one line per aspect, then the category


def test_worked_mixed_example():
    # Aspect 1 (24, 3 indicators): 1.1=4, 1.2=2, 1.3=3 → 24 × 9/3 / 4 = 18
    # Aspect 2 (24, 2): 1, 2 → 24 × 3/2 / 4 = 9
    # Aspect 3 (80, 4): 3,3,3,3 → 60
    # Aspect 4 (40, 3): 4,4,1 → 40 × 9/3 / 4 = 30
    # Aspect 5 (80, 3): 2,2,2 → 40
    # Aspect 6 (60, 3): 4,3,3 → 60 × 10/3 / 4 = 50
    # Aspect 7 (16, 2): 1,1 → 4
    # Aspect 8 (76, 3): 3,2,2 → 76 × 7/3 / 4 = 44.333… → 44.33
    # Total = 18 + 9 + 60 + 30 + 40 + 50 + 4 + 44.33 = 255.33 → III Baik
    levels = [4, 2, 3, 1, 2, 3, 3, 3, 3, 4, 4, 1, 2, 2, 2, 4, 3, 3, 1, 1, 3, 2, 2]
    answers = dict(zip(CODES, levels, strict=True))
    r = ms.score(answers, INS)
    assert [a["score"] for a in r.value["aspects"]] == [18, 9, 60, 30, 40, 50, 4, 44.33]
    assert r.value["total"] == 255.33
    assert (r.value["category"], r.value["category_label"]) == ("III", "Baik")
    assert "bobot 76 × rata-rata level (7/3) / 4 = 44,33" in r.steps[7].text
    # Prioritas perbaikan: below level 3, by the points reaching 3 would add.
    # 5.1–5.3 at 2: 80 × 1 / (4×3) = 6.67 each; 8.2, 8.3 at 2: 76/12 = 6.33; 4.3 at 1: 40 × 2 / 12 = 6.67;
    # 2.1 at 1: 24 × 2 / 8 = 6; 7.1, 7.2 at 1: 16 × 2 / 8 = 4; 2.2 at 2: 24/8 = 3; 1.2 at 2: 24/12 = 2.
    prio = ms.improvement_priorities(answers, INS)
    assert [(p["code"], p["gain"]) for p in prio] == [
        ("4.3", 6.67), ("5.1", 6.67), ("5.2", 6.67), ("5.3", 6.67), ("8.2", 6.33), ("8.3", 6.33),
        ("2.1", 6.0), ("7.1", 4.0), ("7.2", 4.0), ("2.2", 3.0), ("1.2", 2.0),
    ]


@pytest.mark.parametrize(
    ("total", "code"),
    [(100, "I"), (174.99, "I"), (175, "II"), (249.99, "II"), (250, "III"), (324.99, "III"), (325, "IV"), (400, "IV")],
)
def test_category_boundaries(total, code):
    assert ms.category(total)[0] == code


def test_unanswered_indicators_are_listed_and_block_finalising():
    answers = _all(4)
    answers.pop("3.2")
    answers["8.1"] = None
    r = ms.score(answers, INS)
    assert not r.ok
    assert r.value["unanswered"] == ["3.2", "8.1"]
    assert [p.field for p in r.problems] == ["3.2", "8.1"]
    assert "Indikator 3.2" in r.problems[0].message and "belum diisi" in r.problems[0].message
    # Aspect 3 scores from its 3 answered indicators: 80 × 12/3 / 4 = 80; the total is still 400.
    assert r.value["total"] == 400.0


def test_invalid_level_and_unknown_indicator():
    r = ms.score({**_all(2), "1.1": 5}, INS)
    assert any("level harus 1 sampai 4" in p.message for p in r.problems)
    with pytest.raises(ValueError, match="tidak dikenal"):
        ms.score({"9.9": 1}, INS)


@pytest.mark.parametrize(
    ("percent", "level"), [(None, None), (0, 1), (24.9, 1), (25, 2), (49.9, 2), (50, 3), (74.9, 3), (75, 4), (100, 4)]
)
def test_level_from_share(percent, level):
    assert ms.level_from_share(percent, INS.thresholds) == level


def _frame(assessments: dict[str, dict[str, int | None]]) -> pl.DataFrame:
    rows = [(a, c, lv) for a, answers in assessments.items() for c, lv in answers.items()]
    return pl.DataFrame(rows, schema={"assessment": pl.Utf8, "indicator": pl.Utf8, "level": pl.Int64}, orient="row")


def test_batch_worked_values():
    out = ms.score_batch(_frame({"a": _all(1), "b": _all(4)}), INS)
    assert out["total"].to_list() == [100.0, 400.0] and out["category"].to_list() == ["I", "IV"]


answer_sets = st.dictionaries(
    st.sampled_from(CODES), st.one_of(st.none(), st.integers(min_value=1, max_value=4)), min_size=1
)


@settings(max_examples=150, deadline=None)
@given(st.lists(answer_sets, min_size=1, max_size=6))
def test_scalar_and_batch_agree(sets):
    assessments = {f"inst-{n}": answers for n, answers in enumerate(sets)}
    batch = {r["assessment"]: r for r in ms.score_batch(_frame(assessments), INS).iter_rows(named=True)}
    for key, answers in assessments.items():
        scalar = ms.score(answers, INS).value
        row = batch[key]
        assert row["total_hundredths"] == scalar["total_hundredths"]
        assert row["total"] == scalar["total"]
        assert (row["category"], row["category_label"]) == (scalar["category"], scalar["category_label"])
        assert row["unanswered"] == len(scalar["unanswered"])
