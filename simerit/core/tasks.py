"""Background tasks behind one import, so the rest of SIMERIT never names the implementation.

Today this is the django-tasks backport (Django 5.2) with the database backend of django-tasks-db:
tasks are rows in our own database and `manage.py db_worker` runs them (no broker). On Django 6
the same API is built in as `django.tasks`; only this module changes then.

Settings: `TASKS` in simerit/config/settings.py (DatabaseBackend); the test suite switches to the
ImmediateBackend, which runs a task at once in the calling thread.
"""

from __future__ import annotations

try:  # Django 6+
    from django.tasks import TaskResultStatus, default_task_backend, task  # type: ignore[import-not-found]
except ImportError:  # Django 5.2: the backport
    from django_tasks import TaskResultStatus, default_task_backend, task

__all__ = ["TaskResultStatus", "default_task_backend", "runs_in_background", "task"]


def runs_in_background() -> bool:
    """True when enqueued tasks wait for a worker process (False for the immediate backend)."""
    return type(default_task_backend).__name__ != "ImmediateBackend"
