"""The report tests' run: the world plus a senior employee whose name is a formula."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from simerit.indeks.models import IndexRun
from simerit.indeks.services import index_run_start
from tests import factories as f

AS_OF = dt.date(2025, 12, 31)
FORMULA = '=HYPERLINK("http://contoh.invalid","klik")'


@pytest.fixture
def run(world: Any) -> IndexRun:
    # A senior employee in the operator's subtree whose name is a formula and who retires in 2026.
    f.pegawai(world.puskesmas, serial=4, nama=FORMULA, birth=dt.date(1968, 3, 10), tmt_cpns=dt.date(1995, 3, 1),
              golongan="IV/a", jab=world.jab_dinkes)  # fmt: skip
    run = index_run_start(acting_user=world.users["admin"], instansi=world.inst, as_of=AS_OF)
    assert run.status == IndexRun.Status.DONE, run.error
    return run
