"""Benchmark: the employee import (xlsx) end to end — dry run, then commit — on SQLite, against a
django-import-export baseline in the same run.

    .venv/bin/python bench/import_xlsx.py [--rows 10000 100000] [--db-url URL] [--baseline-rows 10000]

Migrates a throwaway database (a temporary SQLite file unless --db-url), creates one instansi
with 20 units and an admin (not timed), writes a generated xlsx of N valid employees with
xlsxwriter (not timed), then times: the dry run of the stored file (read with calamine →
vectorised checks, the model's rules as column rules; `full_clean` only for rows they cannot
clear), the commit (every check again from the dry run's parse, decision 0052 + `COPY` /
`executemany` of the employees + one audit event per employee, one transaction) and a re-import
of the same file (all unchanged).
Issue 4 target: 100,000 rows, dry run + commit, under 60 s, and at least 10x faster than
django-import-export doing the same import.

Baseline: a plain django-import-export `ModelResource` for `Pegawai` as its documentation shows it
(tablib `Dataset` loaded from the same xlsx bytes; NIP as `import_id_fields`; unit, golongan and
pendidikan by their code through `ForeignKeyWidget`; dates through `DateWidget`;
`clean_model_instances` so `full_clean()` runs as in SIMERIT; `skip_unchanged`), run as
`import_data(dry_run=True)` and, without errors, `import_data(dry_run=False)`, into a second
instansi with the same 20 units. Each saved row goes through `Pegawai.save()` and so writes its
audit event, as SIMERIT's bulk audit does. It is slow (one query set per row), so it runs on
`--baseline-rows` rows (default 10,000; at most N) and its time is scaled linearly to N, which the
output states. `import_export` is not in INSTALLED_APPS (the resource API does not need it).
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


def _baseline_resource(inst):  # type: ignore[no-untyped-def]
    """The django-import-export resource: the straightforward one its docs show."""
    from import_export import fields, resources, widgets

    from simerit.organisasi.models import Jabatan, UnitOrganisasi
    from simerit.pegawai.models import Pegawai
    from simerit.referensi.models import Pangkat, TingkatPendidikan

    class InstansiForeignKey(widgets.ForeignKeyWidget):
        def get_queryset(self, value, row, *args, **kwargs):  # type: ignore[no-untyped-def]
            return self.model.objects.filter(instansi=inst)

    date = widgets.DateWidget(format="%d-%m-%Y")

    class PegawaiResource(resources.ModelResource):
        nip = fields.Field(attribute="nip", column_name="NIP")
        nik = fields.Field(attribute="nik", column_name="NIK")
        gelar_depan = fields.Field(attribute="gelar_depan", column_name="Gelar Depan")
        nama = fields.Field(attribute="nama", column_name="Nama")
        gelar_belakang = fields.Field(attribute="gelar_belakang", column_name="Gelar Belakang")
        tempat_lahir = fields.Field(attribute="tempat_lahir", column_name="Tempat Lahir")
        tanggal_lahir = fields.Field(attribute="tanggal_lahir", column_name="Tanggal Lahir", widget=date)
        jenis_kelamin = fields.Field(attribute="jenis_kelamin", column_name="Jenis Kelamin")
        agama = fields.Field(attribute="agama", column_name="Agama")
        status = fields.Field(attribute="status", column_name="Status")
        tmt_cpns = fields.Field(attribute="tmt_cpns", column_name="TMT CPNS", widget=date)
        tmt_pns = fields.Field(attribute="tmt_pns", column_name="TMT PNS", widget=date)
        pangkat = fields.Field(attribute="pangkat", column_name="Golongan",
                               widget=widgets.ForeignKeyWidget(Pangkat, field="kode"))
        tmt_pangkat = fields.Field(attribute="tmt_pangkat", column_name="TMT Golongan", widget=date)
        pendidikan = fields.Field(attribute="pendidikan", column_name="Pendidikan",
                                  widget=widgets.ForeignKeyWidget(TingkatPendidikan, field="kode"))
        unit = fields.Field(attribute="unit", column_name="Kode Unit",
                            widget=InstansiForeignKey(UnitOrganisasi, field="kode"))
        jabatan = fields.Field(attribute="jabatan", column_name="Jabatan",
                               widget=InstansiForeignKey(Jabatan, field="nama"))
        tmt_jabatan = fields.Field(attribute="tmt_jabatan", column_name="TMT Jabatan", widget=date)

        class Meta:
            model = Pegawai
            import_id_fields = ("nip",)
            fields = ("nip", "nik", "gelar_depan", "nama", "gelar_belakang", "tempat_lahir", "tanggal_lahir",
                      "jenis_kelamin", "agama", "status", "tmt_cpns", "tmt_pns", "pangkat", "tmt_pangkat",
                      "pendidikan", "unit", "jabatan", "tmt_jabatan")
            clean_model_instances = True
            skip_unchanged = True
            use_transactions = True

        def get_queryset(self):  # type: ignore[no-untyped-def]
            return Pegawai.objects.filter(instansi=inst)

        def init_instance(self, row=None):  # type: ignore[no-untyped-def]
            return Pegawai(instansi=inst)

        def before_import_row(self, row, **kwargs):  # type: ignore[no-untyped-def]
            row["Agama"] = (row.get("Agama") or "").lower()  # the model stores the choice value
            for key in ("Gelar Depan", "Jabatan", "TMT Jabatan"):
                row[key] = row.get(key) or ""

    return PegawaiResource()


def _baseline(n: int, sample: int) -> dict[str, float]:
    """django-import-export on `sample` rows: dry run, then commit; seconds, and scaled to n."""
    import tablib

    from simerit.core.audit import acting_as
    from simerit.core.models import Instansi
    from simerit.organisasi.models import UnitOrganisasi
    from simerit.pegawai.models import Pegawai

    with acting_as(label="bench"):
        inst = Instansi.objects.create(kode=f"D{n}", nama=f"Kabupaten Baseline {n}")
        for u in range(20):
            UnitOrganisasi.objects.create(instansi=inst, kode=f"U{u:02d}", nama=f"Unit {u}")
    data = _xlsx(sample)
    resource = _baseline_resource(inst)
    times = {}
    with acting_as(label="bench"):
        for label, dry in (("dry run", True), ("commit", False)):
            t = time.perf_counter()
            dataset = tablib.Dataset().load(data, format="xlsx")
            result = resource.import_data(dataset, dry_run=dry)
            times[label] = time.perf_counter() - t
            assert not result.has_errors() and not result.has_validation_errors(), (
                [e.error for _i, errs in result.row_errors()[:3] for e in errs],
                [(r.number, r.error_dict) for r in result.invalid_rows[:3]],
            )
    assert Pegawai.objects.filter(instansi=inst).count() == sample
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000])
    parser.add_argument("--db-url", default=None)
    parser.add_argument("--baseline-rows", type=int, default=10_000,
                        help="rows for the django-import-export baseline (scaled to N); 0 skips it")
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
        if args.baseline_rows:
            sample = min(n, args.baseline_rows)
            base = _baseline(n, sample)
            ours = times["dry run"] + times["commit"]
            theirs = (base["dry run"] + base["commit"]) * n / sample
            scaled = "" if sample == n else f", scaled linearly from {sample:,} rows ×{n / sample:g}"
            print(
                f"{'':>7} django-import-export 4.4.3 on {sample:,} rows: dry run {base['dry run']:.1f} s, "
                f"commit {base['commit']:.1f} s; for {n:,} rows {theirs:.1f} s{scaled}. "
                f"SIMERIT {ours:.1f} s: {theirs / ours:.1f}× faster (target ≥ 10×)"
            )


if __name__ == "__main__":
    main()
