"""Eligibility for a target position level: who may be considered for a vacancy or a talent pool.

Basis (each condition carries its own in `LevelRule.basis`, shown in every explanation):
- JPT Pratama: PP 11/2017 jo. PP 17/2020 Pasal 107 huruf c (S1/D-IV; pengalaman jabatan 5 tahun;
  sedang/pernah menduduki administrator atau JF ahli madya paling singkat 2 tahun; usia paling
  tinggi 56 tahun).
- Administrator / pengawas: PP 11/2017 Pasal 54 (pendidikan, pengalaman, penilaian kinerja 2 tahun
  terakhir paling sedikit baik); pangkat: PP 100/2000 jo. PP 13/2002 (jenjang pangkat per eselon,
  paling rendah satu tingkat di bawahnya).
- Jabatan fungsional: pangkat range of each jenjang (regulations.md §11).
- Sanctions, retirement window, proxies for experience and everything the sources leave open:
  decision, docs/decisions/0060-eligibility-by-target-level.md.
Only PNS may be considered (CPNS and PPPK are excluded with the reason). Retirement uses the BUP
of the target level (PP 11/2017 Pasal 239) through `retirement`; performance uses the record that
counts per year from `skp` (decision 0022).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from simerit.rules._dates import add_months, months_before
from simerit.rules._explain import Explained, Step
from simerit.rules._versions import RuleVersion, in_force
from simerit.rules.pangkat import PANGKAT_ORDER
from simerit.rules.profile import EDUCATION_LEVELS, LEADERSHIP_NAMES, EmployeeFrames, EmployeeProfile, Position
from simerit.rules.retirement import BULAN, bup, retirement_batch, tanggal, tmt_pensiun
from simerit.rules.skp import describe_record, key_label, record_keys, year_record

DECISION = "docs/decisions/0060-eligibility-by-target-level.md"

TARGET_LEVELS: tuple[str, ...] = (
    "jpt_pratama", "administrator", "pengawas", "ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama",
    "penyelia", "mahir", "terampil",
)  # fmt: skip
LEVEL_LABELS: dict[str, str] = {
    "jpt_utama": "JPT Utama", "jpt_madya": "JPT Madya", "jpt_pratama": "JPT Pratama",
    "administrator": "Administrator", "pengawas": "Pengawas", "pelaksana": "Pelaksana",
    "ahli_utama": "JF Ahli Utama", "ahli_madya": "JF Ahli Madya", "ahli_muda": "JF Ahli Muda",
    "ahli_pertama": "JF Ahli Pertama", "penyelia": "JF Penyelia", "mahir": "JF Mahir", "terampil": "JF Terampil",
    "pemula": "JF Pemula",
}  # fmt: skip
EDUCATION_ORDER: dict[str, int] = {code: i for i, code in enumerate(EDUCATION_LEVELS)}
# Predikat (PermenPANRB 6/2022) and PP 46/2011 labels on one scale, worst 1 .. best 5 (decision 0060).
PREDIKAT_ORDER: dict[str, int] = {
    "Sangat Kurang": 1, "Buruk": 1, "Kurang/Misconduct": 2, "Kurang": 2, "Butuh Perbaikan": 3, "Cukup": 3,
    "Baik": 4, "Sangat Baik": 5,
}  # fmt: skip
# Leadership training from lowest to highest level (decisions.md IP ASN: a higher level also counts).
LEADERSHIP_LADDER: tuple[tuple[str, ...], ...] = (
    ("PKP", "Diklatpim IV"), ("PKA", "Diklatpim III"), ("PKN II", "Diklatpim II"), ("PKN I", "Diklatpim I"),
)  # fmt: skip
assert {n for step in LEADERSHIP_LADDER for n in step} == set(LEADERSHIP_NAMES)

# Condition names, in the order they are checked and reported.
CONDITIONS = (
    "status", "pangkat", "pendidikan", "pelatihan_kepemimpinan", "masa_pangkat", "masa_kerja",
    "jabatan_sebelumnya", "usia", "kinerja", "hukuman_disiplin", "pensiun",
)  # fmt: skip


def leadership_from(name: str) -> tuple[str, ...]:
    """The leadership trainings that satisfy a requirement of `name` (that level or higher)."""
    index = next(i for i, names in enumerate(LEADERSHIP_LADDER) if name in names)
    return tuple(n for names in LEADERSHIP_LADDER[index:] for n in names)


@dataclass(frozen=True)
class LevelRule:
    """The conditions for being considered for one target level (versioned data, decision 0060)."""

    level: str
    label: str
    pangkat_min: str | None  # golongan code, e.g. "III/c"
    pangkat_max: str | None
    education_min: str | None  # EDUCATION_LEVELS code; a higher level also meets it
    leadership_training: tuple[str, ...]  # accepted LEADERSHIP_NAMES; () = not required
    min_years_pangkat: float | None  # since TMT pangkat
    performance_years: int  # the last N calendar years before as_of's year
    min_predikat: str  # each of them at least this (PREDIKAT_ORDER)
    sanction_years: int  # no sanction of `sanction_levels` decided in the N years ending as_of
    sanction_levels: tuple[str, ...]
    retire_within_months: int  # excluded if TMT pensiun (BUP of the target level) <= as_of + N months
    basis: dict[str, str] = field(default_factory=dict)  # condition -> legal basis or decision file
    max_age: int | None = None  # completed years on as_of
    min_years_service: float | None = None  # since TMT CPNS (proxy for "pengalaman jabatan")
    prior_levels: tuple[str, ...] = ()  # the current position must be one of these (when set) ...
    min_years_prior: float | None = None  # ... held since TMT jabatan for at least N years

    def kind(self, condition: str) -> str:
        """ "decision" when the condition's basis is one of our decision files, else "regulation"."""
        return "decision" if "docs/decisions/" in self.basis.get(condition, DECISION) else "regulation"


