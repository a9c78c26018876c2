"""The import screens: upload, report with paginated problems, confirm, roles."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from simerit.impor.models import ImportBatch
from simerit.pegawai.models import Pegawai
from tests.impor import helpers as h

pytestmark = pytest.mark.django_db


def _upload(client, data: bytes, name: str = "pegawai.xlsx"):
    return client.post(reverse("impor:list"), {"berkas": SimpleUploadedFile(name, data)})


def test_upload_report_and_confirm_through_the_screens(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.users["operator"])
    rows = [h.row(h.nip(i), f"Pegawai Layar {i}") for i in range(1, 4)]
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, h.xlsx(rows))
    batch = ImportBatch.objects.get()
    assert response["Location"] == batch.get_absolute_url()
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Akan ditambahkan" in page and "Simpan" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("impor:commit", args=[batch.pk]))
    assert response.status_code == 302
    assert Pegawai.objects.filter(nama__startswith="Pegawai Layar").count() == 3
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Impor tersimpan" in page
    assert "pegawai.xlsx" in client.get(reverse("impor:list")).content.decode()


def test_report_lists_problems_with_row_column_reason_and_paginates(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.users["admin"])
    rows = [h.row(h.nip(i), f"Salah {i}", Golongan="X/x") for i in range(1, 151)]
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, h.xlsx(rows))
    batch = ImportBatch.objects.get()
    page = client.get(batch.get_absolute_url()).content.decode()
    assert "Masalah (150)" in page and "Golongan &#x27;X/x&#x27; tidak dikenal" in page
    assert "Halaman 1 dari 2" in page and "Simpan</button>" not in page
    page2 = client.get(batch.get_absolute_url() + "?page=2").content.decode()
    assert "<td class=\"num\">151</td>" in page2


def test_progress_partial_polls_while_busy(world, client):
    client.force_login(world.users["admin"])
    batch = ImportBatch.objects.create(instansi=world.inst, nama_berkas="a.xlsx", isi=b"", status="checking",
                                       progress=40, stage="Memeriksa aturan data pegawai")
    html = client.get(reverse("impor:progress", args=[batch.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and "40%" in html and "Memeriksa aturan" in html


def test_template_download(world, client):
    client.force_login(world.users["operator"])
    response = client.get(reverse("impor:template"))
    assert response["Content-Disposition"].endswith('templat-impor-pegawai.xlsx"')
    assert response.content[:2] == b"PK"


def test_read_only_roles_cannot_upload(world, client):
    client.force_login(world.users["pimpinan"])
    assert _upload(client, h.xlsx([h.row(h.nip(1), "X")])).status_code == 403
    assert not ImportBatch.objects.exists()


def test_template_download_per_kind_and_unknown_kind(world, client):
    client.force_login(world.users["admin"])
    response = client.get(reverse("impor:template") + "?jenis=asesmen")
    assert response["Content-Disposition"].endswith('templat-impor-asesmen.xlsx"')
    assert client.get(reverse("impor:template") + "?jenis=tidak-ada").status_code == 404


def test_list_offers_every_kind_and_the_upload_names_the_picked_kind(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.users["operator"])
    page = client.get(reverse("impor:list")).content.decode()
    assert 'data-jenis="hukdis"' in page and 'data-jenis="unit"' not in page  # organisation: admin only
    assert "Kenali otomatis dari berkas" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("impor:list"), {"jenis": "kinerja", "berkas": SimpleUploadedFile("x.xlsx", h.xlsx([]))})
    batch = ImportBatch.objects.get()
    assert batch.jenis == "kinerja" and "templat riwayat kinerja" in batch.error
