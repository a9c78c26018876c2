"""DUK (Daftar Urut Kepangkatan): the order of PNS by seniority.

Legal basis: PP 15/1979 and its BAKN circular (regulations.md §9), criteria in this order, each
breaking ties of the ones before (shared/domain/decisions.md "DUK"): pangkat (higher, then earlier
TMT pangkat); jabatan (higher level, then earlier TMT jabatan); masa kerja (longer); latihan
jabatan (higher leadership training, then earlier); pendidikan (higher, then earlier graduation);
usia (older); then NIP ascending so the list is stable. How JF and pelaksana rank against
struktural is a decision (docs/decisions/0017-duk-jabatan-rank.md); the training and education
ranks, masa kerja and missing values are decisions too (docs/decisions/0018-duk-details.md).
Whom to list (usually the PNS of a unit) is the caller's choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import polars as pl

from simerit.rules._explain import Explained, Step
from simerit.rules._rows import by_employee
from simerit.rules._versions import RuleVersion, in_force
from simerit.rules.pangkat import PANGKAT_ORDER
from simerit.rules.profile import EmployeeFrames, EmployeeProfile
from simerit.rules.retirement import LEVEL_LABELS, tanggal

BASIS = "PP 15/1979 jo. Surat Edaran BAKN (urutan DUK)"
DECISION_JABATAN = "docs/decisions/0017-duk-jabatan-rank.md"
DECISION_DETAILS = "docs/decisions/0018-duk-details.md"
LAST_DATE = dt.date(9999, 12, 31)  # a missing date sorts after every real one
LAST_YEAR = 9999


@dataclass(frozen=True)
class DukParams:
    jabatan_rank: dict[str, int]  # position level -> rank, higher first
    latihan_rank: dict[str, int]  # leadership training name -> rank, higher first
    pendidikan_rank: dict[str, int]  # education code -> rank, higher first


# Struktural by level; JF keahlian placed by the penyetaraan of PermenPANRB 17/2021 (administrator ≈
# ahli madya, pengawas ≈ ahli muda, eselon V ≈ ahli pertama) and ahli utama with JPT madya (pangkat
# IV/d-IV/e, as eselon I); keterampilan below keahlian; pelaksana last (decision 0017).
JABATAN_RANK = {
    "jpt_utama": 10, "jpt_madya": 9, "ahli_utama": 9, "jpt_pratama": 8, "administrator": 7, "ahli_madya": 7,
    "pengawas": 6, "ahli_muda": 6, "ahli_pertama": 5, "penyelia": 4, "mahir": 3, "terampil": 2, "pemula": 1,
    "pelaksana": 0,
}  # fmt: skip
LATIHAN_RANK = {
    "PKN I": 4, "Diklatpim I": 4, "PKN II": 3, "Diklatpim II": 3, "PKA": 2, "Diklatpim III": 2,
    "PKP": 1, "Diklatpim IV": 1,
}  # fmt: skip
# D-IV and S-1 share a rank (both KKNI level 6 and both start at III/a, decision 0018).
PENDIDIKAN_RANK = {"SD": 1, "SLTP": 2, "SLTA": 3, "D1": 4, "D2": 5, "D3": 6, "D4": 7, "S1": 7, "S2": 8, "S3": 9}

VERSIONS: list[RuleVersion[DukParams]] = [
    RuleVersion("duk", "1979", dt.date(1979, 1, 1), None,
                f"{BASIS}; peringkat: {DECISION_JABATAN}, {DECISION_DETAILS}", "decision",
                DukParams(JABATAN_RANK, LATIHAN_RANK, PENDIDIKAN_RANK)),
]  # fmt: skip


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end`, never negative (masa kerja, decision 0018)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    return max(months, 0)


@dataclass(frozen=True)
class _Parts:
    pangkat: int | None
    jabatan: int | None
    masa_kerja: int | None
    masa_kerja_from_tmt: bool
    latihan: int
    latihan_name: str | None
    latihan_date: dt.date | None


def _parts(profile: EmployeeProfile, as_of: dt.date, params: DukParams) -> _Parts:
    masa = profile.masa_kerja_months
    from_tmt = masa is None and profile.tmt_cpns is not None
    if from_tmt:
        masa = months_between(profile.tmt_cpns, as_of)
    held = [
        (params.latihan_rank[t.name], t.end_date, t.name) for t in profile.trainings
        if t.type == "kepemimpinan" and t.name in params.latihan_rank and t.end_date is not None and t.end_date <= as_of
    ]  # fmt: skip
    best = max((rank for rank, _, _ in held), default=0)
    firsts = sorted((d, name) for rank, d, name in held if rank == best) if best else []
    return _Parts(
        pangkat=PANGKAT_ORDER.get(profile.pangkat or ""),
        jabatan=params.jabatan_rank.get(profile.position.level or ""),
        masa_kerja=masa,
        masa_kerja_from_tmt=from_tmt,
        latihan=best,
        latihan_name=firsts[0][1] if firsts else None,
        latihan_date=firsts[0][0] if firsts else None,
    )


def duk_key(profile: EmployeeProfile, as_of: dt.date) -> tuple:
    """Sort key of one employee: ascending keys give the DUK order (PP 15/1979; decisions 0017-0018).

    Missing values sort last within their criterion; NIP (missing last) then `id` end the key.
    """
    params = in_force(VERSIONS, as_of).params
    p = _parts(profile, as_of, params)
    return (
        -(p.pangkat or 0),
        profile.tmt_pangkat or LAST_DATE,
        -(p.jabatan if p.jabatan is not None else -1),
        profile.tmt_jabatan or LAST_DATE,
        -(p.masa_kerja if p.masa_kerja is not None else -1),
        -p.latihan,
        p.latihan_date or LAST_DATE,
        -params.pendidikan_rank.get(profile.education or "", 0),
        profile.education_year or LAST_YEAR,
        profile.birth_date or LAST_DATE,
        profile.nip is None,
        profile.nip or "",
        profile.id,
    )


def duk_explain(profile: EmployeeProfile, as_of: dt.date) -> Explained:
    """The DUK key of one employee in words, one line per criterion (value: `duk_key`).

    Basis: PP 15/1979 jo. Surat Edaran BAKN (order of criteria); ranks and missing values:
    docs/decisions/0017-duk-jabatan-rank.md and 0018-duk-details.md.
    """
    params = in_force(VERSIONS, as_of).params
    p = _parts(profile, as_of, params)
    missing = "tidak tercatat (diurutkan paling akhir)"
    tmt = f", TMT {tanggal(profile.tmt_pangkat)}" if profile.tmt_pangkat else ", TMT tidak tercatat"
    pangkat = f"{profile.pangkat} (urutan {p.pangkat} dari 17){tmt}" if p.pangkat else missing
    level = profile.position.level or ""
    tmt_j = f", TMT jabatan {tanggal(profile.tmt_jabatan)}" if profile.tmt_jabatan else ", TMT jabatan tidak tercatat"
    jabatan = f"{LEVEL_LABELS.get(level, level)} (peringkat {p.jabatan}){tmt_j}" if p.jabatan is not None else missing
    if p.masa_kerja is None:
        masa = missing
    else:
        src = f"dari TMT CPNS {tanggal(profile.tmt_cpns)}" if p.masa_kerja_from_tmt else "data masa kerja"
        masa = f"{p.masa_kerja // 12} tahun {p.masa_kerja % 12} bulan ({src})"
    if p.latihan_name:
        latihan = f"{p.latihan_name} (peringkat {p.latihan}), selesai {tanggal(p.latihan_date)}"
    else:
        latihan = "tidak ada latihan kepemimpinan yang selesai"
    edu_rank = params.pendidikan_rank.get(profile.education or "")
    year = f", lulus {profile.education_year}" if profile.education_year else ", tahun lulus tidak tercatat"
    pendidikan = f"{profile.education} (peringkat {edu_rank}){year}" if edu_rank else missing
    usia = f"lahir {tanggal(profile.birth_date)}" if profile.birth_date else missing
    steps = [
        Step(f"1. Pangkat: {pangkat}", "regulation", BASIS),
        Step(f"2. Jabatan: {jabatan}", "decision", DECISION_JABATAN),
        Step(f"3. Masa kerja: {masa}", "regulation", BASIS),
        Step(f"4. Latihan jabatan: {latihan}", "decision", DECISION_DETAILS),
        Step(f"5. Pendidikan: {pendidikan}", "regulation", BASIS),
        Step(f"6. Usia: {usia}", "regulation", BASIS),
        Step(f"Bila semua sama: NIP {profile.nip or 'tidak tercatat'} (urutan naik)", "decision", DECISION_DETAILS),
    ]
    return Explained(value=duk_key(profile, as_of), steps=steps)


def duk_order(profiles: Iterable[EmployeeProfile], as_of: dt.date) -> list[str]:
    """Ids in DUK order, first = most senior (PP 15/1979; decisions 0017-0018)."""
    return [p.id for p in sorted(profiles, key=lambda p: duk_key(p, as_of))]


def duk_rank_batch(
    frames: EmployeeFrames, as_of: dt.date, group_by: str | None = None, *, employee_order: bool = False
) -> pl.DataFrame:
    """Batch form of `duk_order`: `id, duk_rank (UInt32, 1 = first)`, rows in DUK order (in the
    order of `frames.employees` with `employee_order=True`, so callers can place it beside other
    results without a join).

    Ranks within each value of `group_by` (a column the caller adds to `frames.employees`, e.g.
    the OPD) or across all rows. Same basis and decisions as `duk_key`.
    """
    params = in_force(VERSIONS, as_of).params
    # The highest leadership training and, among those of that rank, the earliest end date: the
    # largest of rank * 2^32 + (2^31 - 1 - end date in days) per employee, placed by row number.
    counted = (pl.col("type") == "kepemimpinan") & pl.col("end_date").is_not_null() & (pl.col("end_date") <= as_of)
    lat_rank = pl.col("name").replace_strict(params.latihan_rank, default=None, return_dtype=pl.Int64)
    records = frames.trainings.lazy().filter(counted).select(
        "id",
        (lat_rank * (1 << 32) + ((1 << 31) - 1 - pl.col("end_date").to_physical().cast(pl.Int64))).alias("_lat_key"),
    ).collect()
    best = by_employee(records["id"], frames.employees["id"]).reduce(records["_lat_key"], "max")
    latihan = pl.DataFrame([
        (best // (1 << 32)).cast(pl.Int8).alias("_lat"),
        ((1 << 31) - 1 - best % (1 << 32)).cast(pl.Int32).cast(pl.Date).alias("_lat_date"),
    ])  # fmt: skip
    tmt_cpns = pl.col("tmt_cpns")
    from_tmt = (
        (pl.lit(as_of.year) - tmt_cpns.dt.year().cast(pl.Int32)) * 12
        + (pl.lit(as_of.month) - tmt_cpns.dt.month().cast(pl.Int32))
        - (pl.lit(as_of.day) < tmt_cpns.dt.day().cast(pl.Int32)).cast(pl.Int32)
    ).clip(lower_bound=0)
    masa = pl.coalesce(pl.col("masa_kerja_months").cast(pl.Int32), from_tmt)
    groups = [group_by] if group_by else []

    def rank_of(column: str, ranks: dict[str, int], missing: int) -> pl.Expr:
        """`ranks[value]`, `missing` when null or not a key (the index among the keys, an Enum
        cast, picks the rank: one lookup per text instead of hashing each value)."""
        keys = list(ranks)
        index = pl.col(column).cast(pl.Enum(keys), strict=False).to_physical()
        return pl.lit(pl.Series([ranks[k] for k in keys], dtype=pl.Int32)).gather(index).fill_null(missing)

    keys = [
        (-rank_of("pangkat", PANGKAT_ORDER, 0)).alias("_k1"),
        pl.col("tmt_pangkat").fill_null(LAST_DATE).alias("_k2"),
        (-rank_of("position_level", params.jabatan_rank, -1)).alias("_k3"),
        pl.col("tmt_jabatan").fill_null(LAST_DATE).alias("_k4"),
        (-masa.fill_null(-1)).alias("_k5"),
        (-pl.col("_lat").cast(pl.Int32).fill_null(0)).alias("_k6"),
        pl.col("_lat_date").fill_null(LAST_DATE).alias("_k7"),
        (-rank_of("education", params.pendidikan_rank, 0)).alias("_k8"),
        pl.col("education_year").cast(pl.Int32).fill_null(LAST_YEAR).alias("_k9"),
        pl.col("birth_date").fill_null(LAST_DATE).alias("_k10"),
        pl.col("nip").is_null().alias("_k11"),
        pl.col("nip").fill_null("").alias("_k12"),
    ]
    # Then the text of `id` (frames keyed by an integer id still break the last ties as text).
    order = [f"_k{i}" for i in range(1, 13)]
    rank = pl.int_range(1, pl.len() + 1, dtype=pl.UInt32)
    keyed = frames.employees.hstack(latihan).lazy().select("id", *groups, *keys).collect()
    missing = _physical(LAST_DATE)
    index = _order_index(keyed, order, {"_k2": missing, "_k4": missing, "_k7": missing, "_k9": LAST_YEAR, "_k10": missing})
    if not group_by and employee_order:  # rank i+1 at the row in place i of the order
        ranks = np.empty(keyed.height, dtype=np.uint32)
        ranks[index.to_numpy()] = np.arange(1, keyed.height + 1, dtype=np.uint32)
        return keyed.select("id").with_columns(pl.Series("duk_rank", ranks))
    ranked = keyed.select("id", *groups).with_row_index("_row")[index].lazy()
    ranked = ranked.select("_row", "id", (rank.over(group_by) if group_by else rank).alias("duk_rank"))
    return (ranked.sort("_row") if employee_order else ranked).drop("_row").collect()


def _physical(day: dt.date) -> int:
    """The days since 1970-01-01 of `day` (polars' Date)."""
    return (day - dt.date(1970, 1, 1)).days


def _order_index(keyed: pl.DataFrame, order: list[str], last: dict[str, int] | None = None) -> pl.Series:
    """The row positions of `keyed` sorted by the columns `order` (the DUK keys, the last one the
    NIP text) and then by the text of `id`, usually found through a few packed integers: a sort
    by many columns is slow. Each key becomes its offset from its own minimum (same order) in as
    many bits as its range needs, and UInt64 words hold the keys in criterion order; one sort by
    the words in turn gives the order. The NIP joins as a number when every recorded NIP has the same length in digits only
    (then number order is text order). When two rows tie on every word, or the NIPs are not like
    that, the plain sort by every column decides. `last`: per key column, the (physical) value
    that stands for a missing one (sorting after every other)."""
    nip = order[-1]
    last = last or {}

    def plain() -> pl.Series:
        return keyed.select(pl.arg_sort_by([*order, pl.col("id").cast(pl.Utf8)]).alias("_i"))["_i"]

    if keyed.height < 2:
        return plain()
    # Digits only: the text parses as an unsigned number and has no leading "+" (which the parse
    # accepts); with at most 18 characters it cannot overflow. A parse is cheaper than a regex,
    # and done once: the bounds and the words below read the number.
    keyed = keyed.with_columns(pl.col(nip).cast(pl.UInt64, strict=False).alias("_nip_int"))
    lengths = keyed.lazy().filter(pl.col(nip) != "").select(
        pl.col(nip).str.len_bytes().min().alias("lo"), pl.col(nip).str.len_bytes().max().alias("hi"),
        (pl.col("_nip_int").is_not_null() & ~pl.col(nip).str.starts_with("+")).all().alias("digits"),
    ).collect().row(0)  # fmt: skip
    if lengths[0] is not None and not (lengths[0] == lengths[1] <= 18 and lengths[2]):
        return plain()
    as_int = {c: pl.col(c).to_physical().cast(pl.Int64) for c in order[:-1]}
    as_int[nip] = pl.col("_nip_int").fill_null(0).cast(pl.Int64)  # no NIP (null or ""): 0
    # A key's "missing" value (LAST_DATE, far after every real date) takes the place right after
    # its largest other value instead: the same order and ties in a fraction of the bits.
    below = {c: as_int[c].filter(as_int[c] != value) for c, value in last.items()}
    bounds = keyed.lazy().select(
        *[e.min().alias(f"{c}_min") for c, e in as_int.items()], *[e.max().alias(f"{c}_max") for c, e in as_int.items()],
        *[e.max().alias(f"{c}_below") for c, e in below.items()],
    ).collect().row(0, named=True)  # fmt: skip
    for c, value in last.items():
        top = bounds[f"{c}_below"]
        if top is not None and bounds[f"{c}_max"] == value:
            as_int[c] = pl.when(as_int[c] == value).then(top + 1).otherwise(as_int[c])
            bounds[f"{c}_max"] = top + 1
    words: list[pl.Expr] = []
    word: pl.Expr | None = None
    used = 0
    for c, e in as_int.items():
        width = max(int(bounds[f"{c}_max"] - bounds[f"{c}_min"]).bit_length(), 1)
        if width > 63:
            return plain()
        if word is None or used + width > 64:
            if word is not None:
                words.append(word)
            word, used = pl.lit(0, dtype=pl.UInt64), 0
        word = word * (1 << width) + (e - bounds[f"{c}_min"]).cast(pl.UInt64)
        used += width
    words.append(word)
    names = [f"_w{i}" for i in range(len(words))]
    packed = keyed.select(*[w.alias(n) for w, n in zip(words, names, strict=True)]).with_row_index("_i").sort(names)
    tied = np.ones(packed.height - 1, dtype=bool)
    for name in names:
        word = packed[name].to_numpy()
        tied &= word[1:] == word[:-1]
    return plain() if tied.any() else packed["_i"]
