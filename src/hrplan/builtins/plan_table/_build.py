"""From the activities of plan tables to chapters and measures, with findings.

- A group (a number, else an issue) with one activity is one measure; with
  several, a parent measure (titled by the issue) with one sub-measure per
  activity, numbered in order (``3.1``, ``3.2``: numbers assigned, reported).
- Without a number the measures are numbered in order after the highest
  number used (reported); a number used twice gets a new one (reported).
- Institutions are split (one a line, bullets, ``;``, commas) and resolved
  against the registry; a partner column, a ``Partners:`` line or a
  ``(partner)`` mark gives ``Role.PARTNER``.
- A time-limit without a year takes the ``default_year`` option, else the
  year of the plan's period (a column title such as ``Time-frame (2019-2022)``,
  the title above the table), else the adoption year (reported).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import attrs

from hrplan.builtins.plan_table._columns import Header
from hrplan.builtins.plan_table._rows import NUMBER, SECTION_NUMBER, Cell, Entry
from hrplan.builtins.text_format._patterns import BULLET_CLASS, NO_TIME_LIMIT, start_or_none
from hrplan.errors import ModelError
from hrplan.findings import Finding, Severity
from hrplan.institutions import Registry, Resolver, split_names, split_role_mark
from hrplan.labels import Labels, Meaning
from hrplan.model import Chapter, Implementer, Institution, Measure, MeasureId, Role
from hrplan.tables import Table
from hrplan.timelimits import Precision, TimeLimit, TimeLimitKind, Vocabulary, parse_time_limit
from hrplan.timelimits.planned import Outcome, PlanDates, period_in, read_plan_time_limit

__all__ = ["Builder", "Settings"]

#: What the text format takes for no time-limit, and what a table cell writes for one not yet set.
_NO_TIME_LIMIT = NO_TIME_LIMIT | {"tbd", "tbc"}
_LINE_LABEL = re.compile(r"\s*(?:[-\u2022*\u00b7]\s*)?(?P<label>[^:\n]{1,40}):\s*(?P<rest>.*)")
_BULLET = re.compile(rf"^\s*(?:{BULLET_CLASS}|\d{{1,2}}[.)])\s+")


@attrs.frozen
class Settings:
    """What the reading of every table needs.

    :ivar labels: the label vocabulary.
    :ivar vocabularies: time-limit vocabularies.
    :ivar default_year: the year of time-limits that name none (the option).
    :ivar adopted: the program's adoption day (``within 6 months``).
    :ivar period: the plan's period, from its title, if known.
    """

    labels: Labels
    vocabularies: tuple[Vocabulary, ...] = ()
    default_year: int | None = None
    adopted: date | None = None
    period: TimeLimit | None = None


def _lines(text: str) -> list[str]:
    """The items of a cell: one a line, bullets dropped."""
    items = (_BULLET.sub("", line).strip() for line in text.splitlines())
    return [item for item in items if item]


@attrs.define
class _Node:
    id: MeasureId
    title: str
    fields: dict[str, Any]
    row: int
    children: list[_Node] = attrs.Factory(list)

    def build(self) -> Measure:
        return Measure(self.id, self.title, children=tuple(c.build() for c in self.children), **self.fields)


class Builder:
    """Builds the chapters of a program from the activities of its tables."""

    def __init__(self, settings: Settings, registry: Registry) -> None:
        self.settings = settings
        self._resolver = Resolver(registry)
        self._found: list[tuple[tuple[int, int], Finding]] = []  # (table, row) and the finding
        self._tables = 0
        self.chapters: list[Chapter] = []
        self.used: dict[str, Institution] = {}
        self._taken: set[MeasureId] = set()
        self._table: Table = Table(())
        self._period: TimeLimit | None = None

    def finding(self, severity: Severity, code: str, message: str, row: int | None = None,
                column: int | None = None) -> None:  # fmt: skip
        """Report ``message`` about a cell (or a row, or the whole table) of the table being read."""
        table = self._table
        whole = f"sheet {table.sheet!r}" if table.spreadsheet and table.sheet else table.sheet or ""
        where = table.location(row, column) if row is not None else whole
        self._add(row, Finding(severity, code, message, where, table.source or None))

    def _add(self, row: int | None, finding: Finding) -> None:
        self._found.append(((self._tables, -1 if row is None else row), finding))

    @property
    def findings(self) -> list[Finding]:
        """Every finding so far, table by table in row order (a whole table's first)."""
        return [finding for _, finding in sorted(self._found, key=lambda item: item[0])]

    def start(self, table: Table) -> None:
        """Report findings about ``table`` from now on."""
        if table is not self._table:
            self._tables += 1
        self._table = table

    @property
    def registry(self) -> Registry:
        """The registry given, plus the new institutions met so far."""
        return self._resolver.registry

    # chapters

    def add_table(self, table: Table, header: Header, entries: Sequence[Entry], title: str) -> int:
        """Add the chapters of one table (one per section); return how many measures it gave."""
        self.start(table)
        self._period = self._column_period(header) or period_in(title) or self.settings.period
        sections: dict[str, list[Entry]] = {}
        for entry in entries:
            sections.setdefault(entry.section, []).append(entry)
        if list(sections) == [""] and self._issues_span_numbers(entries):
            sections = {}
            for entry in entries:
                sections.setdefault(entry.issue, []).append(attrs.evolve(entry, issue="", section=entry.issue))
        count = 0
        for section, grouped in sections.items():
            measures = self._measures(grouped)
            count += sum(1 for m in measures for _ in m.walk())
            number, heading, label = self._chapter_number(section or title)
            line = table.first_row + grouped[0].row
            chapter = Chapter(number, heading or title, label or str(number), measures=tuple(measures), line=line)
            self.chapters.append(chapter)
        return count

    def _chapter_number(self, section: str) -> tuple[int, str, str]:
        """A section heading that starts with a free number (``2. Fair trials``, ``Chapter 1:
        Education``, ``II. HEALTH``) gives the chapter that number, the rest its title and the
        number as written its label; else the next number."""
        used = max((chapter.number for chapter in self.chapters), default=0)
        start = start_or_none(section)
        if start is not None and start.is_heading and start.text and start.chapter > used:
            return start.chapter, start.text, start.label
        roman = start.roman or (start.style, start.ordinal) if start is not None else None
        if start is not None and start.text and roman is not None and roman[0] in ("I.", "I)") and roman[1] > used:
            return roman[1], start.text, section.split(None, 1)[0].rstrip(".)")
        found = SECTION_NUMBER.match(section)
        if found is not None and found["rest"] and int(found["id"]) > used:
            return int(found["id"]), found["rest"], ""
        return used + 1, section, ""

    @staticmethod
    def _issues_span_numbers(entries: Sequence[Entry]) -> bool:
        """Whether an issue holds several numbers: then issues are sections, not groups."""
        numbers: dict[str, set[str]] = {}
        for entry in entries:
            if entry.issue and entry.number:
                numbers.setdefault(entry.issue, set()).add(entry.number)
        return any(len(found) > 1 for found in numbers.values())

    def _column_period(self, header: Header) -> TimeLimit | None:
        for column in header.columns:
            if column.meaning is Meaning.TIME_LIMIT and column.qualifier:
                found = period_in(column.qualifier)
                if found is not None:
                    return found
        return None

    # measures

    def _measures(self, entries: Sequence[Entry]) -> list[Measure]:
        groups: dict[tuple[str, str, str] | int, list[Entry]] = {}
        for entry in entries:
            key = entry.group if entry.number or entry.issue else entry.row
            groups.setdefault(key, []).append(entry)
        nodes = [self._group(group) for group in groups.values()]
        return [node.build() for node in self._nest([n for n in nodes if n is not None])]

    def _nest(self, nodes: list[_Node]) -> list[_Node]:
        """Put ``1.2`` under ``1`` when both are in the table."""
        by_id = {node.id: node for node in nodes}
        top = []
        for node in nodes:
            parent = by_id.get(node.id.parent) if node.id.parent is not None else None
            if parent is not None and parent is not node:
                parent.children.append(node)
            else:
                top.append(node)
        return top

    def _group(self, group: list[Entry]) -> _Node | None:
        activities = [e for e in group if e.title]
        extra = [cell for e in group if not e.title for cell in e.cells]
        first = group[0]
        if not activities and not first.issue:
            kept = "; ".join(f"{cell.column.title}: {cell.text}" for cell in extra if cell.text.strip())
            self.finding(Severity.WARNING, "TB003", f"number {first.number} has no activity (and no issue): "
                         f"its row is skipped ({kept or 'no other cell'})", first.row)  # fmt: skip
            return None
        number = self._number(first)
        if len(activities) == 1 and not (first.issue and extra):
            activity = activities[0]
            described = [f"Issue: {first.issue}"] if first.issue else []
            return self._node(number, activity.title, [*activity.cells, *extra], activity.row, described)
        parent = self._node(number, first.issue or activities[0].title, extra, first.row, [])
        for index, activity in enumerate(activities, start=1):
            child_id = number.child(index)
            self._taken.add(child_id)
            parent.children.append(self._node(child_id, activity.title, activity.cells, activity.row, []))
        if activities:
            self.finding(Severity.INFO, "TB006", f"measure {number}: its {len(activities)} activities are numbered "
                         f"{number}.1-{number}.{len(activities)} (numbers assigned)", first.row)  # fmt: skip
        return parent

    def _number(self, entry: Entry) -> MeasureId:
        """The group's number as written, else the next free one (reported)."""
        written = NUMBER.fullmatch(entry.number) if entry.number else None
        try:
            number = MeasureId.parse(written["id"]) if written is not None else None
        except ModelError:  # beyond hrplan.limits: read as no number
            number, written = None, None
        if number is not None and number not in self._taken:
            self._taken.add(number)
            return number
        top = max((n.parts[0] for n in self._taken), default=0) + 1
        number = MeasureId((top,))
        self._taken.add(number)
        if entry.number:
            why = "is used twice" if written is not None else "is not a measure number"
            self.finding(Severity.WARNING, "TB005", f"number {entry.number!r} {why}: numbered {number}", entry.row)
        else:
            self.finding(Severity.INFO, "TB005", f"an activity with no number: numbered {number} (assigned)", entry.row)
        return number

    def _node(self, number: MeasureId, title: str, cells: Sequence[Cell], row: int, described: list[str]) -> _Node:
        fields: dict[str, Any] = {"line": self._table.first_row + row}
        implementers: list[Implementer] = []
        times: list[Cell] = []
        indicators: list[str] = []
        results: list[str] = []
        for cell in cells:
            meaning = cell.column.meaning
            if meaning is not Meaning.TIME_LIMIT and cell.text.strip().casefold() in _NO_TIME_LIMIT:
                continue  # "-", "n/a": the cell holds nothing
            if meaning is not None and meaning.role is not None:
                implementers += self._implementers(cell, meaning.role)
            elif meaning is Meaning.TIME_LIMIT:
                times.append(cell)
            elif meaning is Meaning.INDICATORS:
                indicators += _lines(cell.text)
            elif meaning is Meaning.EXPECTED_RESULTS:
                results += _lines(cell.text)
            elif meaning in (Meaning.FUNDING, Meaning.BUDGET) and meaning.value not in fields:
                fields[meaning.value] = " ".join(cell.text.split())
            else:
                described.append(f"{cell.column.title}: {cell.text}")
        charted = [c for c in times if c.column.year is not None and c.text.strip().casefold() not in _NO_TIME_LIMIT]
        times = [c for c in times if c.column.year is None]  # a column titled by a year is charted
        if times:
            fields["time_limit"] = self._time_limit(times[0])
            described += [f"{c.column.title}: {c.text}" for c in times[1:]]
        elif charted:
            fields["time_limit"] = self._charted(charted)
        unique: dict[str, Implementer] = {}
        for implementer in implementers:
            unique.setdefault(implementer.institution, implementer)
        fields.update(implementers=tuple(unique.values()), indicators=tuple(indicators),
                      expected_results=tuple(results), description="\n".join(described) or None)  # fmt: skip
        return _Node(number, " ".join(title.split()), fields, row)

    # time-limits

    @staticmethod
    def _charted(cells: Sequence[Cell]) -> TimeLimit:
        """The years of a time chart whose cells are marked (``X`` under 2024 and 2025):
        from the first to the last (the text keeps every year marked)."""
        years = sorted({c.column.year for c in cells if c.column.year is not None})
        text = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
        found = parse_time_limit(text)
        return attrs.evolve(found, text=", ".join(map(str, years)))

    def _time_limit(self, cell: Cell) -> TimeLimit | None:
        if isinstance(cell.value, date):  # a spreadsheet date: the day it is due
            day = cell.value.date() if isinstance(cell.value, datetime) else cell.value
            return TimeLimit(TimeLimitKind.DEADLINE, end=day, precision=Precision.DAY, text=day.isoformat())
        text = cell.text.strip().rstrip(".").strip()
        if text.casefold() in _NO_TIME_LIMIT:
            return None
        dates = PlanDates(self.settings.vocabularies, self.settings.default_year, self._period, self.settings.adopted)
        found = read_plan_time_limit(text, dates)
        if found.outcome is Outcome.YEAR_TAKEN:
            self.finding(Severity.INFO, "TB007", found.message, cell.row, cell.column.index)
        elif found.outcome is Outcome.NEEDS_ADOPTION:
            self.finding(Severity.ERROR, "TB012", found.message, cell.row, cell.column.index)
        elif found.outcome is Outcome.UNREADABLE:
            self.finding(Severity.ERROR, "TB004", found.message, cell.row, cell.column.index)
        return found.time_limit

    # institutions

    def _segments(self, text: str, role: Role) -> list[tuple[Role, str]]:
        """The parts of a cell by role: ``Partners:`` lines change the role of what follows."""
        segments: list[tuple[Role, list[str]]] = [(role, [])]
        for line in text.splitlines():
            found = _LINE_LABEL.fullmatch(line)
            meaning = self.settings.labels.meaning(found["label"]) if found else None
            name, marked = split_role_mark(line)
            if found is not None and meaning is not None and meaning.role is not None:
                segments.append((meaning.role, [found["rest"]]))
            elif marked is not None and len(split_names(line, self.registry)) <= 1:  # "Ombudsman (partner)" alone
                segments += [(marked, [name]), (segments[-1][0], [])]
            else:
                segments[-1][1].append(line)
        return [(r, "\n".join(lines)) for r, lines in segments if "".join(lines).strip()]

    def _implementers(self, cell: Cell, role: Role) -> list[Implementer]:
        where = self._table.location(cell.row, cell.column.index)
        found = []
        for segment_role, text in self._segments(cell.text, role):
            resolution = self._resolver.resolve(text, location=where, source=self._table.source or None)
            for finding in resolution.findings:
                self._add(cell.row, finding)
            for resolved in resolution.resolved:
                self.used.setdefault(resolved.institution.id, resolved.institution)
                chosen = Role.UPON_CONSENT if resolved.role is Role.UPON_CONSENT else resolved.marked or segment_role
                found.append(Implementer(resolved.institution.id, chosen))
        return found

    def institutions(self) -> list[Institution]:
        """Every institution used, in order of first use, then the parents they name."""
        return self.registry.with_parents(self.used.values())
