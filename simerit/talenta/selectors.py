"""Reads of the talent screens: talent pool per target level, critical positions with their
successors and risk colour, calibration sessions, and the career compass of one employee.

Every list starts from `restrict(user)`. The rules run on the frames of the latest finished run's
date (`indeks.frames.load_frames`), so the pool, the succession list and the compass use the same
facts as the index run. Boxes are *effective* boxes: the computed box of the run unless a closed
calibration session of that run moved the employee (decision 0072).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import polars as pl
from django.core.cache import cache
from django.db.models import Max, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from simerit.core.models import Role
from simerit.indeks.frames import LoadedFrames, load_frames, profile_for
from simerit.indeks.models import IndexResult, IndexRun
from simerit.indeks.selectors import GRID_ROWS, latest_done_run, results_in_scope
from simerit.organisasi.choices import JenjangJabatan
from simerit.organisasi.models import Jabatan, StandarKompetensi, UnitOrganisasi
from simerit.organisasi.tree import path_ids
from simerit.pegawai.models import Pegawai, RiwayatAsesmen
from simerit.referensi.models import Kompetensi
from simerit.rules import compass, eligibility, succession, talent
from simerit.rules import competency as competency_rule
from simerit.rules._explain import Explained
from simerit.rules.profile import EmployeeFrames
from simerit.talenta.models import CalibrationMove, CalibrationSession

# Target levels of the talent pool, in the order shown (issue 5: JPT Pratama, Administrator,
# Pengawas, each JF jenjang).
POOL_LEVELS: tuple[str, ...] = tuple(eligibility.TARGET_LEVELS)
FRAMES_CACHE_SECONDS = 120


def level_label(level: str) -> str:
    try:
        return str(JenjangJabatan(level).label)
    except ValueError:
        return level.replace("_", " ").title()


# --- Shared: frames and effective boxes ---------------------------------------------------------------------


def run_frames(run: IndexRun) -> LoadedFrames:
    """The rules' frames of the run's instansi at the run's date (cached briefly: one page asks
    several rules over the same frames)."""
    key = f"talenta:frames:{run.instansi_id}:{run.pk}:{run.as_of.isoformat()}"
    loaded = cache.get(key)
    if loaded is None:
        loaded = load_frames(instansi_id=run.instansi_id, as_of=run.as_of)
        cache.set(key, loaded, FRAMES_CACHE_SECONDS)
    return loaded


def subset(frames: EmployeeFrames, ids: Iterable[str]) -> EmployeeFrames:
    """The frames of some employees only (history frames stay whole: the rules join on id)."""
    return replace(frames, employees=frames.employees.filter(pl.col("id").is_in(list(ids))))


def calibrated_boxes(run: IndexRun) -> dict[int, int]:
    """pegawai_id -> box of the latest closed calibration session's move in this run (decision 0072)."""
    moves = (
        CalibrationMove.objects.filter(session__run=run, session__status=CalibrationSession.Status.CLOSED)
        .order_by("session__closed_at", "session_id")
        .values_list("pegawai_id", "box_after")
    )
    return dict(moves)


def effective_boxes(results: QuerySet[IndexResult], run: IndexRun) -> dict[int, tuple[int, bool]]:
    """pegawai_id -> (effective box, calibrated?) for the results given (only those placed)."""
    overrides = calibrated_boxes(run)
    out: dict[int, tuple[int, bool]] = {}
    for pegawai_id, box in results.values_list("pegawai_id", "box"):
        if pegawai_id in overrides:
            out[pegawai_id] = (overrides[pegawai_id], overrides[pegawai_id] != box)
        elif box is not None:
            out[pegawai_id] = (box, False)
    return out


# --- Talent pool ------------------------------------------------------------------------------------------


@dataclass
class PoolRow:
    result: IndexResult
    box: int
    calibrated: bool
    reasons: list[str]


@dataclass
class TalentPool:
    run: IndexRun | None
    level: str
    label: str
    eligible: list[PoolRow] = field(default_factory=list)
    excluded: list[PoolRow] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


def _succession_group(user: Any, run: IndexRun) -> dict[int, tuple[int, bool]]:
    boxes = effective_boxes(results_in_scope(user=user, run=run), run)
    return {pk: v for pk, v in boxes.items() if v[0] in talent.SUCCESSION_BOXES}


