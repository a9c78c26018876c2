"""Template helpers of the talent screens, and the career-compass card of the employee profile."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from simerit.rules import talent
from simerit.talenta import selectors

register = template.Library()


@register.filter
def split(value: str) -> list[str]:
    return value.split()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def risk_hex(colour: str) -> str:
    return selectors.RISK_HEX.get(colour, "#7a8b99")


@register.filter
def not_ready(successors: list[Any]) -> list[Any]:
    return [s for s in successors if not s.ready]


@register.filter
def box_label(box: int | None) -> str:
    return talent.BOX_INFO[box].label if box in talent.BOX_INFO else "—"


@register.filter
def level_label(level: str | None) -> str:
    return selectors.level_label(level) if level else "—"


@register.inclusion_tag("talenta/partials/_kompas.html", takes_context=True)
def kompas_karier(context: template.Context, pegawai: Any) -> dict[str, Any]:
    """The career-compass card for an employee whose page the viewer is allowed to open (the
    profile view has checked that)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"kompas": selectors.career_compass(user=user, pegawai=pegawai), "pegawai": pegawai, "user": user}


@register.filter
def box_chart(view: Any) -> dict[str, Any]:
    """The OPD's box counts before and after, as chart data (boxes 1-9)."""
    return {
        "labels": [_("Kotak %(b)d") % {"b": b} for b in range(1, 10)],
        "series": [
            {"name": _("Sebelum"), "color": "#9fb3c8", "data": view.before},
            {"name": _("Sesudah"), "color": "#0b4a7d", "data": view.after},
        ],
    }
