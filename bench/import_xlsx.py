"""Benchmark: the employee import (xlsx) end to end — dry run, then commit — on SQLite.

    .venv/bin/python bench/import_xlsx.py [--rows 10000 100000] [--db-url URL]

Migrates a throwaway database (a temporary SQLite file unless --db-url), creates one instansi
with 20 units and an admin (not timed), writes a generated xlsx of N valid employees with
xlsxwriter (not timed), then times: the dry run of the stored file (read with calamine →
vectorised checks → `full_clean` per row), the commit (re-validation + bulk write + one audit
event per employee, one transaction) and a re-import of the same file (all unchanged).
Issue 4 target: 100,000 rows, dry run + commit, under 60 s.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _xlsx(n: int) -> bytes:
    import datetime as dt

    import xlsxwriter

    from simerit.impor.columns import KOLOM

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "constant_memory": True})
    ws = wb.add_worksheet("Pegawai")
    ws.write_row(0, 0, [k.header for k in KOLOM])
    golongan = ["II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"]
    for i in range(n):
        birth = dt.date(1965, 1, 1) + dt.timedelta(days=(i * 37) % 12000)
        cpns = dt.date(birth.year + 24, (i % 12) + 1, 1)
        nip = f"{birth:%Y%m%d}{cpns:%Y%m}{1 + i % 2}{(i // 2) % 999 + 1:03d}"
        row = [
            nip, f"{3201000000000000 + i}", "", f"Pegawai Uji {i}", "S.Kom.", "Semarang", birth.strftime("%d-%m-%Y"),
            "L" if i % 2 == 0 else "P", "Islam", "PNS", cpns.strftime("%d-%m-%Y"),
            cpns.replace(year=cpns.year + 1).strftime("%d-%m-%Y"), golongan[i % 6], "01-04-2020", "S1",
            f"U{i % 20:02d}", "", "",
        ]
        for c, v in enumerate(row):
            ws.write_string(i + 1, c, v)
    wb.close()
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000])
    parser.add_argument("--db-url", default=None)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = args.db_url or f"sqlite:///{tmp.name}/bench.sqlite3"
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "simerit.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from simerit.accounts.models import User
    from simerit.core.audit import acting_as
    from simerit.core.models import Instansi
    from simerit.impor.models import ImportBatch
    from simerit.impor.services import batch_check_execute, batch_commit_execute
    from simerit.organisasi.models import UnitOrganisasi
    from simerit.pegawai.models import Pegawai

    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")
    for n in args.rows:
        with acting_as(label="bench"):
            inst = Instansi.objects.create(kode=f"B{n}", nama=f"Kabupaten Bench {n}")
            for u in range(20):
                UnitOrganisasi.objects.create(instansi=inst, kode=f"U{u:02d}", nama=f"Unit {u}")
        admin = User.objects.create(username=f"bench{n}", role="admin", instansi=inst)
        t = time.perf_counter()
        data = _xlsx(n)
        made = time.perf_counter() - t
        times = {}
        for label in ("dry run", "commit", "re-import dry run"):
            if label != "commit":
                batch = ImportBatch.objects.create(instansi=inst, nama_berkas="bench.xlsx", isi=data,
                                                   ukuran=len(data), created_by=admin)
            t = time.perf_counter()
            if label == "commit":
                ImportBatch.objects.filter(pk=batch.pk).update(status="committing", committed_by=admin)
                batch = batch_commit_execute(batch.pk)
            else:
                batch = batch_check_execute(batch.pk)
            times[label] = time.perf_counter() - t
            assert batch.status in ("checked", "done"), (batch.status, batch.error, batch.report.get("problems", [])[:3])
        s = batch.report["summary"]
        assert s["tetap"] == n, s
        assert Pegawai.objects.filter(instansi=inst).count() == n
        print(
            f"{n:>7,} rows ({len(data) / 1e6:.1f} MB, generated in {made:.1f} s): "
            + ", ".join(f"{k} {v:.1f} s" for k, v in times.items())
            + f"; dry run + commit = {times['dry run'] + times['commit']:.1f} s"
        )


if __name__ == "__main__":
    main()
