"""Placement of many vacancies (docs/decisions/0062): hand-worked cases where greedy loses, the
solvers against brute force on random small rounds, and the edges against the merit and
eligibility batch rules."""

from __future__ import annotations

import datetime as dt
import itertools

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simerit.rules.eligibility import TARGET_LEVELS, eligible_batch
from simerit.rules.matching import (
    VacancySpec,
    compare_placements,
    place_greedy,
    place_optimal,
    placement_edges,
)
from simerit.rules.merit import AWARD_SCHEMA, merit_batch
from simerit.rules.profile import profiles_to_frames

from .strategies_merit import AS_OF, candidate_lists, edge_dates, standards


def edges_of(rows: list[tuple[str, str, float]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"vacancy": pl.Utf8, "candidate": pl.Utf8, "merit": pl.Float64}, orient="row")


def test_greedy_leaves_a_seat_empty_optimal_fills_both():
    # A fits V1 (100) and V2 (90); B fits only V1 (95).
    # greedy: A -> V1 (100); B finds V1 full; V2 stays empty -> 100, 1 seat.
    # optimal: B -> V1 (95), A -> V2 (90) -> 185, 2 seats; gain 85 = 85 % of 100.
    edges = edges_of([("V1", "A", 100), ("V2", "A", 90), ("V1", "B", 95)])
    seats = {"V1": 1, "V2": 1}
    result = compare_placements(edges, seats)
    assert result.greedy.assignments.rows() == [("V1", "A", 100.0)]
    assert (result.greedy.total_merit, result.greedy.filled, result.greedy.seats) == (100.0, 1, 2)
    assert result.optimal.assignments.rows() == [("V1", "B", 95.0), ("V2", "A", 90.0)]
    assert (result.optimal.total_merit, result.optimal.filled) == (185.0, 2)
    assert (result.gain, result.gain_percent, result.changed_vacancies) == (85.0, 85.0, ["V1", "V2"])
    for method in ("flow", "lsa"):
        assert place_optimal(edges, seats, method=method).assignments.rows() == result.optimal.assignments.rows()


def test_multi_seat_greedy_is_worse():
    # V1 has 2 seats, V2 1. A: V1 100, V2 99; B: V1 98; C: V1 97.
    # greedy: A -> V1, B -> V1 (V1 full), C cannot, V2 empty: 198, 2 seats.
    # optimal: A -> V2 99, B -> V1 98, C -> V1 97: 294, 3 seats.
    edges = edges_of([("V1", "A", 100), ("V2", "A", 99), ("V1", "B", 98), ("V1", "C", 97)])
    result = compare_placements(edges, {"V1": 2, "V2": 1})
    assert (result.greedy.total_merit, result.greedy.filled) == (198.0, 2)
    assert (result.optimal.total_merit, result.optimal.filled, result.optimal.seats) == (294.0, 3, 3)
    assert result.optimal.assignments.rows() == [("V1", "B", 98.0), ("V1", "C", 97.0), ("V2", "A", 99.0)]
    assert result.optimal.solver.startswith("ortools.SimpleMinCostFlow")
    assert result.gain == 96.0 and result.gain_percent == round(96 / 198 * 100, 2)


def test_seats_first_can_cost_merit_and_the_merit_objective_does_not():
    # A: V1 100, V2 1; B: V1 50. Seats first: B -> V1, A -> V2 = 51 (2 seats);
    # merit only: A -> V1 = 100 (V2 empty) — the same as greedy here.
    edges = edges_of([("V1", "A", 100), ("V2", "A", 1), ("V1", "B", 50)])
    seats = {"V1": 1, "V2": 1}
    first = place_optimal(edges, seats)
    assert (first.total_merit, first.filled) == (51.0, 2)
    merit_only = place_optimal(edges, seats, objective="merit")
    assert (merit_only.total_merit, merit_only.filled) == (100.0, 1)
    assert place_optimal(edges, seats, objective="merit", method="lsa").assignments.rows() == [("V1", "A", 100.0)]
    comparison = compare_placements(edges, seats)
    assert (comparison.gain, comparison.gain_percent) == (-49.0, -49.0)


