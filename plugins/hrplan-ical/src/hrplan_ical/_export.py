"""The ``ics`` exporter: options, then :func:`~hrplan_ical.build_calendar` (and the
treaty reports of :func:`~hrplan_ical.report_events`) as iCalendar bytes."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import MAXYEAR, MINYEAR, date, datetime
from typing import Any, BinaryIO

import hrplan
from hrplan.options import as_date, check_names, flag
from hrplan.treaties import StateReporting, read_ratifications

from hrplan_ical._calendar import KINDS, build_calendar, deadlines_ical, dtstamp
from hrplan_ical._reports import report_events
from hrplan_ical._safety import without_controls

__all__ = ["INCLUDE", "OPTIONS", "IcsExporter", "default_until"]

#: The options :meth:`IcsExporter.export` takes.
OPTIONS: tuple[str, ...] = ("as_of", "include", "predictable_cycle", "ratifications", "since", "until")
#: What ``include`` may name: the program's kinds, then the treaty reports.
INCLUDE: tuple[str, ...] = (*KINDS, "reports")
#: How far the reports go by default: this many years after DTSTAMP (or the program's end).
DEFAULT_YEARS = 5


def _include(value: object) -> tuple[str, ...]:
    """``deadlines,campaigns,events,reports`` (any of them, comma-separated) or an iterable of those words."""
    if isinstance(value, str):
        words = [w.strip() for w in value.split(",") if w.strip()]
    elif isinstance(value, Iterable) and all(isinstance(w, str) for w in value):
        words = [str(w).strip() for w in value]
    else:
        words = []
    if not words or any(w not in INCLUDE for w in words):
        raise hrplan.FormatError(
            f"ics: option 'include' must list some of {', '.join(INCLUDE)} (comma-separated), got {value!r}"
        )
    return tuple(k for k in INCLUDE if k in words)


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


def _ratifications(value: object) -> StateReporting | None:
    """A :class:`~hrplan.treaties.StateReporting`, or the path of a ratifications file (read here)."""
    if value is None or isinstance(value, StateReporting):
        return value
    if isinstance(value, (str, os.PathLike)) and os.fspath(value).strip():
        try:
            return read_ratifications(value)
        except hrplan.FormatError as exc:  # an unreadable file (FormatError) or a bad one (InputError)
            raise hrplan.FormatError(f"ics: option 'ratifications': {exc}") from exc
    raise hrplan.FormatError(
        f"ics: option 'ratifications' must be the path of a ratifications file or a StateReporting, got {value!r}"
    )


def _plus_years(day: date, years: int) -> date:
    """``day`` that many years later (29 February becomes 28 February); 9999-12-31 at the latest."""
    year = day.year + years
    if year > MAXYEAR:
        return date.max
    return day.replace(year=year, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=year)


def default_until(program: hrplan.Program, as_of: date | None) -> date:
    """The last day of the reports when ``until`` is not given: 5 years after the DTSTAMP day
    (``as_of``, else the adoption date, the period's start, 1970-01-01), or the end of the
    program's period if that is later."""
    until = _plus_years(dtstamp(program, as_of).date(), DEFAULT_YEARS)
    end = program.period.end if program.period is not None else None
    return max(until, end) if end is not None else until


class IcsExporter:
    """Writes measure deadlines, yearly campaigns and events as an iCalendar file."""

    name: str = "ics"
    extensions: tuple[str, ...] = (".ics",)
    media_type: str = "text/calendar"
    description: str = "iCalendar: measure deadlines, yearly campaigns (RRULE), events and treaty reports, all-day"

    def to_ical(self, program: hrplan.Program, **options: Any) -> bytes:
        """The calendar as bytes (options as for :meth:`export`); every option is checked first."""
        check_names("ics", options, OPTIONS)
        state = _ratifications(options.get("ratifications"))
        if options.get("include") is None:
            include = KINDS if state is None else INCLUDE
        else:
            include = _include(options["include"])
        as_of = _as_of(options.get("as_of"))
        since = _since(options.get("since"))
        until = None if options.get("until") is None else as_date("ics", "until", options["until"])
        predictable_cycle = flag("ics", "predictable_cycle", options.get("predictable_cycle", False))
        if state is None:
            needs = [n for n in ("until", "predictable_cycle") if options.get(n) is not None]
            if "reports" in include:
                needs.insert(0, "include")
            if needs:
                raise hrplan.FormatError(
                    f"ics: option {needs[0]!r} is about treaty reports, which need the option 'ratifications'"
                )
        kinds = [k for k in include if k in KINDS]
        # Deadlines (one event per measure) are serialised apart and put where the calendar has them: first.
        calendar = build_calendar(program, include=[k for k in kinds if k != "deadlines"], as_of=as_of, since=since)
        if state is not None and "reports" in include:
            events = report_events(
                state,
                until=until or default_until(program, as_of),
                stamp=dtstamp(program, as_of),
                predictable_cycle=predictable_cycle,
            )
            for event in events:
                calendar.add_component(event)
        text = bytes(calendar.to_ical()).decode("utf-8")
        if "deadlines" in kinds:
            first = text.find("\r\nBEGIN:")
            at = (first if first >= 0 else text.rindex("\r\nEND:VCALENDAR")) + 2
            text = text[:at] + "".join(deadlines_ical(program, dtstamp(program, as_of))) + text[at:]
        return without_controls(text).encode("utf-8")

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the calendar (RFC 5545: UTF-8, CRLF line endings, lines folded at 75 octets).

        :param include: what to write: some of ``deadlines``, ``campaigns``, ``events``,
            ``reports``, comma-separated (default the first three, and ``reports`` when
            ``ratifications`` is given).
        :param as_of: the day written as DTSTAMP (default: the adoption date, else the
            period's start, else 1970-01-01): a date or ``YYYY-MM-DD``.
        :param since: the first year of campaigns whose first year is unknown (default:
            the year the program's period starts).
        :param ratifications: the path of a ratifications file (``hrplan calendar``'s input)
            or a :class:`hrplan.treaties.StateReporting`: the State's treaty reports and UPR
            reviews become all-day events on their due dates.
        :param until: the last day of those reports: a date or ``YYYY-MM-DD`` (default: 5
            years after the DTSTAMP day, or the end of the program's period if later).
        :param predictable_cycle: apply the 8-year predictable review cycle (default false).
        :raises hrplan.FormatError: for an unknown option or a bad value; nothing is written then.
        """
        fp.write(self.to_ical(program, **options))
