"""IP ASN (Indeks Profesionalitas ASN) of a PNS: kualifikasi + kompetensi + kinerja + disiplin.

Legal basis: Peraturan BKN 8/2019 (Pedoman Tata Cara dan Pelaksanaan Pengukuran IP ASN, in force
from 15 May 2019), implementing PermenPANRB 38/2018; rule version "2019" as set out in
shared/domain/decisions.md "IP ASN". Choices the sources leave open are decisions recorded in
docs/decisions/ 0020 (kinerja points for the 2022 predikat), 0021 (competency evidence), 0022
(which performance record counts) and 0024 (population and missing inputs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import polars as pl

from simerit.rules import skp
from simerit.rules._bands import label_by_lower_bound
from simerit.rules._dates import months_before
from simerit.rules._explain import Basis, Explained, Problem, Step
from simerit.rules._ipasn_params import FLAGS, PARAMS_2019, IpAsnParams
from simerit.rules._rows import by_employee
from simerit.rules._versions import NoVersionInForce, RuleVersion, in_force
from simerit.rules.profile import EmployeeFrames, EmployeeProfile

BASIS = "Peraturan BKN 8/2019"
D_KINERJA = "docs/decisions/0020-ip-asn-kinerja-predikat-points.md"
D_KOMPETENSI = "docs/decisions/0021-ip-asn-competency-evidence.md"
D_MISSING = "docs/decisions/0024-ip-asn-population-and-missing-inputs.md"

VERSIONS: list[RuleVersion[IpAsnParams]] = [
    RuleVersion(
        name="ipasn",
        version="2019",
        valid_from=dt.date(2019, 5, 15),
        valid_to=None,
        basis=f"{BASIS} (kinerja untuk predikat 2022+: decision {D_KINERJA})",
        kind="regulation",
        params=PARAMS_2019,
    )
]

B_KUALIFIKASI = f"{BASIS}, dimensi kualifikasi"
B_KOMPETENSI = f"{BASIS} Pasal 8 ayat 2"
B_LEADERSHIP = f"{BASIS} Pasal 8 ayat 4"
B_FUNCTIONAL = f"{BASIS} Pasal 8 ayat 5"
B_TECHNICAL = f"{BASIS} Pasal 8 ayat 6"
B_SEMINAR = f"{BASIS} Pasal 8 ayat 3"
B_KINERJA = f"{BASIS}, dimensi kinerja"
B_DISIPLIN = f"{BASIS}, dimensi disiplin"
B_KATEGORI = f"{BASIS}, kategori indeks"


@dataclass
class IpAsnScore:
    """One PNS's IP ASN; all scores None when the employee is not measured (see `flags`)."""

    kualifikasi: float | None
    kompetensi: float | None
    kinerja: float | None
    disiplin: float | None
    total: float | None
    kategori: str | None
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """The `ip_asn` object of shared/domain/evaluate-contract.md (same keys, same order)."""
        return asdict(self)


def needs_functional_training(jf_name: str, as_of: dt.date | None = None) -> bool:
    """Whether a JF counts only with a functional training (decision 0021: the JF on the list in
    `jf_without_functional_training` count as done). Used when loading positions into profiles."""
    params = _params(as_of)
    name = jf_name.lower()
    return not name.startswith(params.jf_without_functional_training)


def _params(as_of: dt.date | None) -> IpAsnParams:
    return (in_force(VERSIONS, as_of) if as_of else VERSIONS[-1]).params


