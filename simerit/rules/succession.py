"""Succession planning: who is a ready successor for a position, and the risk colour of a
critical position (jabatan kritis).

Basis: PermenPANRB 3/2020 on Manajemen Talenta ASN as amended by PermenPANRB 20/2025 (the
kelompok rencana suksesi is filled from the talent mapping; boxes 7, 8, 9 of the 9-box,
regulations.md §3.3-3.4); the position's own conditions come from the eligibility rules
(`simerit.rules.eligibility`, per target level) and its standar kompetensi jabatan (PermenPANRB
38/2017, JPM in `simerit.rules.competency`). Neither regulation fixes when a successor is "ready"
nor how to grade the risk of a critical position: both are decisions
(docs/decisions/0070-succession-readiness-and-risk.md), kept as versioned data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from simerit.rules._dates import add_months
from simerit.rules._explain import Explained, Step
from simerit.rules._versions import RuleVersion, in_force
from simerit.rules.talent import SUCCESSION_BOXES

BASIS = "PermenPANRB 3/2020 jo. PermenPANRB 20/2025 (kelompok rencana suksesi: kotak 7, 8, 9)"
DECISION = "docs/decisions/0070-succession-readiness-and-risk.md"
B_JPM = "skala seleksi JPM (regulations.md §4.2): Memenuhi Syarat ≥ 80"

RISK_COLORS = ("merah", "kuning", "hijau")
RISK_LABELS = {"merah": "Risiko tinggi", "kuning": "Perlu perhatian", "hijau": "Aman"}


@dataclass(frozen=True)
class SuccessionParams:
    """Readiness and risk thresholds (decision 0070)."""

    boxes: frozenset[int] = SUCCESSION_BOXES
    jpm_min: float = 80.0  # JPM against the position's standard: "Memenuhi Syarat" on the selection scale
    horizon_months: int = 24  # holder retires within this many months of `as_of` -> exposed
    min_ready: int = 2  # ready successors an exposed position needs to be out of red


DEFAULT = SuccessionParams()

VERSIONS: list[RuleVersion[SuccessionParams]] = [
    RuleVersion(
        name="suksesi",
        version="2020",
        valid_from=dt.date(2020, 1, 1),  # year of PermenPANRB 3/2020, as the 9-box (decision 0026)
        valid_to=None,
        basis=f"{BASIS}; kesiapan dan warna risiko: decision {DECISION}",
        kind="decision",
        params=DEFAULT,
    )
]


def params_for(as_of: dt.date) -> SuccessionParams:
    return in_force(VERSIONS, as_of).params


def _f(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


# --- Readiness of one successor ----------------------------------------------------------------------------


def _readiness_reasons(
    box: int | None,
    eligible: bool | None,
    jpm_percent: float | None,
    has_standard: bool,
    params: SuccessionParams,
) -> list[str]:
    """The unmet conditions in a fixed order (shared by the scalar and the batch form)."""
    reasons = []
    if box is None:
        reasons.append("belum ditempatkan pada 9-box")
    elif box not in params.boxes:
        reasons.append(f"kotak {box} di luar kelompok rencana suksesi")
    if not eligible:
        reasons.append("belum memenuhi syarat jenjang jabatan")
    if has_standard:
        if jpm_percent is None:
            reasons.append("belum ada hasil asesmen terhadap standar kompetensi jabatan")
        elif jpm_percent < params.jpm_min:
            reasons.append(f"JPM {_f(jpm_percent)}% < {_f(params.jpm_min)}%")
    return reasons


def readiness(
    box: int | None,
    eligible: bool | None,
    jpm_percent: float | None,
    *,
    has_standard: bool = True,
    eligibility_reasons: Sequence[str] = (),
    as_of: dt.date,
    params: SuccessionParams | None = None,
) -> Explained:
    """Is one employee a ready successor for a position? (PermenPANRB 3/2020 jo. 20/2025;
    decision: docs/decisions/0070-succession-readiness-and-risk.md)

    Ready = in the succession group (box 7, 8 or 9 of the latest 9-box), eligible for the
    position's level (`eligibility.eligible`, passed in as `eligible` with its reasons), and a
    JPM against *that position's* standard of at least `jpm_min` (80, "Memenuhi Syarat"). A
    position without a competency standard drops the JPM condition (said in a step).
    Value `{"ready": bool, "reasons": [str]}`.
    """
    params = params or params_for(as_of)
    steps: list[Step] = []
    if box is None:
        steps.append(
            Step("Belum ditempatkan pada 9-box → tidak termasuk kelompok rencana suksesi", "regulation", BASIS)
        )
    else:
        inside = box in params.boxes
        steps.append(
            Step(
                f"Kotak {box} {'termasuk' if inside else 'tidak termasuk'} kelompok rencana suksesi "
                f"(kotak {', '.join(map(str, sorted(params.boxes)))})",
                "regulation",
                BASIS,
            )
        )
    if eligible:
        steps.append(Step("Memenuhi syarat jenjang jabatan", "regulation", "simerit.rules.eligibility"))
    else:
        why = "; ".join(eligibility_reasons) or "syarat tidak terpenuhi"
        steps.append(Step(f"Belum memenuhi syarat jenjang jabatan: {why}", "regulation", "simerit.rules.eligibility"))
    if not has_standard:
        steps.append(
            Step("Jabatan belum memiliki standar kompetensi → syarat JPM tidak diterapkan", "decision", DECISION)
        )
    elif jpm_percent is None:
        steps.append(Step("Belum ada hasil asesmen terhadap standar kompetensi jabatan ini", "decision", DECISION))
    else:
        ok = jpm_percent >= params.jpm_min
        steps.append(
            Step(
                f"JPM terhadap standar jabatan ini {_f(jpm_percent)}% {'≥' if ok else '<'} {_f(params.jpm_min)}%",
                "decision",
                f"{DECISION}; {B_JPM}",
            )
        )
    reasons = _readiness_reasons(box, eligible, jpm_percent, has_standard, params)
    ready = not reasons
    steps.append(Step("Siap menjadi suksesor" if ready else f"Belum siap: {'; '.join(reasons)}", "decision", DECISION))
    return Explained({"ready": ready, "reasons": reasons}, steps)


def readiness_batch(frame: pl.DataFrame, *, as_of: dt.date, params: SuccessionParams | None = None) -> pl.DataFrame:
    """Batch form of `readiness` over `id, box, eligible, jpm_percent, has_standard`:
    `id, ready, reasons (list[str])` in the same row order. Same rule (decision 0070)."""
    params = params or params_for(as_of)
    box, jpm = pl.col("box"), pl.col("jpm_percent").cast(pl.Float64)
    has_standard = pl.col("has_standard").fill_null(True)
    boxes = sorted(params.boxes)
    shown = jpm.round(2)
    as_text = pl.when(shown == shown.floor()).then(shown.cast(pl.Int64).cast(pl.Utf8)).otherwise(shown.cast(pl.Utf8))
    jpm_text = pl.format("JPM {}% < {}%", as_text, pl.lit(_f(params.jpm_min)))
    parts = [
        pl.when(box.is_null())
        .then(pl.lit("belum ditempatkan pada 9-box"))
        .when(~box.is_in(boxes))
        .then(pl.format("kotak {} di luar kelompok rencana suksesi", box)),
        pl.when(~pl.col("eligible").fill_null(False)).then(pl.lit("belum memenuhi syarat jenjang jabatan")),
        pl.when(has_standard & jpm.is_null())
        .then(pl.lit("belum ada hasil asesmen terhadap standar kompetensi jabatan"))
        .when(has_standard & (jpm < params.jpm_min))
        .then(jpm_text),
    ]
    return (
        frame.select(
            "id",
            pl.concat_list(parts).list.drop_nulls().alias("reasons"),
        )
        .with_columns(ready=pl.col("reasons").list.len() == 0)
        .select("id", "ready", "reasons")
    )


# --- Risk colour of a critical position ---------------------------------------------------------------------


def _risk_color(vacant: bool, exposed: bool | None, ready: int, params: SuccessionParams) -> str:
    if vacant or exposed:
        return "merah" if ready < params.min_ready else "kuning"
    if exposed is None:  # a holder's TMT pensiun is unknown
        return "kuning" if ready < params.min_ready else "hijau"
    return "kuning" if ready == 0 else "hijau"


def risk(
    holder_tmt_pensiun: Sequence[dt.date | None],
    ready_successors: int,
    *,
    as_of: dt.date,
    params: SuccessionParams | None = None,
) -> Explained:
    """Risk colour of a critical position (decision: docs/decisions/0070-succession-readiness-and-risk.md;
    succession from the kelompok rencana suksesi, PermenPANRB 3/2020 jo. 20/2025).

    `holder_tmt_pensiun`: the TMT pensiun of each current holder (empty = vacant); the position
    is *exposed* when it is vacant or a holder's TMT pensiun falls within `horizon_months` (24)
    after `as_of` (or before it). Colour:
    - merah: exposed and fewer than `min_ready` (2) ready successors;
    - kuning: exposed with at least `min_ready` ready (cover exists, the change is coming); or not
      exposed but no ready successor at all; or a holder's TMT pensiun unknown with fewer than
      `min_ready` ready;
    - hijau: otherwise (not exposed and at least one ready successor).
    Value `{"color", "vacant", "exposed", "earliest_tmt_pensiun", "ready"}`.
    """
    params = params or params_for(as_of)
    limit = add_months(as_of, params.horizon_months)
    vacant = len(holder_tmt_pensiun) == 0
    known = [d for d in holder_tmt_pensiun if d is not None]
    earliest = min(known) if known else None
    steps: list[Step] = []
    exposed: bool | None
    if vacant:
        exposed = True
        steps.append(Step("Jabatan kosong (tidak ada pemangku)", "decision", DECISION))
    elif earliest is not None and earliest <= limit:
        exposed = True
        steps.append(
            Step(
                f"Pemangku pensiun TMT {earliest:%d-%m-%Y}, dalam {params.horizon_months} bulan "
                f"(s.d. {limit:%d-%m-%Y})",
                "decision",
                DECISION,
            )
        )
    elif len(known) < len(holder_tmt_pensiun):
        exposed = None
        steps.append(Step("TMT pensiun pemangku tidak diketahui", "decision", DECISION))
    else:
        exposed = False
        steps.append(
            Step(
                f"Pemangku pensiun TMT {earliest:%d-%m-%Y}, lebih dari {params.horizon_months} bulan lagi",
                "decision",
                DECISION,
            )
        )
    steps.append(
        Step(
            f"Suksesor siap: {ready_successors} (minimal {params.min_ready} untuk jabatan yang akan/sedang kosong)",
            "decision",
            DECISION,
        )
    )
    color = _risk_color(vacant, exposed, ready_successors, params)
    steps.append(Step(f"Warna risiko: {color} ({RISK_LABELS[color]})", "decision", DECISION))
    value = {
        "color": color,
        "vacant": vacant,
        "exposed": exposed,
        "earliest_tmt_pensiun": earliest,
        "ready": ready_successors,
    }
    return Explained(value, steps)


def risk_batch(
    holders: pl.DataFrame, positions: pl.DataFrame, *, as_of: dt.date, params: SuccessionParams | None = None
) -> pl.DataFrame:
    """Batch form of `risk`. `positions`: `jabatan_id, ready` (one row per critical position);
    `holders`: `jabatan_id, tmt_pensiun` (one row per holder, null = unknown). Returns
    `jabatan_id, color, vacant, exposed, earliest_tmt_pensiun, ready` in `positions` order."""
    params = params or params_for(as_of)
    limit = add_months(as_of, params.horizon_months)
    per = holders.group_by("jabatan_id").agg(
        pl.len().alias("_n"),
        pl.col("tmt_pensiun").null_count().alias("_unknown"),
        pl.col("tmt_pensiun").min().alias("earliest_tmt_pensiun"),
    )
    joined = positions.join(per, on="jabatan_id", how="left", maintain_order="left")
    vacant = pl.col("_n").fill_null(0) == 0
    soon = pl.col("earliest_tmt_pensiun").is_not_null() & (pl.col("earliest_tmt_pensiun") <= limit)
    exposed = (
        pl.when(vacant | soon)
        .then(pl.lit(True))
        .when(pl.col("_unknown").fill_null(0) > 0)
        .then(pl.lit(None, dtype=pl.Boolean))
        .otherwise(pl.lit(False))
    )
    ready = pl.col("ready").fill_null(0)
    few = ready < params.min_ready
    color = (
        pl.when(pl.col("exposed").fill_null(False))
        .then(pl.when(few).then(pl.lit("merah")).otherwise(pl.lit("kuning")))
        .when(pl.col("exposed").is_null())
        .then(pl.when(few).then(pl.lit("kuning")).otherwise(pl.lit("hijau")))
        .otherwise(pl.when(ready == 0).then(pl.lit("kuning")).otherwise(pl.lit("hijau")))
    )
    return (
        joined.with_columns(vacant.alias("vacant"), exposed.alias("exposed"), ready.alias("ready"))
        .with_columns(color.alias("color"))
        .select("jabatan_id", "color", "vacant", "exposed", "earliest_tmt_pensiun", "ready")
    )
