"""Bad input is refused with the field and the reason, and nothing is partially saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from simerit.core.models import AuditEvent
from simerit.pegawai.models import Pegawai, RiwayatPangkat
from simerit.pegawai.services import pegawai_create, pegawai_update, riwayat_create
from simerit.referensi.models import Pangkat
from tests.factories import make_nip

pytestmark = pytest.mark.django_db


def base_data(world, **over):
    data = {
        "nip": make_nip(dt.date(1990, 1, 15), dt.date(2019, 3, 1), "L", 7),
        "nama": "Rudi Hartono",
        "jenis_kelamin": "L",
        "tanggal_lahir": dt.date(1990, 1, 15),
        "status": "PNS",
        "tmt_cpns": dt.date(2019, 3, 1),
        "tmt_pns": dt.date(2020, 3, 1),
        "golongan": "III/a",
        "pendidikan_kode": "S1",
        "unit": world.puskesmas,
        "jabatan": world.jab_dinkes,
    }
    data.update(over)
    return data


def refused(world, user="admin", **over):
    before = (Pegawai.objects.count(), AuditEvent.objects.count(), RiwayatPangkat.objects.count())
    with pytest.raises(ValidationError) as exc:
        pegawai_create(acting_user=world.users[user], instansi=world.inst, data=base_data(world, **over))
    assert (Pegawai.objects.count(), AuditEvent.objects.count(), RiwayatPangkat.objects.count()) == before
    return exc.value.message_dict


def test_valid_employee_is_created_with_codes_resolved(world):
    p = pegawai_create(acting_user=world.users["admin"], instansi=world.inst, data=base_data(world))
    assert p.pangkat.kode == "III/a"
    assert p.pendidikan.kode == "S1"
    assert p.nip == "199001152019031007"


def test_invalid_nip_names_field_and_reason(world):
    errors = refused(world, nip="199002302019031007")  # 30 February
    assert list(errors) == ["nip"]
    assert "bukan tanggal lahir yang sah" in errors["nip"][0]


def test_nip_as_number_loses_nothing_silently(world):
    errors = refused(world, nip="19900115201903107")  # 17 digits, e.g. a lost leading zero
    assert "tepat 18 digit" in errors["nip"][0]


def test_birth_date_after_cpns_date_is_refused(world):
    errors = refused(world, tanggal_lahir=dt.date(2019, 6, 1))
    assert "Tanggal lahir harus sebelum TMT CPNS." in errors["tanggal_lahir"]


def test_unknown_golongan_is_refused(world):
    errors = refused(world, golongan="V/a")
    assert errors["pangkat"] == ["Golongan 'V/a' tidak dikenal."]


def test_jabatan_from_another_instansi_is_refused(world):
    errors = refused(world, jabatan=world.jab_other)
    assert errors["jabatan"] == ["Jabatan berasal dari instansi lain."]


def test_several_problems_are_all_reported(world):
    errors = refused(world, golongan="IX/z", jabatan=world.jab_other, tmt_pns=dt.date(2018, 1, 1))
    assert set(errors) >= {"pangkat", "jabatan", "tmt_pns"}


def test_bad_history_rolls_back_the_employee(world):
    before = (Pegawai.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as exc:
        pegawai_create(
            acting_user=world.users["admin"],
            instansi=world.inst,
            data=base_data(world),
            riwayat={
                "pangkat": [
                    {"pangkat": Pangkat.objects.get(kode="III/a"), "tmt": dt.date(2019, 3, 1)},
                    {"pangkat": Pangkat.objects.get(kode="III/b"), "tmt": dt.date(2099, 4, 1)},
                ]
            },
        )
    assert exc.value.message_dict == {"riwayat_pangkat[2].tmt": ["Tanggal tidak boleh di masa depan."]}
    assert (Pegawai.objects.count(), AuditEvent.objects.count()) == before


def test_operator_cannot_create_outside_own_unit(world):
    with pytest.raises(PermissionDenied):
        pegawai_create(acting_user=world.users["operator"], instansi=world.inst,
                       data=base_data(world, unit=world.dindik, jabatan=world.jab_dindik))
    assert not Pegawai.objects.filter(nama="Rudi Hartono").exists()


def test_read_only_roles_cannot_update(world):
    for role in ("pimpinan", "auditor", "pegawai"):
        with pytest.raises(PermissionDenied):
            pegawai_update(acting_user=world.users[role], pegawai=world.p_puskesmas, data={"nama": "X"})
    world.p_puskesmas.refresh_from_db()
    assert world.p_puskesmas.nama == "Siti Rahmawati"


def test_update_with_bad_value_keeps_stored_record(world):
    with pytest.raises(ValidationError) as exc:
        pegawai_update(acting_user=world.users["admin"], pegawai=world.p_puskesmas,
                       data={"nama": "Nama Baru", "golongan": "III/z"})
    assert "pangkat" in exc.value.message_dict
    world.p_puskesmas.refresh_from_db()
    assert world.p_puskesmas.nama == "Siti Rahmawati"


def test_kinerja_after_2022_needs_both_ratings(world):
    with pytest.raises(ValidationError) as exc:
        riwayat_create(acting_user=world.users["admin"], pegawai=world.p_puskesmas, kind="kinerja",
                       data={"tahun": 2024, "hasil_kerja": "sesuai"})
    assert "PermenPANRB 6/2022" in exc.value.message_dict["hasil_kerja"][0]


def test_hukdis_type_must_match_level(world):
    with pytest.raises(ValidationError) as exc:
        riwayat_create(acting_user=world.users["admin"], pegawai=world.p_puskesmas, kind="hukdis",
                       data={"tingkat": "ringan", "jenis": "pdhtaps", "tanggal_sk": dt.date(2024, 5, 1)})
    assert exc.value.message_dict["tingkat"] == ["Jenis hukuman ini termasuk tingkat Berat."]
