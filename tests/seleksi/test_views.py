"""The selection screens through HTTP on the small synthetic regency."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from simerit.organisasi.models import Jabatan
from simerit.seleksi import services
from simerit.seleksi.models import Candidate, Decision, LedgerEntry, MeritWeights, Vacancy
from tests.indeks.conftest import AS_OF

pytestmark = pytest.mark.django_db


def _vacancy(synth, seats=1):
    for jab in Jabatan.objects.filter(instansi=synth.instansi, jenjang__in=["ahli_pertama", "ahli_muda"]).order_by(
        "pk"
    ):
        v = services.vacancy_open(
            acting_user=synth.users["admin"], instansi=synth.instansi, jabatan=jab, seats=seats, as_of=AS_OF
        )
        if Candidate.objects.filter(ranking__vacancy=v, eligible=True).count() >= 2:
            return v
    pytest.fail("no vacancy with two eligible candidates")


def test_admin_opens_a_vacancy_through_the_form(synth, client):
    client.force_login(synth.users["admin"])
    form = client.get(reverse("seleksi:vacancy_create"))
    assert form.status_code == 200
    jab = Jabatan.objects.filter(instansi=synth.instansi, jenjang="ahli_muda").first()
    future = client.post(reverse("seleksi:vacancy_create"), {"jabatan": jab.pk, "seats": 1, "as_of": "2999-01-01"})
    assert "Tanggal keadaan tidak boleh di masa depan." in future.content.decode()
    response = client.post(
        reverse("seleksi:vacancy_create"), {"jabatan": jab.pk, "seats": 2, "as_of": AS_OF.isoformat()}
    )
    vacancy = Vacancy.objects.get()
    assert response["Location"] == vacancy.get_absolute_url()
    page = client.get(vacancy.get_absolute_url()).content.decode()
    assert "Peringkat kandidat yang memenuhi syarat" in page and "Putuskan dan segel" in page
    assert f"{jab.nama}" in page


def test_deviation_without_justification_is_refused_with_a_message(synth, client):
    vacancy = _vacancy(synth)
    top2 = services.top_eligible(vacancy.rankings.get(), 2)
    client.force_login(synth.users["pimpinan"])
    response = client.post(
        reverse("seleksi:decide", args=[vacancy.pk]), {"selected": [top2[1]], "justification": ""}, follow=True
    )
    assert "justifikasi tertulis wajib diisi" in response.content.decode()
    assert not Decision.objects.exists()
    response = client.post(
        reverse("seleksi:decide", args=[vacancy.pk]),
        {"selected": [top2[1]], "justification": "Peringkat 1 menolak mutasi karena alasan keluarga (surat 12/2025)."},
        follow=True,
    )
    html = response.content.decode()
    assert "Keputusan dicatat dan disegel." in html and "Menyimpang dari peringkat teratas." in html
    assert Decision.objects.get().deviates


def test_refused_decision_keeps_what_was_typed(synth, client):
    vacancy = _vacancy(synth)
    top2 = services.top_eligible(vacancy.rankings.get(), 2)
    client.force_login(synth.users["pimpinan"])
    response = client.post(
        reverse("seleksi:decide", args=[vacancy.pk]), {"selected": [top2[1]], "justification": "Terlalu pendek."}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "justifikasi tertulis wajib diisi" in html
    assert "\nTerlalu pendek.</textarea>" in html  # the committee does not retype it
    assert re.search(rf'<input type="checkbox" name="selected" value="{top2[1]}"[^>]* checked>', html)
    assert not Decision.objects.exists()


def test_a_candidate_outside_the_list_is_chosen_by_nip(synth, client):
    vacancy = _vacancy(synth)
    ranking = vacancy.rankings.get()
    second = Candidate.objects.get(ranking=ranking, pegawai_id=services.top_eligible(ranking, 2)[1])
    ineligible = Candidate.objects.filter(ranking=ranking, eligible=False).select_related("pegawai").first()
    client.force_login(synth.users["pimpinan"])
    url = reverse("seleksi:decide", args=[vacancy.pk])
    refused = client.post(url, {"other_nips": f"{ineligible.pegawai.nip}, 123", "justification": "x" * 25})
    assert refused.status_code == 400
    assert (
        f"NIP berikut tidak ada di antara kandidat yang memenuhi syarat untuk lowongan ini: "
        f"{ineligible.pegawai.nip}, 123." in refused.content.decode()
    )
    justification = "Peringkat 1 sedang tugas belajar sampai 2027 (SK 800/12/2025)."
    client.post(url, {"other_nips": second.pegawai.nip, "justification": justification})
    decision = Decision.objects.get()
    assert list(decision.selected.values_list("pk", flat=True)) == [second.pegawai_id]
    assert decision.deviates and decision.justification == justification


def test_auditor_cannot_decide_but_verifies_and_exports(synth, client, tmp_path):
    vacancy = _vacancy(synth)
    client.force_login(synth.users["auditor"])
    top = services.top_eligible(vacancy.rankings.get(), 1)
    assert client.post(reverse("seleksi:decide", args=[vacancy.pk]), {"selected": top}).status_code == 403
    services.vacancy_decide(acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=top, justification="")
    page = client.get(reverse("seleksi:ledger") + "?verifikasi=1").content.decode()
    assert "Rantai UTUH: 1 entri diperiksa" in page
    export = client.get(reverse("seleksi:ledger_export"))
    body = b"".join(export.streaming_content).decode()
    lines = body.splitlines()
    assert json.loads(lines[0])["seq"] == 1 and json.loads(lines[-1])["head"]["count"] == 1
    assert export["Content-Disposition"].startswith('attachment; filename="keputusan-seleksi-3329-')
    assert LedgerEntry.objects.count() == 1


def test_candidate_page_explains_each_step(synth, client):
    vacancy = _vacancy(synth)
    c = Candidate.objects.filter(ranking__vacancy=vacancy, eligible=False).exclude(reasons=[]).first()
    client.force_login(synth.users["admin"])
    html = client.get(reverse("seleksi:candidate", args=[c.pk])).content.decode()
    assert "Pemeriksaan syarat jenjang, langkah demi langkah" in html
    assert "Perhitungan skor merit, langkah demi langkah" in html
    assert c.reasons[0].replace("'", "&#x27;") in html


def test_employee_sees_own_rows_and_why_not(synth, client):
    vacancy = _vacancy(synth)
    user = synth.users["pegawai"]
    own = Candidate.objects.get(ranking__vacancy=vacancy, pegawai_id=user.pegawai_id)
    client.force_login(user)
    index = client.get(reverse("seleksi:index")).content.decode()
    assert vacancy.jabatan.nama in index and "Lowongan jabatan" not in index
    assert ("Mengapa bukan saya?" in index) == (not own.eligible)
    assert client.get(reverse("seleksi:candidate", args=[own.pk])).status_code == 200
    other = Candidate.objects.filter(ranking__vacancy=vacancy).exclude(pk=own.pk).first()
    assert client.get(reverse("seleksi:candidate", args=[other.pk])).status_code == 404
    assert client.get(vacancy.get_absolute_url()).status_code == 403


def test_weights_form_refuses_a_sum_other_than_100(synth, client):
    client.force_login(synth.users["admin"])
    data = {"valid_from": "2025-01-01", "kualifikasi": "25", "kompetensi": "25", "kinerja": "25", "rekam_jejak": "20",
            "reason": "Perbup 12/2025"}  # fmt: skip
    html = client.post(reverse("seleksi:weights"), data).content.decode()
    assert "Jumlah keempat bobot harus 100%, sekarang 95" in html
    assert not MeritWeights.objects.exists()
    data["rekam_jejak"] = "25"
    assert client.post(reverse("seleksi:weights"), data).status_code == 302
    assert MeritWeights.objects.get().kualifikasi == 25
    client.force_login(synth.users["pimpinan"])
    assert client.post(reverse("seleksi:weights"), data).status_code == 403


def test_fairness_page_after_decisions(synth, client):
    vacancy = _vacancy(synth, seats=2)
    top = services.top_eligible(vacancy.rankings.get(), 2)
    services.vacancy_decide(acting_user=synth.users["admin"], vacancy=vacancy, selected_ids=top, justification="")
    client.force_login(synth.users["pimpinan"])
    html = client.get(reverse("seleksi:fairness")).content.decode()
    assert "Jenis kelamin" in html and "Kelompok usia" in html and "OPD" in html
    assert "Mencakup 1 keputusan." in html


def test_round_page_shows_optimal_and_greedy(synth, client):
    admin = synth.users["admin"]
    client.force_login(admin)
    response = client.post(reverse("seleksi:rounds"), {"name": "Rotasi Maret", "as_of": AS_OF.isoformat()})
    rnd_url = response["Location"]
    rnd_id = int(rnd_url.rstrip("/").split("/")[-1])
    for jab in Jabatan.objects.filter(instansi=synth.instansi, jenjang="ahli_pertama").order_by("pk")[:3]:
        client.post(reverse("seleksi:vacancy_create"),
                    {"jabatan": jab.pk, "seats": 1, "as_of": AS_OF.isoformat(), "placement_round": rnd_id})  # fmt: skip
    client.post(reverse("seleksi:round_compute", args=[rnd_id]))
    html = client.get(rnd_url).content.decode()
    assert "Total merit optimal" in html and "Total merit greedy" in html and "data-round" in html


def test_vacancy_page_while_the_ranking_is_computed(synth, client):
    vacancy = _vacancy(synth)
    Vacancy.objects.filter(pk=vacancy.pk).update(ranking_state=Vacancy.RankingState.RUNNING, ranking_as_of=AS_OF)
    client.force_login(synth.users["admin"])
    html = client.get(vacancy.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' in html and "sedang diperiksa syaratnya dan diperingkat" in html
    assert "Putuskan dan segel" not in html and "Hitung ulang dengan data hari ini" not in html
    Vacancy.objects.filter(pk=vacancy.pk).update(
        ranking_state=Vacancy.RankingState.FAILED, ranking_error="Perhitungan peringkat gagal: x"
    )
    assert "Perhitungan peringkat gagal: x" in client.get(vacancy.get_absolute_url()).content.decode()


def test_the_first_eligible_candidates_are_read_once_for_table_chart_and_form(synth, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    vacancy = _vacancy(synth)
    client.force_login(synth.users["pimpinan"])  # decides: the page shows the table, chart and form
    table = Candidate._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        html = client.get(vacancy.get_absolute_url()).content.decode()
    assert "Putuskan dan segel" in html
    eligible = f'"{table}"."eligible"'
    eligible_reads = [  # reads of eligible candidates' rows (not counts, not the single top row)
        q["sql"] for q in queries
        if eligible in q["sql"] and f"NOT {eligible}" not in q["sql"] and "COUNT(" not in q["sql"].upper()
        and "LIMIT" in q["sql"] and not q["sql"].rstrip().endswith("LIMIT 1")
    ]  # fmt: skip
    # The eligible first 50 are read once: they serve the table's first page, the chart and the form.
    assert len(eligible_reads) == 1, eligible_reads
