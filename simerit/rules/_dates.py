"""Calendar arithmetic shared by the rules (and the screens that show the same windows)."""

from __future__ import annotations

import calendar
import datetime as dt


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
