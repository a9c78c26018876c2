"""Browser: an operator uploads a pangkat history with a broken cell, reads row/column/reason,
uploads the fixed file and confirms it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from simerit.impor.columns import JENIS
from simerit.pegawai.models import RiwayatPangkat
from tests.e2e.test_journeys import login, png_distinct_bytes
from tests.impor import helpers as h

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(nip: str, golongan: str) -> bytes:
    headers = [k.header for k in JENIS["pangkat"].kolom]
    rows = [
        {"NIP": nip, "Golongan": "III/a", "TMT Pangkat": "01-05-2015", "Jenis KP": "Pengangkatan"},
        {"NIP": nip, "Golongan": golongan, "TMT Pangkat": "01-04-2019", "Jenis KP": "Reguler"},
    ]
    return h.xlsx(rows, headers=headers, sheet="Riwayat Pangkat")


def _upload(page: Page, base: str, data: bytes) -> None:
    page.goto(f"{base}/impor/")
    page.set_input_files("#id_berkas", {"name": "riwayat-pangkat.xlsx", "mimeType": XLSX, "buffer": data})
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_load_state("networkidle")


def test_broken_history_cell_is_shown_then_the_fixed_file_is_saved(world, live_server, page, tmp_path):
    login(page, live_server.url, "operator")
    page.goto(f"{live_server.url}/impor/")
    # Every kind's template is offered; the organisation ones only to the Admin BKPSDM.
    page.get_by_role("button", name="Unduh templat (.xlsx)").click()
    expect(page.locator("a[data-jenis=pangkat]")).to_be_visible()
    expect(page.locator("a[data-jenis=unit]")).to_have_count(0)

    nip = world.p_puskesmas.nip
    _upload(page, live_server.url, _file(nip, "III/x"))
    expect(page.get_by_test_id("jenis")).to_have_text("Riwayat pangkat")
    row = page.locator("table tbody tr").filter(has_text="Golongan 'III/x' tidak dikenal")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(0)).to_have_text("Riwayat Pangkat")
    expect(row.locator("td").nth(1)).to_have_text("3")
    expect(row.locator("td").nth(2)).to_have_text("Golongan")
    expect(page.get_by_role("button", name="Simpan")).to_have_count(0)
    expect(page.locator("#peringatan")).to_have_count(0)  # no warning drawn from an incomplete history
    page.screenshot(path=str(tmp_path / "laporan.png"), full_page=True)
    assert png_distinct_bytes((tmp_path / "laporan.png").read_bytes()) > 20
    assert not RiwayatPangkat.objects.exists()

    _upload(page, live_server.url, _file(nip, "III/b"))
    expect(page.get_by_text("Uji coba tanpa masalah")).to_be_visible()
    # The newest row (III/b, 2019) is the employee's current golongan: no warning.
    expect(page.locator("#peringatan")).to_have_count(0)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Impor tersimpan")).to_be_visible()
    assert sorted(RiwayatPangkat.objects.values_list("pangkat__kode", flat=True)) == ["III/a", "III/b"]
