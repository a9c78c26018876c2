"""The career as it stood on a date: status, pangkat, jabatan, unit and education on `as_of`,
rebuilt from the histories, for index runs and rankings dated in the past (decision 0041).

The employee row holds the career *today*. A run dated in the past must score the career of
that date: the pangkat held then (a pangkat runs from its TMT, PP 99/2000), the position and unit
held then (from its TMT), the education finished by then (the year of graduation), CPNS until the
TMT PNS (PP 11/2017, masa percobaan), and the staff in service then (appointed by then, not yet
stopped). Which record counts is our decision where the regulations say nothing more (0041).

Where a history does not reach back to `as_of` (no pangkat row with a TMT on or before it, say),
the current value is kept and counted in `CareerOn.kept_current`, so the run can say how many
employees it could not rebuild. Pure polars: no Django import (import-linter contract).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

# The employee columns this module reads and rewrites (`pegawai` table of `simerit.tables`, plus
# `unit_id`, `tmt_pns` and `tanggal_berhenti`).
PEGAWAI_COLUMNS = ("id", "status", "tmt_cpns", "tmt_pns", "pangkat_kode", "tmt_pangkat", "jabatan_id", "tmt_jabatan",
                   "unit_id", "pendidikan_kode", "aktif", "tanggal_berhenti")  # fmt: skip
HISTORY_COLUMNS = {
    "riwayat_pangkat": ("pegawai_id", "pangkat_kode", "tmt"),
    "riwayat_jabatan": ("pegawai_id", "jabatan_id", "unit_id", "tmt"),
    "riwayat_pendidikan": ("pegawai_id", "tingkat_kode", "tahun_lulus"),
}


@dataclass(frozen=True)
class CareerOn:
    """`pegawai`: the employee rows as on `as_of` (same columns; `aktif` = in service on that
    date). `rebuilt` / `kept_current`: per field (`pangkat`, `jabatan`, `pendidikan`, `status`),
    how many employees got the value of that date from a history, and how many kept today's
    value because their history does not reach back that far."""

    pegawai: pl.DataFrame
    rebuilt: dict[str, int]
    kept_current: dict[str, int]


def in_service_expr(as_of: dt.date) -> pl.Expr:
    """In service on `as_of` as far as the employee row tells: appointed by then (TMT CPNS, when
    known) and either still active or stopped after that date (`tanggal_berhenti`). `career_on`
    adds the PPPK's first position. Basis: decision 0041."""
    appointed = pl.col("tmt_cpns").is_null() | (pl.col("tmt_cpns") <= as_of)
    serving = pl.col("aktif") | (pl.col("tanggal_berhenti").is_not_null() & (pl.col("tanggal_berhenti") > as_of))
    return appointed & serving


def _with_latest(frame: pl.DataFrame, history: pl.DataFrame, as_of: dt.date, values: list[str], prefix: str) -> pl.DataFrame:
    """`frame` with, per employee, the values (and TMT) of the history row with the latest TMT on
    or before `as_of`, as columns `<prefix><name>` (null where there is none)."""
    latest = (
        history.filter(pl.col("tmt") <= as_of)
        .sort("pegawai_id", "tmt")
        .group_by("pegawai_id", maintain_order=True)
        .agg(pl.col(c).last().alias(f"{prefix}{c}") for c in [*values, "tmt"])
        .rename({"pegawai_id": "id"})
    )
    return frame.join(latest, on="id", how="left", maintain_order="left")


def _later_expr(tmt: str, as_of: dt.date) -> pl.Expr:
    """Today's value of `tmt` began after `as_of`."""
    return pl.col(tmt).is_not_null() & (pl.col(tmt) > as_of)


