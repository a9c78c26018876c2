"""Fixtures of the index tests: a small synthetic regency loaded through the real loader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

AS_OF = dt.date(2025, 12, 31)


@dataclass
class Synth:
    instansi: Any
    users: dict[str, Any]


@pytest.fixture
def reference(db: Any) -> None:
    from django.apps import apps

    from simerit.referensi.loaders import load_reference
    from simerit.referensi.models import Pangkat

    if not Pangkat.objects.exists():
        load_reference(apps)  # a transactional (browser) test flushed the migration's rows


@pytest.fixture
def synth(reference: None) -> Synth:
    from simerit.accounts.models import User
    from simerit.core.models import Instansi
    from simerit.synth.generator import generate
    from simerit.synth.loader import load_synth

    result = load_synth(generate(300, seed=7), instansi_kode="3329", instansi_nama="Pemerintah Kabupaten Uji")
    users = {u.role: u for u in User.objects.filter(username__in=[x["username"] for x in result["logins"]])}
    return Synth(instansi=Instansi.objects.get(pk=result["instansi_id"]), users=users)


def in_service(queryset: Any, as_of: dt.date = AS_OF) -> Any:
    """The employees of `queryset` in service on `as_of` (decision 0041), written independently
    of `simerit.careers`: appointed by then (without a TMT CPNS: holding a position by then), and
    active or stopped after it. The synthetic regency is generated as of mid-2026, so some were
    appointed after AS_OF."""
    from django.db.models import Exists, OuterRef, Q

    from simerit.pegawai.models import RiwayatJabatan

    earlier_position = Exists(RiwayatJabatan.objects.filter(pegawai=OuterRef("pk"), tmt__lte=as_of))
    return (
        queryset.filter(Q(aktif=True) | Q(tanggal_berhenti__gt=as_of))
        .filter(Q(tmt_cpns__lte=as_of) | Q(tmt_cpns__isnull=True))
        .exclude(Q(tmt_cpns__isnull=True, tmt_jabatan__gt=as_of) & ~earlier_position)
    )
