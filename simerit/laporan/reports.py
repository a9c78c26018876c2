"""Each report as a `Tabel` (columns and rows) built from the selectors; the views turn it into
xlsx or PDF with `export`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from simerit.indeks.models import IndexResult, IndexRun
from simerit.laporan import selectors
from simerit.laporan.export import DATE, FLOAT, INT, Bagian, Kolom, Tabel, tanggal_id
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.models import Pegawai
from simerit.pegawai.selectors import age_on


def _nama(r: IndexResult) -> str:
    p = r.pegawai
    depan = f"{p.gelar_depan} " if p.gelar_depan else ""
    belakang = f", {p.gelar_belakang}" if p.gelar_belakang else ""
    return f"{depan}{p.nama}{belakang}"


def _header(user: Any, run: IndexRun) -> dict[str, Any]:
    inst = run.instansi
    return {"instansi": inst.nama, "alamat": inst.alamat, "keadaan_per": run.as_of, **penanda_tangan(inst)}


def penanda_tangan(inst: Any) -> dict[str, str]:
    """The signer of the instansi's reports, for `Tabel` (blank fields print dotted lines)."""
    if inst is None:
        return {}
    return {"ttd_jabatan": inst.kepala_jabatan, "ttd_nama": inst.kepala_nama, "ttd_nip": inst.kepala_nip}


def _scope_line(user: Any, opd: UnitOrganisasi | None) -> str:
    if opd is not None:
        return f"Unit kerja: {opd.nama}"
    if not user.is_superuser and user.role == "operator" and user.unit_id:
        return f"Unit kerja: {user.unit.nama} dan sub-unitnya"
    return "Seluruh instansi"


DUK_KOLOM = (
    Kolom("No. urut", INT, 8, 11, rata_kanan=True),
    Kolom("NIP", lebar_xlsx=21, lebar_pdf=31),
    Kolom("Nama", lebar_xlsx=32, lebar_pdf=46),
    Kolom("Gol. ruang", lebar_xlsx=9, lebar_pdf=12),
    Kolom("TMT pangkat", DATE, 12, 17),
    Kolom("Jabatan", lebar_xlsx=36, lebar_pdf=48),
    Kolom("TMT jabatan", DATE, 12, 17),
    Kolom("Masa kerja (thn)", INT, 9, 11, rata_kanan=True),
    Kolom("Masa kerja (bln)", INT, 9, 11, rata_kanan=True),
    Kolom("Latihan jabatan", lebar_xlsx=14, lebar_pdf=17),
    Kolom("Pendidikan", lebar_xlsx=11, lebar_pdf=18),
    Kolom("Tahun lulus", INT, 9, 11, rata_kanan=True),
    Kolom("Usia", INT, 7, 9, rata_kanan=True),
    Kolom("Unit kerja", lebar_xlsx=34, lebar_pdf=42),
)


def duk(*, user: Any, run: IndexRun, opd: UnitOrganisasi | None) -> Tabel:
    def rows() -> Iterator[list[Any]]:
        for r in selectors.duk_rows(user=user, run=run, opd=opd):
            mk = r.masa_kerja_bulan
            yield [
                r.duk_rank_opd if opd is not None else r.duk_rank_instansi,
                r.pegawai.nip, _nama(r), r.pangkat, r.tmt_pangkat, r.jabatan, r.tmt_jabatan,
                mk // 12 if mk is not None else None, mk % 12 if mk is not None else None,
                r.latihan_jabatan, r.pendidikan, r.tahun_lulus, r.usia, r.unit.nama,
            ]  # fmt: skip

    return Tabel(
        judul="Daftar Urut Kepangkatan Pegawai Negeri Sipil",
        kertas="F4",
        subjudul=[_scope_line(user, opd)],
        kolom=DUK_KOLOM,
        baris=rows(),
        catatan=[
            "Hanya PNS. Urutan: pangkat, jabatan, masa kerja, latihan jabatan, pendidikan, usia (PP 15/1979); "
            f"data karier seperti pada perhitungan indeks #{run.pk} per {tanggal_id(run.as_of)}."
        ],
        **_header(user, run),
    )