def career_on(
    pegawai: pl.DataFrame, histories: Mapping[str, pl.DataFrame], as_of: dt.date, education_order: Mapping[str, int]
) -> CareerOn:
    """The employees' career on `as_of` (see the module docstring for the rules).

    - pangkat: today's when its TMT is on or before `as_of`; otherwise the pangkat-history row
      with the latest TMT on or before `as_of` (pangkat and its TMT).
    - jabatan and unit: the same with the TMT jabatan and the position history.
    - pendidikan: today's level when it was finished by `as_of`'s year (or has no record);
      otherwise the highest level (`education_order`) with a graduation year on or before it.
    - status: a PNS whose TMT PNS is after `as_of` was still a CPNS.
    - aktif: `in_service_expr`; without a TMT CPNS (PPPK), also not before the first position
      (a TMT jabatan after `as_of` with no position-history row on or before it).
    Rows keep their order; an `as_of` on or after every date in the data changes nothing.
    """
    frame = pegawai.with_columns(in_service_expr(as_of).alias("aktif"))
    rebuilt: dict[str, int] = {}
    kept: dict[str, int] = {}

    def replace_from(frame: pl.DataFrame, name: str, tmt: str, pairs: dict[str, str], prefix: str) -> pl.DataFrame:
        """Take the `<prefix>` history values where today's `tmt` is after `as_of`; count them."""
        later = _later_expr(tmt, as_of)
        found = pl.col(f"{prefix}tmt").is_not_null()
        rebuilt[name] = frame.select((later & found & pl.col("aktif")).sum()).item()
        kept[name] = frame.select((later & ~found & pl.col("aktif")).sum()).item()
        replace = [pl.when(later & found).then(pl.col(f"{prefix}{src}")).otherwise(pl.col(dst)).alias(dst)
                   for dst, src in {**pairs, tmt: "tmt"}.items()]  # fmt: skip
        return frame.with_columns(replace).drop(pl.selectors.starts_with(prefix))

    frame = _with_latest(frame, histories["riwayat_jabatan"], as_of, ["jabatan_id", "unit_id"], "_j_")
    # Without a TMT CPNS (PPPK) service starts with the first position: someone whose position began
    # after `as_of` and who has no position-history row on or before it was not in service yet.
    frame = frame.with_columns(
        pl.col("aktif")
        & ~(pl.col("tmt_cpns").is_null() & _later_expr("tmt_jabatan", as_of) & pl.col("_j_tmt").is_null())
    )
    frame = _with_latest(frame, histories["riwayat_pangkat"], as_of, ["pangkat_kode"], "_p_")
    frame = replace_from(frame, "pangkat", "tmt_pangkat", {"pangkat_kode": "pangkat_kode"}, "_p_")
    frame = replace_from(frame, "jabatan", "tmt_jabatan", {"jabatan_id": "jabatan_id", "unit_id": "unit_id"}, "_j_")

    order = pl.col("tingkat_kode").replace_strict(dict(education_order), default=None, return_dtype=pl.Int32)
    schooling = histories["riwayat_pendidikan"].select("pegawai_id", "tingkat_kode", "tahun_lulus", order.alias("_o"))
    finished = (
        schooling.filter(pl.col("tahun_lulus") <= as_of.year, pl.col("_o").is_not_null())
        .sort("pegawai_id", "_o")
        .group_by("pegawai_id", maintain_order=True)
        .agg(pl.col("tingkat_kode").last().alias("_h_highest"))
        .rename({"pegawai_id": "id"})
    )
    current_year = (
        frame.select("id", "pendidikan_kode")
        .join(schooling, left_on=["id", "pendidikan_kode"], right_on=["pegawai_id", "tingkat_kode"])
        .group_by("id")
        .agg(pl.col("tahun_lulus").min().alias("_h_year"))
    )
    frame = frame.join(current_year, on="id", how="left", maintain_order="left").join(
        finished, on="id", how="left", maintain_order="left"
    )
    later = pl.col("_h_year").is_not_null() & (pl.col("_h_year") > as_of.year)
    found = pl.col("_h_highest").is_not_null()
    rebuilt["pendidikan"] = frame.select((later & found & pl.col("aktif")).sum()).item()
    kept["pendidikan"] = frame.select((later & ~found & pl.col("aktif")).sum()).item()
    frame = frame.with_columns(
        pl.when(later & found).then(pl.col("_h_highest")).otherwise(pl.col("pendidikan_kode")).alias("pendidikan_kode")
    ).drop("_h_year", "_h_highest")

    was_cpns = (pl.col("status") == "PNS") & pl.col("tmt_pns").is_not_null() & (pl.col("tmt_pns") > as_of)
    rebuilt["status"] = frame.select((was_cpns & pl.col("aktif")).sum()).item()
    kept["status"] = 0
    frame = frame.with_columns(pl.when(was_cpns).then(pl.lit("CPNS")).otherwise(pl.col("status")).alias("status"))
    return CareerOn(pegawai=frame.select(pegawai.columns), rebuilt=rebuilt, kept_current=kept)
