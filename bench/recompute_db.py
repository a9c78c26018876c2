"""Benchmark: recompute the merit index of the demo regency from the database, end to end.

    .venv/bin/python bench/recompute_db.py [--size 9000] [--repeat 3] [--pg-url URL | --no-pg]

For SQLite (a throwaway file) and PostgreSQL (a throwaway database `simerit_bench`, skipped when
the server cannot be reached) it migrates, loads a synthetic regency of `--size` employees
(not timed), then times `index_run_execute`: load the frames from the database → every batch
rule → bulk write of the results in one transaction. Each database runs in its own process
(settings are read once per process). Reports the best and median of `--repeat` runs, the
split per stage of the best run and the worker's peak memory. Target (issue 3): < 10 s.
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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2025, 12, 31)
TARGET_SECONDS = 10.0
PG_URL = "postgres://postgres@127.0.0.1:5432/simerit_bench"


def _measure(size: int, repeat: int) -> dict:
    """Runs inside the child process, with DATABASE_URL already set."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simerit.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from simerit.core.models import Instansi
    from simerit.indeks.models import IndexResult, IndexRun
    from simerit.indeks.services import index_run_execute
    from simerit.rules.registry import rules_version
    from simerit.synth.generator import generate
    from simerit.synth.loader import load_synth

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    loaded = load_synth(generate(size, seed=42), instansi_kode="9999", instansi_nama="Kabupaten Benchmark")
    load_seconds = time.perf_counter() - t0
    instansi = Instansi.objects.get(pk=loaded["instansi_id"])
    runs = []
    for _ in range(repeat):
        run = IndexRun.objects.create(instansi=instansi, as_of=AS_OF, rules_version=rules_version(AS_OF))
        started = time.perf_counter()
        run = index_run_execute(run_id=run.pk)
        wall = time.perf_counter() - started
        if run.status != IndexRun.Status.DONE:
            raise SystemExit(f"run failed: {run.error}")
        runs.append({"wall": wall, "detik": run.counts["detik"], "hasil": IndexResult.objects.filter(run=run).count()})
    return {
        "vendor": connection.vendor,
        "server": _pg_version(connection) if connection.vendor == "postgresql" else None,
        "employees": size,
        "synth_load_seconds": round(load_seconds, 2),
        "runs": runs,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _pg_version(connection: object) -> str:
    number = connection.cursor().connection.info.server_version  # type: ignore[attr-defined]
    return f"{number // 10000}.{number % 10000}"


def _child(database_url: str, size: int, repeat: int) -> dict:
    env = dict(os.environ, DATABASE_URL=database_url)
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--size", str(size), "--repeat", str(repeat)],
        env=env, cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"benchmark on {database_url} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _fresh_pg(url: str) -> bool:
    """Drop and create the benchmark database; False when the server cannot be reached."""
    import psycopg

    base, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL not reachable at {base} ({exc.__class__.__name__}): skipped")
        return False
    return True


def _drop_pg(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _report(label: str, r: dict) -> bool:
    walls = [x["wall"] for x in r["runs"]]
    best = min(r["runs"], key=lambda x: x["wall"])
    d = best["detik"]
    ok = min(walls) < TARGET_SECONDS
    print(
        f"\n{label}{' ' + r['server'] if r['server'] else ''}: {r['employees']:,} employees, {best['hasil']:,} results per run"
    )
    print(
        f"  recompute end to end: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s over {len(walls)} runs"
        f"  ({r['employees'] / min(walls):,.0f} employees/s)  target < {TARGET_SECONDS:g} s: {'OK' if ok else 'MISSED'}"
    )
    print(f"  best run: load frames {d['muat_data']:.2f} s | compute {d['hitung']:.2f} s | write {d['simpan']:.2f} s")
    print("  per rule: " + ", ".join(f"{k} {v:.3f}" for k, v in d["per_aturan"].items()))
    print(
        f"  peak RSS of the process {r['peak_rss_mb']:.0f} MB (includes loading the synthetic data: {r['synth_load_seconds']:.1f} s)"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=9000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", PG_URL))
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.size, args.repeat)))
        return
    print(f"Recompute of the merit index from the database ({args.size:,} employees, as of {AS_OF})")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        ok &= _report("SQLite", _child(f"sqlite:///{tmp}/bench.sqlite3", args.size, args.repeat))
    if not args.no_pg and _fresh_pg(args.pg_url):
        try:
            ok &= _report("PostgreSQL", _child(args.pg_url, args.size, args.repeat))
        finally:
            _drop_pg(args.pg_url)
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