# --- The rule data (version 2017, see decision 0060 for every choice) -------------------------------

B_STATUS = (
    f"PP 100/2000 jo. PP 13/2002 Pasal 5 huruf a (berstatus PNS); PP 11/2017 Pasal 54; PPPK dikecualikan: {DECISION}"
)
B_JPT = "PP 11/2017 jo. PP 17/2020 Pasal 107 huruf c"
B_ESELON = f"PP 100/2000 jo. PP 13/2002 Pasal 5 huruf c dan lampiran (jenjang pangkat eselon); {DECISION}"
B_JA = f"PP 11/2017 Pasal 54 (teks pasal tidak diperoleh, lihat {DECISION})"
B_JF_PANGKAT = f"jenjang pangkat JF (regulations.md §11); {DECISION}"
B_KINERJA = f"PP 11/2017 Pasal 54; PP 100/2000 Pasal 5 huruf d (nilai paling sedikit baik 2 tahun terakhir); {DECISION}"
B_SANKSI = f"{DECISION} (hukuman disiplin sedang/berat 2 tahun terakhir; PP 94/2021 Pasal 8)"
B_PENSIUN = f"PP 11/2017 Pasal 239 (BUP jabatan target); {DECISION} (jangka 12 bulan)"
B_LEADERSHIP = f"PP 100/2000 jo. PP 13/2002 Pasal 7 ayat (1) (diklatpim diikuti oleh yang 'akan atau telah' menduduki jabatan); {DECISION}"  # noqa: E501

STRUCTURAL_HIGHER = ("jpt_utama", "jpt_madya", "jpt_pratama")


def _common(level: str, **kw) -> LevelRule:
    basis = {
        "status": B_STATUS,
        "kinerja": B_KINERJA,
        "hukuman_disiplin": B_SANKSI,
        "pensiun": B_PENSIUN,
        "pelatihan_kepemimpinan": B_LEADERSHIP,
    }
    basis.update(kw.pop("basis", {}))
    defaults: dict = {
        "level": level, "label": LEVEL_LABELS[level], "pangkat_min": None, "pangkat_max": None,
        "education_min": None, "leadership_training": (), "min_years_pangkat": None, "performance_years": 2,
        "min_predikat": "Baik", "sanction_years": 2, "sanction_levels": ("sedang", "berat"),
        "retire_within_months": 12,
    }  # fmt: skip
    defaults.update(kw)
    return LevelRule(basis=basis, **defaults)


