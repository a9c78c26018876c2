"""Calendar arithmetic shared by the rules (and the screens that show the same windows)."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import polars as pl


def add_months(d: dt.date, months: int) -> dt.date:
    """`d` plus whole months (negative: earlier), clipped to the end of a shorter month
    (31 Mar - 1 month = 28/29 Feb; 29 Feb - 12 months = 28 Feb), as polars `offset_by`."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(d.day, calendar.monthrange(year, month0 + 1)[1]))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same calendar day `months` earlier (clamped to the month's end): a window's open start.

    Decision (shared/domain/decisions.md "Time windows"): the n months ending `as_of` are the
    days after `months_before(as_of, n)` up to and including `as_of`.
    """
    return add_months(day, -months)


# First days of the months of years 1 to 10,099 (past Python's year 9999, for a BUP date of a
# birth in that year), by month index (year * 12 + month - 1) from January of year 1.
_FIRST_MONTH, _LAST_MONTH = 1 * 12, 10_100 * 12


@cache
def _first_days() -> pl.Series:
    month = pl.int_range(_FIRST_MONTH, _LAST_MONTH, dtype=pl.Int32)
    return pl.select(pl.date(month // 12, month % 12 + 1, 1).to_physical()).to_series()


def first_of_month(month: pl.Expr) -> pl.Expr:
    """The 1st of the month whose index is `month` (year * 12 + month - 1), as a Date: what
    `pl.date(month // 12, month % 12 + 1, 1)` gives, picked from a table (one gather instead of a
    calendar computation per row; several times faster). Null outside years 1 to 10,099."""
    inside = (month >= _FIRST_MONTH) & (month < _LAST_MONTH)
    index = (month - _FIRST_MONTH).clip(0, _LAST_MONTH - _FIRST_MONTH - 1)
    return pl.when(inside).then(pl.lit(_first_days()).gather(index)).cast(pl.Date)
