"""Tables of cells, whatever file they came from, and the layouts that read them.

A plan or a list of recommendations laid out as a table reaches hrplan in a CSV
file, an Excel sheet or a Word table. A *container* importer (one per kind of
file) turns the file into :class:`Table` objects; a *table layout* (one per way
of laying out a table: a plan table, a UPR Info export, a thematic list...)
recognises tables by what their cells hold and reads them into a program.
Layouts are registered through the ``register_table_layouts`` hook and reach
container importers in :attr:`hrplan.ReadContext.table_layouts`, so a new layout
works in every container at once::

    >>> from hrplan.tables import Table
    >>> table = Table((("No.", "Activity"), ("1", "Train judges")), source="plan.csv")
    >>> table.location(1, 1)
    'row 2, column 2'
    >>> table.text(1, 1)
    'Train judges'
"""

from __future__ import annotations

import datetime
import inspect
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from hrplan.errors import FormatError, InputError, Problem

if TYPE_CHECKING:
    from hrplan.context import ReadContext
    from hrplan.plugins import ImportResult

__all__ = ["CellValue", "Table", "TableLayout", "choose_layout", "column_letter", "read_tables"]

#: What one cell may hold: text, a number, a date, a truth value, or nothing.
CellValue = str | int | float | bool | datetime.date | datetime.datetime | None

