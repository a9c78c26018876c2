"""Employee import: upload (stored, queued for the dry run), dry run, commit.

The commit re-reads and re-validates the stored file and writes only when it has no problem at
all, in one transaction. New and changed employees are written with bulk_create / bulk_update
(one `save()` per row would cost a SELECT, an UPDATE and an audit INSERT each); the audit trail
stays per employee: one AuditEvent per created or changed employee (old → new, the same shape
`AuditedModel.save()` writes), bulk-inserted in the same transaction, plus one event on the batch
itself. Re-importing the same file finds every row unchanged and writes nothing.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.audit import acting_as
from simerit.core.models import CHANGE, AuditEvent
from simerit.core.permissions import IMPOR_ROLES, user_has_role
from simerit.impor.models import ImportBatch
from simerit.impor.reader import ImportFileError, read_upload
from simerit.impor.validate import Plan, dry_run, report_of
from simerit.pegawai.models import Pegawai

logger = logging.getLogger(__name__)
MAX_BYTES = 60 * 1024 * 1024
BATCH_SIZE = 2000


def _tick(batch_id: int, progress: int, stage: str) -> None:
    ImportBatch.objects.filter(pk=batch_id).update(progress=progress, stage=stage[:200])


def batch_upload(*, acting_user: Any, nama_berkas: str, isi: bytes) -> ImportBatch:
    """Store an uploaded file and queue its dry run."""
    if not user_has_role(acting_user, IMPOR_ROLES) or not acting_user.instansi_id:
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data."))
    if len(isi) > MAX_BYTES:
        raise ValidationError(_("Berkas terlalu besar (paling besar 60 MB)."))
    with acting_as(acting_user):
        batch = ImportBatch.objects.create(
            instansi_id=acting_user.instansi_id, nama_berkas=nama_berkas[:255], isi=isi, ukuran=len(isi),
            unit_id=acting_user.unit_id if acting_user.role == "operator" else None, created_by=acting_user,
        )
    from simerit.impor.tasks import impor_check_task

    transaction.on_commit(lambda: impor_check_task.enqueue(batch.pk))
    return batch


def _plan(batch: ImportBatch, user: Any) -> tuple[Plan | None, dict[str, Any]]:
    started = time.perf_counter()
    _tick(batch.pk, 5, "Membaca berkas")
    try:
        table = read_upload(batch.nama_berkas, bytes(batch.isi))
    except ImportFileError as exc:
        return None, {"berkas": str(exc), "summary": {}, "problems": []}
    plan = dry_run(table, instansi=batch.instansi, user=user, progress=lambda p, s: _tick(batch.pk, p, s))
    return plan, report_of(plan, table, time.perf_counter() - started)


def batch_check_execute(batch_id: int) -> ImportBatch:
    """The dry run of a stored file (in the background worker): report only, nothing written."""
    batch = ImportBatch.objects.select_related("instansi", "created_by").get(pk=batch_id)
    ImportBatch.objects.filter(pk=batch_id).update(status=ImportBatch.Status.CHECKING)
    try:
        _plan_, report = _plan(batch, batch.created_by)
    except Exception as exc:  # an unexpected failure is shown on the page, not lost in a log
        logger.exception("import dry run %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, error=_("Pemeriksaan gagal: %(e)s") % {"e": exc}, progress=100
        )
        return ImportBatch.objects.get(pk=batch_id)
    ok = not report.get("berkas") and not report["problems"]
    ImportBatch.objects.filter(pk=batch_id).update(
        status=ImportBatch.Status.CHECKED if ok else ImportBatch.Status.INVALID, report=report, progress=100,
        stage="", checked_at=timezone.now(), error=report.get("berkas", ""),
    )
    return ImportBatch.objects.get(pk=batch_id)


def batch_commit_start(*, acting_user: Any, batch: ImportBatch) -> ImportBatch:
    """Queue the commit of a checked batch the user may change."""
    if not ImportBatch.objects.restrict(acting_user, CHANGE).filter(pk=batch.pk).exists():
        raise PermissionDenied(_("Anda tidak berwenang menyimpan impor ini."))
    if not batch.can_commit:
        raise ValidationError(_("Impor ini tidak dalam keadaan siap disimpan (ada masalah atau tidak ada perubahan)."))
    with transaction.atomic():
        updated = ImportBatch.objects.filter(pk=batch.pk, status=ImportBatch.Status.CHECKED).update(
            status=ImportBatch.Status.COMMITTING, progress=0, stage="Menunggu giliran", committed_by=acting_user
        )
        if not updated:
            raise ValidationError(_("Impor ini tidak dalam keadaan siap disimpan."))
    from simerit.impor.tasks import impor_commit_task

    transaction.on_commit(lambda: impor_commit_task.enqueue(batch.pk))
    return ImportBatch.objects.get(pk=batch.pk)


def batch_commit_execute(batch_id: int) -> ImportBatch:
    """Re-validate the stored file, then write all of it in one transaction, or nothing."""
    batch = ImportBatch.objects.select_related("instansi", "committed_by").get(pk=batch_id)
    user = batch.committed_by
    try:
        plan, report = _plan(batch, user)
        if plan is None or report["problems"]:
            ImportBatch.objects.filter(pk=batch_id).update(
                status=ImportBatch.Status.INVALID, report=report, progress=100, stage="", checked_at=timezone.now(),
                error=report.get("berkas") or _("Pemeriksaan ulang menemukan masalah; tidak ada yang disimpan."),
            )
            return ImportBatch.objects.get(pk=batch_id)
        _tick(batch_id, 96, "Menyimpan ke basis data")
        with transaction.atomic(), acting_as(user):
            _write(plan, batch, user)
            batch.refresh_from_db(fields=["status"])
            batch.status = ImportBatch.Status.DONE
            batch.report = report
            batch.progress = 100
            batch.stage = ""
            batch.error = ""
            batch.committed_at = timezone.now()
            batch.save()  # audited: the batch's own event names the file and the counts
    except Exception as exc:
        logger.exception("import commit %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, progress=100, stage="",
            error=_("Penyimpanan gagal, tidak ada data yang diubah: %(e)s") % {"e": exc},
        )
    return ImportBatch.objects.get(pk=batch_id)


def _write(plan: Plan, batch: ImportBatch, user: Any) -> None:
    now_label = user.get_username() if user else "sistem"
    events: list[AuditEvent] = []

    def event(obj: Pegawai, action: str, changes: dict[str, Any]) -> AuditEvent:
        return AuditEvent(
            instansi_id=obj.instansi_id, actor_id=user.pk if user else None, actor_label=now_label,
            action=action, model=Pegawai._meta.label_lower, object_pk=str(obj.pk), object_repr=str(obj)[:300],
            changes={**changes, "_impor": [None, batch.pk]},
        )

    created = Pegawai.objects.bulk_create(plan.create, batch_size=BATCH_SIZE)
    for obj in created:
        values = obj._audit_values()
        events.append(event(obj, AuditEvent.Action.CREATE, {k: [None, v] for k, v in values.items() if v not in (None, "")}))
    if plan.update:
        fields = sorted({f for _obj, ch in plan.update for f in ch})
        Pegawai.objects.bulk_update([obj for obj, _ch in plan.update], fields, batch_size=BATCH_SIZE)
        for obj, ch in plan.update:
            events.append(event(obj, AuditEvent.Action.UPDATE, ch))
    AuditEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)

