"""Every batch rule for a whole population at once, on every core: the national computation.

`all_rules` reads model-shaped tables (`simerit.tables`; Parquet scans, the synthetic generator's
frames or a database load), builds the rules' frames keyed by the integer primary key and
computes, one row per active employee in `pegawai` order: BUP and TMT pensiun, the latest
predikat (any record and ratings only), IP ASN, JPM and the 9-box, KP reguler and the DUK rank
across all rows. Each value is the batch rule's own (`simerit.rules.*`, which cite their legal
basis); this module only decides what runs where.

The rules are independent once the frames and the one pass over the performance records exist,
and most of their time is spent inside numpy and polars, which release the GIL: with `threads=2`
a second thread builds the competency levels while this one places the rest of the frames, then
takes the JPM, DUK, retirement, KP and 9-box while this one computes the performance summary, the
predikat and IP ASN. The result does not depend on `threads` (tests compare them). Pure polars
and numpy: no Django import (import-linter contract).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

import polars as pl

from simerit.rules import competency, duk, ipasn, pangkat, retirement, skp, talent
from simerit.tables import NO_LEVEL, CompetencyLevels, Frame, PendingCompetency, keyed_frames_and_levels

TALENT_COLUMNS = ("id", "jpm_percent", "jpm_pemetaan", "jpm_seleksi", "box", "kinerja", "potensial")


class _Now:
    """A finished `Future` look-alike: what `_later` gives without a pool."""

    def __init__(self, value: Any) -> None:
        self._value = value

    def result(self) -> Any:
        return self._value


def _later(pool: Executor | None, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any] | _Now:
    return pool.submit(fn, *args, **kwargs) if pool else _Now(fn(*args, **kwargs))


def _jpm(competency_data: PendingCompetency, ids: pl.Series, as_of: dt.date) -> pl.DataFrame:
    """The JPM of the employees `ids`, from the level matrices (or the rows, when the tables
    could not be held as matrices)."""
    data = competency_data.result()
    if isinstance(data, CompetencyLevels):
        return competency.jpm_level_batch(ids, data.rows, data.standard, data.actual, NO_LEVEL, as_of)
    return competency.jpm_batch(data, as_of, ids=ids)


def all_rules(tables: Mapping[str, Frame], as_of: dt.date, *, threads: int = 2) -> pl.DataFrame:
    """Every batch rule as of `as_of` for the active employees of `tables`: `id` (text, as
    `EMPLOYEE_SCHEMA`), then the columns of `retirement_batch`, `predikat_columns`,
    `ip_asn_batch`, `talent_batch` (`TALENT_COLUMNS`), `kp_reguler_batch` and `duk_rank_batch`
    side by side (a name already taken gets `_right`), in `pegawai` order.

    `threads`: 1 computes everything in this thread; 2 (the default, the machines' cores) also
    uses one worker thread. Same values either way.
    """
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    with ThreadPoolExecutor(threads - 1) if threads > 1 else nullcontext() as pool:
        # The competency as level matrices (the JPM straight from them), not as rows; built on
        # the worker, which computes the JPM from them next.
        frames, competency_data = keyed_frames_and_levels(tables, as_of, pool=pool)
        ids = frames.employees["id"]
        jpm = _later(pool, _jpm, competency_data, ids, as_of)
        del competency_data  # the levels (and what they were built from) go once the JPM is out
        # Only the performance summary reads the performance records (every rule takes the
        # summary): the other rules get frames without them, and this thread drops them once the
        # summary is out, so that their memory serves the rest instead of fresh pages.
        lean = replace(frames, performance=frames.performance.clear())
        # Queued first: the worker starts on them while this thread summarises the performance.
        dukr = _later(pool, duk.duk_rank_batch, lean, as_of, employee_order=True)
        bup = _later(pool, retirement.retirement_batch, frames.employees, as_of)
        summary = skp.performance_summary(frames.performance, as_of, ids=ids)
        kp = _later(pool, pangkat.kp_reguler_batch, lean, as_of, summary=summary)
        latest = skp.latest_predikats_batch(frames.performance, as_of, ids=ids, summary=summary)
        frames = lean
        # (The worker took the JPM before: waiting for it there cannot block.)
        boxes = _later(pool, lambda: talent.talent_batch(frames, as_of, latest=latest, jpm=jpm.result()))
        text_ids = _later(pool, ids.cast, pl.Utf8)  # the result's `id`, on the worker's last turn
        ip = ipasn.ip_asn_batch(frames, as_of, summary=summary)
        parts = [
            bup.result(),
            skp.predikat_columns(latest),
            ip,
            boxes.result().select(TALENT_COLUMNS),
            kp.result(),
            dukr.result(),
        ]
    # Every part has one row per employee in `frames.employees` order: side by side, no joins.
    result = frames.employees.select("id")
    for part in parts:
        if not part["id"].equals(ids):
            raise AssertionError("a batch rule did not return its rows in employee order")
        renamed = [c.alias(f"{c.name}_right" if c.name in result.columns else c.name) for c in part.drop("id")]
        result = result.hstack(renamed)
    return result.with_columns(text_ids.result())
