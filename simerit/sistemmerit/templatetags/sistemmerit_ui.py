"""Template helpers of the self-assessment screens."""

from __future__ import annotations

from typing import Any

from django import template

from simerit.core.permissions import user_has_role
from simerit.sistemmerit.models import VIEW_ROLES

register = template.Library()

CATEGORY_CLASS = {"I": "text-bg-danger", "II": "text-bg-warning", "III": "text-bg-info", "IV": "text-bg-success"}


@register.filter
def can_open_sistemmerit(user: Any) -> bool:
    """`{% if user|can_open_sistemmerit %}`: the same role gate as the views."""
    return user_has_role(user, VIEW_ROLES)


@register.filter
def category_class(code: str) -> str:
    return CATEGORY_CLASS.get(code, "text-bg-secondary")


@register.filter
def koma(value: Any, digits: int = 2) -> str:
    """123.5 -> "123,50" (Indonesian decimal comma)."""
    if value is None or value == "":
        return "—"
    return f"{float(value):.{int(digits)}f}".replace(".", ",")
