"""Reads of the selection screens, always scoped with `restrict`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from simerit.indeks.frames import profile_for
from simerit.organisasi.models import UnitOrganisasi
from simerit.organisasi.tree import path_ids
from simerit.pegawai.choices import JenisKelamin
from simerit.referensi.models import Kompetensi
from simerit.rules import eligibility, fairness, merit
from simerit.rules._explain import Explained
from simerit.seleksi.models import Candidate, Decision, LedgerEntry, MeritWeights, PlacementRound, Ranking, Vacancy


def vacancy_list(*, user: Any) -> QuerySet[Vacancy]:
    return (
        Vacancy.objects.restrict(user)
        .select_related("jabatan", "jabatan__unit", "placement_round")
        .prefetch_related("decision")
    )


def vacancy_get(*, user: Any, pk: int) -> Vacancy:
    return get_object_or_404(vacancy_list(user=user), pk=pk)


def latest_ranking(vacancy: Vacancy) -> Ranking | None:
    return vacancy.rankings.order_by("-computed_at", "-id").first()


def ranking_for_display(vacancy: Vacancy) -> Ranking | None:
    """The sealed ranking once decided, else the newest."""
    decision = Decision.objects.filter(vacancy=vacancy).select_related("ranking").first()
    return decision.ranking if decision else latest_ranking(vacancy)


# The legal basis (or decision) of each criterion, shown under the ranking table; the steps of
# `merit.merit_score` on the candidate page give it line by line.
CRITERION_BASIS = {
    "kualifikasi": merit.B_KUALIFIKASI,
    "kompetensi": f"JPM terhadap standar kompetensi jabatan lowongan (PermenPANRB 38/2017; {merit.DECISION_JPM})",
    "kinerja": merit.B_KINERJA,
    "rekam_jejak": f"{merit.B_JP}; penghargaan dan hukuman disiplin: {merit.DECISION}",
}


def standard_named(ranking: Ranking) -> list[tuple[str, int]]:
    """The ranking's competency standard with the dictionary's names, in dictionary order."""
    names = {k.kode: (k.urutan, k.nama) for k in Kompetensi.objects.filter(kode__in=list(ranking.standard))}
    items = [(names.get(code, (999, code)), level) for code, level in ranking.standard.items()]
    return [(name, level) for (_order, name), level in sorted(items)]


def candidates(*, user: Any, ranking: Ranking, eligible: bool) -> QuerySet[Candidate]:
    qs = Candidate.objects.restrict(user).filter(ranking=ranking, eligible=eligible).select_related("pegawai", "unit")
    return qs.order_by("rank") if eligible else qs.order_by("-merit", "pegawai__nama")


def eligible_ids_by_nip(*, user: Any, ranking: Ranking, nips: list[str]) -> dict[str, int]:
    """NIP -> employee id of the eligible candidates of `ranking` among `nips` that `user` may see."""
    rows = candidates(user=user, ranking=ranking, eligible=True).filter(pegawai__nip__in=nips)
    return dict(rows.values_list("pegawai__nip", "pegawai_id"))


def ineligible_reasons(ranking: Ranking) -> list[tuple[str, int]]:
    """How many were excluded for each reason (one person may have several), most frequent first."""
    counts: dict[str, int] = {}
    for reasons in Candidate.objects.filter(ranking=ranking, eligible=False).values_list("reasons", flat=True):
        for reason in reasons:
            key = reason.split(" (")[0]
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def candidate_get(*, user: Any, pk: int) -> Candidate:
    qs = Candidate.objects.restrict(user).select_related(
        "pegawai", "unit", "ranking", "ranking__vacancy", "ranking__vacancy__jabatan", "ranking__vacancy__jabatan__unit"
    )
    return get_object_or_404(qs, pk=pk)


@dataclass(frozen=True)
class CandidateExplanation:
    eligibility: Explained
    merit: Explained
    drift: bool  # today's records give another score than the sealed/stored one


def explain_candidate(candidate: Candidate) -> CandidateExplanation | None:
    """The scalar rules for one candidate on the ranking's date, step by step; None when the
    employee is no longer active (their frames cannot be rebuilt)."""
    ranking = candidate.ranking
    profile = profile_for(candidate.pegawai, ranking.as_of)
    if profile is None:
        return None
    awards = [dt.date(t, 1, 1) for t in candidate.pegawai.riwayatpenghargaan_set.values_list("tahun", flat=True)]
    w = ranking.weights or {}
    weights = (
        merit.MeritWeights(**{k: float(w[k]) for k in merit.CRITERIA})
        if all(k in w for k in merit.CRITERIA)
        else merit.DEFAULT_WEIGHTS
    )
    elig = eligibility.eligible(profile, ranking.level, ranking.as_of)
    score = merit.merit_score(profile, ranking.standard, ranking.as_of, weights, awards=awards)
    drift = abs(float(score.value["merit"]) - candidate.merit) > 0.005
    return CandidateExplanation(elig, score, drift)


def own_candidacies(*, user: Any) -> QuerySet[Candidate]:
    """For an employee: the latest ranking row of each vacancy they were considered for."""
    if not user.pegawai_id:
        return Candidate.objects.none()
    rows = Candidate.objects.filter(instansi_id=user.instansi_id, pegawai_id=user.pegawai_id).select_related(
        "ranking", "ranking__vacancy", "ranking__vacancy__jabatan", "ranking__vacancy__jabatan__unit"
    )
    latest: dict[int, int] = {}
    for pk, vacancy_id in rows.values_list("pk", "ranking__vacancy_id").order_by("ranking_id", "pk"):
        latest[vacancy_id] = pk
    return rows.filter(pk__in=latest.values()).order_by("-ranking__computed_at")


def weights_list(*, user: Any) -> QuerySet[MeritWeights]:
    return MeritWeights.objects.restrict(user).select_related("created_by")


def round_list(*, user: Any) -> QuerySet[PlacementRound]:
    return PlacementRound.objects.restrict(user).annotate(n_vacancies=Count("vacancies"))


def round_get(*, user: Any, pk: int) -> PlacementRound:
    return get_object_or_404(PlacementRound.objects.restrict(user), pk=pk)


def ledger_list(*, user: Any) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.restrict(user).select_related(
        "decision", "decision__vacancy", "decision__vacancy__jabatan"
    )


# --- fairness ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FairnessTable:
    dimension: str
    label: str
    rows: list[dict[str, Any]]


DIMENSIONS = {"jenis_kelamin": "Jenis kelamin", "usia": "Kelompok usia", "opd": "OPD"}


def fairness_periods(*, user: Any) -> dict[str, list[Any]]:
    decided = Decision.objects.restrict(user)
    years = sorted({d.year for d in decided.values_list("decided_at", flat=True)}, reverse=True)
    rounds = list(
        PlacementRound.objects.restrict(user)
        .filter(vacancies__decision__isnull=False)
        .distinct()
        .values_list("pk", "name")
    )
    return {"years": years, "rounds": rounds}


def fairness_tables(
    *, user: Any, year: int | None = None, round_id: int | None = None
) -> tuple[list[FairnessTable], int]:
    """Selection rates of the eligible candidates of every decision in the period, by sex, age
    band and OPD, with the four-fifths flag (`simerit.rules.fairness`). Returns the tables and
    the number of decisions they cover."""
    decisions = Decision.objects.restrict(user).select_related("ranking")
    if year is not None:
        decisions = decisions.filter(decided_at__year=year)
    if round_id is not None:
        decisions = decisions.filter(vacancy__placement_round_id=round_id)
    decisions = list(decisions.prefetch_related("selected"))
    if not decisions:
        return [], 0
    opd_names = dict(
        UnitOrganisasi.objects.filter(level=0, instansi_id=decisions[0].instansi_id).values_list("pk", "nama")
    )
    # One query for the eligible candidates of every decision in the period.
    by_ranking = {d.ranking_id: ({p.pk for p in d.selected.all()}, d.ranking.as_of) for d in decisions}
    rows = Candidate.objects.filter(ranking_id__in=list(by_ranking), eligible=True).values_list(
        "ranking_id", "pegawai_id", "merit", "pegawai__jenis_kelamin", "pegawai__tanggal_lahir", "unit__path"
    )
    sexes = dict(JenisKelamin.choices)
    records: list[dict[str, Any]] = []
    for ranking_id, pegawai_id, score, sex, born, path in rows:
        chosen, as_of = by_ranking[ranking_id]
        records.append({
            "selected": pegawai_id in chosen, "merit": score,
            "jenis_kelamin": str(sexes.get(sex, sex or "?")),
            "usia": fairness.age_band(born, as_of),
            "opd": opd_names.get(path_ids(path)[0], "?"),
        })  # fmt: skip
    frame = pl.DataFrame(records, schema={"selected": pl.Boolean, "merit": pl.Float64, "jenis_kelamin": pl.Utf8,
                                          "usia": pl.Utf8, "opd": pl.Utf8})  # fmt: skip
    tables = []
    for dim, label in DIMENSIONS.items():
        rates = fairness.selection_rates(frame.select(pl.col(dim).alias("group"), "selected", "merit"))
        rows = rates.sort("rate", "group", descending=[True, False]).to_dicts()
        for r in rows:
            r["rate_pct"] = 100 * r["rate"] if r["rate"] is not None else None
            r["top_pct"] = 100 * r["top_merit_share"] if r["top_merit_share"] is not None else None
            r["sel_pct"] = 100 * r["selected_share"] if r["selected_share"] is not None else None
        tables.append(FairnessTable(dim, label, rows))
    return tables, len(decisions)
