"""The input of the rules: one employee as plain values (scalar form) and the same data as
polars frames (batch form). Field names follow shared/domain/evaluate-contract.md.

Scalar rules take an `EmployeeProfile`; batch rules take `EmployeeFrames`, whose frames carry
one row per employee (`employees`) or per history record (the rest), joined on `id` (Utf8).
`profiles_to_frames` turns profiles into frames, so tests can prove scalar == batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

STATUSES = ("PNS", "CPNS", "PPPK")
POSITION_KINDS = ("struktural", "fungsional", "pelaksana")
POSITION_LEVELS = (
    "jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
    "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil", "mahir", "penyelia",
)  # fmt: skip
EDUCATION_LEVELS = ("SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
TRAINING_TYPES = ("kepemimpinan", "fungsional", "teknis", "seminar")
LEADERSHIP_NAMES = ("PKN I", "PKN II", "PKA", "PKP", "Diklatpim I", "Diklatpim II", "Diklatpim III", "Diklatpim IV")
RATINGS = ("di_atas", "sesuai", "di_bawah")
DISCIPLINE_LEVELS = ("ringan", "sedang", "berat")


@dataclass(frozen=True)
class Training:
    type: str  # TRAINING_TYPES
    end_date: dt.date | None
    jp: int = 0
    name: str = ""  # for kepemimpinan: LEADERSHIP_NAMES
    start_date: dt.date | None = None


@dataclass(frozen=True)
class Performance:
    year: int
    hasil_kerja: str | None = None  # RATINGS, from 2022
    perilaku_kerja: str | None = None
    nilai: float | None = None  # 0-100, before 2022


@dataclass(frozen=True)
class Discipline:
    level: str  # DISCIPLINE_LEVELS
    decision_date: dt.date | None


@dataclass(frozen=True)
class Position:
    kind: str | None = None  # POSITION_KINDS
    level: str | None = None  # POSITION_LEVELS
    bup: int | None = None  # override where the position's own law sets the age
    needs_functional_training: bool = True  # False for JF listed as needing none (decision)


@dataclass(frozen=True)
class EmployeeProfile:
    """Everything the rules read about one employee."""

    id: str
    nip: str | None = None
    birth_date: dt.date | None = None
    status: str | None = None  # STATUSES
    position: Position = field(default_factory=Position)
    education: str | None = None  # EDUCATION_LEVELS, highest held
    trainings: tuple[Training, ...] = ()
    performance: tuple[Performance, ...] = ()
    discipline: tuple[Discipline, ...] = ()
    competency_standard: dict[str, int] | None = None  # kompetensi code -> required level
    competency_actual: dict[str, int] | None = None  # kompetensi code -> level reached (latest assessment)
    # Career data used by pangkat (KP) and DUK rules; not part of the evaluate contract.
    pangkat: str | None = None  # golongan/ruang code, e.g. "III/a"
    tmt_pangkat: dt.date | None = None
    tmt_cpns: dt.date | None = None
    tmt_jabatan: dt.date | None = None
    education_year: int | None = None  # graduation year of the highest education
    masa_kerja_months: int | None = None  # service that counts for salary, when known


@dataclass(frozen=True)
class EmployeeFrames:
    """The batch form of many profiles (see module doc for the columns)."""

    employees: pl.DataFrame
    trainings: pl.DataFrame
    performance: pl.DataFrame
    discipline: pl.DataFrame
    competency: pl.DataFrame


EMPLOYEE_SCHEMA = {
    "id": pl.Utf8,
    "nip": pl.Utf8,
    "birth_date": pl.Date,
    "status": pl.Utf8,
    "position_kind": pl.Utf8,
    "position_level": pl.Utf8,
    "position_bup": pl.Int16,
    "needs_functional_training": pl.Boolean,
    "education": pl.Utf8,
    "pangkat": pl.Utf8,
    "tmt_pangkat": pl.Date,
    "tmt_cpns": pl.Date,
    "tmt_jabatan": pl.Date,
    "education_year": pl.Int16,
    "masa_kerja_months": pl.Int32,
}
TRAINING_SCHEMA = {"id": pl.Utf8, "type": pl.Utf8, "name": pl.Utf8, "end_date": pl.Date, "jp": pl.Int32}
PERFORMANCE_SCHEMA = {
    "id": pl.Utf8,
    "year": pl.Int16,
    "hasil_kerja": pl.Utf8,
    "perilaku_kerja": pl.Utf8,
    "nilai": pl.Float64,
}
DISCIPLINE_SCHEMA = {"id": pl.Utf8, "level": pl.Utf8, "decision_date": pl.Date}
COMPETENCY_SCHEMA = {"id": pl.Utf8, "kompetensi": pl.Utf8, "standard": pl.Int8, "actual": pl.Int8}


def profiles_to_frames(profiles: Iterable[EmployeeProfile]) -> EmployeeFrames:
    """Build the batch frames from scalar profiles (used by tests and by `simerit evaluate`)."""
    emp, tr, perf, disc, comp = [], [], [], [], []
    for p in profiles:
        emp.append(
            {
                "id": p.id, "nip": p.nip, "birth_date": p.birth_date, "status": p.status,
                "position_kind": p.position.kind, "position_level": p.position.level,
                "position_bup": p.position.bup, "needs_functional_training": p.position.needs_functional_training,
                "education": p.education, "pangkat": p.pangkat, "tmt_pangkat": p.tmt_pangkat,
                "tmt_cpns": p.tmt_cpns, "tmt_jabatan": p.tmt_jabatan, "education_year": p.education_year,
                "masa_kerja_months": p.masa_kerja_months,
            }
        )  # fmt: skip
        tr += [{"id": p.id, "type": t.type, "name": t.name, "end_date": t.end_date, "jp": t.jp} for t in p.trainings]
        perf += [
            {"id": p.id, "year": x.year, "hasil_kerja": x.hasil_kerja, "perilaku_kerja": x.perilaku_kerja, "nilai": x.nilai}
            for x in p.performance
        ]
        disc += [{"id": p.id, "level": d.level, "decision_date": d.decision_date} for d in p.discipline]
        standard, actual = p.competency_standard or {}, p.competency_actual or {}
        comp += [
            {"id": p.id, "kompetensi": k, "standard": standard.get(k), "actual": actual.get(k)}
            for k in sorted(set(standard) | set(actual))
        ]
    return EmployeeFrames(
        employees=pl.DataFrame(emp, schema=EMPLOYEE_SCHEMA),
        trainings=pl.DataFrame(tr, schema=TRAINING_SCHEMA),
        performance=pl.DataFrame(perf, schema=PERFORMANCE_SCHEMA),
        discipline=pl.DataFrame(disc, schema=DISCIPLINE_SCHEMA),
        competency=pl.DataFrame(comp, schema=COMPETENCY_SCHEMA),
    )


def frames_to_profiles(frames: EmployeeFrames) -> dict[str, EmployeeProfile]:
    """The scalar form of the same rows (inverse of `simerit.rules.profile.profiles_to_frames`)."""

    def grouped(frame: pl.DataFrame) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for row in frame.iter_rows(named=True):
            out.setdefault(row["id"], []).append(row)
        return out

    trainings, performance = grouped(frames.trainings), grouped(frames.performance)
    discipline, competency = grouped(frames.discipline), grouped(frames.competency)
    profiles = {}
    for e in frames.employees.iter_rows(named=True):
        key = e["id"]
        comp = competency.get(key, [])
        standard = {c["kompetensi"]: c["standard"] for c in comp if c["standard"] is not None}
        actual = {c["kompetensi"]: c["actual"] for c in comp if c["actual"] is not None}
        profiles[key] = EmployeeProfile(
            id=key,
            nip=e["nip"],
            birth_date=e["birth_date"],
            status=e["status"],
            position=Position(
                kind=e["position_kind"],
                level=e["position_level"],
                bup=e["position_bup"],
                needs_functional_training=bool(e["needs_functional_training"]),
            ),
            education=e["education"],
            trainings=tuple(
                Training(type=t["type"], end_date=t["end_date"], jp=t["jp"] or 0, name=t["name"] or "")
                for t in trainings.get(key, [])
            ),
            performance=tuple(
                Performance(
                    year=p["year"], hasil_kerja=p["hasil_kerja"], perilaku_kerja=p["perilaku_kerja"], nilai=p["nilai"]
                )
                for p in performance.get(key, [])
            ),
            discipline=tuple(
                Discipline(level=d["level"], decision_date=d["decision_date"]) for d in discipline.get(key, [])
            ),
            competency_standard=standard or None,
            competency_actual=actual or None,
            pangkat=e["pangkat"],
            tmt_pangkat=e["tmt_pangkat"],
            tmt_cpns=e["tmt_cpns"],
            tmt_jabatan=e["tmt_jabatan"],
            education_year=e["education_year"],
            masa_kerja_months=e["masa_kerja_months"],
        )
    return profiles
