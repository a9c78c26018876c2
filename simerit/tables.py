"""From model-shaped tables to the rules' input frames: the one mapping used by every source.

"Model-shaped" tables carry the columns of the Django models (reference rows as `*_kode`):
`pegawai`, `jabatan`, `riwayat_pendidikan`, `riwayat_diklat`, `riwayat_kinerja`,
`riwayat_hukdis`, `riwayat_asesmen`, `nilai_asesmen`, `standar`. The synthetic generator
produces exactly these (in memory or as Parquet), and the database loader selects them, so the
national benchmark, the index runs and the tests feed the rules through the same code.
Pure polars: no Django import (import-linter contract).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, replace

import numpy as np
import polars as pl

from simerit.rules._rows import ByRow, all_in, row_numbers
from simerit.rules.profile import (
    COMPETENCY_SCHEMA,
    DISCIPLINE_SCHEMA,
    EMPLOYEE_SCHEMA,
    PERFORMANCE_SCHEMA,
    TRAINING_SCHEMA,
    EmployeeFrames,
)

Frame = pl.DataFrame | pl.LazyFrame

# The columns the rules read from each table (and all that a source has to provide).
USED_COLUMNS: dict[str, tuple[str, ...]] = {
    "pegawai": ("id", "nip", "tanggal_lahir", "status", "jabatan_id", "pendidikan_kode", "pangkat_kode",
                "tmt_pangkat", "tmt_cpns", "tmt_jabatan", "aktif"),
    "jabatan": ("id", "jenis", "jenjang", "bup", "diklat_fungsional"),
    "riwayat_pendidikan": ("pegawai_id", "tingkat_kode", "tahun_lulus"),
    "riwayat_diklat": ("pegawai_id", "jenis", "nama", "tanggal_selesai", "jp"),
    "riwayat_kinerja": ("pegawai_id", "tahun", "hasil_kerja", "perilaku_kerja", "nilai"),
    "riwayat_hukdis": ("pegawai_id", "tingkat", "tanggal_sk"),
    "riwayat_asesmen": ("id", "pegawai_id", "tanggal"),
    "nilai_asesmen": ("asesmen_id", "kompetensi_kode", "level"),
    "standar": ("jabatan_id", "kompetensi_kode", "level"),
}  # fmt: skip

# The type of each used column, for sources that do not carry types of their own (a database cursor).
TABLE_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "pegawai": {"id": pl.Int64, "nip": pl.Utf8, "tanggal_lahir": pl.Date, "status": pl.Utf8, "jabatan_id": pl.Int64,
                "pendidikan_kode": pl.Utf8, "pangkat_kode": pl.Utf8, "tmt_pangkat": pl.Date, "tmt_cpns": pl.Date,
                "tmt_jabatan": pl.Date, "aktif": pl.Boolean},
    "jabatan": {"id": pl.Int64, "jenis": pl.Utf8, "jenjang": pl.Utf8, "bup": pl.Int16, "diklat_fungsional": pl.Utf8},
    "riwayat_pendidikan": {"pegawai_id": pl.Int64, "tingkat_kode": pl.Utf8, "tahun_lulus": pl.Int16},
    "riwayat_diklat": {"pegawai_id": pl.Int64, "jenis": pl.Utf8, "nama": pl.Utf8, "tanggal_selesai": pl.Date,
                       "jp": pl.Int32},
    "riwayat_kinerja": {"pegawai_id": pl.Int64, "tahun": pl.Int16, "hasil_kerja": pl.Utf8, "perilaku_kerja": pl.Utf8,
                        "nilai": pl.Float64},
    "riwayat_hukdis": {"pegawai_id": pl.Int64, "tingkat": pl.Utf8, "tanggal_sk": pl.Date},
    "riwayat_asesmen": {"id": pl.Int64, "pegawai_id": pl.Int64, "tanggal": pl.Date},
    "nilai_asesmen": {"asesmen_id": pl.Int64, "kompetensi_kode": pl.Utf8, "level": pl.Int16},
    "standar": {"jabatan_id": pl.Int64, "kompetensi_kode": pl.Utf8, "level": pl.Int16},
}  # fmt: skip
assert all(tuple(TABLE_SCHEMAS[t]) == cols for t, cols in USED_COLUMNS.items())


def _lazy(tables: Mapping[str, Frame], name: str) -> pl.LazyFrame:
    return tables[name].lazy().select(USED_COLUMNS[name])


def _employee_columns() -> list[pl.Expr | str]:
    """The first columns of the employees' frame, from `pegawai` and its jabatan (both ways of
    building the frames: the joins of `_keyed_lazy` and the row numbers of `_by_row_number`)."""
    return [
        "id",
        pl.col("nip").cast(pl.Utf8),
        pl.col("tanggal_lahir").alias("birth_date"),
        "status",
        pl.col("jenis").alias("position_kind"),
        pl.col("jenjang").alias("position_level"),
        pl.col("bup").cast(pl.Int16).alias("position_bup"),
    ]


def _career_columns() -> list[pl.Expr | str]:
    """The last columns of the employees' frame: education, pangkat and the TMT dates."""
    return [
        pl.col("pendidikan_kode").alias("education"),
        pl.col("pangkat_kode").alias("pangkat"),
        "tmt_pangkat",
        "tmt_cpns",
        "tmt_jabatan",
        pl.col("tahun_lulus").cast(pl.Int16).alias("education_year"),
        pl.lit(None, dtype=pl.Int32).alias("masa_kerja_months"),
    ]


