"""Load generated synthetic data (`simerit.synth.generator.SynthData`) into the database.

Everything happens in one transaction with `bulk_create`, so the per-row audit of
`AuditedModel.save` is bypassed on purpose; one AuditEvent summarises the load instead.
Ids come from the generator (shifted past any rows already present) so foreign keys are kept
without lookups; on PostgreSQL the sequences are reset afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import polars as pl
from django.contrib.auth.models import Permission
from django.core.management.color import no_style
from django.db import connection, models, transaction

from simerit.accounts.models import User
from simerit.core.audit import acting_as
from simerit.core.models import AuditEvent, Instansi, Role
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
    RiwayatPenghargaan,
)
from simerit.referensi.models import Kompetensi, Pangkat, TingkatPendidikan
from simerit.synth.generator import ESELON_PANGKAT, PANGKAT_CODES, SynthData

DEMO_PASSWORD = "simerit-demo"
BATCH_SIZE = 2000
ADMIN_APPS = ("referensi", "organisasi", "pegawai", "accounts", "indeks", "impor")
Progress = Callable[[str, int, int], None]

# Table name -> model, in loading order.
MODELS: dict[str, type[models.Model]] = {
    "units": UnitOrganisasi,
    "jabatan": Jabatan,
    "standar": StandarKompetensi,
    "pegawai": Pegawai,
    "riwayat_pangkat": RiwayatPangkat,
    "riwayat_jabatan": RiwayatJabatan,
    "riwayat_pendidikan": RiwayatPendidikan,
    "riwayat_diklat": RiwayatDiklat,
    "riwayat_kinerja": RiwayatKinerja,
    "riwayat_hukdis": RiwayatHukdis,
    "riwayat_asesmen": RiwayatAsesmen,
    "nilai_asesmen": NilaiAsesmen,
    "riwayat_penghargaan": RiwayatPenghargaan,
}
# Foreign-key columns of the frames and the table whose ids they hold.
ID_COLUMNS: dict[str, dict[str, str]] = {
    "units": {"id": "units", "parent_id": "units"},
    "jabatan": {"id": "jabatan", "unit_id": "units"},
    "standar": {"jabatan_id": "jabatan"},
    "pegawai": {"id": "pegawai", "jabatan_id": "jabatan", "unit_id": "units"},
    "riwayat_jabatan": {"id": "riwayat_jabatan", "pegawai_id": "pegawai", "jabatan_id": "jabatan", "unit_id": "units"},
    "nilai_asesmen": {"id": "nilai_asesmen", "asesmen_id": "riwayat_asesmen"},
}
# Reference codes in the frames -> foreign-key field of the model.
CODE_COLUMNS = {
    "pangkat_kode": ("pangkat_id", Pangkat),
    "pendidikan_kode": ("pendidikan_id", TingkatPendidikan),
    "tingkat_kode": ("tingkat_id", TingkatPendidikan),
    "kompetensi_kode": ("kompetensi_id", Kompetensi),
}
DEMO_ROLES = (
    ("admin", Role.ADMIN),
    ("operator", Role.OPERATOR),
    ("pimpinan", Role.PIMPINAN),
    ("auditor", Role.AUDITOR),
    ("pegawai", Role.PEGAWAI),
)


class SynthLoadError(Exception):
    """A load that cannot go ahead; the message is meant for the user (Bahasa Indonesia)."""


def _signer(instansi_nama: str) -> dict[str, str]:
    """The city and a fictitious Kepala BKPSDM for the reports' signature block (demo data)."""
    kota = instansi_nama
    for prefix in ("Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi ", "Kabupaten ", "Kota "):
        kota = kota.removeprefix(prefix)
    return {"kota": kota, "kepala_jabatan": "Kepala BKPSDM", "kepala_nama": "Dr. Hendra Wicaksono, S.Sos., M.Si.",
            "kepala_nip": "197203151998031004"}


