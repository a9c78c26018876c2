"""Who is acting: the audit actor for the current request, command or service call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    label: str
    ip: str | None = None


_actor: ContextVar[Actor | None] = ContextVar("simerit_audit_actor", default=None)


def current_actor() -> Actor | None:
    return _actor.get()


@contextmanager
def acting_as(user: Any = None, *, label: str | None = None, ip: str | None = None) -> Iterator[None]:
    """Attribute every audited write inside the block to `user` (or to `label`, e.g. a command)."""
    if user is not None and getattr(user, "is_authenticated", False):
        actor = Actor(user.pk, label or user.get_username(), ip)
    else:
        actor = Actor(None, label or "sistem", ip)
    token = _actor.set(actor)
    try:
        yield
    finally:
        _actor.reset(token)
