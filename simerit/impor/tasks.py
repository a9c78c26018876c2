"""Background tasks of the import (simerit/core/tasks.py hides the backend)."""

from __future__ import annotations

from simerit.core.tasks import task


@task()
def impor_check_task(batch_id: int) -> str:
    from simerit.impor.services import batch_check_execute

    return str(batch_check_execute(batch_id).status)


@task()
def impor_commit_task(batch_id: int) -> str:
    from simerit.impor.services import batch_commit_execute

    return str(batch_commit_execute(batch_id).status)
