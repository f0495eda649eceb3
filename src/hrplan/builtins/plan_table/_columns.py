"""The header row of a plan table and what each of its columns holds.

The header row is found by content: the row, among the first ones, whose cells
name the most kinds of column the label vocabulary knows (``Activity``,
``Responsible agencies``, ``Time-frame (2019-2022)``...). A title, notes or a
legend above it are not columns. The ``columns`` option names columns
explicitly: ``title:Activities,lead:Responsible agencies``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from hrplan.errors import FormatError
from hrplan.labels import Labels, Meaning, normalise
from hrplan.tables import Table

__all__ = ["FIELDS", "Column", "ColumnMap", "Header", "find_header", "header_score", "parse_columns"]

#: How many leading rows of a table may hold the header.
_SEARCH_ROWS = 30

#: A column title that is a year alone: a column of a time chart.
_YEAR = re.compile(r"(?:19|20)\d\d")

#: Field names the ``columns`` option accepts besides the meanings themselves.
FIELDS: dict[str, Meaning] = {
    "title": Meaning.TITLE,
    "activity": Meaning.TITLE,
    "number": Meaning.NUMBER,
    "issue": Meaning.ISSUE,
    "area": Meaning.ISSUE,
    "institutions": Meaning.LEAD,
    "lead": Meaning.LEAD,
    "responsible": Meaning.LEAD,
    "co-implementers": Meaning.CO_IMPLEMENTER,
    "partners": Meaning.PARTNER,
    "time-limit": Meaning.TIME_LIMIT,
    "deadline": Meaning.TIME_LIMIT,
    "indicators": Meaning.INDICATORS,
    "expected-results": Meaning.EXPECTED_RESULTS,
    "funding": Meaning.FUNDING,
    "budget": Meaning.BUDGET,
    "keep": Meaning.KEEP,
}


@attrs.frozen
class Column:
    """One column of a plan table.

    :ivar index: its 0-based position.
    :ivar title: its header as written (blanks tidied).
    :ivar meaning: what it holds; ``None`` for a column hrplan cannot map.
    :ivar qualifier: what follows the label in the header (``(2019-2022)``).
    :ivar year: for a column titled by a year alone (a time chart: ``2024 | 2025 | 2026``
        under ``Timeframe``), that year: a mark in its cell means the activity runs then.
    """

    index: int
    title: str
    meaning: Meaning | None
    qualifier: str = ""
    year: int | None = None


def _keys(table: Table, row: int) -> tuple[str, ...]:
    """The label keys of a row's cells, trailing empty ones dropped (to recognise it again)."""
    keys = [normalise(table.text(row, index)) for index in range(len(table.rows[row]))]
    while keys and not keys[-1]:
        keys.pop()
    return tuple(keys)


@attrs.frozen
class Header:
    """The header row of a table (and the row under it when that one names sub-columns:
    ``Responsible`` over ``Lead`` and ``Partners``) and its columns (empty header cells
    have none).

    :ivar row: the (first) header row, 0-based.
    :ivar columns: the columns, by index.
    :ivar rows: the keys of each header row, to recognise a header repeated on a later page.
    """

    row: int
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def data_row(self) -> int:
        """The first row after the header."""
        return self.row + max(len(self.rows), 1)

    def repeats(self, keys: tuple[str, ...]) -> bool:
        """Whether a row with these label keys repeats a header row."""
        return keys in self.rows

    def first(self, meaning: Meaning) -> int | None:
        """The index of the first column holding ``meaning``, if any."""
        return next((c.index for c in self.columns if c.meaning is meaning), None)

    @property
    def meanings(self) -> frozenset[Meaning]:
        """The kinds of column the header names."""
        return frozenset(c.meaning for c in self.columns if c.meaning is not None)



def _tidy(text: str) -> str:
    return " ".join(text.split())


#: The ``columns`` option: each column title's label key, with the title as given and its meaning.
ColumnMap = Mapping[str, tuple[str, Meaning]]


def _column(index: int, title: str, labels: Labels, explicit: ColumnMap) -> Column:
    chosen = explicit.get(normalise(title))
    if chosen is not None:
        return Column(index, title, chosen[1])
    found = labels.header(title)
    if found is None and _YEAR.fullmatch(title):
        return Column(index, title, Meaning.TIME_LIMIT, year=int(title))
    if found is None:
        return Column(index, title, None)
    return Column(index, title, found.meaning, found.qualifier)


def _row_header(table: Table, row: int, labels: Labels, explicit: ColumnMap) -> Header:
    columns = []
    for index in range(len(table.rows[row])):
        title = _tidy(table.text(row, index))
        if title:
            columns.append(_column(index, title, labels, explicit))
    return Header(row, tuple(columns), (_keys(table, row),))


