"""Rows of tests/test_permission_matrix.py for the self-assessment screens (same format as its
EXPECTED). ROLES order: anonymous, admin, operator, pimpinan, pegawai, auditor.

Admin (BKPSDM) creates, fills, refreshes the suggestions and finalises; pimpinan and auditor read; operator and pegawai get
403. `sm` = a draft assessment of the world's instansi, `sm_other` = another instansi's (404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LOGIN = 302
READ = [LOGIN, 200, 403, 200, 403, 200]
READ_OTHER = [LOGIN, 404, 403, 404, 403, 404]
EXPECTED: dict[str, dict[str, list[int]]] = {
    "sistemmerit:index": {"-": READ},
    "sistemmerit:create": {"-": [LOGIN, 405, 403, 403, 403, 403]},  # POST only; admin only
    "sistemmerit:detail": {"sm": READ, "sm_other": READ_OTHER},
    "sistemmerit:fill": {"sm": [LOGIN, 200, 403, 403, 403, 403], "sm_other": [LOGIN, 404, 403, 403, 403, 403]},
    "sistemmerit:refresh": {"sm": [LOGIN, 405, 403, 403, 403, 403]},  # POST only; admin only
    "sistemmerit:finalise": {"sm": [LOGIN, 405, 403, 403, 403, 403]},
    "sistemmerit:export_xlsx": {"sm": READ, "sm_other": READ_OTHER},
    "sistemmerit:export_pdf": {"sm": READ, "sm_other": READ_OTHER},
}


def _assessment(world: Any, other: bool = False) -> int:
    from simerit.sistemmerit import services

    user = world.users["admin_lain" if other else "admin"]
    return services.assessment_create(acting_user=user, tahun=2025).pk


TARGETS: dict[str, Callable[[Any], int]] = {
    "sm": _assessment,
    "sm_other": lambda w: _assessment(w, other=True),
}
