"""Calibration journey in Chromium: the committee opens a session for an OPD, a move without a
reason is refused, a move with a reason shows before/after, and closing makes it final."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_journeys import login, png_distinct_bytes
from tests.talenta.helpers import done_run, result

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_calibration_session_journey(world, live_server, page: Page):
    from django.core.cache import cache

    cache.clear()
    run = done_run(world.inst)
    result(run, world.p_puskesmas, box=8, opd=world.dinkes, jpm_percent=92.0)
    login(page, live_server.url, "pimpinan")
    page.goto(f"{live_server.url}/talenta/kalibrasi/")
    page.select_option("#id_opd", label="Dinas Kesehatan")
    page.fill("#id_judul", "Rapat kalibrasi Dinas Kesehatan")
    page.get_by_role("button", name="Buka sesi").click()
    expect(page.locator("h1")).to_contain_text("Rapat kalibrasi Dinas Kesehatan")
    expect(page.locator("h1")).to_contain_text("Berlangsung")

    # Without a reason: refused, in Indonesian, nothing recorded.
    page.select_option("#id_result", index=1)
    page.select_option("#id_box_after", "5")
    page.get_by_role("button", name="Simpan perpindahan").click()
    expect(page.locator(".invalid-feedback")).to_contain_text("Alasan wajib ditulis")
    expect(page.get_by_text("Belum ada perpindahan.")).to_be_visible()

    page.select_option("#id_result", index=1)
    page.select_option("#id_box_after", "5")
    page.fill("#id_alasan", "Kinerja lapangan belum sesuai hasil asesmen")
    page.get_by_role("button", name="Simpan perpindahan").click()
    expect(page.get_by_text("Siti Rahmawati dipindahkan dari kotak 8 ke kotak 5.")).to_be_visible()
    row = page.locator("table tr", has_text="Kinerja lapangan belum sesuai hasil asesmen")
    expect(row).to_contain_text("8")
    expect(row).to_contain_text("5")
    # The before/after charts are drawn (ECharts renders SVG here).
    page.wait_for_function("document.querySelectorAll('#chart-box svg, #chart-opd svg').length >= 2")
    assert png_distinct_bytes(page.locator("#chart-box").screenshot()) > 20

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Tutup sesi (final)").click()
    expect(page.locator("h1")).to_contain_text("Ditutup (final)")
    expect(page.get_by_role("button", name="Simpan perpindahan")).to_have_count(0)
