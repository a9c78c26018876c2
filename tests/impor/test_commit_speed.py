"""What makes the employee import fast (issue 4, docs/decisions/0052-import-commit-reuses-dry-run.md)
must not change what it decides or writes: the column rules only let through rows `full_clean`
accepts, the commit starts from the dry run's parse but re-checks everything, and the bulk writer
stores what `bulk_create` and `AuditedModel.save()` would."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest
from django.db import connection

from simerit.core.audit import acting_as
from simerit.core.models import AuditEvent
from simerit.impor import services, validate
from simerit.impor.models import ImportBatch
from simerit.impor.reader import PARSE_VERSION, pack_table, read_upload, unpack_table
from simerit.pegawai.models import Pegawai
from tests.impor import helpers as h
from tests.impor.conftest import snapshot

pytestmark = pytest.mark.django_db


def _rows(n: int = 3, unit: str = "PKM-01") -> list[dict]:
    return [h.row(h.nip(i), f"Pegawai Impor {i}", unit=unit) for i in range(1, n + 1)]


def _edge_rows(world, today: dt.date) -> list[dict]:
    """Rows on either side of each model rule, new and stored employees."""
    rows = _rows(24)
    rows[0]["Status"] = "PPPK"  # valid NIP, no TMT CPNS needed, no golongan needed
    rows[0].update({"TMT CPNS": None, "TMT PNS": None, "Golongan": None})
    rows[1].update({"Status": "PPPK", "TMT CPNS": None, "TMT PNS": None})
    rows[1]["NIP"] = "000001011900011001"  # 18 digits but no NIP: fine for a NI PPPK
    rows[2]["NIK"] = "320100000000001"  # 15 digits
    rows[3]["Nama"] = "N" * 151
    rows[4]["Nama"] = "N" * 150
    rows[5]["Gelar Depan"] = "G" * 41
    rows[6]["Gelar Belakang"] = "G" * 60
    rows[7]["Tempat Lahir"] = "T" * 101
    rows[8]["Status"] = "CPNS"
    rows[8].update({"Golongan": None, "TMT PNS": None})  # CPNS needs a golongan
    rows[9]["TMT PNS"] = None  # PNS needs TMT PNS
    rows[10]["TMT PNS"] = "01-01-2014"  # before TMT CPNS (03-2015)
    rows[11]["TMT Golongan"] = "15-01-1990"  # on the birth date
    rows[12]["TMT Jabatan"] = "16-01-1990"  # the day after: fine
    rows[13]["Agama"] = None
    rows[14]["Nama"] = "Ni Ketut Ayu Dewi, \"Dé\" — Ñ"  # text json.dumps escapes
    rows[15]["NIK"] = "3201000000000001"
    rows[16]["Tanggal Lahir"] = "01-03-2015"  # after TMT CPNS's month: refused by the column rule
    rows[17]["Jabatan"] = "PERAWAT AHLI PERTAMA"
    rows[18]["Gelar Depan"] = "dr."
    rows[18]["Gelar Belakang"] = "Sp.PD"
    rows[19]["Status"] = "pppk"
    rows[19].update({"TMT CPNS": "01-03-2015"})
    rows[20]["TMT CPNS"] = "01-01-1989"  # before the birth date
    # Stored employees: unchanged, changed, and one whose stored record breaks a model rule.
    p = world.p_puskesmas
    rows[21] = h.row(p.nip, p.nama, **{"Tanggal Lahir": p.tanggal_lahir, "TMT CPNS": p.tmt_cpns,
                                       "TMT PNS": p.tmt_pns, "Golongan": p.pangkat.kode,
                                       "TMT Golongan": p.tmt_pangkat, "Jabatan": p.jabatan.nama,
                                       "Jenis Kelamin": p.jenis_kelamin})
    rows[22] = dict(rows[21], Nama="Siti Rahmawati Baru")
    rows[22]["NIP"] = world.p_dindik.nip
    rows[22]["Kode Unit"] = "PKM-01"
    rows[22]["Tanggal Lahir"] = world.p_dindik.tanggal_lahir
    rows[22]["TMT CPNS"] = world.p_dindik.tmt_cpns
    rows[22]["TMT PNS"] = world.p_dindik.tmt_pns
    rows[22]["Jenis Kelamin"] = world.p_dindik.jenis_kelamin
    rows[22]["Jabatan"] = None
    return rows


def _plan(world, rows: list[dict], headers: list[str] | None = None) -> validate.Plan:
    table = read_upload("x.xlsx", h.xlsx(rows, headers=headers))
    return validate.dry_run(table, instansi=world.inst, user=world.users["admin"])


def _summary(plan: validate.Plan) -> tuple:
    updates = sorted((obj.nip, json.dumps(ch, sort_keys=True)) for obj, ch in plan.update)
    frame = plan.create_frame.sort("nip").rows() if plan.create_frame is not None else []
    return plan.problems, plan.creates, plan.unchanged, updates, frame, sorted(plan.refused_rows)


@pytest.mark.parametrize("leave_out", [(), ("Agama", "TMT Jabatan", "Pendidikan", "NIK")])
def test_column_rules_decide_as_full_clean(world, today, monkeypatch, leave_out):
    """The dry run with the column rules equals the dry run that sends every row through
    `full_clean` (rules forced to "not sure"), problems, plan and all."""
    rows = _edge_rows(world, today)
    headers = [x for x in h.HEADERS if x not in leave_out]
    fast = _summary(_plan(world, rows, headers))
    monkeypatch.setattr(validate, "_model_ok", lambda m, *a: pl.Series([False] * m.height))
    slow = _summary(_plan(world, rows, headers))
    assert fast == slow
    problems, creates, unchanged, updates, _frame, _refused = fast
    assert creates >= 10 and updates and problems  # every path was taken


def test_new_rows_planned_as_full_clean_would_build_them(world, today, monkeypatch):
    """The frame of new employees holds exactly the values of the model instance the per-row
    path builds (and `full_clean` accepts) for each of those rows."""
    built = {}
    row_object = validate._row_object

    def record(r, *args):
        obj, old = row_object(r, *args)
        built[obj.nip] = (obj, old)
        return obj, old

    monkeypatch.setattr(validate, "_row_object", record)
    monkeypatch.setattr(validate, "_model_ok", lambda m, *a: pl.Series([False] * m.height))
    plan = _plan(world, _edge_rows(world, today))
    assert plan.create_frame.height >= 10
    for values in plan.create_frame.iter_rows(named=True):
        obj, old = built[values["nip"]]
        assert old is None
        assert values == {name: getattr(obj, name) for name in values}


def test_created_changes_json_is_json_dumps():
    values = pl.DataFrame({
        "id": [1, 2, 3, 4], "nama": ["Budi", "Dé", 'a"b', "tab\there"], "kosong": ["", None, "x", ""],
        "aktif": [True, False, None, True], "tanggal": ["1990-01-15", None, "0999-01-02", "2020-02-29"],
        "nol": [0, None, 5, -1], "hampa": pl.Series([None] * 4, dtype=pl.Null),
    })
    got = services.created_changes_json(values, 7)
    for i, row in enumerate(values.iter_rows(named=True)):
        want = json.dumps({**{k: [None, v] for k, v in row.items() if v is not None and v != ""}, "_impor": [None, 7]})
        assert got[i] in (want, None)
    assert got[0] is not None and got[1] is None and got[2] is None and got[3] is None


def test_committed_rows_and_audit_are_what_save_would_write(world, run_import, commit):
    admin = world.users["admin"]
    rows = _rows(4)
    rows[1]["Nama"] = 'Ni Luh "Dé" Ayu'
    rows[2].update({"Gelar Depan": "dr.", "Gelar Belakang": "M.Kes.", "Jabatan": "Perawat Ahli Pertama"})
    rows[3].update({"Status": "PPPK", "TMT CPNS": None, "TMT PNS": None, "Golongan": None, "Agama": None})
    batch = commit(admin, run_import(admin, h.xlsx(rows)))
    assert batch.status == ImportBatch.Status.DONE, batch.error
    for r in rows:
        p = Pegawai.objects.get(nip=r["NIP"])
        event = AuditEvent.objects.get(model="pegawai.pegawai", object_pk=str(p.pk))
        saved = {k: [None, v] for k, v in p._audit_values().items() if v not in (None, "")}
        assert event.changes == {**saved, "_impor": [None, batch.pk]}
        if connection.vendor == "sqlite":  # jsonb keeps no key order
            assert list(event.changes) == [*saved, "_impor"]  # the model's field order
        assert (event.action, event.actor, event.actor_label, event.ip) == ("create", admin, admin.username, None)
        assert event.object_repr == str(p) and event.instansi_id == world.inst.pk
    p = Pegawai.objects.get(nip=rows[2]["NIP"])
    assert (p.gelar_depan, p.jabatan, p.aktif, p.tanggal_berhenti) == ("dr.", world.jab_dinkes, True, None)
    assert Pegawai.objects.get(nip=rows[3]["NIP"]).agama == ""


def test_commit_starts_from_the_dry_runs_parse(world, run_import, commit, monkeypatch):
    """Unchanged since the dry run: the commit does not parse the file again, writes it all and
    drops the kept parse."""
    admin = world.users["admin"]
    batch = run_import(admin, h.xlsx(_rows(3)))
    assert batch.status == ImportBatch.Status.CHECKED and batch.tabel

    def no_reading(*args, **kwargs):
        raise AssertionError("the commit parsed the file again")

    monkeypatch.setattr(services, "read_upload", no_reading)
    batch = commit(admin, batch)
    assert batch.status == ImportBatch.Status.DONE, batch.error
    assert Pegawai.objects.filter(nip__in=[h.nip(i) for i in (1, 2, 3)]).count() == 3
    assert bytes(batch.tabel) == b""


def test_commit_rechecks_an_employee_edited_after_the_dry_run(world, run_import, commit):
    """The dry run found the operator's row fine; then the admin moved that employee out of the
    operator's units. The commit (from the kept parse) checks again: refused, nothing written."""
    operator = world.users["operator"]
    p = world.p_puskesmas
    row = h.row(p.nip, "Nama Diperbarui", **{"Tanggal Lahir": p.tanggal_lahir, "TMT CPNS": p.tmt_cpns,
                                              "Jenis Kelamin": p.jenis_kelamin})
    batch = run_import(operator, h.xlsx([row, *_rows(2)]))
    assert batch.status == ImportBatch.Status.CHECKED, batch.report["problems"]
    assert batch.report["summary"]["berubah"] == 1 and batch.tabel
    with acting_as(world.users["admin"]):
        p.unit = world.dindik
        p.save()
    before = snapshot()
    batch = commit(operator, batch)
    assert batch.status == ImportBatch.Status.INVALID
    assert [x["baris"] for x in batch.report["problems"]] == [2]
    assert "di luar lingkup" in batch.report["problems"][0]["alasan"]
    assert snapshot() == before
    assert bytes(batch.tabel) == b""


def test_kept_parse_only_for_its_own_bytes_and_version(world):
    data = h.xlsx(_rows(2))
    table = read_upload("x.xlsx", data)
    table.numeric_rows = {"nip": {3}}
    packed = pack_table(table, data)
    again = unpack_table(packed, data)
    assert again is not None and again.frame.equals(table.frame)
    assert (again.sheet, again.jenis, again.numeric_rows, again.headers) == (table.sheet, table.jenis, {"nip": {3}}, {})
    assert unpack_table(packed, h.xlsx(_rows(3))) is None  # other bytes
    assert unpack_table(packed.replace(f'"versi": {PARSE_VERSION}'.encode(), b'"versi": -1'), data) is None
    assert unpack_table(b"", data) is None and unpack_table(b"rusak", data) is None
