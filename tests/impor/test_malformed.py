"""Malformed files: each gets one clear Indonesian message and the database stays as it was."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

from simerit.impor.models import ImportBatch
from tests.impor import helpers as h
from tests.impor.conftest import snapshot

pytestmark = pytest.mark.django_db


def _one() -> list[dict]:
    return [h.row(h.nip(1), "Satu Orang")]


def _blank_rows(n: int) -> bytes:
    """A valid file whose sheet then holds `n` formatted but empty rows (as Excel writes them)."""
    data = h.xlsx(_one())
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                blank = b"".join(b'<row r="%d"><c r="A%d" s="0"/><c r="B%d" s="0"/></row>' % (i, i, i)
                                 for i in range(3, n + 3))
                body = body.replace(b"</sheetData>", blank + b"</sheetData>")
                body = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:R%d"/>' % (n + 2), body)
            dst.writestr(item, body)
    return out.getvalue()


def _merged(wb, ws):
    ws.merge_range(1, 2, 1, 4, "Gabungan")


def _formula(wb, ws):
    ws.write_formula(1, 3, '=UPPER("budi")', None, "BUDI")


def _cp1252() -> bytes:
    return h.csv([h.row(h.nip(1), "Désirée Nurhayati")], encoding="cp1252")


CASES = {
    "terpotong": (lambda: h.xlsx(_one())[:1500], "rusak atau terpotong"),
    "bukan_excel": (lambda: b"%PDF-1.7 bukan spreadsheet", "Jenis berkas tidak dikenal"),
    "kosong_0_bita": (lambda: b"", "Berkas kosong"),
    "lembar_kosong": (lambda: h.xlsx([], headers=[]), "kosong"),
    "hanya_judul": (lambda: h.xlsx([]), "hanya baris judul"),
    "judul_salah": (lambda: h.xlsx(_one(), headers=["No", "Nama Lengkap", "Tgl"]), "tidak ditemukan: NIP"),
    "sel_gabungan": (lambda: h.xlsx(_one(), hook=_merged), "digabung (merge), mis. C2:E2"),
    "rumus": (lambda: h.xlsx(_one(), hook=_formula), "rumus (formula)"),
    "csv_cp1252": (_cp1252, "bukan UTF-8"),
    "csv_utf16": (lambda: "\ufeffNIP,Nama\n1,2\n".encode("utf-16"), "UTF-16"),
    "csv_kutip_rusak": (lambda: b'NIP,Nama\n"123,Budi\n', None),
    "sejuta_baris_kosong": (lambda: _blank_rows(1_000_000), None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_file_gets_a_clear_message_and_changes_nothing(world, run_import, case):
    make, message = CASES[case]
    name = "pegawai.csv" if case.startswith("csv") else "pegawai.xlsx"
    before = snapshot()
    batch = run_import(world.users["admin"], make(), name=name)
    assert snapshot() == before
    if case == "sejuta_baris_kosong":
        # The blank rows are skipped: the one real row is checked and nothing else.
        assert batch.status == ImportBatch.Status.CHECKED, batch.error
        assert batch.report["summary"]["baris"] == 1
        return
    assert batch.status == ImportBatch.Status.INVALID
    assert batch.error, batch.report
    if message:
        assert message in batch.error
    assert not re.search(r"Traceback|Error\(|Exception", batch.error)


def test_wrong_types_are_reported_per_cell(world, run_import):
    rows = _one()
    rows[0].update({"Tanggal Lahir": 12345, "TMT CPNS": "kemarin", "Jenis Kelamin": 1, "Golongan": 3.5,
                    "TMT Golongan": dt.date(2020, 4, 1), "NIK": 3201012345678901})
    batch = run_import(world.users["admin"], h.xlsx(rows))
    got = {p["kolom"]: p["alasan"] for p in batch.report["problems"]}
    assert "Bukan tanggal" in got["Tanggal Lahir"] and "Bukan tanggal" in got["TMT CPNS"]
    assert "L (laki-laki) atau P" in got["Jenis Kelamin"]
    assert "Golongan '3.5' tidak dikenal" in got["Golongan"]
    assert "NIK diketik sebagai angka" in got["NIK"]
    assert "TMT Golongan" not in got  # a real Excel date cell is read as a date
    assert batch.status == ImportBatch.Status.INVALID