def talent_pool(*, user: Any, level: str) -> TalentPool:
    """People of the succession group (effective box 7-9) in the user's scope who meet the
    level's conditions (`eligibility.eligible_batch`), those who do not with the reasons, and the
    counts for every target level (PermenPANRB 3/2020 jo. 20/2025; decisions 0060, 0072)."""
    started = time.perf_counter()
    pool = TalentPool(run=latest_done_run(user=user), level=level, label=level_label(level))
    run = pool.run
    if run is None:
        return pool
    group = _succession_group(user, run)
    loaded = run_frames(run)
    sub = subset(loaded.frames, (str(pk) for pk in group))
    per_level: dict[str, pl.DataFrame] = {}
    for lvl in POOL_LEVELS:
        per_level[lvl] = eligibility.eligible_batch(sub, lvl, run.as_of)
        ok = int(per_level[lvl]["eligible"].sum())
        pool.counts.append(
            {"level": lvl, "label": level_label(lvl), "eligible": ok, "excluded": sub.employees.height - ok}
        )
    if level in per_level:
        results = {
            r.pegawai_id: r
            for r in IndexResult.objects.filter(run=run, pegawai_id__in=list(group)).select_related("pegawai", "unit")
        }
        for row in per_level[level].iter_rows(named=True):
            pk = int(row["id"])
            result = results.get(pk)
            if result is None:
                continue
            box, calibrated = group[pk]
            item = PoolRow(result, box, calibrated, list(row["reasons"]))
            (pool.eligible if row["eligible"] else pool.excluded).append(item)
        key = lambda x: (-x.box, -(x.result.jpm_percent or 0), x.result.pegawai.nama)  # noqa: E731
        pool.eligible.sort(key=key)
        pool.excluded.sort(key=key)
    pool.seconds = time.perf_counter() - started
    return pool


# --- Critical positions --------------------------------------------------------------------------------------


@dataclass
class Successor:
    pegawai_id: int
    nama: str
    unit: str
    box: int
    jpm: float | None
    ready: bool
    reasons: list[str]
    visible: bool


@dataclass
class CriticalPosition:
    jabatan: Jabatan
    opd_id: int
    holders: list[tuple[Pegawai, dt.date | None]]
    risk: Explained
    successors: list[Successor]  # the best few ready ones and near misses (see SHOWN_SUCCESSORS)
    n_ready: int = 0

    @property
    def color(self) -> str:
        return self.risk.value["color"]  # type: ignore[index]

    @property
    def ready(self) -> list[Successor]:
        return [s for s in self.successors if s.ready]


@dataclass
class CriticalOverview:
    run: IndexRun | None
    positions: list[CriticalPosition] = field(default_factory=list)
    risk_map: dict[str, Any] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


SHOWN_SUCCESSORS = 5  # per position: ready ones shown, and near misses shown
NEAR_MISS_JPM = 68.0  # lower bound of "Masih Memenuhi Syarat" on the selection scale
RISK_HEX = {"merah": "#e0584f", "kuning": "#f2b134", "hijau": "#45b29d"}


def _standards(jabatan_ids: list[int]) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for jid, kode, level in StandarKompetensi.objects.filter(jabatan_id__in=jabatan_ids).values_list(
        "jabatan_id", "kompetensi__kode", "level"
    ):
        out[jid][kode] = level
    return out


def jpm_for_positions(competency: pl.DataFrame, standards: dict[int, dict[str, int]]) -> pl.DataFrame:
    """JPM of every person of `competency` (rows `id, kompetensi, actual`) against the standard of
    every position in `standards`, in one pass of `rules.competency.jpm_batch` (decision 0025): the
    same rule as `merit.jpm_against_batch`, per (position, person). Columns `jabatan_id, id,
    jpm_percent`; positions without a standard are left out."""
    std = pl.DataFrame(
        [
            {"jabatan_id": jid, "kompetensi": k, "standard": v}
            for jid, levels in standards.items()
            for k, v in levels.items()
        ],
        schema={"jabatan_id": pl.Int64, "kompetensi": pl.Utf8, "standard": pl.Int8},
    )
    actual = (
        competency.filter(pl.col("actual").is_not_null())
        .group_by("id", "kompetensi")
        .agg(pl.col("actual").max().cast(pl.Int8))
    )
    people = actual.select("id").unique()
    pairs = std.select("jabatan_id").unique().join(people, how="cross")
    inside = pairs.join(std, on="jabatan_id").join(actual, on=["id", "kompetensi"], how="left")
    outside = (
        pairs.join(actual, on="id")
        .join(std, on=["jabatan_id", "kompetensi"], how="anti")
        .with_columns(pl.lit(None, dtype=pl.Int8).alias("standard"))
    )
    rows = pl.concat([inside.select(sorted(inside.columns)), outside.select(sorted(inside.columns))])
    key = pl.concat_str([pl.col("jabatan_id").cast(pl.Utf8), pl.col("id")], separator="|").alias("id")
    result = competency_rule.jpm_batch(rows.select(key, "kompetensi", "standard", "actual"))
    parts = pl.col("id").str.split_exact("|", 1)
    return result.select(
        parts.struct.field("field_0").cast(pl.Int64).alias("jabatan_id"),
        parts.struct.field("field_1").alias("id"),
        "jpm_percent",
    )


