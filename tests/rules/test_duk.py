"""DUK order (PP 15/1979 jo. SE BAKN; docs/decisions/0017, 0018): every criterion breaking a tie."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.duk import duk_explain, duk_key, duk_order, duk_rank_batch, months_between
from simerit.rules.profile import EmployeeProfile, Position, Training, profiles_to_frames

from .strategies import AS_OF_DATES, profile_lists

AS_OF = dt.date(2025, 12, 31)
BASE = EmployeeProfile(
    id="base",
    nip="197501012000031001",
    birth_date=dt.date(1975, 1, 1),
    status="PNS",
    position=Position("struktural", "pengawas"),
    education="S1",
    trainings=(Training("kepemimpinan", dt.date(2015, 6, 1), name="PKP"),),
    pangkat="III/d",
    tmt_pangkat=dt.date(2020, 4, 1),
    tmt_cpns=dt.date(2000, 3, 1),
    tmt_jabatan=dt.date(2019, 1, 2),
    education_year=1998,
    masa_kerja_months=300,
)


def pair(**senior_changes) -> list[EmployeeProfile]:
    """(junior, senior): the senior differs from the junior only in the given fields."""
    junior = replace(BASE, id="junior", nip="197501012000031002")
    senior = replace(BASE, id="senior", nip="197501012000031003", **senior_changes)
    return [junior, senior]


@pytest.mark.parametrize(
    ("criterion", "changes"),
    [
        ("1 pangkat lebih tinggi", {"pangkat": "IV/a"}),
        ("1 TMT pangkat lebih awal", {"tmt_pangkat": dt.date(2019, 10, 1)}),
        ("2 jabatan lebih tinggi", {"position": Position("struktural", "administrator")}),
        ("2 TMT jabatan lebih awal", {"tmt_jabatan": dt.date(2019, 1, 1)}),
        ("3 masa kerja lebih lama", {"masa_kerja_months": 301}),
        ("4 latihan lebih tinggi", {"trainings": (Training("kepemimpinan", dt.date(2024, 1, 1), name="PKA"),)}),
        ("4 latihan lebih awal", {"trainings": (Training("kepemimpinan", dt.date(2015, 5, 31), name="Diklatpim IV"),)}),
        ("5 pendidikan lebih tinggi", {"education": "S2", "education_year": 2010}),
        ("5 lulus lebih awal", {"education_year": 1997}),
        ("6 usia lebih tua", {"birth_date": dt.date(1974, 12, 31)}),
    ],
)
def test_each_criterion_breaks_a_tie_of_the_earlier_ones(criterion, changes):
    profiles = pair(**changes)
    assert duk_order(profiles, AS_OF) == ["senior", "junior"], criterion
    ranks = dict(duk_rank_batch(profiles_to_frames(profiles), AS_OF).rows())
    assert ranks == {"senior": 1, "junior": 2}


def test_full_tie_keeps_nip_order():
    profiles = pair()
    assert duk_order(profiles, AS_OF) == ["junior", "senior"]  # ...002 before ...003
    assert duk_order(list(reversed(profiles)), AS_OF) == ["junior", "senior"]


def test_an_earlier_criterion_wins_over_all_later_ones():
    # Higher pangkat but worse on every later criterion still comes first.
    senior = replace(BASE, id="s", pangkat="IV/a", position=Position("pelaksana", "pelaksana"), tmt_jabatan=None,
                     masa_kerja_months=10, trainings=(), education="SLTA", birth_date=dt.date(1999, 1, 1))  # fmt: skip
    assert duk_order([BASE, senior], AS_OF) == ["s", "base"]


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        ("jpt_utama", "jpt_madya"),
        ("jpt_madya", "jpt_pratama"),
        ("ahli_utama", "jpt_pratama"),
        ("jpt_pratama", "administrator"),
        ("jpt_pratama", "ahli_madya"),
        ("administrator", "pengawas"),
        ("ahli_madya", "ahli_muda"),
        ("pengawas", "ahli_pertama"),
        ("ahli_muda", "ahli_pertama"),
        ("ahli_pertama", "penyelia"),
        ("penyelia", "mahir"),
        ("mahir", "terampil"),
        ("terampil", "pemula"),
        ("pemula", "pelaksana"),
    ],
)
def test_jabatan_rank(higher, lower):
    profiles = [
        replace(BASE, id="low", position=Position(level=lower)),
        replace(BASE, id="high", position=Position(level=higher)),
    ]
    assert duk_order(profiles, AS_OF) == ["high", "low"]


@pytest.mark.parametrize(
    ("a", "b"), [("jpt_madya", "ahli_utama"), ("administrator", "ahli_madya"), ("pengawas", "ahli_muda")]
)
def test_penyetaraan_levels_tie_and_fall_to_tmt_jabatan(a, b):
    first = replace(BASE, id="first", position=Position(level=b), tmt_jabatan=dt.date(2018, 1, 1))
    second = replace(BASE, id="second", position=Position(level=a))
    assert duk_order([second, first], AS_OF) == ["first", "second"]


@pytest.mark.parametrize(
    ("pkn", "diklatpim"),
    [("PKN I", "Diklatpim I"), ("PKN II", "Diklatpim II"), ("PKA", "Diklatpim III"), ("PKP", "Diklatpim IV")],
)
def test_new_and_old_leadership_training_names_are_equal(pkn, diklatpim):
    old = replace(BASE, id="old", trainings=(Training("kepemimpinan", dt.date(2010, 1, 1), name=diklatpim),))
    new = replace(BASE, id="new", trainings=(Training("kepemimpinan", dt.date(2020, 1, 1), name=pkn),))
    assert duk_order([new, old], AS_OF) == ["old", "new"]  # same level: earlier completion first


def test_training_after_as_of_or_of_another_kind_does_not_count():
    late = replace(BASE, id="late", trainings=(Training("kepemimpinan", dt.date(2026, 1, 1), name="PKN I"),))
    tech = replace(BASE, id="tech", trainings=(Training("teknis", dt.date(2010, 1, 1), jp=40, name="PKN I"),))
    none = replace(BASE, id="none", trainings=())
    assert duk_order([late, tech, none], AS_OF) == ["late", "none", "tech"]  # all without training: by NIP
    assert duk_key(late, AS_OF)[5:7] == (0, dt.date(9999, 12, 31))


def test_d4_and_s1_share_a_rank():
    d4 = replace(BASE, id="d4", education="D4", education_year=1996)
    s1 = replace(BASE, id="s1", education="S1", education_year=1998)
    assert duk_order([s1, d4], AS_OF) == ["d4", "s1"]


def test_masa_kerja_from_tmt_cpns_when_not_given():
    assert months_between(dt.date(2000, 3, 1), AS_OF) == 309
    assert months_between(dt.date(2000, 3, 31), dt.date(2000, 4, 30)) == 0
    assert months_between(dt.date(2026, 1, 1), AS_OF) == 0
    given_ = replace(BASE, id="given", masa_kerja_months=309)
    derived = replace(BASE, id="derived", masa_kerja_months=None, tmt_cpns=dt.date(2000, 3, 1))
    assert duk_key(given_, AS_OF)[4] == duk_key(derived, AS_OF)[4] == -309


def test_missing_values_sort_last():
    empty = EmployeeProfile(id="empty")
    assert duk_order([empty, BASE], AS_OF) == ["base", "empty"]
    no_tmt = replace(BASE, id="no_tmt", tmt_pangkat=None)
    assert duk_order([no_tmt, BASE], AS_OF) == ["base", "no_tmt"]
    no_nip = replace(BASE, id="a_no_nip", nip=None)
    assert duk_order([no_nip, BASE], AS_OF) == ["base", "a_no_nip"]


def test_explanation_names_every_criterion():
    result = duk_explain(BASE, AS_OF)
    assert result.value == duk_key(BASE, AS_OF)
    texts = [s.text for s in result.steps]
    assert texts == [
        "1. Pangkat: III/d (urutan 12 dari 17), TMT 1 April 2020",
        "2. Jabatan: pengawas (peringkat 6), TMT jabatan 2 Januari 2019",
        "3. Masa kerja: 25 tahun 0 bulan (data masa kerja)",
        "4. Latihan jabatan: PKP (peringkat 1), selesai 1 Juni 2015",
        "5. Pendidikan: S1 (peringkat 7), lulus 1998",
        "6. Usia: lahir 1 Januari 1975",
        "Bila semua sama: NIP 197501012000031001 (urutan naik)",
    ]
    assert [s.basis for s in result.steps] == [
        "regulation",
        "decision",
        "regulation",
        "decision",
        "regulation",
        "regulation",
        "decision",
    ]
    empty = duk_explain(EmployeeProfile(id="e"), AS_OF)
    assert "tidak tercatat" in empty.steps[0].text and "tidak ada latihan" in empty.steps[3].text


def test_batch_ranks_within_groups():
    profiles = [
        replace(BASE, id="a1", pangkat="III/a"),
        replace(BASE, id="b1", pangkat="IV/a"),
        replace(BASE, id="a2", pangkat="IV/b"),
        replace(BASE, id="b2", pangkat="III/c"),
    ]
    frames = profiles_to_frames(profiles)
    frames = replace(frames, employees=frames.employees.with_columns(pl.Series("opd", ["A", "B", "A", "B"])))
    out = duk_rank_batch(frames, AS_OF, group_by="opd")
    assert out.schema == {"id": pl.Utf8, "duk_rank": pl.UInt32}
    assert dict(out.rows()) == {"a2": 1, "a1": 2, "b1": 1, "b2": 2}
    assert duk_rank_batch(frames, AS_OF).rows() == [("a2", 1), ("b1", 2), ("b2", 3), ("a1", 4)]


@settings(max_examples=200, deadline=None)
@given(profile_lists(), AS_OF_DATES)
def test_scalar_order_equals_batch_order(profiles, as_of):
    out = duk_rank_batch(profiles_to_frames(profiles), as_of)
    assert out["id"].to_list() == duk_order(profiles, as_of)
    assert out["duk_rank"].to_list() == list(range(1, len(profiles) + 1))


@settings(max_examples=200, deadline=None)
@given(profile_lists(), AS_OF_DATES, st.data())
def test_scalar_and_batch_agree_within_groups(profiles, as_of, data):
    groups = [data.draw(st.sampled_from("XY")) for _ in profiles]
    frames = profiles_to_frames(profiles)
    frames = replace(frames, employees=frames.employees.with_columns(pl.Series("opd", groups, dtype=pl.Utf8)))
    ranks = dict(duk_rank_batch(frames, as_of, group_by="opd").rows())
    aligned = duk_rank_batch(frames, as_of, group_by="opd", employee_order=True)
    assert aligned.rows() == [(p.id, ranks[p.id]) for p in profiles]  # same ranks, rows in employee order
    for g in "XY":
        members = [p for p, pg in zip(profiles, groups, strict=True) if pg == g]
        assert [ranks[p.id] for p in members] == [duk_order(members, as_of).index(p.id) + 1 for p in members]