def load_synth(
    data: SynthData,
    *,
    instansi_kode: str,
    instansi_nama: str,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Create the instansi, its units, positions, employees and histories, and the demo users.

    Returns {"instansi_id", "counts" (rows per table), "logins" (username, password, role)}.
    """
    if Instansi.objects.filter(kode=instansi_kode).exists():
        raise SynthLoadError(f"Instansi dengan kode {instansi_kode} sudah ada; pilih kode lain.")
    codes = _reference_codes()
    with transaction.atomic(), acting_as(label="simerit synth"):
        instansi = Instansi(kode=instansi_kode, nama=instansi_nama, jenis=Instansi.Jenis.KABUPATEN, **_signer(instansi_nama))
        instansi.save()
        offsets = {table: _max_id(model) for table, model in MODELS.items()}
        counts: dict[str, int] = {}
        for table, model in MODELS.items():
            frame = _prepare(table, data.frames()[table], offsets, codes)
            counts[table] = _bulk_insert(model, frame, instansi.pk, table, progress)
        _reset_sequences()
        AuditEvent.objects.create(
            instansi=instansi,
            actor_label="simerit synth",
            action=AuditEvent.Action.CREATE,
            model="synth",
            object_pk=str(instansi.pk),
            object_repr=f"Data sintetis {instansi_nama}"[:300],
            changes={"seed": data.seed, "as_of": data.as_of.isoformat(), "jumlah": counts},
        )
        logins = _demo_users(data, instansi, offsets)
        if progress:
            progress("akun demo", len(logins), len(logins))
    return {"instansi_id": instansi.pk, "counts": counts, "logins": logins}


def _reference_codes() -> dict[str, dict[str, int]]:
    codes: dict[str, dict[str, int]] = {}
    for column, (_field, model) in CODE_COLUMNS.items():
        codes[column] = dict(model.objects.values_list("kode", "pk"))  # type: ignore[attr-defined]
        if not codes[column]:
            raise SynthLoadError("Data referensi (pangkat, pendidikan, kompetensi) belum dimuat; jalankan migrate.")
    return codes


def _max_id(model: type[models.Model]) -> int:
    return int(model._base_manager.aggregate(m=models.Max("pk"))["m"] or 0)


def _prepare(table: str, frame: pl.DataFrame, offsets: dict[str, int], codes: dict[str, dict[str, int]]) -> pl.DataFrame:
    """Shift ids past existing rows, map reference codes to ids, drop non-model columns."""
    shifts = dict(ID_COLUMNS.get(table, {}))
    if "id" in frame.columns:
        shifts.setdefault("id", table)
    if "pegawai_id" in frame.columns:
        shifts.setdefault("pegawai_id", "pegawai")
    frame = frame.with_columns(pl.col(col) + offsets[target] for col, target in shifts.items())
    if table == "units":
        frame = frame.with_columns(
            path=pl.when(pl.col("parent_id").is_null())
            .then(pl.format("/{}/", pl.col("id")))
            .otherwise(pl.format("/{}/{}/", pl.col("parent_id"), pl.col("id")))
        )
    for column, (field, _model) in CODE_COLUMNS.items():
        if column in frame.columns:
            missing = set(frame[column].drop_nulls().unique().to_list()) - codes[column].keys()
            if missing:
                raise SynthLoadError(f"Kode referensi tidak dikenal di {table}.{column}: {', '.join(sorted(missing))}.")
            frame = frame.with_columns(pl.col(column).replace_strict(codes[column], default=None).alias(field)).drop(
                column
            )
    return frame.drop([c for c in ("instansi_kode",) if c in frame.columns])


def _bulk_insert(
    model: type[models.Model], frame: pl.DataFrame, instansi_id: int, table: str, progress: Progress | None
) -> int:
    total = frame.height
    done = 0
    for batch in _batches(frame):
        objs = [model(instansi_id=instansi_id, **row) for row in batch.iter_rows(named=True)]
        model._base_manager.bulk_create(objs, batch_size=BATCH_SIZE)
        done += len(objs)
        if progress:
            progress(table, done, total)
    if progress and total == 0:
        progress(table, 0, 0)
    return total


def _batches(frame: pl.DataFrame) -> Iterator[pl.DataFrame]:
    for start in range(0, frame.height, BATCH_SIZE * 5):
        yield frame.slice(start, BATCH_SIZE * 5)


def _reset_sequences() -> None:
    """After inserting explicit ids, move PostgreSQL sequences past them (no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(MODELS.values()))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def existing_demo_logins() -> list[dict[str, str]]:
    """The demo accounts already in the database (shown again when `--if-empty` skips loading)."""
    users = {u.username: u for u in User.objects.filter(username__in=[name for name, _ in DEMO_ROLES])}
    return [
        {"username": name, "password": DEMO_PASSWORD, "role": str(role), "peran": str(role.label)}
        for name, role in DEMO_ROLES
        if name in users and users[name].role == role
    ]


def _demo_users(data: SynthData, instansi: Instansi, offsets: dict[str, int]) -> list[dict[str, str]]:
    """One user per role, password DEMO_PASSWORD; usernames get the instansi code if taken."""
    operator_unit = _operator_unit(data) + offsets["units"]
    pegawai_id = _showcase_pegawai(data) + offsets["pegawai"]
    logins = []
    for name, role in DEMO_ROLES:
        username = name
        if User.objects.filter(username=username).exists():
            username = f"{name}-{instansi.kode}"
            if User.objects.filter(username=username).exists():
                raise SynthLoadError(f"Nama pengguna demo {name} dan {username} sudah dipakai.")
        user = User(username=username, role=role, instansi=instansi)
        if role == Role.ADMIN:
            user.is_staff = True
        elif role == Role.OPERATOR:
            user.unit_id = operator_unit
        elif role == Role.PEGAWAI:
            user.pegawai_id = pegawai_id
        user.set_password(DEMO_PASSWORD)
        user.save()
        if role == Role.ADMIN:
            user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
        logins.append({"username": username, "password": DEMO_PASSWORD, "role": str(role), "peran": str(role.label)})
    return logins


def _operator_unit(data: SynthData) -> int:
    """The Dinas Kesehatan OPD (a mid-sized OPD), else the OPD with the median head count."""
    opd = data.units.filter(pl.col("parent_id").is_null())
    dinkes = opd.filter(pl.col("nama") == "Dinas Kesehatan")
    if dinkes.height:
        return int(dinkes["id"][0])
    sizes = (
        data.pegawai.join(data.units.select("id", "path"), left_on="unit_id", right_on="id")
        .with_columns(opd=pl.col("path").str.split("/").list.get(1).cast(pl.Int64))
        .group_by("opd")
        .len()
        .sort(["len", "opd"])
    )
    return int(sizes["opd"][sizes.height // 2])


def _showcase_pegawai(data: SynthData) -> int:
    """An active PNS holding a struktural post, with assessments and leadership training, and the
    richest history; administrator/pengawas with a pangkat inside the eselon range first (ties:
    lowest id)."""
    rank = {code: i + 1 for i, code in enumerate(PANGKAT_CODES)}
    posts = data.jabatan.filter(pl.col("jenis") == "struktural").select(
        pl.col("id").alias("jabatan_id"),
        pl.col("eselon").replace_strict({k: v[0] for k, v in ESELON_PANGKAT.items()}, default=0).alias("lo"),
        pl.col("eselon").replace_strict({k: v[1] for k, v in ESELON_PANGKAT.items()}, default=99).alias("hi"),
        pl.col("jenjang").is_in(["administrator", "pengawas"]).alias("mid_level"),
    )
    rows = pl.concat(
        [frame.select("pegawai_id") for frame in data.frames().values() if "pegawai_id" in frame.columns]
    ).group_by("pegawai_id").len()
    asesmen = data.riwayat_asesmen.select("pegawai_id").unique()
    kepemimpinan = data.riwayat_diklat.filter(pl.col("jenis") == "kepemimpinan").select("pegawai_id").unique()
    candidates = (
        data.pegawai.filter(pl.col("status") == "PNS")
        .join(posts, on="jabatan_id")
        .with_columns(r=pl.col("pangkat_kode").replace_strict(rank, default=0))
        .select(pl.col("id").alias("pegawai_id"), (pl.col("r").is_between(pl.col("lo"), pl.col("hi"))).alias("in_range"),
                "mid_level")  # fmt: skip
        .join(rows, on="pegawai_id")
    )
    ranked = candidates.join(asesmen, on="pegawai_id").join(kepemimpinan, on="pegawai_id")
    if ranked.height == 0:
        ranked = candidates
    if ranked.height == 0:
        raise SynthLoadError("Tidak ada pegawai PNS struktural untuk akun demo pegawai.")
    ranked = ranked.sort(["in_range", "mid_level", "len", "pegawai_id"], descending=[True, True, True, False])
    return int(ranked["pegawai_id"][0])
