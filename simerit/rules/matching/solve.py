"""Placement of candidates on vacancy seats: optimal (proven solvers) and greedy, and their comparison.

Decision docs/decisions/0062-optimal-placement.md:
- each person in at most one seat, only along the given (eligible) edges, at most `seats[v]` per
  vacancy;
- objective "seats_then_merit" (default): first as many filled seats as possible, then the largest
  total merit among those; "merit": the largest total merit, seats may stay empty;
- optimal: OR-Tools `SimpleMinCostFlow` (source → candidate → vacancy → sink, unit cost = −merit in
  hundredths; `solve_max_flow_with_min_cost` for seats first), or scipy's `linear_sum_assignment`
  for a dense single-seat round (`method="auto"` picks it); vacancies with identical edges become
  one node with their seats summed, and each node keeps only its best Σ seats candidates, which
  cannot change the optimum (an assigned candidate outside that list could be swapped for a free,
  at least as good one);
- greedy "best candidate first": edges by merit desc, then vacancy id, then candidate id; take an
  edge when the candidate is still free and the vacancy has a seat left.
Merits are handled as integer hundredths, so totals are exact.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import polars as pl

OBJECTIVES = ("seats_then_merit", "merit")
METHODS = ("auto", "flow", "lsa")
ASSIGNMENT_SCHEMA = {"vacancy": pl.Utf8, "candidate": pl.Utf8, "merit": pl.Float64}
LSA_MAX_CELLS = 4_000_000  # dense matrix size up to which "auto" may use linear_sum_assignment
LSA_MIN_DENSITY = 0.3


@dataclass(frozen=True)
class Placement:
    """One placement: `assignments` rows `vacancy, candidate, merit` (by vacancy, merit desc, candidate)."""

    assignments: pl.DataFrame
    total_merit: float
    filled: int
    seats: int
    solver: str
    seconds: float


@dataclass(frozen=True)
class PlacementComparison:
    """Optimal vs greedy on the same edges; `gain` = optimal − greedy total merit."""

    optimal: Placement
    greedy: Placement
    gain: float
    gain_percent: float
    changed_vacancies: list[str]


_MIX = np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 of uint64 values (vectorised; wraps modulo 2**64)."""
    with np.errstate(over="ignore"):
        z = x.astype(np.uint64) + _MIX
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


