"""The result of a self-assessment as a `laporan.export.Tabel` (Excel/PDF): one row per aspect
with its score against its weight, then the indicators and the improvement priorities."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from simerit.laporan.export import FLOAT, INT, Bagian, Kolom, Tabel
from simerit.laporan.reports import penanda_tangan, tempat_of
from simerit.sistemmerit.models import SelfAssessment

ASPEK_KOLOM = (
    Kolom("No.", lebar_xlsx=5, lebar_pdf=10),
    Kolom("Aspek", lebar_xlsx=40, lebar_pdf=90),
    Kolom("Bobot", INT, 8, 18, rata_kanan=True),
    Kolom("Rata-rata level", FLOAT, 12, 26, rata_kanan=True),
    Kolom("Nilai", FLOAT, 10, 20, rata_kanan=True),
    Kolom("Indikator diisi", lebar_xlsx=12, lebar_pdf=26),
)
INDIKATOR_KOLOM = (
    Kolom("Kode", lebar_xlsx=7, lebar_pdf=12),
    Kolom("Indikator", lebar_xlsx=50, lebar_pdf=80),
    Kolom("Level", INT, 7, 14, rata_kanan=True),
    Kolom("Saran sistem", INT, 10, 18, rata_kanan=True),
    Kolom("Bukti dari data", lebar_xlsx=40, lebar_pdf=60),
    Kolom("Bukti / catatan", lebar_xlsx=40, lebar_pdf=60),
)
PRIORITAS_KOLOM = (
    Kolom("Kode", lebar_xlsx=7, lebar_pdf=12),
    Kolom("Indikator", lebar_xlsx=50, lebar_pdf=90),
    Kolom("Aspek", lebar_xlsx=30, lebar_pdf=60),
    Kolom("Level", INT, 7, 14, rata_kanan=True),
    Kolom("Tambahan nilai bila level 3", FLOAT, 14, 30, rata_kanan=True),
)


def tempat(assessment: SelfAssessment) -> str:
    return tempat_of(assessment.instansi)


def result_table(assessment: SelfAssessment, res: dict[str, Any]) -> Tabel:
    value = res["value"]
    instrument = res["instrument"]
    inst = assessment.instansi
    aspek = [
        (a["code"], a["name"], a["weight"], round(a["mean"], 2) if a["mean"] is not None else None, a["score"],
         f"{a['answered']} dari {a['count']}")
        for a in value["aspects"]
    ]  # fmt: skip
    aspek.append(("", "Jumlah", 400, None, value["total"], ""))
    indikator = []
    for a in res["aspects"]:
        for ind, ans in a["indicators"]:
            notes = " · ".join(x for x in ((ans.evidence if ans else ""), (ans.note if ans else "")) if x)
            indikator.append((ind.code, ind.name, ans.level if ans else None, ans.suggested_level if ans else None,
                              ans.suggestion if ans else "", notes))  # fmt: skip
    prioritas = [(p["code"], p["name"], p["aspect"], p["level"], p["gain"]) for p in res["priorities"]]
    status = "final" if assessment.final else "draf (belum final)"
    keadaan = assessment.finalised_at.date() if assessment.finalised_at else timezone.localdate()
    return Tabel(
        instansi=inst.nama,
        alamat=inst.alamat,
        judul=f"Penilaian Mandiri Sistem Merit Tahun {assessment.tahun}",
        subjudul=[
            f"Nilai {value['total']:.2f}".replace(".", ",") + f" · Kategori {value['category']} {value['category_label']}"
            f" · status {status}",
            f"{instrument.name} — {instrument.notice}",
        ],
        keadaan_per=keadaan if isinstance(keadaan, dt.date) else timezone.localdate(),
        kolom=ASPEK_KOLOM,
        baris=aspek,
        landscape=True,
        bungkus=True,
        catatan=[
            "Nilai aspek = bobot × rata-rata level indikator yang diisi / 4; jumlah 100–400. Kategori: I Buruk "
            "< 175, II Kurang 175–249,99, III Baik 250–324,99, IV Sangat Baik ≥ 325 (docs/decisions/0090).",
            "Bobot aspek dari satu aplikasi publik, belum diverifikasi terhadap instrumen resmi.",
        ],
        bagian=[
            Bagian("Indikator", INDIKATOR_KOLOM, indikator),
            Bagian("Prioritas perbaikan", PRIORITAS_KOLOM, prioritas),
        ],
        **penanda_tangan(inst),
    )
