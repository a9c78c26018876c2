"""History and organisation imports: templates, recognition, dry run, commit, idempotence, and the
checks of history that contradicts itself (docs/decisions/0051-import-history-checks.md)."""

from __future__ import annotations

import datetime as dt
import io

import polars as pl
import pytest

from simerit.core.audit import acting_as
from simerit.core.models import AuditEvent
from simerit.impor.columns import JENIS
from simerit.impor.models import ImportBatch
from simerit.impor.reader import read_upload
from simerit.impor.template_xlsx import template
from simerit.organisasi.models import Jabatan, StandarKompetensi, UnitOrganisasi
from simerit.pegawai.models import (
    NilaiAsesmen,
    Pegawai,
    RiwayatAsesmen,
    RiwayatDiklat,
    RiwayatHukdis,
    RiwayatJabatan,
    RiwayatKinerja,
    RiwayatPangkat,
    RiwayatPendidikan,
)
from tests import factories as f
from tests.impor import helpers as h

pytestmark = pytest.mark.django_db


def _file(jenis: str, rows: list[dict], sheet: str | None = None, extra: list[str] = ()) -> bytes:
    kind = JENIS[jenis]
    headers = [k.header for k in kind.kolom] + list(extra)
    return h.xlsx(rows, headers=headers, sheet=sheet or kind.sheet)


def _pangkat(world, **extra) -> dict:
    return {
        "NIP": world.p_puskesmas.nip,
        "Golongan": "III/a",
        "TMT Pangkat": "01-05-2015",
        "Jenis KP": "Pengangkatan",
        "Nomor SK": "813/1/2015",
        **extra,
    }


def _problems(batch: ImportBatch) -> dict[tuple[int, str], str]:
    return {(p["baris"], p["kolom"]): p["alasan"] for p in batch.report["problems"]}


def _warnings(batch: ImportBatch) -> dict[tuple[int, str], str]:
    return {(p["baris"], p["kolom"]): p["alasan"] for p in batch.report["peringatan"]}


# --- templates and recognition -------------------------------------------------------------


@pytest.mark.parametrize("jenis", [j for j in JENIS if j != "pegawai"])
def test_every_template_has_instructions_and_is_recognised_by_its_sheet(world, jenis):
    data = template(jenis, [world.dinkes, world.puskesmas])
    petunjuk = pl.read_excel(
        io.BytesIO(data), engine="calamine", sheet_name="Petunjuk", has_header=False, infer_schema_length=0
    )
    text = " ".join(str(v) for v in petunjuk.to_numpy().ravel() if v is not None)
    assert "Kunci impor" in text and JENIS[jenis].kunci in text
    for k in JENIS[jenis].kolom:
        assert k.header in text
    sheet = pl.read_excel(io.BytesIO(data), engine="calamine", sheet_name=JENIS[jenis].sheet)
    assert sheet.columns[: len(JENIS[jenis].kolom)] == [k.header for k in JENIS[jenis].kolom]
    with pytest.raises(Exception, match="hanya baris judul"):
        read_upload("templat.xlsx", data)


def test_asesmen_template_has_one_column_per_kompetensi_and_explains_it(world):
    data = template("asesmen", [])
    sheet = pl.read_excel(io.BytesIO(data), engine="calamine", sheet_name="Asesmen Kompetensi")
    assert "integritas" in sheet.columns and "perekat_bangsa" in sheet.columns
    petunjuk = pl.read_excel(
        io.BytesIO(data), engine="calamine", sheet_name="Petunjuk", has_header=False, infer_schema_length=0
    )
    assert "satu kolom per kompetensi" in " ".join(str(v) for v in petunjuk.to_numpy().ravel() if v)


def test_kind_recognised_by_header_in_a_csv_or_a_renamed_sheet(world):
    headers = [k.header for k in JENIS["kinerja"].kolom]
    csv = (",".join(headers) + "\n" + world.p_puskesmas.nip + ",2023,Sesuai,Sesuai,,,\n").encode()
    assert read_upload("kinerja.csv", csv).jenis == "kinerja"
    assert read_upload("x.xlsx", _file("pangkat", [_pangkat(world)], sheet="Sheet1")).jenis == "pangkat"
    # An employee file holds the jabatan-history headers too: the richer match (employee) wins.
    assert read_upload("p.xlsx", h.xlsx([h.row(h.nip(1), "A")], sheet="Data")).jenis == "pegawai"


