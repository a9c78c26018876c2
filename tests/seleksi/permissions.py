"""Rows of tests/test_permission_matrix.py for the seleksi screens (same format as its EXPECTED).

ROLES order: anonymous, admin, operator, pimpinan, pegawai, auditor. TARGETS maps a target name
used below to a function of the `world` fixture returning the pk to put in the URL. The objects
are made directly with the ORM (no rules run): this table is about who may open what.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

LOGIN = 302
COMMITTEE = [LOGIN, 200, 403, 200, 403, 200]
MANAGE_POST = [LOGIN, 405, 403, 403, 403, 403]
EXPECTED: dict[str, dict[str, list[int]]] = {
    "seleksi:index": {"-": [LOGIN, 200, 403, 200, 200, 200]},
    "seleksi:vacancy_create": {"-": [LOGIN, 200, 403, 403, 403, 403]},
    "seleksi:vacancy": {"vacancy": COMMITTEE, "vacancy_other": [LOGIN, 404, 403, 404, 403, 404]},
    "seleksi:decide": {"vacancy": [LOGIN, 405, 403, 405, 403, 403]},  # POST only; admin and pimpinan
    "seleksi:recompute": {"vacancy": MANAGE_POST},
    # cand_own = the pegawai user's own row ("mengapa bukan saya"), cand_peer = someone else's.
    "seleksi:candidate": {
        "cand_own": [LOGIN, 200, 403, 200, 200, 200],
        "cand_peer": [LOGIN, 200, 403, 200, 404, 200],
        "cand_other": [LOGIN, 404, 403, 404, 404, 404],
    },
    "seleksi:weights": {"-": COMMITTEE},
    "seleksi:rounds": {"-": COMMITTEE},
    "seleksi:round": {"round": COMMITTEE, "round_other": [LOGIN, 404, 403, 404, 403, 404]},
    "seleksi:round_compute": {"round": MANAGE_POST},
    "seleksi:ledger": {"-": COMMITTEE},
    "seleksi:ledger_export": {"-": COMMITTEE},
    "seleksi:fairness": {"-": COMMITTEE},
}


def _ranking(world: Any, other: bool = False) -> Any:
    from simerit.seleksi.models import Candidate, Ranking, Vacancy

    inst = world.other_inst if other else world.inst
    jab = world.jab_other if other else world.jab_dindik
    vacancy = Vacancy.objects.create(instansi=inst, jabatan=jab, seats=1, as_of=dt.date(2025, 12, 31))
    ranking = Ranking.objects.create(instansi=inst, vacancy=vacancy, as_of=vacancy.as_of, level=jab.jenjang)
    people = [world.p_other] if other else [world.p_puskesmas, world.p_dindik]
    for i, p in enumerate(people, start=1):
        Candidate.objects.create(
            instansi=inst,
            ranking=ranking,
            pegawai=p,
            unit=p.unit,
            eligible=i == 1,
            rank=1 if i == 1 else None,
            merit=80.0 - i,
            kualifikasi=60,
            kompetensi=80,
            kinerja=80,
            rekam_jejak=50,
        )
    return ranking


def _candidate(world: Any, who: str) -> int:
    from simerit.seleksi.models import Candidate

    ranking = _ranking(world, other=who == "other")
    pegawai = {"own": world.p_puskesmas, "peer": world.p_dindik, "other": world.p_other}[who]
    return Candidate.objects.get(ranking=ranking, pegawai=pegawai).pk


def _round(world: Any, other: bool = False) -> int:
    from simerit.seleksi.models import PlacementRound

    inst = world.other_inst if other else world.inst
    return PlacementRound.objects.create(instansi=inst, name="Rotasi", as_of=dt.date(2025, 12, 31)).pk


TARGETS: dict[str, Callable[[Any], int]] = {
    "vacancy": lambda w: _ranking(w).vacancy_id,
    "vacancy_other": lambda w: _ranking(w, other=True).vacancy_id,
    "cand_own": lambda w: _candidate(w, "own"),
    "cand_peer": lambda w: _candidate(w, "peer"),
    "cand_other": lambda w: _candidate(w, "other"),
    "round": _round,
    "round_other": lambda w: _round(w, other=True),
}
