"""Row scope: RestrictedQuerySet.restrict is the one place deciding who sees which rows."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from simerit.core.models import CHANGE, AuditEvent
from simerit.organisasi.models import UnitOrganisasi
from simerit.pegawai.models import Pegawai, RiwayatKinerja

pytestmark = pytest.mark.django_db


def names(qs):
    return sorted(p.nama for p in qs)


def test_admin_pimpinan_auditor_see_whole_instansi_and_nothing_else(world):
    for role in ("admin", "pimpinan", "auditor"):
        assert names(Pegawai.objects.restrict(world.users[role])) == ["Agus Setiawan", "Siti Rahmawati"]


def test_operator_sees_only_own_unit_subtree(world):
    # The operator of Dinas Kesehatan sees the Puskesmas under it, not Dinas Pendidikan.
    op = world.users["operator"]
    assert names(Pegawai.objects.restrict(op)) == ["Siti Rahmawati"]
    assert sorted(u.kode for u in UnitOrganisasi.objects.restrict(op)) == ["DINKES", "PKM-01"]


def test_pegawai_sees_only_own_record_and_histories(world):
    u = world.users["pegawai"]
    assert names(Pegawai.objects.restrict(u)) == ["Siti Rahmawati"]
    RiwayatKinerja.objects.create(pegawai=world.p_puskesmas, tahun=2024, hasil_kerja="sesuai", perilaku_kerja="sesuai")
    RiwayatKinerja.objects.create(pegawai=world.p_dindik, tahun=2024, hasil_kerja="sesuai", perilaku_kerja="sesuai")
    assert [r.pegawai_id for r in RiwayatKinerja.objects.restrict(u)] == [world.p_puskesmas.pk]


def test_change_scope(world):
    assert Pegawai.objects.restrict(world.users["admin"], CHANGE).count() == 2
    assert names(Pegawai.objects.restrict(world.users["operator"], CHANGE)) == ["Siti Rahmawati"]
    for role in ("pimpinan", "auditor", "pegawai"):
        assert not Pegawai.objects.restrict(world.users[role], CHANGE).exists()


def test_other_instansi_admin_sees_only_own_instansi(world):
    assert names(Pegawai.objects.restrict(world.users["admin_lain"])) == ["Dewi Lestari"]


def test_anonymous_sees_nothing(world):
    assert not Pegawai.objects.restrict(AnonymousUser()).exists()


def test_audit_log_only_for_admin_and_auditor(world):
    assert AuditEvent.objects.restrict(world.users["admin"]).exists()
    assert AuditEvent.objects.restrict(world.users["auditor"]).exists()
    for role in ("operator", "pimpinan", "pegawai"):
        assert not AuditEvent.objects.restrict(world.users[role]).exists()
    # An admin of another instansi never sees this instansi's audit trail.
    assert not AuditEvent.objects.restrict(world.users["admin_lain"]).filter(instansi=world.inst).exists()
