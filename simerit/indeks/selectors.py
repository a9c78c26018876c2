"""Reads of index runs and their results for the screens; every row goes through `restrict(user)`.

Results are scoped by the unit the employee was in when the run was computed (an operator sees
their subtree as it was then). The profile's score section is the exception: there the viewer
has already been allowed to see the employee, so that employee's own scores are shown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.tasks import runs_in_background
from simerit.indeks.frames import profile_for
from simerit.indeks.models import IndexResult, IndexRun
from simerit.organisasi.models import UnitOrganisasi
from simerit.organisasi.tree import grouping_unit, path_ids, per_subunit
from simerit.pegawai.models import Pegawai
from simerit.pegawai.selectors import years_before
from simerit.referensi.models import Kompetensi
from simerit.rules import competency, ipasn, pangkat, retirement, skp, talent
from simerit.rules._explain import Explained

# A queued run not picked up after this many seconds means no worker is running.
WORKER_WAIT_SECONDS = 10
# A running run with no news for this long has probably lost its worker.
STALLED_SECONDS = 300

KATEGORI_COLORS = {
    "Sangat Tinggi": "#146c43",
    "Tinggi": "#45b29d",
    "Sedang": "#f2b134",
    "Rendah": "#fd7e14",
    "Sangat Rendah": "#e0584f",
}
KATEGORI_ORDER = tuple(KATEGORI_COLORS)
# The 9-box as drawn: rows from kinerja di atas (top) to di bawah, columns potensial rendah → tinggi.
GRID_ROWS = (("di_atas", (4, 7, 9)), ("sesuai", (2, 5, 8)), ("di_bawah", (1, 3, 6)))
POTENSIAL_COLUMNS = ("rendah", "menengah", "tinggi")


def default_as_of(today: dt.date | None = None) -> dt.date:
    """31 December of last year: the usual measurement date of IP ASN."""
    today = today or timezone.localdate()
    return dt.date(today.year - 1, 12, 31)


def index_run_list(*, user: Any) -> QuerySet[IndexRun]:
    return IndexRun.objects.restrict(user).select_related("started_by").order_by("-created_at", "-id")


def index_run_get(*, user: Any, pk: int) -> IndexRun:
    return get_object_or_404(IndexRun.objects.restrict(user).select_related("started_by", "instansi"), pk=pk)


def latest_done_run(*, user: Any) -> IndexRun | None:
    """The latest finished run the user may see (the one dashboards and lists show)."""
    return (
        IndexRun.objects.restrict(user)
        .filter(status=IndexRun.Status.DONE)
        .order_by("-finished_at", "-id")
        .select_related("started_by")
        .first()
    )


def results_in_scope(*, user: Any, run: IndexRun) -> QuerySet[IndexResult]:
    return IndexResult.objects.restrict(user).filter(run=run)


@dataclass
class RunState:
    """What the progress area of a run shows."""

    run: IndexRun
    waiting_for_worker: bool = False
    stalled: bool = False
    waited: float = 0.0  # seconds in the queue
    silent: float = 0.0  # seconds since the last progress of a running run


def run_state(run: IndexRun, now: dt.datetime | None = None) -> RunState:
    now = now or timezone.now()
    waited = (now - run.created_at).total_seconds() if run.status == IndexRun.Status.QUEUED else 0.0
    last = run.updated_at or run.started_at
    silent = (now - last).total_seconds() if run.status == IndexRun.Status.RUNNING and last else 0.0
    return RunState(
        run=run,
        waiting_for_worker=runs_in_background() and waited > WORKER_WAIT_SECONDS,
        stalled=silent > STALLED_SECONDS,
        waited=waited,
        silent=silent,
    )


def ipasn_by_unit(*, user: Any, run: IndexRun) -> dict[str, list[Any]]:
    """Mean IP ASN over measured PNS per OPD (per direct sub-unit for an operator), highest first,
    with the count measured and the category of the mean (Peraturan BKN 8/2019)."""
    rows = (
        results_in_scope(user=user, run=run)
        .filter(ip_total__isnull=False)
        .values("unit__path")
        .annotate(n=Count("id"), s=Sum("ip_total"))
        .order_by()
    )
    sums: dict[int, float] = defaultdict(float)
    counts: dict[int, int] = defaultdict(int)
    for r in rows:
        key = grouping_unit(r["unit__path"], user)
        if key is None:
            continue
        sums[key] += r["s"]
        counts[key] += r["n"]
    names = dict(UnitOrganisasi.objects.restrict(user).filter(pk__in=counts).values_list("pk", "nama"))
    items = []
    for pk, n in counts.items():
        mean = round(sums[pk] / n, 2)
        kategori = ipasn.category(mean, run.as_of) or ""
        items.append((mean, names.get(pk, "?"), n, kategori))
    items.sort(key=lambda x: (-x[0], x[1]))
    return {
        "labels": [x[1] for x in items],
        "values": [x[0] for x in items],
        "counts": [x[2] for x in items],
        "kategori": [x[3] for x in items],
        "colors": [KATEGORI_COLORS.get(x[3], "#7a8b99") for x in items],
        "legend": [{"label": k, "color": c} for k, c in KATEGORI_COLORS.items()],
    }


@dataclass
class Cell:
    box: int
    n: int
    info: talent.BoxInfo
    succession: bool


@dataclass
class NineBox:
    rows: list[tuple[str, list[Cell]]]
    placed: int
    total: int
    max_n: int = 1


def nine_box_grid(*, user: Any, run: IndexRun) -> NineBox:
    qs = results_in_scope(user=user, run=run)
    counts = dict(qs.filter(box__isnull=False).values_list("box").annotate(n=Count("id")).order_by())
    total = qs.count()
    rows = [
        (
            talent.KINERJA_LABELS[kinerja],
            [Cell(b, counts.get(b, 0), talent.BOX_INFO[b], b in talent.SUCCESSION_BOXES) for b in boxes],
        )
        for kinerja, boxes in GRID_ROWS
    ]
    return NineBox(rows=rows, placed=sum(counts.values()), total=total, max_n=max([1, *counts.values()]))


def run_summary(*, user: Any, run: IndexRun) -> dict[str, Any]:
    """Totals of a finished run within the user's scope."""
    qs = results_in_scope(user=user, run=run)
    until = years_before(run.as_of, -1)  # the 12 months after the run's date
    agg = qs.aggregate(
        n=Count("id"),
        diukur=Count("id", filter=Q(ip_total__isnull=False)),
        ip_mean=Avg("ip_total"),
        jpm=Count("id", filter=Q(jpm_percent__isnull=False)),
        jpm_mean=Avg("jpm_percent"),
        boxed=Count("id", filter=Q(box__isnull=False)),
        suksesi=Count("id", filter=Q(box__in=sorted(talent.SUCCESSION_BOXES))),
        kp=Count("id", filter=Q(kp_eligible=True)),
        pensiun=Count("id", filter=Q(tmt_pensiun__gt=run.as_of, tmt_pensiun__lte=until)),
    )
    by_kategori = dict(qs.exclude(ip_kategori="").values_list("ip_kategori").annotate(n=Count("id")).order_by())
    agg["ip_mean"] = round(agg["ip_mean"], 2) if agg["ip_mean"] is not None else None
    agg["ip_kategori"] = ipasn.category(agg["ip_mean"], run.as_of) if agg["ip_mean"] is not None else None
    agg["jpm_mean"] = round(agg["jpm_mean"], 2) if agg["jpm_mean"] is not None else None
    agg["kategori"] = [{"label": k, "n": by_kategori.get(k, 0), "color": KATEGORI_COLORS[k]} for k in KATEGORI_ORDER]
    agg["pensiun_sampai"] = until
    return agg