def _jf(level: str, low: str, high: str, education: str, *, verified: bool) -> LevelRule:
    tag = "" if verified else " (keterampilan: tidak terverifikasi)"
    return _common(
        level,
        pangkat_min=low,
        pangkat_max=high,
        education_min=education,
        basis={"pangkat": B_JF_PANGKAT + tag, "pendidikan": f"{DECISION} (JF keahlian D-IV/S-1, keterampilan D-III)"},
    )


RULES_2017: dict[str, LevelRule] = {
    "jpt_pratama": _common(
        "jpt_pratama",
        pangkat_min="IV/a",
        education_min="D4",
        max_age=56,
        min_years_service=5,
        prior_levels=("administrator", "ahli_madya", "ahli_utama", *STRUCTURAL_HIGHER),
        min_years_prior=2,
        basis={
            "pangkat": B_ESELON + " (eselon II.b: IV/b–IV/c)",
            "pendidikan": f"{B_JPT} angka 1",
            "masa_kerja": f"{B_JPT} angka 3 (pengalaman jabatan 5 tahun; diukur dari TMT CPNS: {DECISION})",
            "jabatan_sebelumnya": f"{B_JPT} angka 4 (riwayat jabatan sebelumnya: {DECISION})",
            "usia": f"{B_JPT} angka 6; SE MenPANRB 68/S.SM.99/2017",
        },
    ),
    "administrator": _common(
        "administrator",
        pangkat_min="III/c",
        education_min="D4",
        prior_levels=("pengawas", "ahli_muda", "administrator", "ahli_madya", "ahli_utama", *STRUCTURAL_HIGHER),
        min_years_prior=3,
        basis={
            "pangkat": B_ESELON + " (eselon III.b: III/d–IV/a)",
            "pendidikan": B_JA,
            "jabatan_sebelumnya": B_JA,
        },
    ),
    "pengawas": _common(
        "pengawas",
        pangkat_min="III/a",
        education_min="D3",
        min_years_service=4,
        basis={
            "pangkat": B_ESELON + " (eselon IV.b: III/b–III/c)",
            "pendidikan": B_JA,
            "masa_kerja": f"{B_JA}; pengalaman jabatan pelaksana/JF 4 tahun diukur dari TMT CPNS",
        },
    ),
    "ahli_utama": _jf("ahli_utama", "IV/d", "IV/e", "D4", verified=True),
    "ahli_madya": _jf("ahli_madya", "IV/a", "IV/c", "D4", verified=True),
    "ahli_muda": _jf("ahli_muda", "III/c", "III/d", "D4", verified=True),
    "ahli_pertama": _jf("ahli_pertama", "III/a", "III/b", "D4", verified=True),
    "penyelia": _jf("penyelia", "III/c", "III/d", "D3", verified=False),
    "mahir": _jf("mahir", "III/a", "III/b", "D3", verified=False),
    "terampil": _jf("terampil", "II/b", "II/d", "D3", verified=False),
}
assert set(RULES_2017) == set(TARGET_LEVELS)

VERSIONS: list[RuleVersion[dict[str, LevelRule]]] = [
    RuleVersion(
        name="eligibility",
        version="2017",
        valid_from=dt.date(2017, 4, 7),  # PP 11/2017 in force on promulgation (regulations.md §6)
        valid_to=None,
        basis=f"{B_JPT}; PP 11/2017 Pasal 54; PP 100/2000 jo. PP 13/2002; {DECISION}",
        kind="decision",
        params=RULES_2017,
    )
]


def level_rules(as_of: dt.date) -> dict[str, LevelRule]:
    """The eligibility rule of every target level in force on `as_of` (decision 0060; bases per condition)."""
    return in_force(VERSIONS, as_of).params


def _rule_for(level: str, as_of: dt.date, rule: LevelRule | None) -> LevelRule:
    if rule is not None:
        return rule
    rules = level_rules(as_of)
    if level not in rules:
        raise ValueError(f"jenjang jabatan target '{level}' tidak dikenal (pilihan: {', '.join(TARGET_LEVELS)})")
    return rules[level]


def _months(years: float) -> int:
    return round(years * 12)


def _years_text(years: float) -> str:
    return f"{years:g}".replace(".", ",")


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# --- Scalar ----------------------------------------------------------------------------------------


