"""Index runs through the database: every active employee, batch == scalar, immutability,
all-or-nothing on failure, scope and progress."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict
from django.urls import reverse

from simerit.core.models import AuditEvent
from simerit.indeks import services
from simerit.indeks.frames import load_frames, profile_for
from simerit.indeks.models import IndexResult, IndexRun
from simerit.indeks.selectors import results_in_scope
from simerit.indeks.services import index_run_execute, index_run_start
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.models import Pegawai, RiwayatJabatan, RiwayatKinerja
from simerit.referensi.models import TingkatPendidikan
from simerit.rules import competency, duk, ipasn, pangkat, retirement, skp, talent
from simerit.rules.profile import frames_to_profiles, profiles_to_frames
from simerit.rules.registry import rules_version
from tests.indeks.conftest import AS_OF, in_service

pytestmark = pytest.mark.django_db


def _run(user: Any, as_of: dt.date = AS_OF) -> IndexRun:
    return index_run_start(acting_user=user, instansi=user.instansi, as_of=as_of)


def test_a_run_on_the_world_scores_every_active_employee_of_its_instansi(world: Any) -> None:
    run = _run(world.users["admin"])
    assert run.status == IndexRun.Status.DONE, run.error
    assert run.progress == 100 and run.started_at and run.finished_at
    assert run.rules_version == rules_version(AS_OF) and "ipasn@2019" in run.rules_version
    assert run.started_by == world.users["admin"]
    results = {r.pegawai_id: r for r in IndexResult.objects.filter(run=run)}
    assert set(results) == {world.p_puskesmas.pk, world.p_dindik.pk}  # not the other instansi's
    r = results[world.p_puskesmas.pk]
    assert r.unit_id == world.puskesmas.pk and r.opd_id == world.dinkes.pk
    assert r.bup == 58 and r.ip_total is not None and r.ip_kategori
    assert run.counts["pegawai"] == run.counts["hasil"] == 2
    assert set(run.counts["detik"]) >= {"muat_data", "hitung", "simpan", "total", "per_aturan"}
    created = AuditEvent.objects.get(model="indeks.indexrun", object_pk=str(run.pk), action=AuditEvent.Action.CREATE)
    assert created.actor_id == world.users["admin"].pk


def test_only_admins_start_runs_and_never_two_at_once_or_in_the_future(world: Any) -> None:
    for role in ("operator", "pimpinan", "auditor", "pegawai"):
        with pytest.raises(PermissionDenied):
            _run(world.users[role])
    with pytest.raises(PermissionDenied):
        index_run_start(acting_user=world.users["admin"], instansi=world.other_inst, as_of=AS_OF)
    with pytest.raises(ValidationError, match="masa depan"):
        _run(world.users["admin"], dt.date.today() + dt.timedelta(days=1))
    IndexRun.objects.create(instansi=world.inst, as_of=AS_OF, status=IndexRun.Status.RUNNING)
    with pytest.raises(ValidationError, match="Masih ada perhitungan"):
        _run(world.users["admin"])


def _scalar(profile: Any, as_of: dt.date) -> dict[str, Any]:
    """What the run should have stored, computed by the scalar rules."""
    ip = ipasn.ip_asn(profile, as_of).value
    pred = skp.latest_predikat(profile.performance, as_of).value
    rated = skp.latest_rated_predikat(profile.performance, as_of).value
    jpm = competency.jpm(profile.competency_standard or {}, profile.competency_actual or {}, as_of).value
    box = talent.nine_box(rated["value"] if rated else None, jpm["percent"] if jpm else None).value
    ret = retirement.retirement(profile, as_of).value
    kp = pangkat.kp_reguler(profile, as_of).value
    return {
        "ip_kualifikasi": ip.kualifikasi, "ip_kompetensi": ip.kompetensi, "ip_kinerja": ip.kinerja,
        "ip_disiplin": ip.disiplin, "ip_total": ip.total, "ip_kategori": ip.kategori or "", "flags": ip.flags,
        "predikat_year": pred["year"] if pred else None, "predikat": pred["value"] if pred else "",
        "jpm_percent": jpm["percent"] if jpm else None, "jpm_pemetaan": jpm["pemetaan"] if jpm else "",
        "jpm_seleksi": jpm["seleksi"] if jpm else "",
        "box": box["box"] if box else None, "kinerja_axis": box["kinerja"] if box else "",
        "potensial_axis": box["potensial"] if box else "",
        "bup": ret["bup"] if ret else None, "tmt_pensiun": ret["tmt_pensiun"] if ret else None,
        "kp_eligible": kp["eligible"], "kp_next_date": kp["next_date"], "kp_target": kp["target"] or "",
    }  # fmt: skip


def test_batch_results_equal_the_scalar_rules_through_the_database(synth: Any) -> None:
    run = _run(synth.users["admin"])
    assert run.status == IndexRun.Status.DONE, run.error
    staff = Pegawai.objects.filter(instansi=synth.instansi)
    assert staff.filter(aktif=True).count() == 300
    active = set(in_service(staff).values_list("pk", flat=True))
    results = {r.pegawai_id: r for r in IndexResult.objects.filter(run=run)}
    assert set(results) == active and 250 < len(active) < 300

    loaded = load_frames(instansi_id=synth.instansi.pk, as_of=AS_OF)
    profiles = frames_to_profiles(loaded.frames)
    # The frames survive the trip to profiles and back: one mapping for both forms.
    again = profiles_to_frames(profiles.values())
    for name in ("employees", "trainings", "performance", "discipline", "competency"):
        mine, theirs = getattr(again, name), getattr(loaded.frames, name)
        assert mine.sort(mine.columns, nulls_last=True).equals(theirs.sort(theirs.columns, nulls_last=True)), name

    sample = random.Random(3).sample(sorted(active), 40)
    for pk in sample:
        profile = profile_for(Pegawai.objects.get(pk=pk), AS_OF)
        assert profile == profiles[str(pk)]  # the scalar loader gives the same data
        expected = _scalar(profile, AS_OF)
        stored = {k: getattr(results[pk], k) for k in expected}
        assert stored == expected, pk
    # Every stored value is covered at least once by a non-null case in the sample.
    assert any(results[pk].box for pk in sample) and any(results[pk].ip_total is not None for pk in sample)

    # DUK: the stored ranks give the scalar order of the PNS, in the instansi and in each OPD.
    pns = [p for p in profiles.values() if p.status == "PNS"]
    by_rank = sorted((r for r in results.values() if r.duk_rank_instansi), key=lambda r: r.duk_rank_instansi)
    assert [str(r.pegawai_id) for r in by_rank] == duk.duk_order(pns, AS_OF)
    assert all(r.duk_rank_instansi is None for r in results.values() if profiles[str(r.pegawai_id)].status != "PNS")
    opd = {}
    for r in results.values():
        opd.setdefault(r.opd_id, []).append(r)
    for members in opd.values():
        ranked = sorted((r for r in members if r.duk_rank_opd), key=lambda r: r.duk_rank_opd)
        assert [r.duk_rank_opd for r in ranked] == list(range(1, len(ranked) + 1))
        assert [str(r.pegawai_id) for r in ranked] == duk.duk_order(
            [profiles[str(r.pegawai_id)] for r in ranked], AS_OF
        )


def _snapshot(run: IndexRun) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    run.refresh_from_db()
    header = model_to_dict(run) | {"finished_at": run.finished_at, "created_at": run.created_at}
    return header, [model_to_dict(r) for r in IndexResult.objects.filter(run=run).order_by("pk")]


def test_a_finished_run_is_never_changed_by_a_later_run(world: Any) -> None:
    admin = world.users["admin"]
    first = _run(admin)
    before = _snapshot(first)
    # The employee's data changes, then the index is recomputed.
    p = world.p_puskesmas
    p.pendidikan = TingkatPendidikan.objects.get(kode="S2")
    p.save()
    RiwayatKinerja.objects.create(pegawai=p, tahun=2025, hasil_kerja="di_atas", perilaku_kerja="di_atas")
    second = _run(admin)
    assert second.status == IndexRun.Status.DONE and second.pk != first.pk
    assert _snapshot(first) == before
    # Executing the finished run again does nothing either.
    index_run_execute(run_id=first.pk)
    assert _snapshot(first) == before
    old = IndexResult.objects.get(run=first, pegawai=p)
    new = IndexResult.objects.get(run=second, pegawai=p)
    assert (old.ip_kualifikasi, new.ip_kualifikasi) == (15, 20)
    assert new.predikat == "Sangat Baik" and old.predikat != new.predikat


def test_a_failure_while_writing_leaves_no_results(world: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(services, "BATCH_SIZE", 1)  # one employee per insert
    real = IndexResult.objects.bulk_create
    calls = []

    def failing(objs: Any, **kwargs: Any) -> Any:
        calls.append(len(objs))
        if len(calls) == 2:
            raise RuntimeError("disk penuh")
        return real(objs, **kwargs)

    monkeypatch.setattr(IndexResult.objects, "bulk_create", failing)
    run = _run(world.users["admin"])
    assert calls == [1, 1]  # the first employee was written before the failure
    assert run.status == IndexRun.Status.FAILED
    assert run.error == "Perhitungan gagal pada tahap «Menyimpan hasil»: disk penuh"
    assert not IndexResult.objects.filter(run=run).exists()
    assert run.finished_at is not None and run.progress < 100


def test_a_failing_rule_names_its_stage(world: Any, monkeypatch: Any) -> None:
    def broken(loaded: Any, as_of: dt.date, shared: Any) -> Any:
        raise ValueError("kolom hilang")

    stages = list(services.STAGES)
    stages[2] = ("IP ASN", broken)
    monkeypatch.setattr(services, "STAGES", tuple(stages))
    run = _run(world.users["admin"])
    assert run.status == IndexRun.Status.FAILED
    assert run.error == "Perhitungan gagal pada tahap «IP ASN»: kolom hilang"
    assert not IndexResult.objects.filter(run=run).exists()
    # The failure is recorded in the audit log (status running -> failed).
    event = AuditEvent.objects.filter(model="indeks.indexrun", object_pk=str(run.pk), action="update").get()
    assert event.changes["status"] == ["running", "failed"]


def test_progress_rises_to_100_stage_by_stage(world: Any, monkeypatch: Any) -> None:
    seen: list[tuple[int, str]] = []
    real = services._progress

    def record(run_id: int, progress: int, stage: str) -> None:
        seen.append((progress, stage))
        real(run_id, progress, stage)

    monkeypatch.setattr(services, "_progress", record)
    run = _run(world.users["admin"])
    values = [p for p, _ in seen]
    assert values == sorted(values) and values[0] == services.LOADED and values[-1] == services.COMPUTED
    assert [s for _, s in seen][1:-1] == [label for label, _ in services.STAGES]
    assert run.progress == 100 and run.stage == "Selesai"


def test_operators_see_only_their_subtree(synth: Any) -> None:
    run = _run(synth.users["admin"])
    operator = synth.users["operator"]
    mine = results_in_scope(user=operator, run=run)
    # Scoped by the unit held on the run's date: today's unit, or for whoever moved after AS_OF
    # the unit of their latest position-history row on or before it (decision 0041).
    serving = in_service(Pegawai.objects.filter(instansi=synth.instansi))
    subtree = set(UnitOrganisasi.objects.filter(path__startswith=operator.unit.path).values_list("pk", flat=True))
    expected = set()
    for p in serving:
        unit = p.unit_id
        if p.tmt_jabatan and p.tmt_jabatan > AS_OF:
            row = RiwayatJabatan.objects.filter(pegawai=p, tmt__lte=AS_OF).order_by("tmt").last()
            unit = row.unit_id if row else unit
        if unit in subtree:
            expected.add(p.pk)
    assert 0 < len(expected) < serving.count()
    assert set(mine.values_list("pegawai_id", flat=True)) == expected
    assert results_in_scope(user=synth.users["pimpinan"], run=run).count() == serving.count()
    assert results_in_scope(user=synth.users["auditor"], run=run).count() == serving.count()
    own = results_in_scope(user=synth.users["pegawai"], run=run)
    assert list(own.values_list("pegawai_id", flat=True)) == [synth.users["pegawai"].pegawai_id]
    # The run header itself (no personal data) is visible to the operator, not to the employee.
    assert IndexRun.objects.restrict(operator).filter(pk=run.pk).exists()
    assert not IndexRun.objects.restrict(synth.users["pegawai"]).exists()


def test_a_run_dated_in_the_past_scores_the_career_of_that_date(synth: Any, client: Any) -> None:
    """Decision 0041: the pangkat and position held on the run's date, not today's."""
    from simerit.pegawai.models import RiwayatPangkat

    promoted = (
        Pegawai.objects.filter(instansi=synth.instansi, aktif=True, status="PNS", tmt_pangkat__gt=dt.date(2021, 1, 1))
        .filter(riwayatpangkat_set__tmt__lt=dt.date(2020, 1, 1))
        .distinct()
        .order_by("pk")
        .first()
    )
    history = list(RiwayatPangkat.objects.filter(pegawai=promoted).order_by("tmt").select_related("pangkat"))
    day = dt.date(2020, 12, 31)
    then = [r for r in history if r.tmt <= day][-1]
    assert then.pangkat != promoted.pangkat  # promoted since

    run = _run(synth.users["admin"], as_of=day)
    assert run.status == IndexRun.Status.DONE, run.error
    stored = IndexResult.objects.get(run=run, pegawai=promoted)
    assert (stored.pangkat, stored.tmt_pangkat) == (then.pangkat.kode, then.tmt)
    assert run.counts["karier_dari_riwayat"]["pangkat"] >= 1
    assert profile_for(promoted, day).pangkat == then.pangkat.kode  # the explanation reads the same
    # Nobody appointed after the date is scored.
    assert not IndexResult.objects.filter(run=run, pegawai__tmt_cpns__gt=day).exists()

    client.force_login(synth.users["admin"])
    page = client.get(reverse("indeks:detail", args=[run.pk])).content.decode()
    assert "Perhitungan bertanggal lampau" in page and "Diambil dari riwayat: pangkat" in page