PENSIUN_KOLOM = (
    Kolom("No.", INT, 6, 9, rata_kanan=True),
    Kolom("NIP", lebar_xlsx=21, lebar_pdf=31),
    Kolom("Nama", lebar_xlsx=32, lebar_pdf=50),
    Kolom("Tanggal lahir", DATE, 12, 17),
    Kolom("Gol. ruang", lebar_xlsx=9, lebar_pdf=12),
    Kolom("Jabatan", lebar_xlsx=36, lebar_pdf=55),
    Kolom("Unit kerja", lebar_xlsx=34, lebar_pdf=50),
    Kolom("BUP (thn)", INT, 8, 12, rata_kanan=True),
    Kolom("TMT pensiun", DATE, 12, 17),
)


def pensiun(*, user: Any, run: IndexRun, opd: UnitOrganisasi | None, dari: dt.date, sampai: dt.date) -> Tabel:
    def rows() -> Iterator[list[Any]]:
        qs = selectors.pensiun_rows(user=user, run=run, opd=opd, dari=dari, sampai=sampai)
        for i, r in enumerate(qs.iterator(chunk_size=selectors.ITER_CHUNK), start=1):
            yield [i, r.pegawai.nip, _nama(r), r.pegawai.tanggal_lahir, r.pangkat, r.jabatan, r.unit.nama, r.bup,
                   r.tmt_pensiun]  # fmt: skip

    return Tabel(
        judul="Daftar Pegawai yang Mencapai Batas Usia Pensiun",
        subjudul=[_scope_line(user, opd), f"TMT pensiun {tanggal_id(dari)} s.d. {tanggal_id(sampai)}"],
        kolom=PENSIUN_KOLOM,
        baris=rows(),
        catatan=[
            "BUP dan TMT pensiun menurut PP 11/2017 Pasal 239 (TMT pensiun: hari pertama bulan berikutnya "
            f"setelah mencapai BUP), dari perhitungan indeks #{run.pk} per {tanggal_id(run.as_of)}."
        ],
        **_header(user, run),
    )


def tempat(run: IndexRun) -> str:
    return tempat_of(run.instansi)


def tempat_of(inst: Any) -> str:
    """The place in the signature block: Instansi.kota, else taken from the instansi's name."""
    if inst is None:
        return ""
    return inst.kota or tempat_instansi(inst.nama)


def tempat_instansi(nama: str) -> str:
    """The place in the signature block: the regency's name without 'Pemerintah Kabupaten/Kota'."""
    for prefix in ("Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi ", "Kabupaten ", "Kota "):
        if nama.startswith(prefix):
            return nama[len(prefix) :]
    return nama


# --- Nominatif: current employees with the columns the user picks ------------------------------------


def _opt(obj: Any, attr: str) -> Any:
    return getattr(obj, attr) if obj is not None else None


# key -> (column, value of one Pegawai); the order here is the order in the report.
NOMINATIF_KOLOM: dict[str, tuple[Kolom, Callable[[Pegawai, dt.date], Any]]] = {
    "nip": (Kolom("NIP", lebar_xlsx=21, lebar_pdf=31), lambda p, d: p.nip),
    "nama": (Kolom("Nama", lebar_xlsx=32, lebar_pdf=48), lambda p, d: p.nama_lengkap),
    "tempat_lahir": (Kolom("Tempat lahir", lebar_xlsx=16, lebar_pdf=24), lambda p, d: p.tempat_lahir),
    "tanggal_lahir": (Kolom("Tanggal lahir", DATE, 12, 17), lambda p, d: p.tanggal_lahir),
    "usia": (Kolom("Usia", INT, 7, 9, rata_kanan=True), lambda p, d: age_on(p.tanggal_lahir, d)),
    "jenis_kelamin": (Kolom("Jenis kelamin", lebar_xlsx=12, lebar_pdf=17), lambda p, d: p.get_jenis_kelamin_display()),
    "agama": (Kolom("Agama", lebar_xlsx=12, lebar_pdf=16), lambda p, d: p.get_agama_display()),
    "status": (Kolom("Status", lebar_xlsx=8, lebar_pdf=12), lambda p, d: p.status),
    "tmt_cpns": (Kolom("TMT CPNS", DATE, 12, 17), lambda p, d: p.tmt_cpns),
    "tmt_pns": (Kolom("TMT PNS", DATE, 12, 17), lambda p, d: p.tmt_pns),
    "golongan": (Kolom("Gol. ruang", lebar_xlsx=9, lebar_pdf=12), lambda p, d: _opt(p.pangkat, "kode")),
    "pangkat": (Kolom("Pangkat", lebar_xlsx=20, lebar_pdf=28), lambda p, d: _opt(p.pangkat, "nama")),
    "tmt_pangkat": (Kolom("TMT pangkat", DATE, 12, 17), lambda p, d: p.tmt_pangkat),
    "jabatan": (Kolom("Jabatan", lebar_xlsx=36, lebar_pdf=50), lambda p, d: _opt(p.jabatan, "nama")),
    "jenis_jabatan": (
        Kolom("Jenis jabatan", lebar_xlsx=24, lebar_pdf=34),
        lambda p, d: p.jabatan.get_jenis_display() if p.jabatan else None,
    ),
    "tmt_jabatan": (Kolom("TMT jabatan", DATE, 12, 17), lambda p, d: p.tmt_jabatan),
    "unit": (Kolom("Unit kerja", lebar_xlsx=34, lebar_pdf=45), lambda p, d: p.unit.nama),
    "pendidikan": (Kolom("Pendidikan", lebar_xlsx=24, lebar_pdf=30), lambda p, d: _opt(p.pendidikan, "nama")),
}
NOMINATIF_DEFAULT = ("nip", "nama", "golongan", "jabatan", "unit")


