"""`selectors.jpm_for_positions` (one pass for every critical position) gives exactly what
`merit.jpm_against_batch` gives position by position."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules import merit
from simerit.talenta.selectors import jpm_for_positions

CODES = ("INT", "KS", "KOM", "OH", "PP", "PDO", "MP", "PK", "PB")
levels = st.integers(1, 5)


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.sampled_from(("1", "2", "3", "4", "5")), st.dictionaries(st.sampled_from(CODES), st.one_of(st.none(), levels)), max_size=5),
    st.dictionaries(st.integers(1, 4), st.dictionaries(st.sampled_from(CODES), levels, max_size=5), max_size=4),
)  # fmt: skip
def test_same_as_merit_per_position(people, standards):
    competency = pl.DataFrame(
        [{"id": pid, "kompetensi": k, "standard": None, "actual": a} for pid, levels in people.items()
         for k, a in levels.items()],
        schema={"id": pl.Utf8, "kompetensi": pl.Utf8, "standard": pl.Int8, "actual": pl.Int8},
    )  # fmt: skip
    together = {
        (r["jabatan_id"], r["id"]): r["jpm_percent"]
        for r in jpm_for_positions(competency, standards).iter_rows(named=True)
    }
    for jid, standard in standards.items():
        if not standard:
            continue
        alone = merit.jpm_against_batch(competency, standard)
        for r in alone.iter_rows(named=True):
            assert together.get((jid, r["id"])) == r["jpm_percent"], (jid, r["id"])
