"""The self-assessment in Chromium on a small synthetic regency: create a year (suggestions
pre-filled), deviate from a suggestion without a note (refused, typed values kept), fill the rest,
see the result with its chart and priorities, finalise (locked)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_seleksi import login, regency  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_create_fill_result_finalise(regency, live_server, page: Page):  # noqa: F811
    from simerit.sistemmerit.models import SelfAssessment

    base = live_server.url
    login(page, base, regency["admin"])
    page.goto(f"{base}/sistem-merit/")
    expect(page.locator("#instrumen-bawaan")).to_contain_text("bukan instrumen resmi")
    page.select_option("#id_tahun", "2025")
    page.get_by_role("button", name="Buat penilaian").click()
    expect(page.locator(".sm-suggest").first).to_contain_text("Saran sistem")
    suggested = page.locator("select[name='level_1.1']").input_value()
    other = "1" if suggested != "1" else "2"
    page.select_option("select[name='level_1.1']", other)
    page.fill("textarea[name='evidence_1.3']", "Perbup 7/2025 rencana kebutuhan")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.locator(".alert-danger")).to_contain_text("Indikator 1.1")
    expect(page.locator("#ind-1\\.1")).to_have_class("sm-ind sm-error")
    expect(page.locator("textarea[name='evidence_1.3']")).to_have_value("Perbup 7/2025 rencana kebutuhan")
    page.fill("input[name='note_1.1']", "Standar belum ditetapkan dengan Perbup")
    for select in page.locator("select[name^=level_]").all():
        if not select.input_value():
            select.select_option("3")
    page.get_by_role("button", name="Simpan dan lihat hasil").click()
    expect(page.locator("#sm-kategori")).to_contain_text("Kategori")
    page.wait_for_function("document.querySelectorAll('#chart-sm-aspek svg').length >= 1")
    expect(page.locator("#prioritas")).to_be_visible()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Finalkan").click()
    expect(page.locator(".alert-success")).to_contain_text("difinalkan")
    assert SelfAssessment.objects.get(tahun=2025).final
    expect(page.get_by_role("link", name="Isi / ubah jawaban")).to_have_count(0)
