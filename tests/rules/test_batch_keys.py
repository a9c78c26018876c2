"""The batch rules on frames keyed by an integer id, with and without a shared performance summary,
and the packed DUK sort: the same results as the text-keyed frames the scalar tests check.

`simerit.tables.keyed_employee_frames` keeps the integer primary key as `id` (the national
benchmark computes on it and turns `id` into text once at the end); every batch rule must give
exactly what it gives on the text ids, including the DUK, whose last tie-break is the id's text
("10" before "9").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules import duk, ipasn, pangkat, retirement, skp, talent
from simerit.rules.profile import EmployeeFrames, EmployeeProfile, Performance, profiles_to_frames
from simerit.synth.generator import generate
from simerit.tables import employee_frames, employee_frames_lazy, keyed_employee_frames

from .strategies import AS_OF_DATES, profile_lists
from .test_duk import BASE

AS_OF = dt.date(2025, 12, 31)
NAMES = ("employees", "trainings", "performance", "discipline", "competency")


def keyed(frames: EmployeeFrames) -> EmployeeFrames:
    """The same frames with `id` as Int64 (the text ids must be integers)."""
    return EmployeeFrames(**{n: getattr(frames, n).with_columns(pl.col("id").cast(pl.Int64)) for n in NAMES})


def as_text(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col("id").cast(pl.Utf8))


def outcome(compute):
    """The result of `compute()`, or the type of the error it raised (IP ASN before its rule)."""
    try:
        return compute()
    except Exception as exc:  # noqa: BLE001 - compared, not swallowed
        return type(exc)


def every_rule(frames: EmployeeFrames, as_of: dt.date, *, shared: bool) -> dict[str, object]:
    """Every batch rule of an index run, each result with a text id. `shared`: through one
    `skp.performance_summary`, as the benchmark and a run do; else each rule on its own."""
    ids = frames.employees["id"]
    summary = skp.performance_summary(frames.performance, as_of, ids=ids) if shared else None
    latest = skp.latest_predikats_batch(frames.performance, as_of, ids=ids, summary=summary)
    opd = frames.employees.select(pl.col("id").cast(pl.Utf8).str.len_bytes().alias("opd"))
    grouped = replace(frames, employees=frames.employees.hstack(opd))
    results = {
        "retirement": retirement.retirement_batch(frames.employees, as_of),
        "latest": latest,
        "latest_unordered": skp.latest_predikats_batch(frames.performance, as_of, summary=summary).sort("id"),
        "ipasn": outcome(lambda: ipasn.ip_asn_batch(frames, as_of, summary=summary)),
        "talent": talent.talent_batch(frames, as_of, latest=latest),
        "kp": pangkat.kp_reguler_batch(frames, as_of, summary=summary),
        "duk": duk.duk_rank_batch(frames, as_of),
        "duk_aligned": duk.duk_rank_batch(frames, as_of, employee_order=True),
        "duk_groups": duk.duk_rank_batch(grouped, as_of, group_by="opd", employee_order=True),
    }
    return {k: as_text(v) if isinstance(v, pl.DataFrame) else v for k, v in results.items()}


def assert_same(left: dict[str, object], right: dict[str, object], *, by_id: bool = False) -> None:
    """Equal results; `by_id`: as sets of rows (frames collected apart may list employees in
    another order)."""
    for name, value in left.items():
        other = right[name]
        if name == "latest_unordered" or (by_id and isinstance(value, pl.DataFrame)):
            value, other = value.sort("id"), other.sort("id")
        if isinstance(value, pl.DataFrame):
            assert value.equals(other), name
        else:
            assert value == other, name


@settings(max_examples=150, deadline=None)
@given(profile_lists(), AS_OF_DATES, st.data())
def test_integer_ids_and_the_shared_summary_give_the_text_results(profiles, as_of, data):
    # Integer ids whose text order differs from their number order (9 < 10, "10" < "9").
    numbers = data.draw(st.lists(st.integers(0, 120), min_size=len(profiles), max_size=len(profiles), unique=True))
    profiles = [replace(p, id=str(n)) for p, n in zip(profiles, numbers, strict=True)]
    frames = profiles_to_frames(profiles)
    text = every_rule(frames, as_of, shared=False)
    assert_same(text, every_rule(frames, as_of, shared=True))
    assert_same(text, every_rule(keyed(frames), as_of, shared=False))
    assert_same(text, every_rule(keyed(frames), as_of, shared=True))
    assert text["duk"]["id"].to_list() == duk.duk_order(profiles, as_of)


def test_duk_last_tie_break_is_the_id_text_on_integer_ids():
    # Identical but for the id (and no NIP): "10" sorts before "9" as text, as `duk_key` does.
    twins = [replace(BASE, id=i, nip=None) for i in ("9", "10", "100")]
    for frames in (profiles_to_frames(twins), keyed(profiles_to_frames(twins))):
        assert as_text(duk.duk_rank_batch(frames, AS_OF))["id"].to_list() == ["10", "100", "9"]
    assert duk.duk_order(twins, AS_OF) == ["10", "100", "9"]


@pytest.mark.parametrize(
    "nips",
    [
        ("197501012000031001", "19750101200003100", None),  # lengths differ: text order, not number order
        ("2", "10", "1"),  # short, still digits only but of different lengths
        ("19750101200003100A", "197501012000031001", "197501012000031002"),  # not digits only
        ("197501012000031002", "197501012000031002", "197501012000031001"),  # same NIP twice: id decides
        ("", "000000000000000000", None),  # empty text before any NIP, missing last
        ("+97501012000031001", "197501012000031001", "097501012000031002"),  # a sign parses, is not a digit
    ],
)
def test_duk_nip_as_text_whatever_the_nips_look_like(nips):
    people = [replace(BASE, id=str(i), nip=nip) for i, nip in zip((12, 3, 7), nips, strict=True)]
    expected = duk.duk_order(people, AS_OF)
    for frames in (profiles_to_frames(people), keyed(profiles_to_frames(people))):
        assert as_text(duk.duk_rank_batch(frames, AS_OF))["id"].to_list() == expected


def test_duk_wide_keys_still_sort_exactly():
    # Dates far apart, a masa kerja over the whole Int32 range: words fill up and spill over.
    people = [
        replace(BASE, id="1", birth_date=dt.date(1, 1, 1), masa_kerja_months=-(2**31 - 1)),
        replace(BASE, id="2", birth_date=dt.date(9999, 12, 30), masa_kerja_months=2**31 - 1),
        replace(BASE, id="3", birth_date=dt.date(1975, 1, 1), masa_kerja_months=None, tmt_pangkat=None),
        replace(BASE, id="4", nip="197501012000031000"),
    ]
    expected = duk.duk_order(people, AS_OF)
    assert duk.duk_rank_batch(keyed(profiles_to_frames(people)), AS_OF)["id"].cast(pl.Utf8).to_list() == expected


def test_summary_is_tied_to_its_date_and_realigned_to_other_ids():
    frames = profiles_to_frames(
        [
            EmployeeProfile(id="a", performance=(Performance(2025, "di_atas", "di_atas"), Performance(2024, nilai=60))),
            EmployeeProfile(id="b", performance=(Performance(2023, nilai=91.0),)),
        ]
    )
    summary = skp.performance_summary(frames.performance, AS_OF, ids=pl.Series(["b", "a"]))
    assert summary.years == (2023, 2024, 2025)
    assert summary.frame.select("id", "_key", "_rank_now", "_key_2024").rows() == [
        ("b", 202316, None, None),  # 2023: 91 → band 4 (Sangat Baik) → 2023·100 + 20 - 4
        ("a", 202555, 5, 202419),  # 2025: Sangat Baik (rank 5) → 2025·100 + 60 - 5; 2024: 60 → band 1 → 20 - 1
    ]
    latest = skp.latest_predikats_batch(frames.performance, AS_OF, ids=pl.Series(["a", "b"]), summary=summary)
    assert latest.select("id", "predikat_year", "predikat").rows() == [
        ("a", 2025, "Sangat Baik"),
        ("b", 2023, "Sangat Baik"),
    ]
    with pytest.raises(ValueError, match="2025-12-31"):
        skp.latest_predikats_batch(frames.performance, dt.date(2026, 1, 1), ids=pl.Series(["a"]), summary=summary)


def test_tables_give_the_same_frames_keyed_text_and_lazy():
    tables = generate(300, seed=7).frames()
    for as_of in (AS_OF, dt.date(2021, 6, 30)):
        text = employee_frames(tables, as_of)
        by_int = keyed_employee_frames(tables, as_of)
        lazy = dict(zip(NAMES, pl.collect_all(list(employee_frames_lazy(tables, as_of).values())), strict=True))
        for name in NAMES:
            a, b, c = getattr(text, name), as_text(getattr(by_int, name)), lazy[name]
            assert a.schema == c.schema and b.schema == a.schema, name
            assert a.sort(a.columns, nulls_last=True).equals(b.sort(b.columns, nulls_last=True)), name
            assert a.sort(a.columns, nulls_last=True).equals(c.sort(c.columns, nulls_last=True)), name
        assert text.competency.height > 0 and text.performance.height > 0
        assert_same(every_rule(text, as_of, shared=False), every_rule(by_int, as_of, shared=True), by_id=True)
