"""Loading a small synthetic regency: counts, model validation of a sample, demo users."""

from __future__ import annotations

import random
from typing import Any

import pytest
from django.apps import apps
from django.db import models

from simerit.accounts.models import User
from simerit.core.models import AuditEvent, Instansi, Role
from simerit.organisasi.models import Jabatan, StandarKompetensi, UnitOrganisasi
from simerit.pegawai.models import Pegawai, RiwayatAsesmen, RiwayatDiklat
from simerit.referensi.loaders import load_reference
from simerit.referensi.models import Pangkat
from simerit.synth.generator import generate
from simerit.synth.loader import DEMO_PASSWORD, MODELS, SynthLoadError, load_synth

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def reference() -> None:
    if not Pangkat.objects.exists():
        # A transactional (browser) test flushed the rows the migration loaded.
        load_reference(apps)


@pytest.fixture
def loaded(reference: None) -> tuple[Any, dict[str, Any]]:
    data = generate(300, seed=11)
    seen: list[tuple[str, int, int]] = []
    result = load_synth(data, instansi_kode="3328", instansi_nama="Pemerintah Kabupaten Contoh",
                        progress=lambda stage, done, total: seen.append((stage, done, total)))  # fmt: skip
    result["progress"] = seen
    return data, result


def test_counts_match_the_frames(loaded: tuple[Any, dict[str, Any]]) -> None:
    data, result = loaded
    instansi = Instansi.objects.get(kode="3328")
    assert result["instansi_id"] == instansi.pk
    for table, model in MODELS.items():
        expected = data.frames()[table].height
        assert result["counts"][table] == expected
        assert model._base_manager.filter(instansi=instansi).count() == expected, table
    assert ("pegawai", 300, 300) in result["progress"]


def test_a_sample_of_every_table_passes_model_validation(loaded: tuple[Any, dict[str, Any]]) -> None:
    rng = random.Random(5)
    for model in MODELS.values():
        pks = list(model._base_manager.values_list("pk", flat=True))
        for obj in model._base_manager.filter(pk__in=rng.sample(pks, min(30, len(pks)))):
            obj.full_clean()
            if isinstance(obj, Pegawai):
                assert obj.nip_warnings() == []


def test_tree_paths_and_foreign_keys(loaded: tuple[Any, dict[str, Any]]) -> None:
    for unit in UnitOrganisasi.objects.all():
        expected = f"/{unit.parent_id}/{unit.pk}/" if unit.parent_id else f"/{unit.pk}/"
        assert unit.path == expected and unit.level == (1 if unit.parent_id else 0)
    pegawai = Pegawai.objects.select_related("jabatan", "unit", "pangkat", "pendidikan").order_by("pk").first()
    assert pegawai is not None and pegawai.jabatan.instansi_id == pegawai.instansi_id
    assert StandarKompetensi.objects.filter(jabatan__in=Jabatan.objects.all()).count() == 9 * Jabatan.objects.count()


def test_one_audit_event_summarises_the_load(loaded: tuple[Any, dict[str, Any]]) -> None:
    events = AuditEvent.objects.filter(model="synth")
    assert events.count() == 1
    assert events.get().changes["jumlah"]["pegawai"] == 300
    # bulk_create bypasses the per-row audit on purpose.
    assert not AuditEvent.objects.filter(model="pegawai.pegawai").exists()


def test_demo_users_for_every_role(loaded: tuple[Any, dict[str, Any]]) -> None:
    _data, result = loaded
    instansi = Instansi.objects.get(kode="3328")
    users = {u.username: u for u in User.objects.filter(instansi=instansi)}
    assert {login["username"] for login in result["logins"]} == set(users) == {
        "admin", "operator", "pimpinan", "auditor", "pegawai"
    }  # fmt: skip
    assert {login["password"] for login in result["logins"]} == {DEMO_PASSWORD}
    for name, user in users.items():
        assert user.role == name and user.check_password(DEMO_PASSWORD)
    admin = users["admin"]
    assert admin.is_staff and admin.role == Role.ADMIN
    assert admin.has_perm("pegawai.change_pegawai") and admin.has_perm("organisasi.view_unitorganisasi")
    operator = users["operator"]
    assert operator.unit is not None and operator.unit.parent_id is None and operator.unit.nama == "Dinas Kesehatan"
    pegawai = users["pegawai"].pegawai
    assert pegawai is not None and pegawai.status == "PNS" and pegawai.aktif
    assert pegawai.jabatan.jenis == "struktural"
    assert RiwayatAsesmen.objects.filter(pegawai=pegawai).exists()
    assert RiwayatDiklat.objects.filter(pegawai=pegawai, jenis="kepemimpinan").exists()


def test_second_load_refuses_the_same_code_and_suffixes_usernames(loaded: tuple[Any, dict[str, Any]]) -> None:
    with pytest.raises(SynthLoadError, match="sudah ada"):
        load_synth(generate(60, seed=1), instansi_kode="3328", instansi_nama="Lagi")
    before = {m: m._base_manager.aggregate(x=models.Max("pk"))["x"] for m in MODELS.values() if m is not StandarKompetensi}
    result = load_synth(generate(60, seed=1), instansi_kode="3329", instansi_nama="Kabupaten Lain")
    assert {login["username"] for login in result["logins"]} == {
        "admin-3329", "operator-3329", "pimpinan-3329", "auditor-3329", "pegawai-3329"
    }  # fmt: skip
    for model, old_max in before.items():
        assert model._base_manager.filter(instansi_id=result["instansi_id"], pk__lte=old_max).count() == 0
    assert Pegawai.objects.filter(instansi_id=result["instansi_id"]).count() == 60
