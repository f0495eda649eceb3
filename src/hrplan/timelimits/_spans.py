"""From pieces to dates: spans of days and yearly windows, checking every number."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

import attrs

from hrplan.timelimits._format import month_name
from hrplan.timelimits._model import MonthDay, Precision, YearlyWindow
from hrplan.timelimits._pieces import Piece

__all__ = ["ReadError", "Span", "range_span", "span_of", "window_of"]


class ReadError(Exception):
    """Text recognised as a time-limit that names no real dates; ``reason`` says why.

    :func:`parse_time_limit` turns it into :class:`~hrplan.errors.TimeLimitError`.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@attrs.frozen
class Span:
    """Inclusive first and last day, in units of ``precision``."""

    start: date
    end: date
    precision: Precision


def span_of(piece: Piece, default_year: int | None) -> Span:
    """The days of one unit; a missing year is ``default_year`` or refused."""
    if piece.year is None:
        piece = attrs.evolve(piece, year=_needed_year(default_year, piece.text))
    precision = piece.precision
    assert precision is not None, "a bare number is not a unit"
    first = _FIRST_DAY[precision](piece)
    return Span(first, precision.last_day(first), precision)


def range_span(left: Piece, right: Piece, default_year: int | None) -> Span:
    """The days from the start of ``left`` to the end of ``right``, at the finer precision.

    A year written on one side only holds for both ("March-April 2012").
    """
    left, right = _share_year(left, right, default_year)
    first, last = span_of(left, None), span_of(right, None)
    if last.start < first.start:
        raise ReadError(
            f"the range runs backwards: {left.text!r} comes after {right.text!r}"
            " (write the year on both sides of a range over the new year)"
        )
    precision = min(first.precision, last.precision, key=lambda p: p.months)
    return Span(first.start, last.end, precision)


def window_of(left: Piece, right: Piece) -> YearlyWindow:
    """The yearly window from ``left`` to ``right`` (days or whole months, no year)."""
    return YearlyWindow(_month_day(left, first=True), _month_day(right, first=False))


def _share_year(left: Piece, right: Piece, default_year: int | None) -> tuple[Piece, Piece]:
    if left.year is None and right.year is None:
        year = _needed_year(default_year, f"{left.text}-{right.text}")
        return attrs.evolve(left, year=year), attrs.evolve(right, year=year)
    if left.year is None:
        return attrs.evolve(left, year=right.year), right
    if right.year is None:
        return left, attrs.evolve(right, year=left.year)
    return left, right


def _needed_year(default_year: int | None, text: str) -> int:
    if default_year is None:
        raise ReadError(f"a year is needed: {text!r} names none (write it, or pass default_year)")
    return default_year


def _year(piece: Piece) -> int:
    assert piece.year is not None
    if piece.year < 1:
        raise ReadError(f"there is no year {piece.year}")
    return piece.year


def _month(piece: Piece) -> int:
    month = piece.index
    assert month is not None
    if not 1 <= month <= 12:
        hint = (
            " (write a range of years in full: 2012-2013)"
            if re.fullmatch(r"\d{4}-\d\d", piece.text)
            else ""
        )
        raise ReadError(f"there is no month {month}{hint}")
    return month


def _numbered(piece: Piece, unit: str, units: str, count: int) -> int:
    number = piece.index
    assert number is not None
    if not 1 <= number <= count:
        raise ReadError(f"there is no {unit} {number}: a year has {count} {units}")
    return number


def _year_start(piece: Piece) -> date:
    return date(_year(piece), 1, 1)


def _month_start(piece: Piece) -> date:
    return date(_year(piece), _month(piece), 1)


def _quarter_start(piece: Piece) -> date:
    return date(_year(piece), 3 * _numbered(piece, "quarter", "quarters", 4) - 2, 1)


def _half_start(piece: Piece) -> date:
    return date(_year(piece), 6 * _numbered(piece, "half", "halves", 2) - 5, 1)


def _day(piece: Piece) -> date:
    year, month, day = _year(piece), _month(piece), piece.day
    assert day is not None
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = f"{month_name(month)} {year}"
        raise ReadError(f"{day} {name} does not exist: {name} has {days} days")
    return date(year, month, day)


_FIRST_DAY: dict[Precision, Callable[[Piece], date]] = {
    Precision.YEAR: _year_start,
    Precision.HALF: _half_start,
    Precision.QUARTER: _quarter_start,
    Precision.MONTH: _month_start,
    Precision.DAY: _day,
}


def _month_day(piece: Piece, *, first: bool) -> MonthDay:
    month = _month(piece)
    longest = calendar.monthrange(2000, month)[1]  # a leap year: 29 February may start a window
    day = piece.day if piece.day is not None else (1 if first else longest)
    if not 1 <= day <= longest:
        name = month_name(month)
        raise ReadError(f"{day} {name} does not exist: {name} has at most {longest} days")
    return MonthDay(month, day)
