"""Reading the measures table (either layout) back into chapters, measures and institutions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hrplan.builtins.csv_format import _fields
from hrplan.builtins.csv_format._table import Table
from hrplan.cells import split
from hrplan.errors import ModelError
from hrplan.findings import Severity
from hrplan.limits import LimitError, parse_number
from hrplan.model import Chapter, Implementer, Institution, Measure, MeasureId, Tags
from hrplan.timelimits import TimeLimit, Vocabulary

__all__ = ["read_measures"]

_DIGITS = re.compile(r"\s*\d+\s*")


class _Node:
    """A measure row waiting for its place in the tree."""

    def __init__(self, row: int, number: MeasureId, parent: MeasureId | None, chapter: int) -> None:
        self.row, self.number, self.parent, self.chapter = row, number, parent, chapter
        self.line = row
        self.title = ""
        self.description: str | None = None
        self.implementers: list[Implementer] = []
        self.time_limit: TimeLimit | None = None
        self.tags = Tags()
        self.indicators: tuple[str, ...] = ()
        self.expected_results: tuple[str, ...] = ()
        self.funding: str | None = None
        self.budget: str | None = None
        self.children: list[_Node] = []
        self.up: _Node | None = None
        self.measure: Measure | None = None

    def build(self) -> Measure:
        """The measure, its sub-measures built first (iteratively: trees may be deep)."""
        stack: list[tuple[_Node, bool]] = [(self, False)]
        while stack:
            node, ready = stack.pop()
            if ready:
                node.measure = Measure(
                    id=node.number, title=node.title, description=node.description,
                    implementers=tuple(node.implementers), time_limit=node.time_limit,
                    children=tuple(c.measure for c in node.children if c.measure is not None),
                    tags=node.tags, indicators=node.indicators, expected_results=node.expected_results,
                    funding=node.funding, budget=node.budget, line=node.line,
                )  # fmt: skip
            else:
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(node.children))
        assert self.measure is not None
        return self.measure


class _Measures:
    """Reads the rows of a measures table into chapters, a measure tree and institutions."""

    def __init__(self, table: Table, vocabularies: Sequence[Vocabulary]) -> None:
        self.table = table
        self.vocabularies = vocabularies
        self.long = table.kind == "long"
        self.chapters: dict[int, tuple[str, str, list[_Node]]] = {}
        self.nodes: list[_Node] = []
        self.names: dict[str, str] = {}
        self.row = 0

    def report(self, code: str, column: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.table.report(severity, code, self.row, column, message)

    def chapter(self, number: int, label: str, title: str) -> None:
        """Note a chapter; an empty label or title leaves what an earlier row gave."""
        known = self.chapters.get(number)
        if known is None:
            self.chapters[number] = (label, title, [])
            return
        for column, given, before in (("chapter_label", label, known[0]), ("chapter_title", title, known[1])):
            if given and before and given != before:
                self.report("CSV008", column, f"chapter {number} has {given!r} here but {before!r} "
                            "before; the first is kept", Severity.WARNING)  # fmt: skip
        self.chapters[number] = (known[0] or label, known[1] or title, known[2])

    def read(self) -> None:
        previous: tuple[str, _Node] | None = None
        for row, cells in self.table.rows():
            self.row = row
            (number, parent, chapter, label, chapter_title, title, description, institutions,
             names, roles, text, kind, precision, start, end, window, _edtf, _status, themes,
             groups, treaties, sdgs, indicators, results, funding, budget) = cells  # fmt: skip
            if self.long and previous is not None and number and previous[0] == number:
                self.add_implementers(previous[1], institutions, names, roles)
                continue
            node = self.node(number, parent, chapter, label, chapter_title)
            if node is not None:
                node.line = self.table.line
            previous = (number, node) if node is not None else None
            if node is None:
                continue
            node.title, node.description = title, description or None
            self.add_implementers(node, institutions, names, roles)
            node.time_limit = _fields.time_limit(self.report, text, kind, precision, start, end, window,
                                                self.vocabularies)  # fmt: skip
            node.tags = _fields.tags(self.report, themes, groups, treaties, sdgs)
            node.indicators = tuple(split(indicators))
            node.expected_results = tuple(split(results))
            node.funding, node.budget = funding or None, budget or None
            self.nodes.append(node)

    def chapter_number(self, cell: str) -> int | None:
        """The chapter cell's number; ``None`` (reported) when it is beyond :mod:`hrplan.limits`."""
        if not _DIGITS.fullmatch(cell):
            return None
        try:
            return parse_number(cell, "chapter number")
        except LimitError as exc:
            self.report("CSV002", "chapter", f"{exc}; row skipped")
            return None

    def node(self, number: str, parent: str, chapter: str, label: str, title: str) -> _Node | None:
        chapter_number = self.chapter_number(chapter)
        if not number.strip():
            if chapter_number is None:
                self.report("CSV002", "id", "no measure number and no chapter; row skipped")
            else:
                self.chapter(chapter_number, label, title)
            return None
        try:
            measure_id = MeasureId.parse(number)
        except ModelError as exc:
            self.report("CSV002", "id", f"{exc}; row skipped")
            if chapter_number is not None:
                self.chapter(chapter_number, label, title)
            return None
        if chapter_number is None:
            chapter_number = measure_id.parts[0]
            self.report("CSV004", "chapter", f"chapter {chapter!r} is not a number; "
                        f"the measure is put in chapter {chapter_number}")  # fmt: skip
        self.chapter(chapter_number, label, title)
        parent_id = None
        if parent.strip():
            try:
                parent_id = MeasureId.parse(parent)
            except ModelError as exc:
                self.report("CSV003", "parent", f"{exc}; the measure is put at the top level "
                            f"of chapter {chapter_number}")  # fmt: skip
        return _Node(self.row, measure_id, parent_id, chapter_number)

    def add_implementers(self, node: _Node, institutions: str, names: str, roles: str) -> None:
        if self.long:
            if not institutions:
                return
            found = _fields.implementers(self.report, [institutions], [names], [roles])
        else:
            found = _fields.implementers(self.report, split(institutions), split(names), split(roles))
        for implementer, name in found:
            node.implementers.append(implementer)
            key = implementer.institution
            if not name:
                continue
            if key not in self.names:
                try:
                    Institution(key, name)
                except ModelError as exc:
                    self.report("CSV006", "institutions", f"{exc}; kept on the measure, not registered")
                    continue
                self.names[key] = name
            elif self.names[key] != name:
                self.report("CSV008", "institution_names", f"institution {key!r} is named {name!r} "
                            f"here but {self.names[key]!r} before; the first is kept",
                            Severity.WARNING)  # fmt: skip

    def link(self) -> None:
        """Put each measure under its parent, or at the top of its chapter."""
        first: dict[MeasureId, _Node] = {}
        for node in self.nodes:
            if node.number in first:
                self.table.report(Severity.WARNING, "CSV008", node.row, "id",
                                  f"measure {node.number} is numbered twice (first at row "
                                  f"{first[node.number].row}); both are kept")  # fmt: skip
            else:
                first[node.number] = node
        for node in self.nodes:
            self.place(node, first)

    def place(self, node: _Node, first: dict[MeasureId, _Node]) -> None:
        top = f"the measure is put at the top level of chapter {node.chapter}"
        if node.parent is not None:
            parent = first.get(node.parent)
            if parent is None:
                problem = f"parent {node.parent} does not exist; {top}"
            elif parent is node or self.above(node, parent):
                problem = f"parent {node.parent} is this measure or one of its sub-measures; {top}"
            else:
                node.up = parent
                parent.children.append(node)
                if parent.chapter != node.chapter:
                    self.table.report(Severity.WARNING, "CSV008", node.row, "chapter",
                                      f"measure {node.number} says chapter {node.chapter} but its "
                                      f"parent {parent.number} is in chapter {parent.chapter}; "
                                      "it is kept under its parent")  # fmt: skip
                return
            self.table.report(Severity.ERROR, "CSV003", node.row, "parent", problem)
        self.chapters[node.chapter][2].append(node)

    @staticmethod
    def above(node: _Node, other: _Node) -> bool:
        """Whether ``node`` is an ancestor of ``other``."""
        current = other.up
        while current is not None:
            if current is node:
                return True
            current = current.up
        return False

    def result(self) -> tuple[list[Chapter], list[Institution]]:
        self.link()
        chapters = [
            Chapter(number, title, label or str(number), measures=tuple(n.build() for n in top))
            for number, (label, title, top) in self.chapters.items()
        ]
        return chapters, [Institution(key, name) for key, name in self.names.items()]


def read_measures(table: Table, vocabularies: Sequence[Vocabulary] = ()) -> tuple[list[Chapter], list[Institution]]:
    """The chapters and the institutions (ids and names) a measures table holds.

    :param vocabularies: the time-limit vocabularies to try after English on a
        ``time_limit`` text without structured columns.
    """
    reader = _Measures(table, vocabularies)
    reader.read()
    return reader.result()
