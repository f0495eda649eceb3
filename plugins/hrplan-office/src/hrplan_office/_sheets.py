"""Excel workbooks as :class:`hrplan.tables.Table` objects, one per sheet (openpyxl)."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

import hrplan
import openpyxl
from hrplan.tables import CellValue, Table
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["EMPTY_ROWS_APART", "FULL_MODE_LIMIT", "MAX_FILLED_CELLS", "workbook_tables"]

#: Workbooks up to this many bytes are opened in full mode, where merged cells
#: are known and filled; larger ones are streamed (merged cells read as blank
#: below and right of their first cell, which layouts treat as continuing).
FULL_MODE_LIMIT = 8 * 1024 * 1024
#: Merged cells may cover at most this many cells of a workbook opened in full mode (more, and
#: it is streamed), and fill at most this many of one sheet (no plan comes near).
MAX_FILLED_CELLS = 100_000
#: Rows this many empty rows apart are two tables.
EMPTY_ROWS_APART = 1000


def _cell(value: Any) -> CellValue:
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    if value is None or isinstance(value, str | int | float | bool | datetime.date):
        return value
    return str(value)  # formulas' error values, rich text and the like


#: The values of a sheet: its rows that hold any, by 1-based row number, each as long as its last value.
_Rows = dict[int, list[CellValue]]


def _fill_merged(sheet: Worksheet, rows: _Rows, source: str) -> None:
    """Every cell a merged range covers holds the value of its first cell, in the rows and
    columns that hold values (a range may cover the whole sheet)."""
    width = max((len(cells) for cells in rows.values()), default=0)
    budget = MAX_FILLED_CELLS
    for merged in sheet.merged_cells.ranges:
        first = rows.get(merged.min_row)
        left = merged.min_col - 1
        if first is None or left >= len(first) or first[left] in (None, ""):
            continue
        value, right = first[left], min(merged.max_col, width)
        for number in [n for n in rows if merged.min_row <= n <= merged.max_row]:
            cells = rows[number]
            budget -= max(0, right - len(cells)) + (right - left)
            if budget < 0:
                problem = hrplan.Problem(f"sheet {sheet.title!r}", f"merged cells cover more than {MAX_FILLED_CELLS:,} "
                                         "cells: not a table hrplan reads")  # fmt: skip
                raise hrplan.InputError(source, [problem])
            cells.extend([None] * (right - len(cells)))
            cells[left:right] = [value] * (right - left)


def _trimmed(cells: list[CellValue]) -> list[CellValue]:
    while cells and cells[-1] in (None, ""):
        cells.pop()
    return cells


def _sheet_rows(sheet: Any, full: bool, source: str) -> _Rows:
    """The rows of ``sheet`` that hold values.

    Only the cells the file holds are read: openpyxl's ``iter_rows`` gives every
    cell of the rectangle up to the last row and column, 17 billion cells for a
    sheet with one value in its last cell.
    """
    rows = _full_rows(sheet) if full else _streamed_rows(sheet)
    if full:
        _fill_merged(sheet, rows, source)
    return {number: cells for number, cells in rows.items() if _trimmed(cells)}


def _blocks(rows: _Rows) -> list[tuple[int, list[list[CellValue]]]]:
    """The rows cut at every run of :data:`EMPTY_ROWS_APART` empty rows or more, each part with
    the sheet's number of its first row: values far below a table are a table of their own,
    and the empty rows between them are never made (a value in a sheet's last row would make
    a million rows)."""
    blocks: list[tuple[int, list[list[CellValue]]]] = []
    for number in sorted(rows):
        if blocks and number - (blocks[-1][0] + len(blocks[-1][1])) < EMPTY_ROWS_APART:
            first, part = blocks[-1]
            part.extend([] for _ in range(number - first - len(part)))
            part.append(rows[number])
        else:
            blocks.append((number, [rows[number]]))
    return blocks


def _full_rows(sheet: Worksheet) -> _Rows:
    cells = getattr(sheet, "_cells", None)  # openpyxl's store of the cells the file holds
    if not isinstance(cells, dict):
        return {n: [_cell(v) for v in values] for n, values in enumerate(sheet.iter_rows(values_only=True), 1)}
    rows: _Rows = {}
    for (row, column), cell in cells.items():
        value = _cell(cell.value)
        if value is None:
            continue
        cells_of_row = rows.setdefault(row, [])
        if len(cells_of_row) < column:
            cells_of_row.extend([None] * (column - len(cells_of_row)))
        cells_of_row[column - 1] = value
    return rows


def _streamed_rows(sheet: Any) -> _Rows:
    sheet.reset_dimensions()  # rows as long as their own cells, not the sheet's stated width
    return {n: [_cell(v) for v in values] for n, values in enumerate(sheet.iter_rows(values_only=True), 1) if values}


_LARGEST_SHEET_XML = 64 * 1024 * 1024
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"')


def _merged_area(data: bytes) -> int:
    """How many cells the merged ranges of every sheet cover, read from the package's XML:
    openpyxl makes an object for each covered cell as it opens a workbook in full mode."""
    area = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for info in package.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    if info.file_size > _LARGEST_SHEET_XML:
                        return MAX_FILLED_CELLS + 1  # streamed, as a large file is
                    for ref in _MERGE.findall(package.read(info)):
                        left, top, right, bottom = range_boundaries(ref.decode())
                        area += max(0, (right or 0) - (left or 0) + 1) * max(0, (bottom or 0) - (top or 0) + 1)
    except (zipfile.BadZipFile, OSError, ValueError, TypeError, KeyError, NotImplementedError, EOFError):
        return 0  # openpyxl says what is wrong with the file
    return area


def workbook_tables(data: bytes, source: str) -> list[Table]:
    """One table per sheet of the workbook in ``data``, empty sheets left out.

    A workbook is opened in full mode (merged cells known) up to
    :data:`FULL_MODE_LIMIT` bytes and :data:`MAX_FILLED_CELLS` merged cells, else streamed.

    :raises InputError: when ``data`` is not a workbook openpyxl can open.
    """
    full = len(data) <= FULL_MODE_LIMIT and _merged_area(data) <= MAX_FILLED_CELLS
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=not full, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        problem = hrplan.Problem("", f"not an Excel workbook openpyxl can open: {type(exc).__name__}: {exc}")
        raise hrplan.InputError(source, [problem]) from exc
    try:
        return [
            Table(rows, source=source, sheet=sheet.title, first_row=first, spreadsheet=True)
            for sheet in book.worksheets
            for first, rows in _blocks(_sheet_rows(sheet, full, source))
        ]
    finally:
        book.close()
