"""Hypothesis strategies for random `EmployeeProfile`s, shared by every rule test.

The strategies lean on the edge cases the rules must survive (issue 3): birthdays on the 1st and
in December, CPNS and PPPK, missing fields, no history records at all, performance values on
band boundaries, dates on period boundaries. Use `employee_profiles()` for one profile and
`profile_lists()` for a batch with unique ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import strategies as st

from simerit.rules.profile import (
    DISCIPLINE_LEVELS,
    EDUCATION_LEVELS,
    LEADERSHIP_NAMES,
    RATINGS,
    STATUSES,
    TRAINING_TYPES,
    Discipline,
    EmployeeProfile,
    Performance,
    Position,
    Training,
)
from simerit.rules.reference import load_table, pangkat_codes

KIND_BY_LEVEL = {
    "jpt_utama": "struktural", "jpt_madya": "struktural", "jpt_pratama": "struktural",
    "administrator": "struktural", "pengawas": "struktural", "pelaksana": "pelaksana",
    "ahli_pertama": "fungsional", "ahli_muda": "fungsional", "ahli_madya": "fungsional", "ahli_utama": "fungsional",
    "pemula": "fungsional", "terampil": "fungsional", "mahir": "fungsional", "penyelia": "fungsional",
}  # fmt: skip
KOMPETENSI_CODES = tuple(r["kode"] for r in load_table("kompetensi")[1])

# Dates the rules treat specially: period starts, version boundaries, month/year ends.
SPECIAL_DATES = (
    dt.date(2023, 12, 31), dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2025, 5, 20),
    dt.date(2025, 9, 30), dt.date(2025, 10, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 1),
)  # fmt: skip
AS_OF_DATES = st.one_of(st.sampled_from(SPECIAL_DATES), st.dates(dt.date(2018, 1, 1), dt.date(2030, 12, 31)))


def _special_day(ordinal: int, mode: int, lo: dt.date, hi: dt.date) -> dt.date:
    day = dt.date.fromordinal(ordinal)
    if mode == 1:  # the 1st of a month
        day = day.replace(day=1)
    elif mode == 2:  # a day in December
        day = dt.date(day.year, 12, min(day.day, 31))
    return min(max(day, lo), hi)


def dates(lo: dt.date, hi: dt.date) -> st.SearchStrategy[dt.date]:
    """Any date in [lo, hi], with extra weight on the 1st of a month and on December."""
    return st.tuples(st.integers(lo.toordinal(), hi.toordinal()), st.integers(0, 3)).map(
        lambda t: _special_day(t[0], t[1], lo, hi)
    )


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


BIRTH_DATES = dates(dt.date(1955, 1, 1), dt.date(2003, 12, 31))
HISTORY_DATES = dates(dt.date(1975, 1, 1), dt.date(2030, 12, 31))


@st.composite
def positions(draw) -> Position:
    """A position; mostly consistent kind/level, sometimes unknown or with a BUP override (Pasal 240)."""
    level = draw(optional(st.sampled_from(tuple(KIND_BY_LEVEL))))
    kind = (
        KIND_BY_LEVEL.get(level or "")
        if draw(st.integers(0, 9))
        else draw(optional(st.sampled_from(("struktural", "fungsional", "pelaksana"))))
    )
    bup = draw(st.one_of(st.none(), st.none(), st.none(), st.sampled_from((60, 65, 70))))
    return Position(kind=kind, level=level, bup=bup, needs_functional_training=draw(st.booleans()))


@st.composite
def trainings(draw) -> Training:
    kind = draw(st.sampled_from(TRAINING_TYPES))
    name = draw(st.sampled_from((*LEADERSHIP_NAMES, "Diklatpim V?", ""))) if kind == "kepemimpinan" else ""
    jp = draw(st.sampled_from((0, 8, 19, 20, 24, 40)))
    return Training(type=kind, end_date=draw(optional(HISTORY_DATES)), jp=jp, name=name)


@st.composite
def performances(draw) -> Performance:
    year = draw(st.integers(2015, 2030))
    if draw(st.booleans()):
        return Performance(
            year=year,
            hasil_kerja=draw(optional(st.sampled_from(RATINGS))),
            perilaku_kerja=draw(optional(st.sampled_from(RATINGS))),
        )
    nilai = draw(st.one_of(st.sampled_from((50.0, 51.0, 60.99, 61.0, 75.99, 76.0, 90.5, 90.99, 91.0, 100.0)),
                           st.floats(0, 100, allow_nan=False)))  # fmt: skip
    return Performance(year=year, nilai=draw(optional(st.just(nilai))))


disciplines = st.builds(Discipline, level=st.sampled_from(DISCIPLINE_LEVELS), decision_date=optional(HISTORY_DATES))


@st.composite
def competencies(draw) -> tuple[dict[str, int] | None, dict[str, int] | None]:
    if not draw(st.booleans()):
        return None, None
    codes = draw(st.lists(st.sampled_from(KOMPETENSI_CODES), unique=True, max_size=len(KOMPETENSI_CODES)))
    standard = {c: draw(st.integers(1, 5)) for c in codes}
    actual = {c: draw(st.integers(1, 5)) for c in codes if draw(st.integers(0, 5))}
    return standard, actual


def _nip(birth: dt.date, cpns: dt.date, sex: str, serial: int) -> str:
    return f"{birth:%Y%m%d}{cpns:%Y%m}{sex}{serial:03d}"


@st.composite
def employee_profiles(draw, ident: str | None = None) -> EmployeeProfile:
    """One random profile. Any field may be missing; `no records` (empty histories) is common."""
    birth = draw(optional(BIRTH_DATES))
    tmt_cpns = draw(optional(dates(dt.date(1975, 1, 1), dt.date(2026, 12, 31))))
    nip_birth = (
        birth if birth is None or draw(st.integers(0, 9)) else birth + dt.timedelta(days=draw(st.integers(1, 400)))
    )
    nip = None
    if nip_birth is not None and tmt_cpns is not None and draw(st.integers(0, 5)):
        nip = _nip(nip_birth, tmt_cpns, draw(st.sampled_from("12")), draw(st.integers(1, 999)))
    empty = draw(st.integers(0, 4)) == 0  # "no records at all"
    standard, actual = draw(competencies())
    return EmployeeProfile(
        id=ident if ident is not None else draw(st.text("abcdefghij0123456789", min_size=1, max_size=8)),
        nip=nip,
        birth_date=birth,
        status=draw(st.one_of(st.sampled_from(STATUSES), st.sampled_from(("PNS", "PNS")), st.none())),
        position=draw(positions()),
        education=draw(optional(st.sampled_from(EDUCATION_LEVELS))),
        trainings=() if empty else tuple(draw(st.lists(trainings(), max_size=5))),
        performance=() if empty else tuple(draw(st.lists(performances(), max_size=6))),
        discipline=() if empty else tuple(draw(st.lists(disciplines, max_size=3))),
        competency_standard=standard,
        competency_actual=actual,
        pangkat=draw(optional(st.sampled_from(pangkat_codes()))),
        tmt_pangkat=draw(optional(HISTORY_DATES)),
        tmt_cpns=tmt_cpns,
        tmt_jabatan=draw(optional(HISTORY_DATES)),
        education_year=draw(optional(st.integers(1970, 2026))),
        masa_kerja_months=draw(st.one_of(st.none(), st.none(), st.integers(0, 480))),
    )


@st.composite
def profile_lists(draw, min_size: int = 0, max_size: int = 15) -> list[EmployeeProfile]:
    """Profiles with unique ids `e0, e1, ...` (the batch frames join on id)."""
    n = draw(st.integers(min_size, max_size))
    return [draw(employee_profiles(ident=f"e{i}")) for i in range(n)]


# --- Profiles concentrated around one measurement date (IP ASN, predikat, JPM, 9-box) ------------


def months_back(day: dt.date, months: int) -> dt.date:
    """The same calendar day `months` earlier, clamped to the month's end (a window's open start)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = (dt.date(year + (month == 11), (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last))


def dates_near(as_of: dt.date) -> st.SearchStrategy[dt.date]:
    """Dates on and next to the edges of the 12- and 24-month windows ending `as_of`, or anywhere
    in the four years around it."""
    edges = []
    for months in (0, 12, 24):
        edge = months_back(as_of, months)
        edges += [edge - dt.timedelta(days=1), edge, edge + dt.timedelta(days=1)]
    return st.one_of(st.sampled_from(edges), st.dates(months_back(as_of, 36), as_of + dt.timedelta(days=366)))


@st.composite
def competency_pairs(draw) -> tuple[dict[str, int] | None, dict[str, int] | None]:
    """Standard and assessed levels; assessed codes may be missing or lie outside the standard."""
    standard = draw(optional(st.dictionaries(st.sampled_from(KOMPETENSI_CODES), st.integers(1, 5), max_size=9)))
    actual = draw(optional(st.dictionaries(st.sampled_from(KOMPETENSI_CODES), st.integers(1, 5), max_size=9)))
    return standard, actual


def _ninety_one(base: EmployeeProfile, as_of: dt.date) -> EmployeeProfile:
    """S3 25 + kompetensi 40 + Baik 25 + berat 1 = exactly 91 points (Sangat Tinggi)."""
    inside = months_back(as_of, 12) + dt.timedelta(days=1)
    return replace(
        base,
        status="PNS",
        education="S3",
        position=Position("struktural", "pengawas"),
        trainings=(
            Training("kepemimpinan", dt.date(2015, 1, 1), 0, "Diklatpim III"),
            Training("teknis", inside, 20),
            Training("seminar", as_of, 8),
        ),  # fmt: skip
        performance=(Performance(as_of.year, "sesuai", "di_atas"),),
        discipline=(Discipline("berat", as_of),),
    )


MEASURED_POSITIONS = st.one_of(
    st.builds(
        Position,
        st.just("struktural"),
        st.sampled_from(("jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas")),
    ),
    st.builds(Position, st.just("fungsional"), st.sampled_from(("ahli_muda", "terampil")), st.none(), st.booleans()),
    st.just(Position("pelaksana", "pelaksana")),
    st.sampled_from(
        (Position(), Position("struktural", None), Position("struktural", "ahli_muda"), Position(None, "pengawas"))
    ),
)


@st.composite
def measured_profiles(draw, as_of: dt.date, ident: str = "m") -> EmployeeProfile:
    """A profile whose histories cluster around `as_of`: trainings and sanctions on window edges,
    performance in and next to the measurement year (duplicate years included), mostly PNS with
    a known education and position, and sometimes exactly 91 IP ASN points."""
    near = dates_near(as_of)
    year = st.one_of(st.just(as_of.year), st.integers(as_of.year - 3, as_of.year + 1))
    rating = optional(st.sampled_from(RATINGS))
    nilai = optional(st.sampled_from((50.0, 50.99, 51.0, 60.99, 61.0, 75.99, 76.0, 90.9, 91.0, 100.0)))
    perf = st.one_of(
        st.builds(Performance, year, rating, rating), st.builds(Performance, year, st.none(), st.none(), nilai)
    )
    training = st.builds(
        Training,
        st.sampled_from(TRAINING_TYPES),
        st.one_of(near, near, near, st.none()),
        st.sampled_from((0, 8, 12, 19, 20, 24)),
        st.sampled_from((*LEADERSHIP_NAMES, "", "Diklatpim V?")),
    )
    standard, actual = draw(competency_pairs())
    profile = EmployeeProfile(
        id=ident,
        status=draw(st.sampled_from(("PNS", "PNS", "PNS", "PNS", "CPNS", "PPPK", None))),
        position=draw(MEASURED_POSITIONS),
        education=draw(st.one_of(st.sampled_from(EDUCATION_LEVELS), st.sampled_from((None, "S4")))),
        trainings=tuple(draw(st.lists(training, max_size=6))),
        performance=tuple(draw(st.lists(perf, max_size=4))),
        discipline=tuple(
            draw(st.lists(st.builds(Discipline, st.sampled_from(DISCIPLINE_LEVELS), optional(near)), max_size=3))
        ),
        competency_standard=standard,
        competency_actual=actual,
    )
    return _ninety_one(profile, as_of) if draw(st.integers(0, 9)) == 0 else profile


@st.composite
def measured_profile_lists(draw, as_of: dt.date, max_size: int = 12) -> list[EmployeeProfile]:
    """Mostly `measured_profiles`, some plain `employee_profiles`, with unique ids `m0, m1, ...`."""
    n = draw(st.integers(0, max_size))
    return [
        draw(
            employee_profiles(ident=f"m{i}")
            if draw(st.integers(0, 7)) == 0
            else measured_profiles(as_of, ident=f"m{i}")
        )
        for i in range(n)
    ]
