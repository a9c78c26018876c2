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
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.db import connection
from django.db.models import F, QuerySet

from simerit.organisasi.models import Jabatan, StandarKompetensi
from simerit.pegawai.models import (
    NilaiAsesmen,
    Pegawai,
    RiwayatAsesmen,
    RiwayatDiklat,
    RiwayatHukdis,
    RiwayatKinerja,
    RiwayatPendidikan,
)
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
_PEGAWAI_EXTRA = {"unit_id": pl.Int64, "unit_path": pl.Utf8, "jabatan_nama": pl.Utf8}


@dataclass(frozen=True)
class LoadedFrames:
    """The rules' frames plus, per employee, the unit and position name at load time."""

    frames: EmployeeFrames
    meta: pl.DataFrame


def _read(qs: QuerySet[Any], schema: dict[str, Any]) -> pl.DataFrame:
    """Run a `values()` queryset through Django's cursor into a frame with exactly `schema`."""
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        frame = pl.read_database(sql, connection=cursor, execute_options={"params": params})
    if frame.is_empty():
        # No rows: nothing to infer types from.
        return pl.DataFrame(schema=schema)
    return frame.select(pl.col(name).cast(dtype) for name, dtype in schema.items())


def _tables(instansi_id: int, pegawai_id: int | None) -> dict[str, pl.DataFrame]:
    """The model-shaped tables of `simerit.tables` for the active employees of an instansi."""
    staff = Pegawai.objects.filter(instansi_id=instansi_id, aktif=True)
    if pegawai_id is not None:
        staff = staff.filter(pk=pegawai_id)
    of_staff = {"pegawai__in": staff}
    queries: dict[str, QuerySet[Any]] = {
        "pegawai": staff.values(
            "id", "nip", "tanggal_lahir", "status", "jabatan_id", "tmt_pangkat", "tmt_cpns", "tmt_jabatan", "aktif",
            "unit_id", pendidikan_kode=F("pendidikan__kode"), pangkat_kode=F("pangkat__kode"),
            unit_path=F("unit__path"), jabatan_nama=F("jabatan__nama"),
        ).order_by("id"),
        "jabatan": Jabatan.objects.filter(instansi_id=instansi_id).values(
            "id", "jenis", "jenjang", "bup", "diklat_fungsional"
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
    }  # fmt: skip
    schemas = {name: dict(schema) for name, schema in TABLE_SCHEMAS.items()}
    schemas["pegawai"].update(_PEGAWAI_EXTRA)
    return {name: _read(qs.order_by(), schemas[name]) if name != "pegawai" else _read(qs, schemas[name])
            for name, qs in queries.items()}  # fmt: skip


def _load(instansi_id: int, as_of: dt.date, pegawai_id: int | None = None) -> LoadedFrames:
    tables = _tables(instansi_id, pegawai_id)
    meta = tables["pegawai"].select(
        pl.col("id").cast(pl.Utf8),
        pegawai_id=pl.col("id"),
        unit_id=pl.col("unit_id"),
        opd_id=pl.col("unit_path").str.strip_chars("/").str.split("/").list.first().cast(pl.Int64),
        jabatan=pl.col("jabatan_nama"),
    )
    return LoadedFrames(frames=employee_frames(tables, as_of), meta=meta.cast(META_SCHEMA))  # type: ignore[arg-type]


def load_frames(*, instansi_id: int, as_of: dt.date) -> LoadedFrames:
    """Every active employee of an instansi with their histories, as the batch rules read them."""
    return _load(instansi_id, as_of)


def profile_for(pegawai: Pegawai, as_of: dt.date) -> EmployeeProfile | None:
    """One employee as the scalar rules read them, through the same queries as the batch run
    (a handful of queries). None for an employee who is not active."""
    loaded = _load(pegawai.instansi_id, as_of, pegawai_id=pegawai.pk)
    return frames_to_profiles(loaded.frames).get(str(pegawai.pk))
