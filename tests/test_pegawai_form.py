"""Adding and changing an employee through the screens: bad input is named, nothing is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from simerit.core.models import AuditEvent
from simerit.pegawai.models import Pegawai
from simerit.referensi.models import Pangkat, TingkatPendidikan
from tests.factories import make_nip

pytestmark = pytest.mark.django_db


def form_data(world, **over):
    data = {
        "nip": make_nip(dt.date(1992, 4, 3), dt.date(2020, 2, 1), "P", 11),
        "nama": "Rina Marlina",
        "tanggal_lahir": "1992-04-03",
        "jenis_kelamin": "P",
        "status": "PNS",
        "tmt_cpns": "2020-02-01",
        "tmt_pns": "2021-02-01",
        "pangkat": Pangkat.objects.get(kode="III/a").pk,
        "pendidikan": TingkatPendidikan.objects.get(kode="S1").pk,
        "unit": world.puskesmas.pk,
        "jabatan": world.jab_dinkes.pk,
        "aktif": "on",
    }
    data.update(over)
    return data


def test_operator_adds_employee_in_own_unit(world, client):
    client.force_login(world.users["operator"])
    response = client.post(reverse("pegawai:create"), form_data(world))
    created = Pegawai.objects.get(nama="Rina Marlina")
    assert response.status_code == 302
    assert response["Location"] == reverse("pegawai:detail", args=[created.pk])
    assert created.instansi == world.inst
    assert AuditEvent.objects.filter(model="pegawai.pegawai", action="create", actor_label="operator").exists()


def test_invalid_nip_and_birth_after_cpns_are_named_and_nothing_saved(world, client):
    client.force_login(world.users["admin"])
    before = (Pegawai.objects.count(), AuditEvent.objects.count())
    response = client.post(
        reverse("pegawai:create"),
        form_data(world, nip="199204032020023011", tanggal_lahir="2020-06-01"),  # sex digit 3
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Data belum disimpan." in html
    assert "Digit ke-15 NIP" in html
    assert "Tanggal lahir harus sebelum TMT CPNS." in html
    assert (Pegawai.objects.count(), AuditEvent.objects.count()) == before


def test_operator_cannot_pick_a_unit_or_jabatan_outside_scope(world, client):
    client.force_login(world.users["operator"])
    response = client.post(reverse("pegawai:create"), form_data(world, unit=world.dindik.pk, jabatan=world.jab_other.pk))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"unit", "jabatan"}
    assert not Pegawai.objects.filter(nama="Rina Marlina").exists()


def test_edit_records_old_and_new_values(world, client):
    client.force_login(world.users["admin"])
    p = world.p_dindik
    data = form_data(world, nip=p.nip, nama="Agus Setiawan Putra", tanggal_lahir="1986-09-26",
                     jenis_kelamin="L", tmt_cpns="2015-05-01", tmt_pns="2016-05-01",
                     unit=world.dindik.pk, jabatan=world.jab_dindik.pk, pangkat=p.pangkat_id)
    response = client.post(reverse("pegawai:edit", args=[p.pk]), data)
    assert response.status_code == 302
    event = AuditEvent.objects.filter(model="pegawai.pegawai", action="update", object_pk=str(p.pk)).latest("id")
    assert event.changes["nama"] == ["Agus Setiawan", "Agus Setiawan Putra"]
    assert event.actor_label == "admin"
