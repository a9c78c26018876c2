"""Writes to employee data. Every write is atomic, validated with the model rules, scoped to
what the acting user may change, and audited (AuditedModel) with the acting user as actor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from simerit.core.audit import acting_as
from simerit.core.models import CHANGE, Instansi
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.models import (
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
from simerit.referensi.models import Pangkat, TingkatPendidikan

RIWAYAT_MODELS: dict[str, type[models.Model]] = {
    "pangkat": RiwayatPangkat,
    "jabatan": RiwayatJabatan,
    "pendidikan": RiwayatPendidikan,
    "diklat": RiwayatDiklat,
    "kinerja": RiwayatKinerja,
    "hukdis": RiwayatHukdis,
    "asesmen": RiwayatAsesmen,
    "penghargaan": RiwayatPenghargaan,
}

# Fields given as codes in input data, resolved to reference rows: field -> (model, code field, label).
_CODE_FIELDS: dict[str, tuple[type[models.Model], str, str]] = {
    "golongan": (Pangkat, "kode", "pangkat"),
    "pendidikan_kode": (TingkatPendidikan, "kode", "pendidikan"),
}


def _resolve_codes(data: Mapping[str, Any], errors: dict[str, list[str]]) -> dict[str, Any]:
    """Turn `golongan: "III/a"` and `pendidikan_kode: "S1"` into model instances."""
    values = dict(data)
    for key, (model, code_field, target) in _CODE_FIELDS.items():
        if key not in values:
            continue
        code = values.pop(key)
        if code in (None, ""):
            values[target] = None
            continue
        obj = model._default_manager.filter(**{code_field: str(code).strip()}).first()
        if obj is None:
            label = _("Golongan") if key == "golongan" else _("Tingkat pendidikan")
            errors.setdefault(target, []).append(_("%(label)s '%(code)s' tidak dikenal.") % {"label": label, "code": code})
        else:
            values[target] = obj
    return values


def _merge(errors: dict[str, list[str]], exc: ValidationError, prefix: str = "") -> None:
    """Add a model's validation messages, except for fields whose input code was already refused."""
    for field, messages in exc.message_dict.items():
        key = f"{prefix}{field}"
        if prefix or key not in errors:
            errors.setdefault(key, []).extend(messages)


def _clean_or_raise(obj: models.Model, errors: dict[str, list[str]]) -> None:
    """Validate `obj` with the model rules; raise every collected error at once."""
    try:
        obj.full_clean()
    except ValidationError as exc:
        _merge(errors, exc)
    if errors:
        raise ValidationError(errors)


def _check_can_change(acting_user: Any, pegawai: Pegawai) -> None:
    if not Pegawai.objects.restrict(acting_user, CHANGE).filter(pk=pegawai.pk).exists():
        raise PermissionDenied(_("Anda tidak berwenang mengubah data pegawai ini."))


def _check_scope(acting_user: Any, instansi: Instansi, unit: UnitOrganisasi | None) -> None:
    if unit is None:
        return
    if not UnitOrganisasi.objects.restrict(acting_user, CHANGE).filter(pk=unit.pk, instansi=instansi).exists():
        raise PermissionDenied(_("Anda tidak berwenang mengelola pegawai pada unit ini."))


def _build_riwayat(
    pegawai: Pegawai, riwayat: Mapping[str, Sequence[Mapping[str, Any]]], errors: dict[str, list[str]]
) -> list[models.Model]:
    rows: list[models.Model] = []
    for kind, items in riwayat.items():
        model = RIWAYAT_MODELS.get(kind)
        if model is None:
            errors.setdefault("riwayat", []).append(_("Jenis riwayat '%(kind)s' tidak dikenal.") % {"kind": kind})
            continue
        for index, item in enumerate(items, start=1):
            obj = model(pegawai=pegawai, instansi_id=pegawai.instansi_id, **item)
            try:
                obj.full_clean()
            except ValidationError as exc:
                _merge(errors, exc, prefix=f"riwayat_{kind}[{index}].")
            rows.append(obj)
    return rows


@transaction.atomic
def pegawai_create(
    *,
    acting_user: Any,
    instansi: Instansi,
    data: Mapping[str, Any],
    riwayat: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
) -> Pegawai:
    """Create an employee and (optionally) their histories, all or nothing.

    `data` holds Pegawai fields; `golongan` ("III/a") and `pendidikan_kode` ("S1") may be given
    as codes. Raises ValidationError naming every bad field (histories as
    `riwayat_<kind>[<n>].<field>`), PermissionDenied outside the user's scope.
    """
    errors: dict[str, list[str]] = {}
    values = _resolve_codes(data, errors)
    pegawai = Pegawai(instansi=instansi, **values)
    _check_scope(acting_user, instansi, pegawai.unit if pegawai.unit_id else None)
    _clean_or_raise(pegawai, errors)
    with acting_as(acting_user):
        pegawai.save()
        rows = _build_riwayat(pegawai, riwayat or {}, errors)
        if errors:
            # Rolls back the employee saved above: nothing is half written.
            raise ValidationError(errors)
        for row in rows:
            row.save()
    return pegawai


@transaction.atomic
def pegawai_update(*, acting_user: Any, pegawai: Pegawai, data: Mapping[str, Any]) -> Pegawai:
    """Change fields of an employee the acting user may change; validated and audited."""
    _check_can_change(acting_user, pegawai)
    errors: dict[str, list[str]] = {}
    values = _resolve_codes(data, errors)
    locked = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    for field, value in values.items():
        if field in {"id", "instansi", "instansi_id"}:
            errors.setdefault(field, []).append(_("Kolom ini tidak boleh diubah."))
            continue
        setattr(locked, field, value)
    if "unit" in values or "unit_id" in values:
        _check_scope(acting_user, locked.instansi, locked.unit)
    _clean_or_raise(locked, errors)
    with acting_as(acting_user):
        locked.save()
    return locked


@transaction.atomic
def riwayat_create(*, acting_user: Any, pegawai: Pegawai, kind: str, data: Mapping[str, Any]) -> models.Model:
    """Add one history row of `kind` (pangkat, jabatan, ...) to an employee."""
    _check_can_change(acting_user, pegawai)
    model = RIWAYAT_MODELS.get(kind)
    if model is None:
        raise ValidationError({"riwayat": [_("Jenis riwayat '%(kind)s' tidak dikenal.") % {"kind": kind}]})
    row = model(pegawai=pegawai, instansi_id=pegawai.instansi_id, **data)
    row.full_clean()
    with acting_as(acting_user):
        row.save()
    return row

