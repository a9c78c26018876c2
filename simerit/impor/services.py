"""Employee import: upload (stored, queued for the dry run), dry run, commit.

The commit re-validates the stored file (every check again, starting from what its dry run read
from it: docs/decisions/0052) and writes only when it has no problem at all, in one transaction.
New employees are inserted as columns with `core.bulk.insert_frame` (COPY / executemany, no model
instance per row), changed ones with bulk_update (one `save()` per row would cost a SELECT, an
UPDATE and an audit INSERT each); the audit trail stays per employee: one AuditEvent per created
or changed employee (old → new, the same shape `AuditedModel.save()` writes), bulk-inserted in the
same transaction, plus one event on the batch itself. Re-importing the same file finds every row
unchanged and writes nothing.
"""

from __future__ import annotations

import gc
import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import polars as pl
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models.base import ModelState
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.audit import acting_as
from simerit.core.bulk import insert_frame
from simerit.core.models import CHANGE, AuditEvent
from simerit.core.permissions import IMPOR_ROLES, user_has_role
from simerit.impor.columns import JENIS
from simerit.impor.models import ImportBatch
from simerit.impor.reader import ImportFileError, Table, pack_table, read_upload, unpack_table
from simerit.impor.validate import Plan, dry_run, report_of, scan_whole

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


def _plan(batch: ImportBatch, user: Any, *, reuse: bool = False) -> tuple[Plan | None, dict[str, Any], Table | None]:
    """The dry run of a stored file; `reuse`: start from what the dry run read from it, if kept
    (the commit: decision 0052). Every check runs again either way."""
    started = time.perf_counter()
    _tick(batch.pk, 5, "Membaca berkas")
    isi = bytes(batch.isi)
    try:
        table = unpack_table(batch.tabel, isi) if reuse else None
        if table is None or (batch.jenis != AUTO and table.jenis != batch.jenis):
            table = read_upload(batch.nama_berkas, isi, jenis=None if batch.jenis == AUTO else batch.jenis)
        if batch.jenis == AUTO:
            # Recognised once: the commit re-reads the file as the same kind.
            ImportBatch.objects.filter(pk=batch.pk).update(jenis=table.jenis)
        plan = dry_run(table, instansi=batch.instansi, user=user, progress=lambda p, s: _tick(batch.pk, p, s))
    except ImportFileError as exc:
        return None, {"berkas": str(exc), "summary": {}, "problems": []}, None
    return plan, report_of(plan, table, time.perf_counter() - started), table


