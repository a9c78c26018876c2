"""Workforce projection (decision 0042): retirements per period by kind of position and OPD, the
headcount left and the shortage against the ABK need, from the latest run, scoped by role.

The world (tests/conftest.py) plus the senior of `test_laporan.run`, as of 2025-12-31:
  senior (fungsional, Puskesmas Kota in Dinas Kesehatan): TMT pensiun 2026-04-01
  Siti Rahmawati (fungsional, Puskesmas Kota):            TMT pensiun 2044-10-01
  Agus Setiawan (fungsional, Dinas Pendidikan):           TMT pensiun 2044-10-01
ABK need in the instansi: Perawat Ahli Pertama 1 (Puskesmas) + Guru Ahli Muda 1 (Dinas Pendidikan).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simerit.indeks.models import IndexRun
from simerit.laporan.projection import periods_after, projection
from tests.laporan.test_laporan import XLSX, _get, _pdf_text, _xlsx_rows

pytestmark = pytest.mark.django_db


def test_periods_are_the_rest_of_the_year_then_calendar_years() -> None:
    p = periods_after(dt.date(2026, 11, 25), 2)
    assert [x.label for x in p] == ["2026*", "2027", "2028"]
    assert (p[0].start, p[0].end, p[0].partial) == (dt.date(2026, 11, 26), dt.date(2026, 12, 31), True)
    assert (p[2].start, p[2].end) == (dt.date(2028, 1, 1), dt.date(2028, 12, 31))
    # A run on 31 December has no rest of the year.
    assert [x.label for x in periods_after(dt.date(2025, 12, 31), 2)] == ["2026", "2027"]


def test_ten_years_for_the_admin(world: Any, run: IndexRun) -> None:
    p = projection(user=world.users["admin"], run=run, opd=None, years=10)
    assert [x.label for x in p.periods] == [str(y) for y in range(2026, 2036)]
    assert p.headcount == 3 and p.need == 2
    assert p.kinds == [("struktural", "Struktural"), ("fungsional", "Fungsional"), ("pelaksana", "Pelaksana")]
    assert p.by_kind["fungsional"] == [1] + [0] * 9 and p.by_kind["struktural"] == [0] * 10
    assert p.remaining == [2] * 10 and p.shortage == [0] * 10 and p.total_retiring == 1
    # Twenty years reach the two retirements of 2044 (index 18): nobody is left, two short of the ABK.
    p = projection(user=world.users["admin"], run=run, opd=None, years=20)
    assert p.retiring[0] == 1 and p.retiring[18] == 2 and p.remaining[-1] == 0 and p.shortage[-1] == 2
    rows = [(r.nama, r.headcount, r.total, r.share) for r in p.by_opd]
    assert rows == [("Dinas Kesehatan", 2, 2, 1.0), ("Dinas Pendidikan", 1, 1, 1.0)]


def test_operator_and_opd_filter_see_their_part_only(world: Any, run: IndexRun) -> None:
    p = projection(user=world.users["operator"], run=run, opd=None, years=20)
    assert p.headcount == 2 and p.need == 1 and [r.nama for r in p.by_opd] == ["Dinas Kesehatan"]
    p = projection(user=world.users["admin"], run=run, opd=world.dindik, years=20)
    assert p.headcount == 1 and p.need == 1 and p.retiring[18] == 1 and p.total_retiring == 1


def test_page_chart_and_downloads(world: Any, client: Any, run: IndexRun) -> None:
    page = _get(client, world.users["pimpinan"], "proyeksi", **{"proyeksi-tahun": 20})
    html = page.content.decode()
    assert page.status_code == 200 and 'data-chart="proyeksi"' in html and "Tersisa akhir 2045" in html
    assert '"need": 2' in html and '"remaining": [2, 2' in html
    bad = _get(client, world.users["admin"], "proyeksi", **{"proyeksi-tahun": 99})
    assert "Pastikan nilai ini lebih kecil dari atau sama dengan 20." in bad.content.decode()

    response = _get(client, world.users["auditor"], "proyeksi_xlsx", **{"proyeksi-tahun": 20})
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    rows = _xlsx_rows(response.content)
    header = next(r for r in rows if r[0] == "No.")
    assert header[1:3] == ["OPD / unit", "Pegawai per 31 Desember 2025"] and header[3] == "2026"
    body = [r for r in rows if isinstance(r[0], int)]
    assert [r[1] for r in body] == ["Dinas Kesehatan", "Dinas Pendidikan"]
    assert body[0][2:4] == [2, 1] and body[0][-2:] == [2, 100.0]
    pdf = _get(client, world.users["admin"], "proyeksi_pdf", **{"proyeksi-tahun": 20})
    text = _pdf_text(pdf.content)
    assert "100,00" in text  # share with the Indonesian decimal comma
    assert "PROYEKSI PENSIUN" in text.upper() and "Ringkasan per jenis jabatan" in text and "Halaman 1 dari" in text
