"""A placement round on the small synthetic regency: optimal vs greedy, stored on the round."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from simerit.organisasi.models import Jabatan
from simerit.seleksi import services
from simerit.seleksi.models import Candidate
from tests.indeks.conftest import AS_OF

pytestmark = pytest.mark.django_db


def test_round_places_each_person_once_and_optimal_is_not_worse_than_greedy(synth):
    admin = synth.users["admin"]
    rnd = services.placement_round_create(
        acting_user=admin, instansi=synth.instansi, name="Rotasi Januari", as_of=AS_OF
    )
    with pytest.raises(ValidationError, match="belum memiliki lowongan"):
        services.placement_round_compute(acting_user=admin, placement_round=rnd)
    jabs = list(
        Jabatan.objects.filter(instansi=synth.instansi, jenjang__in=["ahli_pertama", "ahli_muda"]).order_by("pk")[:6]
    )
    vacancies = [
        services.vacancy_open(acting_user=admin, instansi=synth.instansi, jabatan=j, seats=1 + i % 2, as_of=AS_OF,
                              placement_round=rnd)
        for i, j in enumerate(jabs)
    ]  # fmt: skip
    services.placement_round_compute(acting_user=admin, placement_round=rnd)
    rnd.refresh_from_db()
    result = rnd.result
    assert result["optimal"]["total"] >= result["greedy"]["total"] - 1e-9
    assert result["selisih"] == pytest.approx(result["optimal"]["total"] - result["greedy"]["total"], abs=0.02)
    assert result["formasi"] == sum(v.seats for v in vacancies)
    for label in ("optimal", "greedy"):
        people = [p["pegawai_id"] for v in result["lowongan"].values() for p in v[label]]
        assert len(people) == len(set(people)), f"{label}: someone holds two seats"
        for v in vacancies:
            placed = result["lowongan"][str(v.pk)][label]
            assert len(placed) <= v.seats
            for p in placed:
                # Everyone placed is eligible for that vacancy (its own ranking agrees).
                assert Candidate.objects.get(ranking__vacancy=v, pegawai_id=p["pegawai_id"]).eligible
    assert result["optimal"]["terisi"] >= result["greedy"]["terisi"]
