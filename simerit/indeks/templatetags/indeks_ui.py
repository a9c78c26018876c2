"""Template helpers of the index screens."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format

from simerit.indeks.selectors import KATEGORI_COLORS
from simerit.rules import talent

register = template.Library()


@register.filter
def detik(value: Any) -> str:
    """Seconds as shown on screen: "0,42 dtk", "1 mnt 05 dtk"."""
    if value is None or value == "":
        return "—"
    seconds = float(value)
    if seconds < 60:
        return f"{number_format(seconds, 2)} dtk"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes} mnt {rest:02d} dtk"


@register.filter
def lama(seconds: float | None) -> str:
    """A waiting time in words: "12 detik", "3 menit", "2 jam 5 menit"."""
    s = int(seconds or 0)
    if s < 60:
        return f"{s} detik"
    if s < 3600:
        return f"{s // 60} menit"
    return f"{s // 3600} jam {s % 3600 // 60} menit"


@register.filter
def kinerja_label(axis: str | None) -> str:
    """The kinerja axis in words ("di_atas" -> "di atas ekspektasi")."""
    return talent.KINERJA_LABELS.get(axis or "", axis or "")


@register.filter
def kategori_color(kategori: str | None) -> str:
    return KATEGORI_COLORS.get(kategori or "", "#7a8b99")


@register.filter
def bulan_tahun(months: int | None) -> str:
    """A number of months as "12 thn 3 bln"."""
    if months is None:
        return "—"
    return f"{months // 12} thn {months % 12} bln"


@register.filter
def box_color(box: int | None) -> str:
    """Background of a 9-box cell: green for the succession boxes, red for box 1."""
    return {9: "#d1e7dd", 8: "#e3f1ea", 7: "#e3f1ea", 1: "#f8d7da", 3: "#fbe9e7", 2: "#fbe9e7"}.get(box or 0, "#f3f5f8")


FLAG_LABELS = {
    "bukan_pns": "bukan PNS",
    "status_tidak_ada": "status tidak tercatat",
    "pendidikan_tidak_ada": "pendidikan tidak tercatat",
    "pendidikan_tidak_dikenal": "pendidikan tidak dikenal",
    "jabatan_tidak_ada": "jabatan tidak tercatat",
    "jenjang_jabatan_tidak_dikenal": "jenjang jabatan tidak dikenal",
    "kinerja_tidak_ada": "data kinerja tahun pengukuran tidak ada",
}


@register.filter
def flag_label(flag: str) -> str:
    return FLAG_LABELS.get(flag, flag.replace("_", " "))


@register.filter
def total(counts: Any) -> int:
    """The sum of a run's per-field counts (`{"pangkat": 3, ...}`); 0 for a run without them."""
    return sum(v for v in counts.values() if isinstance(v, int)) if isinstance(counts, dict) else 0
