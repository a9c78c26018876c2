"""The rules' input read from the database: `EmployeeFrames` for an instansi, `EmployeeProfile`
for one employee. Both select the same model-shaped tables and map them with
`simerit.tables.employee_frames` — the mapping the synthetic data and the national benchmark
use too — so the batch run, the profile page's explanation and the benchmark cannot drift apart.

Each table is one `values()` queryset read into polars through Django's cursor
(`pl.read_database`, portable between SQLite and PostgreSQL) with the explicit schema of
`simerit.tables.TABLE_SCHEMAS`: ids stay integers here and become text in the rules' frames,
NIP stays text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from django.db import connection
from django.db.models import F, Q, QuerySet

from simerit.careers import CareerOn, career_on
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
from simerit.referensi.models import TingkatPendidikan
from simerit.rules.profile import EmployeeFrames, EmployeeProfile, frames_to_profiles
from simerit.tables import TABLE_SCHEMAS, employee_frames

# Columns the application keeps beside the rules' input (not passed to the rules).
META_SCHEMA = {
    "id": pl.Utf8,
    "pegawai_id": pl.Int64,
    "unit_id": pl.Int64,
    "opd_id": pl.Int64,
    "jabatan": pl.Utf8,
}
_PEGAWAI_EXTRA = {"unit_id": pl.Int64, "tmt_pns": pl.Date, "tanggal_berhenti": pl.Date}
_HISTORY_SCHEMAS = {
    "riwayat_pangkat": {"pegawai_id": pl.Int64, "pangkat_kode": pl.Utf8, "tmt": pl.Date},
    "riwayat_jabatan": {"pegawai_id": pl.Int64, "jabatan_id": pl.Int64, "unit_id": pl.Int64, "tmt": pl.Date},
}


@dataclass(frozen=True)
class LoadedFrames:
    """The rules' frames plus, per employee, the unit and position name at load time."""

    frames: EmployeeFrames
    meta: pl.DataFrame
    # How the career on `as_of` was obtained (`simerit.careers.CareerOn`): per field, employees
    # whose value of that date came from a history, and employees whose history does not reach
    # back that far (today's value used). Both all zero for a run dated today.
    rebuilt: dict[str, int] = field(default_factory=dict)
    kept_current: dict[str, int] = field(default_factory=dict)


