"""Rows of tests/test_permission_matrix.py for the talenta screens (same format as its EXPECTED).

ROLES order: anonymous, admin, operator, pimpinan, pegawai, auditor. TARGETS maps a target name
used below to a function of the `world` fixture returning the pk to put in the URL:
  sesi       = a calibration session of Dinas Kesehatan (in the operator's subtree)
  sesi_peer  = a session of Dinas Pendidikan (outside the operator's OPD)
  sesi_other = a session of another instansi
  jab_kritis = a position of the world's instansi (POST-only URL)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LOGIN = 302
VIEW = [LOGIN, 200, 200, 200, 403, 200]
POST_ONLY = [LOGIN, 405, 403, 405, 403, 403]  # admin and pimpinan (TALENTA_CALIBRATE_ROLES) get 405 on GET


def _sesi(world: Any) -> int:
    from tests.talenta.helpers import session

    return session(world, world.dinkes).pk


def _sesi_peer(world: Any) -> int:
    from tests.talenta.helpers import session

    return session(world, world.dindik).pk


def _sesi_other(world: Any) -> int:
    from tests.talenta.helpers import session

    return session(world, world.other_opd, instansi=world.other_inst, user=world.users["admin_lain"]).pk


EXPECTED: dict[str, dict[str, list[int]]] = {
    "talenta:index": {"-": VIEW},
    "talenta:terdekat": {"-": VIEW},
    "talenta:kritis": {"-": VIEW},
    "talenta:kritis_tandai": {"-": POST_ONLY},
    "talenta:kritis_lepas": {"jab_kritis": POST_ONLY},
    "talenta:kalibrasi": {"-": VIEW},
    "talenta:kalibrasi_baru": {"-": POST_ONLY},
    "talenta:kalibrasi_detail": {
        "sesi": VIEW,
        "sesi_peer": [LOGIN, 200, 404, 200, 403, 200],
        "sesi_other": [LOGIN, 404, 404, 404, 403, 404],
    },
    "talenta:kalibrasi_pindah": {"sesi": POST_ONLY},
    "talenta:kalibrasi_tutup": {"sesi": POST_ONLY},
}
TARGETS: dict[str, Callable[[Any], int]] = {
    "sesi": _sesi,
    "sesi_peer": _sesi_peer,
    "sesi_other": _sesi_other,
    "jab_kritis": lambda world: world.jab_dindik.pk,
}
