"""Background task of the selection screens: one vacancy's ranking (simerit/core/tasks.py)."""

from __future__ import annotations

from simerit.core.tasks import task


@task()
def ranking_task(vacancy_id: int) -> str:
    """Compute the requested ranking of vacancy `vacancy_id`; returns the final state."""
    from simerit.seleksi.services import ranking_execute

    return ranking_execute(vacancy_id=vacancy_id).ranking_state or "done"
