"""Eligibility per target level (PP 11/2017 jo. PP 17/2020 Pasal 54 and 107, PP 100/2000 jo. PP 13/2002,
PP 11/2017 Pasal 239; docs/decisions/0060): hand-worked cases on every condition's edge, and
scalar == batch on random candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules._versions import NoVersionInForce
from simerit.rules.eligibility import (
    CONDITIONS,
    TARGET_LEVELS,
    eligible,
    eligible_batch,
    leadership_from,
    level_rules,
)
from simerit.rules.profile import (
    Discipline,
    EmployeeProfile,
    Performance,
    Position,
    Training,
    profiles_to_frames,
)

from .strategies_merit import AS_OF, candidate_lists

AS_OF_DAY = dt.date(2025, 12, 31)
GOOD = (Performance(2023, "sesuai", "sesuai"), Performance(2024, "di_atas", "di_atas"))


def jpt_candidate(**changes) -> EmployeeProfile:
    """Meets every JPT Pratama condition on 31 Dec 2025 (worked out in the comments)."""
    base = EmployeeProfile(
        id="p",
        status="PNS",
        pangkat="IV/a",  # eselon II.b lowest IV/b, one step below allowed -> IV/a
        education="S2",  # >= D4
        birth_date=dt.date(1970, 1, 1),  # 55 on 31 Dec 2025; BUP 60 -> TMT pensiun 1 Feb 2030
        tmt_cpns=dt.date(2000, 3, 1),  # > 5 years
        position=Position("struktural", "administrator"),
        tmt_jabatan=dt.date(2022, 1, 1),  # + 2 years = 1 Jan 2024 <= as_of
        performance=GOOD,
    )
    return replace(base, **changes)


def both(profile: EmployeeProfile, level: str, as_of: dt.date = AS_OF_DAY, rule=None) -> dict:
    """The scalar value, after checking the batch form gives the same row."""
    value = eligible(profile, level, as_of, rule=rule).value
    row = eligible_batch(profiles_to_frames([profile]), level, as_of, rule=rule).row(0, named=True)
    assert row == {"id": profile.id, "eligible": value["eligible"], "reasons": value["reasons"]}
    return value


def test_fully_eligible_jpt_pratama_has_a_met_step_per_condition():
    result = eligible(jpt_candidate(), "jpt_pratama", AS_OF_DAY)
    assert result.value == {"eligible": True, "reasons": []}
    # status, pangkat, pendidikan, pelatihan (not required), masa kerja, jabatan, usia, kinerja,
    # hukuman disiplin, pensiun + summary
    assert len(result.steps) == 11
    assert result.steps[3].basis == "decision" and "tidak dipersyaratkan" in result.steps[3].text
    assert all(s.text.endswith("→ terpenuhi") for s in result.steps[:-1])
    assert all(s.source for s in result.steps)
    assert result.steps[6].basis == "regulation" and "Pasal 107 huruf c angka 6" in result.steps[6].source
    assert both(jpt_candidate(), "jpt_pratama")["eligible"]


@pytest.mark.parametrize(
    ("birth", "reason"),
    [
        (dt.date(1969, 1, 1), None),  # 56 on 31 Dec 2025: still allowed ("paling tinggi 56")
        (dt.date(1968, 12, 31), "usia 57 tahun melebihi batas 56 tahun"),  # 57th birthday on as_of
        (dt.date(1969, 12, 31), None),
    ],
)
def test_jpt_age_limit_56(birth, reason):
    value = both(jpt_candidate(birth_date=birth), "jpt_pratama")
    assert value["reasons"] == ([reason] if reason else [])


@pytest.mark.parametrize(
    ("birth", "reason"),
    [
        # BUP 58 (administrator): born 15 Nov 1968 -> TMT 1 Dec 2026 <= 31 Dec 2026 (as_of + 12 months)
        (dt.date(1968, 11, 15), "TMT pensiun 1 Desember 2026 (BUP 58 tahun) dalam 12 bulan sejak 31 Desember 2025"),
        (dt.date(1968, 12, 15), None),  # TMT 1 Jan 2027: after the 12 months
        (None, "tanggal lahir tidak tercatat; TMT pensiun tidak dapat dihitung"),
    ],
)
def test_retirement_window_uses_bup_of_target_level(birth, reason):
    profile = jpt_candidate(
        position=Position("struktural", "pengawas"), tmt_jabatan=dt.date(2022, 12, 31), birth_date=birth
    )
    value = both(profile, "administrator")
    assert value["reasons"] == ([reason] if reason else [])
    # the same person as a JF ahli madya candidate has BUP 60: no retirement reason
    if birth is not None:
        assert not any("TMT pensiun" in r for r in eligible(profile, "ahli_madya", AS_OF_DAY).value["reasons"])


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        ("CPNS", "status CPNS: hanya PNS yang dapat dipertimbangkan"),
        ("PPPK", "status PPPK: hanya PNS yang dapat dipertimbangkan"),
        (None, "status kepegawaian tidak tercatat: hanya PNS yang dapat dipertimbangkan"),
    ],
)
def test_only_pns(status, reason):
    assert both(jpt_candidate(status=status), "jpt_pratama")["reasons"] == [reason]


@pytest.mark.parametrize(
    ("level", "pangkat", "reason"),
    [
        ("jpt_pratama", "III/d", "pangkat III/d di bawah syarat minimal IV/a"),
        ("ahli_muda", "IV/a", "pangkat IV/a di atas batas tertinggi III/d"),
        ("ahli_muda", "III/c", None),
        ("ahli_muda", "III/d", None),
        ("ahli_muda", "III/b", "pangkat III/b di bawah syarat minimal III/c"),
        ("terampil", None, "pangkat tidak tercatat"),
        ("terampil", "V/a", "pangkat 'V/a' tidak dikenal"),
    ],
)
def test_pangkat_range(level, pangkat, reason):
    profile = jpt_candidate(pangkat=pangkat, birth_date=dt.date(1980, 1, 1))
    assert both(profile, level)["reasons"] == ([reason] if reason else [])


@pytest.mark.parametrize(
    ("education", "reason"),
    [
        ("D4", None),  # "sarjana atau diploma IV"
        ("S1", None),
        ("D3", "pendidikan D3 di bawah syarat minimal D4"),
        (None, "pendidikan tertinggi tidak tercatat"),
        ("S4", "pendidikan 'S4' tidak dikenal"),
    ],
)
def test_education_minimum(education, reason):
    assert both(jpt_candidate(education=education), "jpt_pratama")["reasons"] == ([reason] if reason else [])


@pytest.mark.parametrize(
    ("level", "tmt_jabatan", "reason"),
    [
        ("administrator", dt.date(2022, 12, 31), None),  # + 3 years = 31 Dec 2025
        ("administrator", dt.date(2023, 1, 1), "menduduki jabatan Pengawas sejak 1 Januari 2023, kurang dari 3 tahun"),
        ("administrator", None, "TMT jabatan tidak tercatat"),
    ],
)
def test_prior_position_years(level, tmt_jabatan, reason):
    profile = jpt_candidate(position=Position("struktural", "pengawas"), tmt_jabatan=tmt_jabatan, pangkat="III/d")
    assert both(profile, level)["reasons"] == ([reason] if reason else [])


def test_prior_position_must_be_held_now():
    profile = jpt_candidate(position=Position("pelaksana", "pelaksana"))
    (reason,) = both(profile, "jpt_pratama")["reasons"]
    assert reason.startswith("jabatan saat ini (Pelaksana) bukan Administrator, JF Ahli Madya")


def test_service_years_for_pengawas():
    profile = jpt_candidate(pangkat="III/a", education="D3", tmt_cpns=dt.date(2022, 1, 1))  # + 4 y = 1 Jan 2026
    assert both(profile, "pengawas")["reasons"] == ["TMT CPNS 1 Januari 2022: kurang dari 4 tahun"]
    assert both(replace(profile, tmt_cpns=dt.date(2021, 12, 31)), "pengawas")["reasons"] == []


@pytest.mark.parametrize(
    ("performance", "reasons"),
    [
        (GOOD, []),
        (
            (Performance(2023, "sesuai", "sesuai"), Performance(2024, "di_bawah", "sesuai")),
            ["kinerja tahun 2024 Butuh Perbaikan, di bawah Baik"],
        ),
        ((Performance(2024, "sesuai", "sesuai"),), ["tidak ada catatan kinerja tahun 2023"]),
        # numeric value 80 (PP 46/2011 Baik) counts for a year without ratings; 2025 (as_of's year) is not looked at
        (
            (
                Performance(2023, nilai=80.0),
                Performance(2024, "sesuai", "sesuai"),
                Performance(2025, "di_bawah", "di_bawah"),
            ),
            [],
        ),
        # a rated record beats a numeric one in the same year (decision 0022)
        (
            (
                Performance(2023, nilai=95.0),
                Performance(2023, "sesuai", "di_bawah"),
                Performance(2024, "sesuai", "sesuai"),
            ),
            ["kinerja tahun 2023 Kurang/Misconduct, di bawah Baik"],
        ),
    ],
)
def test_performance_last_two_years(performance, reasons):
    assert both(jpt_candidate(performance=performance), "jpt_pratama")["reasons"] == reasons


@pytest.mark.parametrize(
    ("discipline", "reasons"),
    [
        ((Discipline("sedang", dt.date(2023, 12, 31)),), []),  # the window is after 31 Dec 2023
        (
            (Discipline("berat", dt.date(2024, 1, 1)),),
            ["hukuman disiplin berat (keputusan 1 Januari 2024) dalam 2 tahun terakhir"],
        ),
        ((Discipline("ringan", dt.date(2025, 6, 1)),), []),  # ringan does not block
        ((Discipline("berat", dt.date(2026, 1, 1)), Discipline("sedang", None)), []),  # after as_of / no date
        (
            (Discipline("sedang", dt.date(2025, 12, 31)), Discipline("berat", dt.date(2024, 5, 2))),
            [
                "hukuman disiplin berat (keputusan 2 Mei 2024) dalam 2 tahun terakhir",
                "hukuman disiplin sedang (keputusan 31 Desember 2025) dalam 2 tahun terakhir",
            ],
        ),
    ],
)
def test_sanction_window(discipline, reasons):
    assert both(jpt_candidate(discipline=discipline), "jpt_pratama")["reasons"] == reasons


@pytest.mark.parametrize(
    ("trainings", "ok"),
    [
        ((Training("kepemimpinan", dt.date(2019, 5, 1), name="Diklatpim II"),), True),  # higher level counts
        ((Training("kepemimpinan", dt.date(2019, 5, 1), name="PKA"),), True),
        ((Training("kepemimpinan", dt.date(2019, 5, 1), name="PKP"),), False),
        ((Training("kepemimpinan", dt.date(2026, 1, 1), name="PKA"),), False),  # finished after as_of
        ((Training("teknis", dt.date(2019, 5, 1), name="PKA"),), False),
    ],
)
def test_leadership_training_in_an_instansi_rule(trainings, ok):
    rule = replace(level_rules(AS_OF_DAY)["jpt_pratama"], leadership_training=leadership_from("PKA"))
    value = both(jpt_candidate(trainings=trainings), "jpt_pratama", rule=rule)
    expected = (
        []
        if ok
        else ["belum lulus pelatihan kepemimpinan (PKA / Diklatpim III / PKN II / Diklatpim II / PKN I / Diklatpim I)"]
    )
    assert value["reasons"] == expected


def test_min_years_in_pangkat_in_an_instansi_rule():
    rule = replace(level_rules(AS_OF_DAY)["jpt_pratama"], min_years_pangkat=1.5)
    assert both(jpt_candidate(tmt_pangkat=dt.date(2024, 6, 30)), "jpt_pratama", rule=rule)["reasons"] == []
    assert both(jpt_candidate(tmt_pangkat=dt.date(2024, 7, 1)), "jpt_pratama", rule=rule)["reasons"] == [
        "TMT pangkat 1 Juli 2024: kurang dari 1,5 tahun"
    ]


def test_every_failed_condition_is_listed():
    profile = EmployeeProfile(id="x")
    value = both(profile, "jpt_pratama")
    assert len(value["reasons"]) == 9  # status, pangkat, pendidikan, masa kerja, jabatan, usia, 2 x kinerja, pensiun


def test_rule_data_covers_every_level_with_a_basis_per_condition():
    rules = level_rules(AS_OF_DAY)
    assert tuple(rules) == TARGET_LEVELS
    for level, rule in rules.items():
        assert rule.level == level
        active = {"status", "kinerja", "hukuman_disiplin", "pensiun", "pangkat", "pendidikan"}
        active |= {"masa_kerja"} if rule.min_years_service else set()
        active |= {"jabatan_sebelumnya"} if rule.prior_levels else set()
        active |= {"usia"} if rule.max_age else set()
        assert active <= set(rule.basis) <= set(CONDITIONS)


def test_unknown_level_and_date_before_the_rule():
    with pytest.raises(ValueError, match="jenjang jabatan target 'eselon_ii' tidak dikenal"):
        eligible(jpt_candidate(), "eselon_ii", AS_OF_DAY)
    with pytest.raises(NoVersionInForce):
        level_rules(dt.date(2017, 4, 6))


def test_batch_keeps_employee_order_and_types():
    profiles = [jpt_candidate(id=i, status=s) for i, s in (("z", "PNS"), ("a", "CPNS"), ("m", "PNS"))]
    out = eligible_batch(profiles_to_frames(profiles), "jpt_pratama", AS_OF_DAY)
    assert out["id"].to_list() == ["z", "a", "m"]
    assert out["eligible"].to_list() == [True, False, True]
    assert out.schema == pl.Schema({"id": pl.Utf8, "eligible": pl.Boolean, "reasons": pl.List(pl.Utf8)})
    empty = eligible_batch(profiles_to_frames([]), "pengawas", AS_OF_DAY)
    assert empty.height == 0 and empty.schema == out.schema


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_scalar_equals_batch(data):
    as_of = data.draw(AS_OF)
    level = data.draw(st.sampled_from(TARGET_LEVELS))
    profiles = data.draw(candidate_lists(as_of, level=level))
    rule = None
    if data.draw(st.booleans()):
        base = level_rules(as_of)[level]
        rule = replace(
            base,
            leadership_training=leadership_from(data.draw(st.sampled_from(("PKP", "PKA", "PKN II")))),
            min_years_pangkat=data.draw(st.sampled_from((None, 1, 2.5, 4))),
            sanction_years=data.draw(st.integers(0, 3)),
            performance_years=data.draw(st.integers(0, 3)),
            max_age=data.draw(st.sampled_from((None, 50, 56))),
        )
    frames = profiles_to_frames(profiles)
    batch = eligible_batch(frames, level, as_of, rule=rule)
    assert batch["id"].to_list() == [p.id for p in profiles]
    assert batch.select("id", "eligible").equals(eligible_batch(frames, level, as_of, rule=rule, reasons=False))
    for profile, row in zip(profiles, batch.iter_rows(named=True), strict=True):
        value = eligible(profile, level, as_of, rule=rule).value
        assert (row["eligible"], row["reasons"]) == (value["eligible"], value["reasons"]), profile
        assert row["eligible"] == (not row["reasons"])