def _keyed_lazy(
    tables: Mapping[str, Frame], as_of: dt.date, active_ids: pl.Series | None = None
) -> dict[str, pl.LazyFrame]:
    """The five frames of `employee_frames_lazy`, keyed by the integer primary key (`id` Int64 =
    `pegawai.id`) instead of its text: every join and group_by below runs on integers.

    `active_ids`: the ids of the active employees when the caller has them at hand; the history
    records are then kept with a set lookup instead of a semi join (same rows, faster)."""
    pegawai = _lazy(tables, "pegawai").filter(pl.col("aktif"))
    jabatan = _lazy(tables, "jabatan").select(
        pl.col("id").alias("jabatan_id"), "jenis", "jenjang", "bup", "diklat_fungsional"
    )
    # Graduation year of the education held now: the earliest record of that level.
    grad = (
        _lazy(tables, "riwayat_pendidikan")
        .join(pegawai.select("id", "pendidikan_kode"), left_on="pegawai_id", right_on="id")
        .filter(pl.col("tingkat_kode") == pl.col("pendidikan_kode"))
        .group_by("pegawai_id")
        .agg(pl.col("tahun_lulus").min())
    )
    employees = (
        pegawai.join(jabatan, on="jabatan_id", how="left", maintain_order="left")
        .join(grad, left_on="id", right_on="pegawai_id", how="left", maintain_order="left")
        .select(
            *_employee_columns(),
            # A JF whose position lists no functional training counts as trained (decisions.md,
            # IP ASN kompetensi); other kinds of position do not use this flag.
            pl.when(pl.col("jenis") == "fungsional")
            .then(pl.col("diklat_fungsional").fill_null("") != "")
            .otherwise(pl.lit(True))
            .alias("needs_functional_training"),
            *_career_columns(),
        )
    )

    def of_active(frame: pl.LazyFrame) -> pl.LazyFrame:
        if active_ids is None:
            return frame.join(pegawai.select("id"), on="id", how="semi")
        return frame.filter(pl.col("id").is_in(active_ids.implode()))

    pid = pl.col("pegawai_id").alias("id")
    # Records dated after `as_of` did not exist yet on that date; the windows inside the rules
    # are the rules' business.
    trainings = (
        _lazy(tables, "riwayat_diklat")
        .filter(pl.col("tanggal_selesai") <= as_of)
        .select(pid, pl.col("jenis").alias("type"), pl.col("nama").alias("name"),
                pl.col("tanggal_selesai").alias("end_date"), pl.col("jp").cast(pl.Int32))
        .pipe(of_active)
    )  # fmt: skip
    performance = (
        _lazy(tables, "riwayat_kinerja")
        .filter(pl.col("tahun") <= as_of.year)
        .select(
            pid,
            pl.col("tahun").cast(pl.Int16).alias("year"),
            pl.col("hasil_kerja").replace("", None),
            pl.col("perilaku_kerja").replace("", None),
            pl.col("nilai").cast(pl.Float64),
        )
        .pipe(of_active)
    )
    discipline = (
        _lazy(tables, "riwayat_hukdis")
        .filter(pl.col("tanggal_sk") <= as_of)
        .select(pid, pl.col("tingkat").alias("level"), pl.col("tanggal_sk").alias("decision_date"))
        .pipe(of_active)
    )
    # `_e`: the employee's row number (UInt32), so that (employee, kompetensi) packs into one
    # UInt64 join key below (a join on two columns is several times slower).
    rows = pegawai.select("id", "jabatan_id").with_row_index("_e")
    latest = (
        _lazy(tables, "riwayat_asesmen")
        .filter(pl.col("tanggal") <= as_of)
        .join(rows.select("id", "_e"), left_on="pegawai_id", right_on="id")
        .group_by("pegawai_id")
        .agg(pl.col("id").sort_by("tanggal", "id").last().alias("asesmen_id"), pl.col("_e").first())
    )

    def pair(frame: pl.LazyFrame) -> pl.LazyFrame:
        code = pl.col("kompetensi").cast(pl.Categorical).to_physical().cast(pl.UInt64)
        return frame.with_columns((pl.col("_e").cast(pl.UInt64) * (1 << 32) + code).alias("_pair"))

    actual = _lazy(tables, "nilai_asesmen").join(latest, on="asesmen_id").select(
        pl.col("pegawai_id").alias("id"), "_e", pl.col("kompetensi_kode").alias("kompetensi"),
        pl.col("level").alias("actual"),
    )  # fmt: skip
    # Only employees with an assessment get competency rows: without one there is no JPM at all
    # (decisions.md "Talent 9-box": no assessment -> not placed), not a JPM of 0.
    standard = (
        rows.join(actual.select("_e").unique(), on="_e", how="semi")
        .join(_lazy(tables, "standar"), on="jabatan_id")
        .select("id", "_e", pl.col("kompetensi_kode").alias("kompetensi"), pl.col("level").alias("standard"))
    )
    competency = (
        pair(standard)
        .join(pair(actual).select("_pair", "id", "kompetensi", "actual"), on="_pair", how="full", coalesce=True)
        .select(
            pl.coalesce("id", "id_right").alias("id"),
            pl.coalesce("kompetensi", "kompetensi_right").alias("kompetensi"),
            pl.col("standard").cast(pl.Int8),
            pl.col("actual").cast(pl.Int8),
        )
    )
    keyed = {name: {**schema, "id": pl.Int64} for name, schema in _SCHEMAS.items()}
    frames = {"employees": employees, "trainings": trainings, "performance": performance,
              "discipline": discipline, "competency": competency}  # fmt: skip
    return {name: frame.select(list(keyed[name])).cast(keyed[name]) for name, frame in frames.items()}


