"""Every change to personnel data is recorded: who, when, what (old -> new), same transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from simerit.core.models import AuditEvent
from simerit.pegawai.services import pegawai_update, riwayat_create
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_update_records_actor_and_old_new_values(world):
    admin = world.users["admin"]
    pegawai_update(acting_user=admin, pegawai=world.p_puskesmas, data={"nama": "Siti Rahmawati Putri", "golongan": "III/c"})
    event = AuditEvent.objects.filter(model="pegawai.pegawai", action="update").latest("id")
    assert event.actor_id == admin.pk
    assert event.actor_label == "admin"
    assert event.instansi_id == world.inst.pk
    assert event.changes["nama"] == ["Siti Rahmawati", "Siti Rahmawati Putri"]
    old_id, new_id = event.changes["pangkat_id"]
    assert (old_id, new_id) != (None, None) and old_id != new_id
    assert set(event.changes) == {"nama", "pangkat_id"}


def test_create_and_delete_of_history_are_recorded(world):
    row = riwayat_create(acting_user=world.users["operator"], pegawai=world.p_puskesmas, kind="penghargaan",
                         data={"nama": "Satyalancana Karya Satya X Tahun", "tahun": 2025})
    created = AuditEvent.objects.get(model="pegawai.riwayatpenghargaan", action="create")
    assert created.actor_label == "operator"
    assert created.changes["tahun"] == [None, 2025]
    row.delete()
    deleted = AuditEvent.objects.get(model="pegawai.riwayatpenghargaan", action="delete")
    assert deleted.changes["nama"] == ["Satyalancana Karya Satya X Tahun", None]


def test_audit_rolls_back_with_the_change(world):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        pegawai_update(acting_user=world.users["admin"], pegawai=world.p_puskesmas, data={"nama": "Gagal"})
        raise RuntimeError("simulated failure after the write")
    assert AuditEvent.objects.count() == before
    world.p_puskesmas.refresh_from_db()
    assert world.p_puskesmas.nama == "Siti Rahmawati"


def test_login_and_failed_login_are_recorded(world, client):
    client.post(reverse("login"), {"username": "admin", "password": "salah"})
    assert AuditEvent.objects.filter(action="login_failed", actor_label="admin").exists()
    client.post(reverse("login"), {"username": "admin", "password": PASSWORD})
    assert AuditEvent.objects.filter(action="login", actor_id=world.users["admin"].pk).exists()


def test_login_is_throttled_after_five_failures(world, client):
    for _ in range(5):
        client.post(reverse("login"), {"username": "pimpinan", "password": "salah"})
    response = client.post(reverse("login"), {"username": "pimpinan", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_no_audit_row_is_written_for_unchanged_save(world):
    before = AuditEvent.objects.count()
    world.p_puskesmas.save()
    assert AuditEvent.objects.count() == before
    assert world.p_puskesmas.tanggal_lahir == dt.date(1986, 9, 26)
