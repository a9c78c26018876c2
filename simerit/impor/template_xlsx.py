"""The downloadable templates (xlsxwriter): a "Petunjuk" sheet in Bahasa Indonesia and one data
sheet whose code and date columns are formatted as text, so NIP keeps its zeros. One function for
every kind of file (`columns.JENIS`); the data sheet's name tells the import which kind it is."""

from __future__ import annotations

import io
from typing import Any

import xlsxwriter

from simerit.impor.columns import JENIS, PEGAWAI, Jenis
from simerit.organisasi.choices import DiklatKepemimpinan, Eselon, JenisJabatan, JenjangJabatan
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.pegawai.choices import (
    TINGKAT_BY_JENIS,
    Agama,
    JenisDiklat,
    JenisHukdis,
    JenisKelamin,
    Rating,
    StatusKepegawaian,
)
from simerit.pegawai.models import RiwayatPangkat
from simerit.referensi.models import Kompetensi, Pangkat, TingkatPendidikan

COMMON = (
    "Baris 1 adalah judul kolom dan jangan diubah; isi data mulai baris 2. Nama lembar data menandai jenis berkas: "
    "jangan diganti (atau pilih jenis datanya saat mengunggah).",
    "Kolom NIP, kode dan tanggal sudah berformat Teks. Jangan mengetik NIP sebagai angka: angka nol di depan dan "
    "digit terakhir akan hilang.",
    "Tanggal boleh berupa sel tanggal Excel atau teks DD-MM-YYYY (mis. 26-09-1986).",
    "Jangan memakai rumus (formula) atau menggabung sel (merge). Kolom yang tidak ada di berkas tidak diubah; sel "
    "kosong pada kolom yang ada mengosongkan data itu.",
    "Berkas diperiksa dulu (uji coba): tidak ada yang disimpan sampai Anda menekan «Simpan». Jika ada satu masalah "
    "pun, perbaiki berkas lalu unggah ulang; seluruh berkas disimpan sekaligus atau tidak sama sekali. Peringatan "
    "tidak menghalangi penyimpanan.",
    "CSV juga diterima: baris pertama judul kolom yang sama, pemisah koma atau titik koma, berkode UTF-8.",
)


def _lists(jenis: Jenis, units: list[UnitOrganisasi]) -> list[tuple[str, list[tuple[str, Any]]]]:
    kode = jenis.kode
    unit_list = ("Kode Unit", [(u.kode, u.nama) for u in units])
    golongan = ("Golongan", [(x.kode, x.nama) for x in Pangkat.objects.order_by("urutan")])
    kompetensi = ("Kode Kompetensi", [(k.kode, k.nama) for k in Kompetensi.objects.order_by("urutan", "nama")])
    jabatan = ("Jabatan per unit", [(j.unit.kode, j.nama) for j in
                                    Jabatan.objects.filter(unit__in=units).select_related("unit").order_by("unit__path", "nama")])
    if kode == "pegawai":
        out = [
            golongan,
            ("Pendidikan", [(x.kode, x.nama) for x in TingkatPendidikan.objects.order_by("urutan")]),
            ("Status", [(c.value, c.label) for c in StatusKepegawaian]),
            ("Jenis Kelamin", [(c.value, str(c.label)) for c in JenisKelamin]),
            ("Agama", [(str(c.label), "") for c in Agama]),
        ]
        return [*out, unit_list] if units else out
    return {
        "pangkat": [golongan, ("Jenis KP", [(str(c.label), "") for c in RiwayatPangkat.JenisKP])],
        "jabatan": [unit_list, jabatan],
        "pendidikan": [("Tingkat Pendidikan", [(x.kode, x.nama) for x in TingkatPendidikan.objects.order_by("urutan")])],
        "diklat": [("Jenis Diklat", [(str(c.label), "") for c in JenisDiklat]),
                   ("Nama Diklat Kepemimpinan", [("PKN I, PKN II, PKA, PKP", "sejak 2019"),
                                                 ("Diklatpim I, II, III, IV", "sebelum 2019")])],
        "kinerja": [("Rating", [(str(c.label), "") for c in Rating])],
        "hukdis": [("Jenis Hukuman", [(c.value, f"{c.label} — tingkat {TINGKAT_BY_JENIS.get(c.value, '')}")
                                      for c in JenisHukdis])],
        "asesmen": [kompetensi],
        "unit": [unit_list],
        "jabatan_unit": [unit_list, ("Jenis Jabatan", [(str(c.label), c.value) for c in JenisJabatan]),
                         ("Jenjang", [(str(c.label), c.value) for c in JenjangJabatan]),
                         ("Eselon", [(c.value, "") for c in Eselon]),
                         ("Diklat Kepemimpinan", [(c.value, str(c.label)) for c in DiklatKepemimpinan])],
        "standar": [jabatan, kompetensi],
    }[kode]


