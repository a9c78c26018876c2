"""SIASN "Export Data ASN" CSV: recognised by its header, mapped onto the template, then the usual
dry run and commit (docs/decisions/0050-siasn-csv.md)."""

from __future__ import annotations

import pytest

from simerit.impor.models import ImportBatch
from simerit.impor.reader import ImportFileError, read_upload
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.models import Pegawai
from tests.impor import helpers as h
from tests.impor.conftest import snapshot

pytestmark = pytest.mark.django_db

# The Export Data ASN header row as SIASN writes it (upper case, spaces).
HEADER = [
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA",
    "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA", "NIK",
    "NOMOR HP", "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP NOMOR", "BPJS", "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA",
    "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS", "KARTU ASN VIRTUAL", "NOMOR SK CPNS",
    "TANGGAL SK CPNS", "TMT CPNS", "NOMOR SK PNS", "TANGGAL SK PNS", "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA",
    "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN", "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA",
    "JABATAN ID", "JABATAN NAMA", "TMT JABATAN", "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID",
    "PENDIDIKAN NAMA", "TAHUN LULUS", "KPKN ID", "KPKN NAMA", "LOKASI KERJA ID", "LOKASI KERJA NAMA", "UNOR ID",
    "UNOR NAMA", "INSTANSI INDUK ID", "INSTANSI INDUK NAMA", "INSTANSI KERJA ID", "INSTANSI KERJA NAMA",
    "SATUAN KERJA INDUK ID", "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA",
    "IS VALID NIK",
]
USED = {"NIP BARU", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN",
        "AGAMA NAMA", "NIK", "STATUS CPNS PNS", "TMT CPNS", "TMT PNS", "GOL AKHIR NAMA", "TMT GOLONGAN", "JABATAN NAMA",
        "TMT JABATAN", "TINGKAT PENDIDIKAN NAMA", "UNOR NAMA", "UNOR ID"}


def _row(serial: int, **extra: str) -> dict[str, str]:
    nip = h.nip(serial, sex="2" if serial % 2 == 0 else "1")
    base = {
        "PNS ID": f"A5EB03E2{serial:024d}", "NIP BARU": nip, "NAMA": f"PEGAWAI SIASN {serial}", "GELAR DEPAN": "",
        "GELAR BELAKANG": "S.Kep.", "TEMPAT LAHIR ID": "A8ACA7397AEB3912E040640A040269BB",
        "TEMPAT LAHIR NAMA": "KOTA BANDUNG", "TANGGAL LAHIR": "15-01-1990",
        "JENIS KELAMIN": "F" if serial % 2 == 0 else "M", "AGAMA ID": "1", "AGAMA NAMA": "Islam",
        "JENIS KAWIN NAMA": "Menikah", "NIK": f"3273011501900{serial:03d}", "NOMOR HP": "0812345678",
        "JENIS PEGAWAI NAMA": "PNS Daerah", "KEDUDUKAN HUKUM NAMA": "Aktif", "STATUS CPNS PNS": "P",
        "NOMOR SK CPNS": "813/001/BKPSDM/2015", "TMT CPNS": "01-03-2015", "TMT PNS": "01-03-2016",
        "GOL AKHIR ID": "31", "GOL AKHIR NAMA": "III/a", "TMT GOLONGAN": "01-04-2020", "MK TAHUN": "10",
        "JENIS JABATAN NAMA": "Jabatan Fungsional", "JABATAN NAMA": "Perawat Ahli Pertama", "TMT JABATAN": "01-04-2021",
        "TINGKAT PENDIDIKAN ID": "40", "TINGKAT PENDIDIKAN NAMA": "S-1/Sarjana", "PENDIDIKAN NAMA": "S1 KEPERAWATAN",
        "UNOR ID": "8ae482875f", "UNOR NAMA": "PUSKESMAS KOTA", "INSTANSI INDUK NAMA": "Pemerintah Kab. Contoh",
        "IS VALID NIK": "1",
    }
    base.update(extra)
    return base


def _csv(rows: list[dict[str, str]], sep: str = "|") -> bytes:
    lines = [sep.join(HEADER)] + [sep.join(r.get(c, "") for c in HEADER) for r in rows]
    return ("\n".join(lines) + "\n").encode()