def test_greedy_tie_break_is_vacancy_then_candidate_id():
    edges = edges_of([("V2", "B", 80), ("V1", "B", 80), ("V1", "A", 80), ("V2", "C", 80)])
    greedy = place_greedy(edges, {"V1": 1, "V2": 1})
    # order: (V1, A), (V1, B), (V2, B), (V2, C) -> V1 takes A, V2 takes B
    assert greedy.assignments.rows() == [("V1", "A", 80.0), ("V2", "B", 80.0)]


def test_vacancy_without_edges_and_empty_round():
    edges = edges_of([("V1", "A", 70)])
    placed = place_optimal(edges, {"V1": 1, "V9": 2})
    assert (placed.filled, placed.seats, placed.total_merit) == (1, 3, 70.0)
    empty = place_optimal(edges_of([]), {"V1": 1})
    assert (empty.filled, empty.seats, empty.assignments.height) == (0, 1, 0)
    assert place_greedy(edges_of([]), {}).filled == 0
    assert compare_placements(edges_of([]), {"V1": 1}).gain_percent == 0.0


def test_bad_input_is_refused_in_indonesian():
    edges = edges_of([("V1", "A", 70)])
    with pytest.raises(ValueError, match="jumlah kursi tidak ada untuk lowongan: V1"):
        place_optimal(edges, {})
    with pytest.raises(ValueError, match="tidak negatif"):
        place_greedy(edges_of([("V1", "A", -1)]), {"V1": 1})
    with pytest.raises(ValueError, match="bilangan bulat 0 atau lebih"):
        place_greedy(edges, {"V1": -1})
    with pytest.raises(ValueError, match="tujuan penempatan 'x' tidak dikenal"):
        place_optimal(edges, {"V1": 1}, objective="x")
    with pytest.raises(ValueError, match="hanya untuk lowongan satu kursi"):
        place_optimal(edges, {"V1": 2}, method="lsa")


# --- solver vs brute force -------------------------------------------------------------------------


def brute_force(edges: list[tuple[str, str, int]], seats: dict[str, int]) -> tuple[tuple[int, int], int]:
    """Best (filled, total hundredths) lexicographically, and the best total alone, by enumeration."""
    options: dict[str, list[tuple[str, int]]] = {}
    for v, c, m in edges:
        options.setdefault(c, []).append((v, m))
    people = sorted(options)
    best_lex, best_total = (0, 0), 0
    for choice in itertools.product(*[[None, *options[c]] for c in people]):
        used: dict[str, int] = {}
        total = filled = 0
        for pick in choice:
            if pick is None:
                continue
            used[pick[0]] = used.get(pick[0], 0) + 1
            total += pick[1]
            filled += 1
        if all(n <= seats[v] for v, n in used.items()):
            best_lex = max(best_lex, (filled, total))
            best_total = max(best_total, total)
    return best_lex, best_total


@st.composite
def rounds(draw):
    n_v = draw(st.integers(1, 3))
    n_c = draw(st.integers(1, 5))
    seats = {f"V{i}": draw(st.integers(0, 2)) for i in range(n_v)}
    merits = st.sampled_from((0, 1050, 5000, 5000, 7025, 9999, 10000))  # hundredths, with ties
    pairs = draw(st.sets(st.tuples(st.sampled_from(sorted(seats)), st.sampled_from([f"c{i}" for i in range(n_c)]))))
    return [(v, c, draw(merits)) for v, c in sorted(pairs)], seats


