"""Writes of the selection screens: weights, vacancies, rankings, decisions, placement rounds.

Every rule comes from `simerit.rules` (eligibility, merit, matching); this module loads the
data once with polars (`simerit.indeks.frames.load_frames`), calls the batch rules, and writes
the results in bulk inside one transaction, audited.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import polars as pl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from simerit.core.audit import acting_as
from simerit.core.models import Instansi
from simerit.core.permissions import SELEKSI_DECIDE_ROLES, SELEKSI_MANAGE_ROLES, require_role_in_instansi
from simerit.indeks.frames import load_frames
from simerit.organisasi.models import Jabatan, StandarKompetensi
from simerit.pegawai.models import Pegawai, RiwayatPenghargaan
from simerit.rules import eligibility, merit
from simerit.rules.matching import VacancySpec, compare_placements, placement_edges
from simerit.rules.registry import rules_version
from simerit.seleksi.ledger import ledger_append
from simerit.seleksi.models import Candidate, Decision, MeritWeights, PlacementRound, Ranking, Vacancy

logger = logging.getLogger(__name__)

# How many of the eligible are written into the sealed snapshot with every criterion; the rest of
# the considered are sealed as (pegawai id, eligible, rank, merit, reasons).
SNAPSHOT_TOP = 100


# --- weights -------------------------------------------------------------------------------


def weights_in_force(instansi_id: int, on: dt.date) -> tuple[MeritWeights | None, merit.MeritWeights]:
    """The instansi's weights version in force on `on`, or the documented default
    (docs/decisions/0061) when the instansi has set none."""
    row = MeritWeights.objects.filter(instansi_id=instansi_id, valid_from__lte=on).order_by("-valid_from").first()
    if row is None:
        return None, merit.DEFAULT_WEIGHTS
    return row, merit.MeritWeights(**{k: float(getattr(row, k)) for k in merit.CRITERIA})


def merit_weights_create(*, acting_user: Any, instansi: Instansi, data: dict[str, Any]) -> MeritWeights:
    """A new weights version (the old ones stay, so every past ranking can be re-read)."""
    require_role_in_instansi(acting_user, SELEKSI_MANAGE_ROLES, instansi.pk)
    row = MeritWeights(instansi=instansi, created_by=acting_user, **data)
    row.full_clean()
    with transaction.atomic(), acting_as(acting_user):
        row.save()
    return row


# --- vacancies and rankings ----------------------------------------------------------------


def _standard(jabatan: Jabatan) -> dict[str, int]:
    return dict(StandarKompetensi.objects.filter(jabatan=jabatan).values_list("kompetensi__kode", "level"))


def _holders(jabatan_ids: Iterable[int]) -> dict[int, set[str]]:
    """The active holders of each position (ids as in the rules' frames), in one query."""
    holders: dict[int, set[str]] = defaultdict(set)
    for jabatan_id, pk in Pegawai.objects.filter(jabatan_id__in=list(jabatan_ids), aktif=True).values_list(
        "jabatan_id", "pk"
    ):
        holders[jabatan_id].add(str(pk))
    return holders


def _awards(instansi_id: int) -> pl.DataFrame:
    rows = RiwayatPenghargaan.objects.filter(instansi_id=instansi_id, pegawai__aktif=True).values_list(
        "pegawai_id", "tahun"
    )
    # Awards are recorded by year: dated 1 January of that year (docs/decisions/0081).
    return pl.DataFrame(
        {"id": [str(p) for p, _t in rows], "date": [dt.date(t, 1, 1) for _p, t in rows]},
        schema=merit.AWARD_SCHEMA,
    )


def _weights_json(row: MeritWeights | None, weights: merit.MeritWeights) -> dict[str, Any]:
    return {
        "versi": row.pk if row else "bawaan",
        "berlaku_mulai": row.valid_from.isoformat() if row else None,
        **weights.as_dict(),
    }


def check_level(jabatan: Jabatan, as_of: dt.date) -> None:
    if jabatan.jenjang not in eligibility.level_rules(as_of):
        raise ValidationError(
            {"jabatan": _("Jenjang %(jenjang)s belum memiliki syarat jabatan di SIMERIT; lowongan tidak dapat dibuka.")
             % {"jenjang": jabatan.get_jenjang_display()}}
        )  # fmt: skip


def ranking_compute(*, acting_user: Any, vacancy: Vacancy, as_of: dt.date | None = None) -> Ranking:
    """Rank every active employee of the instansi for `vacancy` as of `as_of` and store the
    snapshot (one bulk insert). Holders of the position itself are listed as not eligible."""
    require_role_in_instansi(acting_user, SELEKSI_MANAGE_ROLES, vacancy.instansi_id)
    as_of = as_of or vacancy.as_of
    jabatan = vacancy.jabatan
    check_level(jabatan, as_of)
    standard = _standard(jabatan)
    row, weights = weights_in_force(vacancy.instansi_id, as_of)
    loaded = load_frames(instansi_id=vacancy.instansi_id, as_of=as_of)
    ranked = merit.rank_candidates(
        loaded.frames, standard, jabatan.jenjang, as_of, weights, awards=_awards(vacancy.instansi_id)
    )
    holders = _holders([jabatan.pk])[jabatan.pk]
    meta = loaded.meta.select("id", "pegawai_id", "unit_id")
    rows = []
    rank = 0
    for r in ranked.join(meta, on="id", how="left").iter_rows(named=True):
        eligible, reasons = bool(r["eligible"]), list(r["reasons"] or [])
        if r["id"] in holders:
            eligible, reasons = False, [_("sudah menduduki jabatan ini"), *reasons]
        if eligible:
            rank += 1
        rows.append((r, eligible, reasons, rank if eligible else None))
    with transaction.atomic(), acting_as(acting_user):
        ranking = Ranking(
            instansi_id=vacancy.instansi_id, vacancy=vacancy, as_of=as_of, level=jabatan.jenjang, standard=standard,
            weights=_weights_json(row, weights), rules_version=rules_version(as_of), computed_by=acting_user,
            counts={"dipertimbangkan": len(rows), "memenuhi_syarat": rank},
        )  # fmt: skip
        ranking.save()
        Candidate.objects.bulk_create(
            [
                Candidate(
                    instansi_id=vacancy.instansi_id, ranking=ranking, pegawai_id=r["pegawai_id"], unit_id=r["unit_id"],
                    eligible=eligible, rank=position, merit=r["merit"], kualifikasi=r["kualifikasi"],
                    kompetensi=r["kompetensi"], kinerja=r["kinerja"], rekam_jejak=r["rekam_jejak"],
                    jpm_percent=r["jpm_percent"], sources={k: r[f"{k}_source"] for k in merit.CRITERIA},
                    reasons=reasons,
                )
                for r, eligible, reasons, position in rows
            ],
            batch_size=2000,
        )  # fmt: skip
    return ranking


def vacancy_open(
    *, acting_user: Any, instansi: Instansi, jabatan: Jabatan, seats: int, as_of: dt.date, note: str = "",
    placement_round: PlacementRound | None = None,
) -> Vacancy:  # fmt: skip
    """Open a vacancy and request its first ranking (computed by the background worker; at once
    under the immediate backend). Refused before anything is written for a date in the future,
    another instansi's position or a level without eligibility rules."""
    require_role_in_instansi(acting_user, SELEKSI_MANAGE_ROLES, instansi.pk)
    if as_of > timezone.localdate():
        raise ValidationError({"as_of": _("Tanggal keadaan tidak boleh di masa depan.")})
    vacancy = Vacancy(
        instansi=instansi, jabatan=jabatan, seats=seats, as_of=as_of, note=note, opened_by=acting_user,
        placement_round=placement_round,
    )  # fmt: skip
    vacancy.full_clean()
    check_level(jabatan, as_of)
    with transaction.atomic(), acting_as(acting_user):
        vacancy.save()
    return ranking_request(acting_user=acting_user, vacancy=vacancy, as_of=as_of)


def ranking_request(*, acting_user: Any, vacancy: Vacancy, as_of: dt.date) -> Vacancy:
    """Queue a (re)computation of the vacancy's ranking as of `as_of`. Refused while one is
    already waiting or running, and once the vacancy is decided."""
    require_role_in_instansi(acting_user, SELEKSI_MANAGE_ROLES, vacancy.instansi_id)
    check_level(vacancy.jabatan, as_of)
    with transaction.atomic(), acting_as(acting_user):
        vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if vacancy.status != Vacancy.Status.OPEN:
            raise ValidationError(_("Lowongan yang sudah diputuskan tidak dihitung ulang."))
        if vacancy.ranking_pending:
            raise ValidationError(_("Peringkat lowongan ini sedang dihitung; tunggu sampai selesai."))
        vacancy.ranking_state, vacancy.ranking_as_of = Vacancy.RankingState.QUEUED, as_of
        vacancy.ranking_by, vacancy.ranking_error = acting_user, ""
        vacancy.save()
    # Enqueued after the commit above, so the worker always finds the request.
    from simerit.seleksi.tasks import ranking_task

    ranking_task.enqueue(vacancy.pk)
    vacancy.refresh_from_db()
    return vacancy


def ranking_execute(*, vacancy_id: int) -> Vacancy:
    """Run a queued ranking request (the background task). A request that is not queued any more
    is left alone; a failure is recorded on the vacancy with the reason, and no ranking is kept."""
    claimed = Vacancy.objects.filter(pk=vacancy_id, ranking_state=Vacancy.RankingState.QUEUED).update(
        ranking_state=Vacancy.RankingState.RUNNING
    )
    vacancy = Vacancy.objects.select_related("jabatan", "ranking_by").get(pk=vacancy_id)
    if not claimed:
        return vacancy
    try:
        ranking_compute(acting_user=vacancy.ranking_by, vacancy=vacancy, as_of=vacancy.ranking_as_of)
    except Exception as exc:
        logger.exception("Ranking of vacancy %s failed", vacancy_id)
        message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        Vacancy.objects.filter(pk=vacancy_id).update(
            ranking_state=Vacancy.RankingState.FAILED,
            ranking_error=_("Perhitungan peringkat gagal: %(error)s") % {"error": message},
        )
    else:
        Vacancy.objects.filter(pk=vacancy_id).update(ranking_state=Vacancy.RankingState.IDLE)
    vacancy.refresh_from_db()
    return vacancy


# --- decision ------------------------------------------------------------------------------


def top_eligible(ranking: Ranking, seats: int) -> list[int]:
    return list(
        Candidate.objects.filter(ranking=ranking, eligible=True)
        .order_by("rank")
        .values_list("pegawai_id", flat=True)[:seats]
    )


def _snapshot(ranking: Ranking) -> dict[str, Any]:
    rows = Candidate.objects.filter(ranking=ranking).select_related("pegawai").order_by("rank", "-merit", "pegawai_id")
    top, rest = [], []
    for c in rows:
        if c.eligible and c.rank is not None and c.rank <= SNAPSHOT_TOP:
            top.append({
                "peringkat": c.rank, "pegawai_id": c.pegawai_id, "nip": c.pegawai.nip, "nama": c.pegawai.nama_lengkap,
                "merit": c.merit, "kualifikasi": c.kualifikasi, "kompetensi": c.kompetensi, "kinerja": c.kinerja,
                "rekam_jejak": c.rekam_jejak, "jpm": c.jpm_percent, "sumber": c.sources,
            })  # fmt: skip
        else:
            rest.append([c.pegawai_id, c.eligible, c.rank, c.merit, c.reasons])
    return {
        "teratas": top,
        "lainnya": {"kolom": ["pegawai_id", "memenuhi_syarat", "peringkat", "merit", "alasan"], "baris": rest},
    }


def vacancy_decide(*, acting_user: Any, vacancy: Vacancy, selected_ids: list[int], justification: str) -> Decision:
    """Record and seal the committee's choice.

    Refused (ValidationError in Indonesian): a decided vacancy, more people than seats, nobody
    selected, anyone who is not eligible in the latest ranking, or a choice that differs from
    the top of the ranking without a written justification (issue 5; docs/decisions/0080).
    """
    require_role_in_instansi(acting_user, SELEKSI_DECIDE_ROLES, vacancy.instansi_id)
    justification = (justification or "").strip()
    with transaction.atomic(), acting_as(acting_user):
        vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if vacancy.status != Vacancy.Status.OPEN:
            raise ValidationError(_("Lowongan ini sudah diputuskan."))
        if vacancy.ranking_pending:
            raise ValidationError(_("Peringkat baru sedang dihitung; putuskan setelah selesai."))
        ranking = vacancy.rankings.order_by("-computed_at", "-id").first()
        if ranking is None:
            raise ValidationError(_("Lowongan ini belum memiliki peringkat kandidat."))
        chosen = list(dict.fromkeys(int(i) for i in selected_ids))
        if not chosen:
            raise ValidationError({"selected": _("Pilih sedikitnya satu kandidat.")})
        if len(chosen) > vacancy.seats:
            raise ValidationError(
                {
                    "selected": _("Dipilih %(n)s orang untuk %(seats)s formasi.")
                    % {"n": len(chosen), "seats": vacancy.seats}
                }
            )
        rows = {c.pegawai_id: c for c in Candidate.objects.filter(ranking=ranking, pegawai_id__in=chosen)}
        bad = [i for i in chosen if i not in rows or not rows[i].eligible]
        if bad:
            names = ", ".join(Pegawai.objects.filter(pk__in=bad).values_list("nama", flat=True)) or str(bad)
            raise ValidationError(
                {"selected": _("Tidak memenuhi syarat untuk jabatan ini: %(names)s.") % {"names": names}}
            )
        top = top_eligible(ranking, vacancy.seats)
        deviates = sorted(chosen) != sorted(top[: len(chosen)]) or len(chosen) < min(vacancy.seats, len(top))
        if deviates and len(justification) < 20:
            raise ValidationError(
                {"justification": _("Pilihan berbeda dari kandidat peringkat teratas: justifikasi tertulis wajib diisi "
                                     "(sedikitnya 20 karakter).")}
            )  # fmt: skip
        now = timezone.now()
        payload = {
            "jenis": "keputusan_seleksi",
            "instansi": {"id": vacancy.instansi_id, "nama": vacancy.instansi.nama},
            "lowongan": {"id": vacancy.pk, "jabatan_id": vacancy.jabatan_id, "jabatan": vacancy.jabatan.nama,
                         "unit": vacancy.jabatan.unit.nama, "formasi": vacancy.seats, "keadaan_per": vacancy.as_of.isoformat()},
            "peringkat": {"id": ranking.pk, "dihitung": ranking.computed_at.isoformat(), "keadaan_per": ranking.as_of.isoformat(),
                          "jenjang": ranking.level, "standar": ranking.standard, "bobot": ranking.weights,
                          "versi_aturan": ranking.rules_version, "jumlah": ranking.counts, "cuplikan": _snapshot(ranking)},
            "terpilih": [{"pegawai_id": i, "peringkat": rows[i].rank, "merit": rows[i].merit} for i in chosen],
            "peringkat_teratas": top,
            "menyimpang": deviates,
            "justifikasi": justification,
            "diputuskan_oleh": {"id": acting_user.pk, "nama": acting_user.get_full_name() or acting_user.get_username(),
                                "peran": acting_user.role},
            "waktu": now.isoformat(),
        }  # fmt: skip
        entry = ledger_append(instansi=vacancy.instansi, kind="keputusan_seleksi", payload=payload)
        decision = Decision(
            instansi_id=vacancy.instansi_id, vacancy=vacancy, ranking=ranking, deviates=deviates,
            justification=justification, decided_by=acting_user, ledger_entry=entry, ledger_hash=entry.hash,
        )  # fmt: skip
        decision.save()
        decision.selected.set(chosen)
        vacancy.status = Vacancy.Status.DECIDED
        vacancy.save(update_fields=["status"])
    return decision


# --- placement rounds ----------------------------------------------------------------------


def placement_round_create(*, acting_user: Any, instansi: Instansi, name: str, as_of: dt.date) -> PlacementRound:
    require_role_in_instansi(acting_user, SELEKSI_MANAGE_ROLES, instansi.pk)
    rnd = PlacementRound(instansi=instansi, name=name.strip(), as_of=as_of, created_by=acting_user)
    rnd.full_clean()
    with transaction.atomic(), acting_as(acting_user):
        rnd.save()
    return rnd


def placement_round_compute(*, acting_user: Any, placement_round: PlacementRound) -> PlacementRound:
    """Place the round's open vacancies at once: optimal (maximum total merit, each person in at
    most one seat) against greedy best-candidate-first; the result is stored on the round."""
    require_role_in_instansi(acting_user, SELEKSI_MANAGE_ROLES, placement_round.instansi_id)
    vacancies = list(
        placement_round.vacancies.filter(status=Vacancy.Status.OPEN).select_related("jabatan", "jabatan__unit")
    )
    if not vacancies:
        raise ValidationError(_("Putaran ini belum memiliki lowongan terbuka."))
    started = time.perf_counter()
    as_of = placement_round.as_of
    row, weights = weights_in_force(placement_round.instansi_id, as_of)
    loaded = load_frames(instansi_id=placement_round.instansi_id, as_of=as_of)
    specs = [VacancySpec(id=str(v.pk), level=v.jabatan.jenjang, standard=_standard(v.jabatan), seats=v.seats)
             for v in vacancies if v.jabatan.jenjang in eligibility.level_rules(as_of)]  # fmt: skip
    edges = placement_edges(loaded.frames, specs, as_of, weights, awards=_awards(placement_round.instansi_id))
    holders = _holders(v.jabatan_id for v in vacancies)
    held = [(str(v.pk), pk) for v in vacancies for pk in holders.get(v.jabatan_id, ())]
    if held:  # a holder is not a candidate for their own position
        edges = edges.join(
            pl.DataFrame(held, schema={"vacancy": pl.Utf8, "candidate": pl.Utf8}, orient="row"),
            on=["vacancy", "candidate"], how="anti",
        )  # fmt: skip
    seats = {s.id: s.seats for s in specs}
    comparison = compare_placements(edges, seats)
    names = dict(
        Pegawai.objects.filter(pk__in=[int(c) for c in edges["candidate"].unique().to_list()]).values_list("pk", "nama")
    )
    by_vacancy: dict[str, dict[str, list[dict[str, Any]]]] = {
        str(v.pk): {"optimal": [], "greedy": []} for v in vacancies
    }
    for label, placement in (("optimal", comparison.optimal), ("greedy", comparison.greedy)):
        for r in placement.assignments.sort("vacancy", "merit", descending=[False, True]).iter_rows(named=True):
            by_vacancy[r["vacancy"]][label].append(
                {
                    "pegawai_id": int(r["candidate"]),
                    "nama": names.get(int(r["candidate"]), ""),
                    "merit": round(r["merit"], 2),
                }
            )
    result = {
        "dihitung": timezone.now().isoformat(),
        "bobot": _weights_json(row, weights),
        "versi_aturan": rules_version(as_of),
        "pasangan_layak": edges.height,
        "formasi": sum(seats.values()),
        "optimal": {"total": round(comparison.optimal.total_merit, 2), "terisi": comparison.optimal.filled,
                    "penyelesai": comparison.optimal.solver, "detik": round(comparison.optimal.seconds, 3)},
        "greedy": {"total": round(comparison.greedy.total_merit, 2), "terisi": comparison.greedy.filled,
                   "detik": round(comparison.greedy.seconds, 3)},
        "selisih": round(comparison.gain, 2),
        "selisih_persen": round(comparison.gain_percent, 2),
        "berbeda": comparison.changed_vacancies,
        "lowongan": by_vacancy,
        "tanpa_syarat_jenjang": [v.pk for v in vacancies if str(v.pk) not in seats],
        "lama_detik": round(time.perf_counter() - started, 3),
    }  # fmt: skip
    with transaction.atomic(), acting_as(acting_user):
        placement_round.result = result
        placement_round.computed_at = timezone.now()
        placement_round.save()
    return placement_round


def weights_form_initial(instansi_id: int, on: dt.date) -> dict[str, Decimal]:
    _row, w = weights_in_force(instansi_id, on)
    return {k: Decimal(str(getattr(w, k))) for k in merit.CRITERIA}
