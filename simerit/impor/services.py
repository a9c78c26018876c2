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
from simerit.impor.columns import JENIS
from simerit.impor.models import ImportBatch
from simerit.impor.reader import ImportFileError, read_upload
from simerit.impor.validate import Plan, dry_run, report_of

logger = logging.getLogger(__name__)
MAX_BYTES = 60 * 1024 * 1024
BATCH_SIZE = 2000
AUTO = "otomatis"  # ImportBatch.jenis until the dry run recognised the kind


def _tick(batch_id: int, progress: int, stage: str) -> None:
    ImportBatch.objects.filter(pk=batch_id).update(progress=progress, stage=stage[:200])


def batch_upload(*, acting_user: Any, nama_berkas: str, isi: bytes, jenis: str = "") -> ImportBatch:
    """Store an uploaded file and queue its dry run. `jenis`: the kind the user picked (a key of
    `columns.JENIS`), or empty to recognise it from the file (sheet name, then header row)."""
    if jenis and jenis not in JENIS:
        raise ValidationError(_("Jenis data tidak dikenal."))
    if not user_has_role(acting_user, IMPOR_ROLES) or not acting_user.instansi_id:
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data."))
    if len(isi) > MAX_BYTES:
        raise ValidationError(_("Berkas terlalu besar (paling besar 60 MB)."))
    with acting_as(acting_user):
        batch = ImportBatch.objects.create(
            instansi_id=acting_user.instansi_id, nama_berkas=nama_berkas[:255], isi=isi, ukuran=len(isi),
            jenis=jenis or AUTO,
            unit_id=acting_user.unit_id if acting_user.role == "operator" else None, created_by=acting_user,
        )
    from simerit.impor.tasks import impor_check_task

    transaction.on_commit(lambda: impor_check_task.enqueue(batch.pk))
    return batch


def _plan(batch: ImportBatch, user: Any) -> tuple[Plan | None, dict[str, Any]]:
    started = time.perf_counter()
    _tick(batch.pk, 5, "Membaca berkas")
    try:
        table = read_upload(batch.nama_berkas, bytes(batch.isi), jenis=None if batch.jenis == AUTO else batch.jenis)
        if batch.jenis == AUTO:
            # Recognised once: the commit re-reads the file as the same kind.
            ImportBatch.objects.filter(pk=batch.pk).update(jenis=table.jenis)
        plan = dry_run(table, instansi=batch.instansi, user=user, progress=lambda p, s: _tick(batch.pk, p, s))
    except ImportFileError as exc:
        return None, {"berkas": str(exc), "summary": {}, "problems": []}
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
    """Write a plan of any kind: its rows, then the rows that hang on them (assessment levels)."""
    now_label = user.get_username() if user else "sistem"
    events: list[AuditEvent] = []

    def event(obj: Any, action: str, changes: dict[str, Any]) -> AuditEvent:
        return AuditEvent(
            instansi_id=obj.instansi_id, actor_id=user.pk if user else None, actor_label=now_label,
            action=action, model=type(obj)._meta.label_lower, object_pk=str(obj.pk), object_repr=str(obj)[:300],
            changes={**changes, "_impor": [None, batch.pk]},
        )

    def created(objs: list[Any]) -> None:
        for obj in objs:
            values = obj._audit_values()
            events.append(event(obj, AuditEvent.Action.CREATE,
                                {k: [None, v] for k, v in values.items() if v not in (None, "")}))

    def updated(model: type, rows: list[tuple[Any, dict[str, Any]]]) -> None:
        attnames = {f.attname for f in model._meta.concrete_fields}
        fields = sorted({f for _obj, ch in rows for f in ch if f in attnames})
        if fields:
            model.objects.bulk_update([obj for obj, _ch in rows], fields, batch_size=BATCH_SIZE)
        events.extend(event(obj, AuditEvent.Action.UPDATE, ch) for obj, ch in rows)

    if plan.save_each:
        # Units: save() derives the tree path from the parent saved just before, and audits itself.
        for obj in [*plan.create, *(obj for obj, _ch in plan.update)]:
            _link(obj)
            obj.save()
    else:
        created(plan.model.objects.bulk_create(plan.create, batch_size=BATCH_SIZE))
        if plan.update:
            updated(plan.model, plan.update)
    if plan.nested:
        new = [child for _parent, children, _ch in plan.nested for child in children]
        for child in new:
            _link(child)
        model = type(new[0]) if new else type(plan.nested[0][2][0][0])
        created(model.objects.bulk_create(new, batch_size=BATCH_SIZE))
        changed = [c for _p, _n, ch in plan.nested for c in ch]
        if changed:
            updated(model, changed)
    AuditEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)


def _link(obj: Any) -> None:
    """Take the id of a related row written earlier in this commit (a parent unit from the same
    file, the assessment of a level): it had none when the plan was made."""
    for f in obj._meta.concrete_fields:
        if f.is_relation and getattr(obj, f.attname) is None and f.is_cached(obj):
            related = f.get_cached_value(obj)
            if related is not None and related.pk is not None:
                setattr(obj, f.attname, related.pk)
