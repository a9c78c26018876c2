"""Succession readiness and the risk colour of a critical position (docs/decisions/0070): worked
examples from the rule, and scalar == batch on random inputs."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.succession import SuccessionParams, readiness, readiness_batch, risk, risk_batch

AS_OF = dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("box", "eligible", "jpm", "has_standard", "ready", "reasons"),
    [
        (9, True, 85.0, True, True, []),
        (7, True, 80.0, True, True, []),  # exactly the threshold is enough
        (8, True, 79.99, True, False, ["JPM 79.99% < 80%"]),
        (6, True, 95.0, True, False, ["kotak 6 di luar kelompok rencana suksesi"]),
        (None, True, 95.0, True, False, ["belum ditempatkan pada 9-box"]),
        (9, False, 95.0, True, False, ["belum memenuhi syarat jenjang jabatan"]),
        (9, True, None, True, False, ["belum ada hasil asesmen terhadap standar kompetensi jabatan"]),
        (9, True, None, False, True, []),  # no standard for the position: JPM not required
        (
            5, False, 50.5, True, False,
            ["kotak 5 di luar kelompok rencana suksesi", "belum memenuhi syarat jenjang jabatan", "JPM 50.5% < 80%"],
        ),
    ],
)  # fmt: skip
def test_readiness_worked_examples(box, eligible, jpm, has_standard, ready, reasons):
    result = readiness(box, eligible, jpm, has_standard=has_standard, as_of=AS_OF)
    assert result.value == {"ready": ready, "reasons": reasons}
    frame = pl.DataFrame(
        {"id": ["a"], "box": [box], "eligible": [eligible], "jpm_percent": [jpm], "has_standard": [has_standard]},
        schema={"id": pl.Utf8, "box": pl.Int8, "eligible": pl.Boolean, "jpm_percent": pl.Float64,
                "has_standard": pl.Boolean},
    )  # fmt: skip
    assert readiness_batch(frame, as_of=AS_OF).row(0) == ("a", ready, reasons)


def test_readiness_explains_the_eligibility_reasons():
    result = readiness(9, False, 90.0, eligibility_reasons=["pangkat III/b di bawah III/d"], as_of=AS_OF)
    assert any("pangkat III/b di bawah III/d" in s.text for s in result.steps)
    assert result.steps[-1].basis == "decision" and "0070" in result.steps[-1].source


@pytest.mark.parametrize(
    ("tmts", "ready", "color", "exposed"),
    [
        ([dt.date(2027, 12, 1)], 1, "merah", True),  # within 24 months (limit 31-12-2027), 1 < 2 ready
        ([dt.date(2027, 12, 31)], 0, "merah", True),  # on the limit day still counts
        ([dt.date(2027, 12, 1)], 2, "kuning", True),  # covered, but the change is coming
        ([dt.date(2028, 1, 1)], 0, "kuning", False),  # not exposed, empty bench
        ([dt.date(2028, 1, 1)], 1, "hijau", False),
        ([], 1, "merah", True),  # vacant, not enough ready
        ([], 3, "kuning", True),  # vacant, covered
        ([None], 1, "kuning", None),  # TMT unknown, fewer than 2 ready
        ([None], 2, "hijau", None),
        ([dt.date(2030, 1, 1), dt.date(2026, 4, 1)], 5, "kuning", True),  # the earliest holder counts
        ([None, dt.date(2026, 4, 1)], 0, "merah", True),
    ],
)
def test_risk_colour_worked_examples(tmts, ready, color, exposed):
    result = risk(tmts, ready, as_of=AS_OF)
    assert result.value["color"] == color and result.value["exposed"] is exposed
    holders = pl.DataFrame(
        {"jabatan_id": [1] * len(tmts), "tmt_pensiun": tmts}, schema={"jabatan_id": pl.Int64, "tmt_pensiun": pl.Date}
    )
    positions = pl.DataFrame({"jabatan_id": [1], "ready": [ready]}, schema={"jabatan_id": pl.Int64, "ready": pl.Int64})
    row = risk_batch(holders, positions, as_of=AS_OF).row(0, named=True)
    assert (row["color"], row["exposed"], row["vacant"]) == (color, exposed, not tmts)


def test_risk_thresholds_are_parameters():
    strict = SuccessionParams(horizon_months=60, min_ready=3)
    assert risk([dt.date(2029, 1, 1)], 2, as_of=AS_OF, params=strict).value["color"] == "merah"
    assert risk([dt.date(2029, 1, 1)], 2, as_of=AS_OF).value["color"] == "hijau"


JPMS = st.one_of(
    st.none(), st.sampled_from([79.99, 80.0, 80.01, 0.0, 100.0]), st.floats(0, 100).map(lambda x: round(x, 2))
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(1, 9)), st.one_of(st.none(), st.booleans()), JPMS, st.booleans()),
        max_size=20,
    )
)
def test_readiness_scalar_equals_batch(rows):
    frame = pl.DataFrame(
        [{"id": str(i), "box": b, "eligible": e, "jpm_percent": j, "has_standard": h} for i, (b, e, j, h) in
         enumerate(rows)],
        schema={"id": pl.Utf8, "box": pl.Int8, "eligible": pl.Boolean, "jpm_percent": pl.Float64,
                "has_standard": pl.Boolean},
    )  # fmt: skip
    batch = readiness_batch(frame, as_of=AS_OF).rows()
    for i, (b, e, j, h) in enumerate(rows):
        value = readiness(b, e, j, has_standard=h, as_of=AS_OF).value
        assert batch[i] == (str(i), value["ready"], value["reasons"])


TMT = st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2032, 12, 31)))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.lists(TMT, max_size=3), st.integers(0, 4)), max_size=12),
    st.dates(dt.date(2022, 1, 1), dt.date(2030, 12, 31)),
)
def test_risk_scalar_equals_batch(positions, as_of):
    holders = pl.DataFrame(
        [{"jabatan_id": i, "tmt_pensiun": d} for i, (tmts, _) in enumerate(positions) for d in tmts],
        schema={"jabatan_id": pl.Int64, "tmt_pensiun": pl.Date},
    )
    frame = pl.DataFrame([{"jabatan_id": i, "ready": r} for i, (_, r) in enumerate(positions)],
                         schema={"jabatan_id": pl.Int64, "ready": pl.Int64})  # fmt: skip
    batch = risk_batch(holders, frame, as_of=as_of).rows(named=True)
    for i, (tmts, ready) in enumerate(positions):
        value = risk(tmts, ready, as_of=as_of).value
        row = batch[i]
        assert row["jabatan_id"] == i
        assert (row["color"], row["vacant"], row["exposed"], row["earliest_tmt_pensiun"], row["ready"]) == (
            value["color"], value["vacant"], value["exposed"], value["earliest_tmt_pensiun"], value["ready"],
        )  # fmt: skip
