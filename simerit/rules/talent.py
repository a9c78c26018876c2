"""Talent 9-box (kotak manajemen talenta): kinerja axis × potensial axis → box 1-9.

Basis: PermenPANRB 3/2020 on Manajemen Talenta ASN as amended by PermenPANRB 20/2025 (Pasal 17:
kinerja di atas / sesuai / di bawah ekspektasi; potensial tinggi / menengah / rendah); box
numbering and follow-up per regulations.md §3.3. Decisions (shared/domain/decisions.md "Talent
9-box", docs/decisions/0026-talent-nine-box.md): the kinerja axis comes from the latest
ratings-based predikat; the potensial axis from the JPM of the latest competency assessment with
per-instansi thresholds (default ≥ 90 tinggi, ≥ 78 menengah).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from simerit.rules import competency, skp
from simerit.rules._explain import Explained, Step
from simerit.rules._versions import RuleVersion
from simerit.rules.profile import EmployeeFrames

BASIS = "PermenPANRB 3/2020 jo. PermenPANRB 20/2025 Pasal 17"
DECISION = "docs/decisions/0026-talent-nine-box.md"

# predikat (PermenPANRB 6/2022) -> kinerja axis
KINERJA_AXIS: dict[str, str] = {
    "Sangat Baik": "di_atas",
    "Baik": "sesuai",
    "Butuh Perbaikan": "di_bawah",
    "Kurang/Misconduct": "di_bawah",
    "Kurang": "di_bawah",
    "Sangat Kurang": "di_bawah",
}
KINERJA_LABELS = {"di_atas": "di atas ekspektasi", "sesuai": "sesuai ekspektasi", "di_bawah": "di bawah ekspektasi"}

# (kinerja, potensial) -> box, regulations.md §3.3
BOXES: dict[tuple[str, str], int] = {
    ("di_atas", "tinggi"): 9,
    ("sesuai", "tinggi"): 8,
    ("di_atas", "menengah"): 7,
    ("di_bawah", "tinggi"): 6,
    ("sesuai", "menengah"): 5,
    ("di_atas", "rendah"): 4,
    ("di_bawah", "menengah"): 3,
    ("sesuai", "rendah"): 2,
    ("di_bawah", "rendah"): 1,
}
SUCCESSION_BOXES = frozenset({7, 8, 9})


@dataclass(frozen=True)
class BoxInfo:
    box: int
    kinerja: str
    potensial: str
    label: str
    rekomendasi: str


_REKOMENDASI = {
    9: "Dipromosikan dan dipertahankan; masuk kelompok rencana suksesi instansi/nasional; mendapat penghargaan",
    8: "Dipertahankan; masuk kelompok rencana suksesi instansi; rotasi/perluasan jabatan; bimbingan kinerja",
    7: "Dipertahankan; masuk kelompok rencana suksesi instansi; rotasi/pengayaan jabatan; "
    "pengembangan kompetensi; tugas belajar",
    6: "Penempatan yang sesuai; bimbingan kinerja; konseling kinerja",
    5: "Penempatan yang sesuai; bimbingan kinerja; pengembangan kompetensi",
    4: "Rotasi; pengembangan kompetensi",
    3: "Bimbingan kinerja; konseling kinerja; pengembangan kompetensi; penempatan yang sesuai",
    2: "Bimbingan kinerja; pengembangan kompetensi; penempatan yang sesuai",
    1: "Diproses sesuai ketentuan peraturan perundang-undangan",
}
BOX_INFO: dict[int, BoxInfo] = {
    box: BoxInfo(box, k, p, f"Kotak {box}: kinerja {KINERJA_LABELS[k]}, potensial {p}", _REKOMENDASI[box])
    for (k, p), box in BOXES.items()
}


@dataclass(frozen=True)
class PotentialThresholds:
    """Lower bounds of the potensial classes on the JPM scale (decision; configurable per instansi)."""

    tinggi: float = 90.0
    menengah: float = 78.0

    def classify(self, jpm_percent: float) -> str:
        if jpm_percent >= self.tinggi:
            return "tinggi"
        return "menengah" if jpm_percent >= self.menengah else "rendah"


DEFAULT = PotentialThresholds()

VERSIONS: list[RuleVersion[PotentialThresholds]] = [
    RuleVersion(
        name="talent",
        version="2020",
        valid_from=dt.date(2020, 1, 1),  # year of PermenPANRB 3/2020 (start date: decision 0026)
        valid_to=None,
        basis=f"{BASIS}; ambang potensial (JPM): decision {DECISION}",
        kind="decision",
        params=DEFAULT,
    )
]


def nine_box(predikat: str | None, jpm_percent: float | None, thresholds: PotentialThresholds = DEFAULT) -> Explained:
    """Place one employee on the 9-box (PermenPANRB 3/2020 jo. 20/2025 Pasal 17; regulations.md
    §3.3; thresholds: decision docs/decisions/0026-talent-nine-box.md).

    `predikat` must be the latest ratings-based predikat (`skp.latest_rated_predikat`);
    `jpm_percent` the JPM of the latest competency assessment. Value
    `{"box", "kinerja", "potensial"}`, or None with the reason when either is missing.
    """
    reasons = []
    kinerja = KINERJA_AXIS.get(predikat) if predikat is not None else None
    if predikat is None:
        reasons.append("tidak ada predikat kinerja berbasis rating (PermenPANRB 6/2022)")
    elif kinerja is None:
        reasons.append(f"predikat '{predikat}' bukan predikat PermenPANRB 6/2022")
    if jpm_percent is None:
        reasons.append("tidak ada hasil asesmen kompetensi (JPM)")
    if reasons or kinerja is None or jpm_percent is None:
        return Explained(None, [Step(f"Tidak ditempatkan pada 9-box: {'; '.join(reasons)}", "decision", DECISION)])
    potensial = thresholds.classify(jpm_percent)
    box = BOXES[(kinerja, potensial)]
    steps = [
        Step(f"Predikat {predikat} → kinerja {KINERJA_LABELS[kinerja]}", "regulation", BASIS),
        Step(
            f"JPM {jpm_percent:.2f}% (tinggi ≥ {thresholds.tinggi:g}, menengah ≥ {thresholds.menengah:g}) → potensial {potensial}",
            "decision",
            DECISION,
        ),
        Step(
            f"{BOX_INFO[box].label}; tindak lanjut: {BOX_INFO[box].rekomendasi}", "regulation", f"{BASIS} (kotak 1-9)"
        ),
    ]
    if box in SUCCESSION_BOXES:
        steps.append(Step(f"Kotak {box} termasuk kelompok rencana suksesi (kotak 7, 8, 9)", "regulation", BASIS))
    return Explained({"box": box, "kinerja": kinerja, "potensial": potensial}, steps)


def nine_box_batch(frame: pl.DataFrame, thresholds: PotentialThresholds = DEFAULT) -> pl.DataFrame:
    """Batch form of `nine_box` over `id, predikat, jpm_percent`: `id, box (Int8), kinerja, potensial`.

    Per-instansi thresholds: if `frame` has columns `potensial_tinggi` / `potensial_menengah`
    they are used row by row (nulls fall back to `thresholds`). Rows not placed get nulls in all
    three columns, as the scalar form gives no value. Basis as `nine_box`.
    """
    p = pl.col("jpm_percent").cast(pl.Float64)
    tinggi = pl.col("potensial_tinggi") if "potensial_tinggi" in frame.columns else pl.lit(None, dtype=pl.Float64)
    menengah = pl.col("potensial_menengah") if "potensial_menengah" in frame.columns else pl.lit(None, dtype=pl.Float64)
    tinggi = tinggi.cast(pl.Float64).fill_null(thresholds.tinggi)
    menengah = menengah.cast(pl.Float64).fill_null(thresholds.menengah)
    kin_index = {"di_bawah": 0, "sesuai": 1, "di_atas": 2}
    pot_index = {"rendah": 0, "menengah": 1, "tinggi": 2}
    # Each value by position in a small table (an Enum cast gives the predikat's index), no
    # lookup of text per row.
    predikats = list(KINERJA_AXIS)
    axis = pl.Series([kin_index[KINERJA_AXIS[k]] for k in predikats], dtype=pl.Int8)
    kin = pl.lit(axis).gather(pl.col("predikat").cast(pl.Enum(predikats), strict=False).to_physical())
    pot = pl.when(p >= tinggi).then(2).when(p >= menengah).then(1).otherwise(0).cast(pl.Int8)
    code = pl.when(kin.is_not_null() & p.is_not_null()).then(kin * 3 + pot)  # one integer per cell
    box_of = {kin_index[k] * 3 + pot_index[v]: box for (k, v), box in BOXES.items()}
    kinerja = {i: k for k, i in kin_index.items()}
    potensial = {i: v for v, i in pot_index.items()}

    def table(values: dict[int, object], size: int, dtype: pl.DataType) -> pl.Expr:
        return pl.lit(pl.Series([values.get(i) for i in range(size)], dtype=dtype))

    return (
        frame.lazy()
        .select("id", code.cast(pl.Int64).alias("_code"))
        .select(
            "id",
            table(box_of, 9, pl.Int8).gather(pl.col("_code")).alias("box"),
            table(kinerja, 3, pl.Utf8).gather(pl.col("_code") // 3).alias("kinerja"),
            table(potensial, 3, pl.Utf8).gather(pl.col("_code") % 3).alias("potensial"),
        )
        .collect()
    )  # fmt: skip


def talent_batch(
    frames: EmployeeFrames,
    as_of: dt.date,
    thresholds: PotentialThresholds = DEFAULT,
    *,
    latest: pl.DataFrame | None = None,
    jpm: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The 9-box for every employee of `frames` as of `as_of`: latest ratings-based predikat
    (`skp.rated_predikat_batch`) + JPM (`competency.jpm_batch`) + `nine_box_batch`.

    Columns: `id, predikat_year, predikat, jpm_percent, jpm_pemetaan, jpm_seleksi, box, kinerja,
    potensial`, one row per employee in `frames.employees` order. Basis as `nine_box`.
    `latest`: the caller's `skp.latest_predikats_batch(frames.performance, as_of,
    ids=frames.employees["id"])`, when it has computed it already (saves that pass).
    `jpm`: the caller's JPM in the same order (`competency.jpm_level_batch`, when the frames were
    built without competency rows: `simerit.tables.keyed_frames_and_levels`).
    """
    ids = frames.employees["id"]
    if latest is None:
        latest = skp.latest_predikats_batch(frames.performance, as_of, ids=ids)
    elif not latest["id"].equals(ids):
        raise ValueError("latest: not the rows of frames.employees (compute it with ids=frames.employees['id'])")
    pred = skp.predikat_columns(latest, ratings_only=True)
    if jpm is None:
        jpm = competency.jpm_batch(frames.competency, as_of, ids=pred["id"])  # rows in `pred` order
    elif not jpm["id"].equals(ids):
        raise ValueError("jpm: not the rows of frames.employees")
    joined = pred.hstack(jpm.drop("id"))
    boxes = nine_box_batch(joined, thresholds)  # a row-wise select: rows stay in `joined` order
    return joined.hstack(boxes.drop("id"))