def test_siasn_export_imports_into_world_then_reimport_changes_nothing(world, run_import, commit):
    admin = world.users["admin"]
    data = _csv([_row(1), _row(2), _row(3, **{"TINGKAT PENDIDIKAN NAMA": "Diploma III/Sarjana Muda",
                                                "STATUS CPNS PNS": "C", "TMT PNS": "", "AGAMA NAMA": "Katholik"})])
    table = read_upload("Export_Data_ASN.csv", data)
    assert table.source == "SIASN" and table.unit_by_name
    before = Pegawai.objects.count()
    batch = run_import(admin, data, name="Export_Data_ASN.csv")
    assert batch.status == ImportBatch.Status.CHECKED, batch.report
    assert batch.report["summary"]["baru"] == 3 and batch.report["summary"]["masalah"] == 0
    assert batch.report["format"] == "SIASN"
    # Every SIASN column we do not use is listed once, in the file's order.
    unused = batch.report["kolom_siasn_tidak_dipakai"]
    assert unused == [c for c in HEADER if c not in USED] and len(set(unused)) == len(unused)
    assert batch.report["kolom_diabaikan"] == []
    batch = commit(admin, batch)
    assert batch.status == ImportBatch.Status.DONE, batch.error
    assert Pegawai.objects.count() == before + 3

    p1 = Pegawai.objects.get(nip=h.nip(1))
    assert (p1.nama, p1.gelar_belakang, p1.tempat_lahir) == ("PEGAWAI SIASN 1", "S.Kep.", "KOTA BANDUNG")
    assert str(p1.tanggal_lahir) == "1990-01-15" and p1.jenis_kelamin == "L" and p1.status == "PNS"
    assert p1.unit == world.puskesmas and p1.jabatan == world.jab_dinkes
    assert p1.pangkat.kode == "III/a" and str(p1.tmt_pangkat) == "2020-04-01" and p1.pendidikan.kode == "S1"
    assert p1.nik == "3273011501900001" and p1.agama == "islam"
    p2 = Pegawai.objects.get(nip=h.nip(2, sex="2"))
    assert p2.jenis_kelamin == "P"
    p3 = Pegawai.objects.get(nip=h.nip(3))
    assert p3.status == "CPNS" and p3.tmt_pns is None and p3.pendidikan.kode == "D3" and p3.agama == "katolik"

    # The same export again: nothing to write, nothing written.
    state = snapshot()
    again = run_import(admin, data, name="Export_Data_ASN.csv")
    assert again.report["summary"]["tetap"] == 3 and again.report["summary"]["akan_ditulis"] == 0, again.report
    assert snapshot() == state


@pytest.mark.parametrize("sep", [",", ";"])
def test_siasn_export_with_comma_or_semicolon(world, run_import, sep):
    batch = run_import(world.users["admin"], _csv([_row(1)], sep=sep), name="siasn.csv")
    assert batch.status == ImportBatch.Status.CHECKED, batch.report


def test_bad_values_reported_with_siasn_column_names(world, run_import):
    state = snapshot()
    rows = [
        _row(1, **{"GOL AKHIR NAMA": "III/z"}),
        _row(3, **{"JENIS KELAMIN": "X", "TANGGAL LAHIR": "31-02-1990"}),
        _row(5, **{"UNOR NAMA": "Puskesmas Tidak Ada"}),
        _row(7, **{"TINGKAT PENDIDIKAN NAMA": "Kursus"}),
        _row(9, **{"JABATAN NAMA": "Jabatan Asing"}),
    ]
    batch = run_import(world.users["admin"], _csv(rows), name="siasn.csv")
    assert batch.status == ImportBatch.Status.INVALID
    found = {(p["baris"], p["kolom"], p["nilai"]): p["alasan"] for p in batch.report["problems"]}
    assert "tidak dikenal" in found[(2, "GOL AKHIR NAMA", "III/z")]
    assert "Jenis kelamin" in found[(3, "JENIS KELAMIN", "X")]
    assert "tanggal" in found[(3, "TANGGAL LAHIR", "31-02-1990")].lower()
    assert "tidak ditemukan" in found[(4, "UNOR NAMA", "Puskesmas Tidak Ada")]
    assert "pendidikan" in found[(5, "TINGKAT PENDIDIKAN NAMA", "Kursus")].lower()
    assert "tidak terdaftar" in found[(6, "JABATAN NAMA", "Jabatan Asing")]
    assert all(p["lembar"] == "CSV" for p in batch.report["problems"])
    assert snapshot() == state


