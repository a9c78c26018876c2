"""Merit score (UU 20/2023; docs/decisions/0061) and JPM against a vacancy's standard
(PermenPANRB 38/2017; decision 0025): hand-worked values and scalar == batch."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.eligibility import TARGET_LEVELS
from simerit.rules.merit import (
    AWARD_SCHEMA,
    CRITERIA,
    DEFAULT_WEIGHTS,
    MeritWeights,
    jpm_against,
    jpm_against_batch,
    merit_batch,
    merit_score,
    rank_candidates,
)
from simerit.rules.profile import (
    Discipline,
    EmployeeProfile,
    Performance,
    Position,
    Training,
    profiles_to_frames,
)

from .strategies import KOMPETENSI_CODES, optional
from .strategies_merit import AS_OF, candidate_lists, edge_dates, standards

VACANCY = {"integritas": 3, "komunikasi": 4, "pengambilan_keputusan": 4}


def test_jpm_against_vacancy_standard_worked_example():
    # min(4,3) + min(2,4) + missing 0 = 5 of 3+4+4 = 11 -> 45.45 %
    actual = {"integritas": 4, "komunikasi": 2, "perekat_bangsa": 5}
    result = jpm_against(VACANCY, actual)
    assert result.value["percent"] == 45.45
    assert result.value["missing"] == ["pengambilan_keputusan"]
    assert result.value["gaps"] == {"integritas": 1, "komunikasi": -2, "pengambilan_keputusan": -4}
    assert result.steps[0].basis == "decision" and "jabatan yang dituju" in result.steps[0].text
    assert "perekat_bangsa" in result.steps[-4].text  # outside the vacancy's standard: ignored


def test_jpm_against_without_assessment_or_standard():
    assert jpm_against(VACANCY, None).value is None
    assert jpm_against(VACANCY, {}).value is None
    assert jpm_against({}, {"integritas": 3}).value is None


def test_batch_ignores_own_standard_and_keeps_order():
    # b's own position standard (all 5) must not matter; c was never assessed; d has only an
    # assessed competency outside the vacancy's standard -> assessed, JPM 0.
    frame = pl.DataFrame(
        {
            "id": ["b", "b", "a", "c", "d"],
            "kompetensi": ["integritas", "komunikasi", "integritas", "integritas", "perekat_bangsa"],
            "standard": [5, 5, 1, 2, None],
            "actual": [3, 4, 2, None, 4],
        },
        schema={"id": pl.Utf8, "kompetensi": pl.Utf8, "standard": pl.Int8, "actual": pl.Int8},
    )
    out = jpm_against_batch(frame, VACANCY)
    # b: 3 + 4 + 0 = 7/11 = 63.64; a: 2/11 = 18.18
    assert out.select("id", "jpm_percent").rows() == [("b", 63.64), ("a", 18.18), ("c", None), ("d", 0.0)]
    assert out.schema["jpm_percent"] == pl.Float64
    empty_standard = jpm_against_batch(frame, {"integritas": 0})
    assert empty_standard["jpm_percent"].null_count() == 4


@settings(max_examples=200, deadline=None)
@given(
    standards,
    st.lists(optional(st.dictionaries(st.sampled_from(KOMPETENSI_CODES), st.integers(1, 5), max_size=9)), max_size=8),
    st.lists(optional(st.dictionaries(st.sampled_from(KOMPETENSI_CODES), st.integers(1, 5), max_size=9)), max_size=8),
)
def test_jpm_against_scalar_equals_batch(standard, actuals, own_standards):
    profiles = [
        EmployeeProfile(
            id=f"e{i}",
            competency_actual=actual,
            competency_standard=own_standards[i] if i < len(own_standards) else None,
        )
        for i, actual in enumerate(actuals)
    ]
    frame = profiles_to_frames(profiles).competency
    batch = dict(jpm_against_batch(frame, standard).select("id", "jpm_percent").iter_rows())
    for p in profiles:
        result = jpm_against(standard, p.competency_actual)
        expected = result.value["percent"] if result.value else None
        assert batch.get(p.id) == expected


# --- merit score ------------------------------------------------------------------------------------

AS_OF_DAY = dt.date(2025, 12, 31)
STANDARD = {"integritas": 3, "komunikasi": 4}


def worked_profile(**changes) -> EmployeeProfile:
    base = EmployeeProfile(
        id="a",
        status="PNS",
        pangkat="III/d",
        education="S1",  # IP ASN 15 points x 4 = 60
        birth_date=dt.date(1975, 5, 3),
        tmt_cpns=dt.date(2000, 1, 1),
        position=Position("struktural", "pengawas"),
        tmt_jabatan=dt.date(2020, 1, 1),
        # 2024 Sangat Baik 30 + 2023 Baik 25 = 55 of 60 -> 91.67; 2025 (as_of's year) is not counted
        performance=(
            Performance(2024, "di_atas", "di_atas"),
            Performance(2023, "sesuai", "sesuai"),
            Performance(2025, "di_bawah", "di_bawah"),
        ),
        discipline=(Discipline("ringan", dt.date(2022, 1, 1)),),  # heaviest in 5 years: ringan -> 20
        # 12 + 4 JP in the 12 months ending as_of (the 2024 one is outside) -> 2 x 16 = 32
        trainings=(
            Training("teknis", dt.date(2025, 3, 1), 12),
            Training("seminar", dt.date(2025, 6, 1), 4),
            Training("teknis", dt.date(2024, 12, 31), 40),
        ),
        competency_actual={"integritas": 4, "komunikasi": 2},  # min(4,3) + 2 = 5 of 7 -> 71.43
    )
    return replace(base, **changes)


def batch_row(profile: EmployeeProfile, awards: list[dt.date], **kw) -> dict:
    frame = pl.DataFrame({"id": [profile.id] * len(awards), "date": awards}, schema=AWARD_SCHEMA)
    return merit_batch(profiles_to_frames([profile]), STANDARD, AS_OF_DAY, awards=frame, **kw).row(0, named=True)


def test_merit_worked_example():
    awards = [dt.date(2024, 8, 17), dt.date(2020, 12, 31)]  # only the first is within 5 years -> 20
    result = merit_score(worked_profile(), STANDARD, AS_OF_DAY, awards=awards)
    v = result.value
    assert (v["kualifikasi"], v["kompetensi"], v["kinerja"], v["rekam_jejak"]) == (60.0, 71.43, 91.67, 72.0)
    # 10% x 60 + 32.5% x 71.43 + 30% x 91.67 + 27.5% x 72 = 6 + 23.21475 + 27.501 + 19.8 = 76.51575
    assert v["merit"] == 76.52
    assert v["jpm_percent"] == 71.43
    assert v["sources"] == {
        "kualifikasi": "Pendidikan S1",
        "kompetensi": "JPM 71,43% terhadap standar jabatan (Masih Memenuhi Syarat)",
        "kinerja": "SKP 2024 Sangat Baik, 2023 Baik",
        "rekam_jejak": "16 JP pelatihan dalam 1 tahun; 1 penghargaan dalam 5 tahun; "
        "hukuman disiplin terberat ringan dalam 5 tahun",
    }
    assert len(result.steps) == 5 and all(s.source for s in result.steps)
    assert result.steps[-1].text.endswith("= 76,52")
    row = batch_row(worked_profile(), awards)
    assert row["merit"] == 76.52 and row["rekam_jejak_source"] == v["sources"]["rekam_jejak"]


@pytest.mark.parametrize(
    ("changes", "criterion", "score", "source"),
    [
        ({"education": "S3"}, "kualifikasi", 100.0, "Pendidikan S3"),
        ({"education": "SLTA"}, "kualifikasi", 20.0, "Pendidikan SLTA"),
        ({"education": None}, "kualifikasi", 0.0, "pendidikan tidak tercatat"),
        ({"education": "S4"}, "kualifikasi", 0.0, "pendidikan 'S4' tidak dikenal"),
        ({"competency_actual": None}, "kompetensi", 0.0, "belum ada hasil asesmen kompetensi"),
        ({"performance": ()}, "kinerja", 0.0, "SKP 2024 tidak ada, 2023 tidak ada"),
        # numeric 2023 value 60 -> PP 46/2011 Kurang (5 points); 2024 Butuh Perbaikan 15 -> 20/60
        (
            {"performance": (Performance(2023, nilai=60.0), Performance(2024, "di_bawah", "sesuai"))},
            "kinerja",
            33.33,
            "SKP 2024 Butuh Perbaikan, 2023 Kurang",
        ),
        (
            {"discipline": (Discipline("berat", dt.date(2021, 1, 1)), Discipline("sedang", dt.date(2025, 1, 1)))},
            "rekam_jejak",
            52.0,  # 32 + 20 + berat 0
            "16 JP pelatihan dalam 1 tahun; 1 penghargaan dalam 5 tahun; hukuman disiplin terberat berat dalam 5 tahun",
        ),
        (
            {
                "discipline": (Discipline("berat", dt.date(2020, 12, 31)),),
                "trainings": (Training("teknis", AS_OF_DAY, 24),),
            },
            "rekam_jejak",
            90.0,  # 20 JP cap -> 40 + award 20 + no sanction in the window 30
            "24 JP pelatihan dalam 1 tahun; 1 penghargaan dalam 5 tahun; tanpa hukuman disiplin dalam 5 tahun",
        ),
    ],
)
def test_criterion_edges(changes, criterion, score, source):
    profile = worked_profile(**changes)
    value = merit_score(profile, STANDARD, AS_OF_DAY, awards=[dt.date(2024, 8, 17)]).value
    assert (value[criterion], value["sources"][criterion]) == (score, source)
    row = batch_row(profile, [dt.date(2024, 8, 17)])
    assert (row[criterion], row[f"{criterion}_source"]) == (score, source)


def test_awards_two_or_more_and_empty_standard():
    awards = [
        dt.date(2021, 1, 1),
        dt.date(2025, 12, 31),
        dt.date(2023, 5, 5),
    ]  # 2021-01-01 is inside (after 31 Dec 2020)
    value = merit_score(worked_profile(), STANDARD, AS_OF_DAY, awards=awards).value
    assert value["rekam_jejak"] == 82.0  # 32 + 30 + 20
    none = merit_score(worked_profile(), {}, AS_OF_DAY).value
    assert (none["kompetensi"], none["sources"]["kompetensi"]) == (0.0, "standar kompetensi jabatan tidak ada")


def test_weights_are_validated():
    assert DEFAULT_WEIGHTS.hundredths() == (1000, 3250, 3000, 2750)
    with pytest.raises(ValueError, match="harus berjumlah 100"):
        MeritWeights(25, 25, 25, 20)
    with pytest.raises(ValueError, match="bobot kinerja: harus angka 0 atau lebih"):
        MeritWeights(50, 30, -5, 25)
    with pytest.raises(ValueError, match="dua angka di belakang koma"):
        MeritWeights(10.001, 32.499, 30, 27.5)
    only_kinerja = MeritWeights(0, 0, 100, 0)
    assert merit_score(worked_profile(), STANDARD, AS_OF_DAY, only_kinerja).value["merit"] == 91.67


def test_rank_candidates_order_and_tie_break():
    profiles = [
        worked_profile(id="low", competency_actual={"integritas": 3, "komunikasi": 1}),
        worked_profile(id="cpns", status="CPNS", education="S3"),
        worked_profile(id="b"),  # same merit as "a": tie broken by id
        worked_profile(id="top", education="S3"),
        worked_profile(id="a"),
        worked_profile(id="old", pangkat="III/a"),  # ineligible for administrator, higher merit than "low"
    ]
    out = rank_candidates(profiles_to_frames(profiles), STANDARD, "administrator", AS_OF_DAY)
    assert out["id"].to_list() == ["top", "a", "b", "low", "cpns", "old"]
    assert out["rank"].to_list() == [1, 2, 3, 4, None, None]
    assert out.schema["rank"] == pl.Int32
    assert out.filter(pl.col("id") == "cpns")["reasons"].to_list() == [
        ["status CPNS: hanya PNS yang dapat dipertimbangkan"]
    ]


def test_rank_ties_on_merit_follow_kinerja_then_kompetensi():
    # weights 50/50 on kinerja and kompetensi, standard 4+4+4 = 12:
    # "z_kin" kinerja 100 (SB, SB) + JPM 11/12 = 91.67; "a_comp" kinerja 91.67 (SB, B) + JPM 100
    # -> both 95.84; the tie goes to the higher kinerja although "a_comp" sorts first by id.
    weights = MeritWeights(0, 50, 50, 0)
    std3 = {"integritas": 4, "komunikasi": 4, "pengambilan_keputusan": 4}
    best = (Performance(2023, "di_atas", "di_atas"), Performance(2024, "di_atas", "di_atas"))
    z_kin = worked_profile(
        id="z_kin", performance=best, competency_actual={"integritas": 4, "komunikasi": 4, "pengambilan_keputusan": 3}
    )
    a_comp = worked_profile(id="a_comp", competency_actual=dict.fromkeys(std3, 4))
    out = rank_candidates(profiles_to_frames([a_comp, z_kin]), std3, "pengawas", AS_OF_DAY, weights)
    assert out.select("id", "merit", "kinerja", "rank").rows() == [
        ("z_kin", 95.84, 100.0, 1),
        ("a_comp", 95.84, 91.67, 2),
    ]
    # equal kinerja, a kualifikasi/kompetensi trade-off: S1 60 + JPM 100 vs S3 100 + JPM 60 -> 80.00 each
    weights = MeritWeights(50, 50, 0, 0)
    std = {"integritas": 5}
    x = worked_profile(id="z_comp", education="S1", competency_actual={"integritas": 5})
    y = worked_profile(id="a_kual", education="S3", competency_actual={"integritas": 3})
    out = rank_candidates(profiles_to_frames([y, x]), std, "pengawas", AS_OF_DAY, weights)
    assert out.select("id", "merit", "kompetensi", "rank").rows() == [
        ("z_comp", 80.0, 100.0, 1),
        ("a_kual", 80.0, 60.0, 2),
    ]


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_merit_scalar_equals_batch(data):
    as_of = data.draw(AS_OF)
    profiles = data.draw(candidate_lists(as_of, level=data.draw(st.sampled_from(TARGET_LEVELS))))
    standard = data.draw(standards)
    weights = data.draw(
        st.sampled_from((DEFAULT_WEIGHTS, MeritWeights(25, 25, 25, 25), MeritWeights(0.01, 33.33, 33.33, 33.33)))
    )
    award_days = {p.id: data.draw(st.lists(edge_dates(as_of, (0, 60)), max_size=3)) for p in profiles}
    awards = pl.DataFrame([{"id": i, "date": d} for i, days in award_days.items() for d in days], schema=AWARD_SCHEMA)
    batch = merit_batch(profiles_to_frames(profiles), standard, as_of, weights, awards=awards)
    assert batch["id"].to_list() == [p.id for p in profiles]
    for profile, row in zip(profiles, batch.iter_rows(named=True), strict=True):
        value = merit_score(profile, standard, as_of, weights, awards=award_days[profile.id]).value
        for name in CRITERIA:
            assert row[name] == value[name], name
            assert row[f"{name}_source"] == value["sources"][name], name
        assert (row["merit"], row["jpm_percent"]) == (value["merit"], value["jpm_percent"])
