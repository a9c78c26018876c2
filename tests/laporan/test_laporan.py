"""Reports: DUK and Daftar pensiun as xlsx and PDF from the latest finished index run, scoped by
role, with formula cells neutralised."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader

from simerit.indeks.models import IndexResult, IndexRun
from simerit.laporan.export import Kolom, Tabel, neutralise, to_pdf, to_xlsx
from tests import factories as f
from tests.laporan.conftest import AS_OF, FORMULA

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_rows(content: bytes) -> list[list[Any]]:
    ws = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _table(rows: list[list[Any]], first: str) -> tuple[list[Any], list[list[Any]]]:
    """The header row (first cell == `first`) and the data rows after it up to the first blank row."""
    i = next(i for i, r in enumerate(rows) if r[0] == first)
    body = []
    for r in rows[i + 1 :]:
        if r[0] is None or not isinstance(r[0], int):
            break
        body.append(r)
    return rows[i], body


def _pdf_pages(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def _pdf_text(content: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)


def _get(client: Any, user: Any, name: str, **params: Any) -> Any:
    client.force_login(user)
    return client.get(reverse(f"laporan:{name}"), params)


def test_duk_xlsx_follows_the_runs_ranks_with_typed_cells(world: Any, client: Any, run: IndexRun) -> None:
    response = _get(client, world.users["admin"], "duk_xlsx")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"]
    header, body = _table(_xlsx_rows(response.content), "No. urut")
    expected = list(
        IndexResult.objects.filter(run=run, duk_rank_instansi__isnull=False)
        .order_by("duk_rank_instansi")
        .values_list("duk_rank_instansi", "pegawai__nip")
    )
    assert [(r[0], r[1]) for r in body] == expected and len(expected) == 3
    # The senior employee leads; NIP stays text; dates are dates; the formula name is plain text.
    assert body[0][2] == "'" + FORMULA
    assert isinstance(body[0][1], str) and len(body[0][1]) == 18
    assert isinstance(body[0][header.index("TMT pangkat")], dt.datetime)
    assert {r[2] for r in body[1:]} == {"Siti Rahmawati", "Agus Setiawan"}


def test_duk_xlsx_has_frozen_header_autofilter_and_no_formula(world: Any, client: Any, run: IndexRun) -> None:
    content = _get(client, world.users["admin"], "duk_xlsx").content
    ws = openpyxl.load_workbook(io.BytesIO(content)).active
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "No. urut")
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(content))
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    strings = sheet + "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith("sharedStrings.xml"))
    assert "<f>" not in sheet and "'=HYPERLINK(" in strings


def test_duk_per_opd_uses_the_opd_rank(world: Any, client: Any, run: IndexRun) -> None:
    response = _get(client, world.users["admin"], "duk_xlsx", **{"duk-opd": world.dinkes.pk})
    _, body = _table(_xlsx_rows(response.content), "No. urut")
    assert [r[0] for r in body] == [1, 2]
    assert [r[2] for r in body] == ["'" + FORMULA, "Siti Rahmawati"]


def test_operator_sees_only_own_subtree(world: Any, client: Any, run: IndexRun) -> None:
    for name in ("duk_xlsx", "pensiun_xlsx"):
        response = _get(
            client, world.users["operator"], name, **{"pensiun-dari": "2026-01-01", "pensiun-sampai": "2060-12-31"}
        )
        _, body = _table(_xlsx_rows(response.content), "No. urut" if name == "duk_xlsx" else "No.")
        names = {r[2] for r in body}
        assert "Siti Rahmawati" in names and "Agus Setiawan" not in names, name
    pdf = _pdf_text(_get(client, world.users["operator"], "duk_pdf").content)
    assert "Siti Rahmawati" in pdf and "Agus Setiawan" not in pdf
    # An operator cannot pick an OPD outside their own.
    response = _get(client, world.users["operator"], "duk_xlsx", **{"duk-opd": world.dindik.pk})
    assert response.status_code == 302


def test_pegawai_and_anonymous_get_no_report(world: Any, client: Any, run: IndexRun) -> None:
    assert _get(client, world.users["pegawai"], "duk_pdf").status_code == 403
    client.logout()
    assert client.get(reverse("laporan:duk_xlsx")).status_code == 302


def test_duk_pdf_has_letterhead_page_numbers_and_signature(world: Any, client: Any, run: IndexRun) -> None:
    response = _get(client, world.users["pimpinan"], "duk_pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and _pdf_pages(response.content) == 1
    text = _pdf_text(response.content)
    for needle in ("PEMERINTAH KABUPATEN CONTOH", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
                   "DAFTAR URUT KEPANGKATAN", "Keadaan per 31 Desember 2025", "Halaman 1 dari 1",
                   "Kepala BKPSDM", "NIP. ", "Siti Rahmawati", "Agus Setiawan"):  # fmt: skip
        assert needle in text, needle


def test_signature_block_uses_the_instansi_city_and_head(world: Any, client: Any, run: IndexRun) -> None:
    from simerit.core.models import Instansi

    Instansi.objects.filter(pk=world.inst.pk).update(
        kota="Lumajang", kepala_nama="Dr. Hendra Wicaksono, M.Si.", kepala_nip="197203151998031004"
    )
    text = _pdf_text(_get(client, world.users["pimpinan"], "duk_pdf").content)
    assert "Lumajang, " in text and "Contoh, " not in text
    for needle in ("Kepala BKPSDM", "Dr. Hendra Wicaksono, M.Si.", "NIP. 197203151998031004"):
        assert needle in text, needle
    assert "NIP. ....." not in text


def test_signature_block_falls_back_to_dotted_lines() -> None:
    tabel = Tabel(instansi="Pemerintah Kabupaten Uji", alamat="", judul="Uji", subjudul=[], keadaan_per=AS_OF,
                  kolom=[Kolom("A")], baris=[["x"]], ttd_jabatan="Plt. Kepala BKPSDM")  # fmt: skip
    text = _pdf_text(to_pdf(tabel, dicetak=AS_OF, tempat="Uji"))
    assert "Plt. Kepala BKPSDM" in text and "NIP. ....." in text and "(....." in text


def test_pensiun_lists_who_reaches_tmt_pensiun_in_the_period(world: Any, client: Any, run: IndexRun) -> None:
    senior = IndexResult.objects.get(run=run, pegawai__nama=FORMULA)
    assert senior.tmt_pensiun and dt.date(2026, 1, 1) <= senior.tmt_pensiun <= dt.date(2026, 12, 31)
    response = _get(client, world.users["auditor"], "pensiun_xlsx")  # default: the 12 months after the run
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    header, body = _table(_xlsx_rows(response.content), "No.")
    assert len(body) == 1 and body[0][2] == "'" + FORMULA
    assert body[0][header.index("TMT pensiun")].date() == senior.tmt_pensiun
    assert body[0][header.index("BUP (thn)")] == senior.bup
    # A wider period in TMT order; an empty one still makes a report.
    response = _get(
        client, world.users["admin"], "pensiun_xlsx", **{"pensiun-dari": "2026-01-01", "pensiun-sampai": "2060-12-31"}
    )
    _, body = _table(_xlsx_rows(response.content), "No.")
    tmts = [r[-1] for r in body]
    assert len(body) == 3 and tmts == sorted(tmts)
    response = _get(
        client, world.users["admin"], "pensiun_pdf", **{"pensiun-dari": "2030-01-01", "pensiun-sampai": "2030-12-31"}
    )
    assert response.status_code == 200 and "Tidak ada data." in _pdf_text(response.content)


def test_pensiun_pdf_and_bad_period(world: Any, client: Any, run: IndexRun) -> None:
    response = _get(client, world.users["admin"], "pensiun_pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Halaman 1 dari 1" in text and "BATAS USIA PENSIUN" in text
    response = _get(
        client, world.users["admin"], "pensiun_xlsx", **{"pensiun-dari": "2027-01-01", "pensiun-sampai": "2026-01-01"}
    )
    assert response.status_code == 302


def test_index_page_lists_the_reports(world: Any, client: Any, run: IndexRun) -> None:
    html = _get(client, world.users["operator"], "index").content.decode()
    assert "Unduh Excel" in html and "Unduh PDF" in html and "Dinas Kesehatan" in html
    assert "Dinas Pendidikan" not in html


def test_without_a_finished_run_downloads_go_back_with_a_message(world: Any, client: Any) -> None:
    response = _get(client, world.users["admin"], "duk_pdf")
    assert response.status_code == 302 and response["Location"] == reverse("laporan:index")


def test_neutralise_and_long_pdf_paginates_with_repeated_header() -> None:
    assert [neutralise(s) for s in ("=1+1", "+62", "-5", "@SUM(A1)", "Budi")] == [
        "'=1+1", "'+62", "'-5", "'@SUM(A1)", "Budi"]  # fmt: skip
    tabel = Tabel(instansi="Pemerintah Kabupaten Uji", alamat="Jl. Merdeka 1", judul="Uji", subjudul=[],
                  keadaan_per=AS_OF, kolom=[Kolom("No."), Kolom("Nama")],
                  baris=([i, f"Pegawai {i}"] for i in range(1, 1001)))  # fmt: skip
    pdf = to_pdf(tabel, dicetak=AS_OF, tempat="Uji")
    pages = _pdf_pages(pdf)
    text = _pdf_text(pdf)
    assert pages > 10 and f"Halaman {pages} dari {pages}" in text
    assert text.count("No.") >= pages  # the header row on every page with table rows
    tabel.baris = iter([[1, "=cmd|' /C calc'!A0"]])
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(tabel))).active
    assert any(c.value == "'=cmd|' /C calc'!A0" and c.data_type == "s" for row in ws.iter_rows() for c in row)


def test_nominatif_picks_columns_and_reuses_the_employee_filters(world: Any, client: Any) -> None:
    f.pegawai(world.dindik, serial=5, nama="@SUM(1)", golongan="IV/a", jab=world.jab_dindik)
    response = _get(client, world.users["admin"], "nominatif_xlsx",
                    **{"nom-kolom": ["nama", "nip", "tanggal_lahir", "golongan"]})  # fmt: skip
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    header, body = _table(_xlsx_rows(response.content), "No.")
    # The columns in the fixed order, whatever the order picked.
    assert header == ["No.", "NIP", "Nama", "Tanggal lahir", "Gol. ruang"]
    # Unit tree order (Dinas Kesehatan's subtree was created first), golongan from the highest.
    assert [r[2] for r in body] == ["Siti Rahmawati", "'@SUM(1)", "Agus Setiawan"]
    assert isinstance(body[0][1], str) and body[0][3] == dt.datetime(1986, 9, 26)
    # The employee list's filters: golongan, and the operator's scope.
    response = _get(client, world.users["admin"], "nominatif_xlsx", **{"nom-golongan": "IV/a"})
    _, body = _table(_xlsx_rows(response.content), "No.")
    assert [r[2] for r in body] == ["'@SUM(1)"]
    response = _get(client, world.users["operator"], "nominatif_pdf", **{"nom-kolom": ["nama"]})
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Siti Rahmawati" in text and "Agus Setiawan" not in text and "Halaman 1 dari 1" in text
    assert "DAFTAR NOMINATIF PEGAWAI" in text
    response = _get(client, world.users["admin"], "nominatif_xlsx", **{"nom-kolom": ["tidak_ada"]})
    assert response.status_code == 302


def test_rekap_ipasn_per_opd_from_the_runs_scores(world: Any, client: Any, run: IndexRun) -> None:
    from collections import defaultdict

    scores: dict[int, list[float]] = defaultdict(list)
    for opd_id, ip in IndexResult.objects.filter(run=run, ip_total__isnull=False).values_list("opd_id", "ip_total"):
        scores[opd_id].append(ip)
    assert scores, "the world's PNS are measured"
    names = {world.dinkes.pk: "Dinas Kesehatan", world.dindik.pk: "Dinas Pendidikan"}
    expected = sorted(((round(sum(v) / len(v), 2), names[k], len(v)) for k, v in scores.items()),
                      key=lambda x: (-x[0], x[1]))  # fmt: skip
    response = _get(client, world.users["pimpinan"], "ipasn_xlsx")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    header, body = _table(_xlsx_rows(response.content), "No.")
    assert header == ["No.", "OPD / unit", "Jumlah PNS diukur", "Rata-rata IP ASN", "Kategori"]
    assert [(r[3], r[1], r[2]) for r in body] == expected
    assert all(isinstance(r[3], int | float) and r[4] for r in body), body
    # The operator gets their own subtree, per sub-unit.
    response = _get(client, world.users["operator"], "ipasn_pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Puskesmas Kota" in text and "Dinas Pendidikan" not in text and "Halaman 1 dari 1" in text
    assert "PER UNIT KERJA" in text


def test_bezetting_counts_need_holders_vacancies_and_retiring(world: Any, client: Any, run: IndexRun) -> None:
    f.jabatan(world.dindik, "Pengawas Sekolah Ahli Madya", jenjang="ahli_madya", kebutuhan=2, kelas_jabatan=11)
    response = _get(client, world.users["admin"], "bezetting_xlsx", **{"bez-tahun": 2})
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    header, body = _table(_xlsx_rows(response.content), "No.")
    assert header[5:] == ["Kebutuhan (ABK)", "Terisi", "Kosong", "Kelebihan", "Pensiun ≤ 2 thn"]
    got = {r[2]: r[5:] for r in body}
    assert got == {
        "Perawat Ahli Pertama": [1, 2, 0, 1, 1],  # Siti and the senior, who retires in 2026
        "Pengawas Sekolah Ahli Madya": [2, 0, 2, 0, 0],
        "Guru Ahli Muda": [1, 1, 0, 0, 0],
    }
    # Unit tree order: Puskesmas (under Dinas Kesehatan) before Dinas Pendidikan; higher class first.
    assert [r[2] for r in body] == ["Perawat Ahli Pertama", "Pengawas Sekolah Ahli Madya", "Guru Ahli Muda"]
    response = _get(client, world.users["operator"], "bezetting_pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Perawat Ahli Pertama" in text and "Guru Ahli Muda" not in text and "Halaman 1 dari 1" in text
    assert _get(client, world.users["admin"], "bezetting_xlsx", **{"bez-tahun": 99}).status_code == 302


def _histories(p: Any) -> None:
    from simerit.core.audit import acting_as
    from simerit.pegawai.models import RiwayatDiklat, RiwayatJabatan, RiwayatPangkat, RiwayatPenghargaan
    from simerit.referensi.models import Pangkat

    with acting_as(label="test"):
        for kode, tmt in (("III/a", dt.date(2016, 5, 1)), ("III/b", dt.date(2020, 4, 1))):
            RiwayatPangkat.objects.create(instansi=p.instansi, pegawai=p, pangkat=Pangkat.objects.get(kode=kode),
                                          tmt=tmt, nomor_sk=f"SK-{kode}")  # fmt: skip
        RiwayatJabatan.objects.create(instansi=p.instansi, pegawai=p, jabatan=p.jabatan, unit=p.unit,
                                      tmt=dt.date(2021, 1, 4))  # fmt: skip
        RiwayatDiklat.objects.create(instansi=p.instansi, pegawai=p, jenis="teknis", nama="+Pelatihan Triase",
                                     jp=32, tanggal_mulai=dt.date(2022, 3, 1), tanggal_selesai=dt.date(2022, 3, 4))  # fmt: skip
        RiwayatPenghargaan.objects.create(instansi=p.instansi, pegawai=p, nama="Satyalancana Karya Satya X Tahun",
                                          tahun=2025)  # fmt: skip


def test_drh_has_every_history_in_both_formats(world: Any, client: Any) -> None:
    _histories(world.p_puskesmas)
    nip = world.p_puskesmas.nip
    response = _get(client, world.users["operator"], "drh_xlsx", nip=nip)
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert nip in response["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames[:4] == ["Data pribadi", "Riwayat pangkat", "Riwayat jabatan", "Riwayat pendidikan"]
    pribadi = {r[1]: r[2] for r in wb["Data pribadi"].iter_rows(values_only=True) if isinstance(r[0], int)}
    assert pribadi["Nama"] == "Siti Rahmawati" and pribadi["NIP"] == nip
    _, pangkat = _table([list(r) for r in wb["Riwayat pangkat"].iter_rows(values_only=True)], "No.")
    assert [(r[1], r[3].date()) for r in pangkat] == [("III/b", dt.date(2020, 4, 1)), ("III/a", dt.date(2016, 5, 1))]
    _, diklat = _table([list(r) for r in wb["Riwayat diklat"].iter_rows(values_only=True)], "No.")
    assert diklat[0][2] == "'+Pelatihan Triase" and diklat[0][6] == 32
    response = _get(client, world.users["operator"], "drh_pdf", nip=nip)
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for needle in ("DAFTAR RIWAYAT HIDUP", "Siti Rahmawati", "Riwayat pangkat", "SK-III/b", "Riwayat penghargaan",
                   "Satyalancana Karya Satya X Tahun", "Halaman 1 dari", "Kepala BKPSDM"):  # fmt: skip
        assert needle in text, needle


def test_drh_scope(world: Any, client: Any) -> None:
    # The pegawai role gets only their own DRH, whatever NIP is asked for.
    response = _get(client, world.users["pegawai"], "drh_pdf")
    assert response.status_code == 200 and "Siti Rahmawati" in _pdf_text(response.content)
    assert _get(client, world.users["pegawai"], "drh_pdf", nip=world.p_dindik.nip).status_code == 302
    # An operator: own subtree only; an admin: the instansi, not another instansi.
    assert _get(client, world.users["operator"], "drh_xlsx", nip=world.p_dindik.nip).status_code == 302
    assert _get(client, world.users["admin"], "drh_xlsx", nip=world.p_dindik.nip).status_code == 200
    assert _get(client, world.users["admin"], "drh_xlsx", nip=world.p_other.nip).status_code == 302
    html = _get(client, world.users["pegawai"], "index").content.decode()
    assert "Daftar Riwayat Hidup" in html and "Daftar Urut Kepangkatan" not in html


def test_profile_links_to_own_drh_which_downloads(world: Any, client: Any) -> None:
    client.force_login(world.users["pegawai"])
    page = client.get(reverse("pegawai:detail", args=[world.p_puskesmas.pk])).content.decode()
    link = f'{reverse("laporan:drh_pdf")}?nip={world.p_puskesmas.nip}'
    assert link in page
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_index_page_offers_both_formats_for_every_report(world: Any, client: Any, run: IndexRun) -> None:
    client.force_login(world.users["admin"])
    html = client.get(reverse("laporan:index")).content.decode()
    for name in ("duk", "pensiun", "nominatif", "ipasn", "bezetting", "drh"):
        for fmt in ("xlsx", "pdf"):
            assert f'formaction="{reverse(f"laporan:{name}_{fmt}")}"' in html, (name, fmt)


def test_demo_loader_fills_the_signature_block(db: Any) -> None:
    from django.apps import apps

    from simerit.core.models import Instansi
    from simerit.laporan.reports import penanda_tangan, tempat_of
    from simerit.referensi.loaders import load_reference
    from simerit.referensi.models import Pangkat
    from simerit.synth.generator import generate
    from simerit.synth.loader import load_synth

    if not Pangkat.objects.exists():
        load_reference(apps)
    result = load_synth(generate(50, seed=3), instansi_kode="3508", instansi_nama="Pemerintah Kabupaten Lumajang")
    inst = Instansi.objects.get(pk=result["instansi_id"])
    assert tempat_of(inst) == "Lumajang"
    signer = penanda_tangan(inst)
    assert signer["ttd_jabatan"] == "Kepala BKPSDM" and signer["ttd_nama"] and len(signer["ttd_nip"]) == 18
