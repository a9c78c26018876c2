"""Per-employee facts placed by row number (`simerit.rules._rows`) and the frames built that way
(`simerit.tables.keyed_employee_frames`): the same as the group_by + join and the joins of
`employee_frames_lazy` they replace, including the irregular tables that take the joins."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules._rows import ByRow, all_in, by_employee, row_numbers
from simerit.tables import _keyed_lazy, keyed_employee_frames

NAMES = ("employees", "trainings", "performance", "discipline", "competency")
AS_OF = dt.date(2025, 12, 31)


def test_row_numbers_dense_sparse_text_and_missing():
    ids = pl.Series([5, 3, 9, 7])
    keys = pl.Series([3, 3, 9, None, 100, 7, 5, -4])
    expected = [1, 1, 2, -1, -1, 3, 0, -1]
    assert row_numbers(keys, ids).tolist() == expected
    assert row_numbers(keys * 10**12, ids * 10**12).tolist() == expected  # sparse: binary search
    assert row_numbers(keys.cast(pl.Utf8), ids.cast(pl.Utf8)).tolist() == expected
    assert row_numbers(pl.Series([], dtype=pl.Int64), ids).tolist() == []
    with pytest.raises(ValueError, match="not unique"):
        row_numbers(keys, pl.Series([1, 2, 2]))
    with pytest.raises(ValueError, match="not unique"):
        row_numbers(keys.cast(pl.Utf8), pl.Series(["a", "b", "a"]))


def test_row_numbers_of_consecutive_ids_are_the_offsets():
    # ids 3, 4, ..., 9 in order (a population loaded whole): the row number is key - 3.
    ids = pl.Series(range(3, 10))
    assert row_numbers(pl.Series([9, 3, 3, 5]), ids).tolist() == [6, 0, 0, 2]
    # The same ids out of order, with a gap, or with a key outside: the table gives the same answer.
    assert row_numbers(pl.Series([9, 3, 5]), ids.reverse()).tolist() == [0, 6, 4]
    assert row_numbers(pl.Series([9, 3, 5]), pl.Series([3, 5, 9])).tolist() == [2, 0, 1]
    assert row_numbers(pl.Series([9, 3, 10, None]), ids).tolist() == [6, 0, -1, -1]


def test_all_in_only_when_cheap_and_true():
    ids = pl.Series(range(10, 20))
    assert all_in(pl.Series([10, 19, 12]), ids)
    assert not all_in(pl.Series([10, 20]), ids)
    assert not all_in(pl.Series([10, None]), ids)
    assert not all_in(pl.Series([10]), pl.Series([10, 12]))  # a gap: not cheap to tell
    assert not all_in(pl.Series(["10"]), ids.cast(pl.Utf8))


def grouped(frame: pl.DataFrame, ids: pl.Series, how: dict[str, str]) -> pl.DataFrame:
    """What ByRow replaces: a group_by per id, joined back to `ids` in their order."""
    aggs = [getattr(pl.col(c), h)() for c, h in how.items()]
    per_id = frame.filter(pl.col("id").is_not_null()).group_by("id").agg(aggs)
    out = ids.to_frame("id").join(per_id, on="id", how="left", maintain_order="left")
    return out.select(list(how)).cast({c: frame.schema[c] for c, h in how.items() if h in ("min", "max")})


HOW = {"i8": "max", "i32": "min", "i64": "max", "f": "min", "day": "max", "b": "any", "s": "sum"}


def employees_and_size(data) -> tuple[pl.Series, int]:
    """Up to 6 unique employee ids (0-9) and a number of records (0-30) drawn by Hypothesis."""
    n = data.draw(st.integers(0, 6))
    ids = pl.Series("id", data.draw(st.lists(st.integers(0, 9), min_size=n, max_size=n, unique=True)), dtype=pl.Int64)
    return ids, data.draw(st.integers(0, 30))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_reductions_are_the_group_by(data):
    ids, size = employees_and_size(data)

    def column(values):
        return data.draw(st.lists(st.one_of(st.none(), values), min_size=size, max_size=size))

    frame = pl.DataFrame(
        {
            "id": column(st.integers(0, 11)),  # unsorted, some not in `ids`, some null
            "i8": column(st.integers(-128, 127)),
            "i32": column(st.sampled_from([-(2**31), 2**31 - 1, 0, 5])),  # the extremes too
            "i64": column(st.sampled_from([-(2**63), 2**63 - 1, 0, -7])),
            "f": column(st.floats(allow_nan=data.draw(st.booleans()), allow_infinity=True)),
            "day": column(st.dates()),
            "b": column(st.booleans()),
            "s": column(st.integers(-1000, 1000)),
        },
        schema={"id": pl.Int64, "i8": pl.Int8, "i32": pl.Int32, "i64": pl.Int64, "f": pl.Float64, "day": pl.Date,
                "b": pl.Boolean, "s": pl.Int32},
    )  # fmt: skip
    got = by_employee(frame["id"], ids).reduce_all(frame, HOW)  # type: ignore[arg-type]
    want = grouped(frame, ids, HOW)
    assert got.select(pl.col("s").cast(pl.Int64)).equals(want.select(pl.col("s").cast(pl.Int64)))
    assert got.drop("s").equals(want.drop("s"), null_equal=True)


def test_duplicate_employee_ids_each_get_the_facts():
    ids = pl.Series("id", ["b", "a", "b", None])
    records = pl.DataFrame({"id": ["a", "b", "b", None], "v": [1, 2, 3, 4]})
    out = by_employee(records["id"], ids).reduce(records["v"], "max")
    assert out.to_list() == [3, 1, 3, None]


def test_sums_near_the_int64_limits_are_exact():
    # A running sum over these would leave int64: the per-segment reduction is used instead.
    big = 2**62
    by_row = ByRow(np.array([0, 0, 1, 1]), 2)
    assert by_row.reduce(pl.Series("v", [big, -big, big, 1]), "sum").to_list() == [0, big + 1]
    assert by_row.reduce(pl.Series("v", [-(2**63), 0, 3, -3]), "sum").to_list() == [-(2**63), 0]


def test_unsorted_rows_are_sorted_once():
    rows = np.array([2, 0, -1, 2, 1, 0])
    by_row = ByRow(rows, 4)
    assert by_row.reduce(pl.Series("v", [1, 2, 3, 4, 5, 6]), "sum").to_list() == [8, 5, 5, None]


# --- The frames: row numbers vs the joins of `employee_frames_lazy` ------------------------------


def tables(**changes: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Small model-shaped tables with the irregular cases the row-number path must handle."""
    d = dt.date
    base = {
        "pegawai": pl.DataFrame({
            "id": [10, 11, 12, 13, 14], "nip": ["197501012000031001", None, "198001012005011002", "1", "2"],
            "tanggal_lahir": [d(1975, 1, 1), d(1980, 2, 29), None, d(1990, 5, 5), d(1991, 6, 6)],
            "status": ["PNS", "PNS", "CPNS", "PPPK", "PNS"], "jabatan_id": [1, 2, None, 99, 1],
            "pendidikan_kode": ["S1", "D3", "S2", None, "S1"], "pangkat_kode": ["III/a", "II/c", "III/b", None, "IV/a"],
            "tmt_pangkat": [d(2020, 4, 1), None, d(2021, 10, 1), d(2019, 4, 1), d(2018, 4, 1)],
            "tmt_cpns": [d(2000, 3, 1), d(2005, 1, 1), None, d(2015, 1, 1), d(2010, 1, 1)],
            "tmt_jabatan": [d(2020, 1, 1), None, None, d(2019, 1, 1), d(2018, 1, 1)],
            "aktif": [True, True, True, True, False],
        }),
        "jabatan": pl.DataFrame({
            "id": [1, 2, 3], "jenis": ["struktural", "fungsional", "fungsional"],
            "jenjang": ["pengawas", "ahli_muda", "terampil"], "bup": [None, 65, None],
            "diklat_fungsional": [None, "", "Diklat JF"],
        }),
        "riwayat_pendidikan": pl.DataFrame({
            "pegawai_id": [10, 10, 10, 11, 14, 77, 12], "tingkat_kode": ["S1", "S1", "SLTA", "D3", "S1", "S1", None],
            "tahun_lulus": [2001, 1999, 1995, None, 2000, 2000, 2010],
        }),
        "riwayat_diklat": pl.DataFrame({
            "pegawai_id": [10, 10, 14, 77, 11], "jenis": ["kepemimpinan", "teknis", "teknis", "teknis", "seminar"],
            "nama": ["PKP", "x", "y", "z", "w"], "tanggal_selesai": [d(2019, 1, 1), d(2026, 1, 1), d(2020, 1, 1),
                                                                     d(2020, 1, 1), None],
            "jp": [40, 20, 10, 10, None],
        }),
        "riwayat_kinerja": pl.DataFrame({
            "pegawai_id": [11, 10, 10, 14, 10], "tahun": [2025, 2024, 2026, 2025, 2025],
            "hasil_kerja": ["sesuai", "", "di_atas", "sesuai", "di_atas"],
            "perilaku_kerja": ["sesuai", "", "di_atas", "sesuai", ""], "nilai": [None, 80.5, None, None, 70.0],
        }),
        "riwayat_hukdis": pl.DataFrame({
            "pegawai_id": [10, 14, 11], "tingkat": ["ringan", "berat", "sedang"],
            "tanggal_sk": [d(2025, 6, 1), d(2025, 6, 1), d(2026, 1, 1)],
        }),
        "riwayat_asesmen": pl.DataFrame({
            "id": [100, 101, 102, 103, 104, 105], "pegawai_id": [10, 10, 11, 12, 14, 13],
            "tanggal": [d(2024, 1, 1), d(2024, 1, 1), d(2023, 1, 1), d(2026, 1, 1), d(2024, 1, 1), d(2022, 1, 1)],
        }),
        "nilai_asesmen": pl.DataFrame({
            "asesmen_id": [100, 101, 101, 102, 102, 103, 104, 105],
            "kompetensi_kode": ["integritas", "integritas", "kerjasama", "integritas", "etika", "integritas",
                                "integritas", "kerjasama"],
            "level": [2, 3, None, 4, 1, 5, 3, 2],
        }),
        "standar": pl.DataFrame({
            "jabatan_id": [1, 1, 2, 2, 99], "kompetensi_kode": ["integritas", "komunikasi", "integritas", "kerjasama",
                                                                "integritas"],
            "level": [3, 0, 4, -1, 2],
        }),
    }  # fmt: skip
    base.update(changes)
    return base


