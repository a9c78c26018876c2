"""Job Person Match (shared/domain/decisions.md "Job Person Match", docs/decisions/0025): cap per
competency, missing levels, both category scales at their bounds, scalar == batch."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.competency import jpm, jpm_batch, jpm_level_batch, pemetaan_category, percent_of, seleksi_category
from simerit.rules.profile import EmployeeProfile, profiles_to_frames

from .strategies import competency_pairs

CONTRACT_STANDARD = {"integritas": 3, "kerjasama": 3, "komunikasi": 3}
CONTRACT_ACTUAL = {"integritas": 3, "kerjasama": 2, "komunikasi": 4}


def test_contract_example_caps_the_surplus():
    result = jpm(CONTRACT_STANDARD, CONTRACT_ACTUAL)
    assert result.value == {
        "percent": 88.89, "pemetaan": "Cukup Optimal", "seleksi": "Memenuhi Syarat",
        "gaps": {"integritas": 0, "kerjasama": -1, "komunikasi": 1}, "missing": [],
    }  # fmt: skip
    lines = [s.render() for s in result.steps]
    assert "komunikasi: standar 3, hasil 4 → 3 (dibatasi pada standar)" in lines[2]
    assert any("JPM = 8 / 9 × 100 = 88.89%" in line for line in lines)


def test_each_competency_is_capped_at_its_standard():
    assert jpm({"a": 3, "b": 3}, {"a": 5, "b": 1}).value["percent"] == 66.67  # not (5 + 1) / 6
    assert jpm({"a": 3}, {"a": 5}).value["percent"] == 100.0


def test_missing_level_counts_as_zero_and_is_flagged():
    result = jpm({"a": 2, "b": 2}, {"a": 2})
    assert result.value["percent"] == 50.0
    assert result.value["missing"] == ["b"] and result.value["gaps"]["b"] == -2
    assert any("b: standar 2, hasil asesmen tidak ada → dihitung 0" in s.text for s in result.steps)


def test_levels_outside_the_standard_are_ignored():
    result = jpm({"a": 4}, {"a": 3, "z": 5})
    assert result.value["percent"] == 75.0 and "z" not in result.value["gaps"]
    assert any("di luar standar jabatan tidak dihitung: z" in s.text for s in result.steps)


@pytest.mark.parametrize("standard", [{}, {"a": None}, {"a": 0}])
def test_no_standard_gives_none_with_reason(standard):
    result = jpm(standard, {"a": 3})
    assert result.value is None and "Standar kompetensi jabatan tidak ada" in result.steps[0].text


@pytest.mark.parametrize(
    ("p", "pemetaan", "seleksi"),
    [
        (100, "Optimal", "Memenuhi Syarat"),
        (90, "Optimal", "Memenuhi Syarat"),
        (89.99, "Cukup Optimal", "Memenuhi Syarat"),
        (80, "Cukup Optimal", "Memenuhi Syarat"),
        (79.99, "Cukup Optimal", "Masih Memenuhi Syarat"),
        (78, "Cukup Optimal", "Masih Memenuhi Syarat"),
        (77.99, "Kurang Optimal", "Masih Memenuhi Syarat"),
        (68, "Kurang Optimal", "Masih Memenuhi Syarat"),
        (67.99, "Kurang Optimal", "Kurang Memenuhi Syarat"),
        (0, "Kurang Optimal", "Kurang Memenuhi Syarat"),
    ],
)
def test_both_scales_at_their_bounds(p, pemetaan, seleksi):
    assert pemetaan_category(p) == pemetaan
    assert seleksi_category(p) == seleksi


@pytest.mark.parametrize(
    ("standard", "actual", "percent", "pemetaan", "seleksi"),
    [
        ({"a": 5, "b": 5}, {"a": 4, "b": 5}, 90.0, "Optimal", "Memenuhi Syarat"),
        ({"a": 5, "b": 5}, {"a": 3, "b": 5}, 80.0, "Cukup Optimal", "Memenuhi Syarat"),
        # 39 / 50: seven at 5, one at 4, two not assessed (counted 0)
        (
            {f"k{i}": 5 for i in range(10)},
            {**{f"k{i}": 5 for i in range(7)}, "k7": 4},
            78.0,
            "Cukup Optimal",
            "Masih Memenuhi Syarat",
        ),
        (
            {f"k{i}": 5 for i in range(5)},
            {"k0": 5, "k1": 5, "k2": 5, "k3": 1, "k4": 1},
            68.0,
            "Kurang Optimal",
            "Masih Memenuhi Syarat",
        ),
    ],
)
def test_exact_boundaries_from_levels(standard, actual, percent, pemetaan, seleksi):
    value = jpm(standard, actual).value
    assert (value["percent"], value["pemetaan"], value["seleksi"]) == (percent, pemetaan, seleksi)


def test_percent_rounds_half_up_exactly():
    assert percent_of(1, 32) == 3.13  # 3.125 exactly
    assert percent_of(2, 3) == 66.67
    assert percent_of(1, 6) == 16.67


def test_batch_hand_case_and_schema():
    profiles = [
        EmployeeProfile("x", competency_standard=CONTRACT_STANDARD, competency_actual=CONTRACT_ACTUAL),
        EmployeeProfile("y", competency_standard={}, competency_actual={"a": 3}),
        EmployeeProfile("z", competency_standard={"a": 2, "b": 2}, competency_actual={"a": 2}),
    ]
    out = jpm_batch(profiles_to_frames(profiles).competency)
    assert out.rows() == [
        ("x", 88.89, "Cukup Optimal", "Memenuhi Syarat"),
        ("y", None, None, None),
        ("z", 50.0, "Kurang Optimal", "Kurang Memenuhi Syarat"),
    ]
    assert out.schema == pl.Schema(
        {"id": pl.Utf8, "jpm_percent": pl.Float64, "jpm_pemetaan": pl.Utf8, "jpm_seleksi": pl.Utf8}
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(competency_pairs(), max_size=15))
def test_scalar_and_batch_agree(pairs):
    profiles = [EmployeeProfile(f"e{i}", competency_standard=s, competency_actual=a) for i, (s, a) in enumerate(pairs)]
    batch = {row["id"]: row for row in jpm_batch(profiles_to_frames(profiles).competency).iter_rows(named=True)}
    for p in profiles:
        value = jpm(p.competency_standard or {}, p.competency_actual or {}).value
        row = batch.get(p.id)
        if value is None:
            assert row is None or row["jpm_percent"] is None
        else:
            assert (row["jpm_percent"], row["jpm_pemetaan"], row["jpm_seleksi"]) == (
                value["percent"], value["pemetaan"], value["seleksi"],
            )  # fmt: skip


def test_never_assessed_gets_no_jpm_in_both_forms():
    import polars as pl

    from simerit.rules.competency import jpm, jpm_batch

    result = jpm({"integritas": 3, "kerjasama": 3}, {})
    assert result.value is None
    assert "Belum ada hasil asesmen" in result.steps[0].text
    assert jpm({"integritas": 3}, {"integritas": None}).value is None
    frame = pl.DataFrame(
        {
            "id": ["a", "a", "b", "b"],
            "kompetensi": ["integritas", "kerjasama"] * 2,
            "standard": [3, 3, 3, 3],
            "actual": [None, None, 3, None],
        },
        schema={"id": pl.Utf8, "kompetensi": pl.Utf8, "standard": pl.Int8, "actual": pl.Int8},
    )
    out = {r["id"]: r["jpm_percent"] for r in jpm_batch(frame).iter_rows(named=True)}
    assert out == {"a": None, "b": 50.0}


# --- The level matrices of the national batch (`jpm_level_batch`) ---------------------------------

NONE = -99  # the matrices' "no level"


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_level_matrices_give_what_the_rows_give(data):
    """`jpm_level_batch` over matrices == `jpm_batch` over the rows the matrices stand for (a row
    per cell holding a standard or an assessed record; a record may carry no level)."""
    from simerit.tables import CompetencyLevels, _rows_of

    n, k = data.draw(st.integers(1, 6)), data.draw(st.integers(1, 4))
    rows = sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=n)))
    cells = st.lists(st.lists(st.one_of(st.just(NONE), st.integers(-1, 5)), min_size=k, max_size=k),
                     min_size=len(rows), max_size=len(rows))  # fmt: skip
    standard, actual = np.array(data.draw(cells), dtype=np.int32), np.array(data.draw(cells), dtype=np.int32)
    standard, actual = standard.reshape(len(rows), k), actual.reshape(len(rows), k)
    # A record that holds no level (present, null) is a row too; a cell with neither is none.
    actual_present = (actual != NONE) | np.array(data.draw(st.lists(st.booleans(), min_size=len(rows) * k,
                                                                   max_size=len(rows) * k)), dtype=bool).reshape(len(rows), k)  # fmt: skip
    ids = pl.Series("id", [f"p{i}" for i in range(n)])
    levels = CompetencyLevels(ids, np.array(rows, dtype=np.int64), pl.Series([f"K{j}" for j in range(k)]),
                              np.where(standard == NONE, -(1 << 20), standard),
                              np.where(actual == NONE, -(1 << 20), actual), standard != NONE, actual_present)  # fmt: skip
    by_rows = jpm_batch(_rows_of(levels), ids=ids)
    by_levels = jpm_level_batch(ids, levels.rows, levels.standard, levels.actual, -(1 << 20))
    assert by_levels.equals(by_rows)


def test_level_matrices_hand_case():
    # p0: standard 3/4, levels 4/None -> min(4,3) + 0 = 3 of 7 = 42.86 %; p1: no matrix row -> null;
    # p2: standard 0 and -1 only (not part of the standard) -> null; p3: no level at all -> null.
    N = -(1 << 20)
    standard = np.array([[3, 4], [0, -1], [2, 2]], dtype=np.int32)
    actual = np.array([[4, N], [5, 5], [N, N]], dtype=np.int32)
    out = jpm_level_batch(pl.Series("id", ["p0", "p1", "p2", "p3"]), np.array([0, 2, 3]), standard, actual, N)
    assert out["jpm_percent"].to_list() == [42.86, None, None, None]
    assert out["id"].to_list() == ["p0", "p1", "p2", "p3"]