def critical_positions(*, user: Any, only: int | None = None) -> CriticalOverview:
    """Critical positions in the user's scope: holders with TMT pensiun, ready successors (from
    the whole instansi's succession group: names outside an operator's subtree are hidden) and the
    risk colour (decision 0070)."""
    started = time.perf_counter()
    overview = CriticalOverview(run=latest_done_run(user=user))
    run = overview.run
    positions_qs = (
        Jabatan.objects.restrict(user).filter(kritis=True).select_related("unit").order_by("unit__path", "nama")
    )
    if only is not None:
        positions_qs = positions_qs.filter(pk=only)
    positions = list(positions_qs)
    if run is None or not positions:
        overview.seconds = time.perf_counter() - started
        return overview
    as_of = run.as_of
    holders = defaultdict(list)
    holder_ids = set()
    for p in Pegawai.objects.filter(jabatan__in=positions, aktif=True).order_by("nama"):
        holders[p.jabatan_id].append(p)
        holder_ids.add(p.pk)
    tmt = dict(IndexResult.objects.filter(run=run, pegawai_id__in=holder_ids).values_list("pegawai_id", "tmt_pensiun"))
    all_results = IndexResult.objects.filter(run=run)
    group = {pk: v for pk, v in effective_boxes(all_results, run).items() if v[0] in talent.SUCCESSION_BOXES}
    visible_ids = set(
        results_in_scope(user=user, run=run).filter(pegawai_id__in=list(group)).values_list("pegawai_id", flat=True)
    )
    info = {
        r["pegawai_id"]: r
        for r in all_results.filter(pegawai_id__in=list(group)).values("pegawai_id", "pegawai__nama", "unit__nama")
    }
    loaded = run_frames(run)
    sub = subset(loaded.frames, (str(pk) for pk in group))
    eligible_by_level: dict[str, pl.DataFrame] = {}
    for level in {j.jenjang for j in positions}:
        if level in eligibility.TARGET_LEVELS:
            eligible_by_level[level] = eligibility.eligible_batch(sub, level, as_of).select("id", "eligible")
        else:  # no eligibility rule for this level: the condition does not apply
            eligible_by_level[level] = sub.employees.select("id", pl.lit(True).alias("eligible"))
    standards = _standards([j.pk for j in positions])
    group_frame = pl.DataFrame(
        {"id": [str(k) for k in group], "box": [v[0] for v in group.values()]}, schema={"id": pl.Utf8, "box": pl.Int8}
    )
    # Every (critical position, member of the succession group) pair in one frame, holders left out.
    pos_frame = pl.DataFrame(
        {"jabatan_id": [j.pk for j in positions], "jenjang": [j.jenjang for j in positions],
         "has_standard": [bool(standards.get(j.pk)) for j in positions]},
        schema={"jabatan_id": pl.Int64, "jenjang": pl.Utf8, "has_standard": pl.Boolean},
    )  # fmt: skip
    held = pl.DataFrame(
        [{"jabatan_id": jid, "id": str(p.pk)} for jid, ps in holders.items() for p in ps],
        schema={"jabatan_id": pl.Int64, "id": pl.Utf8},
    )
    eligible_frame = pl.concat(
        [f.with_columns(pl.lit(level).alias("jenjang")) for level, f in eligible_by_level.items()], how="vertical"
    )
    competency = sub.competency.filter(pl.col("id").is_in(group_frame["id"].to_list()))
    pairs = (
        pos_frame.join(group_frame, how="cross")
        .join(held, on=["jabatan_id", "id"], how="anti")
        .join(eligible_frame.cast({"eligible": pl.Boolean}), on=["jenjang", "id"], how="left")
        .join(jpm_for_positions(competency, standards), on=["jabatan_id", "id"], how="left")
    )
    ready = succession.readiness_batch(pairs, as_of=as_of)
    pairs = pairs.hstack(ready.drop("id"))  # a row-wise select: same row order
    # Per position: the number ready, and for display the best few ready ones and near misses (eligible,
    # JPM at least "Masih Memenuhi Syarat"), the viewer's own scope first.
    n_ready = dict(pairs.group_by("jabatan_id").agg(pl.col("ready").sum()).iter_rows())
    near = (
        ~pl.col("ready") & pl.col("eligible").fill_null(False) & (pl.col("jpm_percent").fill_null(0) >= NEAR_MISS_JPM)
    )
    shown = (
        pairs.filter(pl.col("ready") | near)
        .with_columns(pl.col("id").is_in([str(pk) for pk in visible_ids]).alias("visible"))
        .sort(
            ["jabatan_id", "ready", "visible", "jpm_percent", "box", "id"],
            descending=[False, True, True, True, True, False],
        )
        .group_by("jabatan_id", "ready", maintain_order=True)
        .head(SHOWN_SUCCESSORS)
    )
    by_position: dict[int, list[Successor]] = defaultdict(list)
    for r in shown.iter_rows(named=True):
        pk = int(r["id"])
        meta = info.get(pk, {})
        by_position[r["jabatan_id"]].append(
            Successor(
                pk,
                meta.get("pegawai__nama", "?"),
                meta.get("unit__nama", ""),
                r["box"],
                r["jpm_percent"],
                r["ready"],
                list(r["reasons"]),
                r["visible"],
            )  # fmt: skip
        )
    rows = []
    for j in positions:
        hs = [(p, tmt.get(p.pk)) for p in holders[j.pk]]
        ready = int(n_ready.get(j.pk, 0) or 0)
        explained = succession.risk([t for _, t in hs], ready, as_of=as_of)
        rows.append(CriticalPosition(j, path_ids(j.unit.path)[0], hs, explained, by_position.get(j.pk, []), ready))
    overview.positions = rows
    overview.totals = dict(Counter(r.color for r in rows))
    overview.risk_map = _risk_map(rows)
    overview.seconds = time.perf_counter() - started
    return overview


