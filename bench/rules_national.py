"""Benchmark: every rule for a national-size population, batch (polars) from Parquet.

    .venv/bin/python bench/rules_national.py [--size 1000000] [--loop-sample 20000]

Reports, each stage measured in its own process (wall time, peak memory):
- scan:  bare polars scan that only reads the columns the rules use (the floor);
- batch: `simerit.batch.all_rules` = scan + mapping to the rules' frames + every batch rule + one
         result side by side (frames keyed by the integer primary key, built and read by row
         number instead of joins, `simerit.rules._rows`; one pass over the performance records
         shared by predikat, 9-box, IP ASN and KP; independent rules in two threads; the
         result's `id` becomes text at the end, inside the timed section); also on one thread;
- loop:  the straightforward per-employee Python loop over the same data (the way existing
         SIMPEG code computes), on a sample, scaled to the full size.
and the ratios batch/scan (medians of `--rounds` alternating rounds, with their range) and
loop/batch, plus the extrapolation to 5.6 million ASN.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy  # noqa: F401 - imported before any timing, like polars (the batch rules use it)
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = dt.date(2025, 12, 31)
TABLES = ("pegawai", "jabatan", "riwayat_pendidikan", "riwayat_diklat", "riwayat_kinerja", "riwayat_hukdis",
          "riwayat_asesmen", "nilai_asesmen", "standar")  # fmt: skip
NATIONAL = 5_600_000


def _scan(directory: Path) -> dict[str, pl.LazyFrame]:
    return {name: pl.scan_parquet(directory / f"{name}.parquet") for name in TABLES}


def stage_scan(directory: Path) -> int:
    """The floor: read exactly the columns the rules need, nothing else."""
    from simerit.tables import USED_COLUMNS

    frames = pl.collect_all([frame.select(USED_COLUMNS[name]) for name, frame in _scan(directory).items()])
    return frames[0].height


def stage_batch(directory: Path, threads: int = 2) -> int:
    """`simerit.batch.all_rules`: the frames keyed by the integer primary key, one pass over the
    performance records, every rule, one result with the text id, on `threads` threads."""
    from simerit.batch import all_rules

    return all_rules(_scan(directory), AS_OF, threads=threads).height


def stage_loop(directory: Path, sample: int) -> int:
    """Per employee: gather its records, call every scalar rule (no vectorisation)."""
    from simerit.rules import competency, duk, ipasn, pangkat, retirement, skp, talent
    from simerit.rules.profile import frames_to_profiles
    from simerit.tables import employee_frames

    tables = {k: v.head(sample) if k == "pegawai" else v for k, v in _scan(directory).items()}
    profiles = list(frames_to_profiles(employee_frames(tables, AS_OF)).values())
    for profile in profiles:
        retirement.retirement(profile, AS_OF)
        ipasn.ip_asn(profile, AS_OF)
        skp.latest_predikat(profile.performance, AS_OF)
        jp = competency.jpm(profile.competency_standard or {}, profile.competency_actual or {})
        rated = skp.latest_rated_predikat(profile.performance, AS_OF)
        talent.nine_box(rated.value["value"] if rated.value else None, jp.value["percent"] if jp.value else None)
        pangkat.kp_reguler(profile, AS_OF)
    duk.duk_order(profiles, AS_OF)
    return len(profiles)


def _peak_mb() -> float:
    """Peak resident memory of this process since its exec (VmHWM; ru_maxrss would include the
    parent's memory at fork time)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds (user + system, all threads) of this process: on a shared machine the wall
    time also counts the other processes, CPU time much less."""
    times = os.times()
    return times.user + times.system


def _child(stage: str, directory: Path, sample: int, threads: int = 2) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--stage", stage, "--dir", str(directory), "--loop-sample", str(sample),
         "--threads", str(threads)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"stage {stage} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--loop-sample", type=int, default=20_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--stage", choices=["scan", "batch", "loop"])
    parser.add_argument("--threads", type=int, default=2, help="threads of the batch stage (default 2)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating scan/batch rounds (default 5)")
    args = parser.parse_args()
    directory = args.dir or ROOT / "out" / f"bench-national-{args.size}"

    if args.stage:
        # The code under test is loaded before the clock starts, as polars and numpy are: the
        # stages time reading and computing, not Python importing modules (0.01-0.04 s).
        import simerit.batch  # noqa: F401
        import simerit.rules.profile  # noqa: F401
        import simerit.tables  # noqa: F401

        start, cpu = time.perf_counter(), _cpu()
        rows = {
            "scan": lambda: stage_scan(directory),
            "batch": lambda: stage_batch(directory, args.threads),
            "loop": lambda: stage_loop(directory, args.loop_sample),
        }[args.stage]()
        seconds, cpu_seconds = time.perf_counter() - start, _cpu() - cpu
        peak_mb = _peak_mb()
        print(json.dumps({"rows": rows, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb}))
        return

    if not (directory / "pegawai.parquet").exists():
        from simerit.synth.generator import write_parquet

        print(f"Generating {args.size:,} synthetic employees into {directory} ...", flush=True)
        t = time.perf_counter()
        write_parquet(directory, args.size, seed=42)
        print(f"  generated in {time.perf_counter() - t:.1f} s", flush=True)

    # The scan and the batch alternate, one process each, `--rounds` times: a single round on a
    # shared machine can be off by 10 %; the figures below are the medians (and the ratios' range).
    scans, batches = [], []
    for _ in range(args.rounds):
        scans.append(_child("scan", directory, args.loop_sample))
        batches.append(_child("batch", directory, args.loop_sample))
    ratios = sorted(b["seconds"] / s["seconds"] for s, b in zip(scans, batches, strict=True))
    cpu_ratios = sorted(b["cpu_seconds"] / s["cpu_seconds"] for s, b in zip(scans, batches, strict=True))
    scan = {k: statistics.median(r[k] for r in scans) for k in ("rows", "seconds", "cpu_seconds", "peak_mb")}
    batch = {k: statistics.median(r[k] for r in batches) for k in ("rows", "seconds", "cpu_seconds", "peak_mb")}
    single = _child("batch", directory, args.loop_sample, threads=1)
    loop = _child("loop", directory, args.loop_sample)
    n = int(batch["rows"])
    loop_scaled = loop["seconds"] / max(loop["rows"], 1) * n
    print(f"\nAll rules for {n:,} employees (as of {AS_OF}), 2 cores; scan and batch: medians of {args.rounds} rounds:")
    print(f"  {'stage':<34}{'seconds':>10}{'rows/s':>14}{'peak MB':>10}")
    print(
        f"  {'bare scan of the same columns':<34}{scan['seconds']:>10.2f}{n / scan['seconds']:>14,.0f}{scan['peak_mb']:>10.0f}"
    )
    print(
        f"  {'batch rules (polars)':<34}{batch['seconds']:>10.2f}{n / batch['seconds']:>14,.0f}{batch['peak_mb']:>10.0f}"
    )
    print(
        f"  {'same on one thread':<34}{single['seconds']:>10.2f}{n / single['seconds']:>14,.0f}{single['peak_mb']:>10.0f}"
    )
    print(
        f"  {'per-employee loop (scaled from ' + format(loop['rows'], ',') + ')':<34}"
        f"{loop_scaled:>10.1f}{n / loop_scaled:>14,.0f}{loop['peak_mb']:>10.0f}"
    )
    under = sum(r <= 5 for r in ratios)
    print(
        f"\n  batch / bare scan       = {statistics.median(ratios):.2f}x   (target: within 5x; rounds "
        f"{ratios[0]:.2f}-{ratios[-1]:.2f}x, {under} of {len(ratios)} within)"
    )
    print(
        f"  same in CPU seconds     = {statistics.median(cpu_ratios):.2f}x   "
        f"({batch['cpu_seconds']:.2f} / {scan['cpu_seconds']:.2f}; less affected by other load on the machine)"
    )
    print(f"  loop  / batch           = {loop_scaled / batch['seconds']:.0f}x faster with batch")
    print(f"  national 5.6 M (linear) = {batch['seconds'] / n * NATIONAL:.1f} s   (target: under 30 s)")


if __name__ == "__main__":
    main()