class _Prepared:
    """Edges as integer arrays (vacancy index in sorted-id order, candidate index in sorted-id
    order, merit hundredths), one per pair, and the seats per vacancy."""

    def __init__(self, edges: pl.DataFrame, seats: Mapping[str, int]):
        start = time.perf_counter()
        for name, count in seats.items():
            if not isinstance(count, int | np.integer) or count < 0:
                raise ValueError(
                    f"lowongan {name}: jumlah kursi harus bilangan bulat 0 atau lebih (sekarang {count!r})"
                )
        self.vacancy_ids = sorted(seats)
        vacancy = edges["vacancy"].cast(pl.Utf8)
        coded_v = vacancy.cast(pl.Enum(self.vacancy_ids), strict=False)
        if coded_v.null_count() > vacancy.null_count() or vacancy.null_count():
            missing = vacancy.filter(coded_v.is_null()).unique().fill_null("(kosong)").to_list()
            raise ValueError(f"jumlah kursi tidak ada untuk lowongan: {', '.join(sorted(map(str, missing)))}")
        merit = (edges["merit"].cast(pl.Float64) * 100).round(0)
        if merit.null_count() or (merit.len() and merit.min() < 0):
            raise ValueError("nilai merit pada pasangan lowongan-kandidat harus terisi dan tidak negatif")
        candidate = edges["candidate"]
        if candidate.dtype.is_integer() and candidate.len() and 0 <= candidate.min() and candidate.max() < 2**27:
            # small non-negative integer ids (keyed frames): a dense lookup, no sorting or hashing
            values = candidate.to_numpy().astype(np.int64)
            present = np.zeros(int(values.max()) + 1, dtype=bool)
            present[values] = True
            self.candidate_ids = pl.Series("candidate", np.flatnonzero(present)).cast(candidate.dtype)
            c = (np.cumsum(present) - 1)[values]
        else:
            self.candidate_ids = candidate.unique().sort()
            c = (
                candidate.cast(pl.Utf8)
                .cast(pl.Enum(self.candidate_ids.cast(pl.Utf8).to_list()))
                .to_physical()
                .to_numpy()
            )
        coded = pl.DataFrame(
            {
                "v": coded_v.to_physical().to_numpy().astype(np.int64),
                "c": np.asarray(c, dtype=np.int64),
                "m": merit.cast(pl.Int64).to_numpy(),
            }
        )
        n_c, n_v = max(len(self.candidate_ids), 1), max(len(self.vacancy_ids), 1)
        key = coded["v"].to_numpy() * n_c + coded["c"].to_numpy()
        if n_v * n_c <= 2**28:  # a bitmap of all pairs: duplicates without sorting
            seen = np.zeros(n_v * n_c, dtype=bool)
            seen[key] = True
            duplicated = int(np.count_nonzero(seen)) < key.size
        else:
            duplicated = bool(pl.Series(key).is_duplicated().any())
        if duplicated:  # one edge per pair: the highest merit
            coded = coded.group_by("v", "c").agg(pl.col("m").max())
        self.v = coded["v"].to_numpy().astype(np.int64)
        self.c = coded["c"].to_numpy().astype(np.int64)
        self.m = coded["m"].to_numpy().astype(np.int64)
        self.seats = np.array([int(seats[v]) for v in self.vacancy_ids], dtype=np.int64)
        self._order: np.ndarray | None = None
        self.seconds = time.perf_counter() - start

    def by_vacancy(self) -> np.ndarray:
        """Edge indices sorted by vacancy, merit desc, candidate (cached)."""
        if self._order is None:
            n_c, top = max(len(self.candidate_ids), 1), int(self.m.max(initial=0)) + 1
            if len(self.vacancy_ids) * top * n_c < 2**62:
                self._order = np.argsort(self.v * (top * n_c) + (top - 1 - self.m) * n_c + self.c, kind="stable")
            else:  # pragma: no cover - beyond any real round
                self._order = np.lexsort((self.c, -self.m, self.v))
        return self._order

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Start and end positions of each vacancy's block in `by_vacancy()` order."""
        counts = np.bincount(self.v, minlength=len(self.vacancy_ids))
        ends = np.cumsum(counts)
        return ends - counts, ends

    def placement(
        self, chosen: np.ndarray, solver: str, seconds: float, vacancy: np.ndarray | None = None
    ) -> Placement:
        v = self.v[chosen] if vacancy is None else vacancy
        c, m = self.c[chosen], self.m[chosen]
        frame = (
            pl.DataFrame(
                {
                    "vacancy": pl.Series(self.vacancy_ids, dtype=pl.Utf8).gather(v),
                    "candidate": self.candidate_ids.gather(c),
                    "_m": m,
                }
            )
            .sort(["vacancy", "_m", "candidate"], descending=[False, True, False])
            .select("vacancy", "candidate", (pl.col("_m").cast(pl.Float64) / 100).round(2).alias("merit"))
        )
        total = int(m.sum())
        return Placement(frame, total / 100, int(chosen.size), int(self.seats.sum()), solver, seconds)


def _classes(p: _Prepared) -> np.ndarray:
    """Class (representative vacancy index) of every vacancy: vacancies with exactly the same
    candidates and merits are interchangeable, so the solver sees one node with their seats."""
    order = p.by_vacancy()
    starts, ends = p.bounds()
    n_v = len(p.vacancy_ids)
    top = int(p.m.max(initial=0)) + 1
    sig = np.zeros(n_v, dtype=np.uint64)
    nonempty = ends > starts
    if order.size:
        mixed = _mix(p.c[order] * top + p.m[order])
        sig[nonempty] = np.add.reduceat(mixed, starts[nonempty])
    counts = ends - starts
    rep = np.arange(n_v)
    first: dict[tuple[int, int], list[int]] = {}
    c_sorted, m_sorted = p.c[order], p.m[order]
    for j in np.flatnonzero(nonempty & (p.seats > 0)):
        members = first.setdefault((int(sig[j]), int(counts[j])), [])
        for r in members:  # verify: a hash match must be the very same list
            if np.array_equal(c_sorted[starts[r] : ends[r]], c_sorted[starts[j] : ends[j]]) and np.array_equal(
                m_sorted[starts[r] : ends[r]], m_sorted[starts[j] : ends[j]]
            ):
                rep[j] = r
                break
        else:
            members.append(int(j))
    return rep


