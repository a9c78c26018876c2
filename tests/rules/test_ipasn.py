"""IP ASN (Peraturan BKN 8/2019, shared/domain/decisions.md "IP ASN"): every table cell by hand,
the window edges, the category bounds, and scalar == batch on random profiles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.ipasn import IpAsnScore, category, category_expr, ip_asn, ip_asn_batch, mean_by, months_before
from simerit.rules.profile import Discipline, EmployeeProfile, Performance, Position, Training, profiles_to_frames

from .strategies import SPECIAL_DATES, measured_profile_lists

D = dt.date
AS_OF = D(2025, 12, 31)


def person(**kw) -> EmployeeProfile:
    """A PNS with nothing on record except what the test gives."""
    base = {"id": "p", "status": "PNS", "education": "S1", "position": Position("pelaksana", "pelaksana")}
    return EmployeeProfile(**{**base, **kw})


def score(profile: EmployeeProfile, as_of: dt.date = AS_OF) -> IpAsnScore:
    result = ip_asn(profile, as_of)
    assert isinstance(result.value, IpAsnScore)
    return result.value


def batch_row(profile: EmployeeProfile, as_of: dt.date = AS_OF) -> dict:
    return ip_asn_batch(profiles_to_frames([profile]), as_of).row(0, named=True)


# --- Kualifikasi ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("education", "points"),
    [
        ("S3", 25),
        ("S2", 20),
        ("S1", 15),
        ("D4", 15),
        ("D3", 10),
        ("D2", 5),
        ("D1", 5),
        ("SLTA", 5),
        ("SLTP", 1),
        ("SD", 1),
    ],
)
def test_kualifikasi_each_education_level(education, points):
    assert score(person(education=education)).kualifikasi == points
    assert batch_row(person(education=education))["kualifikasi"] == points


def test_missing_or_unknown_education_gives_zero_with_flag():
    s = score(person(education=None))
    assert s.kualifikasi == 0 and "pendidikan_tidak_ada" in s.flags
    s = score(person(education="S4"))
    assert s.kualifikasi == 0 and "pendidikan_tidak_dikenal" in s.flags


# --- Kompetensi ------------------------------------------------------------------------------------


LONG_AGO = D(2015, 6, 1)


def lead(name: str, end: dt.date | None = LONG_AGO) -> Training:
    return Training("kepemimpinan", end, 0, name)


@pytest.mark.parametrize(
    ("level", "training", "points"),
    [
        ("jpt_utama", "PKN I", 15), ("jpt_utama", "Diklatpim I", 15), ("jpt_utama", "PKN II", 0),
        ("jpt_madya", "PKN I", 15), ("jpt_madya", "Diklatpim II", 0),
        ("jpt_pratama", "PKN II", 15), ("jpt_pratama", "Diklatpim II", 15), ("jpt_pratama", "PKN I", 15),
        ("jpt_pratama", "PKA", 0),
        ("administrator", "PKA", 15), ("administrator", "Diklatpim III", 15), ("administrator", "PKN II", 15),
        ("administrator", "PKP", 0), ("administrator", "Diklatpim IV", 0),
        ("pengawas", "PKP", 15), ("pengawas", "Diklatpim IV", 15), ("pengawas", "PKA", 15),
        ("pengawas", "Diklatpim I", 15), ("pengawas", "Diklatpim V?", 0),
    ],
)  # fmt: skip
def test_leadership_training_matches_level_and_higher_counts(level, training, points):
    p = person(position=Position("struktural", level), trainings=(lead(training),))
    assert score(p).kompetensi == points
    assert batch_row(p)["kompetensi"] == points


def test_leadership_training_must_be_completed_by_as_of():
    pos = Position("struktural", "pengawas")
    assert score(person(position=pos, trainings=(lead("PKP", D(2026, 1, 1)),))).kompetensi == 0
    assert score(person(position=pos, trainings=(lead("PKP", AS_OF),))).kompetensi == 15
    assert score(person(position=pos, trainings=(lead("PKP", None),))).kompetensi == 0


def test_struktural_without_known_level_is_flagged():
    s = score(person(position=Position("struktural", None), trainings=(lead("PKN I"),)))
    assert s.kompetensi == 0 and s.flags == ["jenjang_jabatan_tidak_dikenal", "kinerja_tidak_ada"]


@pytest.mark.parametrize(
    ("trainings", "needs", "points"),
    [
        ((Training("fungsional", D(2010, 1, 1)),), True, 15),
        ((), True, 0),
        ((), False, 15),  # JF listed as needing no functional training counts as done
        ((Training("fungsional", D(2026, 1, 1)),), True, 0),  # after as_of
        ((lead("PKN I"),), True, 0),  # leadership training does not count for a JF
    ],
)
def test_functional_training_for_jf(trainings, needs, points):
    p = person(position=Position("fungsional", "ahli_muda", needs_functional_training=needs), trainings=trainings)
    assert score(p).kompetensi == points
    assert batch_row(p)["kompetensi"] == points


@pytest.mark.parametrize(
    ("kind", "level", "trainings", "points"),
    [
        ("struktural", "pengawas", (Training("teknis", D(2025, 3, 10), 24),), 15),
        ("fungsional", "ahli_muda", (Training("teknis", D(2025, 3, 10), 20),), 15),
        ("pelaksana", "pelaksana", (Training("teknis", D(2025, 3, 10), 20),), 22.5),
        ("pelaksana", "pelaksana", (Training("teknis", D(2025, 3, 10), 19),), 0),
        ("pelaksana", "pelaksana", (Training("teknis", D(2025, 1, 1), 12), Training("teknis", AS_OF, 8)), 22.5),
        ("pelaksana", "pelaksana", (Training("teknis", D(2024, 12, 31), 40),), 0),  # outside the 12 months
        ("pelaksana", "pelaksana", (Training("teknis", D(2026, 1, 1), 40),), 0),  # after as_of
        ("pelaksana", "pelaksana", (Training("seminar", D(2025, 3, 10), 40),), 17.5),  # seminar JP is not technical
        ("struktural", "administrator", (Training("seminar", D(2024, 1, 1), 4),), 10),
        ("fungsional", "ahli_muda", (Training("seminar", D(2024, 1, 1), 4),), 10),
        ("pelaksana", "pelaksana", (Training("seminar", D(2024, 1, 1), 4),), 17.5),
        ("pelaksana", "pelaksana", (Training("seminar", D(2023, 12, 31), 4),), 0),  # outside the 24 months
        ("pelaksana", "pelaksana", (Training("teknis", D(2025, 6, 1), 20), Training("seminar", D(2025, 6, 1), 4)), 40),
    ],
)
def test_technical_and_seminar_points_by_position_kind(kind, level, trainings, points):
    p = person(position=Position(kind, level), trainings=trainings)  # a JF here has no functional training: 0
    assert score(p).kompetensi == points
    assert batch_row(p)["kompetensi"] == points


def test_competency_maximum_is_40_for_each_kind():
    full = (Training("teknis", D(2025, 6, 1), 20), Training("seminar", D(2025, 6, 1), 4))
    cases = [
        Position("struktural", "jpt_pratama"),
        Position("fungsional", "ahli_madya", needs_functional_training=False),
        Position("pelaksana", "pelaksana"),
    ]
    for pos in cases:
        assert score(person(position=pos, trainings=(*full, lead("PKN I")))).kompetensi == 40


def test_missing_position_gives_zero_with_flag():
    s = score(person(position=Position(), trainings=(Training("teknis", D(2025, 6, 1), 40),)))
    assert s.kompetensi == 0 and "jabatan_tidak_ada" in s.flags


def test_windows_on_a_leap_day():
    assert months_before(D(2024, 2, 29), 12) == D(2023, 2, 28)
    assert months_before(D(2025, 12, 31), 12) == D(2024, 12, 31)
    assert months_before(D(2025, 12, 31), 24) == D(2023, 12, 31)
    inside = person(trainings=(Training("teknis", D(2023, 3, 1), 20),))
    outside = person(trainings=(Training("teknis", D(2023, 2, 28), 20),))
    assert score(inside, D(2024, 2, 29)).kompetensi == 22.5
    assert score(outside, D(2024, 2, 29)).kompetensi == 0


# --- Kinerja ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hasil", "perilaku", "points"),
    [
        ("di_atas", "di_atas", 30),  # Sangat Baik
        ("di_atas", "sesuai", 25), ("sesuai", "di_atas", 25), ("sesuai", "sesuai", 25),  # Baik
        ("di_bawah", "di_atas", 15), ("di_bawah", "sesuai", 15),  # Butuh Perbaikan
        ("di_atas", "di_bawah", 5), ("sesuai", "di_bawah", 5),  # Kurang/Misconduct
        ("di_bawah", "di_bawah", 1),  # Sangat Kurang
    ],
)  # fmt: skip
def test_kinerja_from_each_predikat(hasil, perilaku, points):
    p = person(performance=(Performance(2025, hasil, perilaku),))
    assert score(p).kinerja == points
    assert batch_row(p)["kinerja"] == points


@pytest.mark.parametrize(
    ("nilai", "points"),
    [
        (100, 30),
        (91, 30),
        (90.9, 25),
        (76, 25),
        (75.99, 15),
        (61, 15),
        (60.99, 5),
        (51, 5),
        (50.99, 1),
        (50, 1),
        (0, 1),
    ],
)
def test_kinerja_from_each_numeric_band(nilai, points):
    p = person(performance=(Performance(2025, nilai=nilai),))
    assert score(p).kinerja == points
    assert batch_row(p)["kinerja"] == points


def test_no_record_for_the_measurement_year_gives_zero_and_flag():
    p = person(performance=(Performance(2024, "di_atas", "di_atas"), Performance(2026, nilai=95)))
    result = ip_asn(p, AS_OF)
    assert result.value.kinerja == 0 and result.value.flags == ["kinerja_tidak_ada"]
    assert any("Tidak ada catatan kinerja tahun 2025" in s.text for s in result.steps)
    assert batch_row(p)["flags"] == ["kinerja_tidak_ada"]


def test_incomplete_record_does_not_count_and_worst_record_of_a_year_counts():
    assert "kinerja_tidak_ada" in score(person(performance=(Performance(2025, "di_atas", None),))).flags
    both = (Performance(2025, nilai=95), Performance(2025, "sesuai", "sesuai"), Performance(2025, "di_bawah", "sesuai"))
    assert score(person(performance=both)).kinerja == 15  # ratings beat the value; the worst rating counts
    assert score(person(performance=(Performance(2025, nilai=95), Performance(2025, nilai=70)))).kinerja == 15


# --- Disiplin --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sanctions", "points"),
    [
        ((), 5),
        ((Discipline("ringan", D(2025, 6, 1)),), 3),
        ((Discipline("sedang", D(2025, 6, 1)),), 2),
        ((Discipline("berat", D(2025, 6, 1)),), 1),
        ((Discipline("ringan", D(2025, 2, 1)), Discipline("berat", D(2025, 3, 1)), Discipline("sedang", AS_OF)), 1),
        ((Discipline("berat", D(2025, 1, 1)),), 1),  # first day of the window
        ((Discipline("berat", D(2024, 12, 31)),), 5),  # the day before: outside
        ((Discipline("berat", D(2026, 1, 1)),), 5),  # after as_of
        ((Discipline("berat", None),), 5),  # no decision date: not counted
    ],
)
def test_disiplin_heaviest_sanction_in_the_12_months(sanctions, points):
    p = person(discipline=sanctions)
    assert score(p).disiplin == points
    assert batch_row(p)["disiplin"] == points


# --- Total, category, population -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "label"),
    [(100, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.99, "Tinggi"), (90.5, "Tinggi"), (81, "Tinggi"),
     (80.5, "Sedang"), (71, "Sedang"), (70.99, "Rendah"), (61, "Rendah"), (60.5, "Sangat Rendah"),
     (50, "Sangat Rendah"), (0, "Sangat Rendah"), (None, None)],
)  # fmt: skip
def test_category_by_lower_bound(total, label):
    assert category(total) == label
    frame = pl.DataFrame({"t": [total]}, schema={"t": pl.Float64})
    assert frame.select(category_expr(pl.col("t"))).item() == label


def test_exactly_91_points_is_sangat_tinggi():
    p = person(
        education="S3",
        position=Position("struktural", "pengawas"),
        trainings=(lead("Diklatpim III"), Training("teknis", D(2025, 1, 1), 20), Training("seminar", AS_OF, 2)),
        performance=(Performance(2025, "sesuai", "di_atas"),),
        discipline=(Discipline("berat", AS_OF),),
    )
    s = score(p)
    assert (s.kualifikasi, s.kompetensi, s.kinerja, s.disiplin, s.total, s.kategori) == (
        25,
        40,
        25,
        1,
        91,
        "Sangat Tinggi",
    )
    assert batch_row(p)["kategori"] == "Sangat Tinggi"


def test_half_points_of_pelaksana_are_kept():
    p = person(
        education="S3", trainings=(Training("teknis", D(2025, 6, 1), 24),), performance=(Performance(2025, nilai=95),)
    )
    assert score(p).total == 82.5 and score(p).kategori == "Tinggi"
    assert batch_row(p)["total"] == 82.5


@pytest.mark.parametrize(("status", "flag"), [("CPNS", "bukan_pns"), ("PPPK", "bukan_pns"), (None, "status_tidak_ada")])
def test_only_pns_are_measured(status, flag):
    result = ip_asn(person(status=status, performance=(Performance(2025, "sesuai", "sesuai"),)), AS_OF)
    assert result.value.as_dict() == {
        "kualifikasi": None, "kompetensi": None, "kinerja": None, "disiplin": None,
        "total": None, "kategori": None, "flags": [flag],
    }  # fmt: skip
    assert "tidak diukur" in result.steps[0].text
    row = batch_row(person(status=status))
    assert row["total"] is None and row["kategori"] is None and row["flags"] == [flag]


def test_no_records_at_all():
    s = score(EmployeeProfile(id="x", status="PNS"))
    assert (s.total, s.kategori) == (5, "Sangat Rendah")
    assert s.flags == ["pendidikan_tidak_ada", "jabatan_tidak_ada", "kinerja_tidak_ada"]


def test_before_the_rule_is_in_force_is_a_problem_not_an_exception():
    result = ip_asn(person(), D(2019, 5, 14))
    assert result.value is None and result.problems[0].field == "as_of"


def test_every_step_names_its_basis():
    p = person(
        position=Position("struktural", "pengawas"),
        trainings=(lead("PKP"), Training("teknis", D(2025, 3, 10), 24)),
        performance=(Performance(2025, "di_atas", "sesuai"),),
        discipline=(Discipline("ringan", D(2024, 6, 1)),),
    )
    result = ip_asn(p, AS_OF)
    lines = [s.render() for s in result.steps]
    assert all(line.endswith("]") for line in lines)
    assert any("Pasal 8 ayat 4" in line and "PKP selesai 01-06-2015" in line for line in lines)
    assert any("decision: docs/decisions/0020" in line for line in lines)
    assert any("di luar 12 bulan" in line for line in lines)


def test_mean_by_opd_counts_measured_pns_only():
    profiles = [
        person(id="a", education="S3"),  # 25 + 0 + 0 + 5 = 30
        person(id="b", education="SD"),  # 1 + 0 + 0 + 5 = 6
        person(id="c", status="PPPK"),
        person(id="d", education="S1", performance=(Performance(2025, "di_atas", "di_atas"),)),  # 15 + 30 + 5 = 50
    ]
    result = ip_asn_batch(profiles_to_frames(profiles), AS_OF).with_columns(opd=pl.Series(["X", "X", "X", "Y"]))
    out = mean_by(result, "opd")
    assert out.to_dicts()[0] == {
        "opd": "X", "n_pegawai": 3, "n_diukur": 2, "kualifikasi": 13.0, "kompetensi": 0.0, "kinerja": 0.0,
        "disiplin": 5.0, "total": 18.0, "kategori": "Sangat Rendah",
    }  # fmt: skip
    assert out.row(1, named=True)["total"] == 50.0
    whole = mean_by(result, None).row(0, named=True)
    assert (whole["n_pegawai"], whole["n_diukur"], whole["total"]) == (4, 3, 28.67)


# --- Scalar == batch -------------------------------------------------------------------------------

AS_OF_STRATEGY = st.one_of(
    st.sampled_from((*SPECIAL_DATES, D(2024, 2, 29), D(2019, 5, 15))), st.dates(D(2019, 5, 15), D(2030, 12, 31))
)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_scalar_and_batch_agree(data):
    as_of = data.draw(AS_OF_STRATEGY)
    profiles = data.draw(measured_profile_lists(as_of))
    batch = ip_asn_batch(profiles_to_frames(profiles), as_of)
    assert batch["id"].to_list() == [p.id for p in profiles]
    for profile, row in zip(profiles, batch.iter_rows(named=True), strict=True):
        expected = ip_asn(profile, as_of).value.as_dict()
        assert {k: row[k] for k in expected} == expected, profile


def test_schema_of_the_batch():
    out = ip_asn_batch(profiles_to_frames([replace(person(), id="z")]), AS_OF)
    assert out.schema == pl.Schema(
        {"id": pl.Utf8, "kualifikasi": pl.Float64, "kompetensi": pl.Float64, "kinerja": pl.Float64,
         "disiplin": pl.Float64, "total": pl.Float64, "kategori": pl.Utf8, "flags": pl.List(pl.Utf8)}
    )  # fmt: skip