def _d(day: dt.date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "-"


def _p(points: float) -> str:
    return f"{points:g}"


def category(total: float | None, as_of: dt.date | None = None) -> str | None:
    """IP ASN category by lower bound (Peraturan BKN 8/2019): ≥ 91 Sangat Tinggi, ≥ 81 Tinggi,
    ≥ 71 Sedang, ≥ 61 Rendah, otherwise Sangat Rendah (so 90.5 is Tinggi)."""
    if total is None:
        return None
    params = _params(as_of)
    for lower, label in params.category_bands:
        if total >= lower:
            return label
    return params.lowest_category


def category_expr(total: pl.Expr, as_of: dt.date | None = None) -> pl.Expr:
    """Batch form of `category` (Peraturan BKN 8/2019, bands by lower bound)."""
    params = _params(as_of)
    return label_by_lower_bound(total, params.category_bands, params.lowest_category)


class _Steps:
    """Collects the explanation: one step (and the points it gave) per indicator."""

    def __init__(self, steps: list[Step]):
        self.steps, self.points = steps, []

    def add(self, points: float, text: str, source: str, kind: Basis = "regulation") -> float:
        self.steps.append(Step(f"{text} → {_p(points)} poin", kind, source))
        self.points.append(points)
        return points


def _competency(profile: EmployeeProfile, as_of: dt.date, params: IpAsnParams, steps: list[Step]) -> float:
    """Kompetensi points (Peraturan BKN 8/2019 Pasal 8), one step per indicator."""
    kind, level = profile.position.kind, profile.position.level
    table, out = params.competency_points[kind or ""], _Steps(steps)
    done = [t for t in profile.trainings if t.end_date is not None and t.end_date <= as_of]
    if "kepemimpinan" in table:
        need = params.required_rank.get(level or "")
        names = "/".join(n for n, r in params.leadership_rank.items() if r == need)
        rank = params.leadership_rank
        matching = sorted(
            (t for t in done if t.type == "kepemimpinan" and need and rank.get(t.name, 99) <= need),
            key=lambda t: (rank[t.name], t.end_date),
        )
        if need is None:
            out.add(
                0,
                f"Jenjang jabatan struktural '{level or '-'}' tidak dikenal: diklat kepemimpinan",
                D_MISSING,
                "decision",
            )
        elif matching:
            out.add(table["kepemimpinan"], f"Diklat kepemimpinan {matching[0].name} selesai {_d(matching[0].end_date)} "
                    f"(sesuai jenjang {level}: {names} atau lebih tinggi)", B_LEADERSHIP)  # fmt: skip
        else:
            out.add(0, f"Tidak ada diklat kepemimpinan {names} atau lebih tinggi (jenjang {level}) selesai s.d. "
                    f"{_d(as_of)}", B_LEADERSHIP)  # fmt: skip
    if "fungsional" in table:
        functional = sorted(t.end_date for t in done if t.type == "fungsional")
        if not profile.position.needs_functional_training:
            out.add(table["fungsional"], "Jabatan fungsional ini tidak mensyaratkan diklat fungsional: dianggap sudah",
                    D_KOMPETENSI, "decision")  # fmt: skip
        elif functional:
            out.add(table["fungsional"], f"Diklat fungsional selesai {_d(functional[0])}", B_FUNCTIONAL)
        else:
            out.add(0, f"Tidak ada diklat fungsional selesai s.d. {_d(as_of)}", B_FUNCTIONAL)
    start = months_before(as_of, params.technical_window_months)
    technical = sorted((t for t in done if t.type == "teknis" and t.end_date > start), key=lambda t: t.end_date)
    jp, min_jp = sum(t.jp or 0 for t in technical), params.technical_min_jp
    listed = ", ".join(f"{t.jp or 0} JP selesai {_d(t.end_date)}" for t in technical) or "tidak ada"
    window = f"dalam {params.technical_window_months} bulan s.d. {_d(as_of)}"
    if jp >= min_jp:
        total = f" = {jp} JP" if len(technical) > 1 else ""
        out.add(table["teknis"], f"Diklat teknis {listed}{total} (≥ {min_jp} JP {window})", B_TECHNICAL)
    else:
        out.add(0, f"Diklat teknis {window}: {listed}; jumlah {jp} JP (< {min_jp} JP)", B_TECHNICAL)
    start = months_before(as_of, params.seminar_window_months)
    seminars = sorted(t.end_date for t in done if t.type == "seminar" and t.end_date > start)
    window = f"dalam {params.seminar_window_months} bulan s.d. {_d(as_of)}"
    if seminars:
        out.add(table["seminar"], f"Seminar/workshop/kursus/magang selesai {_d(seminars[-1])} ({window})", B_SEMINAR)
    else:
        out.add(0, f"Tidak ada seminar/workshop/kursus/magang {window}", B_SEMINAR)
    value = sum(out.points)
    steps.append(Step(f"Kompetensi ({kind}) = {' + '.join(map(_p, out.points))} = {_p(value)} poin (maks. 40)",
                      "regulation", B_KOMPETENSI))  # fmt: skip
    return value


def _kinerja(profile: EmployeeProfile, as_of: dt.date, params: IpAsnParams, steps: list[Step]) -> float | None:
    """Kinerja points from the measurement year's record, or None when there is none."""
    record = skp.year_record(profile.performance, as_of.year)
    if record is None:
        steps.append(Step(f"Tidak ada catatan kinerja tahun {as_of.year} (tahun pengukuran) → kinerja 0 poin, "
                          "data kinerja tidak ada", "decision", D_KINERJA))  # fmt: skip
        return None
    label, step = skp.describe_record(record)
    if skp.rated_predikat(record) is not None:
        return _Steps(steps).add(params.predikat_points[label], step.text, D_KINERJA, "decision")
    nilai = record.nilai or 0.0
    return _Steps(steps).add(next((p for low, p in params.kinerja_bands if nilai >= low), 1), step.text, B_KINERJA)


def _disiplin(profile: EmployeeProfile, as_of: dt.date, params: IpAsnParams, steps: list[Step]) -> float:
    """Disiplin points from the heaviest sanction decided in the 12 months ending `as_of`."""
    start = months_before(as_of, params.discipline_window_months)
    window = f"{params.discipline_window_months} bulan s.d. {_d(as_of)}"
    inside = []
    for d in sorted(profile.discipline, key=lambda d: d.decision_date or dt.date.min):
        pts = params.discipline_points.get(d.level)
        if pts is not None and d.decision_date is not None and start < d.decision_date <= as_of:
            inside.append((pts, d))
            continue
        why = "tanpa tanggal keputusan" if d.decision_date is None else f"di luar {window}"
        why = "tingkat tidak dikenal" if pts is None else why
        steps.append(Step(f"Hukuman disiplin {d.level} keputusan {_d(d.decision_date)} {why} → tidak dihitung",
                          "decision", D_MISSING))  # fmt: skip
    if not inside:
        return _Steps(steps).add(params.no_sanction_points, f"Tidak ada hukuman disiplin dalam {window}", B_DISIPLIN)
    pts, worst = min(inside, key=lambda x: x[0])
    text = f"Hukuman disiplin {worst.level}, keputusan {_d(worst.decision_date)} (terberat dalam {window})"
    return _Steps(steps).add(pts, text, B_DISIPLIN)


def ip_asn(profile: EmployeeProfile, as_of: dt.date) -> Explained:
    """IP ASN of one employee as of `as_of` (Peraturan BKN 8/2019; decisions 0020, 0021, 0024).

    Value: an `IpAsnScore`. CPNS and PPPK are not measured (scores None, flag "bukan_pns");
    missing inputs give 0 points for that dimension with a flag and an explaining step.
    """
    try:
        version = in_force(VERSIONS, as_of)
    except NoVersionInForce as exc:
        return Explained(None, [], [Problem("as_of", str(exc))])
    params = version.params
    steps: list[Step] = []
    if profile.status != params.measured_status:
        flag = "status_tidak_ada" if profile.status is None else "bukan_pns"
        who = "Status kepegawaian tidak diisi" if profile.status is None else f"Status {profile.status}"
        steps.append(Step(f"{who} → IP ASN tidak diukur (hanya untuk PNS)", "decision", D_MISSING))
        return Explained(IpAsnScore(None, None, None, None, None, None, [flag]), steps)
    flags: list[str] = []
    steps.append(Step(f"Status PNS → diukur dengan aturan IP ASN versi {version.version}", "regulation", BASIS))
    education = profile.education
    kualifikasi = float(params.education_points.get(education or "", 0))
    if education is None:
        flags.append("pendidikan_tidak_ada")
        steps.append(Step("Pendidikan tertinggi tidak diisi → kualifikasi 0 poin", "decision", D_MISSING))
    elif education not in params.education_points:
        flags.append("pendidikan_tidak_dikenal")
        steps.append(Step(f"Pendidikan '{education}' tidak dikenal → kualifikasi 0 poin", "decision", D_MISSING))
    else:
        steps.append(Step(f"Pendidikan tertinggi {education} → {_p(kualifikasi)} poin", "regulation", B_KUALIFIKASI))
    kind = profile.position.kind
    if kind not in params.competency_points:
        flags.append("jabatan_tidak_ada")
        steps.append(Step("Jenis jabatan tidak diisi/tidak dikenal → kompetensi 0 poin", "decision", D_MISSING))
        kompetensi = 0.0
    else:
        if kind == "struktural" and profile.position.level not in params.required_rank:
            flags.append("jenjang_jabatan_tidak_dikenal")
        kompetensi = float(_competency(profile, as_of, params, steps))
    kinerja = _kinerja(profile, as_of, params, steps)
    if kinerja is None:
        flags.append("kinerja_tidak_ada")
        kinerja = 0.0
    disiplin = float(_disiplin(profile, as_of, params, steps))
    total = round(kualifikasi + kompetensi + kinerja + disiplin, 2)
    parts = " + ".join(_p(x) for x in (kualifikasi, kompetensi, kinerja, disiplin))
    steps.append(Step(f"Total = {parts} = {_p(total)} poin", "regulation", BASIS))
    kategori = category(total, as_of)
    steps.append(Step(f"Kategori: {_p(total)} poin → {kategori}", "regulation", B_KATEGORI))
    score = IpAsnScore(kualifikasi, kompetensi, float(kinerja), disiplin, total, kategori, flags)
    return Explained(score, steps)


def _bands_expr(value: pl.Expr, bands: Sequence[tuple[float, float]], otherwise: float) -> pl.Expr:
    expr: pl.Expr = pl.lit(float(otherwise))
    for lower, points in reversed(bands):
        expr = pl.when(value >= lower).then(pl.lit(float(points))).otherwise(expr)
    return expr


def _training_facts(trainings: pl.DataFrame, as_of: dt.date, params: IpAsnParams, ids: pl.Series) -> pl.DataFrame:
    """Per employee of `ids` (in that order): the best leadership training's rank (`_lead`, the
    lowest number), any functional training (`_func`), the JP of technical trainings in their
    window (`_jp`) and any seminar in its window (`_seminar`); null without records."""
    tech_start = months_before(as_of, params.technical_window_months)
    sem_start = months_before(as_of, params.seminar_window_months)
    t, end, jp = pl.col("type"), pl.col("end_date"), pl.col("jp")
    rank = pl.col("name").replace_strict(dict(params.leadership_rank), default=None, return_dtype=pl.Int8)
    counted = end.is_not_null() & (end <= as_of)
    records, leadership = pl.collect_all([
        trainings.lazy().select(
            pl.when(counted).then(pl.col("id")).alias("id"),
            (t == "fungsional").alias("_func"),
            pl.when((t == "teknis") & (end > tech_start)).then(jp.fill_null(0)).otherwise(0).alias("_jp"),
            ((t == "seminar") & (end > sem_start)).alias("_seminar"),
        ),
        # The leadership ranks of the few leadership records only (a text lookup per record).
        trainings.lazy().filter(counted & (t == "kepemimpinan")).select("id", rank.alias("_lead")),
    ])  # fmt: skip
    facts = by_employee(records["id"], ids).reduce_all(records, {"_func": "any", "_jp": "sum", "_seminar": "any"})
    lead = by_employee(leadership["id"], ids).reduce(leadership["_lead"], "min")
    return facts.insert_column(0, lead)


def ip_asn_batch(
    frames: EmployeeFrames, as_of: dt.date, *, summary: skp.PerformanceSummary | None = None
) -> pl.DataFrame:
    """Batch form of `ip_asn`: one row per employee, `id, kualifikasi, kompetensi, kinerja, disiplin,
    total (Float64), kategori (Utf8), flags (List[Utf8])`; null scores for non-PNS.

    Same rules (Peraturan BKN 8/2019; decisions 0020, 0021, 0022, 0024), vectorised: joins and
    group_by aggregates only. Raises NoVersionInForce when `as_of` precedes the rule.
    `summary`: the caller's `skp.performance_summary(frames.performance, as_of, ...)`, when it has
    computed it already (the kinerja dimension reads it).
    """
    params = in_force(VERSIONS, as_of).params
    # The record that counts for the measurement year (decision 0022, as `skp.year_records_batch`
    # for that one year): the worst rated record, else the lowest value (`_rank_now`, `_nilai_now`).
    rank_points = {
        rank: float(params.predikat_points[label])
        for label, rank in skp.PREDIKAT_RANK.items()
        if label in params.predikat_points
    }
    ids = frames.employees["id"]
    if summary is None:
        summary = skp.performance_summary(frames.performance, as_of, ids=ids)
    now = summary.for_ids(ids, as_of).select("_rank_now", "_nilai_now")
    kinerja = (
        pl.when(pl.col("_rank_now").is_not_null())
        .then(pl.col("_rank_now").replace_strict(rank_points, default=None, return_dtype=pl.Float64))
        .when(pl.col("_nilai_now").is_not_null())
        .then(_bands_expr(pl.col("_nilai_now"), params.kinerja_bands, 1.0))
    )
    disc_start = months_before(as_of, params.discipline_window_months)
    in_window = (pl.col("decision_date") > disc_start) & (pl.col("decision_date") <= as_of)
    disc = frames.discipline.select(
        pl.when(in_window).then(pl.col("id")).alias("id"),
        pl.col("level").replace_strict(dict(params.discipline_points), default=None, return_dtype=pl.Float64)
        .alias("_disiplin"),
    )  # fmt: skip
    disc = by_employee(disc["id"], ids).reduce(disc["_disiplin"], "min")
    # The text columns are looked up once each: their index among the table's keys (an Enum cast,
    # null when missing or not in the table) picks every value from small tables.
    kinds = list(params.competency_points)
    levels = list(params.required_rank)
    educations = list(params.education_points)

    def index(column: str, keys: list[str]) -> pl.Expr:
        return pl.col(column).cast(pl.Enum(keys), strict=False).to_physical()

    def table(values: list[float | int], dtype: pl.DataType) -> pl.Expr:
        return pl.lit(pl.Series(values, dtype=dtype))

    lookups = [
        index("position_kind", kinds).alias("_kind"),
        table([params.required_rank[v] for v in levels], pl.Int8)
        .gather(index("position_level", levels))
        .alias("_need"),
        index("education", educations).alias("_edu"),
    ]
    kind, known_kind, need = pl.col("position_kind"), pl.col("_kind").is_not_null(), pl.col("_need")

    def points(indicator: str) -> pl.Expr:
        return table([float(params.competency_points[k].get(indicator, 0)) for k in kinds], pl.Float64).gather(
            pl.col("_kind")
        )

    lead = pl.when(pl.col("_lead") <= need).then(points("kepemimpinan")).otherwise(0.0)
    func_done = pl.col("_func").fill_null(False) | ~pl.col("needs_functional_training").fill_null(True)
    func = pl.when(func_done).then(points("fungsional")).otherwise(0.0)
    tech = pl.when(pl.col("_jp").fill_null(0) >= params.technical_min_jp).then(points("teknis")).otherwise(0.0)
    sem = pl.when(pl.col("_seminar").fill_null(False)).then(points("seminar")).otherwise(0.0)
    kompetensi = pl.when(known_kind).then(lead + func + tech + sem).otherwise(0.0)
    education = pl.col("education")
    kualifikasi = (
        table([float(params.education_points[e]) for e in educations], pl.Float64).gather(pl.col("_edu")).fill_null(0.0)
    )
    measured = pl.col("status") == params.measured_status
    flag_exprs = {
        "bukan_pns": pl.col("status").is_not_null() & ~measured,
        "status_tidak_ada": pl.col("status").is_null(),
        "pendidikan_tidak_ada": measured & education.is_null(),
        "pendidikan_tidak_dikenal": measured & education.is_not_null() & pl.col("_edu").is_null(),
        "jabatan_tidak_ada": measured & ~known_kind,
        "jenjang_jabatan_tidak_dikenal": measured & (kind == "struktural") & need.is_null(),
        "kinerja_tidak_ada": measured & pl.col("_kinerja").is_null(),
    }
    # Flags as a bit mask that picks its list from a small table of flag lists (much faster than
    # building lists per row).
    flag_code = pl.sum_horizontal(
        [pl.when(flag_exprs[f].fill_null(False)).then(1 << i).otherwise(0) for i, f in enumerate(FLAGS)]
    ).cast(pl.Int32)
    flag_lists = pl.Series(
        "flags", [[f for i, f in enumerate(FLAGS) if code >> i & 1] for code in range(1 << len(FLAGS))],
        dtype=pl.List(pl.Utf8),
    )  # fmt: skip
    scores = {
        "kualifikasi": kualifikasi,
        "kompetensi": kompetensi,
        "kinerja": pl.col("_kinerja").fill_null(0.0),
        "disiplin": pl.col("_disiplin").fill_null(float(params.no_sanction_points)),
    }
    out = (
        frames.employees.select("id", "status", "position_kind", "position_level", "needs_functional_training",
                                "education")
        .hstack(now)
        .hstack(_training_facts(frames.trainings, as_of, params, ids))
        .hstack([disc])
        .lazy()
        .with_columns(kinerja.alias("_kinerja"), *lookups)
        .select("id", measured.fill_null(False).alias("_measured"),
                *[pl.when(measured).then(e.cast(pl.Float64)).alias(n) for n, e in scores.items()], flag_code.alias("_flags"))
        .with_columns(pl.when(pl.col("_measured")).then(pl.sum_horizontal(*scores).round(2)).alias("total"))
        .select("id", *scores, "total", category_expr(pl.col("total"), as_of).alias("kategori"),
                pl.lit(flag_lists).gather(pl.col("_flags")).alias("flags"))
    )  # fmt: skip
    return out.collect()


def mean_by(frame: pl.DataFrame, group_col: str | Sequence[str] | None) -> pl.DataFrame:
    """IP ASN of an OPD or instansi: the mean over its measured PNS with the count beside it
    (shared/domain/decisions.md "IP ASN", last point; Peraturan BKN 8/2019 categories).

    `frame` holds `ip_asn_batch` columns plus `group_col`; the result has `group_col`,
    `n_pegawai` (rows), `n_diukur` (measured PNS), the mean of each dimension and of `total`
    (two decimals) and the `kategori` of that mean. `group_col=None` gives the whole frame.
    """
    dims = ("kualifikasi", "kompetensi", "kinerja", "disiplin", "total")
    n = [pl.len().cast(pl.Int64).alias("n_pegawai"), pl.col("total").count().cast(pl.Int64).alias("n_diukur")]
    aggs = [*n, *[pl.col(c).mean().round(2) for c in dims]]  # scores are null exactly where not measured
    if group_col is None:
        out = frame.select(aggs)
        keys: list[str] = []
    else:
        keys = [group_col] if isinstance(group_col, str) else list(group_col)
        out = frame.group_by(keys).agg(aggs).sort(keys, nulls_last=True)
    return out.with_columns(category_expr(pl.col("total")).alias("kategori")).select(
        *keys, "n_pegawai", "n_diukur", *dims, "kategori"
    )
