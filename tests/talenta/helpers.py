"""Builders for the talenta tests: a finished index run with results, and calibration sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from simerit.core.audit import acting_as
from simerit.indeks.models import IndexResult, IndexRun
from simerit.talenta.models import CalibrationSession

AS_OF = dt.date(2025, 12, 31)


def done_run(instansi: Any, as_of: dt.date = AS_OF) -> IndexRun:
    now = timezone.now()
    with acting_as(label="test"):
        return IndexRun.objects.create(
            instansi=instansi, as_of=as_of, status=IndexRun.Status.DONE, progress=100, started_at=now, finished_at=now
        )


def result(run: IndexRun, pegawai: Any, *, box: int | None, opd: Any, **extra: Any) -> IndexResult:
    with acting_as(label="test"):
        return IndexResult.objects.create(
            instansi=run.instansi, run=run, pegawai=pegawai, unit=pegawai.unit, opd_id=opd.pk, box=box, **extra
        )


def session(world: Any, opd: Any, *, instansi: Any = None, user: Any = None) -> CalibrationSession:
    instansi = instansi or world.inst
    run = IndexRun.objects.filter(instansi=instansi, status=IndexRun.Status.DONE).first() or done_run(instansi)
    with acting_as(label="test"):
        return CalibrationSession.objects.create(
            instansi=instansi, run=run, opd=opd, judul="Sesi uji", opened_by=user or world.users["admin"]
        )
