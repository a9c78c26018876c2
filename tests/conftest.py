"""Shared fixtures: a small world of two instansi with every role."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

import pytest

from tests import factories as f

# Playwright's sync API runs an event loop; Django must still allow ORM calls in live_server tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class World:
    inst: Any
    other_inst: Any
    dinkes: Any
    puskesmas: Any
    dindik: Any
    other_opd: Any
    jab_dinkes: Any
    jab_dindik: Any
    jab_other: Any
    p_puskesmas: Any
    p_dindik: Any
    p_other: Any
    users: dict[str, Any]


@pytest.fixture
def world(db: Any) -> World:
    from django.apps import apps

    from simerit.referensi.loaders import load_reference
    from simerit.referensi.models import Pangkat

    if not Pangkat.objects.exists():
        # A transactional test (browser tests) flushed the rows the migration loaded.
        load_reference(apps)
    inst = f.instansi()
    other = f.instansi("3201", "Pemerintah Kabupaten Lain")
    dinkes = f.unit(inst, "DINKES", "Dinas Kesehatan")
    puskesmas = f.unit(inst, "PKM-01", "Puskesmas Kota", parent=dinkes)
    dindik = f.unit(inst, "DINDIK", "Dinas Pendidikan")
    other_opd = f.unit(other, "BKPSDM", "BKPSDM Kabupaten Lain")
    jab_dinkes = f.jabatan(puskesmas, "Perawat Ahli Pertama", jenjang="ahli_pertama")
    jab_dindik = f.jabatan(dindik, "Guru Ahli Muda")
    jab_other = f.jabatan(other_opd, "Analis SDM Aparatur Ahli Muda")
    p_puskesmas = f.pegawai(puskesmas, serial=1, nama="Siti Rahmawati", sex="P", jab=jab_dinkes)
    p_dindik = f.pegawai(dindik, serial=2, nama="Agus Setiawan", jab=jab_dindik)
    p_other = f.pegawai(other_opd, serial=3, nama="Dewi Lestari", sex="P", jab=jab_other)
    users = {
        "admin": f.user("admin", "admin", inst, is_staff=True),
        "operator": f.user("operator", "operator", inst, unit=dinkes),
        "pimpinan": f.user("pimpinan", "pimpinan", inst),
        "pegawai": f.user("pegawai", "pegawai", inst, pegawai=p_puskesmas),
        "auditor": f.user("auditor", "auditor", inst),
        "admin_lain": f.user("admin_lain", "admin", other),
    }
    return World(inst, other, dinkes, puskesmas, dindik, other_opd, jab_dinkes, jab_dindik, jab_other,
                 p_puskesmas, p_dindik, p_other, users)


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture(autouse=True)
def _immediate_tasks(settings: Any) -> None:
    # Background tasks run at once in the test's thread (no db_worker in tests).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: Any) -> None:
    # Tests create many users; the production hasher (PBKDF2) is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