def test_the_kind_the_user_picks_wins_and_names_what_is_missing(world, run_import):
    batch = run_import(world.users["admin"], _file("pangkat", [_pangkat(world)]), name="x.xlsx")
    assert batch.jenis == "pangkat"
    from simerit.impor import services

    picked = services.batch_upload(
        acting_user=world.users["admin"],
        nama_berkas="x.xlsx",
        jenis="diklat",
        isi=_file("pangkat", [_pangkat(world)], sheet="Sheet1"),
    )
    batch = services.batch_check_execute(picked.pk)
    assert batch.status == ImportBatch.Status.INVALID
    assert "riwayat diklat/kursus" in batch.error and "Jenis Diklat" in batch.error


# --- riwayat pangkat: the full flow --------------------------------------------------------


def test_pangkat_history_imports_then_reimport_changes_nothing(world, run_import, commit):
    admin = world.users["admin"]
    rows = [
        _pangkat(world),
        _pangkat(world, Golongan="iii/b", **{"TMT Pangkat": "01-04-2019", "Jenis KP": "Reguler", "MK Tahun": "4"}),
    ]
    data = _file("pangkat", rows)
    batch = run_import(admin, data)
    assert batch.status == ImportBatch.Status.CHECKED, batch.report
    assert batch.report["summary"] == {
        "baris": 2,
        "baru": 2,
        "berubah": 0,
        "tetap": 0,
        "ditolak": 0,
        "masalah": 0,
        "akan_ditulis": 2,
    }
    assert batch.report["peringatan"] == []
    assert not RiwayatPangkat.objects.exists()
    batch = commit(admin, batch)
    assert batch.status == ImportBatch.Status.DONE, batch.error
    got = list(
        RiwayatPangkat.objects.order_by("tmt").values_list("pangkat__kode", "tmt", "jenis_kp", "masa_kerja_tahun")
    )
    assert got == [("III/a", dt.date(2015, 5, 1), "pengangkatan", 0), ("III/b", dt.date(2019, 4, 1), "reguler", 4)]
    events = AuditEvent.objects.filter(model="pegawai.riwayatpangkat")
    assert events.count() == 2 and all(e.changes["_impor"] == [None, batch.pk] and e.actor == admin for e in events)

    again = run_import(admin, data)
    assert again.report["summary"]["tetap"] == 2 and again.report["summary"]["akan_ditulis"] == 0
    # A changed SK number is an update of the same row (natural key NIP + golongan + TMT).
    rows[1]["Nomor SK"] = "823/9/2019"
    changed = commit(admin, run_import(admin, _file("pangkat", rows)))
    assert changed.report["summary"]["berubah"] == 1
    assert changed.report["perubahan"] == [
        {"kunci": world.p_puskesmas.nip, "nama": "Siti Rahmawati: III/b TMT 01-04-2019", "kolom": ["Nomor SK"]}
    ]
    assert RiwayatPangkat.objects.count() == 2


def test_pangkat_problems_each_with_row_column_and_reason(world, run_import):
    future = (dt.date.today() + dt.timedelta(days=40)).strftime("%d-%m-%Y")
    rows = [
        _pangkat(world, NIP="199001152015031999"),
        _pangkat(world, Golongan="III/z"),
        _pangkat(world, **{"TMT Pangkat": future}),
        _pangkat(world, **{"TMT Pangkat": "31-02-2016"}),
        _pangkat(world, NIP=world.p_dindik.nip),  # outside the operator's scope
        _pangkat(world, **{"MK Bulan": "14"}),
        _pangkat(world, **{"Jenis KP": "Loncat"}),
    ]
    before = RiwayatPangkat.objects.count()
    batch = run_import(world.users["operator"], _file("pangkat", rows))
    assert batch.status == ImportBatch.Status.INVALID
    got = _problems(batch)
    assert "NIP tidak terdaftar" in got[(2, "NIP")]
    assert "Golongan 'III/z' tidak dikenal" in got[(3, "Golongan")]
    assert "tidak boleh di masa depan" in got[(4, "TMT Pangkat")]
    assert "Bukan tanggal" in got[(5, "TMT Pangkat")]
    assert "lingkup kewenangan" in got[(6, "NIP")]
    assert (7, "MK Bulan") in got
    assert "Jenis KP 'Loncat' tidak dikenal" in got[(8, "Jenis KP")]
    assert all(p["lembar"] == "Riwayat Pangkat" for p in batch.report["problems"])
    assert RiwayatPangkat.objects.count() == before


