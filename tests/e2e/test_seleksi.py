"""The selection flow in Chromium on a small synthetic regency: open a vacancy, see the ranking,
decide with a deviation (refused without a justification, sealed with one), decide another for
the top candidate, verify the chain, and an employee's "mengapa bukan saya"."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def regency(db):
    from django.apps import apps

    from simerit.referensi.loaders import load_reference
    from simerit.referensi.models import Pangkat
    from simerit.synth.generator import generate
    from simerit.synth.loader import load_synth

    if not Pangkat.objects.exists():
        load_reference(apps)
    result = load_synth(generate(300, seed=7), instansi_kode="3329", instansi_nama="Pemerintah Kabupaten Uji")
    return {x["role"]: x for x in result["logins"]}


def login(page: Page, base: str, account: dict) -> None:
    page.goto(f"{base}/akun/login/")
    page.fill("#id_username", account["username"])
    page.fill("#id_password", account["password"])
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state("networkidle")


def _position_with_candidates():
    """Positions of the synthetic regency whose level has eligibility rules, in a fixed order."""
    from simerit.organisasi.models import Jabatan
    from simerit.rules.eligibility import level_rules

    levels = list(level_rules(dt.date.today()))
    yield from Jabatan.objects.filter(jenjang__in=levels).order_by("pk")


def _open_vacancy(page: Page, base: str) -> str:
    """Open vacancies until one has two eligible candidates; return its URL."""
    from simerit.seleksi.models import Candidate

    for jab in _position_with_candidates():
        page.goto(f"{base}/seleksi/lowongan/baru/")
        page.select_option("#id_jabatan", str(jab.pk))
        page.get_by_role("button", name="Buka dan peringkat").click()
        page.wait_for_load_state("networkidle")
        if Candidate.objects.filter(ranking__vacancy__jabatan=jab, eligible=True).count() >= 2:
            return page.url
    pytest.fail("no position with two eligible candidates")


def test_open_rank_decide_with_and_without_deviation_and_verify(regency, live_server, page):
    base = live_server.url
    login(page, base, regency["admin"])
    url = _open_vacancy(page, base)
    expect(page.locator("#tabel-peringkat")).to_be_visible()
    page.wait_for_function("document.querySelectorAll('.chart svg').length >= 1")
    first_row = page.locator("#tabel-peringkat tbody tr").first
    expect(first_row.locator("td").first).to_have_text("1")

    # Deviation: untick the top candidate, tick the second, no justification -> refused.
    boxes = page.locator("#form-keputusan input[type=checkbox]")
    boxes.nth(0).uncheck()
    boxes.nth(1).check()
    page.get_by_role("button", name="Putuskan dan segel").click()
    expect(
        page.locator(".alert-danger, .alert-error, [role=alert]").filter(has_text="justifikasi tertulis wajib")
    ).to_be_visible()
    # With a justification it is sealed and shown as a deviation.
    boxes = page.locator("#form-keputusan input[type=checkbox]")
    boxes.nth(0).uncheck()
    boxes.nth(1).check()
    page.fill("#id_justification", "Peringkat 1 sedang menjalani tugas belajar sampai 2027.")
    page.get_by_role("button", name="Putuskan dan segel").click()
    expect(page.get_by_text("Keputusan panitia (tersegel)")).to_be_visible()
    expect(page.get_by_text("Menyimpang dari peringkat teratas.")).to_be_visible()

    # A second vacancy decided for the top candidate: no justification needed.
    assert url
    _open_vacancy(page, base)
    page.get_by_role("button", name="Putuskan dan segel").click()
    expect(page.get_by_text("Keputusan panitia (tersegel)")).to_be_visible()
    expect(page.get_by_text("Menyimpang dari peringkat teratas.")).to_have_count(0)

    # The chain verifies in the application.
    page.goto(f"{base}/seleksi/catatan/")
    page.get_by_role("link", name="Verifikasi rantai").click()
    expect(page.locator("#hasil-verifikasi")).to_contain_text("Rantai UTUH: 2 entri")


def test_employee_sees_why_not(regency, live_server, page):
    from simerit.accounts.models import User
    from simerit.seleksi import services
    from simerit.seleksi.models import Candidate

    admin = User.objects.get(username=regency["admin"]["username"])
    employee_user = User.objects.get(username=regency["pegawai"]["username"])
    jab = next(_position_with_candidates())
    vacancy = services.vacancy_open(acting_user=admin, instansi=admin.instansi, jabatan=jab, seats=1,
                                    as_of=dt.date.today())  # fmt: skip
    own = Candidate.objects.get(ranking__vacancy=vacancy, pegawai_id=employee_user.pegawai_id)
    login(page, live_server.url, regency["pegawai"])
    page.goto(f"{live_server.url}/seleksi/")
    expect(page.get_by_text(jab.nama).first).to_be_visible()
    page.goto(f"{live_server.url}/seleksi/kandidat/{own.pk}/")
    expect(page.get_by_text("Pemeriksaan syarat jenjang, langkah demi langkah")).to_be_visible()
    if not own.eligible:
        expect(page.locator("h1")).to_have_text("Mengapa bukan saya?")
        expect(page.get_by_text(own.reasons[0]).first).to_be_visible()
    # Someone else's row is not visible to an employee.
    other = Candidate.objects.filter(ranking__vacancy=vacancy).exclude(pk=own.pk).first()
    response = page.goto(f"{live_server.url}/seleksi/kandidat/{other.pk}/")
    assert response.status == 404
