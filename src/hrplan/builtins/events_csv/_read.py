"""Reading a secretariat's events spreadsheet into events of a program: :func:`read_events`.

The columns, the forms each cell may take and the ``EV`` codes are in
``docs/monitoring.md``. Nothing in a row is dropped silently: every cell that
cannot be read gives a finding, and the row is kept whenever it has a date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import attrs

from hrplan.builtins.events_csv import _source, _values
from hrplan.builtins.events_csv._source import EventsSource
from hrplan.cells import restore
from hrplan.decoding import decode
from hrplan.delimited import quote_problems
from hrplan.errors import InputError, ModelError, Problem
from hrplan.findings import Finding, Severity
from hrplan.model import DateSpan, Event, EventKind, MeasureId, Program

__all__ = ["COLUMNS", "EVENTS_CSV_CODES", "EventsImport", "read_events"]

#: The codes of the findings :func:`read_events` reports, each with a one-line description.
EVENTS_CSV_CODES: dict[str, str] = {
    "EV001": "the file is not UTF-8; it is read as Windows-1252 (cp1252) or Mac Roman, whichever reads better",
    "EV002": "a column hrplan does not know (ignored)",
    "EV003": "a column given twice (the first is read)",
    "EV004": "a row has more or fewer cells than the header (padded or cut)",
    "EV005": "no date, or a date that cannot be read, or an end before the start (the row is skipped)",
    "EV006": "both a date and a start/end that disagree (the date is used)",
    "EV007": "a kind of event that is not known (read as 'other')",
    "EV008": "an organiser not in the program's institutions (kept in the notes)",
    "EV009": "a measure number that cannot be read or is not in the program (left out)",
    "EV010": "a recommendation id that is not in the program (left out)",
    "EV011": "a campaign that is not in the program (kept in the notes)",
    "EV012": "a number of participants that is not a whole number (left out)",
    "EV013": "an id used before, in the program or an earlier row (a suffix is added)",
    "EV014": "no title (the event's id is used)",
    "EV015": "a quote never closed, or closed far below: the rows after it were read into one cell",
}

#: The columns read, in the order the documentation lists them.
COLUMNS: tuple[str, ...] = (
    "id", "date", "start", "end", "kind", "title", "organiser", "audience", "location", "remote",
    "participants", "measures", "recommendations", "campaign", "source_url", "notes",
)  # fmt: skip

#: Other spellings of column names, read as the column they stand for.
ALIASES: dict[str, str] = {
    "audiences": "audience",
    "remote_participants": "remote",
    "participant_count": "participants",
    "organizer": "organiser",
}

#: How EV001 names the encoding a file that is not UTF-8 was read with.
_ENCODINGS: dict[str, str] = {"cp1252": "Windows-1252 (cp1252)", "mac_roman": "Mac Roman"}

T = TypeVar("T")


@attrs.frozen
class EventsImport:
    """The events read from a spreadsheet, and what could not be read.

    :ivar events: the events, in row order.
    :ivar findings: one finding per cell or row that could not be read as written,
        located as ``row N, column NAME`` (the header is row 1).
    """

    events: tuple[Event, ...]
    findings: tuple[Finding, ...]

    def merged_into(self, program: Program) -> Program:
        """``program`` with these events added after its own.

        Pass the program the spreadsheet was read against: its ids, measures,
        institutions and campaigns are the ones the events were checked with.

        :raises CrossReferenceError: when an event names something ``program`` lacks.
        """
        return attrs.evolve(program, events=(*program.events, *self.events))


def read_events(data: EventsSource, program: Program, *, source: str | None = None) -> EventsImport:
    """Read an events spreadsheet (CSV) as events of ``program``.

    :param data: the CSV as bytes, a path, or a binary file (a string holding a
        line break is read as the CSV text itself).
    :param program: the program the events belong to: measure numbers,
        organisers, recommendations and campaigns are looked up in it, and ids
        must not clash with its events.
    :param source: the name findings give as their source (default: the file's).
    :raises FormatError: when a path cannot be read.
    :raises InputError: when the file is empty or its header has no date column.
    """
    raw, name = _source.read_bytes(data)
    reader = _Reader(program, source if source is not None else name)
    return reader.read(raw)


class _Row:
    """The cells of one data row by column, and how to report on them."""

    def __init__(self, number: int, cells: dict[str, str], names: dict[str, str], reader: _Reader) -> None:
        self.number = number
        self.cells = cells
        self.names = names
        self.reader = reader

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def report(self, code: str, column: str, message: str, severity: Severity = Severity.WARNING) -> None:
        self.reader.report(code, f"row {self.number}, column {self.names.get(column, column)}", message, severity)

    def read(
        self,
        column: str,
        parse: Callable[[str], T],
        code: str,
        consequence: str,
        severity: Severity = Severity.WARNING,
    ) -> T | None:
        """The cell parsed, or ``None`` (and a finding) when ``parse`` refuses it; ``None`` when empty."""
        text = self[column]
        if not text:
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.report(code, column, f"{exc}; {consequence}", severity)
            return None


class _Reader:
    """Reads one spreadsheet against one program."""

    def __init__(self, program: Program, source: str | None) -> None:
        self.program = program
        self.source = source
        self.findings: list[Finding] = []
        self.taken = {event.id for event in program.events}
        self.institutions = _Lookup()
        for key, institution in program.institutions.items():
            self.institutions.add(key, key, *institution.names)
        self.campaigns = _Lookup()
        for campaign in program.campaigns:
            self.campaigns.add(campaign.id, campaign.id, campaign.title)
        self.recommendations = {rec.id for rec in program.recommendations}

    def report(self, code: str, location: str, message: str, severity: Severity = Severity.WARNING) -> None:
        self.findings.append(Finding(severity, code, message, location, self.source))

    def read(self, raw: bytes) -> EventsImport:
        decoded = decode(raw, repair=False)
        if decoded.bad_line is not None:
            self.report("EV001", f"line {decoded.bad_line}", "the file is not UTF-8 (the first byte that is not "
                        f"UTF-8 is on this line); it is read as {_ENCODINGS[decoded.encoding]}: check accented "
                        "letters, or save the file as CSV UTF-8")  # fmt: skip
        separator = _source.delimiter(decoded.text, (*COLUMNS, *ALIASES))
        rows = _source.records(decoded.text, separator, self.source)
        if not rows or not any(cell.strip() for cell in rows[0]):
            raise InputError(self.source or "<data>", [Problem("row 1", "no header: the file is empty")])
        for index, message in quote_problems(rows, decoded.text, separator):
            self.report("EV015", f"row {index + 1}", message, Severity.ERROR)
        positions, names = self.header(rows[0])
        events = []
        for number, record in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in record):
                continue  # a blank line holds nothing to keep
            width = len(rows[0])
            if len(record) < width or any(cell.strip() for cell in record[width:]):
                what = "padded with empty cells" if len(record) < width else "the extra cells are ignored"
                self.report("EV004", f"row {number}", f"{len(record)} cell(s) where the header has "
                            f"{width}; {what}", Severity.ERROR)  # fmt: skip
            cells = {
                column: restore(record[i]).strip() if i < len(record) else ""
                for column, i in positions.items()
            }
            event = self.event(_Row(number, cells, names, self))
            if event is not None:
                events.append(event)
        return EventsImport(tuple(events), tuple(self.findings))

    def header(self, cells: list[str]) -> tuple[dict[str, int], dict[str, str]]:
        """Where each known column is, and how the header spells it."""
        positions: dict[str, int] = {}
        names: dict[str, str] = {}
        for i, cell in enumerate(cells):
            written = cell.strip()
            key = written.lower().replace(" ", "_")
            column = ALIASES.get(key, key)
            if not written:
                if any(c.strip() for c in cells[i + 1 :]):
                    self.report("EV002", f"row 1, column {i + 1}", "a column without a name; ignored")
            elif column not in COLUMNS:
                self.report("EV002", f"row 1, column {written}", f"unknown column {written!r}; ignored "
                            f"(known: {', '.join(COLUMNS)})")  # fmt: skip
            elif column in positions:
                self.report("EV003", f"row 1, column {written}", f"column {written!r} is given twice "
                            f"(first as {names[column]!r}); the first is read")  # fmt: skip
            else:
                positions[column], names[column] = i, written
        if "date" not in positions and "start" not in positions:
            message = "no date column: name one 'date' (a day), or 'start' and 'end' (a span)"
            raise InputError(self.source or "<data>", [Problem("row 1", message)])
        if "title" not in positions:
            self.report("EV014", "row 1", "no title column; each event is called by its id")
        return positions, names

    def event(self, row: _Row) -> Event | None:
        dates = self.dates(row)
        if dates is None:
            return None
        event_id = self.event_id(row)
        title = row["title"]
        if not title and "title" in row.names:
            row.report("EV014", "title", f"no title; the event is called {event_id!r}")
        notes = [row["notes"]] if row["notes"] else []
        organiser = self.organiser(row, notes)
        campaign = self.campaign(row, notes)
        return Event(
            id=event_id,
            title=title or event_id,
            kind=self.kind(row),
            dates=dates,
            organiser=organiser,
            audiences=tuple(_values.split_list(row["audience"])),
            participant_count=row.read("participants", _values.parse_count, "EV012", "left out"),
            location=row["location"] or None,
            remote_participants=tuple(_values.split_list(row["remote"])),
            measures=self.measures(row),
            recommendations=self.recommendation_ids(row),
            campaign=campaign,
            source_url=row["source_url"] or None,
            notes="\n".join(notes) or None,
        )

    def dates(self, row: _Row) -> DateSpan | None:
        skipped = "the row is skipped"
        given = {c: row.read(c, _values.parse_day, "EV005", skipped, Severity.ERROR) for c in ("date", "start", "end")}
        if any(row[c] and given[c] is None for c in given):
            return None
        day, start, end = given["date"], given["start"], given["end"]
        if day is not None:
            if (start is not None and start != day) or (end is not None and end != day):
                span = f"{start or '...'} to {end or '...'}"
                row.report("EV006", "date", f"the date {day} disagrees with start/end ({span}); the date is used")
            return DateSpan(day)
        if start is None:
            column = "end" if end is not None else ("date" if "date" in row.names else "start")
            why = "an end without a start" if end is not None else "no date"
            row.report("EV005", column, f"{why}: give a 'date' or a 'start'; {skipped}", Severity.ERROR)
            return None
        try:
            return DateSpan(start, end or start)
        except ModelError as exc:
            row.report("EV005", "end", f"{exc}; {skipped}", Severity.ERROR)
            return None

    def event_id(self, row: _Row) -> str:
        wanted = row["id"] or f"ev-{row.number}"
        found, n = wanted, 1
        while found in self.taken:
            n += 1
            found = f"{wanted}-{n}"
        if found != wanted:
            whose = "an event of the program" if any(e.id == wanted for e in self.program.events) else "an earlier row"
            row.report("EV013", "id", f"id {wanted!r} is already used by {whose}; this event is {found!r}")
        self.taken.add(found)
        return found

    def kind(self, row: _Row) -> EventKind:
        return row.read("kind", _values.parse_kind, "EV007", "read as 'other'") or EventKind.OTHER

    def organiser(self, row: _Row, notes: list[str]) -> str | None:
        name = row["organiser"]
        if not name:
            return None
        found = self.institutions.find(name)
        if isinstance(found, str):
            return found
        why = "names several institutions" if found else "is not an institution of the program"
        row.report("EV008", "organiser", f"organiser {name!r} {why} (by id, name, short name or alias); "
                   "kept in the notes")  # fmt: skip
        notes.append(f"organiser: {name}")
        return None

    def campaign(self, row: _Row, notes: list[str]) -> str | None:
        name = row["campaign"]
        if not name:
            return None
        found = self.campaigns.find(name)
        if isinstance(found, str):
            return found
        why = "names several campaigns" if found else "is not a campaign of the program"
        row.report("EV011", "campaign", f"campaign {name!r} {why} (by id or title); kept in the notes")
        notes.append(f"campaign: {name}")
        return None

    def measures(self, row: _Row) -> tuple[MeasureId, ...]:
        found: dict[MeasureId, None] = {}
        for item in _values.split_numbers(row["measures"]):
            try:
                number = MeasureId.parse(item)
            except ModelError as exc:
                row.report("EV009", "measures", f"{exc}; left out of the event's measures")
                continue
            if self.program.find_measure(number) is None:
                row.report("EV009", "measures", f"measure {number} is not in the program; left out of the "
                           "event's measures")  # fmt: skip
                continue
            found[number] = None
        return tuple(found)

    def recommendation_ids(self, row: _Row) -> tuple[str, ...]:
        found: dict[str, None] = {}
        for item in _values.split_numbers(row["recommendations"]):
            if item in self.recommendations:
                found[item] = None
            else:
                row.report("EV010", "recommendations", f"recommendation {item!r} is not in the program; left out")
        return tuple(found)


class _Lookup:
    """Ids found by any of their names, compared without case and extra spaces."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.names: dict[str, set[str]] = {}

    @staticmethod
    def key(name: str) -> str:
        return " ".join(name.split()).casefold()

    def add(self, key: str, *names: str) -> None:
        self.ids[self.key(key)] = key
        for name in names:
            self.names.setdefault(self.key(name), set()).add(key)

    def find(self, name: str) -> str | set[str]:
        """The id ``name`` stands for; else the ids it could stand for (none or several)."""
        wanted = self.key(name)
        if wanted in self.ids:
            return self.ids[wanted]
        found = self.names.get(wanted, set())
        return next(iter(found)) if len(found) == 1 else found