def test_duplicate_keys_in_the_file(world, run_import):
    same = _pangkat(world)
    differing = _pangkat(world, **{"Nomor SK": "lain"})
    batch = run_import(world.users["admin"], _file("pangkat", [same, same]))
    assert batch.status == ImportBatch.Status.CHECKED
    assert "sama persis dengan baris 2" in _warnings(batch)[(3, "NIP")]
    assert batch.report["summary"]["baru"] == 1
    batch = run_import(world.users["admin"], _file("pangkat", [same, differing]))
    got = _problems(batch)
    assert "isi berbeda" in got[(2, "NIP")] and "baris 3" in got[(2, "NIP")] and "baris 2" in got[(3, "NIP")]


# --- history that contradicts itself (decision 0051), one hand-made file each -------------------


def test_pangkat_tmt_before_tmt_cpns_is_refused(world, run_import):
    batch = run_import(world.users["admin"], _file("pangkat", [_pangkat(world, **{"TMT Pangkat": "01-01-2014"})]))
    assert "sebelum TMT CPNS pegawai (01-05-2015)" in _problems(batch)[(2, "TMT Pangkat")]


def test_jabatan_tmt_before_age_18_is_refused(world, run_import):
    pppk = f.pegawai(world.puskesmas, serial=9, nama="Pegawai PPPK", birth=dt.date(1990, 6, 1))
    Pegawai.objects.filter(pk=pppk.pk).update(status="PPPK", tmt_cpns=None, tmt_pns=None, pangkat=None)  # no TMT CPNS
    row = {"NIP": pppk.nip, "Kode Unit": "PKM-01", "Jabatan": "Perawat Ahli Pertama", "TMT Jabatan": "01-01-2008"}
    batch = run_import(world.users["admin"], _file("jabatan", [row]))
    assert "sebelum pegawai berusia 18 tahun (lahir 01-06-1990)" in _problems(batch)[(2, "TMT Jabatan")]
    row["TMT Jabatan"] = "01-06-2008"  # the 18th birthday itself is allowed
    assert run_import(world.users["admin"], _file("jabatan", [row])).report["problems"] == []


def test_lower_golongan_later_is_a_warning_unless_a_demotion_explains_it(world, run_import):
    rows = [
        _pangkat(world, Golongan="III/b", **{"TMT Pangkat": "01-04-2019"}),
        _pangkat(world, Golongan="III/a", **{"TMT Pangkat": "01-04-2021", "Jenis KP": "Reguler"}),
    ]
    batch = run_import(world.users["admin"], _file("pangkat", rows))
    assert batch.status == ImportBatch.Status.CHECKED  # importable
    warning = _warnings(batch)[(3, "TMT Pangkat")]
    assert "Golongan turun: III/a TMT 01-04-2021 setelah III/b TMT 01-04-2019" in warning
    with acting_as(label="test"):
        RiwayatHukdis.objects.create(
            instansi=world.inst,
            pegawai=world.p_puskesmas,
            tingkat="sedang",
            jenis="penurunan_pangkat_1",
            tanggal_sk=dt.date(2021, 3, 1),
            tmt_mulai=dt.date(2021, 4, 1),
        )
    batch = run_import(world.users["admin"], _file("pangkat", rows))
    assert (3, "TMT Pangkat") not in _warnings(batch)


def test_lower_golongan_against_a_stored_row_is_found_too(world, run_import, commit):
    admin = world.users["admin"]
    commit(
        admin, run_import(admin, _file("pangkat", [_pangkat(world, Golongan="III/c", **{"TMT Pangkat": "01-04-2020"})]))
    )
    batch = run_import(admin, _file("pangkat", [_pangkat(world, Golongan="III/b", **{"TMT Pangkat": "01-04-2022"})]))
    assert "Golongan turun: III/b" in _warnings(batch)[(2, "TMT Pangkat")]