def check_valid(placement, edges, seats):
    rows = placement.assignments.rows()
    allowed = {(v, c): m / 100 for v, c, m in edges}
    assert all(allowed[(v, c)] == m for v, c, m in rows)
    assert len({c for _, c, _ in rows}) == len(rows)  # each person at most one seat
    for v, n in seats.items():
        assert sum(1 for r in rows if r[0] == v) <= n
    assert placement.filled == len(rows) and placement.seats == sum(seats.values())
    assert round(placement.total_merit * 100) == sum(round(m * 100) for _, _, m in rows)


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_optimal_matches_brute_force_and_beats_greedy(instance):
    edges, seats = instance
    frame = edges_of([(v, c, m / 100) for v, c, m in edges])
    best_lex, best_total = brute_force(edges, seats)
    greedy = place_greedy(frame, seats)
    check_valid(greedy, edges, seats)
    methods = ["flow", "lsa"] if all(n <= 1 for n in seats.values()) else ["flow"]
    for method in methods:
        first = place_optimal(frame, seats, method=method)
        check_valid(first, edges, seats)
        assert (first.filled, round(first.total_merit * 100)) == best_lex
        merit_only = place_optimal(frame, seats, objective="merit", method=method)
        check_valid(merit_only, edges, seats)
        assert round(merit_only.total_merit * 100) == best_total
    assert (greedy.filled, round(greedy.total_merit * 100)) <= best_lex
    assert round(greedy.total_merit * 100) <= best_total


def test_pruning_keeps_the_optimum_on_a_crowded_vacancy():
    # one vacancy with 1 seat and 50 candidates, another with 1 seat sharing the best candidate
    rows = [("V1", f"c{i:02d}", 50 + i / 2) for i in range(50)] + [("V2", "c49", 10.0)]
    result = place_optimal(edges_of(rows), {"V1": 1, "V2": 1}, method="flow")
    assert result.assignments.rows() == [("V1", "c48", 74.0), ("V2", "c49", 10.0)]


# --- edges -----------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_edges_equal_merit_batch_on_eligible_candidates(data):
    as_of = data.draw(AS_OF)
    levels = data.draw(st.lists(st.sampled_from(TARGET_LEVELS), min_size=1, max_size=4))
    profiles = data.draw(candidate_lists(as_of, level=levels[0]))
    vacancies = [
        VacancySpec(f"L{i}", level, data.draw(standards), data.draw(st.integers(1, 3)))
        for i, level in enumerate(levels)
    ]
    award_days = {p.id: data.draw(st.lists(edge_dates(as_of, (0, 60)), max_size=2)) for p in profiles}
    awards = pl.DataFrame([{"id": i, "date": d} for i, ds in award_days.items() for d in ds], schema=AWARD_SCHEMA)
    frames = profiles_to_frames(profiles)
    edges = placement_edges(frames, vacancies, as_of, awards=awards)
    assert edges.schema == pl.Schema({"vacancy": pl.Utf8, "candidate": pl.Utf8, "merit": pl.Float64})
    for v in vacancies:
        ok = eligible_batch(frames, v.level, as_of).filter("eligible")["id"].to_list()
        expected = merit_batch(frames, v.standard, as_of, awards=awards).filter(pl.col("id").is_in(ok))
        got = edges.filter(pl.col("vacancy") == v.id)
        assert got.select("candidate", "merit").rows() == expected.select("id", "merit").rows()


def test_edges_worked_example_and_validation():
    from .test_merit import STANDARD, worked_profile

    as_of = dt.date(2025, 12, 31)
    profiles = [worked_profile(id="a"), worked_profile(id="x", status="CPNS")]
    vacancies = [VacancySpec("KABID", "administrator", STANDARD, 2), VacancySpec("KASI", "pengawas", {}, 1)]
    edges = placement_edges(profiles_to_frames(profiles), vacancies, as_of)
    # "a" (merit 76.52 against STANDARD without awards: rekam jejak 52 -> 71.02; KASI has no standard:
    # kompetensi 0 -> 6 + 0 + 27.501 + 14.3 = 47.80)
    assert edges.rows() == [("KABID", "a", 71.02), ("KASI", "a", 47.8)]
    with pytest.raises(ValueError, match="lowongan V: jenjang 'eselon' tidak dikenal"):
        placement_edges(profiles_to_frames(profiles), [VacancySpec("V", "eselon")], as_of)
    with pytest.raises(ValueError, match="id lowongan ganda"):
        placement_edges(profiles_to_frames(profiles), [VacancySpec("V", "pengawas")] * 2, as_of)
    with pytest.raises(ValueError, match="jumlah kursi harus bilangan bulat 1 atau lebih"):
        placement_edges(profiles_to_frames(profiles), [VacancySpec("V", "pengawas", seats=0)], as_of)
    assert placement_edges(profiles_to_frames([]), vacancies, as_of).height == 0


