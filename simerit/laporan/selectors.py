"""Reads for the reports. Every row comes through `restrict(user)` (via the index selectors) and
from the latest finished index run in the viewer's scope: no rule is recomputed here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Count, F, QuerySet
from django.http import Http404

from simerit.indeks import selectors as indeks
from simerit.indeks.models import IndexResult, IndexRun
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.pegawai.models import Pegawai
from simerit.pegawai.selectors import pegawai_get, years_before

ITER_CHUNK = 2000


def latest_run(*, user: Any) -> IndexRun | None:
    return indeks.latest_done_run(user=user)


def opd_choices(*, user: Any) -> QuerySet[UnitOrganisasi]:
    return indeks.duk_opd_choices(user=user)


def opd_get(*, user: Any, opd_id: int | None) -> UnitOrganisasi | None:
    """The chosen OPD if the viewer may filter on it (None: the whole scope)."""
    if opd_id is None:
        return None
    return opd_choices(user=user).filter(pk=opd_id).first()


def duk_rows(*, user: Any, run: IndexRun, opd: UnitOrganisasi | None) -> Iterator[IndexResult]:
    """The DUK in the run's order (OPD rank for one OPD, else instansi rank), rows in scope only."""
    qs = indeks.duk_list(user=user, run=run, opd_id=opd.pk if opd else None)
    return qs.only(*DUK_FIELDS).iterator(chunk_size=ITER_CHUNK)


DUK_FIELDS = (
    "id", "run_id", "unit_id", "pegawai_id", "duk_rank_instansi", "duk_rank_opd", "pangkat", "tmt_pangkat",
    "jabatan", "tmt_jabatan", "masa_kerja_bulan", "latihan_jabatan", "pendidikan", "tahun_lulus", "usia",
    "unit__nama", "pegawai__nip", "pegawai__nama", "pegawai__gelar_depan", "pegawai__gelar_belakang",
)  # fmt: skip


def default_pensiun_period(run: IndexRun) -> tuple[dt.date, dt.date]:
    """The twelve months after the run's date (as the run summary counts them)."""
    return run.as_of + dt.timedelta(days=1), years_before(run.as_of, -1)


def pensiun_rows(
    *, user: Any, run: IndexRun, opd: UnitOrganisasi | None, dari: dt.date, sampai: dt.date
) -> QuerySet[IndexResult]:
    """Who reaches TMT pensiun in [dari, sampai] (inclusive), by the run's BUP and TMT pensiun."""
    qs = (
        indeks.results_in_scope(user=user, run=run)
        .filter(tmt_pensiun__gte=dari, tmt_pensiun__lte=sampai)
        .select_related("pegawai", "unit")
    )
    if opd is not None:
        qs = qs.filter(opd_id=opd.pk)
    return qs.order_by("tmt_pensiun", "pegawai__nama", "id")


def ipasn_per_unit(*, user: Any, run: IndexRun) -> dict[str, list[Any]]:
    """Mean IP ASN per OPD (per direct sub-unit for an operator), as the dashboard shows it."""
    return indeks.ipasn_by_unit(user=user, run=run)


def run_totals(*, user: Any, run: IndexRun) -> dict[str, Any]:
    return indeks.run_summary(user=user, run=run)


def bezetting_rows(
    *, user: Any, run: IndexRun, opd: UnitOrganisasi | None, tahun: int
) -> tuple[list[tuple[Jabatan, int, int]], dt.date]:
    """Each position in scope (unit tree order, highest class first) with its active holders now
    and how many of them reach TMT pensiun within `tahun` years after the run's date (the run's
    TMT pensiun). Returns the rows and the end of that window."""
    jabatan = Jabatan.objects.restrict(user).select_related("unit")
    holders = Pegawai.objects.restrict(user).filter(aktif=True, jabatan__isnull=False)
    until = years_before(run.as_of, -tahun)
    retiring = indeks.results_in_scope(user=user, run=run).filter(
        pegawai__aktif=True, pegawai__jabatan__isnull=False, tmt_pensiun__gt=run.as_of, tmt_pensiun__lte=until
    )
    if opd is not None:
        jabatan = jabatan.filter(unit__path__startswith=opd.path)
        holders = holders.filter(jabatan__unit__path__startswith=opd.path)
        retiring = retiring.filter(pegawai__jabatan__unit__path__startswith=opd.path)
    filled = dict(holders.values_list("jabatan_id").annotate(n=Count("id")).order_by())
    pensiun = dict(retiring.values_list("pegawai__jabatan_id").annotate(n=Count("id")).order_by())
    jabatan = jabatan.order_by("unit__path", F("kelas_jabatan").desc(nulls_last=True), "nama", "id")
    return [(j, filled.get(j.pk, 0), pensiun.get(j.pk, 0)) for j in jabatan], until


def drh_pegawai(*, user: Any, nip: str | None) -> Pegawai | None:
    """The employee whose DRH is asked for, in the viewer's scope: by NIP, or the viewer's own
    record when no NIP is given. None when not found in scope."""
    nip = (nip or "").strip()
    if nip:
        pk = Pegawai.objects.restrict(user).filter(nip=nip).values_list("pk", flat=True).first()
    else:
        pk = getattr(user, "pegawai_id", None)
    if pk is None:
        return None
    try:
        return pegawai_get(user=user, pk=pk)
    except Http404:
        return None
