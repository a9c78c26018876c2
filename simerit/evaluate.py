"""`simerit evaluate`: every rule for one or many employees, as a JSON command without a database.

Contract: shared/domain/evaluate-contract.md. Reads one JSON object on stdin, writes one on stdout.
Exit 0 when the request is well formed (employees may still carry `errors`); exit 2 with
`{"error": "..."}` when it is not: invalid JSON, or a value of the wrong JSON type (the message
names its path, e.g. `employees[0].trainings[1].jp`). A value of the right type that is not
valid (a date that does not exist, an unknown level, an invalid NIP) is an error of that employee
only: the other rules still run where they can. No traceback ever reaches the caller.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from simerit.rules import competency, ipasn, retirement, skp, talent
from simerit.rules import nip as nip_rules
from simerit.rules._explain import Explained
from simerit.rules.profile import (
    DISCIPLINE_LEVELS,
    EDUCATION_LEVELS,
    LEADERSHIP_NAMES,
    POSITION_KINDS,
    POSITION_LEVELS,
    RATINGS,
    STATUSES,
    TRAINING_TYPES,
    Discipline,
    EmployeeProfile,
    Performance,
    Position,
    Training,
)
from simerit.rules.registry import rules_version


class RequestError(ValueError):
    """The request itself is malformed (exit 2)."""


class _Fields:
    """Reads the fields of one employee, collecting value errors (type errors raise RequestError)."""

    def __init__(self, path: str, errors: list[dict[str, str]]):
        self.path = path
        self.errors = errors

    def error(self, field: str, message: str) -> None:
        self.errors.append({"field": field, "message": message})

    def typed(self, obj: Mapping[str, Any], key: str, types: tuple[type, ...], where: str, type_name: str) -> Any:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) and bool not in types:
            raise RequestError(f"{where}.{key} harus {type_name}, bukan boolean")
        if not isinstance(value, types):
            raise RequestError(f"{where}.{key} harus {type_name}, bukan {type(value).__name__}")
        return value

    def text(self, obj: Mapping[str, Any], key: str, where: str) -> str | None:
        return self.typed(obj, key, (str,), where, "teks")

    def number(self, obj: Mapping[str, Any], key: str, where: str) -> float | None:
        return self.typed(obj, key, (int, float), where, "angka")

    def date(self, obj: Mapping[str, Any], key: str, where: str, field: str) -> dt.date | None:
        value = self.text(obj, key, where)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(field, f"'{value}' bukan tanggal yang sah (format YYYY-MM-DD).")
            return None

    def choice(self, obj: Mapping[str, Any], key: str, where: str, field: str, allowed: Sequence[str]) -> str | None:
        value = self.text(obj, key, where)
        if value is not None and value not in allowed:
            self.error(field, f"'{value}' tidak dikenal; pilihan: {', '.join(allowed)}.")
            return None
        return value

    def objects(self, obj: Mapping[str, Any], key: str, where: str) -> list[tuple[str, Mapping[str, Any]]]:
        items = self.typed(obj, key, (list,), where, "daftar (array)") or []
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise RequestError(f"{where}.{key}[{i}] harus objek, bukan {type(item).__name__}")
            out.append((f"{where}.{key}[{i}]", item))
        return out


def _levels(f: _Fields, obj: Mapping[str, Any], key: str, where: str, field: str) -> dict[str, int] | None:
    raw = f.typed(obj, key, (dict,), where, "objek")
    if raw is None:
        return None
    levels = {}
    for code, level in raw.items():
        if isinstance(level, bool) or not isinstance(level, int | float):
            raise RequestError(f"{where}.{key}.{code} harus angka, bukan {type(level).__name__}")
        if not 1 <= level <= 5 or level != int(level):
            f.error(f"{field}.{code}", f"Level {level} harus bilangan bulat 1-5.")
            continue
        levels[str(code)] = int(level)
    return levels


def parse_employee(raw: Any, index: int) -> tuple[EmployeeProfile, list[dict[str, str]]]:
    """One employee of the request as a profile, plus the value errors found in it."""
    where = f"employees[{index}]"
    if not isinstance(raw, dict):
        raise RequestError(f"{where} harus objek, bukan {type(raw).__name__}")
    errors: list[dict[str, str]] = []
    f = _Fields(where, errors)
    ident = raw.get("id", str(index))
    if not isinstance(ident, str | int) or isinstance(ident, bool):
        raise RequestError(f"{where}.id harus teks")
    position_raw = f.typed(raw, "position", (dict,), where, "objek") or {}
    pw = f"{where}.position"
    bup = f.number(position_raw, "bup", pw)
    position = Position(
        kind=f.choice(position_raw, "kind", pw, "position.kind", POSITION_KINDS),
        level=f.choice(position_raw, "level", pw, "position.level", POSITION_LEVELS),
        bup=int(bup) if bup is not None else None,
    )
    trainings = []
    for tw, t in f.objects(raw, "trainings", where):
        ttype = f.choice(t, "type", tw, "trainings.type", TRAINING_TYPES)
        name = f.text(t, "name", tw) or ""
        if ttype == "kepemimpinan" and name not in LEADERSHIP_NAMES:
            f.error("trainings.name", f"Diklat kepemimpinan '{name}' tidak dikenal; pilihan: {', '.join(LEADERSHIP_NAMES)}.")
        jp = f.number(t, "jp", tw)
        if ttype is not None:
            trainings.append(Training(ttype, f.date(t, "end_date", tw, "trainings.end_date"), int(jp or 0), name))
    performance = []
    for pw_, p in f.objects(raw, "performance", where):
        year = f.number(p, "year", pw_)
        if year is None or year != int(year):
            f.error("performance.year", "Tahun kinerja wajib diisi (bilangan bulat).")
            continue
        hasil = f.choice(p, "hasil_kerja", pw_, "performance.hasil_kerja", RATINGS)
        perilaku = f.choice(p, "perilaku_kerja", pw_, "performance.perilaku_kerja", RATINGS)
        nilai = f.number(p, "nilai", pw_)
        if nilai is not None and not 0 <= nilai <= 100:
            f.error("performance.nilai", f"Nilai {nilai} harus 0-100.")
            nilai = None
        performance.append(Performance(int(year), hasil, perilaku, nilai))
    discipline = []
    for dw, d in f.objects(raw, "discipline", where):
        level = f.choice(d, "level", dw, "discipline.level", DISCIPLINE_LEVELS)
        if level is not None:
            discipline.append(Discipline(level, f.date(d, "decision_date", dw, "discipline.decision_date")))
    competency_raw = f.typed(raw, "competency", (dict,), where, "objek") or {}
    cw = f"{where}.competency"
    profile = EmployeeProfile(
        id=str(ident),
        nip=f.text(raw, "nip", where),
        birth_date=f.date(raw, "birth_date", where, "birth_date"),
        status=f.choice(raw, "status", where, "status", STATUSES),
        position=position,
        education=f.choice(raw, "education", where, "education", EDUCATION_LEVELS),
        trainings=tuple(trainings),
        performance=tuple(performance),
        discipline=tuple(discipline),
        competency_standard=_levels(f, competency_raw, "standard", cw, "competency.standard"),
        competency_actual=_levels(f, competency_raw, "actual", cw, "competency.actual"),
    )
    return profile, errors


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(float(value), 2)
    return int(rounded) if rounded.is_integer() else rounded


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _lines(result: Explained) -> list[str]:
    return [s.render() for s in result.steps] + [f"{p.field}: {p.message}" for p in result.problems]


def _nip_block(profile: EmployeeProfile, errors: list[dict[str, str]]) -> tuple[dict[str, Any] | None, list[str]]:
    if profile.nip is None:
        return None, ["NIP tidak diisi."]
    parts, problems = nip_rules.parse_nip(profile.nip)
    for p in problems:
        errors.append({"field": p.field, "message": p.message})
    if parts is None:
        return {"valid": False}, [p.message for p in problems]
    lines = [f"NIP {parts.nip}: lahir {parts.birth_date.isoformat()}, CPNS {parts.cpns_month_iso}, "
             f"jenis kelamin {parts.sex}, nomor urut {parts.serial} [{nip_rules.BASIS}]"]
    return {
        "valid": True,
        "birth_date": parts.birth_date.isoformat(),
        "cpns_month": parts.cpns_month_iso,
        "sex": parts.sex,
        "serial": parts.serial,
    }, lines


def evaluate_employee(profile: EmployeeProfile, errors: list[dict[str, str]], as_of: dt.date) -> dict[str, Any]:
    """All rules for one employee, shaped as the contract's result object."""
    explanations: dict[str, list[str]] = {}
    nip_value, explanations["nip"] = _nip_block(profile, errors)

    ret = retirement.retirement(profile, as_of)
    explanations["retirement"] = _lines(ret)
    ret_value = None
    if ret.value is not None:
        ret_value = {"bup": ret.value["bup"], "tmt_pensiun": _iso(ret.value["tmt_pensiun"])}

    pred = skp.latest_predikat(profile.performance, as_of)
    explanations["predikat"] = _lines(pred)
    pred_value = dict(pred.value) if pred.value is not None else None

    ip = ipasn.ip_asn(profile, as_of)
    explanations["ip_asn"] = _lines(ip)
    ip_value = None
    if ip.value is not None:
        ip_value = {k: (_num(v) if isinstance(v, int | float) and not isinstance(v, bool) else v)
                    for k, v in ip.value.as_dict().items()}

    jpm_value = None
    if profile.competency_standard is not None or profile.competency_actual is not None:
        jp = competency.jpm(profile.competency_standard or {}, profile.competency_actual or {})
        explanations["jpm"] = _lines(jp)
        if jp.value is not None:
            jpm_value = {"percent": _num(jp.value["percent"]), "pemetaan": jp.value["pemetaan"],
                         "seleksi": jp.value["seleksi"]}
    else:
        explanations["jpm"] = ["JPM tidak dihitung: tidak ada data kompetensi (standar dan hasil asesmen)."]

    box = talent.nine_box(talent_predikat(profile, as_of), jpm_value["percent"] if jpm_value else None)
    explanations["nine_box"] = _lines(box)
    box_value = dict(box.value) if box.value is not None else None

    return {
        "id": profile.id,
        "errors": errors,
        "nip": nip_value,
        "retirement": ret_value,
        "predikat": pred_value,
        "ip_asn": ip_value,
        "jpm": jpm_value,
        "nine_box": box_value,
        "explanations": explanations,
    }


