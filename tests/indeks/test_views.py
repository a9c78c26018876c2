"""Index screens through HTTP: start and follow a run, dashboard, 9-box list, DUK, profile scores."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from simerit.indeks.models import IndexResult, IndexRun
from simerit.indeks.services import index_run_start
from tests.indeks.conftest import AS_OF

pytestmark = pytest.mark.django_db


def _done(user: Any) -> IndexRun:
    run = index_run_start(acting_user=user, instansi=user.instansi, as_of=AS_OF)
    assert run.status == IndexRun.Status.DONE, run.error
    return run


def test_admin_starts_a_run_from_the_list_and_sees_its_summary(world: Any, client: Any) -> None:
    client.force_login(world.users["admin"])
    page = client.get(reverse("indeks:list")).content.decode()
    assert "Hitung ulang" in page and f'value="{dt.date.today().year - 1}-12-31"' in page
    response = client.post(reverse("indeks:start"), {"as_of": "2025-12-31"})
    run = IndexRun.objects.get()
    assert response["Location"] == reverse("indeks:detail", args=[run.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Pegawai dihitung" in html and "IP ASN rata-rata" in html and "Lama tiap tahap" in html
    # A finished run's progress area no longer polls.
    partial = client.get(reverse("indeks:progress", args=[run.pk])).content.decode()
    assert "hx-trigger" not in partial and "Selesai" in partial


def test_read_only_roles_see_runs_but_no_start_form(world: Any, client: Any) -> None:
    _done(world.users["admin"])
    client.force_login(world.users["pimpinan"])
    page = client.get(reverse("indeks:list")).content.decode()
    assert "Hitung ulang" not in page and "Selesai" in page
    assert client.post(reverse("indeks:start"), {"as_of": "2025-12-31"}).status_code == 403


def test_invalid_date_is_refused_with_a_message(world: Any, client: Any) -> None:
    client.force_login(world.users["admin"])
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    page = client.post(reverse("indeks:start"), {"as_of": future}, follow=True).content.decode()
    assert "tidak boleh di masa depan" in page and not IndexRun.objects.exists()


def test_without_a_worker_the_run_page_says_it_is_waiting(
    world: Any, client: Any, settings: Any, monkeypatch: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    client.force_login(world.users["admin"])
    client.post(reverse("indeks:start"), {"as_of": "2025-12-31"})
    run = IndexRun.objects.get()
    assert run.status == IndexRun.Status.QUEUED and run.task_id
    partial = client.get(reverse("indeks:progress", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in partial and "menunggu pekerja latar belakang" in partial
    IndexRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - dt.timedelta(minutes=2))
    partial = client.get(reverse("indeks:progress", args=[run.pk])).content.decode()
    assert "db_worker" in partial and "sudah menunggu 2 menit dan belum diambil" in partial
    # The database worker picks it up and finishes it. (In-process here: the worker's connection
    # recycling would close the test's transaction on PostgreSQL, so it is switched off.)
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO(), stderr=StringIO())
    run.refresh_from_db()
    assert run.status == IndexRun.Status.DONE and IndexResult.objects.filter(run=run).count() == 2


def test_dashboard_without_a_run_offers_the_button_to_admins_only(world: Any, client: Any) -> None:
    client.force_login(world.users["admin"])
    html = client.get(reverse("dasbor:index")).content.decode()
    assert "Belum ada perhitungan indeks" in html and "Hitung indeks sekarang" in html
    client.force_login(world.users["pimpinan"])
    html = client.get(reverse("dasbor:index")).content.decode()
    assert "Belum ada perhitungan indeks" in html and "Hitung indeks sekarang" not in html


def test_dashboard_shows_ipasn_by_opd_and_the_nine_box(synth: Any, client: Any) -> None:
    run = _done(synth.users["admin"])
    client.force_login(synth.users["pimpinan"])
    response = client.get(reverse("dasbor:index"))
    data = response.context["merit"]
    assert data["run"] == run
    opd = data["ipasn"]
    assert opd["labels"] and opd["values"] == sorted(opd["values"], reverse=True)
    assert sum(opd["counts"]) == IndexResult.objects.filter(run=run, ip_total__isnull=False).count()
    grid = data["grid"]
    assert [[c.box for c in cells] for _label, cells in grid.rows] == [[4, 7, 9], [2, 5, 8], [1, 3, 6]]
    assert grid.placed == IndexResult.objects.filter(run=run, box__isnull=False).count()
    html = response.content.decode()
    for box in range(1, 10):
        assert reverse("indeks:box", args=[box]) in html
    assert "Potensial" in html and "Kinerja" in html


def test_box_page_lists_its_people_within_scope(synth: Any, client: Any) -> None:
    run = _done(synth.users["admin"])
    box = IndexResult.objects.filter(run=run, box__isnull=False).values_list("box", flat=True).first()
    client.force_login(synth.users["pimpinan"])
    response = client.get(reverse("indeks:box", args=[box]))
    expected = IndexResult.objects.filter(run=run, box=box).count()
    assert response.context["page_obj"].paginator.count == expected
    assert "Rekomendasi tindak lanjut" in response.content.decode()
    assert client.get(reverse("indeks:box", args=[10])).status_code == 404
    operator = synth.users["operator"]
    client.force_login(operator)
    response = client.get(reverse("indeks:box", args=[box]))
    listed = [r.unit.path for r in response.context["page_obj"].object_list]
    assert all(path.startswith(operator.unit.path) for path in listed)


def test_duk_page_follows_the_stored_ranks(synth: Any, client: Any) -> None:
    run = _done(synth.users["admin"])
    client.force_login(synth.users["pimpinan"])
    response = client.get(reverse("indeks:duk"))
    ranks = [r.duk_rank_instansi for r in response.context["page_obj"].object_list]
    assert ranks[:3] == [1, 2, 3]
    opd = IndexResult.objects.filter(run=run, duk_rank_opd=1).values_list("opd_id", flat=True).first()
    response = client.get(reverse("indeks:duk"), {"opd": opd})
    rows = list(response.context["page_obj"].object_list)
    assert {r.opd_id for r in rows} == {opd} and rows[0].duk_rank_opd == 1
    html = response.content.decode()
    assert "Latihan jabatan" in html and "Masa kerja" in html and rows[0].pegawai.nip in html
    # An operator gets their own OPD's DUK and cannot switch to another OPD.
    operator = synth.users["operator"]
    client.force_login(operator)
    own_opd = int(operator.unit.path.strip("/").split("/")[0])
    response = client.get(reverse("indeks:duk"), {"opd": opd if opd != own_opd else ""})
    assert response.context["opd"].pk == own_opd
    assert all(r.opd_id == own_opd for r in response.context["page_obj"].object_list)


def test_profile_shows_each_score_with_its_explanation(world: Any, client: Any) -> None:
    run = _done(world.users["admin"])
    p = world.p_puskesmas
    client.force_login(world.users["pegawai"])  # an employee sees their own scores
    html = client.get(reverse("pegawai:detail", args=[p.pk])).content.decode()
    assert "Skor merit" in html and f"#{run.pk}" in html
    for title in ("IP ASN", "Predikat kinerja", "Job Person Match", "Kotak talenta (9-box)", "Batas usia pensiun",
                  "Kenaikan pangkat reguler"):  # fmt: skip
        assert f'<summary class="fw-medium py-1">{title}</summary>' in html
    assert "Peraturan BKN 8/2019" in html and ">peraturan<" in html and ">keputusan<" in html
    assert "TMT pensiun" in html and "1 Oktober 2044" in html  # born 26 Sep 1986, BUP 58
    assert "Data pegawai ini berubah" not in html


def test_profile_without_a_run_says_so(world: Any, client: Any) -> None:
    client.force_login(world.users["admin"])
    html = client.get(reverse("pegawai:detail", args=[world.p_dindik.pk])).content.decode()
    assert "Belum ada skor" in html and "Hitung indeks" in html


def test_profile_warns_when_data_changed_since_the_run(world: Any, client: Any) -> None:
    from simerit.referensi.models import TingkatPendidikan

    _done(world.users["admin"])
    p = world.p_dindik
    p.pendidikan = TingkatPendidikan.objects.get(kode="S3")
    p.save()
    client.force_login(world.users["admin"])
    html = client.get(reverse("pegawai:detail", args=[p.pk])).content.decode()
    assert "Data pegawai ini berubah sejak perhitungan" in html
    assert re.search(r"Pendidikan tertinggi S3 → 25 poin", html)
