"""Pangkat ladder, education ceiling and KP reguler (PP 99/2000 jo. PP 12/2002; Peraturan BKN
4/2023, 2/2025, 4/2025; docs/decisions/0012-0016), every cell and boundary worked by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.pangkat import (
    EDUCATION_CEILING,
    PANGKAT_BY_ORDER,
    PANGKAT_ORDER,
    first_period_on_or_after,
    kp_reguler,
    kp_reguler_batch,
    next_kp_date,
)
from simerit.rules.profile import (
    DISCIPLINE_LEVELS,
    RATINGS,
    STATUSES,
    Discipline,
    EmployeeProfile,
    Performance,
    Position,
    profiles_to_frames,
)
from simerit.rules.reference import pangkat_codes

from .strategies import AS_OF_DATES, dates, employee_profiles, optional, profile_lists

GOOD = (Performance(2023, "sesuai", "sesuai"), Performance(2024, "di_atas", "di_atas"))
BASE = EmployeeProfile(
    id="a",
    status="PNS",
    position=Position("pelaksana", "pelaksana"),
    education="S1",
    pangkat="III/b",
    tmt_pangkat=dt.date(2021, 4, 1),
    performance=GOOD,
)
AS_OF = dt.date(2025, 1, 15)  # next period: 1 April 2025 (Peraturan BKN 4/2023), years 2023 and 2024


def test_ladder_has_seventeen_rungs_in_order():
    assert pangkat_codes()[0] == "I/a" and pangkat_codes()[-1] == "IV/e"
    assert [PANGKAT_ORDER[c] for c in pangkat_codes()] == list(range(1, 18))
    assert PANGKAT_BY_ORDER[10] == "III/b"


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (dt.date(2023, 4, 1), dt.date(2023, 4, 1)),  # a period date itself
        (dt.date(2023, 4, 2), dt.date(2023, 10, 1)),  # April/October until 2023
        (dt.date(2023, 10, 2), dt.date(2024, 2, 1)),  # 1 Dec 2023 is no period; Jan 2024 neither (BKN 4/2023)
        (dt.date(2024, 1, 1), dt.date(2024, 2, 1)),
        (dt.date(2024, 2, 2), dt.date(2024, 4, 1)),
        (dt.date(2024, 12, 2), dt.date(2025, 2, 1)),
        (dt.date(2025, 8, 2), dt.date(2025, 10, 1)),
        (dt.date(2025, 9, 1), dt.date(2025, 10, 1)),  # September 2025 still under BKN 4/2023
        (dt.date(2025, 10, 2), dt.date(2025, 11, 1)),  # monthly from 1 Oct 2025 (BKN 4/2025)
        (dt.date(2026, 12, 31), dt.date(2027, 1, 1)),
        (dt.date(2001, 6, 1), dt.date(2002, 4, 1)),  # first version from 2002-03-01
    ],
)
def test_period_dates_follow_the_version_in_force_on_them(at, expected):
    found = first_period_on_or_after(at)
    assert found is not None and found[0] == expected


def test_no_period_rule_before_2002():
    assert first_period_on_or_after(dt.date(2000, 1, 1)) is None


@pytest.mark.parametrize(
    ("tmt", "as_of", "expected"),
    [
        (dt.date(2016, 3, 1), dt.date(2019, 1, 1), dt.date(2020, 4, 1)),  # kerjapns.com example II/a → II/b
        (dt.date(2020, 4, 1), dt.date(2020, 4, 1), dt.date(2024, 4, 1)),  # ... → II/c on 1 Apr 2024
        (dt.date(2021, 10, 1), dt.date(2025, 1, 1), dt.date(2025, 10, 1)),  # exactly 4 years on a period date
        (dt.date(2021, 10, 2), dt.date(2025, 1, 1), dt.date(2025, 11, 1)),  # one day short → next month
        (dt.date(2015, 1, 1), dt.date(2025, 6, 15), dt.date(2025, 8, 1)),  # overdue: next period after as_of
        (dt.date(2020, 2, 29), dt.date(2020, 3, 1), dt.date(2024, 4, 1)),  # leap day + 4 years
    ],
)
def test_next_kp_date(tmt, as_of, expected):
    assert next_kp_date(tmt, as_of).value == expected


def test_next_kp_date_explains_overdue_and_missing():
    overdue = next_kp_date(dt.date(2015, 1, 1), dt.date(2025, 6, 15))
    assert [s.basis for s in overdue.steps] == ["regulation", "decision", "regulation"]
    assert "1 Januari 2019" in overdue.steps[0].text
    missing = next_kp_date(None, AS_OF)
    assert missing.value is None and missing.problems[0].field == "tmt_pangkat"


def test_eligible_case_end_to_end():
    result = kp_reguler(BASE, AS_OF)
    assert result.value == {"eligible": True, "next_date": dt.date(2025, 4, 1), "target": "III/c", "reasons": []}
    assert result.steps[-1].text == "Memenuhi syarat KP reguler"


@pytest.mark.parametrize("status", ["CPNS", "PPPK", None])
def test_only_pns(status):
    value = kp_reguler(replace(BASE, status=status), AS_OF).value
    assert value["eligible"] is False and value["next_date"] is None and value["target"] is None
    assert "hanya untuk PNS" in value["reasons"][0]


@pytest.mark.parametrize(("education", "ceiling"), sorted(EDUCATION_CEILING.items()))
def test_education_ceiling_every_level(education, ceiling):
    below = PANGKAT_BY_ORDER[PANGKAT_ORDER[ceiling] - 1]
    up = kp_reguler(replace(BASE, education=education, pangkat=below), AS_OF).value
    assert up["eligible"] is True and up["target"] == ceiling
    at = kp_reguler(replace(BASE, education=education, pangkat=ceiling), AS_OF).value
    assert at["eligible"] is False and at["target"] is None
    assert any(f"batas pendidikan {education} ({ceiling})" in r for r in at["reasons"])


def test_ceiling_table_matches_regulations_8_2():
    assert EDUCATION_CEILING == {
        "SD": "II/a", "SLTP": "II/c", "SLTA": "III/b", "D1": "III/b", "D2": "III/b", "D3": "III/c",
        "D4": "III/d", "S1": "III/d", "S2": "IV/a", "S3": "IV/b",
    }  # fmt: skip


def test_top_of_the_ladder_and_unknown_pangkat():
    top = kp_reguler(replace(BASE, pangkat="IV/e", education="S3"), AS_OF).value
    assert top["target"] is None and top["eligible"] is False
    unknown = kp_reguler(replace(BASE, pangkat="III/z"), AS_OF).value
    assert unknown["target"] is None and "tidak dikenal" in unknown["reasons"][0]


def test_missing_education_keeps_the_target_but_blocks():
    value = kp_reguler(replace(BASE, education=None), AS_OF).value
    assert value["target"] == "III/c" and value["eligible"] is False
    assert "Pendidikan tertinggi tidak tercatat" in value["reasons"][0]


def test_superior_cap_is_noted_until_19_may_2025_only():
    before = kp_reguler(BASE, AS_OF)  # period 1 Apr 2025: Kepka BKN 12/2002 still in force
    assert any("atasan langsung" in s.text for s in before.steps)
    after = kp_reguler(replace(BASE, tmt_pangkat=dt.date(2021, 6, 1)), AS_OF)  # period 1 Jun 2025
    assert after.value["next_date"] == dt.date(2025, 6, 1)
    assert not any("atasan langsung" in s.text for s in after.steps)
    assert any(s.source == "Peraturan BKN 2/2025" for s in after.steps)


def test_struktural_and_fungsional_get_a_note_on_kp_pilihan():
    result = kp_reguler(replace(BASE, position=Position("fungsional", "ahli_muda")), AS_OF)
    assert result.value["eligible"] is True
    assert "KP pilihan" in result.steps[0].text and result.steps[0].basis == "decision"


@pytest.mark.parametrize(
    ("performance", "eligible", "fragment"),
    [
        ((Performance(2023, "di_atas", "di_atas"), Performance(2024, "di_atas", "di_atas")), True, None),  # SB, SB
        (
            (Performance(2023, "di_bawah", "sesuai"), Performance(2024, "sesuai", "sesuai")),
            False,
            "2023 Butuh Perbaikan",
        ),
        (
            (Performance(2023, "sesuai", "sesuai"), Performance(2024, "sesuai", "di_bawah")),
            False,
            "2024 Kurang/Misconduct",
        ),
        (
            (Performance(2023, "sesuai", "sesuai"), Performance(2024, "di_bawah", "di_bawah")),
            False,
            "2024 Sangat Kurang",
        ),
        ((Performance(2024, "sesuai", "sesuai"),), False, "Tidak ada catatan kinerja tahun 2023"),
        ((), False, "Tidak ada catatan kinerja tahun 2023"),
        ((Performance(2023, nilai=76.0), Performance(2024, "sesuai", "sesuai")), True, None),  # numeric Baik bound
        ((Performance(2023, nilai=75.99), Performance(2024, "sesuai", "sesuai")), False, "2023 Cukup"),
        ((Performance(2023, nilai=91.0), Performance(2024, "sesuai", "sesuai")), True, None),
        # two records in one year: the worst counts (decision 0022 of the skp rules)
        ((*GOOD, Performance(2024, "di_bawah", "sesuai")), False, "2024 Butuh Perbaikan"),
        # years outside the two before the period do not count
        ((Performance(2022, "di_bawah", "di_bawah"), *GOOD, Performance(2025, "di_bawah", "di_bawah")), True, None),
    ],
)
def test_performance_in_each_of_the_last_two_years(performance, eligible, fragment):
    value = kp_reguler(replace(BASE, performance=performance), AS_OF).value
    assert value["eligible"] is eligible
    if fragment:
        assert any(fragment in r for r in value["reasons"]), value["reasons"]


@pytest.mark.parametrize(
    ("level", "decided", "blocks"),
    [
        ("ringan", dt.date(2025, 3, 31), False),  # a reprimand does not block (0 months)
        ("sedang", dt.date(2025, 3, 31), True),
        ("sedang", dt.date(2024, 4, 2), True),  # ends 2 Apr 2025, after the period
        ("sedang", dt.date(2024, 4, 1), False),  # ends exactly on the period date
        ("berat", dt.date(2024, 6, 1), True),
        ("berat", dt.date(2023, 4, 1), False),
        ("berat", dt.date(2025, 4, 2), False),  # decided after the period date
        ("berat", None, False),  # no decision date: cannot be placed
    ],
)
def test_sanction_running_on_the_period_date(level, decided, blocks):
    value = kp_reguler(replace(BASE, discipline=(Discipline(level, decided),)), AS_OF).value
    assert value["eligible"] is (not blocks)
    assert any("masih berjalan" in r for r in value["reasons"]) is blocks


def test_batch_hand_cases():
    profiles = [
        BASE,
        replace(BASE, id="b", status="CPNS"),
        replace(BASE, id="c", pangkat="III/d"),
        replace(BASE, id="d", discipline=(Discipline("berat", dt.date(2024, 6, 1)),)),
        replace(BASE, id="e", tmt_pangkat=None, education=None),
    ]
    out = kp_reguler_batch(profiles_to_frames(profiles), AS_OF)
    assert out.schema == {"id": pl.Utf8, "kp_eligible": pl.Boolean, "kp_next_date": pl.Date, "kp_target": pl.Utf8}
    assert out.rows() == [
        ("a", True, dt.date(2025, 4, 1), "III/c"),
        ("b", False, None, None),
        ("c", False, dt.date(2025, 4, 1), None),
        ("d", False, dt.date(2025, 4, 1), "III/c"),
        ("e", False, None, "III/c"),
    ]


@st.composite
def kp_profiles(draw, as_of: dt.date, ident: str) -> EmployeeProfile:
    """Profiles near a KP period: TMT pangkat about 4 years back, ratings in the years that count,
    sanctions around the period, every education level and pangkat."""
    base = draw(employee_profiles(ident=ident))
    lo, hi = dt.date(as_of.year - 6, 1, 1), dt.date(as_of.year - 3, 12, 31)
    year = st.integers(as_of.year - 3, as_of.year + 1)
    perf = st.one_of(
        st.builds(Performance, year, st.sampled_from(RATINGS), st.sampled_from(RATINGS)),
        st.builds(Performance, year, st.none(), st.none(), st.sampled_from((75.99, 76.0, 90.5, 91.0, 50.0))),
    )
    near = dates(dt.date(as_of.year - 2, 1, 1), dt.date(as_of.year + 1, 12, 31))
    return replace(
        base,
        status=draw(st.sampled_from((*STATUSES, "PNS", "PNS", None))),
        tmt_pangkat=draw(optional(dates(lo, hi))),
        performance=tuple(draw(st.lists(perf, max_size=6))),
        discipline=tuple(draw(st.lists(st.builds(Discipline, st.sampled_from(DISCIPLINE_LEVELS), optional(near)), max_size=2))),
    )  # fmt: skip


@st.composite
def kp_profile_lists(draw):
    as_of = draw(AS_OF_DATES)
    n = draw(st.integers(0, 15))
    profiles = [draw(st.one_of(kp_profiles(as_of, f"k{i}"), employee_profiles(ident=f"k{i}"))) for i in range(n)]
    return as_of, profiles


def _agree(profiles, as_of):
    batch = kp_reguler_batch(profiles_to_frames(profiles), as_of).rows()
    scalar = []
    for p in profiles:
        v = kp_reguler(p, as_of).value
        scalar.append((p.id, v["eligible"], v["next_date"], v["target"]))
    assert batch == scalar


@settings(max_examples=200, deadline=None)
@given(kp_profile_lists())
def test_scalar_and_batch_agree_near_periods(case):
    as_of, profiles = case
    _agree(profiles, as_of)


@settings(max_examples=200, deadline=None)
@given(profile_lists(), AS_OF_DATES)
def test_scalar_and_batch_agree_on_any_profile(profiles, as_of):
    _agree(profiles, as_of)
