"""What the reports share: reporting periods, linked measures and their status, events in a period."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import hrplan
from hrplan.monitoring import Snapshot
from hrplan.options import as_date

__all__ = [
    "events_in",
    "institution_names",
    "months_before",
    "period_option",
    "status_text",
]


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_option(fmt: str, options: Mapping[str, Any], as_of: date, months: int) -> hrplan.DateSpan:
    """The reporting period from options ``period_start`` and ``period_end``.

    ``period_end`` defaults to ``as_of``; ``period_start`` to ``months`` months
    before the end.

    :raises hrplan.FormatError: for a date that cannot be read or an end before the start.
    """
    raw_end = options.get("period_end")
    end = as_of if raw_end is None else as_date(fmt, "period_end", raw_end)
    raw_start = options.get("period_start")
    start = months_before(end, months) if raw_start is None else as_date(fmt, "period_start", raw_start)
    if end < start:
        raise hrplan.FormatError(f"{fmt}: option 'period_end' ({end}) is before 'period_start' ({start})")
    return hrplan.DateSpan(start, end)


def events_in(
    program: hrplan.Program,
    period: hrplan.DateSpan,
    *,
    measures: Iterable[hrplan.MeasureId] = (),
    recommendations: Iterable[str] = (),
) -> list[hrplan.Event]:
    """The events that overlap ``period`` and are linked to one of ``measures`` or ``recommendations``.

    By date (start, then end), then in program order.
    """
    wanted_measures = set(measures)
    wanted_recs = set(recommendations)
    found = [
        event
        for event in program.events
        if event.dates.start <= period.end
        and event.dates.end >= period.start
        and (wanted_measures.intersection(event.measures) or wanted_recs.intersection(event.recommendations))
    ]
    return sorted(found, key=lambda e: (e.dates.start, e.dates.end))


def institution_names(program: hrplan.Program, measure: hrplan.Measure) -> list[str]:
    """The names of a measure's implementers; those of its sub-measures when it has none of its own.

    An id missing from the registry (a lenient program) is shown as the id.
    """
    ids = list(measure.institutions)
    if not ids:
        ids = [iid for child in measure.walk() for iid in child.institutions]
    names = [program.institutions[iid].name if iid in program.institutions else iid for iid in ids]
    return list(dict.fromkeys(names))


def status_text(snap: Snapshot, number: hrplan.MeasureId) -> str:
    """A measure's status on the snapshot's day, its sub-measures included (``overdue``)."""
    return snap.state(number).rolled_up.value


def event_line(event: hrplan.Event) -> str:
    """``2012-03-12 training: Title`` (``2012-03-12..2012-03-14`` for a span)."""
    dates = event.dates
    when = str(dates.start) if dates.start == dates.end else f"{dates.start}..{dates.end}"
    return f"{when} {event.kind.value}: {event.title}"