def nominatif(*, user: Any, filterset: Any, kolom: list[str], today: dt.date) -> Tabel:
    """Employees as the employee list's filters select them (PegawaiFilterSet, in scope), in the
    order of the unit tree, then golongan from the highest, then name."""
    keys = [k for k in NOMINATIF_KOLOM if k in kolom] or list(NOMINATIF_DEFAULT)
    qs = filterset.qs.select_related("pangkat", "jabatan", "unit", "pendidikan").order_by(
        "unit__path", "-pangkat__urutan", "nama", "id"
    )
    chosen = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "") or (name == "aktif" and value == "aktif"):
            continue
        labels = dict(getattr(field, "choices", None) or []) if isinstance(value, str) else {}
        chosen.append(f"{field.label}: {labels.get(value, value)}")

    def rows() -> Iterator[list[Any]]:
        for i, p in enumerate(qs.iterator(chunk_size=selectors.ITER_CHUNK), start=1):
            yield [i, *(NOMINATIF_KOLOM[k][1](p, today) for k in keys)]

    inst = getattr(user, "instansi", None)
    return Tabel(
        instansi=inst.nama if inst else "",
        alamat=inst.alamat if inst else "",
        **penanda_tangan(inst),
        judul="Daftar Nominatif Pegawai",
        subjudul=["; ".join(chosen) if chosen else _scope_line(user, None)],
        keadaan_per=today,
        kolom=[Kolom("No.", INT, 6, 9, rata_kanan=True), *(NOMINATIF_KOLOM[k][0] for k in keys)],
        baris=rows(),
        landscape=len(keys) > 4,
    )


# --- Rekap IP ASN per OPD -----------------------------------------------------------------------------

IPASN_KOLOM = (
    Kolom("No.", INT, 6, 10, rata_kanan=True),
    Kolom("OPD / unit", lebar_xlsx=50, lebar_pdf=90),
    Kolom("Jumlah PNS diukur", INT, 12, 25, rata_kanan=True),
    Kolom("Rata-rata IP ASN", FLOAT, 12, 25, rata_kanan=True),
    Kolom("Kategori", lebar_xlsx=16, lebar_pdf=30),
)


def rekap_ipasn(*, user: Any, run: IndexRun) -> Tabel:
    """Mean IP ASN per OPD (per direct sub-unit for an operator), highest first, with the count
    measured and the category of the mean, from the run's stored scores."""
    data = selectors.ipasn_per_unit(user=user, run=run)
    rows = [
        [i, label, n, mean, kategori]
        for i, (label, n, mean, kategori) in enumerate(
            zip(data["labels"], data["counts"], data["values"], data["kategori"], strict=True), start=1
        )
    ]
    total = selectors.run_totals(user=user, run=run)
    catatan = []
    if total["ip_mean"] is not None:
        catatan.append(
            f"Rata-rata seluruh cakupan: {total['ip_mean']:.2f} ({total['ip_kategori']}) dari {total['diukur']} PNS "
            "yang diukur."
        )
    catatan.append(
        "IP ASN menurut Peraturan BKN 8/2019 (kualifikasi, kompetensi, kinerja, disiplin); CPNS dan PPPK tidak "
        f"diukur. Dari perhitungan indeks #{run.pk} per {tanggal_id(run.as_of)}."
    )
    per_subunit = not user.is_superuser and user.role == "operator" and bool(user.unit_id)
    return Tabel(
        judul="Rekapitulasi Indeks Profesionalitas ASN per " + ("Unit Kerja" if per_subunit else "OPD"),
        subjudul=[_scope_line(user, None)],
        kolom=IPASN_KOLOM,
        baris=rows,
        catatan=catatan,
        landscape=False,
        bungkus=True,
        **_header(user, run),
    )


