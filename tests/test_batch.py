"""`simerit.batch.all_rules`: every batch rule at once, on one thread or two, gives each rule's own
values for every active employee, in `pegawai` order, whatever the thread count and also when the
tables take the joins (a kompetensi twice in a standard: the worker's competency rows give up)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from simerit.batch import TALENT_COLUMNS, all_rules
from simerit.rules import duk, ipasn, pangkat, retirement, skp, talent
from simerit.synth.generator import generate
from simerit.tables import _by_row_number, _Irregular, employee_frames

AS_OF = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def tables() -> dict[str, pl.DataFrame]:
    return generate(400, seed=11).frames()


def by_id(frame: pl.DataFrame, columns) -> pl.DataFrame:
    return frame.select(columns).sort("id")


def test_same_values_as_each_rule_on_the_text_frames(tables):
    result = all_rules(tables, AS_OF)
    frames = employee_frames(tables, AS_OF)
    active = tables["pegawai"].filter(pl.col("aktif"))
    assert result["id"].to_list() == active["id"].cast(pl.Utf8).to_list()  # pegawai order
    latest = skp.latest_predikats_batch(frames.performance, AS_OF, ids=frames.employees["id"])
    expected = [
        retirement.retirement_batch(frames.employees, AS_OF),
        skp.predikat_columns(latest),
        ipasn.ip_asn_batch(frames, AS_OF),
        talent.talent_batch(frames, AS_OF).select(TALENT_COLUMNS),
        pangkat.kp_reguler_batch(frames, AS_OF),
        duk.duk_rank_batch(frames, AS_OF),
    ]
    taken: set[str] = {"id"}
    for part in expected:
        names = [f"{c}_right" if c in taken else c for c in part.columns if c != "id"]
        taken.update(names)
        mine = by_id(result, ["id", *names])
        assert mine.equals(by_id(part, part.columns).rename(dict(zip(part.columns[1:], names, strict=True)))), names
    # Not vacuous: the world has scores, boxes and ranks to compare.
    assert result["total"].drop_nulls().len() > 200 and result["box"].drop_nulls().len() > 0
    assert sorted(result["duk_rank"].to_list()) == list(range(1, result.height + 1))


def test_regular_tables_give_level_matrices_not_the_joins(tables):
    # The fast path must hold for the generated world (the joins would give the same values, slowly).
    from simerit.tables import CompetencyLevels, keyed_frames_and_levels

    frames, competency = keyed_frames_and_levels(tables, AS_OF)
    levels = competency.levels()
    assert isinstance(levels, CompetencyLevels) and levels.rows.size > 0
    assert frames.competency.is_empty()
    # Each assessed employee's levels are those of the latest assessment (by date, then id).
    asesmen = tables["riwayat_asesmen"].filter(pl.col("tanggal") <= AS_OF)
    latest = asesmen.sort("tanggal", "id").group_by("pegawai_id").agg(pl.col("id").last())
    assert levels.rows.size == latest.height


def test_one_thread_and_two_give_the_same_frame(tables):
    assert all_rules(tables, AS_OF, threads=1).equals(all_rules(tables, AS_OF, threads=2))
    past = dt.date(2022, 6, 30)
    assert all_rules(tables, past, threads=1).equals(all_rules(tables, past, threads=2))


def test_tables_that_take_the_joins_give_the_same_frame(tables):
    # A kompetensi twice in one standard: the level matrices give up (in the worker thread when
    # there is one) and the JPM comes from the competency rows of the joins instead.
    assessed = tables["riwayat_asesmen"]["pegawai_id"][0]
    held = tables["pegawai"].filter(pl.col("id") == assessed)["jabatan_id"][0]
    standar = tables["standar"]
    twice = standar.filter(pl.col("jabatan_id") == held).head(1)
    assert twice.height == 1
    irregular = {**tables, "standar": pl.concat([standar, twice])}
    with pytest.raises(_Irregular):
        _by_row_number(irregular, AS_OF)[1].levels()  # the levels give up; the rows come from the joins
    one, two = all_rules(irregular, AS_OF, threads=1), all_rules(irregular, AS_OF, threads=2)
    assert one.equals(two)
    regular = all_rules(tables, AS_OF)
    assert one["id"].equals(regular["id"])  # pegawai order on the joins too
    # Only the JPM of the one employee whose standard lists a kompetensi twice can differ.
    assert one.drop("jpm_percent").equals(regular.drop("jpm_percent"))


def test_thread_count_below_one_is_refused(tables):
    with pytest.raises(ValueError, match="at least 1"):
        all_rules(tables, AS_OF, threads=0)