_SCHEMAS = {
    "employees": EMPLOYEE_SCHEMA,
    "trainings": TRAINING_SCHEMA,
    "performance": PERFORMANCE_SCHEMA,
    "discipline": DISCIPLINE_SCHEMA,
    "competency": COMPETENCY_SCHEMA,
}


def employee_frames_lazy(tables: Mapping[str, Frame], as_of: dt.date) -> dict[str, pl.LazyFrame]:
    """The five EmployeeFrames as lazy queries over model-shaped tables (active employees)."""
    return {
        name: frame.with_columns(pl.col("id").cast(pl.Utf8)).cast(_SCHEMAS[name])
        for name, frame in _keyed_lazy(tables, as_of).items()
    }


def keyed_employee_frames(
    tables: Mapping[str, Frame], as_of: dt.date, *, pool: Executor | None = None
) -> EmployeeFrames:
    """`employee_frames` with `id` left as the integer primary key (Int64) in all five frames.

    For batch computations only: every batch rule accepts these frames as well (it joins and
    groups on `id` whatever its type) and is several times faster on integers; the caller turns
    `id` into text (`cast(pl.Utf8)`, the `EMPLOYEE_SCHEMA` type) on its one result at the end.

    The same rows as `employee_frames_lazy` (employees in the order of `pegawai`), computed
    without joins: each record gets its employee's row number (`rules._rows`) and the facts
    of the employees' frame (jabatan, graduation year) and the competency rows are placed by it.
    Tables whose keys are not unique (a jabatan or employee id twice, a kompetensi twice in one
    assessment or standard, a missing kompetensi) take the joins of `employee_frames_lazy`.

    `pool`: builds the competency there, beside the other frames.
    """
    try:
        frames, competency = _by_row_number(tables, as_of, pool)
        schema = {**COMPETENCY_SCHEMA, "id": pl.Int64}
        return replace(frames, competency=_rows_of(competency.levels()).select(list(schema)).cast(schema))
    except _Irregular:
        return _joined(tables, as_of)


def _joined(tables: Mapping[str, Frame], as_of: dt.date) -> EmployeeFrames:
    lazy = _keyed_lazy(tables, as_of)
    return EmployeeFrames(**dict(zip(lazy, pl.collect_all(list(lazy.values())), strict=True)))


