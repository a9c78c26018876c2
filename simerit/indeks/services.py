"""Index runs: start one (audited, queued for the background worker) and execute it.

Execution loads the instansi once (`frames.load_frames`), runs every batch rule of
`simerit.rules` over the frames, joins the results on the employee id and writes them with
`bulk_create` in one transaction together with the run's final status, so a run is either
complete or has no results at all. Progress and the time of each stage are written to the run
as it goes (outside that transaction, so the page polling it sees them).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.audit import acting_as
from simerit.core.models import Instansi
from simerit.core.permissions import INDEKS_RUN_ROLES, require_role_in_instansi
from simerit.indeks.frames import LoadedFrames, load_frames
from simerit.indeks.models import IndexResult, IndexRun
from simerit.rules import duk, ipasn, pangkat, retirement, skp, talent
from simerit.rules.registry import rules_version

logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
WORKER_LABEL = "sistem (perhitungan indeks)"

# Progress (percent) reached at the end of each phase.
LOADED, COMPUTED = 20, 80

# Rule output column -> IndexResult field, per batch rule.
# A stage may leave an intermediate result in `shared` for a later stage (computed once per run).
Rule = Callable[[LoadedFrames, dt.date, dict[str, Any]], pl.DataFrame]


def _duk(loaded: LoadedFrames, as_of: dt.date, shared: dict[str, Any]) -> pl.DataFrame:
    """DUK ranks of the PNS (PP 15/1979 lists PNS), in the instansi and within each OPD."""
    f = loaded.frames
    pns = f.employees.join(loaded.meta.select("id", "opd_id"), on="id").filter(pl.col("status") == "PNS")
    frames = replace(f, employees=pns)
    instansi = duk.duk_rank_batch(frames, as_of).rename({"duk_rank": "duk_rank_instansi"})
    opd = duk.duk_rank_batch(frames, as_of, group_by="opd_id").rename({"duk_rank": "duk_rank_opd"})
    return instansi.join(opd, on="id", how="left")


def _ipasn(loaded: LoadedFrames, as_of: dt.date, shared: dict[str, Any]) -> pl.DataFrame:
    return ipasn.ip_asn_batch(loaded.frames, as_of).rename(
        {
            "kualifikasi": "ip_kualifikasi",
            "kompetensi": "ip_kompetensi",
            "kinerja": "ip_kinerja",
            "disiplin": "ip_disiplin",
            "total": "ip_total",
            "kategori": "ip_kategori",
        }
    )


def _predikat(loaded: LoadedFrames, as_of: dt.date, shared: dict[str, Any]) -> pl.DataFrame:
    f = loaded.frames
    # Both latest predikat (any record, and ratings-based for the 9-box) in one pass.
    shared["latest"] = skp.latest_predikats_batch(f.performance, as_of, ids=f.employees["id"])
    return skp.predikat_columns(shared["latest"])


def _talent(loaded: LoadedFrames, as_of: dt.date, shared: dict[str, Any]) -> pl.DataFrame:
    """JPM and the 9-box (talent_batch computes the JPM it places people with)."""
    return talent.talent_batch(loaded.frames, as_of, latest=shared["latest"]).select(
        "id", "jpm_percent", "jpm_pemetaan", "jpm_seleksi",
        "box", pl.col("kinerja").alias("kinerja_axis"), pl.col("potensial").alias("potensial_axis"),
    )  # fmt: skip


# (stage label shown to the user, the batch rule). Labels are Indonesian: they are shown on screen.
STAGES: tuple[tuple[str, Rule], ...] = (
    ("BUP dan TMT pensiun", lambda lf, as_of, _shared: retirement.retirement_batch(lf.frames.employees, as_of)),
    ("Predikat kinerja", _predikat),
    ("IP ASN", _ipasn),
    ("Job Person Match dan kotak talenta (9-box)", _talent),
    ("Kenaikan pangkat reguler", lambda lf, as_of, _shared: pangkat.kp_reguler_batch(lf.frames, as_of)),
    ("Daftar Urut Kepangkatan", _duk),
)


def index_run_start(*, acting_user: Any, instansi: Instansi, as_of: dt.date) -> IndexRun:
    """Create a queued run for `instansi` as of `as_of` (audited) and hand it to the worker.

    Refused (ValidationError, Indonesian message) for a date in the future or while another run
    of the same instansi is still waiting or running.
    """
    require_role_in_instansi(acting_user, INDEKS_RUN_ROLES, instansi.pk)
    if as_of > timezone.localdate():
        raise ValidationError({"as_of": _("Tanggal perhitungan tidak boleh di masa depan.")})
    busy = IndexRun.objects.filter(instansi=instansi, status__in=[IndexRun.Status.QUEUED, IndexRun.Status.RUNNING])
    if busy.exists():
        raise ValidationError(
            _("Masih ada perhitungan indeks yang menunggu atau berjalan untuk instansi ini; tunggu sampai selesai.")
        )
    with transaction.atomic(), acting_as(acting_user):
        run = IndexRun(
            instansi=instansi,
            as_of=as_of,
            started_by=acting_user,
            rules_version=rules_version(as_of),
            parameters={"as_of": as_of.isoformat(), "cakupan": "seluruh pegawai aktif instansi"},
        )
        run.save()
    # Enqueued after the commit above, so the worker always finds the row.
    from simerit.indeks.tasks import index_run_task

    result = index_run_task.enqueue(run.pk)
    IndexRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    return run


def _progress(run_id: int, progress: int, stage: str) -> None:
    IndexRun.objects.filter(pk=run_id).update(progress=progress, stage=stage, updated_at=timezone.now())


def compute_scores(
    loaded: LoadedFrames, as_of: dt.date, on_stage: Callable[[int, str], None] | None = None
) -> tuple[pl.DataFrame, dict[str, float]]:
    """Every batch rule over the loaded frames, joined into one row per employee (meta columns
    first). Returns the frame and the seconds each rule took."""
    out = loaded.meta
    seconds: dict[str, float] = {}
    shared: dict[str, Any] = {}
    for i, (label, rule) in enumerate(STAGES):
        if on_stage:
            on_stage(LOADED + (COMPUTED - LOADED) * i // len(STAGES), label)
        started = time.perf_counter()
        part = rule(loaded, as_of, shared)
        out = out.join(part, on="id", how="left", maintain_order="left")
        seconds[label] = round(time.perf_counter() - started, 3)
    return out, seconds


# Result columns of the joined frame that are written as they are.
RESULT_FIELDS = (
    "bup", "tmt_pensiun", "predikat_year", "predikat",
    "ip_kualifikasi", "ip_kompetensi", "ip_kinerja", "ip_disiplin", "ip_total", "ip_kategori", "flags",
    "jpm_percent", "jpm_pemetaan", "jpm_seleksi", "box", "kinerja_axis", "potensial_axis",
    "kp_eligible", "kp_next_date", "kp_target", "duk_rank_instansi", "duk_rank_opd",
)  # fmt: skip
TEXT_FIELDS = frozenset(
    {"predikat", "ip_kategori", "jpm_pemetaan", "jpm_seleksi", "kinerja_axis", "potensial_axis", "kp_target"}
)


def _result_rows(scores: pl.DataFrame, snapshot: pl.DataFrame) -> pl.DataFrame:
    """The frame to insert: model field names, text fields without nulls, the DUK snapshot."""
    frame = scores.join(snapshot, on="id", how="left", maintain_order="left")
    return frame.with_columns(
        *[pl.col(c).fill_null("") for c in TEXT_FIELDS | {"pangkat", "jabatan", "latihan_jabatan", "pendidikan"}],
        pl.col("flags").fill_null([]),
    )


def _snapshot(loaded: LoadedFrames, as_of: dt.date) -> pl.DataFrame:
    """Career data the DUK page shows, as it was when the run was computed. Display only (the
    order itself is `duk.duk_rank_batch`): masa kerja counted from TMT CPNS in whole months and
    the highest leadership training, as decision 0018 does; age in completed years."""
    e = loaded.frames.employees
    t = loaded.frames.trainings
    latihan = (
        t.filter((pl.col("type") == "kepemimpinan") & pl.col("name").is_in(list(duk.LATIHAN_RANK)))
        .with_columns(_rank=pl.col("name").replace_strict(duk.LATIHAN_RANK, return_dtype=pl.Int8))
        .sort("id", "_rank", "end_date", descending=[False, True, False], nulls_last=True)
        .group_by("id", maintain_order=True)
        .agg(pl.col("name").first().alias("latihan_jabatan"))
    )
    cpns, birth = pl.col("tmt_cpns"), pl.col("birth_date")
    masa = (
        (as_of.year - cpns.dt.year().cast(pl.Int32)) * 12
        + (as_of.month - cpns.dt.month().cast(pl.Int32))
        - (pl.lit(as_of.day) < cpns.dt.day().cast(pl.Int32)).cast(pl.Int32)
    ).clip(lower_bound=0)
    usia = (as_of.year - birth.dt.year().cast(pl.Int32)) - (
        pl.lit(as_of.month * 100 + as_of.day) < birth.dt.month().cast(pl.Int32) * 100 + birth.dt.day().cast(pl.Int32)
    ).cast(pl.Int32)
    return (
        e.select(
            "id",
            "pangkat",
            "tmt_pangkat",
            "tmt_jabatan",
            pl.col("education").alias("pendidikan"),
            pl.col("education_year").alias("tahun_lulus"),
            masa.alias("masa_kerja_bulan"),
            usia.alias("usia"),
        )
        .join(loaded.meta.select("id", "jabatan"), on="id", how="left", maintain_order="left")
        .join(latihan, on="id", how="left", maintain_order="left")
    )


def index_run_execute(*, run_id: int) -> IndexRun:
    """Execute a queued run (called by the background task). A run that is not queued any more
    (already taken, finished or failed) is left as it is: a finished run is never recomputed."""
    claimed = IndexRun.objects.filter(pk=run_id, status=IndexRun.Status.QUEUED).update(
        status=IndexRun.Status.RUNNING, started_at=timezone.now(), updated_at=timezone.now(), progress=1,
        stage=_("Memuat data pegawai"),
    )  # fmt: skip
    run = IndexRun.objects.get(pk=run_id)
    if not claimed:
        return run
    timings: dict[str, Any] = {}
    stage = str(_("Memuat data pegawai"))
    started = time.perf_counter()
    try:
        t0 = time.perf_counter()
        loaded = load_frames(instansi_id=run.instansi_id, as_of=run.as_of)
        timings["muat_data"] = round(time.perf_counter() - t0, 3)
        _progress(run.pk, LOADED, str(_("Menghitung")))

        def on_stage(progress: int, label: str) -> None:
            nonlocal stage
            stage = label
            _progress(run.pk, progress, label)

        t0 = time.perf_counter()
        scores, per_rule = compute_scores(loaded, run.as_of, on_stage)
        rows = _result_rows(scores, _snapshot(loaded, run.as_of))
        timings["hitung"] = round(time.perf_counter() - t0, 3)
        timings["per_aturan"] = per_rule
        stage = str(_("Menyimpan hasil"))
        _progress(run.pk, COMPUTED, stage)

        t0 = time.perf_counter()
        with transaction.atomic(), acting_as(label=WORKER_LABEL):
            written = _write_results(run, rows)
            timings["simpan"] = round(time.perf_counter() - t0, 3)
            timings["total"] = round(time.perf_counter() - started, 3)
            run.counts = _counts(rows, written) | {
                "detik": timings, "karier_dari_riwayat": loaded.rebuilt, "karier_data_sekarang": loaded.kept_current,
            }  # fmt: skip
            run.status, run.progress, run.stage = IndexRun.Status.DONE, 100, str(_("Selesai"))
            run.finished_at = run.updated_at = timezone.now()
            run.save()
    except Exception as exc:
        logger.exception("Index run %s failed at stage %s", run_id, stage)
        message = _("Perhitungan gagal pada tahap «%(stage)s»: %(error)s") % {"stage": stage, "error": exc}
        with acting_as(label=WORKER_LABEL):
            run = IndexRun.objects.get(pk=run_id)
            run.status, run.error = IndexRun.Status.FAILED, message
            run.finished_at = run.updated_at = timezone.now()
            run.counts = {"detik": timings}
            run.save()
    return run


def _write_results(run: IndexRun, rows: pl.DataFrame) -> int:
    fields = ("pegawai_id", "unit_id", "opd_id", *RESULT_FIELDS, *SNAPSHOT_FIELDS)
    written = 0
    for start in range(0, rows.height, BATCH_SIZE):
        chunk = rows.slice(start, BATCH_SIZE).select(fields)
        objs = [IndexResult(instansi_id=run.instansi_id, run_id=run.pk, **row) for row in chunk.iter_rows(named=True)]
        IndexResult.objects.bulk_create(objs, batch_size=BATCH_SIZE)
        written += len(objs)
    return written


SNAPSHOT_FIELDS = (
    "pangkat", "tmt_pangkat", "jabatan", "tmt_jabatan", "latihan_jabatan", "pendidikan", "tahun_lulus",
    "masa_kerja_bulan", "usia",
)  # fmt: skip


def _counts(rows: pl.DataFrame, written: int) -> dict[str, int]:
    return {
        "pegawai": rows.height,
        "hasil": written,
        "ip_asn_diukur": int(rows["ip_total"].is_not_null().sum()),
        "predikat": int(rows["predikat"].ne("").sum()),
        "jpm": int(rows["jpm_percent"].is_not_null().sum()),
        "kotak_talenta": int(rows["box"].is_not_null().sum()),
        "kp_memenuhi_syarat": int(rows["kp_eligible"].fill_null(False).sum()),
    }