def _check(rule: LevelRule, profile: EmployeeProfile, as_of: dt.date) -> list[tuple[str, str, list[str]]]:
    """(condition, what was checked, failure reasons) for every condition the rule sets."""
    out: list[tuple[str, str, list[str]]] = []
    label = rule.label
    # status
    if profile.status == "PNS":
        out.append(("status", "Status PNS", []))
    else:
        who = f"status {profile.status}" if profile.status else "status kepegawaian tidak tercatat"
        out.append(("status", "Syarat status PNS", [f"{who}: hanya PNS yang dapat dipertimbangkan"]))
    # pangkat
    if rule.pangkat_min or rule.pangkat_max:
        span = f"{rule.pangkat_min or '…'} – {rule.pangkat_max or '…'}"
        reasons = []
        order = PANGKAT_ORDER.get(profile.pangkat or "")
        if profile.pangkat is None:
            reasons.append("pangkat tidak tercatat")
        elif order is None:
            reasons.append(f"pangkat '{profile.pangkat}' tidak dikenal")
        elif rule.pangkat_min and order < PANGKAT_ORDER[rule.pangkat_min]:
            reasons.append(f"pangkat {profile.pangkat} di bawah syarat minimal {rule.pangkat_min}")
        elif rule.pangkat_max and order > PANGKAT_ORDER[rule.pangkat_max]:
            reasons.append(f"pangkat {profile.pangkat} di atas batas tertinggi {rule.pangkat_max}")
        out.append(("pangkat", f"Pangkat {profile.pangkat or '-'}; syarat {label}: {span}", reasons))
    # pendidikan
    if rule.education_min:
        reasons = []
        if profile.education is None:
            reasons.append("pendidikan tertinggi tidak tercatat")
        elif profile.education not in EDUCATION_ORDER:
            reasons.append(f"pendidikan '{profile.education}' tidak dikenal")
        elif EDUCATION_ORDER[profile.education] < EDUCATION_ORDER[rule.education_min]:
            reasons.append(f"pendidikan {profile.education} di bawah syarat minimal {rule.education_min}")
        text = f"Pendidikan {profile.education or '-'}; syarat paling rendah {rule.education_min}"
        out.append(("pendidikan", text, reasons))
    # pelatihan kepemimpinan
    accepted = rule.leadership_training
    if accepted:
        done = any(
            t.type == "kepemimpinan" and t.name in accepted and t.end_date is not None and t.end_date <= as_of
            for t in profile.trainings
        )
        names = " / ".join(accepted)
        reasons = [] if done else [f"belum lulus pelatihan kepemimpinan ({names})"]
        out.append(("pelatihan_kepemimpinan", f"Pelatihan kepemimpinan yang diterima: {names}", reasons))
    else:
        text = "Pelatihan kepemimpinan tidak dipersyaratkan sebelum pengangkatan (diikuti sesudah dilantik)"
        out.append(("pelatihan_kepemimpinan", text, []))
    # masa dalam pangkat
    if rule.min_years_pangkat is not None:
        out.append(_years_since("masa_pangkat", "TMT pangkat", profile.tmt_pangkat, rule.min_years_pangkat, as_of))
    # masa kerja
    if rule.min_years_service is not None:
        out.append(_years_since("masa_kerja", "TMT CPNS", profile.tmt_cpns, rule.min_years_service, as_of))
    # jabatan sebelumnya
    if rule.prior_levels:
        years = rule.min_years_prior or 0
        accepted_labels = ", ".join(LEVEL_LABELS.get(lv, lv) for lv in rule.prior_levels)
        current = profile.position.level
        reasons = []
        if current not in rule.prior_levels:
            now = LEVEL_LABELS.get(current or "", current) if current else "tidak tercatat"
            reasons.append(
                f"jabatan saat ini ({now}) bukan {accepted_labels} (riwayat jabatan sebelumnya tidak tercatat)"
            )
        elif profile.tmt_jabatan is None:
            reasons.append("TMT jabatan tidak tercatat")
        elif add_months(profile.tmt_jabatan, _months(years)) > as_of:
            reasons.append(
                f"menduduki jabatan {LEVEL_LABELS.get(current or '', current)} sejak {tanggal(profile.tmt_jabatan)}, "
                f"kurang dari {_years_text(years)} tahun"
            )
        text = f"Sedang menduduki {accepted_labels} paling singkat {_years_text(years)} tahun"
        out.append(("jabatan_sebelumnya", text, reasons))
    # usia
    if rule.max_age is not None:
        reasons = []
        if profile.birth_date is None:
            reasons.append("tanggal lahir tidak tercatat; usia tidak dapat diperiksa")
        elif _age(profile.birth_date, as_of) > rule.max_age:
            reasons.append(f"usia {_age(profile.birth_date, as_of)} tahun melebihi batas {rule.max_age} tahun")
        out.append(("usia", f"Usia paling tinggi {rule.max_age} tahun pada {tanggal(as_of)}", reasons))
    # kinerja
    if rule.performance_years > 0:
        reasons = []
        seen = []
        for year in range(as_of.year - rule.performance_years, as_of.year):
            record = year_record(profile.performance, year)
            if record is None:
                reasons.append(f"tidak ada catatan kinerja tahun {year}")
                continue
            got, _ = describe_record(record)
            seen.append(f"{year} {got}")
            if PREDIKAT_ORDER[got] < PREDIKAT_ORDER[rule.min_predikat]:
                reasons.append(f"kinerja tahun {year} {got}, di bawah {rule.min_predikat}")
        text = (
            f"Kinerja {rule.performance_years} tahun terakhir paling rendah {rule.min_predikat}: "
            f"{', '.join(seen) or 'tidak ada catatan'}"
        )
        out.append(("kinerja", text, reasons))
    # hukuman disiplin
    if rule.sanction_years > 0 and rule.sanction_levels:
        start = months_before(as_of, 12 * rule.sanction_years)
        hits = sorted(
            (d.decision_date, d.level)
            for d in profile.discipline
            if d.decision_date is not None and d.level in rule.sanction_levels and start < d.decision_date <= as_of
        )
        reasons = [
            f"hukuman disiplin {lvl} (keputusan {tanggal(day)}) dalam {rule.sanction_years} tahun terakhir"
            for day, lvl in hits
        ]
        text = f"Tidak ada hukuman disiplin {'/'.join(rule.sanction_levels)} dalam {rule.sanction_years} tahun terakhir"
        out.append(("hukuman_disiplin", text, reasons))
    # pensiun
    reasons = []
    age = bup(Position(level=rule.level), as_of).value
    limit = add_months(as_of, rule.retire_within_months)
    if profile.birth_date is None:
        reasons.append("tanggal lahir tidak tercatat; TMT pensiun tidak dapat dihitung")
    elif age is not None:
        tmt = tmt_pensiun(profile.birth_date, int(age))
        if tmt <= limit:
            reasons.append(
                f"TMT pensiun {tanggal(tmt)} (BUP {age} tahun) dalam {rule.retire_within_months} bulan sejak {tanggal(as_of)}"
            )
    text = f"TMT pensiun (BUP jabatan {label}: {age} tahun) sesudah {tanggal(limit)}"
    out.append(("pensiun", text, reasons))
    return out