#: How many leading rows of each table an error shows when no layout fits.
_SHOWN_ROWS = 3


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (``0`` -> ``A``, ``27`` -> ``AB``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _rows(value: Sequence[Sequence[CellValue]]) -> tuple[tuple[CellValue, ...], ...]:
    return tuple(tuple(row) for row in value)


@attrs.frozen
class Table:
    """A grid of cells read from one CSV file, one sheet or one Word table.

    Rows may have different lengths; a missing cell reads as ``None``.

    :ivar rows: the cells, row by row, as the container read them (merged cells
        carry their value in every cell they cover when the container can tell).
    :ivar source: the file the table came from (for findings).
    :ivar sheet: where in the file: a sheet name for Excel, ``"table 2"`` for the
        second table of a Word document, ``None`` for a CSV file.
    :ivar spreadsheet: whether locations name columns by letter (``column C``).
    :ivar first_row: the container's row number of ``rows[0]`` (1-based).
    """

    rows: tuple[tuple[CellValue, ...], ...] = attrs.field(converter=_rows)
    source: str = ""
    sheet: str | None = None
    spreadsheet: bool = False
    first_row: int = 1

    @property
    def width(self) -> int:
        """The number of columns of the widest row."""
        return max((len(row) for row in self.rows), default=0)

    def value(self, row: int, column: int) -> CellValue:
        """The cell at 0-based ``row`` and ``column``, ``None`` past a row's end."""
        cells = self.rows[row]
        return cells[column] if column < len(cells) else None

    def text(self, row: int, column: int) -> str:
        """The cell as stripped text (``""`` for an empty cell; dates in ISO form)."""
        value = self.value(row, column)
        if value is None:
            return ""
        if isinstance(value, datetime.datetime | datetime.date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def location(self, row: int, column: int | None = None) -> str:
        """Where a 0-based cell is, in the words of the container (``sheet 'Plan', row 5, column C``)."""
        parts = [f"sheet {self.sheet!r}" if self.spreadsheet and self.sheet else self.sheet or ""]
        parts.append(f"row {self.first_row + row}")
        if column is not None:
            parts.append(f"column {column_letter(column) if self.spreadsheet else column + 1}")
        return ", ".join(part for part in parts if part)

    def leading_rows(self, count: int = _SHOWN_ROWS) -> list[tuple[int, str]]:
        """The first ``count`` non-empty rows: their 0-based index and ``a | b | c`` text (for messages)."""
        shown = []
        for index in range(len(self.rows)):
            cells = [self.text(index, c) for c in range(len(self.rows[index]))]
            if any(cells):
                shown.append((index, " | ".join(cells).strip(" |")))
            if len(shown) == count:
                break
        return shown


@runtime_checkable
class TableLayout(Protocol):
    """A way of laying out a table, recognised by what its cells hold.

    ``recognise`` returns how sure it is that ``tables`` are in this layout, from
    0 (not at all) to 1 (certain: its own exact columns); a specific layout (the
    columns of one export) should score above a general one (any plan table). A
    layout whose ``recognise`` takes a keyword argument ``context`` is given the
    :class:`~hrplan.context.ReadContext` of the read, with the labels plugins
    registered (``recognise(self, tables, *, context=None)``).
    """

    name: str
    description: str

    def recognise(self, tables: Sequence[Table]) -> float:
        """How sure this layout is that it can read ``tables`` (0 to 1)."""

    def read(self, tables: Sequence[Table], *, context: ReadContext, **options: Any) -> ImportResult:
        """Read ``tables`` into a program, with findings for what could not be read."""


def _score(layout: TableLayout, tables: Sequence[Table], context: ReadContext | None) -> float:
    try:
        if context is not None and _takes_context(layout):
            return float(layout.recognise(tables, context=context))  # type: ignore[call-arg]
        return float(layout.recognise(tables))
    except Exception as exc:  # one broken layout must not stop the others
        warnings.warn(f"table layout {layout.name!r} failed to recognise: {type(exc).__name__}: {exc}", stacklevel=3)
        return 0.0


def _takes_context(layout: TableLayout) -> bool:
    """Whether ``layout.recognise`` takes ``context`` (an optional argument: older layouts do not)."""
    try:
        parameters = inspect.signature(layout.recognise).parameters
    except (TypeError, ValueError):
        return False
    return "context" in parameters or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())


def _nothing_fits(tables: Sequence[Table], layouts: Sequence[TableLayout]) -> InputError:
    source = next((t.source for t in tables if t.source), "<tables>")
    known = ", ".join(f"{layout.name} ({layout.description})" for layout in layouts) or "none"
    problems = [Problem("", f"no table layout recognises these tables; layouts hrplan knows: {known}")]
    for table in tables:
        for index, line in table.leading_rows():
            problems.append(Problem(table.location(index), f"found: {line}"))
    hint = ("a plan table whose headers use other words is read by naming its columns: option columns= "
            "(-I columns=\"title:Measure,lead:Responsible body,time-limit:Deadline\") or labels=; see docs/tables.md")
    return InputError(source, [*problems, Problem("", hint)])


def choose_layout(
    tables: Sequence[Table],
    layouts: Sequence[TableLayout],
    name: str | None = None,
    *,
    context: ReadContext | None = None,
) -> TableLayout:
    """The layout named ``name``, else the one most sure it can read ``tables``.

    On a tie the layout registered first wins. ``context`` goes to the layouts
    whose ``recognise`` takes it.

    :raises FormatError: when ``name`` is not a known layout.
    :raises InputError: when no layout recognises the tables; it shows the
        leading rows of each table and the layouts known.
    """
    if name is not None:
        for layout in layouts:
            if layout.name == name:
                return layout
        known = ", ".join(layout.name for layout in layouts) or "none"
        raise FormatError(f"no table layout called {name!r} (available: {known})")
    best: tuple[float, TableLayout] | None = None
    for layout in layouts:
        score = _score(layout, tables, context)
        if score > 0 and (best is None or score > best[0]):
            best = (score, layout)
    if best is None:
        raise _nothing_fits(tables, layouts)
    return best[1]


def read_tables(
    tables: Sequence[Table],
    *,
    context: ReadContext,
    layout: str | None = None,
    source: str | None = None,
    **options: Any,
) -> ImportResult:
    """Read ``tables`` with the layout from ``context`` that fits them best.

    Container importers call this once they have turned their file into tables;
    ``layout`` (the ``-I layout=NAME`` option) forces one, and ``options`` go to
    the layout's ``read``. ``source``, the file's name, names it in the error
    when it has no table.

    :raises InputError: when there is no table or no layout recognises them.
    """
    if not tables or not any(table.rows for table in tables):
        source = next((t.source for t in tables if t.source), source or "<tables>")
        raise InputError(source, [Problem("", "no table with any row was found")])
    chosen = choose_layout(tables, context.table_layouts, layout, context=context)
    return chosen.read(tables, context=context, **options)
