"""Career compass (docs/decisions/0071): a hand-worked employee, the JPM points formula, and
scalar == batch on random profiles. Eligibility is injected as a small stand-in here (its own
rules are tested in tests/rules/test_eligibility.py); one test runs the real module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from types import SimpleNamespace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules._explain import Explained, Step
from simerit.rules.compass import compass, compass_batch, completed_years, points_needed
from simerit.rules.competency import percent_of
from simerit.rules.profile import EmployeeProfile, Performance, Position, Training, profiles_to_frames

from .strategies import SPECIAL_DATES, profile_lists

AS_OF = dt.date(2025, 12, 31)
RULES = {"ahli_muda": SimpleNamespace(label="Ahli Muda", min_years_pangkat=2)}


def _stub_reasons(birth: dt.date | None, level: str) -> list[str]:
    n = (birth.year % 3 if birth else 1) + len(level) % 2
    return [f"syarat {i}" for i in range(n)]


def stub_eligible(profile: EmployeeProfile, level: str, as_of: dt.date, *, rule=None) -> Explained:
    reasons = _stub_reasons(profile.birth_date, level)
    return Explained({"eligible": not reasons, "reasons": reasons}, [Step("stub")])


def stub_eligible_batch(frames, level: str, as_of: dt.date, *, rule=None) -> pl.DataFrame:
    rows = [(r["id"], _stub_reasons(r["birth_date"], level)) for r in frames.employees.iter_rows(named=True)]
    return pl.DataFrame(
        {"id": [r[0] for r in rows], "eligible": [not r[1] for r in rows], "reasons": [r[1] for r in rows]},
        schema={"id": pl.Utf8, "eligible": pl.Boolean, "reasons": pl.List(pl.Utf8)},
    )


def worked_profile() -> EmployeeProfile:
    return EmployeeProfile(
        id="1",
        birth_date=dt.date(1990, 5, 5),  # stub: 1990 % 3 = 1 reason + len("ahli_muda") % 2 = 1 -> 2 unmet
        status="PNS",
        position=Position(kind="fungsional", level="ahli_pertama"),
        pangkat="III/b",
        tmt_pangkat=dt.date(2024, 4, 1),
        trainings=(
            Training("teknis", dt.date(2025, 6, 1), jp=12),
            Training("teknis", dt.date(2024, 12, 31), jp=5),  # the window starts after 31-12-2024
        ),
        performance=(Performance(2024, hasil_kerja="sesuai", perilaku_kerja="sesuai"),),  # Baik
        competency_standard={"A": 3, "B": 3, "C": 4},
        competency_actual={"A": 3, "B": 2, "C": 3},  # 8 / 10 = 80% -> potensial menengah
    )


def test_worked_example():
    value = compass(
        worked_profile(), AS_OF, assessment_date=dt.date(2023, 6, 30), eligible=stub_eligible, level_rules=RULES
    ).value
    assert value["box"] == 5  # Baik (sesuai) x menengah
    assert (value["kinerja_target_box"], value["predikat_needed"]) == (7, "Sangat Baik")
    assert (value["potensial_target_box"], value["jpm_needed"]) == (8, 90.0)
    assert value["jpm_points_short"] == 1  # 90% of 10 needs 9 levels, 8 reached
    assert value["gaps"] == [("B", 2, 3, 1), ("C", 3, 4, 1)]
    assert value["assessment_due"] is True  # 30-06-2023 is more than 24 months before 31-12-2025
    assert (value["training_jp"], value["training_jp_short"]) == (12, 8)
    assert value["missing_performance_years"] == [2025]
    assert value["levels"] == [
        {"level": "ahli_muda", "label": "Ahli Muda", "unmet": ["syarat 0", "syarat 1"], "pangkat_years_short": 1}
    ]
    assert (value["next_level"], value["unmet"]) == ("ahli_muda", 2)


def test_assessment_within_24_months_is_not_due_and_none_at_all_is():
    p = worked_profile()
    assert not compass(p, AS_OF, assessment_date=dt.date(2024, 1, 1), eligible=stub_eligible,
                       level_rules=RULES).value["assessment_due"]  # fmt: skip
    bare = replace(p, competency_actual=None)
    result = compass(bare, AS_OF, eligible=stub_eligible, level_rules=RULES)
    assert result.value["assessment_due"] and result.value["box"] is None
    assert any("asesmen perlu dilakukan" in s.text for s in result.steps)


def test_box_nine_has_no_next_box_and_top_level_has_no_next_level():
    p = replace(
        worked_profile(),
        performance=(Performance(2025, hasil_kerja="di_atas", perilaku_kerja="di_atas"),),
        competency_actual={"A": 3, "B": 3, "C": 4},
        position=Position(kind="struktural", level="jpt_pratama"),
    )
    value = compass(p, AS_OF, eligible=stub_eligible, level_rules=RULES).value
    assert value["box"] == 9 and value["kinerja_target_box"] is None and value["potensial_target_box"] is None
    assert value["levels"] == [] and value["next_level"] is None


def test_pelaksana_has_three_ways_and_the_closest_is_named():
    p = replace(worked_profile(), position=Position(kind="pelaksana", level="pelaksana"))
    value = compass(p, AS_OF, eligible=stub_eligible, level_rules={}).value
    assert [x["level"] for x in value["levels"]] == ["pengawas", "ahli_pertama", "terampil"]
    # stub: 1 + len % 2 -> 1 each (8, 12, 8 letters): a tie goes to the first of the ladder
    assert [len(x["unmet"]) for x in value["levels"]] == [1, 1, 1]
    assert (value["next_level"], value["unmet"]) == ("pengawas", 1)


@pytest.mark.parametrize("total", [1, 3, 7, 10, 13, 24, 40])
@pytest.mark.parametrize("threshold", [78.0, 90.0, 80.0, 68.0])
def test_points_needed_is_the_smallest_reaching_the_threshold(total, threshold):
    need = points_needed(total, threshold)
    assert percent_of(need, total) >= threshold
    assert need == 0 or percent_of(need - 1, total) < threshold


def test_completed_years():
    assert completed_years(dt.date(2025, 12, 31), 2) == [2024, 2025]
    assert completed_years(dt.date(2025, 12, 30), 2) == [2023, 2024]


@dataclass
class _Dates:
    dates: dict[str, dt.date | None]


@settings(max_examples=60, deadline=None)
@given(profile_lists(max_size=10), st.sampled_from(SPECIAL_DATES), st.data())
def test_scalar_equals_batch(profiles, as_of, data):
    dates = {p.id: data.draw(st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))))
             for p in profiles}  # fmt: skip
    frames = profiles_to_frames(profiles)
    adates = pl.DataFrame({"id": list(dates), "assessment_date": list(dates.values())},
                          schema={"id": pl.Utf8, "assessment_date": pl.Date})  # fmt: skip
    batch = compass_batch(frames, as_of, assessment_dates=adates, eligible_batch=stub_eligible_batch)
    assert batch["id"].to_list() == [p.id for p in profiles]
    for row, p in zip(batch.iter_rows(named=True), profiles, strict=True):
        v = compass(p, as_of, assessment_date=dates[p.id], eligible=stub_eligible, level_rules={}).value
        for key in ("box", "kinerja_target_box", "predikat_needed", "potensial_target_box", "jpm_needed",
                    "jpm_points_short", "assessment_due", "training_jp", "training_jp_short",
                    "missing_performance_years", "next_level", "unmet"):  # fmt: skip
            assert row[key] == v[key], (key, p)


def test_with_the_real_eligibility_rules():
    value = compass(worked_profile(), AS_OF, assessment_date=dt.date(2025, 1, 1)).value
    (level,) = value["levels"]
    assert level["level"] == "ahli_muda" and level["unmet"]  # III/b since 2024 is short of Ahli Muda
    assert value["unmet"] == len(level["unmet"])


@settings(max_examples=25, deadline=None)
@given(profile_lists(max_size=8), st.sampled_from(SPECIAL_DATES))
def test_scalar_equals_batch_with_the_real_eligibility_rules(profiles, as_of):
    batch = compass_batch(profiles_to_frames(profiles), as_of)
    for row, p in zip(batch.iter_rows(named=True), profiles, strict=True):
        v = compass(p, as_of).value
        assert (row["next_level"], row["unmet"]) == (v["next_level"], v["unmet"]), p