def _risk_map(rows: list[CriticalPosition]) -> dict[str, Any]:
    """Per OPD the number of critical positions of each colour (stacked bars), worst first."""
    per: dict[int, Counter[str]] = defaultdict(Counter)
    for r in rows:
        per[r.opd_id][r.color] += 1
    names = dict(UnitOrganisasi.objects.filter(pk__in=per).values_list("pk", "nama"))
    order = sorted(per, key=lambda k: (-per[k]["merah"], -per[k]["kuning"], names.get(k, "")))
    return {
        "labels": [names.get(k, "?") for k in order],
        "series": [
            {"name": _(succession.RISK_LABELS[c]), "color": RISK_HEX[c], "data": [per[k][c] for k in order]}
            for c in succession.RISK_COLORS
        ],
    }


def critical_choices(*, user: Any) -> QuerySet[Jabatan]:
    """Positions the talent committee may mark as critical (not yet marked): structural ones first."""
    return (
        Jabatan.objects.restrict(user)
        .filter(kritis=False)
        .select_related("unit")
        .order_by("-jenis", "unit__path", "nama")
    )


def jabatan_get_for_change(*, user: Any, pk: int) -> Jabatan:
    return get_object_or_404(Jabatan.objects.restrict(user), pk=pk)


# --- Calibration -------------------------------------------------------------------------------------------


def session_list(*, user: Any) -> QuerySet[CalibrationSession]:
    return CalibrationSession.objects.restrict(user).select_related("opd", "run", "opened_by", "closed_by")


def session_get(*, user: Any, pk: int) -> CalibrationSession:
    return get_object_or_404(session_list(user=user), pk=pk)


def opd_choices(*, user: Any) -> QuerySet[UnitOrganisasi]:
    return UnitOrganisasi.objects.restrict(user).filter(parent__isnull=True).order_by("nama")


@dataclass
class CalibrationView:
    session: CalibrationSession
    grid: list[tuple[str, list[dict[str, Any]]]]
    moves: list[CalibrationMove]
    before: list[int]
    after: list[int]
    people: list[dict[str, Any]]
    by_opd: dict[str, Any]