def _years_since(
    condition: str, name: str, start: dt.date | None, years: float, as_of: dt.date
) -> tuple[str, str, list[str]]:
    text = f"{name} paling sedikit {_years_text(years)} tahun sebelum {tanggal(as_of)}"
    if start is None:
        return condition, text, [f"{name} tidak tercatat"]
    if add_months(start, _months(years)) > as_of:
        return condition, text, [f"{name} {tanggal(start)}: kurang dari {_years_text(years)} tahun"]
    return condition, text, []


def eligible(profile: EmployeeProfile, level: str, as_of: dt.date, *, rule: LevelRule | None = None) -> Explained:
    """Whether one employee may be considered for `level` on `as_of`: value
    `{"eligible": bool, "reasons": list[str]}` (one Indonesian reason per failed condition).

    Basis: the level's `LevelRule` in force on `as_of` (`level_rules`; PP 11/2017 jo. PP 17/2020
    Pasal 54 and 107, PP 100/2000 jo. PP 13/2002, PP 11/2017 Pasal 239; decision:
    docs/decisions/0060-eligibility-by-target-level.md). One step per condition, met or not, with
    its basis. `rule` overrides the default (an instansi's own rule).
    """
    rule = _rule_for(level, as_of, rule)
    steps: list[Step] = []
    reasons: list[str] = []
    for condition, text, failed in _check(rule, profile, as_of):
        mark = "tidak terpenuhi: " + "; ".join(failed) if failed else "terpenuhi"
        steps.append(Step(f"{text} → {mark}", rule.kind(condition), rule.basis.get(condition, DECISION)))  # type: ignore[arg-type]
        reasons += failed
    ok = not reasons
    steps.append(
        Step(
            f"{'Memenuhi' if ok else 'Tidak memenuhi'} syarat untuk dipertimbangkan pada jenjang {rule.label}",
            "decision",
            DECISION,
        )
    )
    return Explained({"eligible": ok, "reasons": reasons}, steps)


