"""The data rows of a plan table as activities, in groups and sections.

Real tables repeat a group cell (the number and issue of a group of
activities) on every row, leave it blank below its first row, or merge it
(which the container fills into every row). A row with no activity continues
the activity above it (a second line of institutions); a row whose only text
spans the whole row (or stands alone in the number column) is a section
heading; the header row repeated on every page is skipped.
"""

from __future__ import annotations

import re

import attrs

from hrplan.builtins.plan_table._columns import Column, Header
from hrplan.labels import Meaning, normalise
from hrplan.tables import CellValue, Table, column_letter

__all__ = ["NUMBER", "SECTION_NUMBER", "Cell", "Entry", "Grid", "read_grid"]

#: A measure number as a table writes it: ``1``, ``1.``, ``15)``, ``1.2``, ``Measure 3``.
NUMBER = re.compile(r"\s*(?:[^\W\d_]+\.?\s*)?(?P<id>\d+(?:\.\d+)*)\.?\)?\s*")
#: A number written before the text of a cell: ``Activity 1.1.1: Buy``, ``Output 1.2 Mediation``,
#: ``1.1 Fewer deaths``, ``3. Safe prisons``, ``2) Train staff`` (not ``5 regional offices``,
#: ``1.5 million people`` or ``Train 40 judges``).
LEADING_NUMBER = re.compile(
    r"\s*(?:(?i:activity|sub-activity|action|measure|task|output|outcome|result|objective|intervention)"
    r"\s+(?P<kid>\d+(?:\.\d+)*)\.?\s*[:.\-\u2013]?\s+"
    r"|(?P<id>\d+(?:\.\d+)+)\.?\s+(?=[^\W\d_a-z])|(?P<one>\d+)[.)]\s+)(?P<rest>\S.*)",
    re.DOTALL,
)
#: A section heading that starts with its bare number: ``2. Fair trials``.
SECTION_NUMBER = re.compile(r"\s*(?P<id>\d{1,3})[.):]?\s+(?P<rest>\S.*)", re.DOTALL)
#: Words that open a heading row in the activity column (``Goal: ...``, ``Pillar 2 ...``).
_HEADING = re.compile(
    r"\s*(?:goal|pillar|chapter|part|section|strategic goal|strategic objective|impact|priority area)"
    r"(?:\s+[\dIVXivx]+(?:\.\d+)*)?\s*[:.\-\u2013]",
    re.IGNORECASE,
)
#: A page mark a PDF or Word export leaves alone on a row: ``Page 2 of 3``, ``- 2 -``, ``2/3``.
_PAGE_MARK = re.compile(
    r"\s*(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|[-\u2013]\s*\d+\s*[-\u2013]|\d+\s*/\s*\d+)\s*", re.IGNORECASE
)


def leading_number(text: str) -> tuple[str, str] | None:
    """The number written before ``text`` and the text after it, if any."""
    found = LEADING_NUMBER.fullmatch(text)
    if found is None:
        return None
    return found["kid"] or found["id"] or found["one"], found["rest"].strip()


@attrs.frozen
class Cell:
    """A value of an activity: its column, its text, the row it is on and the value as the
    container read it (a date from a spreadsheet)."""

    column: Column
    text: str
    row: int
    value: CellValue = None


@attrs.define
class Entry:
    """One activity (with the rows that continue it), or the extra cells of a group row.

    :ivar number: the group's number as written (filled down); ``""`` when none.
    :ivar issue: the group's issue (filled down); ``""`` when none.
    :ivar section: the section heading above, ``""`` when none.
    :ivar title: the activity; ``""`` for the cells of a group row with no activity.
    """

    row: int
    number: str
    issue: str
    section: str
    title: str
    cells: list[Cell] = attrs.Factory(list)

    @property
    def group(self) -> tuple[str, str, str]:
        """What the activities of one group share."""
        return (self.section, self.number, self.issue)

    def add(self, cells: list[Cell]) -> None:
        """Add the cells of a continuation row (a value already there is not repeated)."""
        known = {(c.column.index, c.text) for c in self.cells}
        self.cells += [c for c in cells if (c.column.index, c.text) not in known]


@attrs.define
class Grid:
    """What one table's rows hold.

    :ivar entries: activities and group rows, in row order.
    :ivar unreadable: rows with text that belongs to no activity (0-based).
    :ivar repeated_headers: rows that repeat the header (0-based).
    """

    entries: list[Entry] = attrs.Factory(list)
    unreadable: list[int] = attrs.Factory(list)
    repeated_headers: list[int] = attrs.Factory(list)
    page_marks: list[int] = attrs.Factory(list)


