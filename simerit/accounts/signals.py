"""Record logins, logouts and failed logins in the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from simerit.core.models import AuditEvent


def _ip(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def _log(action: str, user: Any, request: Any, label: str) -> None:
    AuditEvent.objects.create(
        instansi_id=getattr(user, "instansi_id", None),
        actor=user if user is not None and user.pk else None,
        actor_label=label,
        ip=_ip(request),
        action=action,
        model="accounts.user",
        object_pk=str(user.pk) if user is not None and user.pk else "",
        object_repr=label,
    )


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _log(AuditEvent.Action.LOGIN, user, request, user.get_username())


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        _log(AuditEvent.Action.LOGOUT, user, request, user.get_username())


@receiver(user_login_failed)
def on_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    _log(AuditEvent.Action.LOGIN_FAILED, None, request, str(credentials.get("username", ""))[:150])
