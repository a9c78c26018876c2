"""Build import files in memory for the tests."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter

from simerit.impor.columns import KOLOM

HEADERS = [k.header for k in KOLOM]


def row(nip: str, nama: str, unit: str = "PKM-01", **extra: Any) -> dict[str, Any]:
    base = {
        "NIP": nip, "Nama": nama, "Tanggal Lahir": nip[6:8] + "-" + nip[4:6] + "-" + nip[0:4],
        "Jenis Kelamin": "L" if nip[14] == "1" else "P", "Agama": "Islam", "Status": "PNS",
        "TMT CPNS": f"01-{nip[12:14]}-{nip[8:12]}", "TMT PNS": f"01-{nip[12:14]}-{int(nip[8:12]) + 1}",
        "Golongan": "III/a", "TMT Golongan": "01-04-2020", "Pendidikan": "S1", "Kode Unit": unit,
    }
    base.update(extra)
    return base


def nip(serial: int, birth: str = "19900115", cpns: str = "201503", sex: str = "1") -> str:
    return f"{birth}{cpns}{sex}{serial:03d}"


def xlsx(rows: list[dict[str, Any]], headers: list[str] | None = None, sheet: str = "Pegawai",
         hook: Any = None) -> bytes:
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet(sheet)
    headers = headers or HEADERS
    ws.write_row(0, 0, headers)
    for r, values in enumerate(rows, start=1):
        for c, h in enumerate(headers):
            v = values.get(h)
            if v is None:
                continue
            if isinstance(v, dt.date):
                ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day), wb.add_format({"num_format": "dd-mm-yyyy"}))
            elif isinstance(v, int | float):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, v)
    if hook:
        hook(wb, ws)
    wb.close()
    return out.getvalue()


def csv(rows: list[dict[str, Any]], encoding: str = "utf-8", bom: bool = False, sep: str = ",") -> bytes:
    lines = [sep.join(HEADERS)] + [sep.join(str(r.get(h, "") or "") for h in HEADERS) for r in rows]
    data = ("\n".join(lines) + "\n").encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data