@attrs.define
class _Reader:
    table: Table
    header: Header
    title_column: int
    number_column: int | None
    issue_column: int | None
    section_column: int | None = None
    grid: Grid = attrs.Factory(Grid)
    section: str = ""
    number: str = ""
    issue: str = ""
    current: Entry | None = None

    def texts(self, row: int) -> list[str]:
        width = max(len(self.table.rows[row]), 1 + max((c.index for c in self.header.columns), default=0))
        return [self.table.text(row, column) for column in range(width)]

    def is_header(self, texts: list[str]) -> bool:
        keys = [normalise(text) for text in texts]
        while keys and not keys[-1]:
            keys.pop()
        return self.header.repeats(tuple(keys))

    def is_section(self, filled: list[tuple[int, str]]) -> bool:
        if len({text for _, text in filled}) != 1:
            return False
        if len(filled) > 1:
            return True  # one text across the row: a merged heading
        column, text = filled[0]
        if column == self.number_column:
            return not NUMBER.fullmatch(text)
        mapped = {c.index for c in self.header.columns if c.meaning is not None}
        return column == 0 and column not in mapped

    def is_heading(self, filled: list[tuple[int, str]]) -> bool:
        """Only the activity cell, opening with a heading word (``Goal: ...``)."""
        return len(filled) == 1 and filled[0][0] == self.title_column and bool(_HEADING.match(filled[0][1]))

    def cells(self, texts: list[str], row: int) -> list[Cell]:
        groups = {self.title_column, self.number_column, self.issue_column, self.section_column}
        columns = {c.index: c for c in self.header.columns}
        found = []
        for index, text in enumerate(texts):
            if text and index not in groups:
                column = columns.get(index) or Column(index, f"column {column_letter(index)}", None)
                found.append(Cell(column, text, row, self.table.value(row, index)))
        return found

    def read(self, row: int) -> None:
        texts = self.texts(row)
        filled = [(i, t) for i, t in enumerate(texts) if t]
        if not filled:
            return
        if self.is_header(texts):
            self.grid.repeated_headers.append(row)
            return
        if len(filled) == 1 and _PAGE_MARK.fullmatch(filled[0][1]):
            self.grid.page_marks.append(row)
            return
        if self.is_section(filled) or self.is_heading(filled):
            self.section, self.number, self.issue, self.current = filled[0][1], "", "", None
            return
        self.group(texts)
        title = texts[self.title_column]
        number = self.number
        if self.number_column is None and title and (found := leading_number(title)) is not None:
            number, title = found  # "Activity 1.1.1: Buy the software"
        cells = self.cells(texts, row)
        current = self.current
        same_group = current is not None and current.group == (self.section, number, self.issue)
        if current is not None and same_group and (not title or title == current.title):
            current.add(cells)  # a continuation row, or a merged activity cell
        elif title or cells:
            self.current = Entry(row, number, self.issue, self.section, title, cells)
            self.grid.entries.append(self.current)

    def group(self, texts: list[str]) -> None:
        """Fill the group cells down: a blank number, issue or outer issue (a section) is
        the one above; an issue that starts with a number (``1.1 Fewer deaths``) gives the
        group its number when the table has no number column."""
        section = texts[self.section_column] if self.section_column is not None else ""
        if section and section != self.section:
            self.section, self.number, self.issue = section, "", ""
        number = texts[self.number_column] if self.number_column is not None else ""
        issue = texts[self.issue_column] if self.issue_column is not None else ""
        if number:
            self.number = number
        if issue and issue != self.issue:
            self.issue = issue
            if self.number_column is None and (found := leading_number(issue)) is not None:
                self.number, self.issue = found
            elif self.number_column is not None and not number:
                self.number = ""


def read_grid(table: Table, header: Header) -> Grid:
    """The activities of ``table`` below ``header``."""
    title = header.first(Meaning.TITLE)
    issues = [c.index for c in header.columns if c.meaning is Meaning.ISSUE]
    issue = issues[-1] if issues else None
    section = issues[0] if len(issues) > 1 else None  # "Strategic objective" over "Output"
    if title is None:  # only issue columns: the innermost issue is the activity
        title, issue = issue, (issues[-2] if len(issues) > 2 else None)
        section = issues[0] if len(issues) > 1 else None
    assert title is not None, "a header names the activity or the issue"
    reader = _Reader(table, header, title, header.first(Meaning.NUMBER), issue, section)
    for row in range(header.data_row, len(table.rows)):
        reader.read(row)
    for entry in reader.grid.entries:
        if not entry.title and not entry.number and not entry.issue:
            reader.grid.unreadable.append(entry.row)
    reader.grid.entries = [e for e in reader.grid.entries if e.title or e.number or e.issue]
    return reader.grid