def _optimal_flow(p: _Prepared, objective: str) -> tuple[np.ndarray, np.ndarray]:
    """(edge indices, vacancy of each) of the optimum by min-cost flow over vacancy classes."""
    from ortools.graph.python import min_cost_flow

    rep = _classes(p)
    n_c, n_v = len(p.candidate_ids), len(p.vacancy_ids)
    class_seats = np.bincount(rep, weights=p.seats, minlength=n_v).astype(np.int64)
    order = p.by_vacancy()
    starts, ends = p.bounds()
    keep_n = int(p.seats.sum())  # each class keeps its best Σ seats candidates (lossless, see module doc)
    blocks = [
        order[starts[j] : min(ends[j], starts[j] + keep_n)]
        for j in np.flatnonzero((rep == np.arange(n_v)) & (class_seats > 0))
    ]
    idx = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int64)
    used = np.unique(p.c[idx])
    source, sink = n_c + n_v, n_c + n_v + 1
    supply = int(min(class_seats.sum(), used.size))
    tails = [np.full(used.size, source), p.c[idx], n_c + np.arange(n_v)]
    heads = [used, n_c + p.v[idx], np.full(n_v, sink)]
    caps = [np.ones(used.size), np.ones(idx.size), class_seats]
    costs = [np.zeros(used.size), -p.m[idx], np.zeros(n_v)]
    if objective == "merit":  # a free bypass: seats may stay empty
        tails.append([source]), heads.append([sink]), caps.append([supply]), costs.append([0])
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails).astype(np.int32),
        np.concatenate(heads).astype(np.int32),
        np.concatenate(caps).astype(np.int64),
        np.concatenate(costs).astype(np.int64),
    )
    flow.set_nodes_supplies(np.array([source, sink], dtype=np.int32), np.array([supply, -supply], dtype=np.int64))
    status = flow.solve_max_flow_with_min_cost() if objective == "seats_then_merit" else flow.solve()
    if status != flow.OPTIMAL:  # pragma: no cover - the network is always feasible
        raise RuntimeError(f"min-cost flow gagal: {status}")
    picked = idx[flow.flows(arcs[used.size : used.size + idx.size]) > 0]
    # hand each class's candidates to its vacancies: best first, vacancies in id order
    picked = picked[np.lexsort((p.c[picked], -p.m[picked], p.v[picked]))]
    members: dict[int, list[int]] = {}
    for j in range(n_v):
        members.setdefault(int(rep[j]), []).append(j)
    vacancy = np.empty(picked.size, dtype=np.int64)
    pos = 0
    for r in np.unique(p.v[picked]) if picked.size else []:
        count = int(np.count_nonzero(p.v[picked] == r))
        slots = [j for j in members[int(r)] for _ in range(int(p.seats[j]))][:count]
        vacancy[pos : pos + count] = slots
        pos += count
    return picked, vacancy


def _lsa(p: _Prepared, objective: str) -> np.ndarray:
    """Edge indices of the optimum of a single-seat round by scipy's linear_sum_assignment."""
    from scipy.optimize import linear_sum_assignment

    idx = np.flatnonzero(p.seats[p.v] > 0)  # a vacancy with no seat takes nobody
    n_c, n_v = len(p.candidate_ids), len(p.vacancy_ids)
    big = int(p.m[idx].sum()) + 1 if objective == "seats_then_merit" else 0
    gain = np.zeros((n_v, n_c), dtype=np.float64)
    where = np.full((n_v, n_c), -1, dtype=np.int64)
    gain[p.v[idx], p.c[idx]] = big + p.m[idx]
    where[p.v[idx], p.c[idx]] = idx
    rows, cols = linear_sum_assignment(gain, maximize=True)
    picked = where[rows, cols]
    picked = picked[picked >= 0]
    if objective == "merit":
        picked = picked[p.m[picked] > 0]
    return np.sort(picked)


def _optimal(p: _Prepared, objective: str, method: str) -> Placement:
    start = time.perf_counter()
    if p.m.size == 0:
        return p.placement(np.zeros(0, dtype=np.int64), "kosong", p.seconds + time.perf_counter() - start)
    single = bool((p.seats <= 1).all())
    cells = len(p.vacancy_ids) * len(p.candidate_ids)
    if method == "lsa" and not single:
        raise ValueError("linear_sum_assignment hanya untuk lowongan satu kursi")
    use_lsa = method == "lsa" or (
        method == "auto" and single and cells <= LSA_MAX_CELLS and p.m.size >= LSA_MIN_DENSITY * cells
    )
    if use_lsa:
        chosen, vacancy, solver = _lsa(p, objective), None, "scipy.optimize.linear_sum_assignment"
    else:
        (chosen, vacancy), solver = _optimal_flow(p, objective), "ortools.SimpleMinCostFlow"
    seconds = p.seconds + time.perf_counter() - start
    return p.placement(chosen, f"{solver} ({objective})", seconds, vacancy)