def talent_predikat(profile: EmployeeProfile, as_of: dt.date) -> str | None:
    """The ratings-based predikat the 9-box uses (numeric pre-2022 values do not count)."""
    result = skp.latest_rated_predikat(profile.performance, as_of)
    return result.value["value"] if result.value is not None else None


def evaluate_request(request: Any) -> dict[str, Any]:
    """The whole response for a parsed JSON request; RequestError when it is malformed."""
    if not isinstance(request, dict):
        raise RequestError(f"permintaan harus objek JSON, bukan {type(request).__name__}")
    as_of_raw = request.get("as_of")
    if not isinstance(as_of_raw, str):
        raise RequestError("as_of wajib diisi sebagai teks tanggal YYYY-MM-DD")
    try:
        as_of = dt.date.fromisoformat(as_of_raw)
    except ValueError as exc:
        raise RequestError(f"as_of '{as_of_raw}' bukan tanggal yang sah (YYYY-MM-DD)") from exc
    employees = request.get("employees")
    if not isinstance(employees, list):
        raise RequestError("employees wajib berupa daftar (array) pegawai")
    parsed = [parse_employee(raw, i) for i, raw in enumerate(employees)]
    return {
        "as_of": as_of.isoformat(),
        "rules_version": rules_version(as_of),
        "results": [evaluate_employee(profile, errors, as_of) for profile, errors in parsed],
    }


def main(argv: Sequence[str] = (), stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Entry point of `simerit evaluate`."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout

    def write(obj: Any) -> None:
        stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")

    if argv and argv[0] in {"-h", "--help"}:
        stdout.write(__doc__ or "")
        return 0
    try:
        request = json.load(stdin)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        write({"error": f"JSON tidak valid: {exc}"})
        return 2
    try:
        response = evaluate_request(request)
    except RequestError as exc:
        write({"error": str(exc)})
        return 2
    except Exception as exc:  # noqa: BLE001 — the contract promises no traceback, ever
        write({"error": f"kesalahan internal saat menghitung: {type(exc).__name__}: {exc}"})
        return 1
    write(response)
    return 0