# --- Bezetting ----------------------------------------------------------------------------------------


def bezetting(*, user: Any, run: IndexRun, opd: UnitOrganisasi | None, tahun: int) -> Tabel:
    items, until = selectors.bezetting_rows(user=user, run=run, opd=opd, tahun=tahun)
    kolom = (
        Kolom("No.", INT, 6, 9, rata_kanan=True),
        Kolom("Unit kerja", lebar_xlsx=34, lebar_pdf=55),
        Kolom("Jabatan", lebar_xlsx=40, lebar_pdf=65),
        Kolom("Jenis jabatan", lebar_xlsx=24, lebar_pdf=36),
        Kolom("Kelas", INT, 7, 10, rata_kanan=True),
        Kolom("Kebutuhan (ABK)", INT, 11, 17, rata_kanan=True),
        Kolom("Terisi", INT, 8, 12, rata_kanan=True),
        Kolom("Kosong", INT, 8, 12, rata_kanan=True),
        Kolom("Kelebihan", INT, 9, 14, rata_kanan=True),
        Kolom(f"Pensiun ≤ {tahun} thn", INT, 11, 17, rata_kanan=True),
    )
    rows = [
        [i, j.unit.nama, j.nama, j.get_jenis_display(), j.kelas_jabatan, j.kebutuhan, n,
         max(j.kebutuhan - n, 0), max(n - j.kebutuhan, 0), pensiun]
        for i, (j, n, pensiun) in enumerate(items, start=1)
    ]  # fmt: skip
    total = [sum(r[k] for r in rows) for k in (5, 6, 7, 8, 9)]
    return Tabel(
        judul="Bezetting Pegawai per Jabatan dan Unit Kerja",
        subjudul=[_scope_line(user, opd)],
        kolom=kolom,
        baris=rows,
        catatan=[
            f"Jumlah: kebutuhan {total[0]}, terisi {total[1]}, kosong {total[2]}, kelebihan {total[3]}, "
            f"pensiun s.d. {tanggal_id(until)} {total[4]}.",
            "Terisi: pemangku aktif saat ini. Pensiun: pemangku yang mencapai TMT pensiun setelah "
            f"{tanggal_id(run.as_of)} s.d. {tanggal_id(until)} menurut perhitungan indeks #{run.pk}.",
        ],
        **_header(user, run),
    )


# --- Proyeksi pensiun dan kebutuhan pegawai ----------------------------------------------------------


