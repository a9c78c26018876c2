"""Opening a vacancy, ranking, deciding with and without deviation, and the sealed record —
on the small synthetic regency, through the services the screens use."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from simerit.cli import main as cli_main
from simerit.indeks.frames import profile_for
from simerit.organisasi.models import Jabatan
from simerit.rules import eligibility, merit
from simerit.seleksi import services
from simerit.seleksi.ledger import export_lines, ledger_verify
from simerit.seleksi.models import Candidate, Decision, LedgerEntry, MeritWeights, Vacancy
from tests.indeks.conftest import AS_OF, in_service

pytestmark = pytest.mark.django_db


def _open(synth, *, seats=1, min_eligible=3, skip=()):
    """The first position (by level, then id) whose ranking has at least `min_eligible` eligible."""
    admin = synth.users["admin"]
    for level in ("ahli_pertama", "ahli_muda", "pengawas", "mahir", "terampil", "administrator"):
        for jab in Jabatan.objects.filter(instansi=synth.instansi, jenjang=level).order_by("pk"):
            if jab.pk in skip:
                continue
            vacancy = services.vacancy_open(
                acting_user=admin, instansi=synth.instansi, jabatan=jab, seats=seats, as_of=AS_OF
            )
            if Candidate.objects.filter(ranking__vacancy=vacancy, eligible=True).count() >= min_eligible:
                return vacancy
    pytest.fail("no position with enough eligible candidates in the synthetic regency")


def test_ranking_considers_every_active_employee_and_matches_the_scalar_rules(synth):
    vacancy = _open(synth)
    ranking = vacancy.rankings.get()
    rows = list(Candidate.objects.filter(ranking=ranking).select_related("pegawai"))
    active = synth.instansi and vacancy.instansi.pk
    from simerit.pegawai.models import Pegawai

    assert len(rows) == in_service(Pegawai.objects.filter(instansi_id=active)).count()
    ranks = sorted(c.rank for c in rows if c.eligible)
    assert ranks == list(range(1, len(ranks) + 1))
    assert all(c.rank is None and c.reasons for c in rows if not c.eligible)
    # Ranked by merit, highest first.
    by_rank = sorted((c for c in rows if c.eligible), key=lambda c: c.rank)
    assert all(a.merit >= b.merit for a, b in zip(by_rank, by_rank[1:], strict=False))
    # The stored numbers are what the scalar rules give for that person (a sample of 12).
    weights = merit.DEFAULT_WEIGHTS
    for c in rows[:: max(1, len(rows) // 12)]:
        profile = profile_for(c.pegawai, AS_OF)
        awards = [dt.date(t, 1, 1) for t in c.pegawai.riwayatpenghargaan_set.values_list("tahun", flat=True)]
        scalar = merit.merit_score(profile, ranking.standard, AS_OF, weights, awards=awards)
        assert c.merit == pytest.approx(scalar.value["merit"], abs=0.005), c.pegawai.nama
        elig = eligibility.eligible(profile, ranking.level, AS_OF).value
        holder = c.pegawai.jabatan_id == vacancy.jabatan_id
        assert c.eligible == (elig["eligible"] and not holder)


def test_holders_of_the_position_are_not_eligible(synth):
    from simerit.pegawai.models import Pegawai

    held = Pegawai.objects.filter(instansi=synth.instansi, aktif=True, jabatan__jenjang="ahli_pertama").first().jabatan
    vacancy = services.vacancy_open(acting_user=synth.users["admin"], instansi=synth.instansi, jabatan=held, seats=1,
                                    as_of=AS_OF)  # fmt: skip
    holder_rows = Candidate.objects.filter(ranking__vacancy=vacancy, pegawai__jabatan=vacancy.jabatan)
    assert holder_rows.exists()
    assert all(not c.eligible and c.reasons[0] == "sudah menduduki jabatan ini" for c in holder_rows)


def test_deciding_for_the_top_ranked_needs_no_justification_and_is_sealed(synth):
    vacancy = _open(synth)
    top = services.top_eligible(vacancy.rankings.get(), 1)
    decision = services.vacancy_decide(
        acting_user=synth.users["pimpinan"], vacancy=vacancy, selected_ids=top, justification=""
    )
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.DECIDED
    assert decision.deviates is False
    entry = decision.ledger_entry
    assert entry.seq == 1 and entry.prev_hash == "0" * 64 and decision.ledger_hash == entry.hash
    payload = json.loads(entry.payload)
    assert payload["terpilih"][0]["pegawai_id"] == top[0] and payload["terpilih"][0]["peringkat"] == 1
    assert payload["menyimpang"] is False and payload["peringkat"]["versi_aturan"]
    assert payload["peringkat"]["cuplikan"]["teratas"][0]["pegawai_id"] == top[0]
    assert ledger_verify(vacancy.instansi_id).ok


def test_choosing_someone_else_without_justification_is_refused_and_nothing_is_written(synth):
    vacancy = _open(synth)
    second = services.top_eligible(vacancy.rankings.get(), 2)[1]
    with pytest.raises(ValidationError) as exc:
        services.vacancy_decide(
            acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=[second], justification="karena"
        )
    assert "justifikasi tertulis wajib" in str(exc.value)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.OPEN
    assert not Decision.objects.exists() and not LedgerEntry.objects.exists()


def test_choosing_someone_else_with_a_justification_is_sealed_as_a_deviation(synth):
    vacancy = _open(synth)
    second = services.top_eligible(vacancy.rankings.get(), 2)[1]
    reason = "Kandidat peringkat 1 sedang tugas belajar sampai 2027 (surat BKPSDM 800/123)."
    decision = services.vacancy_decide(
        acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=[second], justification=reason
    )
    assert decision.deviates is True
    payload = json.loads(decision.ledger_entry.payload)
    assert payload["menyimpang"] is True and payload["justifikasi"] == reason
    assert payload["terpilih"][0]["peringkat"] == 2


def test_an_ineligible_person_cannot_be_chosen(synth):
    vacancy = _open(synth)
    nope = Candidate.objects.filter(ranking__vacancy=vacancy, eligible=False).first()
    with pytest.raises(ValidationError, match="Tidak memenuhi syarat"):
        services.vacancy_decide(acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=[nope.pegawai_id],
                                justification="x" * 40)  # fmt: skip


def test_more_people_than_seats_and_a_second_decision_are_refused(synth):
    vacancy = _open(synth)
    two = services.top_eligible(vacancy.rankings.get(), 2)
    with pytest.raises(ValidationError, match="untuk 1 formasi"):
        services.vacancy_decide(acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=two, justification="")
    services.vacancy_decide(acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=two[:1], justification="")
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        services.vacancy_decide(
            acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=two[:1], justification=""
        )


def _two_decisions(synth):
    first = _open(synth)
    services.vacancy_decide(acting_user=synth.users["admin"], vacancy=first,
                            selected_ids=services.top_eligible(first.rankings.get(), 1), justification="")  # fmt: skip
    second = _open(synth, skip={first.jabatan_id})
    services.vacancy_decide(acting_user=synth.users["admin"], vacancy=second,
                            selected_ids=services.top_eligible(second.rankings.get(), 1), justification="")  # fmt: skip
    return first, second


def test_sealed_entries_cannot_be_changed_or_deleted_through_the_application(synth):
    _two_decisions(synth)
    entry = LedgerEntry.objects.order_by("seq").first()
    entry.payload = "{}"
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        LedgerEntry.objects.filter(pk=entry.pk).update(payload="{}")
    with pytest.raises(ValidationError):
        LedgerEntry.objects.all().delete()
    decision = Decision.objects.first()
    with pytest.raises(ValidationError):
        decision.save()
    assert ledger_verify(decision.instansi_id).ok


def _export(instansi_id, tmp_path):
    path = tmp_path / "ekspor.jsonl"
    path.write_text("".join(export_lines(instansi_id)), encoding="utf-8")
    return path


def test_export_verifies_offline_and_a_database_edit_is_detected(synth, tmp_path, capsys):
    first, _second = _two_decisions(synth)
    instansi_id = first.instansi_id
    good = _export(instansi_id, tmp_path)
    head = json.loads(good.read_text().splitlines()[-1])["head"]
    assert head["count"] == 2
    assert cli_main(["simerit", "verify-ledger", str(good), "--expect-head", head["hash"]]) == 0
    # Someone with SQL access changes the justification of entry 1 behind the application's back.
    entry = LedgerEntry.objects.get(seq=1)
    tampered = entry.payload.replace('"menyimpang":false', '"menyimpang":true')
    assert tampered != entry.payload
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {LedgerEntry._meta.db_table} SET payload = %s WHERE id = %s", [tampered, entry.pk])
    result = ledger_verify(instansi_id)
    assert not result.ok and result.problems == ["Entri 1: isi tidak cocok dengan hash yang disegel (data diubah)."]
    bad = _export(instansi_id, tmp_path)
    capsys.readouterr()
    assert cli_main(["simerit", "verify-ledger", str(bad)]) == 1
    assert "Entri 1: isi tidak cocok" in capsys.readouterr().out


def test_a_hash_changed_in_the_database_is_caught_by_the_decision_cross_check(synth):
    first, _second = _two_decisions(synth)
    last = LedgerEntry.objects.get(seq=2)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {LedgerEntry._meta.db_table} SET hash = %s WHERE id = %s", ["f" * 64, last.pk])
    problems = ledger_verify(first.instansi_id).problems
    assert "Entri 2: isi tidak cocok dengan hash yang disegel (data diubah)." in problems
    assert any("hash entri berbeda dari yang dicatat saat disegel" in p for p in problems)


def test_weights_are_versioned_and_used_by_the_next_ranking(synth):
    admin = synth.users["admin"]
    bad = {"valid_from": dt.date(2025, 1, 1), "kualifikasi": 30, "kompetensi": 30, "kinerja": 30, "rekam_jejak": 30,
           "reason": "uji"}  # fmt: skip
    with pytest.raises(ValidationError, match="harus 100%"):
        services.merit_weights_create(acting_user=admin, instansi=synth.instansi, data=bad)
    good = {**bad, "kualifikasi": 10, "kompetensi": 50, "kinerja": 30, "rekam_jejak": 10}
    row = services.merit_weights_create(acting_user=admin, instansi=synth.instansi, data=good)
    with pytest.raises(ValidationError, match="buat versi baru"):
        row.save()
    vacancy = _open(synth)
    weights = vacancy.rankings.get().weights
    assert (weights["kualifikasi"], weights["kompetensi"], weights["kinerja"], weights["rekam_jejak"]) == (
        10,
        50,
        30,
        10,
    )
    c = Candidate.objects.filter(ranking__vacancy=vacancy, eligible=True).order_by("rank").first()
    expected = (10 * c.kualifikasi + 50 * c.kompetensi + 30 * c.kinerja + 10 * c.rekam_jejak) / 100
    assert c.merit == pytest.approx(expected, abs=0.01)


def test_a_vacancy_for_a_level_without_rules_is_refused(synth):
    jab = Jabatan.objects.filter(instansi=synth.instansi, jenjang="pelaksana").first()
    with pytest.raises(ValidationError, match="belum memiliki syarat"):
        services.vacancy_open(
            acting_user=synth.users["admin"], instansi=synth.instansi, jabatan=jab, seats=1, as_of=AS_OF
        )
    assert not Vacancy.objects.exists()


def test_only_the_committee_decides(synth):
    vacancy = _open(synth)
    from django.core.exceptions import PermissionDenied

    for role in ("auditor", "pegawai", "operator"):
        user = synth.users.get(role)
        if user is None:
            continue
        with pytest.raises(PermissionDenied):
            services.vacancy_decide(acting_user=user, vacancy=vacancy, selected_ids=[1], justification="")
    assert not MeritWeights.objects.exists()


def test_a_failed_ranking_is_recorded_with_its_reason_and_can_be_requested_again(synth, monkeypatch):
    jab = Jabatan.objects.filter(instansi=synth.instansi, jenjang="ahli_muda").order_by("pk").first()

    def broken(**kwargs):
        raise RuntimeError("data pendidikan rusak")

    monkeypatch.setattr(services, "ranking_compute", broken)
    vacancy = services.vacancy_open(acting_user=synth.users["admin"], instansi=synth.instansi, jabatan=jab, seats=1,
                                    as_of=AS_OF)  # fmt: skip
    assert vacancy.ranking_state == Vacancy.RankingState.FAILED
    assert vacancy.ranking_error == "Perhitungan peringkat gagal: data pendidikan rusak"
    assert not vacancy.rankings.exists()
    monkeypatch.undo()
    vacancy = services.ranking_request(acting_user=synth.users["admin"], vacancy=vacancy, as_of=AS_OF)
    assert vacancy.ranking_state == Vacancy.RankingState.IDLE and vacancy.rankings.count() == 1


def test_no_decision_and_no_second_request_while_a_ranking_is_pending(synth):
    vacancy = _open(synth)
    top = services.top_eligible(vacancy.rankings.get(), 1)
    Vacancy.objects.filter(pk=vacancy.pk).update(ranking_state=Vacancy.RankingState.QUEUED)
    with pytest.raises(ValidationError, match="sedang dihitung"):
        services.ranking_request(acting_user=synth.users["admin"], vacancy=vacancy, as_of=AS_OF)
    with pytest.raises(ValidationError, match="Peringkat baru sedang dihitung"):
        services.vacancy_decide(acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=top, justification="")
    assert not Decision.objects.exists()
