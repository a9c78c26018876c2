"""Predikat matrix, PermenPANRB 6/2022 (regulations.md §2.2), every cell."""

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.profile import Performance, profiles_to_frames
from simerit.rules.skp import (
    latest_predikat,
    latest_rated_predikat,
    numeric_label,
    predikat,
    predikat_batch,
    rated_predikat_batch,
    year_record,
)

from .strategies import SPECIAL_DATES, measured_profile_lists


@pytest.mark.parametrize(
    ("hasil", "perilaku", "expected"),
    [
        ("di_atas", "di_atas", "Sangat Baik"),
        ("di_atas", "sesuai", "Baik"),
        ("di_atas", "di_bawah", "Kurang/Misconduct"),
        ("sesuai", "di_atas", "Baik"),
        ("sesuai", "sesuai", "Baik"),
        ("sesuai", "di_bawah", "Kurang/Misconduct"),
        ("di_bawah", "di_atas", "Butuh Perbaikan"),
        ("di_bawah", "sesuai", "Butuh Perbaikan"),
        ("di_bawah", "di_bawah", "Sangat Kurang"),
    ],
)
def test_predikat_cell(hasil, perilaku, expected):
    assert predikat(hasil, perilaku) == expected


def test_unknown_rating_is_refused():
    with pytest.raises(ValueError, match="rating tidak dikenal"):
        predikat("luar_biasa", "sesuai")


@pytest.mark.parametrize(
    ("nilai", "label"),
    [
        (100, "Sangat Baik"),
        (91, "Sangat Baik"),
        (90.99, "Baik"),
        (76, "Baik"),
        (75.5, "Cukup"),
        (61, "Cukup"),
        (60.9, "Kurang"),
        (51, "Kurang"),
        (50, "Buruk"),
        (0, "Buruk"),
    ],
)
def test_numeric_bands_by_lower_bound(nilai, label):
    assert numeric_label(nilai) == label


# --- Latest predikat up to a date (decisions 0022, 0023) -----------------------------------------

AS_OF = dt.date(2025, 12, 31)
CONTRACT_HISTORY = (Performance(2025, "di_atas", "sesuai"), Performance(2021, nilai=88.5))


def test_latest_year_with_ratings_gives_the_matrix_predikat():
    result = latest_predikat(CONTRACT_HISTORY, AS_OF)
    assert result.value == {"year": 2025, "value": "Baik"}
    assert result.steps[0].source.startswith("PermenPANRB 6/2022")


def test_numeric_year_counts_with_its_pp46_label_but_not_for_the_nine_box():
    history = (Performance(2021, nilai=88.5), Performance(2020, "di_atas", "di_atas"))
    result = latest_predikat(history, AS_OF)
    assert result.value == {"year": 2021, "value": "Baik"}
    assert "nilai 88.5" in result.steps[0].text and result.steps[0].source.startswith("PP 46/2011")
    assert latest_rated_predikat(history, AS_OF).value == {"year": 2020, "value": "Sangat Baik"}
    assert latest_rated_predikat((Performance(2021, nilai=95),), AS_OF).value is None


def test_years_after_as_of_and_incomplete_records_are_skipped():
    history = (
        Performance(2026, "di_atas", "di_atas"),
        Performance(2025, "di_atas", None),
        Performance(2024, "sesuai", "di_bawah"),
    )
    result = latest_predikat(history, AS_OF)
    assert result.value == {"year": 2024, "value": "Kurang/Misconduct"}
    assert "2025 dilewati" in result.steps[0].text


def test_no_records_gives_none_with_reason():
    result = latest_predikat((), AS_OF)
    assert result.value is None and "Tidak ada catatan kinerja sampai tahun 2025" in result.steps[0].text


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ((Performance(2025, nilai=95), Performance(2025, "sesuai", "sesuai")), "Baik"),  # ratings beat the value
        ((Performance(2025, "di_atas", "di_atas"), Performance(2025, "di_bawah", "sesuai")), "Butuh Perbaikan"),
        ((Performance(2025, nilai=95), Performance(2025, nilai=60)), "Kurang"),  # lowest value
    ],
)
def test_the_worst_record_of_a_year_counts(records, expected):
    assert latest_predikat(records, AS_OF).value == {"year": 2025, "value": expected}
    assert year_record(records, 2024) is None


def test_batch_rows_for_given_ids_in_order():
    frame = profiles_to_frames([]).performance.vstack(
        pl.DataFrame(
            {"id": ["b", "b", "a"], "year": [2025, 2021, 2019], "hasil_kerja": ["di_atas", None, None],
             "perilaku_kerja": ["sesuai", None, None], "nilai": [None, 88.5, 45.0]},
            schema=profiles_to_frames([]).performance.schema,
        )
    )  # fmt: skip
    out = predikat_batch(frame, AS_OF, ids=pl.Series(["a", "b", "c"]))
    assert out.to_dicts() == [
        {"id": "a", "predikat_year": 2019, "predikat": "Buruk"},
        {"id": "b", "predikat_year": 2025, "predikat": "Baik"},
        {"id": "c", "predikat_year": None, "predikat": None},
    ]
    assert out.schema == pl.Schema({"id": pl.Utf8, "predikat_year": pl.Int16, "predikat": pl.Utf8})
    assert rated_predikat_batch(frame, AS_OF, ids=pl.Series(["a"])).row(0) == ("a", None, None)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_scalar_and_batch_agree(data):
    as_of = data.draw(st.one_of(st.sampled_from(SPECIAL_DATES), st.dates(dt.date(2015, 1, 1), dt.date(2031, 12, 31))))
    profiles = data.draw(measured_profile_lists(as_of))
    frames = profiles_to_frames(profiles)
    ids = frames.employees["id"]
    for ratings_only in (False, True):
        batch = predikat_batch(frames.performance, as_of, ratings_only=ratings_only, ids=ids)
        for p, row in zip(profiles, batch.iter_rows(named=True), strict=True):
            value = latest_predikat(p.performance, as_of, ratings_only=ratings_only).value
            expected = (p.id, None, None) if value is None else (p.id, value["year"], value["value"])
            assert (row["id"], row["predikat_year"], row["predikat"]) == expected
