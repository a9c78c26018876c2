"""Employee import: dry run, commit, idempotence, scope, text NIP."""

from __future__ import annotations

import io

import polars as pl
import pytest
from django.core.exceptions import ValidationError

from simerit.core.bulk import insert_frame
from simerit.core.models import AuditEvent
from simerit.impor import services
from simerit.impor.models import ImportBatch
from simerit.impor.reader import read_upload
from simerit.impor.template_xlsx import employee_template
from simerit.pegawai.models import Pegawai
from tests.impor import helpers as h
from tests.impor.conftest import snapshot

pytestmark = pytest.mark.django_db


def _rows(n: int = 3, unit: str = "PKM-01") -> list[dict]:
    return [h.row(h.nip(i), f"Pegawai Impor {i}", unit=unit) for i in range(1, n + 1)]


def test_template_has_instructions_and_headers(world):
    data = employee_template()
    petunjuk = pl.read_excel(io.BytesIO(data), engine="calamine", sheet_name="Petunjuk", has_header=False,
                             infer_schema_length=0)
    text = " ".join(str(v) for v in petunjuk.to_numpy().ravel() if v is not None)
    for needed in ("NIP", "TEKS", "III/a", "IV/e", "S1", "PPPK", "Khonghucu", "Perempuan", "wajib untuk PNS"):
        assert needed in text
    pegawai = pl.read_excel(io.BytesIO(data), engine="calamine", sheet_name="Pegawai")
    assert pegawai.columns == h.HEADERS
    # The template itself reads as "header only": a clear message, not a crash.
    with pytest.raises(Exception, match="hanya baris judul"):
        read_upload("templat.xlsx", data)


def test_valid_file_creates_employees_then_reimport_changes_nothing(world, run_import, commit):
    admin = world.users["admin"]
    rows = _rows(3)
    rows[0]["Jabatan"] = "perawat ahli pertama"  # by name within the unit, case-insensitive
    data = h.xlsx(rows)
    before = Pegawai.objects.count()
    batch = run_import(admin, data)
    assert batch.status == ImportBatch.Status.CHECKED, batch.report
    assert batch.report["summary"] == {"baris": 3, "baru": 3, "berubah": 0, "tetap": 0, "ditolak": 0, "masalah": 0,
                                       "akan_ditulis": 3}
    assert Pegawai.objects.count() == before  # the dry run writes nothing
    batch = commit(admin, batch)
    assert batch.status == ImportBatch.Status.DONE, batch.error
    assert Pegawai.objects.count() == before + 3
    p = Pegawai.objects.get(nip=h.nip(1))
    assert p.unit == world.puskesmas and p.jabatan == world.jab_dinkes and p.pangkat.kode == "III/a"
    assert p.agama == "islam" and str(p.tanggal_lahir) == "1990-01-15"
    events = AuditEvent.objects.filter(model="pegawai.pegawai", object_pk=str(p.pk))
    assert [e.action for e in events] == ["create"]
    assert events[0].actor == admin and events[0].changes["nama"] == [None, "Pegawai Impor 1"]

    audit_before = snapshot()
    again = run_import(admin, data)
    assert again.report["summary"]["tetap"] == 3
    assert again.report["summary"]["akan_ditulis"] == 0 and not again.can_commit
    with pytest.raises(ValidationError):  # nothing to confirm: the page shows no button
        commit(admin, again)
    assert snapshot() == audit_before


def test_changed_row_is_reported_with_its_fields_and_audited(world, run_import, commit):
    admin = world.users["admin"]
    rows = _rows(2)
    commit(admin, run_import(admin, h.xlsx(rows)))
    rows[1]["Nama"] = "Nama Baru"
    rows[1]["Golongan"] = "iii/b"
    batch = run_import(admin, h.xlsx(rows))
    s = batch.report["summary"]
    assert (s["baru"], s["berubah"], s["tetap"]) == (0, 1, 1)
    assert batch.report["perubahan"] == [{"kunci": h.nip(2), "nama": "Nama Baru", "kolom": ["Nama", "Golongan"]}]
    commit(admin, batch)
    p = Pegawai.objects.get(nip=h.nip(2))
    assert p.nama == "Nama Baru" and p.pangkat.kode == "III/b"
    event = AuditEvent.objects.filter(model="pegawai.pegawai", object_pk=str(p.pk), action="update").get()
    assert event.changes["nama"] == ["Pegawai Impor 2", "Nama Baru"]