# --- Batch -----------------------------------------------------------------------------------------

_MONTH_NAMES = {i + 1: name for i, name in enumerate(BULAN)}


def tanggal_expr(d: pl.Expr) -> pl.Expr:
    """Batch form of `retirement.tanggal` ("1 April 2025")."""
    month = d.dt.month().cast(pl.Int32).replace_strict(_MONTH_NAMES, default=None, return_dtype=pl.Utf8)
    return pl.format("{} {} {}", d.dt.day(), month, d.dt.year())


def _lit(text: str) -> pl.Expr:
    return pl.lit(text, dtype=pl.Utf8)


def _null() -> pl.Expr:
    return pl.lit(None, dtype=pl.Utf8)


def _first(branches: list[tuple[pl.Expr, pl.Expr]]) -> tuple[pl.Expr, pl.Expr]:
    """(failed, reason) of a condition whose reason is that of the first branch whose predicate holds."""
    failed = pl.lit(False)
    chain = None
    for pred, text in branches:
        failed = failed | pred.fill_null(False)
        chain = pl.when(pred).then(text) if chain is None else chain.when(pred).then(text)
    assert chain is not None
    return failed, chain.otherwise(_null())


def _conditions(rule: LevelRule, as_of: dt.date) -> list[tuple[pl.Expr, pl.Expr]]:
    """(failed Boolean, reason Utf8 or List(Utf8)) per condition, in `_check` order, over the prepared frame."""
    out: list[tuple[pl.Expr, pl.Expr]] = []
    status = pl.col("status")
    out.append(
        _first(
            [
                (status.is_null(), _lit("status kepegawaian tidak tercatat: hanya PNS yang dapat dipertimbangkan")),
                (status != "PNS", pl.format("status {}: hanya PNS yang dapat dipertimbangkan", status)),
            ]
        )
    )
    if rule.pangkat_min or rule.pangkat_max:
        p = pl.col("pangkat")
        order = p.replace_strict(PANGKAT_ORDER, default=None, return_dtype=pl.Int16)
        branches = [
            (p.is_null(), _lit("pangkat tidak tercatat")),
            (order.is_null(), pl.format("pangkat '{}' tidak dikenal", p)),
        ]
        if rule.pangkat_min:
            branches.append(
                (
                    order < PANGKAT_ORDER[rule.pangkat_min],
                    pl.format(f"pangkat {{}} di bawah syarat minimal {rule.pangkat_min}", p),
                )
            )
        if rule.pangkat_max:
            branches.append(
                (
                    order > PANGKAT_ORDER[rule.pangkat_max],
                    pl.format(f"pangkat {{}} di atas batas tertinggi {rule.pangkat_max}", p),
                )
            )
        out.append(_first(branches))
    if rule.education_min:
        e = pl.col("education")
        order = e.replace_strict(EDUCATION_ORDER, default=None, return_dtype=pl.Int16)
        out.append(
            _first(
                [
                    (e.is_null(), _lit("pendidikan tertinggi tidak tercatat")),
                    (order.is_null(), pl.format("pendidikan '{}' tidak dikenal", e)),
                    (
                        order < EDUCATION_ORDER[rule.education_min],
                        pl.format(f"pendidikan {{}} di bawah syarat minimal {rule.education_min}", e),
                    ),
                ]
            )
        )
    if rule.leadership_training:
        names = " / ".join(rule.leadership_training)
        out.append(_first([(~pl.col("_led").fill_null(False), _lit(f"belum lulus pelatihan kepemimpinan ({names})"))]))
    if rule.min_years_pangkat is not None:
        out.append(_years_since_cond("tmt_pangkat", "TMT pangkat", rule.min_years_pangkat, as_of))
    if rule.min_years_service is not None:
        out.append(_years_since_cond("tmt_cpns", "TMT CPNS", rule.min_years_service, as_of))
    if rule.prior_levels:
        years = rule.min_years_prior or 0
        accepted = ", ".join(LEVEL_LABELS.get(lv, lv) for lv in rule.prior_levels)
        level = pl.col("position_level")
        label = level.replace_strict(LEVEL_LABELS, default=level, return_dtype=pl.Utf8)
        tmt = pl.col("tmt_jabatan")
        history = "(riwayat jabatan sebelumnya tidak tercatat)"
        out.append(
            _first(
                [
                    (level.is_null(), _lit(f"jabatan saat ini (tidak tercatat) bukan {accepted} {history}")),
                    (
                        ~level.is_in(list(rule.prior_levels)),
                        pl.format(f"jabatan saat ini ({{}}) bukan {accepted} {history}", label),
                    ),
                    (tmt.is_null(), _lit("TMT jabatan tidak tercatat")),
                    (
                        tmt.dt.offset_by(f"{_months(years)}mo") > pl.lit(as_of),
                        pl.format(
                            f"menduduki jabatan {{}} sejak {{}}, kurang dari {_years_text(years)} tahun",
                            label,
                            tanggal_expr(tmt),
                        ),
                    ),
                ]
            )
        )
    if rule.max_age is not None:
        b = pl.col("birth_date")
        age = (
            pl.lit(as_of.year)
            - b.dt.year().cast(pl.Int32)
            - (pl.lit(as_of.month * 100 + as_of.day) < b.dt.month().cast(pl.Int32) * 100 + b.dt.day()).cast(pl.Int32)
        )
        out.append(
            _first(
                [
                    (b.is_null(), _lit("tanggal lahir tidak tercatat; usia tidak dapat diperiksa")),
                    (age > rule.max_age, pl.format(f"usia {{}} tahun melebihi batas {rule.max_age} tahun", age)),
                ]
            )
        )
    if rule.performance_years > 0:
        for year in range(as_of.year - rule.performance_years, as_of.year):
            key = pl.col(f"_k{year}")
            got = key_label(key)
            rank = got.replace_strict(PREDIKAT_ORDER, default=None, return_dtype=pl.Int8)
            out.append(
                _first(
                    [
                        (key.is_null(), _lit(f"tidak ada catatan kinerja tahun {year}")),
                        (
                            rank < PREDIKAT_ORDER[rule.min_predikat],
                            pl.format(f"kinerja tahun {year} {{}}, di bawah {rule.min_predikat}", got),
                        ),
                    ]
                )
            )
    if rule.sanction_years > 0 and rule.sanction_levels:
        out.append((pl.col("_sanctioned").fill_null(False), pl.col("_sanctions")))
    b = pl.col("birth_date")
    tmt = pl.col("_tmt_pensiun")
    limit = add_months(as_of, rule.retire_within_months)
    retire_text = f"TMT pensiun {{}} (BUP {{}} tahun) dalam {rule.retire_within_months} bulan sejak {tanggal(as_of)}"
    out.append(
        _first(
            [
                (b.is_null(), _lit("tanggal lahir tidak tercatat; TMT pensiun tidak dapat dihitung")),
                (tmt <= pl.lit(limit), pl.format(retire_text, tanggal_expr(tmt), pl.col("_bup"))),
            ]
        )
    )
    return out


