"""Rows of the three tables the CSV exporter writes, as tuples of strings.

The measures table is the large one (a benchmark writes 100,000 measures), so its
rows are built with as little work per cell as possible: the cells of a
time-limit, of a tag set and of a chapter are computed once per object and
reused, and only cells holding free text go through the injection check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from hrplan.builtins.csv_format._columns import EVENT_COLUMNS, INSTITUTION_COLUMNS, LONG_COLUMNS, MEASURE_COLUMNS
from hrplan.cells import FIRST, escape_value, join, join_any, neutralise, safe
from hrplan.deadlines import status
from hrplan.errors import HrplanError
from hrplan.model import Implementer, Measure, Program, Tags
from hrplan.timelimits import TimeLimit, YearlyWindow

__all__ = ["event_rows", "institution_rows", "measure_rows"]

Row = tuple[str, ...]

#: The cells after ``chapter_title`` of a row that stands for a chapter without measures.
_EMPTY_REST: Row = ("",) * (len(MEASURE_COLUMNS) - 5)
_NO_TIME: Row = ("",) * 7
_NO_IMPLEMENTER: Row = ("", "", "")
_NO_RESULTS: Row = ("", "", "")
#: ``%d.%d.%d`` for 3-part measure numbers: formatting beats ``".".join(map(str, ...))``.
_NUMBER = ("", *(".".join(["%d"] * n) for n in range(1, 10)))


def _same(cell: str) -> str:
    return cell


def window_cell(window: YearlyWindow | None) -> str:
    """A yearly window as ``--MM-DD/--MM-DD``."""
    return "" if window is None else f"{window.start}/{window.end}"


def _edtf(limit: TimeLimit) -> str:
    try:
        return limit.edtf()
    except (HrplanError, ValueError):  # a time-limit EDTF cannot express
        return ""


class _Measures:
    """Builds the rows of the measures table for one program."""

    def __init__(self, program: Program, as_of: date, sanitize: bool, long: bool) -> None:
        self.program = program
        self.as_of = as_of
        self.s: Callable[[str], str] = safe if sanitize else _same
        self.long = long
        self.first = FIRST if sanitize else frozenset()
        self.names = {key: i.name for key, i in program.institutions.items()}
        self.escaped = {key: escape_value(name) for key, name in self.names.items()}
        self.with_progress = frozenset(u.measure for u in program.progress)
        self._own: dict[int, Row] = {}
        self._inherited: dict[int, Row] = {}
        self._tags: dict[int, Row] = {}

    def status(self, subject: Measure | TimeLimit) -> str:
        return status(subject, self.as_of, program=self.program).value

    def own(self, limit: TimeLimit) -> Row:
        """The time-limit cells and the status of a measure judged by its own time-limit."""
        cells = self._own.get(id(limit))
        if cells is None:
            s = self.s
            cells = (
                s(limit.text or ""),
                limit.kind.value,
                "" if limit.precision is None else limit.precision.value,
                "" if limit.start is None else limit.start.isoformat(),
                "" if limit.end is None else limit.end.isoformat(),
                s(window_cell(limit.window)),
                _edtf(limit),
                self.status(limit),
            )
            self._own[id(limit)] = cells
        return cells

    def inherited(self, limit: TimeLimit) -> Row:
        """Empty time-limit cells and the status of a measure judged by an ancestor's."""
        cells = self._inherited.get(id(limit))
        if cells is None:
            cells = (*_NO_TIME, self.status(limit))
            self._inherited[id(limit)] = cells
        return cells

    def tags(self, tags: Tags) -> Row:
        cells = self._tags.get(id(tags))
        if cells is None:
            s = self.s
            cells = (s(join(tags.themes)), s(join(tags.target_groups)), s(join(tags.treaties)),
                     join_any(tags.sdgs))  # fmt: skip
            self._tags[id(tags)] = cells
        return cells

    def implementers(self, implementers: tuple[Implementer, ...]) -> Row:
        """The ``institutions``, ``institution_names`` and ``roles`` cells, for any program."""
        keys = [i.institution for i in implementers]
        names = self.s(join([self.names.get(key, "") for key in keys]))
        return self.s(join(keys)), names, join([i.role._value_ for i in implementers])

    def time(self, measure: Measure, inherited: TimeLimit | None) -> Row:
        """The time-limit cells and status of a measure that needs more than a cache lookup."""
        limit = measure.time_limit
        if self.with_progress and measure.id in self.with_progress:
            return (*(self.own(limit)[:7] if limit is not None else _NO_TIME), self.status(measure))
        if limit is not None:
            return self.own(limit)
        if inherited is not None:
            return self.inherited(inherited)
        # Judged by its sub-measures (or ongoing): rare, so no cache.
        return (*_NO_TIME, self.status(measure))

    def rows(self) -> Iterator[Row]:
        """The rows of the measures; the hot loop, hence the inlined cache lookups."""
        first, long, progress = self.first, self.long, bool(self.with_progress)
        own, tag_cells, implementers, escaped = self._own, self._tags, self.implementers, self.escaped
        for chapter in self.program.chapters:
            head = (str(chapter.number), self.s(chapter.label), self.s(chapter.title))
            if not chapter.measures:
                yield ("", "", *head, *_EMPTY_REST)
                continue
            stack: list[tuple[Measure, str, TimeLimit | None]] = [
                (m, "", None) for m in reversed(chapter.measures)
            ]
            pop, push = stack.pop, stack.append
            while stack:
                measure, parent, inherited = pop()
                parts = measure.id.parts
                number = _NUMBER[len(parts)] % parts if len(parts) < 10 else ".".join(map(str, parts))
                title = measure.title
                if title[:1] in first:
                    title = neutralise(title)
                text = measure.description
                if text is None:
                    text = ""
                elif text[:1] in first:
                    text = neutralise(text)
                limit = measure.time_limit
                time = None if progress or limit is None else own.get(id(limit))
                if time is None:
                    time = self.time(measure, inherited)
                tags = tag_cells.get(id(measure.tags)) or self.tags(measure.tags)
                indicators = self.cell(measure.indicators) if measure.indicators else ""
                results = self.results(measure)
                if long:
                    for cells in self.long_cells(measure.implementers):
                        yield (number, parent, *head, title, text, *cells, *time, *tags, indicators, *results)
                elif not (found := measure.implementers):
                    yield (number, parent, *head, title, text, "", "", "", *time, *tags, indicators, *results)
                else:
                    # Inlined: string concatenation beats three joins of three lists here.
                    try:
                        implementer = found[0]
                        ids = implementer.institution
                        names = escaped[ids]
                        roles = implementer.role._value_
                        for implementer in found[1:]:
                            key = implementer.institution
                            ids += " | " + key
                            names += " | " + escaped[key]
                            roles += " | " + implementer.role._value_
                    except KeyError:  # an institution missing from the registry (a lenient program)
                        ids, names, roles = implementers(found)
                    else:
                        if names[:1] in first:
                            names = neutralise(names)
                    yield (number, parent, *head, title, text, ids, names, roles, *time, *tags, indicators, *results)
                if measure.children:
                    below = inherited if limit is None else limit
                    for child in reversed(measure.children):
                        push((child, number, below))

    def results(self, measure: Measure) -> Row:
        """The ``expected_results``, ``funding`` and ``budget`` cells."""
        if not measure.expected_results and measure.funding is None and measure.budget is None:
            return _NO_RESULTS
        s = self.s
        expected = self.cell(measure.expected_results) if measure.expected_results else ""
        return expected, s(measure.funding or ""), s(measure.budget or "")

    def cell(self, values: tuple[str, ...]) -> str:
        """A multi-valued cell of free text."""
        cell = join(values)
        return neutralise(cell) if cell[:1] in self.first else cell

    def long_cells(self, implementers: tuple[Implementer, ...]) -> Iterator[Row]:
        """The ``institution``, ``institution_name`` and ``role`` cells of each row of a measure."""
        if not implementers:
            yield _NO_IMPLEMENTER
        s = self.s
        for implementer in implementers:
            key = implementer.institution
            yield s(key), s(self.names.get(key, "")), implementer.role._value_


