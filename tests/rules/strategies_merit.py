"""Hypothesis strategies for candidates of a vacancy (eligibility, merit, ranking): profiles that
sit on the edges of the eligibility conditions for a given `as_of` (age 56, TMT pensiun within 12
months, 2/3/4/5-year periods, sanction windows, the last two performance years) so that both
eligible and ineligible candidates are common."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import strategies as st

from simerit.rules._dates import add_months
from simerit.rules.eligibility import level_rules
from simerit.rules.pangkat import PANGKAT_ORDER
from simerit.rules.profile import (
    DISCIPLINE_LEVELS,
    EDUCATION_LEVELS,
    LEADERSHIP_NAMES,
    RATINGS,
    Discipline,
    EmployeeProfile,
    Performance,
    Position,
    Training,
)
from simerit.rules.reference import pangkat_codes

from .strategies import KIND_BY_LEVEL, KOMPETENSI_CODES, optional

AS_OF = st.sampled_from(
    (dt.date(2025, 12, 31), dt.date(2026, 1, 1), dt.date(2024, 2, 29), dt.date(2025, 6, 30), dt.date(2026, 3, 31))
)


def edge_dates(as_of: dt.date, months: tuple[int, ...]) -> st.SearchStrategy[dt.date]:
    """Dates one day before/on/after `as_of` minus each of `months`, or anywhere in 12 years before."""
    edges = []
    for m in months:
        edge = add_months(as_of, -m)
        edges += [edge - dt.timedelta(days=1), edge, edge + dt.timedelta(days=1)]
    return st.one_of(st.sampled_from(edges), st.dates(add_months(as_of, -144), as_of + dt.timedelta(days=90)))


@st.composite
def candidate_profiles(draw, as_of: dt.date, ident: str = "c", level: str | None = None) -> EmployeeProfile:
    """One candidate near the eligibility edges of `as_of`; with a target `level`, often one who
    meets its default rule except where an edge date or a random sanction says otherwise."""
    # birth: around age 56/57 and around the BUP 58/60/65 - 12 months edges, or anywhere
    birth_edges = [add_months(as_of, -12 * years + extra) for years in (56, 57, 58, 60, 65) for extra in (0, 12, 13)]
    shift = dt.timedelta(days=draw(st.integers(-1, 1)))
    birth = draw(
        optional(st.one_of(st.sampled_from(birth_edges), st.dates(dt.date(1958, 1, 1), dt.date(1995, 12, 31))))
    )
    birth = birth + shift if birth is not None else None
    current = draw(optional(st.sampled_from(tuple(KIND_BY_LEVEL))))
    years = st.integers(as_of.year - 3, as_of.year)
    rating = optional(st.sampled_from(RATINGS))
    nilai = optional(st.sampled_from((50.0, 60.99, 61.0, 75.99, 76.0, 90.99, 91.0)))
    perf = st.one_of(
        st.builds(Performance, years, rating, rating),
        st.builds(Performance, years, st.sampled_from(RATINGS), st.sampled_from(RATINGS)),
        st.builds(Performance, years, st.none(), st.none(), nilai),
    )
    good = [Performance(y, "sesuai", "sesuai") for y in (as_of.year - 2, as_of.year - 1)]
    performance = tuple(draw(st.lists(perf, max_size=4))) + (tuple(good) if draw(st.booleans()) else ())
    sanction_dates = edge_dates(as_of, (0, 24, 36))
    disc = st.builds(Discipline, st.sampled_from(DISCIPLINE_LEVELS), optional(sanction_dates))
    training = st.builds(
        Training,
        st.sampled_from(("kepemimpinan", "kepemimpinan", "teknis", "seminar")),
        optional(edge_dates(as_of, (0, 12))),
        st.sampled_from((0, 8, 20, 40)),
        st.sampled_from((*LEADERSHIP_NAMES, "")),
    )
    with_comp = draw(st.integers(0, 4))
    actual = (
        {c: draw(st.integers(1, 5)) for c in draw(st.lists(st.sampled_from(KOMPETENSI_CODES), unique=True))}
        if with_comp
        else None
    )
    period = edge_dates(as_of, (24, 36, 48, 60))
    profile = EmployeeProfile(
        id=ident,
        birth_date=birth,
        status=draw(st.sampled_from(("PNS", "PNS", "PNS", "PNS", "CPNS", "PPPK", None))),
        position=Position(KIND_BY_LEVEL.get(current or ""), current),
        education=draw(st.one_of(st.sampled_from(EDUCATION_LEVELS), st.sampled_from((None, "S4")))),
        trainings=tuple(draw(st.lists(training, max_size=3))),
        performance=performance,
        discipline=tuple(draw(st.lists(disc, max_size=2))),
        competency_actual=actual or None,
        pangkat=draw(st.one_of(st.sampled_from(pangkat_codes()), st.sampled_from((None, "V/a")))),
        tmt_pangkat=draw(optional(period)),
        tmt_cpns=draw(optional(period)),
        tmt_jabatan=draw(optional(period)),
    )
    if level is None or draw(st.integers(0, 2)):
        return profile
    rule = level_rules(as_of)[level]
    order = PANGKAT_ORDER
    low = order[rule.pangkat_min] if rule.pangkat_min else 1
    high = order[rule.pangkat_max] if rule.pangkat_max else 17
    ranked = [code for code in pangkat_codes() if low <= order[code] <= high]
    schooled = EDUCATION_LEVELS[EDUCATION_LEVELS.index(rule.education_min or "SD") :]
    old = st.dates(add_months(as_of, -240), add_months(as_of, -61))
    return replace(
        profile,
        status="PNS",
        pangkat=draw(st.sampled_from(ranked)),
        education=draw(st.sampled_from(schooled)),
        birth_date=draw(st.dates(add_months(as_of, -12 * 52), add_months(as_of, -12 * 30))),
        position=Position(None, draw(st.sampled_from(rule.prior_levels))) if rule.prior_levels else profile.position,
        tmt_cpns=draw(old),
        tmt_jabatan=draw(st.one_of(old, period)),
        performance=profile.performance + tuple(good) if draw(st.integers(0, 3)) else profile.performance,
    )


@st.composite
def candidate_lists(
    draw, as_of: dt.date, min_size: int = 0, max_size: int = 12, level: str | None = None
) -> list[EmployeeProfile]:
    """Candidates with unique ids `c0, c1, ...` (see `candidate_profiles`)."""
    n = draw(st.integers(min_size, max_size))
    return [draw(candidate_profiles(as_of, ident=f"c{i}", level=level)) for i in range(n)]


standards = st.dictionaries(st.sampled_from(KOMPETENSI_CODES), st.integers(0, 5), max_size=9)
