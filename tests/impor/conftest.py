from __future__ import annotations

from typing import Any

import pytest

from simerit.core.models import AuditEvent
from simerit.impor import services
from simerit.impor.models import ImportBatch
from simerit.pegawai.models import Pegawai


@pytest.fixture
def run_import(django_capture_on_commit_callbacks: Any):
    """Upload `data` as `user` and run the dry run (the immediate task backend runs it at once)."""

    def upload(user: Any, data: bytes, name: str = "pegawai.xlsx") -> ImportBatch:
        with django_capture_on_commit_callbacks(execute=True):
            batch = services.batch_upload(acting_user=user, nama_berkas=name, isi=data)
        batch.refresh_from_db()
        return batch

    return upload


@pytest.fixture
def commit(django_capture_on_commit_callbacks: Any):
    def run(user: Any, batch: ImportBatch) -> ImportBatch:
        with django_capture_on_commit_callbacks(execute=True):
            services.batch_commit_start(acting_user=user, batch=batch)
        batch.refresh_from_db()
        return batch

    return run


def snapshot() -> tuple[int, int, list[tuple[Any, ...]]]:
    """What an import may change: employees and their audit events."""
    rows = list(Pegawai.objects.order_by("pk").values_list(*[f.attname for f in Pegawai._meta.concrete_fields]))
    return Pegawai.objects.count(), AuditEvent.objects.filter(model="pegawai.pegawai").count(), rows