def test_ambiguous_unit_name_is_reported(world, run_import):
    from tests import factories as f

    f.unit(world.inst, "PKM-02", "Puskesmas Kota", parent=world.dinkes)
    batch = run_import(world.users["admin"], _csv([_row(1)]), name="siasn.csv")
    [p] = batch.report["problems"]
    assert p["kolom"] == "UNOR NAMA" and "lebih dari satu unit" in p["alasan"] and "PKM-01, PKM-02" in p["alasan"]


def test_siasn_file_missing_a_required_column_is_refused():
    header = [c for c in HEADER if c != "UNOR NAMA"]
    data = ("|".join(header) + "\n" + "|".join("x" for _ in header) + "\n").encode()
    with pytest.raises(ImportFileError, match="UNOR NAMA"):
        read_upload("siasn.csv", data)


def test_operator_scope_still_applies(world, run_import):
    # An operator of Dinas Kesehatan cannot import into Dinas Pendidikan through a SIASN file.
    batch = run_import(world.users["operator"], _csv([_row(1, **{"UNOR NAMA": "Dinas Pendidikan",
                                                                  "JABATAN NAMA": ""})]), name="siasn.csv")
    [p] = batch.report["problems"]
    assert p["kolom"] == "UNOR NAMA" and "lingkup kewenangan" in p["alasan"]


def test_siasn_export_saved_as_xlsx_is_recognised_too(world, run_import):
    # The CSV opened in Excel and saved as .xlsx: same header, same mapping; a NIP typed as a number
    # is still caught, under the SIASN column name.
    rows = [_row(1), {**_row(3), "NIP BARU": 199001152015031003}]
    batch = run_import(world.users["admin"], h.xlsx(rows, headers=HEADER, sheet="Sheet1"))
    assert batch.report["format"] == "SIASN"
    [p] = batch.report["problems"]
    assert p["baris"] == 3 and p["kolom"] == "NIP BARU" and "angka" in p["alasan"]


def test_unit_matched_by_unor_id_first_then_by_name(world, run_import):
    from tests import factories as f

    # Two units share the name: the UNOR ID tells them apart.
    twin = f.unit(world.inst, "PKM-02", "Puskesmas Kota", parent=world.dinkes)
    UnitOrganisasi.objects.filter(pk=twin.pk).update(unor_id="8ae482875f")
    batch = run_import(world.users["admin"], _csv([_row(1, **{"JABATAN NAMA": ""})]), name="siasn.csv")
    assert batch.status == ImportBatch.Status.CHECKED, batch.report
    # An unknown UNOR ID falls back to the name; here the name is ambiguous, so it is reported.
    batch = run_import(world.users["admin"], _csv([_row(1, **{"UNOR ID": "tidak-ada", "JABATAN NAMA": ""})]),
                       name="siasn.csv")
    [p] = batch.report["problems"]
    assert p["kolom"] == "UNOR NAMA" and "lebih dari satu unit" in p["alasan"] and "UNOR ID" in p["alasan"]


def test_unor_id_wins_over_a_different_name(world, run_import, commit):
    UnitOrganisasi.objects.filter(pk=world.dindik.pk).update(unor_id="UNOR-DINDIK")
    row = _row(1, **{"UNOR ID": "UNOR-DINDIK", "UNOR NAMA": "DINAS PENDIDIKAN DAN KEBUDAYAAN", "JABATAN NAMA": ""})
    batch = commit(world.users["admin"], run_import(world.users["admin"], _csv([row]), name="siasn.csv"))
    assert batch.status == ImportBatch.Status.DONE, batch.report
    assert Pegawai.objects.get(nip=h.nip(1)).unit == world.dindik


def test_unor_id_is_unique_per_instansi_when_filled():
    from django.db import IntegrityError, transaction

    from tests import factories as f

    inst = f.instansi()
    f.unit(inst, "A", "A")
    f.unit(inst, "B", "B")  # two blank UNOR IDs are fine
    UnitOrganisasi.objects.filter(kode="A").update(unor_id="X1")
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitOrganisasi.objects.filter(kode="B").update(unor_id="X1")