def test_newest_history_differing_from_current_pangkat_or_jabatan_is_a_warning(world, run_import):
    batch = run_import(
        world.users["admin"], _file("pangkat", [_pangkat(world, Golongan="III/c", **{"TMT Pangkat": "01-04-2023"})])
    )
    assert batch.status == ImportBatch.Status.CHECKED
    assert (
        "berbeda dengan golongan saat ini di data pegawai (Penata Muda Tingkat I (III/b))"
        in _warnings(batch)[(2, "Golongan")]
    )
    f.jabatan(world.puskesmas, "Perawat Ahli Muda")
    row = {
        "NIP": world.p_puskesmas.nip,
        "Kode Unit": "PKM-01",
        "Jabatan": "Perawat Ahli Muda",
        "TMT Jabatan": "01-01-2024",
    }
    batch = run_import(world.users["admin"], _file("jabatan", [row]))
    assert "Jabatan terbaru di riwayat (Perawat Ahli Muda" in _warnings(batch)[(2, "Jabatan")]
    row["Jabatan"] = "perawat ahli pertama"  # the current jabatan: no warning
    assert run_import(world.users["admin"], _file("jabatan", [row])).report["peringatan"] == []


def test_diklat_ending_before_it_starts_is_refused(world, run_import):
    row = {
        "NIP": world.p_puskesmas.nip,
        "Jenis Diklat": "Teknis",
        "Nama Diklat": "Pelatihan SIMERIT",
        "JP": "24",
        "Tanggal Mulai": "10-03-2023",
        "Tanggal Selesai": "08-03-2023",
    }
    batch = run_import(world.users["admin"], _file("diklat", [row]))
    assert "tidak boleh sebelum tanggal mulai" in _problems(batch)[(2, "Tanggal Selesai")]


def test_kinerja_year_before_cpns_year_is_refused(world, run_import):
    row = {"NIP": world.p_puskesmas.nip, "Tahun": "2014", "Nilai": "85,5"}
    batch = run_import(world.users["admin"], _file("kinerja", [row]))
    assert "Tahun kinerja 2014 sebelum tahun TMT CPNS pegawai (2015)" in _problems(batch)[(2, "Tahun")]


def test_hukdis_decision_before_cpns_is_refused(world, run_import):
    row = {"NIP": world.p_puskesmas.nip, "Jenis Hukuman": "teguran_lisan", "Tanggal SK": "01-02-2015"}
    batch = run_import(world.users["admin"], _file("hukdis", [row]))
    assert "sebelum TMT CPNS" in _problems(batch)[(2, "Tanggal SK")]


# --- the other histories -----------------------------------------------------------------


def test_pendidikan_diklat_kinerja_hukdis_import_and_are_idempotent(world, run_import, commit):
    admin = world.users["admin"]
    nip = world.p_puskesmas.nip
    files = {
        "pendidikan": [
            {
                "NIP": nip,
                "Tingkat Pendidikan": "s1",
                "Nama Institusi": "Universitas Jember",
                "Jurusan": "Keperawatan",
                "Tahun Lulus": "2010",
            }
        ],
        "diklat": [
            {
                "NIP": nip,
                "Jenis Diklat": "Kepemimpinan",
                "Nama Diklat": "PKP",
                "JP": "380",
                "Tanggal Mulai": "01-03-2022",
                "Tanggal Selesai": "30-06-2022",
            }
        ],
        "kinerja": [
            {"NIP": nip, "Tahun": "2021", "Nilai": "88,25"},
            {
                "NIP": nip,
                "Tahun": "2023",
                "Rating Hasil Kerja": "Di atas ekspektasi",
                "Rating Perilaku Kerja": "sesuai",
            },
        ],
        "hukdis": [
            {"NIP": nip, "Jenis Hukuman": "Teguran tertulis", "Tanggal SK": "01-02-2020", "Keterangan": "Terlambat"}
        ],
    }
    for jenis, rows in files.items():
        batch = commit(admin, run_import(admin, _file(jenis, rows)))
        assert batch.status == ImportBatch.Status.DONE, (jenis, batch.report.get("problems"), batch.error)
        again = run_import(admin, _file(jenis, rows))
        assert again.report["summary"]["tetap"] == len(rows), (jenis, again.report)
    p = RiwayatPendidikan.objects.get()
    assert (p.tingkat.kode, p.tahun_lulus, p.nama_institusi) == ("S1", 2010, "Universitas Jember")
    d = RiwayatDiklat.objects.get()
    assert (d.jenis, d.nama, d.jp) == ("kepemimpinan", "PKP", 380)
    k = {r.tahun: r for r in RiwayatKinerja.objects.all()}
    assert str(k[2021].nilai) == "88.25" and (k[2023].hasil_kerja, k[2023].perilaku_kerja) == ("di_atas", "sesuai")
    hd = RiwayatHukdis.objects.get()
    assert (hd.jenis, hd.tingkat) == ("teguran_tertulis", "ringan")  # tingkat follows the jenis