def naive_greedy(edges: list[tuple[str, str, int]], seats: dict[str, int]) -> list[tuple[str, str, int]]:
    """The literal definition: scan all edges by (merit desc, vacancy, candidate)."""
    left, used, out = dict(seats), set(), []
    for v, c, m in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        if c not in used and left[v] > 0:
            used.add(c)
            left[v] -= 1
            out.append((v, c, m))
    return sorted(out)


@settings(max_examples=200, deadline=None)
@given(rounds())
def test_greedy_equals_the_literal_scan(instance):
    edges, seats = instance
    got = place_greedy(edges_of([(v, c, m / 100) for v, c, m in edges]), seats).assignments.rows()
    assert sorted((v, c, round(m * 100)) for v, c, m in got) == naive_greedy(edges, seats)


def test_identical_vacancies_share_one_solver_node_and_split_deterministically():
    # V1 and V2 (1 seat each) have the same candidates and merits; V3 differs. The optimum puts the
    # best two of A, B on V1/V2 (best to the lower id), C on V3.
    rows = [(v, c, m) for v in ("V2", "V1") for c, m in (("A", 90.0), ("B", 80.0), ("C", 70.0))]
    rows += [("V3", "C", 60.0), ("V3", "A", 10.0)]
    seats = {"V1": 1, "V2": 1, "V3": 1}
    placed = place_optimal(edges_of(rows), seats, method="flow")
    assert placed.assignments.rows() == [("V1", "A", 90.0), ("V2", "B", 80.0), ("V3", "C", 60.0)]
    assert placed.total_merit == 230.0


def test_integer_candidate_ids_and_duplicate_edges():
    edges = pl.DataFrame(
        {"vacancy": ["V1", "V1", "V2", "V1"], "candidate": [7, 3, 7, 7], "merit": [50.0, 40.0, 45.0, 55.0]}
    )
    placed = place_optimal(edges, {"V1": 1, "V2": 1})  # the (V1, 7) pair counts once, at 55
    assert placed.assignments.rows() == [("V1", 3, 40.0), ("V2", 7, 45.0)]
    assert placed.assignments.schema["candidate"] == pl.Int64
    assert place_greedy(edges, {"V1": 1, "V2": 1}).assignments.rows() == [("V1", 7, 55.0)]


def test_edges_and_ranking_accept_integer_ids():
    # keyed frames (integer ids, simerit.tables.keyed_employee_frames) give the same numbers
    from simerit.rules.merit import rank_candidates
    from simerit.rules.profile import EmployeeFrames

    from .test_merit import STANDARD, worked_profile

    as_of = dt.date(2025, 12, 31)
    text = profiles_to_frames([worked_profile(id="10"), worked_profile(id="2", education="S3")])
    keyed = EmployeeFrames(*(f.with_columns(pl.col("id").cast(pl.Int64)) for f in vars(text).values()))
    awards = pl.DataFrame({"id": ["2"], "date": [dt.date(2025, 1, 1)]}, schema=AWARD_SCHEMA)
    vacancies = [VacancySpec("V", "administrator", STANDARD, 1)]
    a = placement_edges(text, vacancies, as_of, awards=awards)
    b = placement_edges(keyed, vacancies, as_of, awards=awards.with_columns(pl.col("id").cast(pl.Int64)))
    assert b["candidate"].dtype == pl.Int64
    assert a.select("merit").equals(b.select("merit")) and b["candidate"].to_list() == [10, 2]
    ranked = rank_candidates(keyed, STANDARD, "administrator", as_of)
    assert ranked["id"].to_list() == [2, 10] and ranked["rank"].to_list() == [1, 2]
    assert place_optimal(b, {"V": 1}).assignments.rows() == [("V", 2, b["merit"][1])]