def test_bad_rows_are_each_reported_and_nothing_is_written(world, run_import, commit, today):
    admin = world.users["admin"]
    future = f"01-01-{today.year + 1}"
    rows = _rows(9)
    rows[0]["NIP"] = "199001152015133001"  # month 13 in the CPNS part
    rows[1]["Golongan"] = "V/a"
    rows[2]["Kode Unit"] = "TIDAK-ADA"
    rows[3]["TMT PNS"] = future
    rows[4]["Tanggal Lahir"] = "bukan tanggal"
    rows[5]["NIP"] = rows[6]["NIP"]  # duplicate inside the file
    rows[7]["Jabatan"] = "Guru Ahli Muda"  # exists, but in another unit
    rows[8]["Status"] = "PNS"
    rows[8]["TMT PNS"] = None  # the model rule: PNS needs TMT PNS
    rows.append(h.row(h.nip(20), "Lahir Setelah CPNS", **{"Tanggal Lahir": "01-06-2015"}))
    before = snapshot()
    batch = run_import(admin, h.xlsx(rows))
    assert batch.status == ImportBatch.Status.INVALID
    got = {(p["baris"], p["kolom"]): p for p in batch.report["problems"]}
    assert "Digit 9-14" in got[(2, "NIP")]["alasan"] and got[(2, "NIP")]["nilai"] == "199001152015133001"
    assert "Golongan 'V/a' tidak dikenal" in got[(3, "Golongan")]["alasan"]
    assert "tidak terdaftar" in got[(4, "Kode Unit")]["alasan"]
    assert "masa depan" in got[(5, "TMT PNS")]["alasan"]
    assert "Bukan tanggal" in got[(6, "Tanggal Lahir")]["alasan"]
    assert "baris 8" in got[(7, "NIP")]["alasan"] and "baris 7" in got[(8, "NIP")]["alasan"]
    assert "tidak terdaftar pada unit PKM-01" in got[(9, "Jabatan")]["alasan"]
    assert got[(10, "TMT PNS")]["alasan"] == "TMT PNS wajib diisi untuk PNS."
    assert "sebelum TMT CPNS" in got[(11, "Tanggal Lahir")]["alasan"]
    assert all(p["lembar"] == "Pegawai" for p in batch.report["problems"])
    assert batch.report["summary"]["ditolak"] == 10 and batch.report["summary"]["akan_ditulis"] == 0
    with pytest.raises(ValidationError):
        commit(admin, batch)
    assert snapshot() == before


def test_operator_cannot_import_into_another_unit(world, run_import, commit):
    operator = world.users["operator"]
    rows = _rows(2)
    rows[1]["Kode Unit"] = "DINDIK"
    # An existing employee of Dinas Pendidikan, moved by NIP into the operator's unit.
    rows.append(h.row(world.p_dindik.nip, "Agus Setiawan", **{
        "Tanggal Lahir": world.p_dindik.tanggal_lahir, "TMT CPNS": world.p_dindik.tmt_cpns}))
    before = snapshot()
    batch = run_import(operator, h.xlsx(rows))
    got = {(p["baris"], p["kolom"]): p["alasan"] for p in batch.report["problems"]}
    assert "di luar lingkup kewenangan Anda" in got[(3, "Kode Unit")]
    assert "sudah terdaftar di unit di luar lingkup" in got[(4, "NIP")]
    assert batch.status == ImportBatch.Status.INVALID
    assert snapshot() == before
    # Into the own subtree it works, and the batch belongs to the operator's unit.
    ok = run_import(operator, h.xlsx(_rows(1)))
    assert ok.unit == world.dinkes
    assert commit(operator, ok).status == ImportBatch.Status.DONE
    assert Pegawai.objects.get(nip=h.nip(1)).unit == world.puskesmas


def test_commit_revalidates_the_stored_file(world, run_import, commit):
    operator = world.users["operator"]
    batch = run_import(operator, h.xlsx(_rows(1)))
    assert batch.status == ImportBatch.Status.CHECKED
    # Meanwhile the admin registers the same NIP in a unit the operator cannot change.
    import datetime as dt

    from tests import factories as f

    f.pegawai(world.dindik, serial=1, birth=dt.date(1990, 1, 15), tmt_cpns=dt.date(2015, 3, 1), nama="Sudah Ada")
    before = snapshot()
    batch = commit(operator, batch)
    assert batch.status == ImportBatch.Status.INVALID
    assert "di luar lingkup" in batch.report["problems"][0]["alasan"]
    assert snapshot() == before


def test_commit_is_all_or_nothing(world, run_import, commit, monkeypatch):
    admin = world.users["admin"]
    batch = run_import(admin, h.xlsx(_rows(5)))
    before = snapshot()

    written = []

    def boom(model, frame, **kwargs):
        # The employees are inserted first; the audit events, written last, fail.
        if model is AuditEvent:
            raise RuntimeError("disk penuh")
        written.append(insert_frame(model, frame, **kwargs))
        return written[-1]

    monkeypatch.setattr(services, "insert_frame", boom)
    batch = commit(admin, batch)
    assert written == [5]
    assert batch.status == ImportBatch.Status.FAILED and "tidak ada data yang diubah" in batch.error
    assert snapshot() == before


def test_nip_stays_text_with_leading_zeros(world, run_import):
    data = h.xlsx([h.row("019860926201505100", "Nol Di Depan"), h.row(h.nip(1), "Angka", NIP=199001152015031001)])
    table = read_upload("x.xlsx", data)
    assert table.frame["nip"].dtype == pl.Utf8
    assert table.frame["nip"][0] == "019860926201505100"
    batch = run_import(world.users["admin"], data)
    got = {p["baris"]: p for p in batch.report["problems"] if p["kolom"] == "NIP"}
    assert got[2]["nilai"] == "019860926201505100"
    assert "diketik sebagai angka" in got[3]["alasan"]
    # CSV: every cell is text, zeros kept.
    table = read_upload("x.csv", h.csv([h.row("019860926201505100", "Nol")]))
    assert table.frame["nip"][0] == "019860926201505100"


def test_csv_with_bom_and_semicolons_imports(world, run_import, commit):
    admin = world.users["admin"]
    batch = run_import(admin, h.csv(_rows(2), bom=True, sep=";"), name="pegawai.csv")
    assert batch.status == ImportBatch.Status.CHECKED, batch.report
    assert commit(admin, batch).status == ImportBatch.Status.DONE
    assert Pegawai.objects.filter(nip__in=[h.nip(1), h.nip(2)]).count() == 2