def merit_dashboard(*, user: Any) -> dict[str, Any]:
    """The merit part of the dashboard: IP ASN by OPD and the 9-box from the latest run in scope."""
    run = latest_done_run(user=user)
    if run is None:
        return {"run": None}
    return {
        "run": run,
        "ipasn": ipasn_by_unit(user=user, run=run),
        "grid": nine_box_grid(user=user, run=run),
        "unit_title": _("IP ASN rata-rata per sub-unit") if per_subunit(user) else _("IP ASN rata-rata per OPD"),
    }


def box_members(*, user: Any, run: IndexRun, box: int) -> QuerySet[IndexResult]:
    return (
        results_in_scope(user=user, run=run)
        .filter(box=box)
        .select_related("pegawai", "unit")
        .order_by("-jpm_percent", "pegawai__nama", "id")
    )


def duk_opd_choices(*, user: Any) -> QuerySet[UnitOrganisasi]:
    """OPDs the DUK can be filtered on: every OPD for instansi-wide roles, the own OPD for an operator."""
    visible = UnitOrganisasi.objects.restrict(user)
    if per_subunit(user):
        opd_id = path_ids(user.unit_path)[0]
        return UnitOrganisasi.objects.filter(pk=opd_id, instansi_id=user.instansi_id)
    return visible.filter(parent__isnull=True).order_by("nama")