class PendingCompetency:
    """The competency of `keyed_frames_and_levels`, perhaps still being built on the pool:
    `result()` gives the `CompetencyLevels`, or the competency rows (`id, kompetensi, standard,
    actual`) when the tables cannot be held as matrices."""

    def __init__(self, compute: Callable[[], CompetencyLevels], pool: Executor | None, fallback: Callable[[], pl.DataFrame]):
        self._compute, self._fallback = compute, fallback
        self._future = pool.submit(compute) if pool else None

    def result(self) -> CompetencyLevels | pl.DataFrame:
        try:
            return self.levels()
        except _Irregular:
            return self._fallback()

    def levels(self) -> CompetencyLevels:
        """The levels (raises `_Irregular` when the tables cannot be held as matrices)."""
        return self._future.result() if self._future else self._compute()


def keyed_frames_and_levels(
    tables: Mapping[str, Frame], as_of: dt.date, *, pool: Executor | None = None
) -> tuple[EmployeeFrames, PendingCompetency]:
    """`keyed_employee_frames` with `competency` left empty, and the competency beside them as
    `CompetencyLevels` (for `competency.jpm_level_batch`; `simerit.batch`), built on `pool`
    while the caller goes on. Tables that take the joins give their competency rows instead."""
    try:
        return _by_row_number(tables, as_of, pool)
    except _Irregular:
        frames = _joined(tables, as_of)
        empty = frames.competency.clear()
        return replace(frames, competency=empty), PendingCompetency(_no_levels, None, lambda: frames.competency)


def _no_levels() -> CompetencyLevels:
    raise _Irregular("the tables took the joins")


NO_LEVEL = -(1 << 20)  # no Int16 level: stands for null in the competency matrices (`CompetencyLevels`)


class _Irregular(Exception):
    """The tables are not shaped for `_by_row_number` (see `keyed_employee_frames`)."""


def _positions(keys: pl.Series, ids: pl.Series) -> np.ndarray:
    try:
        return row_numbers(keys, ids)
    except ValueError as exc:
        raise _Irregular(str(exc)) from exc


def _nullable_index(rows: np.ndarray) -> pl.Series:
    """Row numbers as a gather index, null where -1."""
    index = pl.Series(rows, dtype=pl.Int64)
    return index.set(pl.Series(rows < 0), None) if (rows < 0).any() else index  # type: ignore[arg-type]