def _opd_results(session: CalibrationSession) -> QuerySet[IndexResult]:
    return IndexResult.objects.filter(run=session.run, opd_id=session.opd_id)


def calibration_view(*, user: Any, session: CalibrationSession) -> CalibrationView:
    """The OPD's 9-box before (computed) and after (with this session's moves), the moves, and the
    box distribution by OPD before and after (whole instansi, effective boxes of closed sessions)."""
    moves = list(session.moves.select_related("pegawai", "moved_by").order_by("-moved_at", "-id"))
    moved = {m.pegawai_id: m.box_after for m in moves}
    people = []
    before, after = [0] * 9, [0] * 9
    for r in _opd_results(session).select_related("pegawai", "unit").order_by("pegawai__nama"):
        now = moved.get(r.pegawai_id, r.box)
        if r.box:
            before[r.box - 1] += 1
        if now:
            after[now - 1] += 1
        if r.box or now:
            people.append({"result": r, "before": r.box, "after": now, "moved": r.pegawai_id in moved})
    cells: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in people:
        cells[p["after"]].append(p)
    grid = [
        (
            talent.KINERJA_LABELS[k],
            [
                {"box": b, "info": talent.BOX_INFO[b], "people": cells.get(b, []), "n": len(cells.get(b, []))}
                for b in boxes
            ],
        )
        for k, boxes in GRID_ROWS
    ]
    return CalibrationView(session, grid, moves, before, after, people, _by_opd(session, moved))


def _by_opd(session: CalibrationSession, moved: dict[int, int]) -> dict[str, Any]:
    """Share of the succession group (boxes 7-9) and of boxes 1-3 per OPD, before and after."""
    run = session.run
    overrides = calibrated_boxes(run)
    before: dict[int, Counter[int]] = defaultdict(Counter)
    after: dict[int, Counter[int]] = defaultdict(Counter)
    for pegawai_id, opd_id, box in IndexResult.objects.filter(run=run, box__isnull=False).values_list(
        "pegawai_id", "opd_id", "box"
    ):
        before[opd_id][box] += 1
        now = (
            moved.get(pegawai_id, overrides.get(pegawai_id, box))
            if opd_id == session.opd_id
            else overrides.get(pegawai_id, box)
        )
        after[opd_id][now] += 1
    names = dict(UnitOrganisasi.objects.filter(pk__in=before).values_list("pk", "nama"))
    order = sorted(before, key=lambda k: names.get(k, ""))

    def share(c: Counter[int], boxes: Iterable[int]) -> float:
        n = sum(c.values())
        return round(100 * sum(c[b] for b in boxes) / n, 1) if n else 0.0

    return {
        "labels": [names.get(k, "?") for k in order],
        "highlight": names.get(session.opd_id, ""),
        "series": [
            {"name": _("Kotak 7–9 sebelum (%)"), "stack": "", "color": "#9fd3c7", "data": [share(before[k], (7, 8, 9)) for k in order]},
            {"name": _("Kotak 7–9 sesudah (%)"), "stack": "", "color": "#146c43", "data": [share(after[k], (7, 8, 9)) for k in order]},
            {"name": _("Kotak 1–3 sebelum (%)"), "stack": "", "color": "#f5c2c0", "data": [share(before[k], (1, 2, 3)) for k in order]},
            {"name": _("Kotak 1–3 sesudah (%)"), "stack": "", "color": "#b02a37", "data": [share(after[k], (1, 2, 3)) for k in order]},
        ],
    }  # fmt: skip


def movable_people(*, session: CalibrationSession) -> QuerySet[IndexResult]:
    """Results of the session's OPD that can be moved (placed on the 9-box in the run)."""
    return _opd_results(session).filter(box__isnull=False).select_related("pegawai").order_by("pegawai__nama")


# --- Career compass --------------------------------------------------------------------------------------


@dataclass
class Kompas:
    run: IndexRun | None
    explained: Explained | None = None
    names: dict[str, str] = field(default_factory=dict)
    assessment_date: dt.date | None = None
    not_active: bool = False