def batch_check_execute(batch_id: int) -> ImportBatch:
    """The dry run of a stored file (in the background worker): report only, nothing written
    but the report and, for a file ready to commit, what was read from it."""
    batch = ImportBatch.objects.select_related("instansi", "created_by").get(pk=batch_id)
    ImportBatch.objects.filter(pk=batch_id).update(status=ImportBatch.Status.CHECKING)
    try:
        _plan_, report, table = _plan(batch, batch.created_by)
    except Exception as exc:  # an unexpected failure is shown on the page, not lost in a log
        logger.exception("import dry run %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, error=_("Pemeriksaan gagal: %(e)s") % {"e": exc}, progress=100
        )
        return ImportBatch.objects.get(pk=batch_id)
    ok = not report.get("berkas") and not report["problems"]
    kept = pack_table(table, bytes(batch.isi)) if ok and table is not None and report["summary"]["akan_ditulis"] else b""
    ImportBatch.objects.filter(pk=batch_id).update(
        status=ImportBatch.Status.CHECKED if ok else ImportBatch.Status.INVALID, report=report, progress=100,
        stage="", checked_at=timezone.now(), error=report.get("berkas", ""), tabel=kept,
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
    """Re-validate the stored file (from what its dry run read, decision 0052), then write all of
    it in one transaction, or nothing."""
    batch = ImportBatch.objects.select_related("instansi", "committed_by").get(pk=batch_id)
    user = batch.committed_by
    try:
        plan, report, _table = _plan(batch, user, reuse=True)
        if plan is None or report["problems"]:
            ImportBatch.objects.filter(pk=batch_id).update(
                status=ImportBatch.Status.INVALID, report=report, progress=100, stage="", checked_at=timezone.now(),
                tabel=b"",
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
            batch.tabel = b""
            batch.save()  # audited: the batch's own event names the file and the counts
    except Exception as exc:
        logger.exception("import commit %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED, progress=100, stage="",
            error=_("Penyimpanan gagal, tidak ada data yang diubah: %(e)s") % {"e": exc},
        )
    return ImportBatch.objects.get(pk=batch_id)


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the writer builds a few small containers per
    row (the audit's changes): with 100,000 rows alive, each full collection rescans millions of
    objects, and it ran several times per commit (about a third of the writer's Python time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _write(plan: Plan, batch: ImportBatch, user: Any) -> None:
    """Write a plan of any kind: its rows, then the rows that hang on them (assessment levels),
    then one audit event per written row, all inside the caller's transaction (so no progress
    can be shown from here: it would only be seen once everything is written)."""
    with _without_gc():
        _write_plan(plan, batch, user)


def _write_plan(plan: Plan, batch: ImportBatch, user: Any) -> None:
    actor_id, actor_label = (user.pk if user else None), (user.get_username() if user else "sistem")
    now = timezone.now()
    events: list[tuple[Any, ...]] = []  # AUDIT_SCHEMA's columns
    frames: list[pl.DataFrame] = []  # events of the rows written from a frame (written first)

    def event(instansi_id: int, model: str, pk: Any, text: str, action: str, changes: dict[str, Any]) -> None:
        changes["_impor"] = [None, batch.pk]
        events.append((instansi_id, actor_id, actor_label, None, action, model, str(pk), text[:300],
                       json.dumps(changes)))

    def created(objs: list[Any]) -> None:
        for obj in objs:
            values = obj._audit_values()
            event(obj.instansi_id, type(obj)._meta.label_lower, obj.pk, str(obj), AuditEvent.Action.CREATE,
                  {k: [None, v] for k, v in values.items() if v not in (None, "")})

    def updated(model: type, rows: list[tuple[Any, dict[str, Any]]]) -> None:
        attnames = {f.attname for f in model._meta.concrete_fields}
        fields = sorted({f for _obj, ch in rows for f in ch if f in attnames})
        if fields:
            model.objects.bulk_update([obj for obj, _ch in rows], fields, batch_size=BATCH_SIZE)
        for obj, ch in rows:
            event(obj.instansi_id, type(obj)._meta.label_lower, obj.pk, str(obj), AuditEvent.Action.UPDATE, {**ch})

    if plan.save_each:
        # Units: save() derives the tree path from the parent saved just before, and audits itself.
        for obj in [*plan.create, *(obj for obj, _ch in plan.update)]:
            _link(obj)
            obj.save()
    else:
        if plan.create_frame is not None and plan.create_frame.height:
            frames.append(_insert_frame(plan.model, plan.create_frame, (actor_id, actor_label, batch.pk)))
        if plan.create:
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
    audit = pl.concat([*frames, pl.DataFrame(events, schema=AUDIT_SCHEMA, orient="row")])
    insert_frame(AuditEvent, audit.with_columns(created_at=pl.lit(now)))


# The columns of an AuditEvent the writer gives (created_at is added: one time per commit).
# `changes` is JSON text, json.dumps of the dict, what JSONField stores.
AUDIT_SCHEMA = {"instansi_id": pl.Int64, "actor_id": pl.Int64, "actor_label": pl.Utf8, "ip": pl.Utf8,
                "action": pl.Utf8, "model": pl.Utf8, "object_pk": pl.Utf8, "object_repr": pl.Utf8,
                "changes": pl.Utf8}


def _insert_frame(model: type, frame: pl.DataFrame, actor: tuple[int | None, str, int]) -> pl.DataFrame:
    """Insert new rows given as columns (file order), read their ids back by the natural key
    (instansi, NIP); return their audit events (AUDIT_SCHEMA): each creation recorded as
    `AuditedModel.save()` would, every non-empty field in the model's order, old value None.
    `actor`: (user id, user name, import batch id)."""
    meta = model._meta
    defaults = {f.attname: f.get_default() for f in meta.concrete_fields
                if not f.primary_key and f.attname not in frame.columns}
    full = frame.with_columns([pl.lit(v).alias(k) for k, v in defaults.items()])
    insert_frame(model, full)
    instansi_id = int(frame["instansi_id"][0])
    nips = frame["nip"].to_list()
    ids: list[tuple[str, int]] = []
    stored = model._base_manager.filter(instansi_id=instansi_id)
    if scan_whole(stored, len(nips)):
        ids.extend(stored.values_list("nip", "pk"))
    else:
        for i in range(0, len(nips), 5000):
            ids.extend(stored.filter(nip__in=nips[i : i + 5000]).values_list("nip", "pk"))
    pk = meta.pk.attname
    keyed = pl.DataFrame(ids, schema={"nip": pl.Utf8, pk: pl.Int64}, orient="row")
    full = full.join(keyed, on="nip", how="left", maintain_order="left")
    if full[pk].null_count():
        raise RuntimeError("import: a new row was not found after its insert")
    # The audit's values: AuditedModel._audit_values (concrete fields, JSON-able: dates as ISO).
    order = [f.attname for f in meta.concrete_fields if f.attname not in model.audit_exclude]
    values = full.select([
        pl.col(name).dt.strftime("%Y-%m-%d") if full.schema[name] == pl.Date else pl.col(name) for name in order
    ])
    actor_id, actor_label, impor = actor
    changes = created_changes_json(values, impor)
    state = ModelState()
    state.adding, state.db = False, router.db_for_write(model)
    texts: list[str] = []
    for i, row in enumerate(full.iter_rows(named=True)):
        obj = model.__new__(model)  # only for str(obj): no __init__ per row
        obj.__dict__.update(row)
        obj._state = state
        texts.append(str(obj)[:300])
        if changes[i] is None:  # text json.dumps escapes: encode that row in Python
            kept = {name: [None, v] for name, v in zip(order, values.row(i), strict=True) if v is not None and v != ""}
            changes[i] = json.dumps({**kept, "_impor": [None, impor]})
    return pl.DataFrame({
        "instansi_id": full["instansi_id"], "actor_id": pl.repeat(actor_id, full.height, dtype=pl.Int64, eager=True),
        "actor_label": pl.repeat(actor_label, full.height, dtype=pl.Utf8, eager=True),
        "ip": pl.repeat(None, full.height, dtype=pl.Utf8, eager=True),
        "action": pl.repeat(AuditEvent.Action.CREATE.value, full.height, dtype=pl.Utf8, eager=True),
        "model": pl.repeat(meta.label_lower, full.height, dtype=pl.Utf8, eager=True),
        "object_pk": full[pk].cast(pl.Utf8), "object_repr": pl.Series(texts, dtype=pl.Utf8),
        "changes": pl.Series(changes, dtype=pl.Utf8),
    }, schema=AUDIT_SCHEMA)


# Text json.dumps writes as it is: printable ASCII but the quote and the backslash.
_JSON_PLAIN = r"^[ !#-\[\]-~]*$"


def created_changes_json(values: pl.DataFrame, impor: int) -> list[str | None]:
    """Per row, `json.dumps({name: [None, value] for each non-empty value, "_impor": [None, impor]})`
    (the audit of a creation), built as text in polars; None for a row holding text that
    json.dumps would escape (non-ASCII, quotes, control characters), which the caller encodes.
    Columns: text, integers, booleans (dates given as ISO text)."""
    parts, plain = [], []
    for name, dtype in values.schema.items():
        c = pl.col(name)
        if dtype == pl.Null:
            continue
        if dtype == pl.Utf8:
            given = c.is_not_null() & (c != "")
            text = pl.concat_str(pl.lit('"'), c, pl.lit('"'))
            plain.append(~given | c.str.contains(_JSON_PLAIN))
        elif dtype == pl.Boolean:
            given, text = c.is_not_null(), pl.when(c).then(pl.lit("true")).otherwise(pl.lit("false"))
        elif dtype.is_integer():
            given, text = c.is_not_null(), c.cast(pl.Utf8)
        else:
            raise TypeError(f"{name}: {dtype} is not text, integer or boolean")
        parts.append(pl.when(given).then(pl.concat_str(pl.lit(json.dumps(name) + ": [null, "), text, pl.lit("]"))))
    parts.append(pl.lit(f'"_impor": [null, {json.dumps(impor)}]'))
    body = pl.concat_str(pl.lit("{"), pl.concat_str(parts, separator=", ", ignore_nulls=True), pl.lit("}"))
    out = values.select(pl.when(pl.all_horizontal(plain) if plain else pl.lit(True)).then(body).alias("j"))
    return out["j"].to_list()


def _link(obj: Any) -> None:
    """Take the id of a related row written earlier in this commit (a parent unit from the same
    file, the assessment of a level): it had none when the plan was made."""
    for f in obj._meta.concrete_fields:
        if f.is_relation and getattr(obj, f.attname) is None and f.is_cached(obj):
            related = f.get_cached_value(obj)
            if related is not None and related.pk is not None:
                setattr(obj, f.attname, related.pk)