def measure_rows(program: Program, as_of: date, *, sanitize: bool, long: bool) -> Iterator[Row]:
    """The header, then one row per measure (per measure and implementer when ``long``)."""
    yield LONG_COLUMNS if long else MEASURE_COLUMNS
    yield from _Measures(program, as_of, sanitize, long).rows()


def institution_rows(program: Program, *, sanitize: bool) -> Iterator[Row]:
    """The header, then one row per institution of the registry, in registry order."""
    s = safe if sanitize else _same
    yield INSTITUTION_COLUMNS
    for key, inst in program.institutions.items():
        yield tuple(s(c) for c in (key, inst.name, inst.kind.value, inst.short_name or "",
                                   join(inst.aliases), inst.parent or ""))  # fmt: skip


def event_rows(program: Program, *, sanitize: bool) -> Iterator[Row]:
    """The header, then one row per event, in program order."""
    s = safe if sanitize else _same
    yield EVENT_COLUMNS
    for e in program.events:
        count = "" if e.participant_count is None else str(e.participant_count)
        cells = (
            e.id, e.title, e.kind.value, e.dates.start.isoformat(), e.dates.end.isoformat(),
            e.organiser or "", join(e.participants), join(e.audiences), count, e.location or "",
            join(e.remote_participants), join_any(e.measures), join(e.recommendations),
            e.campaign or "", e.source_url or "", e.notes or "",
        )  # fmt: skip
        yield tuple(s(c) for c in cells)
