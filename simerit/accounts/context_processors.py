"""Template context: the role of the logged-in user, for menus."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from simerit.core.models import Role


def role(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"ROLES": Role}
    return {"ROLES": Role, "user_role": "admin" if user.is_superuser else user.role}
