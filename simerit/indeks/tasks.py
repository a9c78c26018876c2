"""Background task of the index: one recompute per run (simerit/core/tasks.py hides the backend)."""

from __future__ import annotations

from simerit.core.tasks import task


@task()
def index_run_task(run_id: int) -> str:
    """Execute index run `run_id`; returns its final status ("done" or "failed")."""
    from simerit.indeks.services import index_run_execute

    return str(index_run_execute(run_id=run_id).status)