def test_kinerja_after_2022_needs_ratings(world, run_import):
    batch = run_import(
        world.users["admin"], _file("kinerja", [{"NIP": world.p_puskesmas.nip, "Tahun": "2023", "Nilai": "90"}])
    )
    assert "PermenPANRB 6/2022" in _problems(batch)[(2, "Rating Hasil Kerja")]


def test_asesmen_one_row_per_assessment_with_a_column_per_kompetensi(world, run_import, commit):
    admin = world.users["admin"]
    row = {
        "NIP": world.p_puskesmas.nip,
        "Tanggal Asesmen": "12-08-2024",
        "Asesor": "Dra. Ani",
        "integritas": "3",
        "kerjasama": "4",
    }
    data = _file("asesmen", [row], extra=["integritas", "kerjasama", "komunikasi"])
    batch = commit(admin, run_import(admin, data))
    assert batch.status == ImportBatch.Status.DONE, batch.report
    a = RiwayatAsesmen.objects.get()
    assert dict(a.nilai.values_list("kompetensi__kode", "level")) == {"integritas": 3, "kerjasama": 4}
    assert AuditEvent.objects.filter(model="pegawai.nilaiasesmen").count() == 2
    assert run_import(admin, data).report["summary"]["akan_ditulis"] == 0
    # A changed level and a newly measured one update the same assessment.
    row.update(kerjasama="5", komunikasi="2")
    batch = commit(admin, run_import(admin, _file("asesmen", [row], extra=["integritas", "kerjasama", "komunikasi"])))
    assert batch.report["summary"]["berubah"] == 1
    assert batch.report["perubahan"][0]["kolom"] == ["kerjasama", "komunikasi"]
    assert dict(NilaiAsesmen.objects.values_list("kompetensi__kode", "level")) == {
        "integritas": 3,
        "kerjasama": 5,
        "komunikasi": 2,
    }
    assert RiwayatAsesmen.objects.count() == 1


def test_asesmen_unknown_kompetensi_column_and_bad_level(world, run_import):
    row = {
        "NIP": world.p_puskesmas.nip,
        "Tanggal Asesmen": "12-08-2024",
        "Asesor": "Dra. Ani",
        "integritas": "7",
        "kejujuran": "3",
    }
    batch = run_import(world.users["admin"], _file("asesmen", [row], extra=["integritas", "kejujuran"]))
    got = _problems(batch)
    assert "bukan kode kompetensi" in got[(1, "kejujuran")]
    assert "1 sampai 5" in got[(2, "integritas")]


# --- the organisation --------------------------------------------------------------------


