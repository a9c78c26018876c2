"""Benchmark: candidate ranking and optimal placement (issue 5).

    .venv/bin/python bench/placement.py [--size 50000] [--vacancies 1000] [--loop-sample 1000]

Synthetic regency from `simerit.synth.generator` (same mapping to the rules' frames as the national
benchmark, `keyed_employee_frames`: integer ids, as the application's batch callers use), as of
the generator's date. Reports:
- rank: `merit.rank_candidates` of every employee for one vacancy (an administrator post with its
  catalogue standard), against the per-candidate loop (`merit_score` + `eligible` per employee) on a
  sample, scaled;
- placement: 1,000 vacancies (1-3 seats, standards of real posts of the catalogue, target levels
  spread round-robin over the ten levels so eligibility is sparse) among all employees:
  edges (eligible pairs + merit), optimal (OR-Tools min-cost flow, seats first then merit) and
  greedy ("best candidate first"); edges count, seats filled, total merit of both, the gain of
  optimal over greedy, times and peak memory (VmHWM). Target: edges + optimal under 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--vacancies", type=int, default=1_000)
    parser.add_argument("--loop-sample", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    from simerit.rules.eligibility import TARGET_LEVELS, eligible
    from simerit.rules.matching import VacancySpec, compare_placements, placement_edges
    from simerit.rules.merit import AWARD_SCHEMA, merit_score, rank_candidates
    from simerit.rules.profile import frames_to_profiles
    from simerit.synth.generator import DEFAULT_AS_OF, generate
    from simerit.tables import keyed_employee_frames

    as_of: dt.date = DEFAULT_AS_OF
    print(f"Generating {args.size:,} synthetic employees (seed {args.seed}) ...", flush=True)
    data, t_gen = _timed(lambda: generate(args.size, seed=args.seed))
    tables = data.frames()
    frames, t_frames = _timed(lambda: keyed_employee_frames(tables, as_of))  # integer ids, as batch callers use
    awards = (
        tables["riwayat_penghargaan"]
        .select(pl.col("pegawai_id").alias("id"), pl.col("tanggal_sk").alias("date"))
        .cast({**AWARD_SCHEMA, "id": pl.Int64})
    )
    n = frames.employees.height
    print(f"  generated in {t_gen:.1f} s, frames in {t_frames:.1f} s: {n:,} active employees, as of {as_of}")

    # Standards of the catalogue's posts, by target level.
    standar = tables["standar"].group_by("jabatan_id").agg(pl.col("kompetensi_kode"), pl.col("level"))
    posts = (
        tables["jabatan"]
        .select(pl.col("id").alias("jabatan_id"), "jenjang", "nama")
        .join(standar, on="jabatan_id", how="inner")
        .filter(pl.col("jenjang").is_in(list(TARGET_LEVELS)))
        .sort("jabatan_id")
    )
    by_level = {lv: posts.filter(pl.col("jenjang") == lv).rows(named=True) for lv in TARGET_LEVELS}
    by_level = {lv: rows for lv, rows in by_level.items() if rows}

    # --- 1. rank all employees for one vacancy -------------------------------------------------
    post = by_level["administrator"][0]
    standard = dict(zip(post["kompetensi_kode"], post["level"], strict=True))
    ranked, t_rank = _timed(lambda: rank_candidates(frames, standard, "administrator", as_of, awards=awards))
    eligible_n = int(ranked["eligible"].sum())
    sample_ids = frames.employees["id"].head(args.loop_sample)
    profiles = frames_to_profiles(
        type(frames)(
            employees=frames.employees.filter(pl.col("id").is_in(sample_ids.implode())),
            trainings=frames.trainings.filter(pl.col("id").is_in(sample_ids.implode())),
            performance=frames.performance.filter(pl.col("id").is_in(sample_ids.implode())),
            discipline=frames.discipline.filter(pl.col("id").is_in(sample_ids.implode())),
            competency=frames.competency.filter(pl.col("id").is_in(sample_ids.implode())),
        )
    )
    award_days: dict[str, list[dt.date]] = {}
    for pid, day in awards.filter(pl.col("id").is_in(sample_ids.implode())).iter_rows():
        award_days.setdefault(pid, []).append(day)

    def loop() -> int:
        for p in profiles.values():
            merit_score(p, standard, as_of, awards=award_days.get(p.id, ()))
            eligible(p, "administrator", as_of)
        return len(profiles)

    looped, t_loop = _timed(loop)
    loop_scaled = t_loop / max(looped, 1) * n

    # --- 2. place many vacancies ---------------------------------------------------------------
    rng = np.random.default_rng(args.seed)
    levels = sorted(by_level)
    vacancies = []
    for i in range(args.vacancies):
        level = levels[i % len(levels)]
        rows = by_level[level]
        row = rows[int(rng.integers(len(rows)))]
        seats = int(rng.integers(1, 4))
        vacancies.append(
            VacancySpec(f"V{i:04d}", level, dict(zip(row["kompetensi_kode"], row["level"], strict=True)), seats)
        )
    seats = {v.id: v.seats for v in vacancies}
    edges, t_edges = _timed(lambda: placement_edges(frames, vacancies, as_of, awards=awards))
    result, _ = _timed(lambda: compare_placements(edges, seats))
    opt, greedy = result.optimal, result.greedy
    peak = _peak_mb()

    print(f"\nRanking {n:,} candidates for one vacancy ({post['nama']}, administrator; {eligible_n:,} eligible):")
    print(f"  rank_candidates (batch)                {t_rank:8.2f} s")
    print(
        f"  per-candidate loop (scaled from {looped:,})   {loop_scaled:8.1f} s   -> batch {loop_scaled / t_rank:,.0f}x faster"
    )
    print(
        f"\nPlacement of {len(vacancies):,} vacancies ({sum(seats.values()):,} seats, {len(levels)} levels) among {n:,}:"
    )
    print(f"  edges (eligible pairs with merit)      {t_edges:8.2f} s   {edges.height:,} edges "
          f"({edges.height / (len(vacancies) * n):.1%} of all pairs)")  # fmt: skip
    print(f"  optimal  [{opt.solver}]")
    print(f"                                         {opt.seconds:8.2f} s   filled {opt.filled:,}/{opt.seats:,}, "
          f"total merit {opt.total_merit:,.2f}")  # fmt: skip
    print(f"  greedy   [{greedy.solver}]")
    print(f"                                         {greedy.seconds:8.2f} s   filled {greedy.filled:,}/{greedy.seats:,}, "
          f"total merit {greedy.total_merit:,.2f}")  # fmt: skip
    print(
        f"  gain of optimal over greedy            {result.gain:+,.2f} merit ({result.gain_percent:+.2f} %), "
        f"{opt.filled - greedy.filled:+,} seats, {len(result.changed_vacancies):,} vacancies placed differently"
    )
    print(f"  optimal / greedy time                  {opt.seconds / max(greedy.seconds, 1e-9):8.2f}x")
    total = t_edges + opt.seconds
    print(f"  edges + optimal                        {total:8.2f} s   (target: under 10 s on 2 cores)")
    print(f"  peak memory (VmHWM)                    {peak:8.0f} MB")
    print(f"  load average during the run            {Path('/proc/loadavg').read_text().split()[0]} (2 cores)")


if __name__ == "__main__":
    main()
