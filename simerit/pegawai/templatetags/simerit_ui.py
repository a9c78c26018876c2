"""Small template helpers shared by every SIMERIT page (menus, badges)."""

from __future__ import annotations

from typing import Any

from django import template

from simerit.core.permissions import (
    AUDIT_LOG_ROLES,
    DASHBOARD_ROLES,
    EDIT_ROLES,
    INDEKS_RUN_ROLES,
    INDEKS_VIEW_ROLES,
    LAPORAN_ROLES,
    LEDGER_ROLES,
    PEGAWAI_DETAIL_ROLES,
    PEGAWAI_LIST_ROLES,
    SELEKSI_DECIDE_ROLES,
    SELEKSI_INDEX_ROLES,
    SELEKSI_MANAGE_ROLES,
    SELEKSI_VIEW_ROLES,
    TALENTA_CALIBRATE_ROLES,
    TALENTA_VIEW_ROLES,
    user_has_role,
)
from simerit.rules import skp

register = template.Library()

SCREEN_ROLES = {
    "dasbor": DASHBOARD_ROLES,
    "pegawai": PEGAWAI_LIST_ROLES,
    "pegawai_detail": PEGAWAI_DETAIL_ROLES,
    "audit": AUDIT_LOG_ROLES,
    "edit": EDIT_ROLES,
    "indeks": INDEKS_VIEW_ROLES,
    "indeks_run": INDEKS_RUN_ROLES,
    "talenta": TALENTA_VIEW_ROLES,
    "talenta_calibrate": TALENTA_CALIBRATE_ROLES,
    "seleksi": SELEKSI_VIEW_ROLES,
    "seleksi_index": SELEKSI_INDEX_ROLES,
    "seleksi_manage": SELEKSI_MANAGE_ROLES,
    "seleksi_decide": SELEKSI_DECIDE_ROLES,
    "ledger": LEDGER_ROLES,
    "laporan": LAPORAN_ROLES,
}


@register.filter
def can_open(user: Any, screen: str) -> bool:
    """`{% if user|can_open:"audit" %}`: the same role gate as the view (core.permissions)."""
    return user_has_role(user, SCREEN_ROLES[screen])


@register.filter
def status_badge(status: str) -> str:
    """Bootstrap colour class of an employment status badge."""
    return {"PNS": "text-bg-primary", "CPNS": "text-bg-info", "PPPK": "text-bg-success"}.get(
        status, "text-bg-secondary"
    )


@register.filter
def selisih_class(value: int | None) -> str:
    """Colour of a competency gap (level minus standard)."""
    if value is None:
        return "text-body-secondary"
    if value < 0:
        return "text-danger fw-semibold"
    return "text-success"


@register.filter
def elided_pages(page_obj: Any) -> Any:
    """Page numbers around the current page, with `Paginator.ELLIPSIS` for the gaps."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


PREDIKAT_BADGE = {
    "Sangat Baik": "text-bg-success",
    "Baik": "text-bg-primary",
    "Cukup": "text-bg-info",
    "Butuh Perbaikan": "text-bg-warning",
    "Kurang": "text-bg-warning",
    "Kurang/Misconduct": "text-bg-danger",
    "Sangat Kurang": "text-bg-danger",
    "Buruk": "text-bg-danger",
}


@register.filter
def predikat_label(riwayat: Any) -> str:
    """The predikat of a RiwayatKinerja row without the raw number (`nilai` has its own column).

    Rating rows (from 2022) use the model's `predikat` (simerit.rules.skp matrix); numeric rows
    (before 2022) use the PP 46/2011 label of the same rules module.
    """
    if riwayat.hasil_kerja and riwayat.perilaku_kerja:
        return riwayat.predikat
    if riwayat.nilai is not None:
        return skp.numeric_label(float(riwayat.nilai))
    return ""


@register.filter
def predikat_badge(label: str) -> str:
    return PREDIKAT_BADGE.get(label, "text-bg-secondary")


@register.filter
def tingkat_badge(tingkat: str) -> str:
    return {
        "ringan": "text-bg-warning",
        "sedang": "text-bg-warning border border-danger",
        "berat": "text-bg-danger",
    }.get(tingkat, "text-bg-secondary")