def test_units_with_parents_in_the_file_and_unor_id(world, run_import, commit):
    admin = world.users["admin"]
    rows = [
        {"Kode Unit": "PKM-02-A", "Nama Unit": "Pustu Desa A", "Kode Unit Induk": "PKM-02"},  # child before parent
        {"Kode Unit": "PKM-02", "Nama Unit": "Puskesmas Selatan", "Kode Unit Induk": "DINKES", "UNOR ID": "8ae4828"},
        {"Kode Unit": "DINKES", "Nama Unit": "Dinas Kesehatan", "Singkatan": "Dinkes"},  # existing: one change
    ]
    batch = commit(admin, run_import(admin, _file("unit", rows)))
    assert batch.status == ImportBatch.Status.DONE, (batch.report, batch.error)
    assert batch.report["summary"]["baru"] == 2 and batch.report["summary"]["berubah"] == 1
    child = UnitOrganisasi.objects.get(kode="PKM-02-A")
    parent = UnitOrganisasi.objects.get(kode="PKM-02")
    assert child.parent == parent and parent.parent == world.dinkes and parent.unor_id == "8ae4828"
    assert child.path == f"{world.dinkes.path}{parent.pk}/{child.pk}/"
    assert UnitOrganisasi.objects.get(kode="DINKES").singkatan == "Dinkes"
    again = run_import(admin, _file("unit", rows))
    assert again.report["summary"]["akan_ditulis"] == 0, again.report["perubahan"]


def test_unit_cycles_unknown_parent_and_operator_refused(world, run_import):
    rows = [
        {"Kode Unit": "A", "Nama Unit": "A", "Kode Unit Induk": "B"},
        {"Kode Unit": "B", "Nama Unit": "B", "Kode Unit Induk": "A"},
        {"Kode Unit": "C", "Nama Unit": "C", "Kode Unit Induk": "ZZZ"},
    ]
    batch = run_import(world.users["admin"], _file("unit", rows))
    got = _problems(batch)
    assert "lingkaran" in got[(2, "Kode Unit Induk")] and "lingkaran" in got[(3, "Kode Unit Induk")]
    assert "'ZZZ' tidak terdaftar" in got[(4, "Kode Unit Induk")]
    batch = run_import(world.users["operator"], _file("unit", rows[:1]))
    assert batch.status == ImportBatch.Status.INVALID and "hanya dapat diimpor oleh Admin BKPSDM" in batch.error


def test_jabatan_and_standar_kompetensi(world, run_import, commit):
    admin = world.users["admin"]
    rows = [
        {
            "Kode Unit": "PKM-01",
            "Nama Jabatan": "Perawat Ahli Pertama",
            "Jenis Jabatan": "Fungsional",
            "Jenjang": "Ahli Pertama",
            "Kelas Jabatan": "8",
            "Kebutuhan": "6",
            "Kritis": "Ya",
        },
        {
            "Kode Unit": "DINKES",
            "Nama Jabatan": "Kepala Dinas",
            "Jenis Jabatan": "struktural",
            "Jenjang": "jpt_pratama",
            "Eselon": "II.b",
            "Diklat Kepemimpinan": "PKN II",
            "Kebutuhan": "1",
        },
        {"Kode Unit": "DINKES", "Nama Jabatan": "Salah", "Jenis Jabatan": "Pelaksana", "Jenjang": "Ahli Madya"},
    ]
    batch = run_import(admin, _file("jabatan_unit", rows))
    assert "Jenjang" in _problems(batch)[(4, "Jenjang")] or "tidak sesuai" in _problems(batch)[(4, "Jenjang")]
    batch = commit(admin, run_import(admin, _file("jabatan_unit", rows[:2])))
    assert batch.status == ImportBatch.Status.DONE, batch.report
    assert (batch.report["summary"]["baru"], batch.report["summary"]["berubah"]) == (1, 1)
    perawat = Jabatan.objects.get(pk=world.jab_dinkes.pk)
    assert (perawat.kebutuhan, perawat.kritis, perawat.kelas_jabatan) == (6, True, 8)
    kadis = Jabatan.objects.get(nama="Kepala Dinas")
    assert (kadis.eselon, kadis.diklat_kepemimpinan, kadis.unit) == ("II.b", "PKN II", world.dinkes)

    standar = [
        {"Kode Unit": "DINKES", "Nama Jabatan": "kepala dinas", "Kode Kompetensi": "integritas", "Level": "4"},
        {"Kode Unit": "DINKES", "Nama Jabatan": "Kepala Dinas", "Kode Kompetensi": "Komunikasi", "Level": "5"},
        {"Kode Unit": "DINKES", "Nama Jabatan": "Tidak Ada", "Kode Kompetensi": "integritas", "Level": "3"},
        {"Kode Unit": "DINKES", "Nama Jabatan": "Kepala Dinas", "Kode Kompetensi": "jujur", "Level": "3"},
        {"Kode Unit": "DINKES", "Nama Jabatan": "Kepala Dinas", "Kode Kompetensi": "kerjasama", "Level": "6"},
    ]
    batch = run_import(admin, _file("standar", standar))
    got = _problems(batch)
    assert "tidak terdaftar pada unit DINKES" in got[(4, "Nama Jabatan")]
    assert "Kode kompetensi 'jujur' tidak dikenal" in got[(5, "Kode Kompetensi")]
    assert (6, "Level") in got
    batch = commit(admin, run_import(admin, _file("standar", standar[:2])))
    assert dict(StandarKompetensi.objects.filter(jabatan=kadis).values_list("kompetensi__kode", "level")) == {
        "integritas": 4,
        "komunikasi": 5,
    }
    assert run_import(admin, _file("standar", standar[:2])).report["summary"]["tetap"] == 2


