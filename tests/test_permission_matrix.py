"""Walk every URL of SIMERIT for every role and assert who gets 200, 302, 403 or 404.

The expectation table must name every URL pattern of our apps: a new URL without an
expectation fails `test_every_url_has_an_expectation`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.seleksi import permissions as seleksi_permissions
from tests.sistemmerit import permissions as sistemmerit_permissions
from tests.talenta import permissions as talenta_permissions

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "admin", "operator", "pimpinan", "pegawai", "auditor"]

# url name -> {target: expected status per role, in ROLES order}. Targets for <pk>:
#   own   = the employee linked to the `pegawai` user, in the operator's subtree (Puskesmas)
#   peer  = same instansi, outside the operator's OPD (Dinas Pendidikan)
#   other = an employee of another instansi
#   run / run_other = a finished index run of the world's instansi / of another instansi
#   box = 9-box number 5
LOGIN = 302
EXPECTED: dict[str, dict[str, list[int]]] = {
    "home": {"-": [LOGIN, 302, 302, 302, 302, 302]},
    "dasbor:index": {"-": [LOGIN, 200, 200, 200, 403, 200]},
    "pegawai:list": {"-": [LOGIN, 200, 200, 200, 403, 200]},
    "pegawai:detail": {
        "own": [LOGIN, 200, 200, 200, 200, 200],
        "peer": [LOGIN, 200, 404, 200, 404, 200],
        "other": [LOGIN, 404, 404, 404, 404, 404],
    },
    "pegawai:create": {"-": [LOGIN, 200, 200, 403, 403, 403]},
    "pegawai:edit": {
        "own": [LOGIN, 200, 200, 403, 403, 403],
        "peer": [LOGIN, 200, 404, 403, 403, 403],
        "other": [LOGIN, 404, 404, 403, 403, 403],
    },
    "core:audit": {"-": [LOGIN, 200, 403, 403, 403, 200]},
    "indeks:list": {"-": [LOGIN, 200, 200, 200, 403, 200]},
    "indeks:start": {"-": [LOGIN, 405, 403, 403, 403, 403]},  # POST only; admin only
    "indeks:detail": {
        "run": [LOGIN, 200, 200, 200, 403, 200],
        "run_other": [LOGIN, 404, 404, 404, 403, 404],
    },
    "indeks:progress": {
        "run": [LOGIN, 200, 200, 200, 403, 200],
        "run_other": [LOGIN, 404, 404, 404, 403, 404],
    },
    "indeks:box": {"box": [LOGIN, 200, 200, 200, 403, 200]},
    "indeks:duk": {"-": [LOGIN, 200, 200, 200, 403, 200]},
    "laporan:index": {"-": [LOGIN, 200, 200, 200, 200, 200]},  # pegawai: only the DRH card
    # Downloads need a finished run: without one (the world has none here) they go back to the list.
    "laporan:duk_xlsx": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:duk_pdf": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:pensiun_xlsx": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:pensiun_pdf": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:nominatif_xlsx": {"-": [LOGIN, 200, 200, 200, 403, 200]},  # current data, no run needed
    "laporan:nominatif_pdf": {"-": [LOGIN, 200, 200, 200, 403, 200]},
    "laporan:ipasn_xlsx": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:ipasn_pdf": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:bezetting_xlsx": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:bezetting_pdf": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:proyeksi": {"-": [LOGIN, 200, 200, 200, 403, 200]},  # the page says there is no run yet
    "laporan:proyeksi_xlsx": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    "laporan:proyeksi_pdf": {"-": [LOGIN, 302, 302, 302, 403, 302]},
    # DRH without ?nip=: the viewer's own record (only the pegawai user has one), else back to the list.
    "laporan:drh_xlsx": {"-": [LOGIN, 302, 302, 302, 200, 302]},
    "laporan:drh_pdf": {"-": [LOGIN, 302, 302, 302, 200, 302]},
    # impor: batch = uploaded by the admin (no unit: the operator cannot see it), batch_op = by the
    # operator, batch_other = another instansi's.
    "impor:list": {"-": [LOGIN, 200, 200, 403, 403, 403]},
    "impor:template": {"-": [LOGIN, 200, 200, 403, 403, 403]},
    "impor:detail": {
        "batch": [LOGIN, 200, 404, 403, 403, 403],
        "batch_op": [LOGIN, 200, 200, 403, 403, 403],
        "batch_other": [LOGIN, 404, 404, 403, 403, 403],
    },
    "impor:progress": {
        "batch": [LOGIN, 200, 404, 403, 403, 403],
        "batch_op": [LOGIN, 200, 200, 403, 403, 403],
        "batch_other": [LOGIN, 404, 404, 403, 403, 403],
    },
    "impor:commit": {"batch": [LOGIN, 405, 405, 403, 403, 403]},  # POST only
    "api:api-root": {"-": [403, 200, 200, 200, 200, 200]},
    "api:pegawai-list": {"-": [403, 200, 200, 200, 403, 200]},
    "api:pegawai-detail": {
        "own": [403, 200, 200, 200, 200, 200],
        "peer": [403, 200, 404, 200, 404, 200],
        "other": [403, 404, 404, 404, 404, 404],
    },
}
# Apps keep their rows beside their tests: {url name: {target: statuses}} and {target: world -> pk}.
APP_PERMISSIONS = (talenta_permissions, seleksi_permissions, sistemmerit_permissions)
TARGETS: dict[str, Any] = {}
for _module in APP_PERMISSIONS:
    assert not set(_module.EXPECTED) & set(EXPECTED), f"{_module.__name__} repeats a URL name"
    EXPECTED.update(_module.EXPECTED)
    TARGETS.update(_module.TARGETS)
# Django's own apps, tested by Django; listed so the completeness check knows they are intended.
FRAMEWORK_NAMESPACES = {"admin"}
FRAMEWORK_NAMES = {
    "login", "logout", "password_change", "password_change_done", "password_reset",
    "password_reset_done", "password_reset_confirm", "password_reset_complete",
}


def _names(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{prefix}{p.name}"


def test_every_url_has_an_expectation():
    names = set(_names(get_resolver().url_patterns))
    ours = {n for n in names if n.split(":")[0] not in FRAMEWORK_NAMESPACES and n not in FRAMEWORK_NAMES}
    assert ours == set(EXPECTED), f"URLs without an expectation: {sorted(ours - set(EXPECTED))}"


def _cases() -> Iterator[tuple[str, str, str, int]]:
    for name, targets in EXPECTED.items():
        for target, statuses in targets.items():
            for role, status in zip(ROLES, statuses, strict=True):
                yield name, target, role, status


@pytest.mark.parametrize(("name", "target", "role", "expected"), list(_cases()))
def test_status(world, client, name, target, role, expected):
    if role != "anonymous":
        client.force_login(world.users[role])
    pk = {"own": world.p_puskesmas.pk, "peer": world.p_dindik.pk, "other": world.p_other.pk, "box": 5}.get(target)
    if target in ("run", "run_other"):
        pk = _done_run(world.inst if target == "run" else world.other_inst).pk
    if target.startswith("batch"):
        pk = _import_batch(world, target).pk
    if target in TARGETS:
        pk = TARGETS[target](world)
    url = reverse(name, args=[pk] if pk else [])
    response = client.get(url)
    assert response.status_code == expected, f"{role} GET {url}"
    if expected == LOGIN and role == "anonymous" and not name.startswith("api:"):
        assert response["Location"].startswith(reverse("login"))


def _done_run(instansi):
    import datetime as dt

    from django.utils import timezone

    from simerit.indeks.models import IndexRun

    now = timezone.now()
    return IndexRun.objects.create(
        instansi=instansi, as_of=dt.date(2025, 12, 31), status=IndexRun.Status.DONE, progress=100,
        started_at=now, finished_at=now,
    )


def _import_batch(world, target):
    from simerit.impor.models import ImportBatch

    user = {"batch": world.users["admin"], "batch_op": world.users["operator"],
            "batch_other": world.users["admin_lain"]}[target]
    return ImportBatch.objects.create(
        instansi=user.instansi, unit=user.unit, created_by=user, nama_berkas="a.xlsx", isi=b"", status="invalid"
    )


def test_pegawai_lands_on_own_profile_and_others_on_dashboard(world, client):
    client.force_login(world.users["pegawai"])
    assert client.get("/")["Location"] == reverse("pegawai:detail", args=[world.p_puskesmas.pk])
    client.force_login(world.users["auditor"])
    assert client.get("/")["Location"] == reverse("dasbor:index")


def test_list_and_api_show_only_rows_in_scope(world, client):
    client.force_login(world.users["operator"])
    html = client.get(reverse("pegawai:list")).content.decode()
    assert "Siti Rahmawati" in html and "Agus Setiawan" not in html and "Dewi Lestari" not in html
    data = client.get(reverse("api:pegawai-list")).json()
    assert [r["nama"] for r in data["results"]] == ["Siti Rahmawati"]


def test_read_only_roles_cannot_write_through_the_api(world, client):
    client.force_login(world.users["admin"])
    url = reverse("api:pegawai-detail", args=[world.p_puskesmas.pk])
    assert client.delete(url).status_code == 405
    assert client.post(reverse("api:pegawai-list"), {}).status_code == 405