def _years_since_cond(column: str, name: str, years: float, as_of: dt.date) -> tuple[pl.Expr, pl.Expr]:
    start = pl.col(column)
    return _first(
        [
            (start.is_null(), _lit(f"{name} tidak tercatat")),
            (
                start.dt.offset_by(f"{_months(years)}mo") > pl.lit(as_of),
                pl.format(f"{name} {{}}: kurang dari {_years_text(years)} tahun", tanggal_expr(start)),
            ),
        ]
    )


def eligible_batch(
    frames: EmployeeFrames, level: str, as_of: dt.date, *, rule: LevelRule | None = None, reasons: bool = True
) -> pl.DataFrame:
    """Batch form of `eligible`: `id, eligible (Boolean), reasons (List(Utf8))`, one row per row of
    `frames.employees` in the same order. Same basis, rule data and decision
    (docs/decisions/0060-eligibility-by-target-level.md); vectorised joins only. `reasons=False`
    leaves out the reason texts (`id, eligible` only; faster, for placement rounds).
    """
    rule = _rule_for(level, as_of, rule)
    emp = frames.employees
    ids = emp.select("id")
    base = emp.lazy().select(
        "id", "status", "pangkat", "education", "tmt_pangkat", "tmt_cpns", "tmt_jabatan", "position_level", "birth_date"
    )
    # retirement at the BUP of the target level (PP 11/2017 Pasal 239), via retirement_batch
    target = emp.select(
        "id",
        "birth_date",
        pl.lit(rule.level).alias("position_level"),
        pl.lit(None, dtype=pl.Int16).alias("position_bup"),
    )
    ret = retirement_batch(target, as_of).select(
        "id", pl.col("bup").alias("_bup"), pl.col("tmt_pensiun").alias("_tmt_pensiun")
    )
    base = base.with_columns(ret.get_column("_bup"), ret.get_column("_tmt_pensiun"))
    if rule.leadership_training:
        led = (
            frames.trainings.lazy()
            .filter(
                (pl.col("type") == "kepemimpinan")
                & pl.col("name").is_in(list(rule.leadership_training))
                & (pl.col("end_date") <= pl.lit(as_of))
            )
            .select("id")
            .unique()
            .with_columns(pl.lit(True).alias("_led"))
        )
        base = base.join(led, on="id", how="left", maintain_order="left")
    if rule.performance_years > 0:
        years = list(range(as_of.year - rule.performance_years, as_of.year))
        _, key = record_keys()
        year = pl.col("year").cast(pl.Int32)
        perf = (
            frames.performance.lazy()
            .filter(year.is_in(years))
            .select("id", year.alias("_year"), key.alias("_key"))
            .drop_nulls("_key")
            .group_by("id")
            .agg(*[pl.col("_key").filter(pl.col("_year") == y).max().alias(f"_k{y}") for y in years])
        )
        base = base.join(perf, on="id", how="left", maintain_order="left")
    if rule.sanction_years > 0 and rule.sanction_levels:
        start = months_before(as_of, 12 * rule.sanction_years)
        day = pl.col("decision_date")
        inside = frames.discipline.lazy().filter(
            day.is_not_null() & pl.col("level").is_in(list(rule.sanction_levels)) & (day > start) & (day <= as_of)
        )
        if reasons:
            text = f"hukuman disiplin {{}} (keputusan {{}}) dalam {rule.sanction_years} tahun terakhir"
            sanctions = (
                inside.sort("id", "decision_date", "level")
                .select("id", pl.format(text, pl.col("level"), tanggal_expr(day)).alias("_reason"))
                .group_by("id", maintain_order=True)
                .agg(pl.col("_reason").alias("_sanctions"))
                .with_columns(pl.lit(True).alias("_sanctioned"))
            )
        else:
            sanctions = inside.select("id").unique().with_columns(pl.lit(True).alias("_sanctioned"))
        base = base.join(sanctions, on="id", how="left", maintain_order="left")
        if reasons:
            base = base.with_columns(pl.col("_sanctions").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))))
    conditions = _conditions(rule, as_of)
    failed = pl.any_horizontal([f for f, _ in conditions])
    columns = [(~failed).alias("eligible")]
    if reasons:
        columns.append(pl.concat_list([r for _, r in conditions]).list.drop_nulls().alias("reasons"))
    out = base.select("id", *columns).collect()
    if out.height != ids.height or not out["id"].equals(ids["id"]):  # pragma: no cover - join invariant
        raise AssertionError("eligible_batch: row order changed")
    return out