def test_riwayat_jabatan_unknown_unit_and_jabatan(world, run_import):
    nip = world.p_puskesmas.nip
    rows = [
        {"NIP": nip, "Kode Unit": "XX", "Jabatan": "Perawat Ahli Pertama", "TMT Jabatan": "01-01-2020"},
        {"NIP": nip, "Kode Unit": "PKM-01", "Jabatan": "Dokter Ahli Utama", "TMT Jabatan": "01-01-2020"},
    ]
    got = _problems(run_import(world.users["admin"], _file("jabatan", rows)))
    assert "Kode unit 'XX' tidak terdaftar" in got[(2, "Kode Unit")]
    assert "tidak terdaftar pada unit PKM-01" in got[(3, "Jabatan")]
    assert not RiwayatJabatan.objects.exists()


def test_no_newest_row_warning_when_a_row_of_that_employee_is_refused(world, run_import):
    rows = [_pangkat(world), _pangkat(world, Golongan="III/x", **{"TMT Pangkat": "01-04-2019"})]
    batch = run_import(world.users["admin"], _file("pangkat", rows))
    assert (3, "Golongan") in _problems(batch)
    assert batch.report["peringatan"] == []  # III/a alone would look like the newest row


@pytest.mark.parametrize("case", ["terpotong", "rumus", "sel_gabungan", "csv_cp1252", "judul_salah"])
def test_malformed_history_files_get_a_clear_message_and_change_nothing(world, run_import, case):
    rows = [_pangkat(world)]
    headers = [k.header for k in JENIS["pangkat"].kolom]
    data, name = {
        "terpotong": (lambda: _file("pangkat", rows)[:1500], "x.xlsx"),
        "rumus": (
            lambda: h.xlsx(
                rows,
                headers=headers,
                sheet="Riwayat Pangkat",
                hook=lambda wb, ws: ws.write_formula(1, 1, '=UPPER("iii/a")', None, "III/A"),
            ),
            "x.xlsx",
        ),
        "sel_gabungan": (
            lambda: h.xlsx(
                rows, headers=headers, sheet="Riwayat Pangkat", hook=lambda wb, ws: ws.merge_range(1, 5, 1, 6, "")
            ),
            "x.xlsx",
        ),
        "csv_cp1252": (
            lambda: (
                ",".join(headers) + "\n" + world.p_puskesmas.nip + ",III/a,01-05-2015,Pengangkatan,,,Désirée\n"
            ).encode("cp1252"),
            "x.csv",
        ),
        "judul_salah": (lambda: h.xlsx(rows, headers=["NIP", "Gol", "Tanggal"], sheet="Riwayat Pangkat"), "x.xlsx"),
    }[case]
    batch = run_import(world.users["admin"], data(), name=name)
    assert batch.status == ImportBatch.Status.INVALID and batch.error
    assert (
        not RiwayatPangkat.objects.exists() and not AuditEvent.objects.filter(model="pegawai.riwayatpangkat").exists()
    )
    if case == "judul_salah":
        assert "templat riwayat pangkat; tidak ditemukan: Golongan, TMT Pangkat" in batch.error
