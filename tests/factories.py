"""Small builders for test data (explicit values, so each test shows what it relies on)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from simerit.core.audit import acting_as
from simerit.core.models import Instansi, Role
from simerit.organisasi.models import Jabatan, UnitOrganisasi
from simerit.pegawai.models import Pegawai
from simerit.referensi.models import Pangkat, TingkatPendidikan

PASSWORD = "uji-Simerit-2026!"


def make_nip(birth: dt.date, tmt_cpns: dt.date, sex: str = "L", serial: int = 1) -> str:
    return f"{birth:%Y%m%d}{tmt_cpns:%Y%m}{'1' if sex == 'L' else '2'}{serial:03d}"


def instansi(kode: str = "3328", nama: str = "Pemerintah Kabupaten Contoh") -> Instansi:
    with acting_as(label="test"):
        return Instansi.objects.create(kode=kode, nama=nama)


def unit(inst: Instansi, kode: str, nama: str, parent: UnitOrganisasi | None = None) -> UnitOrganisasi:
    with acting_as(label="test"):
        return UnitOrganisasi.objects.create(instansi=inst, kode=kode, nama=nama, parent=parent)


def jabatan(u: UnitOrganisasi, nama: str = "Analis Kebijakan Ahli Muda", jenis: str = "fungsional",
            jenjang: str = "ahli_muda", **extra: Any) -> Jabatan:
    with acting_as(label="test"):
        return Jabatan.objects.create(instansi=u.instansi, unit=u, nama=nama, jenis=jenis, jenjang=jenjang, **extra)


def pegawai(u: UnitOrganisasi, *, serial: int = 1, nama: str = "Budi Santoso", sex: str = "L",
            birth: dt.date = dt.date(1986, 9, 26), tmt_cpns: dt.date = dt.date(2015, 5, 1),
            golongan: str = "III/b", jab: Jabatan | None = None, **extra: Any) -> Pegawai:
    values: dict[str, Any] = {
        "instansi": u.instansi,
        "unit": u,
        "nip": make_nip(birth, tmt_cpns, sex, serial),
        "nama": nama,
        "jenis_kelamin": sex,
        "tanggal_lahir": birth,
        "status": "PNS",
        "tmt_cpns": tmt_cpns,
        "tmt_pns": tmt_cpns.replace(year=tmt_cpns.year + 1),
        "pangkat": Pangkat.objects.get(kode=golongan),
        "tmt_pangkat": dt.date(2019, 4, 1),
        "pendidikan": TingkatPendidikan.objects.get(kode="S1"),
        "jabatan": jab,
    }
    values.update(extra)
    with acting_as(label="test"):
        p = Pegawai(**values)
        p.full_clean()
        p.save()
    return p


def user(username: str, role: str, inst: Instansi | None, **extra: Any):  # type: ignore[no-untyped-def]
    from simerit.accounts.models import User

    u = User(username=username, role=role, instansi=inst, **extra)
    u.set_password(PASSWORD)
    u.save()
    return u


ROLES = [Role.ADMIN, Role.OPERATOR, Role.PIMPINAN, Role.PEGAWAI, Role.AUDITOR]
