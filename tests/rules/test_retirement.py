"""BUP and TMT pensiun (PP 11/2017 Pasal 239-240; docs/decisions/0010, 0011), worked by hand."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings

from simerit.rules.profile import EmployeeProfile, Position, profiles_to_frames
from simerit.rules.retirement import bup, retirement, retirement_batch, retiring_between, tmt_pensiun

from .strategies import AS_OF_DATES, profile_lists

AS_OF = dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("level", "expected", "clause"),
    [
        ("administrator", 58, "huruf a"),
        ("pengawas", 58, "huruf a"),
        ("pelaksana", 58, "huruf a"),
        ("ahli_pertama", 58, "huruf a"),
        ("ahli_muda", 58, "huruf a"),
        ("pemula", 58, "huruf a"),
        ("terampil", 58, "huruf a"),
        ("mahir", 58, "huruf a"),
        ("penyelia", 58, "huruf a"),
        ("jpt_utama", 60, "huruf b"),
        ("jpt_madya", 60, "huruf b"),
        ("jpt_pratama", 60, "huruf b"),
        ("ahli_madya", 60, "huruf b"),
        ("ahli_utama", 65, "huruf c"),
    ],
)
def test_bup_by_level_cites_the_clause(level, expected, clause):
    result = bup(Position(level=level), AS_OF)
    assert result.value == expected
    assert result.problems == []
    assert result.steps[0].source == f"PP 11/2017 Pasal 239 ayat (2) {clause}"
    assert f"BUP {expected}" in result.steps[0].text


def test_position_bup_overrides_the_level_per_pasal_240():
    result = bup(Position(kind="fungsional", level="ahli_madya", bup=65), AS_OF)
    assert result.value == 65
    assert result.steps[0].source == "PP 11/2017 Pasal 240"


@pytest.mark.parametrize(("level", "fragment"), [(None, "tidak tercatat"), ("eselon_ii", "tidak dikenal")])
def test_missing_or_unknown_level_gives_none_with_a_reason(level, fragment):
    result = bup(Position(level=level), AS_OF)
    assert result.value is None
    assert result.problems[0].field == "position.level"
    assert fragment in result.problems[0].message


def test_no_bup_rule_before_pp_11_2017():
    result = bup(Position(level="pengawas"), dt.date(2017, 4, 6))
    assert result.value is None
    assert "Tidak ada aturan BUP" in result.problems[0].message
    assert bup(Position(level="pengawas"), dt.date(2017, 4, 7)).value == 58


@pytest.mark.parametrize(
    ("birth", "age", "expected"),
    [
        (dt.date(1967, 3, 15), 58, dt.date(2025, 4, 1)),  # decisions.md example
        (dt.date(1967, 12, 1), 58, dt.date(2026, 1, 1)),  # decisions.md example: December, on the 1st
        (dt.date(1967, 12, 31), 58, dt.date(2026, 1, 1)),  # December rolls into January of the next year
        (dt.date(1967, 4, 1), 58, dt.date(2025, 5, 1)),  # birthday on the 1st: same formula (decision 0010)
        (dt.date(1965, 1, 31), 60, dt.date(2025, 2, 1)),
        (dt.date(1960, 11, 30), 65, dt.date(2025, 12, 1)),
        (dt.date(1964, 2, 29), 60, dt.date(2024, 3, 1)),  # leap day
    ],
)
def test_tmt_pensiun_is_the_first_of_the_next_month(birth, age, expected):
    assert tmt_pensiun(birth, age) == expected


def test_retirement_of_a_pns_explains_each_step():
    profile = EmployeeProfile(
        id="a", status="PNS", birth_date=dt.date(1967, 3, 15), position=Position("struktural", "pengawas")
    )
    result = retirement(profile, AS_OF)
    assert result.value == {"bup": 58, "tmt_pensiun": dt.date(2025, 4, 1)}
    lines = [s.render() for s in result.steps]
    assert lines == [
        "Jabatan pengawas → BUP 58 [PP 11/2017 Pasal 239 ayat (2) huruf a]",
        "Lahir 15 Maret 1967 (data kepegawaian) → usia 58 tahun tercapai pada bulan Maret 2025 → TMT pensiun "
        "1 April 2025 (tanggal 1 bulan berikutnya) [decision: docs/decisions/0010-tmt-pensiun.md]",
    ]


def test_pppk_uses_the_bup_of_the_jabatan_and_says_so():
    profile = EmployeeProfile(
        id="p", status="PPPK", birth_date=dt.date(1990, 12, 1), position=Position("fungsional", "ahli_pertama")
    )
    result = retirement(profile, AS_OF)
    assert result.value == {"bup": 58, "tmt_pensiun": dt.date(2049, 1, 1)}
    assert result.steps[0].basis == "decision"
    assert "PPPK" in result.steps[0].text


def test_birth_date_comes_from_the_record_and_a_nip_mismatch_is_a_warning():
    profile = EmployeeProfile(
        id="n",
        nip="196703152015051001",  # NIP says 15 March 1967
        status="PNS",
        birth_date=dt.date(1967, 2, 10),
        position=Position(level="pelaksana"),
    )
    result = retirement(profile, AS_OF)
    assert result.value == {"bup": 58, "tmt_pensiun": dt.date(2025, 3, 1)}
    assert result.problems == []
    assert any("Peringatan mutu data" in s.text and "15 Maret 1967" in s.text for s in result.steps)


def test_missing_birth_date_keeps_the_bup_and_never_reads_the_nip():
    profile = EmployeeProfile(id="x", nip="196703152015051001", position=Position(level="jpt_pratama"))
    result = retirement(profile, AS_OF)
    assert result.value == {"bup": 60, "tmt_pensiun": None}
    assert result.problems[0].field == "birth_date"


def test_unknown_position_gives_no_value():
    result = retirement(EmployeeProfile(id="y", birth_date=dt.date(1970, 1, 1)), AS_OF)
    assert result.value is None
    assert result.problems


def test_batch_hand_cases_and_forecast_window():
    profiles = [
        EmployeeProfile(id="a", birth_date=dt.date(1967, 3, 15), position=Position(level="pengawas")),
        EmployeeProfile(id="b", birth_date=dt.date(1967, 12, 1), position=Position(level="ahli_madya", bup=65)),
        EmployeeProfile(id="c", birth_date=None, position=Position(level="ahli_utama")),
        EmployeeProfile(id="d", birth_date=dt.date(1980, 1, 1), position=Position(level=None)),
    ]
    out = retirement_batch(profiles_to_frames(profiles).employees, AS_OF)
    assert out.schema == {"id": pl.Utf8, "bup": pl.Int16, "tmt_pensiun": pl.Date}
    assert out.rows() == [
        ("a", 58, dt.date(2025, 4, 1)),
        ("b", 65, dt.date(2033, 1, 1)),
        ("c", 65, None),
        ("d", None, None),
    ]
    assert retiring_between(out, dt.date(2025, 1, 1), dt.date(2025, 12, 31))["id"].to_list() == ["a"]


@settings(max_examples=200, deadline=None)
@given(profile_lists(), AS_OF_DATES)
def test_scalar_and_batch_agree(profiles, as_of):
    batch = retirement_batch(profiles_to_frames(profiles).employees, as_of).rows()
    scalar = []
    for p in profiles:
        value = retirement(p, as_of).value
        scalar.append((p.id, value["bup"], value["tmt_pensiun"]) if value else (p.id, None, None))
    assert batch == scalar
