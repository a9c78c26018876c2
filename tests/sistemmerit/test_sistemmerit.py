"""Self-assessment (docs/decisions/0090): suggestions from the `world` fixture's data computed by
hand, and the screens: create, fill (invalid level, deviation without a note), finalise, locked
when final, exports, another instansi's assessment."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from simerit.core.audit import acting_as
from simerit.core.models import AuditEvent
from simerit.sistemmerit import selectors, services
from simerit.sistemmerit.models import SelfAssessment, SelfAssessmentAnswer

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def evidenced(world):
    """The world (2 positions, 2 active PNS in the instansi; another instansi with 1 of each) plus:
    a competency standard for 1 of 2 positions, a 2024 SKP for 1 of 2 PNS, a 2024 assessment for
    1 of 2 employees, a finished 2025 run placing 1 of its 2 employees on the 9-box. Data of the
    other instansi never counts."""
    from simerit.indeks.models import IndexResult, IndexRun
    from simerit.organisasi.models import StandarKompetensi
    from simerit.pegawai.models import RiwayatAsesmen, RiwayatKinerja
    from simerit.referensi.models import Kompetensi

    komp = Kompetensi.objects.first()
    now = timezone.now()
    with acting_as(label="test"):
        StandarKompetensi.objects.create(instansi=world.inst, jabatan=world.jab_dinkes, kompetensi=komp, level=3)
        StandarKompetensi.objects.create(instansi=world.other_inst, jabatan=world.jab_other, kompetensi=komp, level=3)
        RiwayatKinerja.objects.create(pegawai=world.p_dindik, tahun=YEAR - 1, hasil_kerja="sesuai", perilaku_kerja="sesuai")
        RiwayatKinerja.objects.create(pegawai=world.p_dindik, tahun=YEAR - 2, hasil_kerja="sesuai", perilaku_kerja="sesuai")
        RiwayatAsesmen.objects.create(pegawai=world.p_puskesmas, tanggal=dt.date(YEAR - 1, 5, 2), asesor="UPT Penilaian")
        RiwayatAsesmen.objects.create(pegawai=world.p_dindik, tanggal=dt.date(YEAR - 4, 5, 2), asesor="UPT Penilaian")
        run = IndexRun.objects.create(instansi=world.inst, as_of=dt.date(YEAR, 12, 31), status=IndexRun.Status.DONE,
                                      progress=100, started_at=now, finished_at=now)  # fmt: skip
        for p, box in ((world.p_puskesmas, 5), (world.p_dindik, None)):
            IndexResult.objects.create(instansi=world.inst, run=run, pegawai=p, unit=p.unit, opd_id=p.unit_id, box=box)
    return run


def test_suggestions_from_the_data_by_hand(world, evidenced):
    from simerit.rules import merit_system

    found = selectors.suggestions(
        instansi_id=world.inst.pk, tahun=YEAR, instrument=merit_system.instrument_for(dt.date(YEAR, 12, 31))
    )
    # 1.1 standards: 1 of 2 positions = 50 % → 3;  1.2 ABK (kebutuhan defaults to 1): 2 of 2 → 4
    assert (found["1.1"].level, found["1.1"].percent) == (3, 50.0)
    assert "1 dari 2 jabatan" in found["1.1"].text
    assert (found["1.2"].level, found["1.2"].percent) == (4, 100.0)
    # 3.1 assessed in 2023–2025: only Siti (Agus's 2021 assessment is too old) = 1 of 2 → 3
    assert (found["3.1"].level, found["3.1"].percent) == (3, 50.0)
    # 3.2 run #n of 31-12-2025: 1 of 2 results with a box → 3, linked to the run
    assert (found["3.2"].level, found["3.2"].url) == (3, reverse("indeks:detail", args=[evidenced.pk]))
    # 4.1 no decision in 2025 → no suggestion
    assert found["4.1"].level is None and "Belum ada data" in found["4.1"].text
    # 5.1 SKP 2024: Agus only = 1 of 2 PNS → 3
    assert (found["5.1"].level, found["5.1"].percent) == (3, 50.0)
    # 8.1 both have jabatan, pangkat and pendidikan → 100 % → 4
    assert found["8.1"].level == 4
    assert set(found) == {"1.1", "1.2", "3.1", "3.2", "4.1", "5.1", "8.1"}


def test_suggestions_without_data(world):
    from simerit.rules import merit_system

    found = selectors.suggestions(
        instansi_id=world.inst.pk, tahun=YEAR, instrument=merit_system.instrument_for(dt.date(YEAR, 12, 31))
    )
    assert found["1.1"].level == 1 and found["3.1"].level == 1 and found["5.1"].level == 1
    assert found["3.2"].level == 1 and "Belum ada perhitungan indeks" in found["3.2"].text


def _post_all(assessment, **override):
    data = {}
    for a in assessment.answers.all():
        data[f"level_{a.indicator}"] = str(a.level or 3)
        data[f"evidence_{a.indicator}"] = a.evidence
        data[f"note_{a.indicator}"] = a.note
    data.update(override)
    return data


def test_create_fill_finalise_and_export(world, evidenced, client):
    client.force_login(world.users["admin"])
    response = client.post(reverse("sistemmerit:create"), {"tahun": YEAR})
    assessment = SelfAssessment.objects.get(instansi=world.inst, tahun=YEAR)
    assert response["Location"] == reverse("sistemmerit:fill", args=[assessment.pk])
    answers = {a.indicator: a for a in assessment.answers.all()}
    assert len(answers) == 23 and answers["1.1"].suggested_level == answers["1.1"].level == 3
    assert answers["1.3"].suggested_level is None and answers["1.3"].level is None
    assert AuditEvent.objects.filter(model="sistemmerit.selfassessment", action="create").count() == 1

    page = client.get(reverse("sistemmerit:fill", args=[assessment.pk])).content.decode()
    assert "Saran sistem" in page and "1 dari 2 jabatan memiliki standar kompetensi" in page
    assert "bukan instrumen resmi" in page

    # A second assessment for the same year is refused.
    client.post(reverse("sistemmerit:create"), {"tahun": YEAR})
    assert SelfAssessment.objects.filter(instansi=world.inst, tahun=YEAR).count() == 1

    # Finalising with unanswered indicators is refused and names them.
    response = client.post(reverse("sistemmerit:finalise", args=[assessment.pk]), follow=True)
    assert "Indikator 1.3" in response.content.decode() and "belum diisi" in response.content.decode()
    assessment.refresh_from_db()
    assert not assessment.final

    # Fill everything (3 where there is no suggestion), one link as evidence, then finalise.
    data = _post_all(assessment, **{"evidence_2.1": "https://contoh.go.id/pengumuman-cpns"})
    response = client.post(reverse("sistemmerit:fill", args=[assessment.pk]), data)
    assert response.status_code == 302
    assert SelfAssessmentAnswer.objects.get(assessment=assessment, indicator="2.1").evidence.startswith("https://")
    detail = client.get(reverse("sistemmerit:detail", args=[assessment.pk])).content.decode()
    assert "Prioritas perbaikan" in detail and "Kategori" in detail
    response = client.post(reverse("sistemmerit:finalise", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.final and assessment.finalised_by == world.users["admin"]

    # Final: the fill page redirects, a POST changes nothing, the service refuses.
    assert client.get(reverse("sistemmerit:fill", args=[assessment.pk]))["Location"] == assessment.get_absolute_url()
    client.post(reverse("sistemmerit:fill", args=[assessment.pk]), {**data, "level_1.3": "1", "note_1.3": ""})
    assert SelfAssessmentAnswer.objects.get(assessment=assessment, indicator="1.3").level == 3
    with pytest.raises(ValidationError, match="sudah final"):
        services.answers_save(acting_user=world.users["admin"], assessment=assessment, data={})

    # Exports open (xlsx is a zip, PDF starts with %PDF) for the read roles.
    client.force_login(world.users["auditor"])
    xlsx = client.get(reverse("sistemmerit:export_xlsx", args=[assessment.pk]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(xlsx.content))
    assert "Penilaian Mandiri Sistem Merit Tahun 2025" in str(wb.worksheets[0]["A2"].value)
    pdf = client.get(reverse("sistemmerit:export_pdf", args=[assessment.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_invalid_level_and_deviation_without_note_keep_what_was_typed(world, evidenced, client):
    client.force_login(world.users["admin"])
    assessment = services.assessment_create(acting_user=world.users["admin"], tahun=YEAR)
    data = _post_all(assessment, **{
        "level_2.1": "7",  # invalid
        "level_1.1": "1", "note_1.1": "",  # suggestion 3, no note
        "evidence_1.3": "SK Bupati 12/2025", "level_1.3": "2",
    })  # fmt: skip
    response = client.post(reverse("sistemmerit:fill", args=[assessment.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Indikator 2.1 (Pengadaan ASN terbuka dan kompetitif sesuai kebutuhan): level harus 1, 2, 3 atau 4" in html
    assert "Indikator 1.1 (Standar kompetensi jabatan tersedia untuk semua jabatan): level 1 berbeda dari saran sistem (3)" in html
    assert "SK Bupati 12/2025" in html  # typed values kept
    assert '<option value="7" selected>' in html
    # Nothing was written.
    assert SelfAssessmentAnswer.objects.get(assessment=assessment, indicator="1.3").level is None
    # With a note the deviation is accepted.
    data.update({"level_2.1": "2", "note_1.1": "Standar belum ditetapkan dengan Perbup"})
    assert client.post(reverse("sistemmerit:fill", args=[assessment.pk]), data).status_code == 302
    a11 = SelfAssessmentAnswer.objects.get(assessment=assessment, indicator="1.1")
    assert (a11.level, a11.suggested_level, a11.note) == (1, 3, "Standar belum ditetapkan dengan Perbup")
    assert AuditEvent.objects.filter(model="sistemmerit.selfassessmentanswer", action="update").exists()


def test_scope_and_roles(world, client):
    other = services.assessment_create(acting_user=world.users["admin_lain"], tahun=YEAR)
    client.force_login(world.users["admin"])
    assert client.get(reverse("sistemmerit:detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("sistemmerit:fill", args=[other.pk]), {}).status_code == 404
    assert client.post(reverse("sistemmerit:finalise", args=[other.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.assessment_create(acting_user=world.users["pimpinan"], tahun=YEAR)
    with pytest.raises(PermissionDenied):
        services.answers_save(acting_user=world.users["admin"], assessment=other, data={})
    client.force_login(world.users["pimpinan"])
    mine = services.assessment_create(acting_user=world.users["admin"], tahun=YEAR)
    html = client.get(reverse("sistemmerit:detail", args=[mine.pk])).content.decode()
    assert "Finalkan" not in html and "Isi / ubah jawaban" not in html
    assert client.post(reverse("sistemmerit:fill", args=[mine.pk]), {}).status_code == 403


def test_list_shows_total_category_and_trend(world, client):
    admin = world.users["admin"]
    a = services.assessment_create(acting_user=admin, tahun=YEAR - 1)
    services.assessment_create(acting_user=admin, tahun=YEAR)
    data = {code: {"level": 4} for code in a.instrument.indicators and [i.code for i in a.instrument.indicators]}
    for code in data:
        data[code]["note"] = "Dibuktikan dengan dokumen"
    services.answers_save(acting_user=admin, assessment=a, data=data)
    client.force_login(admin)
    response = client.get(reverse("sistemmerit:index"))
    html = response.content.decode()
    assert "400,00" in html and "IV Sangat Baik" in html
    assert response.context["trend"]["years"] == [YEAR - 1, YEAR]
    assert response.context["trend"]["totals"][0] == 400.0
    assert "Sistem Merit" in html  # nav item
    client.force_login(world.users["operator"])
    assert 'href="/sistem-merit/"' not in client.get(reverse("dasbor:index")).content.decode()


def test_refresh_suggestions_of_a_draft(world, client):
    """A draft made before the data grew: refreshing takes the new suggestions where the answer
    still held the old one, keeps a level the user chose against it, and is refused once final."""
    from simerit.organisasi.models import StandarKompetensi
    from simerit.pegawai.models import RiwayatKinerja
    from simerit.referensi.models import Kompetensi

    admin = world.users["admin"]
    assessment = services.assessment_create(acting_user=admin, tahun=YEAR)
    answers = {a.indicator: a for a in assessment.answers.all()}
    assert (answers["1.1"].suggested_level, answers["5.1"].suggested_level) == (1, 1)
    # The user keeps 1.1 as suggested and chooses 2 for 5.1, with a note.
    data = {a.indicator: {"level": a.level or 2, "evidence": "", "note": ""} for a in answers.values()}
    data["5.1"] = {"level": 2, "evidence": "", "note": "SKP 2024 sebagian masih di kertas"}
    services.answers_save(acting_user=admin, assessment=assessment, data=data)
    with acting_as(label="test"):  # the data grows: a standard for 1 of 2 positions, SKP 2024 for 1 of 2 PNS
        StandarKompetensi.objects.create(instansi=world.inst, jabatan=world.jab_dinkes, kompetensi=Kompetensi.objects.first(), level=3)
        RiwayatKinerja.objects.create(pegawai=world.p_dindik, tahun=YEAR - 1, hasil_kerja="sesuai", perilaku_kerja="sesuai")
    client.force_login(admin)
    answer_events = AuditEvent.objects.filter(model__icontains="selfassessmentanswer")
    before = answer_events.count()
    response = client.post(reverse("sistemmerit:refresh", args=[assessment.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("sistemmerit:fill", args=[assessment.pk])
    assert "1.1, 5.1" in response.content.decode()
    answers = {a.indicator: a for a in assessment.answers.all()}
    assert (answers["1.1"].suggested_level, answers["1.1"].level) == (3, 3)  # followed the suggestion
    assert (answers["5.1"].suggested_level, answers["5.1"].level) == (3, 2)  # the user's own choice kept
    assert "1 dari 2 jabatan" in answers["1.1"].suggestion
    assert answer_events.count() == before + 2  # one audited change per answer that changed
    # Nothing changed since: nothing written.
    assert services.suggestions_refresh(acting_user=admin, assessment=assessment) == []
    assert answer_events.count() == before + 2
    # Read-only roles cannot; a final assessment cannot be refreshed.
    client.force_login(world.users["pimpinan"])
    assert client.post(reverse("sistemmerit:refresh", args=[assessment.pk])).status_code == 403
    SelfAssessment.objects.filter(pk=assessment.pk).update(status=SelfAssessment.Status.FINAL)
    assessment.refresh_from_db()
    with pytest.raises(ValidationError, match="sudah final"):
        services.suggestions_refresh(acting_user=admin, assessment=assessment)


def test_refresh_from_the_fill_page_saves_what_was_typed_first(world, client):
    """The fill page's "Simpan dan perbarui saran sistem" submits the answers: they are saved, then
    the suggestions are computed again (nothing typed is lost); an invalid answer stops both."""
    from simerit.organisasi.models import StandarKompetensi
    from simerit.referensi.models import Kompetensi

    admin = world.users["admin"]
    assessment = services.assessment_create(acting_user=admin, tahun=YEAR)
    with acting_as(label="test"):
        StandarKompetensi.objects.create(instansi=world.inst, jabatan=world.jab_dinkes, kompetensi=Kompetensi.objects.first(), level=3)
    client.force_login(admin)
    url = reverse("sistemmerit:fill", args=[assessment.pk])
    bad = client.post(url, _post_all(assessment, **{"level_2.1": "7", "evidence_2.1": "SK 12/2025", "lanjut": "saran"}))
    assert bad.status_code == 400 and "level harus 1, 2, 3 atau 4" in bad.content.decode()
    assert assessment.answers.get(indicator="1.1").suggested_level == 1  # not refreshed
    response = client.post(url, _post_all(assessment, **{"evidence_2.1": "SK 12/2025", "lanjut": "saran"}), follow=True)
    assert response.redirect_chain[-1][0] == url
    html = response.content.decode()
    assert "Jawaban disimpan." in html and "saran berubah pada indikator 1.1" in html
    answers = {a.indicator: a for a in assessment.answers.all()}
    assert answers["2.1"].evidence == "SK 12/2025"  # what was typed is kept
    assert (answers["1.1"].suggested_level, answers["1.1"].level) == (3, 3)