def same_frames(tabs: dict[str, pl.DataFrame]) -> None:
    fast = keyed_employee_frames(tabs, AS_OF)
    lazy = _keyed_lazy(tabs, AS_OF)
    joined = dict(zip(lazy, pl.collect_all(list(lazy.values())), strict=True))
    for name in NAMES:
        a, b = getattr(fast, name), joined[name]
        assert a.schema == b.schema, name
        assert a.sort(a.columns, nulls_last=True).equals(b.sort(b.columns, nulls_last=True)), name


def test_row_number_frames_are_the_joined_frames():
    same_frames(tables())


@pytest.mark.parametrize(
    "change",
    [
        {"jabatan": tables()["jabatan"].vstack(tables()["jabatan"].head(1))},  # a jabatan id twice
        {"pegawai": tables()["pegawai"].vstack(tables()["pegawai"].head(1))},  # an employee twice
        {"nilai_asesmen": tables()["nilai_asesmen"].vstack(tables()["nilai_asesmen"].head(1))},  # a kompetensi twice
        {"standar": tables()["standar"].vstack(tables()["standar"].head(1))},  # twice in a standard
        {"nilai_asesmen": tables()["nilai_asesmen"].with_columns(kompetensi_kode=pl.lit(None, dtype=pl.Utf8))},
        {"riwayat_asesmen": tables()["riwayat_asesmen"].head(0), "nilai_asesmen": tables()["nilai_asesmen"].head(0)},
        {"standar": tables()["standar"].head(0)},
    ],
)
def test_irregular_tables_give_the_joined_frames(change):
    same_frames(tables(**change))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_filled_reductions_are_the_reductions_of_the_nulls(data):
    """`reduce_filled` over columns whose nulls are a sentinel == `reduce_all` over the nulls."""
    ids, size = employees_and_size(data)
    keys = data.draw(st.lists(st.one_of(st.none(), st.integers(0, 11)), min_size=size, max_size=size))
    values = st.lists(st.one_of(st.none(), st.integers(-(2**31) + 1, 2**31 - 2)), min_size=size, max_size=size)
    frame = pl.DataFrame({"id": keys, "hi": data.draw(values), "lo": data.draw(values)},
                         schema={"id": pl.Int64, "hi": pl.Int32, "lo": pl.Int32})  # fmt: skip
    low, high = -(2**31), 2**31 - 1
    by_row = by_employee(frame["id"], ids)
    got = by_row.reduce_filled({
        "hi": (frame["hi"].fill_null(low).to_numpy(), "max", low),
        "lo": (frame["lo"].fill_null(high).to_numpy(), "min", high),
    })  # fmt: skip
    assert got.equals(by_row.reduce_all(frame, {"hi": "max", "lo": "min"}))
