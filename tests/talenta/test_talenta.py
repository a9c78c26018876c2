"""Talent management on the database: talent pool (scope, eligibility reasons), critical positions
(mark/unmark audited, risk colour), calibration sessions (reason required, before/after kept,
final when closed, calibrated boxes feed the pool) and the career-compass card."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from simerit.core.models import AuditEvent
from simerit.indeks.models import IndexResult
from simerit.talenta import selectors, services
from simerit.talenta.models import CalibrationMove, CalibrationSession
from tests.talenta.helpers import done_run, result

pytestmark = pytest.mark.django_db

REASON = "Kinerja 2025 di atas ekspektasi menurut rapat tim penilai"


@pytest.fixture
def talent(world):
    """A finished run: Siti (Puskesmas, Dinas Kesehatan) in box 8, Agus (Dinas Pendidikan) in box 9."""
    run = done_run(world.inst)
    r_siti = result(run, world.p_puskesmas, box=8, opd=world.dinkes, jpm_percent=92.0)
    r_agus = result(run, world.p_dindik, box=9, opd=world.dindik, jpm_percent=95.0, tmt_pensiun=dt.date(2027, 6, 1))
    return run, r_siti, r_agus


def _names(rows):
    return sorted(r.result.pegawai.nama for r in rows)


# --- Talent pool ---------------------------------------------------------------------------------------------


def test_pool_holds_the_succession_group_with_the_reasons_of_the_excluded(world, talent):
    pool = selectors.talent_pool(user=world.users["admin"], level="ahli_madya")
    assert _names(pool.eligible + pool.excluded) == ["Agus Setiawan", "Siti Rahmawati"]
    # Both hold III/b: below the pangkat range of JF Ahli Madya, so both are excluded with reasons.
    assert pool.eligible == [] and all(row.reasons for row in pool.excluded)
    assert any("pangkat" in reason for row in pool.excluded for reason in row.reasons)
    counts = {c["level"]: c for c in pool.counts}
    assert set(counts) >= {"jpt_pratama", "administrator", "pengawas", "ahli_pertama", "terampil"}
    assert all(c["eligible"] + c["excluded"] == 2 for c in pool.counts)


def test_operator_sees_only_the_pool_of_the_own_subtree(world, talent):
    pool = selectors.talent_pool(user=world.users["operator"], level="ahli_madya")
    assert _names(pool.eligible + pool.excluded) == ["Siti Rahmawati"]
    assert all(c["eligible"] + c["excluded"] == 1 for c in pool.counts)


def test_pool_without_a_finished_run_is_empty(world):
    pool = selectors.talent_pool(user=world.users["admin"], level="pengawas")
    assert pool.run is None and pool.eligible == [] and pool.counts == []


# --- Critical positions --------------------------------------------------------------------------------------


def test_mark_and_unmark_a_critical_position_is_audited(world):
    services.jabatan_set_kritis(acting_user=world.users["admin"], jabatan=world.jab_dindik, kritis=True)
    world.jab_dindik.refresh_from_db()
    assert world.jab_dindik.kritis
    event = AuditEvent.objects.filter(model__icontains="jabatan", object_pk=str(world.jab_dindik.pk)).first()
    assert event.changes["kritis"] == [False, True] and event.actor == world.users["admin"]
    services.jabatan_set_kritis(acting_user=world.users["pimpinan"], jabatan=world.jab_dindik, kritis=False)
    world.jab_dindik.refresh_from_db()
    assert not world.jab_dindik.kritis


@pytest.mark.parametrize("role", ["operator", "auditor", "pegawai"])
def test_only_the_talent_committee_marks_critical_positions(world, role):
    with pytest.raises(PermissionDenied):
        services.jabatan_set_kritis(acting_user=world.users[role], jabatan=world.jab_dinkes, kritis=True)


def test_critical_position_red_when_the_holder_retires_soon_without_ready_successors(world, talent):
    services.jabatan_set_kritis(acting_user=world.users["admin"], jabatan=world.jab_dindik, kritis=True)
    overview = selectors.critical_positions(user=world.users["admin"])
    (row,) = overview.positions
    assert [h.nama for h, _ in row.holders] == ["Agus Setiawan"]
    assert row.holders[0][1] == dt.date(2027, 6, 1)  # TMT pensiun from the run, within 24 months
    # Siti (box 8) is not eligible for JF Ahli Muda (III/b < III/c): no ready successor -> red.
    assert row.ready == [] and row.n_ready == 0 and row.color == "merah"
    assert overview.totals == {"merah": 1}
    assert overview.risk_map["labels"] == ["Dinas Pendidikan"]
    assert any("24 bulan" in s.text for s in row.risk.steps)


def test_operator_sees_only_critical_positions_of_the_own_subtree(world, talent):
    for jab in (world.jab_dindik, world.jab_dinkes):
        services.jabatan_set_kritis(acting_user=world.users["admin"], jabatan=jab, kritis=True)
    overview = selectors.critical_positions(user=world.users["operator"])
    assert [p.jabatan.nama for p in overview.positions] == ["Perawat Ahli Pertama"]


# --- Calibration ---------------------------------------------------------------------------------------------


def _open(world, run):
    return services.session_open(acting_user=world.users["admin"], run=run, opd=world.dinkes, judul="Rapat kalibrasi")


def test_a_move_without_a_reason_is_refused_in_indonesian(world, talent):
    run, r_siti, _ = talent
    session = _open(world, run)
    with pytest.raises(ValidationError) as exc:
        services.move_record(acting_user=world.users["admin"], session=session, result=r_siti, box_after=5, alasan="  ")
    assert "Alasan wajib ditulis" in str(exc.value)
    assert not CalibrationMove.objects.exists()


def test_moves_keep_before_and_after_and_never_touch_the_run(world, talent):
    run, r_siti, _ = talent
    session = _open(world, run)
    move = services.move_record(acting_user=world.users["admin"], session=session, result=r_siti, box_after=5,
                                alasan=REASON)  # fmt: skip
    assert (move.box_before, move.box_after, move.moved_by) == (8, 5, world.users["admin"])
    # Moving again replaces the session's move; the before stays the computed box.
    services.move_record(acting_user=world.users["pimpinan"], session=session, result=r_siti, box_after=4,
                         alasan=REASON)  # fmt: skip
    (only,) = CalibrationMove.objects.all()
    assert (only.box_before, only.box_after, only.moved_by) == (8, 4, world.users["pimpinan"])
    assert IndexResult.objects.get(pk=r_siti.pk).box == 8
    assert AuditEvent.objects.filter(model__icontains="calibrationmove").count() == 2
    view = selectors.calibration_view(user=world.users["admin"], session=session)
    assert view.before[7] == 1 and view.after[7] == 0 and view.after[3] == 1


def test_an_employee_outside_the_sessions_opd_cannot_be_moved(world, talent):
    run, _, r_agus = talent
    session = _open(world, run)
    with pytest.raises(ValidationError) as exc:
        services.move_record(acting_user=world.users["admin"], session=session, result=r_agus, box_after=5,
                             alasan=REASON)  # fmt: skip
    assert "tidak termasuk OPD" in str(exc.value)


def test_open_moves_do_not_count_closed_ones_feed_the_pool_and_are_final(world, talent):
    run, r_siti, _ = talent
    session = _open(world, run)
    services.move_record(acting_user=world.users["admin"], session=session, result=r_siti, box_after=5, alasan=REASON)
    admin = world.users["admin"]
    in_pool = lambda: _names(  # noqa: E731
        (lambda p: p.eligible + p.excluded)(selectors.talent_pool(user=admin, level="ahli_madya"))
    )
    assert in_pool() == ["Agus Setiawan", "Siti Rahmawati"]  # the session is still open
    services.session_close(acting_user=world.users["pimpinan"], session=session)
    session.refresh_from_db()
    assert session.status == CalibrationSession.Status.CLOSED and session.closed_by == world.users["pimpinan"]
    assert selectors.calibrated_boxes(run) == {world.p_puskesmas.pk: 5}
    assert in_pool() == ["Agus Setiawan"]  # effective box 5: out of the succession group
    with pytest.raises(ValidationError) as exc:
        services.move_record(acting_user=admin, session=session, result=r_siti, box_after=9, alasan=REASON)
    assert "sudah ditutup" in str(exc.value)
    with pytest.raises(ValidationError):
        services.session_close(acting_user=admin, session=session)


def test_a_calibrated_move_into_the_group_adds_to_the_pool(world, talent):
    run, r_siti, r_agus = talent
    r_agus.box = 5
    IndexResult.objects.filter(pk=r_agus.pk).update(box=5)
    session = services.session_open(acting_user=world.users["admin"], run=run, opd=world.dindik, judul="Kalibrasi")
    services.move_record(acting_user=world.users["admin"], session=session, result=r_agus, box_after=7, alasan=REASON)
    services.session_close(acting_user=world.users["admin"], session=session)
    pool = selectors.talent_pool(user=world.users["admin"], level="ahli_madya")
    rows = {r.result.pegawai.nama: r for r in pool.eligible + pool.excluded}
    assert rows["Agus Setiawan"].box == 7 and rows["Agus Setiawan"].calibrated


@pytest.mark.parametrize("role", ["operator", "auditor"])
def test_only_the_committee_opens_sessions(world, talent, role):
    with pytest.raises(PermissionDenied):
        services.session_open(acting_user=world.users[role], run=talent[0], opd=world.dinkes, judul="x")


def test_a_session_needs_a_title_and_a_top_level_unit(world, talent):
    run = talent[0]
    with pytest.raises(ValidationError) as exc:
        services.session_open(acting_user=world.users["admin"], run=run, opd=world.dinkes, judul=" ")
    assert "Judul sesi wajib diisi" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.session_open(acting_user=world.users["admin"], run=run, opd=world.puskesmas, judul="Sesi")
    assert "OPD" in str(exc.value)


# --- Views ---------------------------------------------------------------------------------------------------


def test_views_show_pool_critical_and_calibration(world, talent, client):
    run, r_siti, _ = talent
    services.jabatan_set_kritis(acting_user=world.users["admin"], jabatan=world.jab_dindik, kritis=True)
    client.force_login(world.users["pimpinan"])
    html = client.get(reverse("talenta:index") + "?jenjang=ahli_madya&tampil=tidak").content.decode()
    assert "Siti Rahmawati" in html and "Alasan dikecualikan" in html
    html = client.get(reverse("talenta:kritis")).content.decode()
    assert "Guru Ahli Muda" in html and "Risiko tinggi" in html
    response = client.post(reverse("talenta:kalibrasi_baru"), {"opd": world.dinkes.pk, "judul": "Rapat kalibrasi"})
    session = CalibrationSession.objects.get()
    assert response["Location"] == session.get_absolute_url()
    url = reverse("talenta:kalibrasi_pindah", args=[session.pk])
    response = client.post(url, {"result": r_siti.pk, "box_after": 5, "alasan": ""})
    assert response.status_code == 400 and "Alasan wajib ditulis" in response.content.decode()
    response = client.post(url, {"result": r_siti.pk, "box_after": 5, "alasan": REASON})
    assert response.status_code == 302
    html = client.get(session.get_absolute_url()).content.decode()
    assert REASON in html and "data-opd-calib" in html
    client.post(reverse("talenta:kalibrasi_tutup", args=[session.pk]))
    html = client.get(session.get_absolute_url()).content.decode()
    assert "Ditutup (final)" in html and "Simpan perpindahan" not in html


def test_operator_reads_a_session_of_the_own_opd_but_cannot_move(world, talent, client):
    run, r_siti, _ = talent
    session = _open(world, run)
    client.force_login(world.users["operator"])
    assert client.get(session.get_absolute_url()).status_code == 200
    url = reverse("talenta:kalibrasi_pindah", args=[session.pk])
    assert client.post(url, {"result": r_siti.pk, "box_after": 5, "alasan": REASON}).status_code == 403
    assert not CalibrationMove.objects.exists()


def test_mark_critical_through_the_form(world, client):
    client.force_login(world.users["admin"])
    jab = world.jab_dindik
    jab.jenis, jab.jenjang = "struktural", "administrator"
    Jabatan = type(jab)
    Jabatan.objects.filter(pk=jab.pk).update(jenis="struktural", jenjang="administrator")
    client.post(reverse("talenta:kritis_tandai"), {"jabatan": jab.pk})
    assert Jabatan.objects.get(pk=jab.pk).kritis
    client.post(reverse("talenta:kritis_lepas", args=[jab.pk]))
    assert not Jabatan.objects.get(pk=jab.pk).kritis


def test_career_compass_card_on_the_own_profile(world, talent, client):
    client.force_login(world.users["pegawai"])
    html = client.get(reverse("pegawai:detail", args=[world.p_puskesmas.pk])).content.decode()
    assert "Kompas karier" in html and "JF Ahli Muda" in html
    assert "asesmen perlu dilakukan" in html  # no assessment on record
    kompas = selectors.career_compass(user=world.users["pegawai"], pegawai=world.p_puskesmas)
    assert kompas.explained.value["next_level"] == "ahli_muda"


def test_career_compass_without_a_run(world, client):
    client.force_login(world.users["pegawai"])
    html = client.get(reverse("pegawai:detail", args=[world.p_puskesmas.pk])).content.decode()
    assert "Kompas karier tersedia setelah" in html


def test_closest_to_the_next_level_is_scoped_and_counts_unmet_conditions(world, talent, client):
    admin = selectors.closest_to_next_level(user=world.users["admin"], level=None)
    # Siti (JF ahli pertama) -> ahli muda; Agus (JF ahli muda) -> ahli madya.
    assert [lvl for lvl, _ in admin.levels] == ["ahli_madya", "ahli_muda"]
    total = {lvl: sum(s["data"][i] for s in admin.chart["series"]) for i, lvl in enumerate(admin.chart["levels"])}
    assert total == {"ahli_madya": 1, "ahli_muda": 1}
    operator = selectors.closest_to_next_level(user=world.users["operator"], level="ahli_madya")
    assert [lvl for lvl, _ in operator.levels] == ["ahli_muda"] and operator.level == "ahli_muda"
    client.force_login(world.users["auditor"])
    html = client.get(reverse("talenta:terdekat")).content.decode()
    assert "Terdekat naik jenjang" in html and "data-closest" in html
