"""Each role logs in through the real login form in Chromium and opens the dashboard, the
employee list and a profile; the dashboard screenshot must not be blank."""

from __future__ import annotations

import struct
import zlib

import pytest
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/akun/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state("networkidle")


def png_distinct_bytes(png: bytes) -> int:
    """Distinct byte values in a PNG's decompressed image data (a blank page has very few)."""
    pos, idat = 8, b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat)))


@pytest.mark.parametrize("role", ["admin", "operator", "pimpinan", "auditor"])
def test_staff_roles_open_dashboard_list_and_profile(world, live_server, page, role):
    login(page, live_server.url, role)
    expect(page).to_have_url(f"{live_server.url}/dasbor/")
    expect(page.locator("h1")).to_contain_text("Dasbor")
    # The charts are drawn by ECharts into canvases.
    page.wait_for_function("document.querySelectorAll('.chart canvas').length >= 6")

    page.goto(f"{live_server.url}/pegawai/")
    expect(page.get_by_role("link", name="Siti Rahmawati")).to_be_visible()
    if role == "operator":
        expect(page.get_by_text("Agus Setiawan")).to_have_count(0)
    else:
        expect(page.get_by_role("link", name="Agus Setiawan")).to_be_visible()
    expect(page.get_by_text("Dewi Lestari")).to_have_count(0)  # another instansi

    page.get_by_role("link", name="Siti Rahmawati").click()
    expect(page.locator("h1")).to_contain_text("Siti Rahmawati")
    expect(page.get_by_text(world.p_puskesmas.nip).first).to_be_visible()


def test_pegawai_sees_own_profile_and_is_refused_elsewhere(world, live_server, page):
    login(page, live_server.url, "pegawai")
    expect(page).to_have_url(f"{live_server.url}/pegawai/{world.p_puskesmas.pk}/")
    expect(page.locator("h1")).to_contain_text("Siti Rahmawati")
    response = page.goto(f"{live_server.url}/dasbor/")
    assert response is not None and response.status == 403
    expect(page.get_by_text("Akses ditolak").first).to_be_visible()
    response = page.goto(f"{live_server.url}/pegawai/")
    assert response is not None and response.status == 403
    response = page.goto(f"{live_server.url}/pegawai/{world.p_dindik.pk}/")
    assert response is not None and response.status == 404


def test_wrong_password_shows_indonesian_message(world, live_server, page):
    page.goto(f"{live_server.url}/akun/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "salah-sandi")
    page.get_by_role("button", name="Masuk").click()
    expect(page.locator(".alert-danger")).to_contain_text("kata sandi")
    expect(page).to_have_url(f"{live_server.url}/akun/login/")


def test_dashboard_screenshot_is_not_blank(world, live_server, page, tmp_path):
    login(page, live_server.url, "admin")
    page.wait_for_function("document.querySelectorAll('.chart canvas').length >= 6")
    page.wait_for_timeout(500)  # let the chart animation finish
    png = page.screenshot(full_page=True, path=str(tmp_path / "dasbor.png"))
    assert len(png) > 30_000
    assert png_distinct_bytes(png) > 100


def test_operator_sees_which_field_is_wrong_when_adding(world, live_server, page, tmp_path):
    login(page, live_server.url, "operator")
    page.goto(f"{live_server.url}/pegawai/")
    page.get_by_role("link", name="Tambah pegawai").click()
    page.fill("#id_nip", "1992040320200230")  # 16 digits
    page.fill("#id_nama", "Rina Marlina")
    page.fill("#id_tanggal_lahir", "1992-04-03")
    page.select_option("#id_jenis_kelamin", "P")
    page.select_option("#id_status", "PNS")
    page.fill("#id_tmt_cpns", "2020-02-01")
    page.get_by_role("button", name="Simpan").click()
    errors = page.locator("#form-errors")
    expect(errors).to_contain_text("Data belum disimpan.")
    expect(errors).to_contain_text("tepat 18 digit")
    expect(errors).to_contain_text("TMT PNS wajib diisi untuk PNS.")
    page.screenshot(full_page=True, path="/tmp/form.png")
