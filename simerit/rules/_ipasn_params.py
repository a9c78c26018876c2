"""IP ASN rule data, version "2019" (Peraturan BKN 8/2019; shared/domain/decisions.md "IP ASN").

Point tables and windows as data, so a reformulated IP ASN becomes a new `IpAsnParams` and a new
`RuleVersion` in `simerit.rules.ipasn.VERSIONS`, never an edit of this one. The kinerja points of
the 2022 predikat are a decision (docs/decisions/0020-ip-asn-kinerja-predikat-points.md); the list
of JF needing no functional training is a decision (docs/decisions/0021-ip-asn-competency-evidence.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Flags, in the order both forms report them.
FLAGS = (
    "bukan_pns",
    "status_tidak_ada",
    "pendidikan_tidak_ada",
    "pendidikan_tidak_dikenal",
    "jabatan_tidak_ada",
    "jenjang_jabatan_tidak_dikenal",
    "kinerja_tidak_ada",
)


@dataclass(frozen=True)
class IpAsnParams:
    """The point tables of one IP ASN rule version (all data, none hard-coded in the functions)."""

    measured_status: str
    education_points: Mapping[str, float]
    leadership_rank: Mapping[str, int]  # training name -> rank, 1 = highest
    required_rank: Mapping[str, int]  # struktural level -> rank needed (that rank or higher counts)
    competency_points: Mapping[str, Mapping[str, float]]  # position kind -> indicator -> points
    technical_min_jp: int
    technical_window_months: int
    seminar_window_months: int
    kinerja_bands: tuple[tuple[float, float], ...]  # (lower bound, points) on the 0-100 scale
    predikat_points: Mapping[str, float]  # decision 0020
    discipline_points: Mapping[str, float]
    no_sanction_points: float
    discipline_window_months: int
    category_bands: tuple[tuple[float, str], ...]  # (lower bound, kategori)
    lowest_category: str
    jf_without_functional_training: tuple[str, ...]  # decision 0021: list kept as data


PARAMS_2019 = IpAsnParams(
    measured_status="PNS",
    education_points={"S3": 25, "S2": 20, "S1": 15, "D4": 15, "D3": 10, "D2": 5, "D1": 5, "SLTA": 5, "SLTP": 1, "SD": 1},
    leadership_rank={"PKN I": 1, "Diklatpim I": 1, "PKN II": 2, "Diklatpim II": 2,
                     "PKA": 3, "Diklatpim III": 3, "PKP": 4, "Diklatpim IV": 4},
    required_rank={"jpt_utama": 1, "jpt_madya": 1, "jpt_pratama": 2, "administrator": 3, "pengawas": 4},
    competency_points={
        "struktural": {"kepemimpinan": 15, "teknis": 15, "seminar": 10},
        "fungsional": {"fungsional": 15, "teknis": 15, "seminar": 10},
        "pelaksana": {"teknis": 22.5, "seminar": 17.5},
    },
    technical_min_jp=20,
    technical_window_months=12,
    seminar_window_months=24,
    kinerja_bands=((91, 30), (76, 25), (61, 15), (51, 5)),
    predikat_points={"Sangat Baik": 30, "Baik": 25, "Butuh Perbaikan": 15, "Kurang/Misconduct": 5, "Sangat Kurang": 1},
    discipline_points={"ringan": 3, "sedang": 2, "berat": 1},
    no_sanction_points=5,
    discipline_window_months=12,
    category_bands=((91, "Sangat Tinggi"), (81, "Tinggi"), (71, "Sedang"), (61, "Rendah")),
    lowest_category="Sangat Rendah",
    jf_without_functional_training=("dokter", "dokter gigi", "guru", "apoteker", "perawat", "bidan", "asesor", "psikolog"),
)  # fmt: skip

