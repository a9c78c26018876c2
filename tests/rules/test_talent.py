"""Talent 9-box (PermenPANRB 3/2020 jo. 20/2025, regulations.md §3.3; docs/decisions/0026): all nine
boxes, the potensial thresholds, not-placed reasons, and scalar == batch."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules import competency, skp
from simerit.rules.profile import EmployeeProfile, profiles_to_frames
from simerit.rules.talent import (
    BOX_INFO,
    SUCCESSION_BOXES,
    PotentialThresholds,
    nine_box,
    nine_box_batch,
    talent_batch,
)

from .strategies import SPECIAL_DATES, measured_profile_lists


@pytest.mark.parametrize(
    ("predikat", "jpm", "box", "kinerja", "potensial"),
    [
        ("Sangat Baik", 95, 9, "di_atas", "tinggi"),
        ("Baik", 90, 8, "sesuai", "tinggi"),
        ("Sangat Baik", 78, 7, "di_atas", "menengah"),
        ("Butuh Perbaikan", 100, 6, "di_bawah", "tinggi"),
        ("Baik", 88.89, 5, "sesuai", "menengah"),
        ("Sangat Baik", 77.99, 4, "di_atas", "rendah"),
        ("Kurang/Misconduct", 89.99, 3, "di_bawah", "menengah"),
        ("Baik", 0, 2, "sesuai", "rendah"),
        ("Sangat Kurang", 50, 1, "di_bawah", "rendah"),
    ],
)
def test_all_nine_boxes(predikat, jpm, box, kinerja, potensial):
    result = nine_box(predikat, jpm)
    assert result.value == {"box": box, "kinerja": kinerja, "potensial": potensial}
    assert BOX_INFO[box].kinerja == kinerja and BOX_INFO[box].potensial == potensial
    assert BOX_INFO[box].rekomendasi in result.steps[2].text
    frame = pl.DataFrame({"id": ["x"], "predikat": [predikat], "jpm_percent": [float(jpm)]})
    assert nine_box_batch(frame).row(0) == ("x", box, kinerja, potensial)


@pytest.mark.parametrize(
    ("predikat", "kinerja"),
    [("Sangat Baik", "di_atas"), ("Baik", "sesuai"), ("Butuh Perbaikan", "di_bawah"),
     ("Kurang/Misconduct", "di_bawah"), ("Sangat Kurang", "di_bawah")],
)  # fmt: skip
def test_kinerja_axis_from_each_predikat(predikat, kinerja):
    assert nine_box(predikat, 80).value["kinerja"] == kinerja


def test_succession_group_and_follow_up_text():
    assert SUCCESSION_BOXES == {7, 8, 9}
    assert set(BOX_INFO) == set(range(1, 10))
    assert "suksesi" in BOX_INFO[9].rekomendasi and "nasional" in BOX_INFO[9].rekomendasi
    assert BOX_INFO[1].rekomendasi == "Diproses sesuai ketentuan peraturan perundang-undangan"
    assert any("kelompok rencana suksesi" in s.text for s in nine_box("Baik", 95).steps)
    assert not any("kelompok rencana suksesi" in s.text for s in nine_box("Baik", 85).steps)


@pytest.mark.parametrize(
    ("predikat", "jpm", "reason"),
    [
        (None, 90, "tidak ada predikat kinerja berbasis rating"),
        ("Baik", None, "tidak ada hasil asesmen kompetensi"),
        (None, None, "predikat kinerja berbasis rating (PermenPANRB 6/2022); tidak ada hasil asesmen"),
        ("Cukup", 90, "bukan predikat PermenPANRB 6/2022"),  # a PP 46/2011 label
    ],
)
def test_not_placed_with_the_reason(predikat, jpm, reason):
    result = nine_box(predikat, jpm)
    assert result.value is None and reason in result.steps[0].text
    frame = pl.DataFrame(
        {"id": ["x"], "predikat": [predikat], "jpm_percent": [jpm]},
        schema_overrides={"predikat": pl.Utf8, "jpm_percent": pl.Float64},
    )
    assert nine_box_batch(frame).row(0) == ("x", None, None, None)


def test_thresholds_are_configurable_per_instansi():
    bjm = PotentialThresholds(tinggi=72, menengah=46)
    assert nine_box("Baik", 72, bjm).value["box"] == 8
    assert nine_box("Baik", 45.99, bjm).value["box"] == 2
    frame = pl.DataFrame(
        {"id": ["a", "b"], "predikat": ["Baik", "Baik"], "jpm_percent": [72.0, 72.0], "potensial_tinggi": [72.0, None],
         "potensial_menengah": [46.0, None]}
    )  # fmt: skip
    assert nine_box_batch(frame)["box"].to_list() == [8, 2]  # row b falls back to the default 90 / 78


def test_precomputed_latest_must_be_of_the_same_employees():
    frames = profiles_to_frames([EmployeeProfile(id="a"), EmployeeProfile(id="b")])
    other = skp.latest_predikats_batch(frames.performance, dt.date(2025, 12, 31), ids=pl.Series(["b", "a"]))
    with pytest.raises(ValueError, match="frames.employees"):
        talent_batch(frames, dt.date(2025, 12, 31), latest=other)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_scalar_and_batch_agree(data):
    as_of = data.draw(st.one_of(st.sampled_from(SPECIAL_DATES), st.dates(dt.date(2018, 1, 1), dt.date(2031, 12, 31))))
    profiles = data.draw(measured_profile_lists(as_of))
    frames = profiles_to_frames(profiles)
    batch = talent_batch(frames, as_of)
    assert batch["id"].to_list() == [p.id for p in profiles]
    latest = skp.latest_predikats_batch(frames.performance, as_of, ids=frames.employees["id"])
    assert talent_batch(frames, as_of, latest=latest).equals(batch)  # a precomputed pass gives the same
    assert batch.schema["box"] == pl.Int8
    for p, row in zip(profiles, batch.iter_rows(named=True), strict=True):
        pred = skp.latest_rated_predikat(p.performance, as_of).value
        j = competency.jpm(p.competency_standard or {}, p.competency_actual or {}).value
        value = nine_box(pred and pred["value"], j and j["percent"]).value
        assert (row["box"], row["kinerja"], row["potensial"]) == (
            (value["box"], value["kinerja"], value["potensial"]) if value else (None, None, None)
        )
        assert row["predikat"] == (pred and pred["value"])
