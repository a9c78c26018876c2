"""Load the reference tables from the versioned CSV files (used by the data migration)."""

from __future__ import annotations

from typing import Any

from simerit.rules.reference import load_table


def load_reference(apps: Any, schema_editor: Any = None) -> None:
    pangkat_model = apps.get_model("referensi", "Pangkat")
    pendidikan_model = apps.get_model("referensi", "TingkatPendidikan")
    kompetensi_model = apps.get_model("referensi", "Kompetensi")
    by_code = {}
    for row in load_table("pangkat")[1]:
        obj, _ = pangkat_model.objects.update_or_create(
            kode=row["kode"],
            defaults={"golongan": row["golongan"], "ruang": row["ruang"], "nama": row["nama"], "urutan": int(row["urutan"])},
        )
        by_code[obj.kode] = obj
    for row in load_table("pendidikan")[1]:
        pendidikan_model.objects.update_or_create(
            kode=row["kode"],
            defaults={
                "nama": row["nama"],
                "urutan": int(row["urutan"]),
                "golongan_awal": by_code[row["golongan_awal"]],
                "golongan_maks": by_code[row["golongan_maks"]],
            },
        )
    for row in load_table("kompetensi")[1]:
        kompetensi_model.objects.update_or_create(
            kode=row["kode"], defaults={"nama": row["nama"], "jenis": row["jenis"], "urutan": int(row["urutan"])}
        )