def proyeksi(*, user: Any, projection: Any, opd: UnitOrganisasi | None) -> Tabel:
    """The projection (`laporan.projection.Projection`) as a table: one row per OPD, one column per
    period, then the totals per kind of position and the remaining headcount."""
    p = projection
    run = p.run
    kolom = (
        Kolom("No.", INT, 6, 9, rata_kanan=True),
        Kolom("OPD / unit", lebar_xlsx=38, lebar_pdf=62),
        Kolom(f"Pegawai per {tanggal_id(run.as_of)}", INT, 12, 20, rata_kanan=True),
        *(Kolom(x.label, INT, 7, 11, rata_kanan=True) for x in p.periods),
        Kolom("Jumlah pensiun", INT, 10, 16, rata_kanan=True),
        Kolom("% pegawai", FLOAT, 9, 13, rata_kanan=True),
    )
    rows = [[i, r.nama, r.headcount, *r.counts, r.total, round(100 * r.share, 1)]
            for i, r in enumerate(p.by_opd, start=1)]  # fmt: skip
    ringkas = [
        [label, *p.by_kind[code], sum(p.by_kind[code])] for code, label in p.kinds
    ] + [["Jumlah pensiun", *p.retiring, p.total_retiring], ["Pegawai tersisa (akhir periode)", *p.remaining, None]]
    if p.need:
        ringkas.append(["Kekurangan terhadap ABK", *p.shortage, None])
    catatan = [
        f"Dari perhitungan indeks #{run.pk} per {tanggal_id(run.as_of)}: BUP dan TMT pensiun menurut PP 11/2017 "
        "Pasal 239. Asumsi: pensiun BUP satu-satunya sebab keluar, tidak ada pengangkatan baru, jenis jabatan "
        "menurut jabatan sekarang (keputusan 0042).",
    ]
    if p.periods and p.periods[0].partial:
        catatan.append(f"{p.periods[0].label} = sisa tahun {run.as_of.year}: TMT pensiun "
                       f"{tanggal_id(p.periods[0].start)} s.d. {tanggal_id(p.periods[0].end)}.")  # fmt: skip
    if p.need:
        catatan.append(f"Kebutuhan pegawai menurut ABK: {p.need}.")
    return Tabel(
        judul="Proyeksi Pensiun dan Kebutuhan Pegawai",
        subjudul=[_scope_line(user, opd), f"{p.periods[0].label} s.d. {p.periods[-1].label}"],
        kolom=kolom,
        baris=rows,
        catatan=catatan,
        bagian=[Bagian(
            judul="Ringkasan per jenis jabatan",
            kolom=(Kolom("Baris", lebar_xlsx=34, lebar_pdf=62),
                   *(Kolom(x.label, INT, 7, 11, rata_kanan=True) for x in p.periods),
                   Kolom("Jumlah", INT, 10, 16, rata_kanan=True)),
            baris=ringkas,
        )],  # fmt: skip
        **_header(user, run),
    )


# --- Daftar Riwayat Hidup -----------------------------------------------------------------------------