def career_compass(*, user: Any, pegawai: Pegawai) -> Kompas:
    """The career compass of an employee the viewer may see (the view has checked that), computed
    by `rules.compass` at the date of the latest finished run in which the employee was computed."""
    result = (
        IndexResult.objects.filter(pegawai=pegawai, run__status=IndexRun.Status.DONE)
        .select_related("run")
        .order_by("-run__finished_at", "-run_id")
        .first()
    )
    if result is None:
        return Kompas(run=None)
    run = result.run
    profile = profile_for(pegawai, run.as_of)
    if profile is None:
        return Kompas(run=run, not_active=True)
    assessed = (
        RiwayatAsesmen.objects.filter(pegawai=pegawai, tanggal__lte=run.as_of)
        .order_by("-tanggal")
        .values_list("tanggal", flat=True)
        .first()
    )
    explained = compass.compass(profile, run.as_of, assessment_date=assessed)
    names = dict(Kompetensi.objects.values_list("kode", "nama"))
    return Kompas(run=run, explained=explained, names=names, assessment_date=assessed)


def viewer_is_self(user: Any, pegawai: Pegawai) -> bool:
    return getattr(user, "role", None) == Role.PEGAWAI and user.pegawai_id == pegawai.pk


# --- Closest to the next level (batch compass) -----------------------------------------------------------


@dataclass
class Closest:
    run: IndexRun | None
    level: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    chart: dict[str, Any] = field(default_factory=dict)
    levels: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


UNMET_BUCKETS = ((0, "0 syarat belum"), (1, "1 syarat belum"), (2, "2 syarat belum"), (3, "3 atau lebih"))


def _compass_frame(run: IndexRun) -> pl.DataFrame:
    key = f"talenta:kompas:{run.instansi_id}:{run.pk}:{run.as_of.isoformat()}"
    frame = cache.get(key)
    if frame is None:
        loaded = run_frames(run)
        dates = pl.DataFrame(
            [
                {"id": str(pk), "assessment_date": d}
                for pk, d in RiwayatAsesmen.objects.filter(pegawai__instansi_id=run.instansi_id, tanggal__lte=run.as_of)
                .values("pegawai_id")
                .annotate(d=Max("tanggal"))
                .values_list("pegawai_id", "d")
            ],
            schema={"id": pl.Utf8, "assessment_date": pl.Date},
        )
        frame = compass.compass_batch(loaded.frames, run.as_of, assessment_dates=dates)
        cache.set(key, frame, FRAMES_CACHE_SECONDS)
    return frame


def closest_to_next_level(*, user: Any, level: str | None) -> Closest:
    """Per next level of the career ladder, how many employees in scope lack 0, 1, 2, 3+ of its
    conditions (`compass.compass_batch`, decision 0071), and the closest ones for `level`."""
    started = time.perf_counter()
    out = Closest(run=latest_done_run(user=user))
    run = out.run
    if run is None:
        return out
    in_scope = [str(pk) for pk in results_in_scope(user=user, run=run).values_list("pegawai_id", flat=True)]
    frame = _compass_frame(run).filter(pl.col("id").is_in(in_scope) & pl.col("next_level").is_not_null())
    counts = frame.group_by("next_level", pl.col("unmet").clip(0, 3).alias("bucket")).len()
    levels = [lvl for lvl in POOL_LEVELS if lvl in set(frame["next_level"].to_list())]
    out.levels = [(lvl, level_label(lvl)) for lvl in levels]
    lookup = {(r["next_level"], r["bucket"]): r["len"] for r in counts.iter_rows(named=True)}
    colors = ("#146c43", "#45b29d", "#f2b134", "#c7d3dd")
    out.chart = {
        "labels": [level_label(lvl) for lvl in levels],
        "levels": levels,
        "series": [
            {"name": _(label), "color": colors[b], "data": [lookup.get((lvl, b), 0) for lvl in levels]}
            for b, label in UNMET_BUCKETS
        ],
    }
    out.level = level if level in levels else (levels[0] if levels else None)
    if out.level:
        picked = frame.filter((pl.col("next_level") == out.level) & (pl.col("unmet") <= 1)).sort("unmet", "id")
        results = {
            str(r.pegawai_id): r
            for r in IndexResult.objects.filter(run=run, pegawai_id__in=[int(i) for i in picked["id"]]).select_related(
                "pegawai", "unit"
            )
        }
        for row in picked.iter_rows(named=True):
            out.rows.append({**row, "result": results[row["id"]]})
        out.rows.sort(key=lambda r: (r["unmet"], -(r["box"] or 0), r["result"].pegawai.nama))
    out.seconds = time.perf_counter() - started
    return out