def _by_row_number(
    tables: Mapping[str, Frame], as_of: dt.date, pool: Executor | None = None
) -> tuple[EmployeeFrames, PendingCompetency]:
    """`keyed_frames_and_levels` through row numbers (raises `_Irregular` when it cannot; the
    competency's levels raise it from `PendingCompetency.levels`)."""
    read = {name: _lazy(tables, name) for name in USED_COLUMNS}
    pid = pl.col("pegawai_id").alias("id")
    # The history frames take their final columns in the read (in parallel, and a column such as
    # the Decimal `nilai` is converted per chunk instead of whole); records of employees that are
    # not active are dropped afterwards, by row number.
    pegawai, jabatan, education, trainings, performance, discipline, asesmen, nilai, standar = pl.collect_all([
        read["pegawai"].filter(pl.col("aktif")),
        read["jabatan"],
        read["riwayat_pendidikan"],
        read["riwayat_diklat"].filter(pl.col("tanggal_selesai") <= as_of).select(
            pid, pl.col("jenis").alias("type"), pl.col("nama").alias("name"),
            pl.col("tanggal_selesai").alias("end_date"), pl.col("jp").cast(pl.Int32)),
        read["riwayat_kinerja"].filter(pl.col("tahun") <= as_of.year).select(
            pid, pl.col("tahun").cast(pl.Int16).alias("year"), pl.col("hasil_kerja").replace("", None),
            pl.col("perilaku_kerja").replace("", None), pl.col("nilai").cast(pl.Float64)),
        read["riwayat_hukdis"].filter(pl.col("tanggal_sk") <= as_of).select(
            pid, pl.col("tingkat").alias("level"), pl.col("tanggal_sk").alias("decision_date")),
        read["riwayat_asesmen"].filter(pl.col("tanggal") <= as_of),
        read["nilai_asesmen"],
        read["standar"],
    ])  # fmt: skip
    ids = pegawai["id"]
    n = len(ids)
    # The competency levels need only what was read: on the pool they are built while this
    # thread places the rest (numpy and polars release the GIL while they compute).
    level_args = (ids, pegawai["jabatan_id"], asesmen, nilai, standar)
    competency = PendingCompetency(
        lambda: _competency_levels(*level_args), pool, lambda: _joined(tables, as_of).competency
    )
    # The employee's position (a left join on the jabatan's unique id).
    # (Gathers from one chunk: several times faster than across the chunks of a Parquet read.)
    position = jabatan.select(
        "jenis", "jenjang", "bup",
        # A JF whose position lists no functional training counts as trained (decisions.md,
        # IP ASN kompetensi); other kinds of position do not use this flag.
        pl.when(pl.col("jenis") == "fungsional").then(pl.col("diklat_fungsional").fill_null("") != "")
        .otherwise(pl.lit(True)).alias("_needs"),
    ).rechunk()[_nullable_index(_positions(pegawai["jabatan_id"], jabatan["id"]))]  # fmt: skip
    edu_rows = _positions(education["pegawai_id"], ids)
    held = pegawai["pendidikan_kode"].rechunk().gather(_nullable_index(edu_rows))
    of_level = (education["tingkat_kode"] == held).fill_null(False).to_numpy()
    grad = ByRow(np.where(of_level, edu_rows, -1), n).reduce(education["tahun_lulus"], "min")
    employees = pegawai.hstack(position).hstack([grad]).select(
        *_employee_columns(),
        # An employee without a known position: True, as the join's null jenis gives.
        pl.col("_needs").fill_null(True).alias("needs_functional_training"),
        *_career_columns(),
    )

    def of_active(frame: pl.DataFrame) -> pl.DataFrame:
        if all_in(frame["id"], ids):
            return frame
        rows = _positions(frame["id"], ids)
        return frame if (rows >= 0).all() else frame.filter(pl.Series(rows >= 0))

    frames = {
        "employees": employees,
        "trainings": of_active(trainings),
        "performance": of_active(performance),
        "discipline": of_active(discipline),
    }
    keyed = {name: {**schema, "id": pl.Int64} for name, schema in _SCHEMAS.items()}
    frames["competency"] = pl.DataFrame(schema=keyed["competency"])
    out = {name: frame.select(list(keyed[name])).cast(keyed[name]) for name, frame in frames.items()}
    return EmployeeFrames(**out), competency


@dataclass(frozen=True)
class CompetencyLevels:
    """The competency frame as matrices: one row per employee with assessed levels (`rows`, their
    row numbers in the employees' frame), one column per kompetensi (`names`); `standard` and
    `actual` the levels (Int32, `NO_LEVEL` where none), `*_present` whether a record is there
    (a record may hold a null level). `competency.jpm_level_batch` reads `standard` / `actual`."""

    ids: pl.Series  # the employees' ids (all of them, in the employees' order)
    rows: np.ndarray
    names: pl.Series
    standard: np.ndarray
    actual: np.ndarray
    standard_present: np.ndarray
    actual_present: np.ndarray


def _rows_of(levels: CompetencyLevels) -> pl.DataFrame:
    """The competency rows of `levels`: one per cell with a standard or an assessed record."""
    e, c = np.nonzero(levels.actual_present | levels.standard_present)

    def column(present: np.ndarray, level: np.ndarray, name: str) -> pl.Series:
        values = np.where(present[e, c], level[e, c], NO_LEVEL)
        series = pl.Series(name, values, dtype=pl.Int32)
        return series.set(pl.Series(values == NO_LEVEL), None).cast(pl.Int16)  # type: ignore[arg-type]

    return pl.DataFrame([
        levels.ids.gather(levels.rows[e]).alias("id"),
        levels.names.gather(c).alias("kompetensi"),
        column(levels.standard_present, levels.standard, "standard"),
        column(levels.actual_present, levels.actual, "actual"),
    ])  # fmt: skip