def duk_list(*, user: Any, run: IndexRun, opd_id: int | None) -> QuerySet[IndexResult]:
    """The DUK of the run (PNS only, as ranked): per OPD by the OPD rank, else by the instansi rank."""
    qs = results_in_scope(user=user, run=run).filter(duk_rank_instansi__isnull=False).select_related("pegawai", "unit")
    if opd_id is not None:
        return qs.filter(opd_id=opd_id).order_by("duk_rank_opd", "id")
    return qs.order_by("duk_rank_instansi", "id")


# --- The score section of the employee profile ------------------------------------------------------


@dataclass
class Skor:
    """One score with the explanation the scalar rule gives for it."""

    judul: str
    explained: Explained | None
    kind: str = ""


@dataclass
class GapKompetensi:
    kode: str
    nama: str
    standar: int | None
    level: int | None
    selisih: int | None


@dataclass
class SkorPegawai:
    result: IndexResult | None
    run: IndexRun | None
    skor: list[Skor] = field(default_factory=list)
    gaps: list[GapKompetensi] = field(default_factory=list)
    box_info: talent.BoxInfo | None = None
    suksesi: bool = False
    changed: bool = False
    not_active: bool = False


def skor_pegawai(*, user: Any, pegawai: Pegawai) -> SkorPegawai:
    """The latest finished run's scores of an employee the viewer may see, each explained by the
    scalar rule computed live from the same data loader (`profile_for`) at the run's date."""
    result = (
        IndexResult.objects.filter(pegawai=pegawai, run__status=IndexRun.Status.DONE)
        .select_related("run", "run__started_by")
        .order_by("-run__finished_at", "-run_id")
        .first()
    )
    if result is None:
        return SkorPegawai(result=None, run=None)
    run = result.run
    out = SkorPegawai(result=result, run=run)
    if result.box is not None:
        out.box_info = talent.BOX_INFO[result.box]
        out.suksesi = result.box in talent.SUCCESSION_BOXES
    profile = profile_for(pegawai, run.as_of)
    if profile is None:
        out.not_active = True
        return out
    as_of = run.as_of
    ip = ipasn.ip_asn(profile, as_of)
    pred = skp.latest_predikat(profile.performance, as_of)
    rated = skp.latest_rated_predikat(profile.performance, as_of)
    jpm = competency.jpm(profile.competency_standard or {}, profile.competency_actual or {}, as_of)
    rated_value = rated.value["value"] if isinstance(rated.value, dict) else None
    jpm_percent = jpm.value["percent"] if isinstance(jpm.value, dict) else None
    box = talent.nine_box(rated_value, jpm_percent)
    out.skor = [
        Skor(_("IP ASN"), ip),
        Skor(_("Predikat kinerja"), pred),
        Skor(_("Job Person Match"), jpm, kind="jpm"),
        Skor(_("Kotak talenta (9-box)"), Explained(box.value, rated.steps + box.steps, box.problems)),
        Skor(_("Batas usia pensiun"), retirement.retirement(profile, as_of)),
        Skor(_("Kenaikan pangkat reguler"), pangkat.kp_reguler(profile, as_of)),
    ]
    names = dict(Kompetensi.objects.values_list("kode", "nama"))
    standard, actual = profile.competency_standard or {}, profile.competency_actual or {}
    for kode in sorted(set(standard) | set(actual), key=lambda k: (k not in standard, names.get(k, k))):
        s, a = standard.get(kode), actual.get(kode)
        out.gaps.append(
            GapKompetensi(kode, names.get(kode, kode), s, a, a - s if a is not None and s is not None else None)
        )
    # The data may have been edited since the run: say so when the live values disagree.
    live_total = getattr(ip.value, "total", None)
    out.changed = live_total != result.ip_total or jpm_percent != result.jpm_percent
    return out