def employee_template(units: list[UnitOrganisasi] | None = None) -> bytes:
    return template(PEGAWAI, units or [])


def template(jenis: Jenis | str, units: list[UnitOrganisasi]) -> bytes:
    jenis = JENIS[jenis] if isinstance(jenis, str) else jenis
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    bold = wb.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True, "valign": "top"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    title = wb.add_format({"bold": True, "font_size": 14})
    text = wb.add_format({"num_format": "@"})
    head = wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "#FFFFFF", "border": 1, "num_format": "@"})

    p = wb.add_worksheet("Petunjuk")
    p.set_column(0, 0, 18)
    p.set_column(1, 1, 46)
    p.set_column(2, 2, 50)
    p.set_column(3, 3, 20)
    p.write(0, 0, f"Petunjuk pengisian templat impor SIMERIT: {jenis.label.lower()}", title)
    if jenis is PEGAWAI:
        key = ("Satu baris = satu pegawai. NIP adalah kunci: NIP yang sudah terdaftar di instansi mengubah data pegawai "
               "itu, NIP baru menambah pegawai.")
    else:
        key = (f"Isi data pada lembar «{jenis.sheet}». Kunci impor: {jenis.kunci}. Baris dengan kunci yang sudah "
               "tersimpan mengubah data itu, kunci baru menambah data; mengimpor ulang berkas yang sama tidak mengubah "
               "apa pun.")
    lines = [key, *jenis.petunjuk, *COMMON]
    if jenis.admin_only:
        lines.append("Hanya Admin BKPSDM yang dapat mengimpor data organisasi.")
    for i, line in enumerate(lines, start=2):
        p.merge_range(i, 0, i, 3, f"{i - 1}. {line}", wb.add_format({"text_wrap": True}))
        p.set_row(i, 30)
    row = len(lines) + 3
    p.write_row(row, 0, ["Kolom", "Arti", "Format", "Wajib"], bold)
    for k in jenis.kolom:
        row += 1
        p.write_row(row, 0, [k.header, k.arti, k.format, k.wajib], wrap)
    row += 2
    lists = _lists(jenis, units)
    for name, items in lists:
        p.write_row(row, 0, [f"Nilai {name}", "Keterangan"], bold)
        for code, label in items:
            row += 1
            p.write_string(row, 0, code, wrap)
            p.write_string(row, 1, str(label), wrap)
        row += 2

    s = wb.add_worksheet(jenis.sheet)
    headers = [(k.header, k.width, k.kind) for k in jenis.kolom]
    if jenis.kode == "asesmen":
        headers += [(k.kode, max(10, len(k.kode) + 2), "int") for k in Kompetensi.objects.order_by("urutan", "nama")]
    for i, (header, width, kind) in enumerate(headers):
        fmt = text if kind in ("code", "date") else None
        s.set_column(i, i, width, fmt)
        s.write_string(0, i, header, head)
    s.freeze_panes(1, 0)
    s.activate()
    wb.close()
    return out.getvalue()
