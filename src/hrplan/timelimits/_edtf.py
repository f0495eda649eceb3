"""A time-limit as an EDTF (ISO 8601-2) date or interval.

- one unit: ``2013``, ``2013-03``, ``2013-03-12``; one quarter or half as an
  ISO 8601-2 sub-year grouping: ``2013-33`` ... ``2013-36`` (quarters 1-4),
  ``2013-40``, ``2013-41`` (halves);
- a range: ``2012/2015``, ``2012-03/2012-04``, ``2012-03-12/2012-03-15``;
  quarters and halves as months (``2013-01/2013-06``), because EDTF parsers do
  not accept groupings as interval ends;
- ongoing: ``2013/..`` (open end), ``../..`` when it has no start either;
- deadline: ``../2012``, ``../2013-03``, ``../2012-12-31`` (open start);
- recurring: the bounds only (``2012/2015``, ``2012/..``, ``../2015``,
  ``../..``), since EDTF has no yearly window.
"""

from __future__ import annotations

from datetime import date

from hrplan.timelimits._model import Precision, TimeLimit

__all__ = ["to_edtf"]

_OPEN = ".."


def to_edtf(time_limit: TimeLimit) -> str:
    """The EDTF string of ``time_limit``."""
    start, end, precision = time_limit.start, time_limit.end, time_limit.precision
    if precision is None:
        return f"{_OPEN}/{_OPEN}"
    if start is not None and end is not None:
        return _span(start, end, precision)
    if start is not None:
        return f"{_point(start, precision)}/{_OPEN}"
    assert end is not None, "a time-limit with a precision has a date"
    return f"{_OPEN}/{_point(end, precision)}"


def _span(start: date, end: date, precision: Precision) -> str:
    if precision.first_day(end) == start:
        return _unit(start, precision)
    return f"{_point(start, precision)}/{_point(end, precision)}"


def _unit(day: date, precision: Precision) -> str:
    if precision is Precision.QUARTER:
        return f"{day.year:04d}-{32 + (day.month - 1) // 3 + 1}"
    if precision is Precision.HALF:
        return f"{day.year:04d}-{39 + (day.month - 1) // 6 + 1}"
    return _point(day, precision)


def _point(day: date, precision: Precision) -> str:
    """``day`` at ``precision``; quarters and halves by the month of ``day``."""
    if precision is Precision.YEAR:
        return f"{day.year:04d}"
    if precision is Precision.DAY:
        return day.isoformat()
    return f"{day.year:04d}-{day.month:02d}"
