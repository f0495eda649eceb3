"""Canonical English wording of a time-limit, which the parser reads back.

=============  =====================================================================
kind           canonical form
=============  =====================================================================
ongoing        ``permanently``; with a start ``from 2013``, ``from March 2013``
interval       one unit ``2013``, ``March 2013``, ``Q1 2013``, ``H2 2013``,
               ``12 March 2013``; a range ``2012-2015``, ``March-April 2012``,
               ``September 2012 - February 2013``, ``Q1-Q2 2013``, ``12-15 March 2012``,
               ``12 March - 15 April 2012``, ``12 March 2012 - 15 April 2013``
deadline       ``by 2013``, ``by March 2013``, ``by Q1 2013``, ``by 31 December 2012``
recurring      ``annually``, ``18 May - 18 June every year``, ``March every year``,
               ``December-January every year``; then ``, 2012-2015``,
               ``, from 2012`` or ``, by 2015`` when it has bounds
unparsed       the text as written (it is not read back as a time-limit)
=============  =====================================================================
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from hrplan.timelimits._model import (
    WHOLE_YEAR,
    MonthDay,
    Precision,
    TimeLimit,
    TimeLimitKind,
    YearlyWindow,
)

__all__ = ["canonical", "month_name", "span_text", "unit_text", "window_text"]

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


#: Days of each month in a leap year, the year a yearly window is written in.
_LEAP_MONTH_DAYS = tuple(calendar.monthrange(2000, month)[1] for month in range(1, 13))


def month_name(month: int) -> str:
    """The English name of ``month`` (1-12)."""
    return _MONTH_NAMES[month - 1]


def canonical(time_limit: TimeLimit) -> str:
    """The canonical wording of ``time_limit``."""
    return _BY_KIND[time_limit.kind](time_limit)


def unit_text(day: date, precision: Precision) -> str:
    """The unit of ``precision`` that contains ``day``: ``Q2 2013``, ``March 2013``."""
    return f"{_unit_label(day, precision)} {day.year:04d}".lstrip()


def span_text(start: date, end: date, precision: Precision) -> str:
    """The units from ``start`` to ``end`` as briefly as the parser reads them back."""
    if precision.first_day(end) == start:
        return unit_text(start, precision)
    if precision is Precision.YEAR:
        return f"{start.year:04d}-{end.year:04d}"
    if start.year != end.year:
        return f"{unit_text(start, precision)} - {unit_text(end, precision)}"
    if precision is not Precision.DAY:
        return f"{_unit_label(start, precision)}-{unit_text(end, precision)}"
    if start.month == end.month:
        return f"{start.day}-{unit_text(end, precision)}"
    return f"{_unit_label(start, precision)} - {unit_text(end, precision)}"


def _unit_label(day: date, precision: Precision) -> str:
    """The unit without its year: ``Q2``, ``H1``, ``March``, ``12 March`` (empty for a year)."""
    if precision is Precision.QUARTER:
        return f"Q{(day.month - 1) // 3 + 1}"
    if precision is Precision.HALF:
        return f"H{(day.month - 1) // 6 + 1}"
    if precision is Precision.MONTH:
        return month_name(day.month)
    if precision is Precision.DAY:
        return f"{day.day} {month_name(day.month)}"
    return ""


def _dates(time_limit: TimeLimit) -> tuple[date | None, date | None, Precision]:
    precision = time_limit.precision
    assert precision is not None, "a time-limit with dates has a precision"
    return time_limit.start, time_limit.end, precision


def _ongoing(time_limit: TimeLimit) -> str:
    if time_limit.start is None:
        return "permanently"
    start, _, precision = _dates(time_limit)
    assert start is not None
    return f"from {unit_text(start, precision)}"


def _interval(time_limit: TimeLimit) -> str:
    start, end, precision = _dates(time_limit)
    assert start is not None
    assert end is not None
    return span_text(start, end, precision)


def _deadline(time_limit: TimeLimit) -> str:
    _, end, precision = _dates(time_limit)
    assert end is not None
    return f"by {unit_text(end, precision)}"


def _recurring(time_limit: TimeLimit) -> str:
    window = time_limit.window
    assert window is not None
    rule = "annually" if window == WHOLE_YEAR else f"{window_text(window)} every year"
    bounds = _bounds_text(time_limit)
    return rule if bounds is None else f"{rule}, {bounds}"


def _bounds_text(time_limit: TimeLimit) -> str | None:
    """The bounds of a recurring time-limit: ``2012-2015``, ``from 2012``, ``by 2015``."""
    if time_limit.start is not None and time_limit.end is not None:
        return _interval(time_limit)
    if time_limit.start is not None:
        return _ongoing(time_limit)
    if time_limit.end is not None:
        return _deadline(time_limit)
    return None


def window_text(window: YearlyWindow) -> str:
    """``18 May - 18 June``; ``18 May`` for one day; ``March-April`` for whole months."""
    if window.start.day == 1 and window.end.day == _LEAP_MONTH_DAYS[window.end.month - 1]:
        first, last = month_name(window.start.month), month_name(window.end.month)
        return first if first == last else f"{first}-{last}"
    if window.start == window.end:
        return _month_day_text(window.start)
    return f"{_month_day_text(window.start)} - {_month_day_text(window.end)}"


def _month_day_text(day: MonthDay) -> str:
    return f"{day.day} {month_name(day.month)}"


_BY_KIND: dict[TimeLimitKind, Callable[[TimeLimit], str]] = {
    TimeLimitKind.ONGOING: _ongoing,
    TimeLimitKind.INTERVAL: _interval,
    TimeLimitKind.DEADLINE: _deadline,
    TimeLimitKind.RECURRING: _recurring,
    TimeLimitKind.UNPARSED: lambda time_limit: time_limit.text or "",
}