def _check_choice(objective: str, method: str) -> None:
    if objective not in OBJECTIVES:
        raise ValueError(f"tujuan penempatan '{objective}' tidak dikenal (pilihan: {', '.join(OBJECTIVES)})")
    if method not in METHODS:
        raise ValueError(f"metode '{method}' tidak dikenal (pilihan: {', '.join(METHODS)})")


def place_optimal(
    edges: pl.DataFrame, seats: Mapping[str, int], *, objective: str = "seats_then_merit", method: str = "auto"
) -> Placement:
    """The optimal placement of `edges` (`vacancy, candidate, merit`, eligible pairs only) on
    `seats` (vacancy id → number of seats; vacancies without edges stay empty).

    Decision docs/decisions/0062-optimal-placement.md: objective "seats_then_merit" (most seats
    filled, then most total merit) or "merit"; solver OR-Tools SimpleMinCostFlow over classes of
    interchangeable vacancies, or scipy linear_sum_assignment for a dense single-seat round
    (`method`: "auto", "flow", "lsa").
    """
    _check_choice(objective, method)
    return _optimal(_Prepared(edges, seats), objective, method)


def _greedy(p: _Prepared) -> Placement:
    """Best candidate first, simulated with one heap of each vacancy's best unprocessed edge: the
    same result as scanning all edges by (merit desc, vacancy, candidate), without the full scan."""
    start = time.perf_counter()
    order = p.by_vacancy()
    starts, ends = p.bounds()
    cs, ms = p.c[order], p.m[order]
    left = p.seats.tolist()
    end = ends.tolist()
    free = np.ones(len(p.candidate_ids), dtype=bool)
    heap = [(-int(ms[s]), v, int(cs[s]), s) for v, s in enumerate(starts.tolist()) if s < end[v] and left[v] > 0]
    heapq.heapify(heap)
    taken: list[int] = []
    remaining = sum(left)
    while heap and remaining:
        _, v, c, pos = heapq.heappop(heap)
        if free[c]:
            free[c] = False
            left[v] -= 1
            remaining -= 1
            taken.append(pos)
            if left[v] == 0:
                continue
        pos += 1
        while pos < end[v] and not free[cs[pos]]:
            pos += 1
        if pos < end[v]:
            heapq.heappush(heap, (-int(ms[pos]), v, int(cs[pos]), pos))
    chosen = np.sort(order[np.array(taken, dtype=np.int64)])
    seconds = p.seconds + time.perf_counter() - start
    return p.placement(chosen, "greedy (merit tertinggi dahulu)", seconds)


def place_greedy(edges: pl.DataFrame, seats: Mapping[str, int]) -> Placement:
    """ "Best candidate first" (decision 0062): edges by merit desc, then vacancy id asc, then
    candidate asc; an edge is taken when its candidate is still free and its vacancy has a seat left."""
    return _greedy(_Prepared(edges, seats))


def compare_placements(
    edges: pl.DataFrame, seats: Mapping[str, int], *, objective: str = "seats_then_merit", method: str = "auto"
) -> PlacementComparison:
    """Optimal and greedy on the same edges (decision 0062): `gain` = optimal − greedy total merit
    (2 decimals), `gain_percent` relative to greedy (0 when greedy's total is 0), and the vacancies
    whose set of placed candidates differs. The edges are prepared once; each placement's
    `seconds` includes that preparation."""
    _check_choice(objective, method)
    prepared = _Prepared(edges, seats)
    optimal = _optimal(prepared, objective, method)
    greedy = _greedy(prepared)
    gain_h = round(optimal.total_merit * 100) - round(greedy.total_merit * 100)
    greedy_h = round(greedy.total_merit * 100)
    percent = round(gain_h / greedy_h * 100, 2) if greedy_h else 0.0

    def sets(placement: Placement) -> dict[str, frozenset]:
        grouped = placement.assignments.group_by("vacancy").agg(pl.col("candidate"))
        return {v: frozenset(c) for v, c in grouped.iter_rows()}

    a, b = sets(optimal), sets(greedy)
    changed = sorted(v for v in set(a) | set(b) if a.get(v, frozenset()) != b.get(v, frozenset()))
    return PlacementComparison(optimal, greedy, gain_h / 100, percent, changed)