def _read(qs: QuerySet[Any], schema: dict[str, Any]) -> pl.DataFrame:
    """Run a `values()` queryset through Django's cursor into a frame with exactly `schema`."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        frame = pl.read_database(sql, connection=cursor, execute_options={"params": params})
    if frame.is_empty():
        # No rows: nothing to infer types from.
        return pl.DataFrame(schema=schema)
    return frame.select(pl.col(name).cast(dtype) for name, dtype in schema.items())


def _tables(instansi_id: int, as_of: dt.date, pegawai_id: int | None) -> tuple[dict[str, pl.DataFrame], CareerOn]:
    """The model-shaped tables of `simerit.tables` for the employees in service on `as_of`, their
    career rebuilt as on that date (`simerit.careers`, decision 0041)."""
    staff = Pegawai.objects.filter(instansi_id=instansi_id).filter(Q(aktif=True) | Q(tanggal_berhenti__gt=as_of))
    if pegawai_id is not None:
        staff = staff.filter(pk=pegawai_id)
    of_staff = {"pegawai__in": staff}
    queries: dict[str, QuerySet[Any]] = {
        "pegawai": staff.values(
            "id", "nip", "tanggal_lahir", "status", "jabatan_id", "tmt_pangkat", "tmt_cpns", "tmt_jabatan", "aktif",
            "unit_id", "tmt_pns", "tanggal_berhenti", pendidikan_kode=F("pendidikan__kode"),
            pangkat_kode=F("pangkat__kode"),
        ).order_by("id"),
        "jabatan": Jabatan.objects.filter(instansi_id=instansi_id).values(
            "id", "jenis", "jenjang", "bup", "diklat_fungsional", "nama"
        ),
        "riwayat_pendidikan": RiwayatPendidikan.objects.filter(**of_staff).values(
            "pegawai_id", "tahun_lulus", tingkat_kode=F("tingkat__kode")
        ),
        "riwayat_diklat": RiwayatDiklat.objects.filter(**of_staff).values(
            "pegawai_id", "jenis", "nama", "tanggal_selesai", "jp"
        ),
        "riwayat_kinerja": RiwayatKinerja.objects.filter(**of_staff).values(
            "pegawai_id", "tahun", "hasil_kerja", "perilaku_kerja", "nilai"
        ),
        "riwayat_hukdis": RiwayatHukdis.objects.filter(**of_staff).values("pegawai_id", "tingkat", "tanggal_sk"),
        "riwayat_asesmen": RiwayatAsesmen.objects.filter(**of_staff).values("id", "pegawai_id", "tanggal"),
        "nilai_asesmen": NilaiAsesmen.objects.filter(asesmen__pegawai__in=staff).values(
            "asesmen_id", "level", kompetensi_kode=F("kompetensi__kode")
        ),
        "standar": StandarKompetensi.objects.filter(instansi_id=instansi_id).values(
            "jabatan_id", "level", kompetensi_kode=F("kompetensi__kode")
        ),
        # Only the rows that can change something: employees whose pangkat or position began
        # after `as_of` (none for a run dated today), rows dated on or before it.
        "riwayat_pangkat": RiwayatPangkat.objects.filter(pegawai__in=staff.filter(tmt_pangkat__gt=as_of),
                                                         tmt__lte=as_of).values("pegawai_id", "tmt",
                                                                                pangkat_kode=F("pangkat__kode")),
        "riwayat_jabatan": RiwayatJabatan.objects.filter(pegawai__in=staff.filter(tmt_jabatan__gt=as_of),
                                                         tmt__lte=as_of).values("pegawai_id", "jabatan_id",
                                                                                "unit_id", "tmt"),
    }  # fmt: skip
    schemas = {name: dict(schema) for name, schema in TABLE_SCHEMAS.items()}
    schemas["pegawai"].update(_PEGAWAI_EXTRA)
    schemas["jabatan"]["nama"] = pl.Utf8
    schemas.update(_HISTORY_SCHEMAS)
    tables = {name: _read(qs.order_by(), schemas[name]) if name != "pegawai" else _read(qs, schemas[name])
              for name, qs in queries.items()}  # fmt: skip
    order = dict(TingkatPendidikan.objects.values_list("kode", "urutan"))
    career = career_on(tables["pegawai"], tables, as_of, order)
    tables["pegawai"] = career.pegawai
    return tables, career


def _load(instansi_id: int, as_of: dt.date, pegawai_id: int | None = None) -> LoadedFrames:
    tables, career = _tables(instansi_id, as_of, pegawai_id)
    paths = pl.DataFrame(
        list(UnitOrganisasi.objects.filter(instansi_id=instansi_id).values_list("id", "path")),
        schema={"unit_id": pl.Int64, "unit_path": pl.Utf8}, orient="row",
    )  # fmt: skip
    names = tables["jabatan"].select(pl.col("id").alias("jabatan_id"), pl.col("nama").alias("jabatan_nama"))
    meta = (
        tables["pegawai"]
        .filter(pl.col("aktif"))
        .join(paths, on="unit_id", how="left", maintain_order="left")
        .join(names, on="jabatan_id", how="left", maintain_order="left")
        .select(
            pl.col("id").cast(pl.Utf8),
            pegawai_id=pl.col("id"),
            unit_id=pl.col("unit_id"),
            opd_id=pl.col("unit_path").str.strip_chars("/").str.split("/").list.first().cast(pl.Int64),
            jabatan=pl.col("jabatan_nama"),
        )
    )
    return LoadedFrames(
        frames=employee_frames(tables, as_of), meta=meta.cast(META_SCHEMA),  # type: ignore[arg-type]
        rebuilt=career.rebuilt, kept_current=career.kept_current,
    )  # fmt: skip


def load_frames(*, instansi_id: int, as_of: dt.date) -> LoadedFrames:
    """Every employee of an instansi in service on `as_of`, with their career as on that date and
    their histories, as the batch rules read them."""
    return _load(instansi_id, as_of)


def profile_for(pegawai: Pegawai, as_of: dt.date) -> EmployeeProfile | None:
    """One employee as the scalar rules read them, through the same queries as the batch run
    (a handful of queries). None for an employee not in service on `as_of`."""
    loaded = _load(pegawai.instansi_id, as_of, pegawai_id=pegawai.pk)
    return frames_to_profiles(loaded.frames).get(str(pegawai.pk))
