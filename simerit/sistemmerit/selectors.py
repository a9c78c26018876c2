"""Reads of the self-assessment screens (always through `restrict`) and the data-based
suggestions (anchor idea 10, decision 0090): for each indicator the system can evidence, a share
in percent, the suggested level and a link to the screen that shows the numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse

from simerit.indeks.models import IndexResult, IndexRun
from simerit.organisasi.models import Jabatan
from simerit.pegawai.models import Pegawai, RiwayatAsesmen, RiwayatKinerja
from simerit.rules import merit_system
from simerit.seleksi.models import Decision
from simerit.sistemmerit.models import SelfAssessment

ASSESSMENT_YEARS = 3  # competency assessments in the last 3 years count (decision 0090)


@dataclass(frozen=True)
class Suggestion:
    level: int | None
    text: str  # the numbers, in Bahasa Indonesia
    url: str = ""
    percent: float | None = None


def assessment_list(*, user: Any) -> Any:
    return SelfAssessment.objects.restrict(user).select_related("created_by", "finalised_by").order_by("-tahun")


def assessment_get(*, user: Any, pk: int) -> SelfAssessment:
    return get_object_or_404(assessment_list(user=user), pk=pk)


def answers_of(assessment: SelfAssessment) -> dict[str, Any]:
    return {a.indicator: a for a in assessment.answers.all()}


def levels_of(assessment: SelfAssessment) -> dict[str, int | None]:
    return {a.indicator: a.level for a in assessment.answers.all()}


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _num(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _share(key: str, part: int, whole: int, what: str, url: str, thresholds: Any) -> Suggestion:
    percent = _pct(part, whole)
    if percent is None:
        return Suggestion(None, f"Belum ada data: {what} tidak ditemukan.", url)
    return Suggestion(
        merit_system.level_from_share(percent, thresholds), f"{part} dari {whole} {what} ({_num(percent)}%)", url, percent
    )


def suggestions(*, instansi_id: int, tahun: int, instrument: merit_system.Instrument) -> dict[str, Suggestion]:
    """The suggested level of every evidenced indicator of `instrument` for `instansi_id` and
    `tahun`, keyed by indicator code (indicators the system cannot evidence are absent)."""
    as_of = dt.date(tahun, 12, 31)
    t = instrument.thresholds
    by_key: dict[str, Suggestion] = {}
    jabatan = Jabatan.objects.filter(instansi_id=instansi_id)
    n_jabatan = jabatan.count()
    jab_url = reverse("admin:organisasi_jabatan_changelist")
    by_key["standar_kompetensi"] = _share(
        "standar_kompetensi", jabatan.filter(standar__isnull=False).distinct().count(), n_jabatan,
        "jabatan memiliki standar kompetensi", jab_url, t,
    )  # fmt: skip
    by_key["abk"] = _share(
        "abk", jabatan.filter(kebutuhan__gt=0).count(), n_jabatan, "jabatan memiliki kebutuhan ABK > 0",
        # The bezetting report lists every position with its ABK need, for every role that reads
        # this assessment (the admin's position list is for staff users only).
        reverse("laporan:index") + "#laporan-bezetting", t,
    )  # fmt: skip
    active = Pegawai.objects.filter(instansi_id=instansi_id, aktif=True)
    n_active = active.count()
    since = as_of.replace(year=as_of.year - ASSESSMENT_YEARS)
    assessed = (
        RiwayatAsesmen.objects.filter(instansi_id=instansi_id, pegawai__aktif=True, tanggal__gt=since, tanggal__lte=as_of)
        .values("pegawai_id").distinct().count()
    )  # fmt: skip
    by_key["asesmen"] = _share(
        "asesmen", assessed, n_active,
        f"pegawai aktif diases kompetensinya {since.year + 1}–{tahun}", reverse("pegawai:list"), t,
    )  # fmt: skip
    pns = active.filter(status="PNS")
    with_skp = RiwayatKinerja.objects.filter(pegawai__in=pns, tahun=tahun - 1).values("pegawai_id").distinct().count()
    by_key["skp"] = _share(
        "skp", with_skp, pns.count(), f"PNS aktif memiliki predikat SKP {tahun - 1}", reverse("pegawai:list"), t
    )
    complete = active.filter(jabatan__isnull=False, pangkat__isnull=False, pendidikan__isnull=False).count()
    by_key["kelengkapan"] = _share(
        "kelengkapan", complete, n_active, "pegawai aktif dengan jabatan, pangkat dan pendidikan terisi",
        reverse("pegawai:list"), t,
    )  # fmt: skip
    run = (
        IndexRun.objects.filter(
            instansi_id=instansi_id, status=IndexRun.Status.DONE, as_of__lte=as_of, as_of__gte=dt.date(tahun - 1, 1, 1)
        )
        .order_by("-as_of", "-finished_at", "-id")
        .first()
    )
    if run is None:
        by_key["talenta"] = Suggestion(
            1, f"Belum ada perhitungan indeks selesai dengan 9-box untuk {tahun - 1}–{tahun}.", reverse("indeks:list"), 0.0
        )
    else:
        results = IndexResult.objects.filter(run=run)
        s = _share("talenta", results.filter(box__isnull=False).count(), results.count(),
                   "pegawai ditempatkan pada 9-box", reverse("indeks:detail", args=[run.pk]), t)  # fmt: skip
        by_key["talenta"] = Suggestion(s.level, f"Perhitungan #{run.pk} per {run.as_of:%d-%m-%Y}: {s.text}", s.url, s.percent)
    decisions = Decision.objects.filter(instansi_id=instansi_id, decided_at__year=tahun)
    follows = decisions.filter(Q(deviates=False) | ~Q(justification="")).count()
    by_key["seleksi"] = _share(
        "seleksi", follows, decisions.count(), f"keputusan pengisian jabatan {tahun} mengikuti peringkat merit atau "
        "berjustifikasi", reverse("seleksi:ledger"), t,
    )  # fmt: skip
    return {i.code: by_key[i.evidence] for i in instrument.indicators if i.evidence in by_key}


def form_groups(
    assessment: SelfAssessment, typed: dict[str, dict[str, Any]] | None = None, invalid: set[str] | frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """The fill page, grouped by aspect: each indicator with its rubric, the suggestion and the
    values to show (what was typed when saving failed, else what is stored)."""
    answers = answers_of(assessment)
    groups = []
    for a in assessment.instrument.aspects:
        rows = []
        for ind in a.indicators:
            ans = answers.get(ind.code)
            values = (typed or {}).get(ind.code) or {
                "level": ans.level if ans else None, "evidence": ans.evidence if ans else "", "note": ans.note if ans else ""
            }  # fmt: skip
            level = values.get("level")
            rows.append({"ind": ind, "answer": ans, "level": "" if level is None else str(level),
                         "evidence": values.get("evidence", ""), "note": values.get("note", ""),
                         "rubric": list(enumerate(ind.levels, start=1)),
                         "level_invalid": str(level or "") not in ("", "1", "2", "3", "4"),
                         "error": ind.code in invalid})  # fmt: skip
        groups.append({"aspect": a, "rows": rows})
    return groups


def result(assessment: SelfAssessment) -> dict[str, Any]:
    """Total, category, per-aspect scores (with the explanation), the improvement priorities and
    the chart data of one assessment."""
    instrument = assessment.instrument
    answers = answers_of(assessment)
    levels = {code: a.level for code, a in answers.items()}
    explained = merit_system.score(levels, instrument)
    value = explained.value
    aspects = []
    for row, a, step in zip(value["aspects"], instrument.aspects, explained.steps, strict=False):
        aspects.append({**row, "step": step.text, "indicators": [(i, answers.get(i.code)) for i in a.indicators]})
    chart = {
        "labels": [f"{a['code']}. {a['name']}" for a in value["aspects"]],
        "score": [a["score"] for a in value["aspects"]],
        "weight": [a["weight"] for a in value["aspects"]],
    }
    return {
        "value": value, "explained": explained, "aspects": aspects, "chart": chart, "instrument": instrument,
        "priorities": merit_system.improvement_priorities(levels, instrument),
        "complete": not explained.problems,
    }  # fmt: skip


def scored_list(*, user: Any) -> list[tuple[SelfAssessment, dict[str, Any]]]:
    """The assessments the user sees, newest year first, each with its score (one read of the
    answers for all of them)."""
    return [(a, merit_system.score(levels_of(a), a.instrument).value)
            for a in assessment_list(user=user).prefetch_related("answers")]  # fmt: skip


def trend(scored: list[tuple[SelfAssessment, dict[str, Any]]]) -> dict[str, Any]:
    """Total per year of `scored_list` (the list's line chart), oldest year first."""
    ordered = sorted(scored, key=lambda av: av[0].tahun)
    return {"years": [a.tahun for a, _v in ordered], "totals": [v["total"] for _a, v in ordered]}
