"""The ``ics`` exporter: options, then :func:`~hrplan_ical.build_calendar` as iCalendar bytes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import MAXYEAR, MINYEAR, date, datetime
from typing import Any, BinaryIO

import hrplan
from hrplan.options import as_date, check_names

from hrplan_ical._calendar import KINDS, build_calendar

__all__ = ["OPTIONS", "IcsExporter"]

#: The options :meth:`IcsExporter.export` takes.
OPTIONS: tuple[str, ...] = ("as_of", "include", "since")


def _include(value: object) -> tuple[str, ...]:
    """``deadlines,campaigns,events`` (any of them, comma-separated) or an iterable of those words."""
    if isinstance(value, str):
        words = [w.strip() for w in value.split(",") if w.strip()]
    elif isinstance(value, Iterable) and all(isinstance(w, str) for w in value):
        words = [str(w).strip() for w in value]
    else:
        words = []
    if not words or any(w not in KINDS for w in words):
        raise hrplan.FormatError(
            f"ics: option 'include' must list some of {', '.join(KINDS)} (comma-separated), got {value!r}"
        )
    return tuple(k for k in KINDS if k in words)


def _as_of(value: object) -> date | None:
    return None if value is None else as_date("ics", "as_of", value)


def _since(value: object) -> int | None:
    """A year (an int or digits) or a date (its year)."""
    if value is None:
        return None
    year: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    elif isinstance(value, str) and value.strip().isdecimal():
        year = int(value.strip())
    elif isinstance(value, (date, datetime, str)):
        try:
            year = as_date("ics", "since", value).year
        except hrplan.FormatError:
            year = None
    if year is None or not MINYEAR <= year <= MAXYEAR:
        raise hrplan.FormatError(f"ics: option 'since' must be a year such as 2012 (or a date), got {value!r}")
    return year


class IcsExporter:
    """Writes measure deadlines, yearly campaigns and events as an iCalendar file."""

    name: str = "ics"
    extensions: tuple[str, ...] = (".ics",)
    media_type: str = "text/calendar"
    description: str = "iCalendar: measure deadlines, yearly campaigns (RRULE) and events, all-day"

    def to_ical(self, program: hrplan.Program, **options: Any) -> bytes:
        """The calendar as bytes (options as for :meth:`export`); every option is checked first."""
        check_names("ics", options, OPTIONS)
        include = _include(options.get("include", ",".join(KINDS)))
        as_of = _as_of(options.get("as_of"))
        since = _since(options.get("since"))
        calendar = build_calendar(program, include=include, as_of=as_of, since=since)
        return bytes(calendar.to_ical())

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the calendar (RFC 5545: UTF-8, CRLF line endings, lines folded at 75 octets).

        :param include: what to write: some of ``deadlines``, ``campaigns``, ``events``,
            comma-separated (default all three).
        :param as_of: the day written as DTSTAMP (default: the adoption date, else the
            period's start, else 1970-01-01): a date or ``YYYY-MM-DD``.
        :param since: the first year of campaigns whose first year is unknown (default:
            the year the program's period starts).
        :raises hrplan.FormatError: for an unknown option or a bad value; nothing is written then.
        """
        fp.write(self.to_ical(program, **options))
