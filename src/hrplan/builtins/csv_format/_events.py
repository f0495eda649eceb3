"""Reading an events table (as ``table="events"`` writes it) back into events."""

from __future__ import annotations

import re
from datetime import date

from hrplan.builtins.csv_format._table import Table
from hrplan.cells import split
from hrplan.errors import HrplanError, ModelError
from hrplan.findings import Severity
from hrplan.model import DateSpan, Event, EventKind, MeasureId

__all__ = ["read_events"]

_KINDS = ", ".join(k.value for k in EventKind)
_COUNT = re.compile(r"[0-9]+")


class _SkipRowError(Exception):
    """A cell without which the row cannot become an event."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _day(column: str, cell: str) -> date:
    try:
        return date.fromisoformat(cell.strip())
    except ValueError:
        raise _SkipRowError(column, f"{cell!r} is not an ISO date (YYYY-MM-DD); row skipped") from None


def _dates(start: str, end: str) -> DateSpan:
    if not start.strip():
        raise _SkipRowError("start", "no start date; row skipped")
    first = _day("start", start)
    last = _day("end", end) if end.strip() else first
    if last < first:
        raise _SkipRowError("end", f"the event ends ({last}) before it starts ({first}); row skipped")
    return DateSpan(first, last)


class _Events:
    def __init__(self, table: Table) -> None:
        self.table = table
        self.row = 0

    def report(self, column: str, message: str) -> None:
        self.table.report(Severity.ERROR, "CSV010", self.row, column, message)

    def read(self) -> list[Event]:
        events: list[Event] = []
        for row, cells in self.table.rows():
            self.row = row
            try:
                events.append(self.event(cells))
            except _SkipRowError as exc:
                self.report(exc.column, str(exc))
        return events

    def event(self, cells: list[str]) -> Event:
        (key, title, kind, start, end, organiser, participants, audiences, count, location,
         remote, measures, recommendations, campaign, source_url, notes) = cells  # fmt: skip
        if not key.strip():
            raise _SkipRowError("id", "no event id; row skipped")
        dates = _dates(start, end)
        try:
            kind_value = EventKind(kind.strip() or "other")
        except ValueError:
            self.report("kind", f"unknown event kind {kind!r} (known: {_KINDS}); read as 'other'")
            kind_value = EventKind.OTHER
        try:
            return Event(
                key.strip(), title, kind_value, dates, organiser.strip() or None,
                tuple(v.strip() for v in split(participants)), tuple(split(audiences)), self.count(count),
                location or None, tuple(split(remote)), self.measures(measures), tuple(split(recommendations)),
                campaign.strip() or None, source_url or None, notes or None,
            )  # fmt: skip
        except (HrplanError, ValueError, TypeError) as exc:
            raise _SkipRowError("", f"{exc}; row skipped") from None

    def count(self, cell: str) -> int | None:
        if not cell.strip():
            return None
        if _COUNT.fullmatch(cell.strip()):
            return int(cell)
        self.report("participant_count", f"{cell!r} is not a whole number of participants; left out")
        return None

    def measures(self, cell: str) -> tuple[MeasureId, ...]:
        found: list[MeasureId] = []
        for value in split(cell):
            try:
                found.append(MeasureId.parse(value))
            except ModelError as exc:
                self.report("measures", f"{exc}; left out")
        return tuple(found)


def read_events(table: Table) -> list[Event]:
    """The events of an events table, in row order; unreadable cells are reported (``CSV010``)."""
    return _Events(table).read()