def _with_sub_columns(table: Table, header: Header, labels: Labels, explicit: ColumnMap) -> Header:
    """``header`` with the row under it when every cell of that row (two or more) is a label,
    and the activity or issue column is still named then."""
    row = header.row + 1
    if row >= len(table.rows):
        return header
    sub = _row_header(table, row, labels, explicit)
    if len(sub.columns) < 2 or any(c.meaning is None for c in sub.columns):
        return header
    columns = {c.index: c for c in header.columns}
    for column in sub.columns:
        top = columns.get(column.index)
        title = column.title if top is None or top.title == column.title else f"{top.title} / {column.title}"
        columns[column.index] = attrs.evolve(column, title=title)
    merged = Header(header.row, tuple(columns[i] for i in sorted(columns)), (*header.rows, *sub.rows))
    return merged if _fits(merged) else header  # a row of labels that took the activity's place is data


def _fits(header: Header) -> bool:
    meanings = header.meanings
    return bool(meanings & {Meaning.TITLE, Meaning.ISSUE}) and len(meanings) >= 2


def find_header(table: Table, labels: Labels, explicit: ColumnMap | None = None) -> Header | None:
    """The header row among the first rows of ``table``: the first that names the most
    kinds of column, one of them the activity or the issue; ``None`` when no row does."""
    best: Header | None = None
    for row in range(min(len(table.rows), _SEARCH_ROWS)):
        header = _row_header(table, row, labels, explicit or {})
        if _fits(header) and (best is None or len(header.meanings) > len(best.meanings)):
            best = header
    if best is None:
        return None
    above = _over(table, best, labels, explicit or {})
    return above if above is not None else _with_sub_columns(table, best, labels, explicit or {})


def _over(table: Table, header: Header, labels: Labels, explicit: ColumnMap) -> Header | None:
    """``header`` read with the row above it, when that row is a header too: a header over
    two rows whose merged cells (``Responsibility`` over ``Lead`` and ``Partners``) the
    container repeated on the second row, which then names the most kinds of column."""
    if header.row == 0:
        return None
    top = _row_header(table, header.row - 1, labels, explicit)
    if not _fits(top):
        return None
    merged = _with_sub_columns(table, top, labels, explicit)
    return merged if merged.meanings >= header.meanings and len(merged.rows) == 2 else None


def header_score(tables: Sequence[Table], labels: Labels) -> int:
    """How many kinds of column the best header row of ``tables`` names (0: none fits)."""
    found = [find_header(table, labels) for table in tables]
    return max((len(h.meanings) for h in found if h is not None), default=0)


def _meaning(field: str) -> Meaning:
    name = field.strip().lower().replace("_", "-")
    if name in FIELDS:
        return FIELDS[name]
    try:
        return Meaning.parse(name)
    except ValueError:
        known = ", ".join(sorted({*FIELDS, *(m.value for m in Meaning)}))
        raise FormatError(f"plan-table: option 'columns': unknown field {field!r} (fields: {known})") from None


def _pairs(text: str) -> list[tuple[str, str]]:
    """``field:Title`` pairs separated by commas; a comma inside a title stays."""
    names = sorted({*FIELDS, *(m.value for m in Meaning)}, key=len, reverse=True)
    fields = "|".join(re.escape(f).replace(r"\-", "[-_]") for f in names)  # time-limit or time_limit
    pieces = re.split(rf",\s*(?=(?:{fields})\s*[:=])", text.strip(), flags=re.IGNORECASE)
    pairs = []
    for piece in pieces:
        found = _PAIR.fullmatch(piece)
        if found is None:
            raise FormatError(f"plan-table: option 'columns': expected field:Column title pairs, got {piece!r}")
        pairs.append((found["field"], found["title"].strip()))
    return pairs


_PAIR = re.compile(r"\s*(?P<field>[\w-]+)\s*[:=]\s*(?P<title>\S.*)", re.DOTALL)


def parse_columns(value: object) -> dict[str, tuple[str, Meaning]]:
    """The ``columns`` option: a mapping of field to column title, or the string
    ``"title:Activities,lead:Responsible agencies"``; keyed by the title's label key.

    :raises FormatError: for an unknown field or a value of another sort.
    """
    if value is None:
        return {}
    if isinstance(value, str):
        pairs = _pairs(value)
    elif isinstance(value, Mapping):
        pairs = [(str(field), str(title)) for field, title in value.items()]
    else:
        raise FormatError(f"plan-table: option 'columns' must be a mapping or a string, got {value!r}")
    return {normalise(title): (title, _meaning(field)) for field, title in pairs}