def drh(*, user: Any, pegawai: Pegawai, today: dt.date) -> Tabel:
    """The DRH of one employee (already fetched in the viewer's scope with every history)."""
    p = pegawai
    uraian = [
        ("Nama", p.nama_lengkap), ("NIP", p.nip),
        ("Tempat, tanggal lahir", ", ".join(x for x in (p.tempat_lahir, tanggal_id(p.tanggal_lahir)) if x)),
        ("Jenis kelamin", p.get_jenis_kelamin_display()), ("Agama", p.get_agama_display()),
        ("Status kepegawaian", p.get_status_display()),
        ("TMT CPNS", tanggal_id(p.tmt_cpns)), ("TMT PNS", tanggal_id(p.tmt_pns)),
        ("Pangkat, golongan/ruang", f"{p.pangkat.nama}, {p.pangkat.kode}" if p.pangkat else ""),
        ("TMT pangkat", tanggal_id(p.tmt_pangkat)),
        ("Jabatan", p.jabatan.nama if p.jabatan else ""), ("TMT jabatan", tanggal_id(p.tmt_jabatan)),
        ("Unit kerja", p.unit.nama), ("Pendidikan tertinggi", p.pendidikan.nama if p.pendidikan else ""),
    ]  # fmt: skip
    sk = (Kolom("Nomor SK", lebar_xlsx=24, lebar_pdf=40), Kolom("Tanggal SK", DATE, 12, 20))

    def no(rows: list[list[Any]]) -> list[list[Any]]:
        return [[i, *r] for i, r in enumerate(rows, start=1)]

    nomor = Kolom("No.", INT, 5, 8, rata_kanan=True)
    bagian = [
        Bagian("Riwayat pangkat", (nomor, Kolom("Gol. ruang", lebar_pdf=16), Kolom("Pangkat", lebar_xlsx=20, lebar_pdf=34),
                                   Kolom("TMT", DATE, 12, 20), Kolom("Jenis KP", lebar_pdf=24),
                                   Kolom("Masa kerja", lebar_pdf=20), *sk),
               no([[r.pangkat.kode, r.pangkat.nama, r.tmt, r.get_jenis_kp_display(),
                    f"{r.masa_kerja_tahun} thn {r.masa_kerja_bulan} bln", r.nomor_sk, r.tanggal_sk]
                   for r in p.riwayatpangkat_set.all()])),
        Bagian("Riwayat jabatan", (nomor, Kolom("Jabatan", lebar_xlsx=36, lebar_pdf=55),
                                   Kolom("Unit kerja", lebar_xlsx=34, lebar_pdf=50), Kolom("TMT", DATE, 12, 20), *sk),
               no([[r.jabatan.nama, r.unit.nama, r.tmt, r.nomor_sk, r.tanggal_sk]
                   for r in p.riwayatjabatan_set.all()])),
        Bagian("Riwayat pendidikan", (nomor, Kolom("Tingkat", lebar_pdf=16), Kolom("Sekolah/perguruan tinggi", lebar_xlsx=34,
                                      lebar_pdf=55), Kolom("Jurusan", lebar_xlsx=24, lebar_pdf=40),
                                      Kolom("Tahun lulus", INT, 9, 16, rata_kanan=True),
                                      Kolom("Nomor ijazah", lebar_xlsx=20, lebar_pdf=32)),
               no([[r.tingkat.nama, r.nama_institusi, r.jurusan, r.tahun_lulus, r.nomor_ijazah]
                   for r in p.riwayatpendidikan_set.all()])),
        Bagian("Riwayat diklat", (nomor, Kolom("Jenis", lebar_pdf=20), Kolom("Nama diklat", lebar_xlsx=36, lebar_pdf=55),
                                  Kolom("Penyelenggara", lebar_xlsx=24, lebar_pdf=35), Kolom("Mulai", DATE, 12, 18),
                                  Kolom("Selesai", DATE, 12, 18), Kolom("JP", INT, 6, 10, rata_kanan=True)),
               no([[r.get_jenis_display(), r.nama, r.penyelenggara, r.tanggal_mulai, r.tanggal_selesai, r.jp]
                   for r in p.riwayatdiklat_set.all()])),
        Bagian("Riwayat kinerja (SKP)", (nomor, Kolom("Tahun", INT, 7, 12, rata_kanan=True),
                                         Kolom("Hasil kerja", lebar_pdf=25), Kolom("Perilaku kerja", lebar_pdf=25),
                                         Kolom("Predikat", lebar_xlsx=24, lebar_pdf=40)),
               no([[r.tahun, r.get_hasil_kerja_display(), r.get_perilaku_kerja_display(), r.predikat]
                   for r in p.riwayatkinerja_set.all()])),
        Bagian("Riwayat hukuman disiplin", (nomor, Kolom("Tingkat", lebar_pdf=16), Kolom("Jenis", lebar_xlsx=24, lebar_pdf=40),
                                            Kolom("Mulai", DATE, 12, 18), Kolom("Sampai", DATE, 12, 18), *sk),
               no([[r.get_tingkat_display(), r.get_jenis_display(), r.tmt_mulai, r.tmt_selesai, r.nomor_sk,
                    r.tanggal_sk] for r in p.riwayathukdis_set.all()])),
        Bagian("Riwayat asesmen kompetensi", (nomor, Kolom("Tanggal", DATE, 12, 18),
                                              Kolom("Lembaga", lebar_xlsx=24, lebar_pdf=40),
                                              Kolom("Asesor", lebar_xlsx=20, lebar_pdf=30),
                                              Kolom("Nilai (kompetensi: level)", lebar_xlsx=50, lebar_pdf=70)),
               no([[r.tanggal, r.lembaga, r.asesor, "; ".join(f"{n.kompetensi.nama}: {n.level}" for n in r.nilai.all())]
                   for r in p.riwayatasesmen_set.all()])),
        Bagian("Riwayat penghargaan", (nomor, Kolom("Nama penghargaan", lebar_xlsx=36, lebar_pdf=60),
                                       Kolom("Tahun", INT, 7, 12, rata_kanan=True),
                                       Kolom("Pemberi", lebar_xlsx=24, lebar_pdf=40)),
               no([[r.nama, r.tahun, r.pemberi] for r in p.riwayatpenghargaan_set.all()])),
    ]  # fmt: skip
    inst = p.instansi
    return Tabel(
        instansi=inst.nama,
        alamat=inst.alamat,
        **penanda_tangan(inst),
        judul="Daftar Riwayat Hidup",
        subjudul=[f"{p.nama_lengkap} — NIP {p.nip}"],
        keadaan_per=today,
        kolom=(nomor, Kolom("Uraian", lebar_xlsx=26, lebar_pdf=55), Kolom("Keterangan", lebar_xlsx=60, lebar_pdf=120)),
        baris=no([list(u) for u in uraian]),
        landscape=False,
        bagian=bagian,
        bungkus=True,
    )
