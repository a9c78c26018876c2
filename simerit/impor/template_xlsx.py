"""The downloadable employee template (xlsxwriter): a "Petunjuk" sheet in Bahasa Indonesia and
a "Pegawai" sheet whose code and date columns are formatted as text, so NIP keeps its zeros."""

from __future__ import annotations

import io

import xlsxwriter

from simerit.impor.columns import KOLOM, SHEET
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.choices import Agama, JenisKelamin, StatusKepegawaian
from simerit.referensi.models import Pangkat, TingkatPendidikan


def employee_template(units: list[UnitOrganisasi] | None = None) -> bytes:
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
    p.write(0, 0, "Petunjuk pengisian templat impor pegawai SIMERIT", title)
    lines = [
        "Isi data pada lembar «Pegawai» mulai baris 2; baris 1 adalah judul kolom dan jangan diubah.",
        "Satu baris = satu pegawai. NIP adalah kunci: NIP yang sudah terdaftar di instansi mengubah data pegawai itu, NIP baru menambah pegawai.",
        "Kolom NIP, NIK, kode dan tanggal sudah berformat Teks. Jangan mengetik NIP sebagai angka: angka nol di depan dan digit terakhir akan hilang.",
        "Tanggal boleh berupa sel tanggal Excel atau teks DD-MM-YYYY (mis. 26-09-1986).",
        "Jangan memakai rumus (formula) atau menggabung sel (merge). Kolom yang tidak ada di berkas tidak diubah; sel kosong pada kolom yang ada mengosongkan data itu.",
        "Berkas diperiksa dulu (uji coba): tidak ada yang disimpan sampai Anda menekan «Simpan». Jika ada satu masalah pun, perbaiki berkas lalu unggah ulang; seluruh berkas disimpan sekaligus atau tidak sama sekali.",
        "CSV juga diterima: baris pertama judul kolom yang sama, pemisah koma atau titik koma, berkode UTF-8.",
    ]
    for i, line in enumerate(lines, start=2):
        p.merge_range(i, 0, i, 3, f"{i - 1}. {line}", wb.add_format({"text_wrap": True}))
        p.set_row(i, 30)
    row = len(lines) + 3
    p.write_row(row, 0, ["Kolom", "Arti", "Format", "Wajib"], bold)
    for k in KOLOM:
        row += 1
        p.write_row(row, 0, [k.header, k.arti, k.format, k.wajib], wrap)
    row += 2
    lists = [
        ("Golongan", [(x.kode, x.nama) for x in Pangkat.objects.order_by("urutan")]),
        ("Pendidikan", [(x.kode, x.nama) for x in TingkatPendidikan.objects.order_by("urutan")]),
        ("Status", [(c.value, c.label) for c in StatusKepegawaian]),
        ("Jenis Kelamin", [(c.value, str(c.label)) for c in JenisKelamin]),
        ("Agama", [(str(c.label), "") for c in Agama]),
    ]
    if units:
        lists.append(("Kode Unit", [(u.kode, u.nama) for u in units]))
    for name, items in lists:
        p.write_row(row, 0, [f"Nilai {name}", "Keterangan"], bold)
        for code, label in items:
            row += 1
            p.write_string(row, 0, code, wrap)
            p.write_string(row, 1, str(label), wrap)
        row += 2

    s = wb.add_worksheet(SHEET)
    for i, k in enumerate(KOLOM):
        fmt = text if k.kind in ("code", "date") else None
        s.set_column(i, i, k.width, fmt)
        s.write_string(0, i, k.header, head)
    s.freeze_panes(1, 0)
    s.activate()
    wb.close()
    return out.getvalue()
