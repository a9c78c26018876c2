"""Workforce projection: who leaves by reaching the BUP in each coming year, and the headcount
that remains against the ABK need (decision 0042).

Read from the latest finished index run in the viewer's scope (its stored BUP and TMT pensiun,
computed by `simerit.rules.retirement`): no rule is recomputed here, only counted. Assumptions,
stated on the page: retirement by BUP is the only exit, nobody is hired, the kind of position is
today's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear

from simerit.indeks import selectors as indeks
from simerit.indeks.models import IndexRun
from simerit.organisasi.choices import JenisJabatan
from simerit.organisasi.models import Jabatan, UnitOrganisasi

HORIZON_DEFAULT = 10
HORIZON_MAX = 20
NO_POSITION = "tanpa_jabatan"


@dataclass(frozen=True)
class Period:
    """One column of the projection: the TMT pensiun dates `start`..`end` (inclusive)."""

    label: str
    start: dt.date
    end: dt.date
    partial: bool  # the rest of the run's year only


@dataclass(frozen=True)
class OpdRow:
    opd_id: int
    nama: str
    headcount: int
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def share(self) -> float:
        """Share of today's headcount that retires within the horizon (0..1)."""
        return self.total / self.headcount if self.headcount else 0.0


@dataclass(frozen=True)
class Projection:
    run: IndexRun
    periods: list[Period]
    kinds: list[tuple[str, str]]  # (code, label) in display order
    by_kind: dict[str, list[int]]  # code -> retirements per period
    headcount: int  # in service on the run's date, in scope
    need: int  # ABK need of the positions in scope (0: no ABK data)
    by_opd: list[OpdRow]

    @property
    def retiring(self) -> list[int]:
        return [sum(col) for col in zip(*self.by_kind.values(), strict=True)] if self.by_kind else []

    @property
    def remaining(self) -> list[int]:
        """Headcount at the end of each period (today's minus everyone retired by then)."""
        out, left = [], self.headcount
        for n in self.retiring:
            left -= n
            out.append(left)
        return out

    @property
    def total_retiring(self) -> int:
        return sum(self.retiring)

    @property
    def shortage(self) -> list[int | None]:
        """ABK need minus the remaining headcount per period (positive: short of staff)."""
        return [self.need - r if self.need else None for r in self.remaining]


def periods_after(as_of: dt.date, years: int) -> list[Period]:
    """The rest of `as_of`'s year (when any is left) and the `years` calendar years after it."""
    out = []
    if (as_of.month, as_of.day) != (12, 31):
        out.append(Period(f"{as_of.year}*", as_of + dt.timedelta(days=1), dt.date(as_of.year, 12, 31), True))
    out += [Period(str(y), dt.date(y, 1, 1), dt.date(y, 12, 31), False)
            for y in range(as_of.year + 1, as_of.year + years + 1)]  # fmt: skip
    return out


def projection(*, user: Any, run: IndexRun, opd: UnitOrganisasi | None, years: int = HORIZON_DEFAULT) -> Projection:
    """Retirements per period by kind of position and per OPD, in the viewer's scope."""
    periods = periods_after(run.as_of, years)
    index = {p.start.year: i for i, p in enumerate(periods)}
    results = indeks.results_in_scope(user=user, run=run)
    positions = Jabatan.objects.restrict(user)
    if opd is not None:
        results = results.filter(opd_id=opd.pk)
        positions = positions.filter(unit__path__startswith=opd.path)
    headcount_by_opd = dict(results.values_list("opd_id").annotate(n=Count("id")).order_by())
    retiring = (
        results.filter(tmt_pensiun__gt=run.as_of, tmt_pensiun__lte=periods[-1].end)
        .annotate(year=ExtractYear("tmt_pensiun"))
        .values_list("year", "pegawai__jabatan__jenis", "opd_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    kinds = [(k.value, str(k.label).split(" (")[0]) for k in JenisJabatan] + [(NO_POSITION, "Tanpa jabatan")]
    by_kind = {code: [0] * len(periods) for code, _label in kinds}
    by_opd: dict[int, list[int]] = {o: [0] * len(periods) for o in headcount_by_opd}
    for year, kind, opd_id, n in retiring:
        i = index[year]
        by_kind[kind or NO_POSITION][i] += n
        by_opd.setdefault(opd_id, [0] * len(periods))[i] += n
    names = dict(UnitOrganisasi.objects.filter(pk__in=list(by_opd)).values_list("pk", "nama"))
    rows = [OpdRow(o, names.get(o, str(o)), headcount_by_opd.get(o, 0), counts) for o, counts in by_opd.items()]
    rows.sort(key=lambda r: (-r.share, -r.total, r.nama))
    kinds = [(code, label) for code, label in kinds if code != NO_POSITION or any(by_kind[NO_POSITION])]
    return Projection(
        run=run, periods=periods, kinds=kinds, by_kind={code: by_kind[code] for code, _l in kinds},
        headcount=sum(headcount_by_opd.values()), need=positions.aggregate(n=Sum("kebutuhan"))["n"] or 0,
        by_opd=rows,
    )  # fmt: skip


def chart_data(p: Projection) -> dict[str, Any]:
    """The chart's JSON: stacked retirements per kind, the remaining headcount and the ABK need."""
    return {
        "labels": [x.label for x in p.periods],
        "series": [{"name": label, "values": p.by_kind[code]} for code, label in p.kinds],
        "remaining": p.remaining,
        "need": p.need or None,
    }