def _competency_levels(
    ids: pl.Series, jabatan_ids: pl.Series, asesmen: pl.DataFrame, nilai: pl.DataFrame, standar: pl.DataFrame
) -> CompetencyLevels:
    """The `CompetencyLevels` of the employees `ids` (holding `jabatan_ids`): the levels of each
    employee's latest assessment and the standard of its jabatan, from two small matrices,
    employee x kompetensi and jabatan x kompetensi (raises `_Irregular` when they cannot hold
    the tables)."""
    n = len(ids)
    if asesmen["id"].null_count():
        raise _Irregular("assessment without id")
    # The latest assessment of each employee: the last by (tanggal, id).
    rows = _positions(asesmen["pegawai_id"], ids)
    keep = rows >= 0
    a_rows, a_ids = rows[keep], asesmen["id"].to_numpy()[keep]
    a_dates = asesmen["tanggal"].to_physical().to_numpy()[keep]
    if a_ids.size and 0 <= a_ids.min() and a_ids.max() < 2**32 and -(2**30) <= a_dates.min() and a_dates.max() < 2**30:
        # (tanggal, id) packed into one integer in the same order: the largest per employee, no sort.
        packed = (a_dates.astype(np.int64) + 2**30) * 2**32 + a_ids.astype(np.int64)
        by_row = ByRow(a_rows, n)
        best = by_row.reduce(pl.Series(packed), "max").gather(pl.Series(by_row.rows)).to_numpy()  # no null there
        owner, latest = by_row.rows, best % 2**32
    else:
        order = np.lexsort((a_ids, a_dates, a_rows))
        last = order[np.r_[a_rows[order][1:] != a_rows[order][:-1], True]] if order.size else order
        owner, latest = a_rows[last], a_ids[last]
    latest_ids = pl.Series(latest, dtype=asesmen.schema["id"])
    # Levels of the latest assessments, with their employee's row number.
    pos = _positions(nilai["asesmen_id"], latest_ids)
    nilai = nilai.filter(pl.Series(pos >= 0))
    level_rows = owner[pos[pos >= 0]]
    assessed = np.zeros(n, dtype=bool)
    assessed[level_rows] = True
    # Standards of the jabatan of the employees with assessed levels, each jabatan once.
    held = jabatan_ids.filter(pl.Series(assessed))
    jabatan = held.drop_nulls().unique()
    standar = standar.filter(standar["jabatan_id"].is_in(jabatan.implode()))
    if nilai["kompetensi_kode"].null_count() or standar["kompetensi_kode"].null_count():
        raise _Irregular("kompetensi missing")
    names = pl.concat([nilai["kompetensi_kode"].unique(), standar["kompetensi_kode"].unique()]).unique().sort()
    k = len(names)
    kinds = pl.Enum(names)

    def matrix(rows: np.ndarray, size: int, codes: pl.Series, levels: pl.Series) -> tuple[np.ndarray, np.ndarray]:
        """Per (row, kompetensi): whether a record is there, and its level (Int32, null as a
        value no Int16 level has)."""
        flat = rows * k + codes.cast(kinds).to_physical().to_numpy()
        present = np.zeros(size * k, dtype=bool)
        present[flat] = True
        if np.count_nonzero(present) != flat.size:  # a cell written twice
            raise _Irregular("kompetensi twice")
        value = np.full(size * k, NO_LEVEL, dtype=np.int32)
        value[flat] = levels.cast(pl.Int32).fill_null(NO_LEVEL).to_numpy()
        return present.reshape(size, k), value.reshape(size, k)

    who = np.flatnonzero(assessed)
    place = np.zeros(n, dtype=np.int64)
    place[who] = np.arange(len(who))
    a_present, a_level = matrix(place[level_rows], len(who), nilai["kompetensi_kode"], nilai["level"])
    s_rows = _positions(standar["jabatan_id"], jabatan)
    s_present, s_level = matrix(s_rows, len(jabatan), standar["kompetensi_kode"], standar["level"])
    if len(jabatan):
        j = _positions(held, jabatan)
        std_present = s_present[np.maximum(j, 0)] & (j >= 0)[:, None]
        std_level = s_level[np.maximum(j, 0)]
        std_level[j < 0] = NO_LEVEL  # no jabatan: no standard
    else:
        std_present = np.zeros((len(who), k), dtype=bool)
        std_level = np.full((len(who), k), NO_LEVEL, dtype=np.int32)
    return CompetencyLevels(ids, who, names, std_level, a_level, std_present, a_present)


def employee_frames(tables: Mapping[str, Frame], as_of: dt.date) -> EmployeeFrames:
    """Collect `employee_frames_lazy` into an EmployeeFrames: `keyed_employee_frames` with the
    text `id` of `EMPLOYEE_SCHEMA` (the same rows)."""
    keyed = keyed_employee_frames(tables, as_of)
    return EmployeeFrames(
        **{
            name: getattr(keyed, name).with_columns(pl.col("id").cast(pl.Utf8)).cast(schema)
            for name, schema in _SCHEMAS.items()
        }
    )
