"""The worked example of shared/domain/evaluate-contract.md, worked by hand through the four rule
families (IP ASN, predikat, JPM, 9-box), in the scalar and in the batch form."""

from __future__ import annotations

import datetime as dt

from simerit.rules import competency, ipasn, skp, talent
from simerit.rules.profile import Discipline, EmployeeProfile, Performance, Position, Training, profiles_to_frames

AS_OF = dt.date(2025, 12, 31)
EXAMPLE = EmployeeProfile(
    id="contoh",
    nip="198609262015051001",
    birth_date=dt.date(1986, 9, 26),
    status="PNS",
    position=Position("struktural", "pengawas"),
    education="S1",
    trainings=(
        Training("kepemimpinan", dt.date(2019, 5, 1), 0, "PKP"),
        Training("teknis", dt.date(2025, 3, 10), 24),
        Training("seminar", dt.date(2024, 11, 2), 8),
        Training("fungsional", dt.date(2020, 1, 1), 0),
    ),
    performance=(Performance(2025, "di_atas", "sesuai"), Performance(2021, nilai=88.5)),
    discipline=(Discipline("ringan", dt.date(2025, 6, 1)),),
    competency_standard={"integritas": 3, "kerjasama": 3, "komunikasi": 3},
    competency_actual={"integritas": 3, "kerjasama": 2, "komunikasi": 4},
)


def test_scalar_forms_give_the_contract_values():
    # S1 15; PKP for pengawas 15 + 24 JP technical in 2025 15 + seminar Nov 2024 (24 months) 10 = 40;
    # 2025 di atas x sesuai = Baik → 25 (decision); ringan in Jun 2025 → 3. Total 83 → Tinggi.
    ip = ipasn.ip_asn(EXAMPLE, AS_OF)
    assert ip.value.as_dict() == {
        "kualifikasi": 15, "kompetensi": 40, "kinerja": 25, "disiplin": 3, "total": 83, "kategori": "Tinggi", "flags": [],
    }  # fmt: skip
    assert len(ip.steps) == 10 and all(s.source for s in ip.steps)
    assert skp.latest_predikat(EXAMPLE.performance, AS_OF).value == {"year": 2025, "value": "Baik"}
    # min(3,3) + min(2,3) + min(4,3) = 8 of 9 → 88.89
    jpm = competency.jpm(EXAMPLE.competency_standard, EXAMPLE.competency_actual).value
    assert (jpm["percent"], jpm["pemetaan"], jpm["seleksi"]) == (88.89, "Cukup Optimal", "Memenuhi Syarat")
    rated = skp.latest_rated_predikat(EXAMPLE.performance, AS_OF).value["value"]
    assert talent.nine_box(rated, jpm["percent"]).value == {"box": 5, "kinerja": "sesuai", "potensial": "menengah"}


def test_batch_forms_give_the_contract_values():
    frames = profiles_to_frames([EXAMPLE])
    assert ipasn.ip_asn_batch(frames, AS_OF).row(0) == ("contoh", 15, 40, 25, 3, 83, "Tinggi", [])
    assert skp.predikat_batch(frames.performance, AS_OF).row(0) == ("contoh", 2025, "Baik")
    assert talent.talent_batch(frames, AS_OF).row(0, named=True) == {
        "id": "contoh", "predikat_year": 2025, "predikat": "Baik", "jpm_percent": 88.89,
        "jpm_pemetaan": "Cukup Optimal", "jpm_seleksi": "Memenuhi Syarat", "box": 5, "kinerja": "sesuai",
        "potensial": "menengah",
    }  # fmt: skip
