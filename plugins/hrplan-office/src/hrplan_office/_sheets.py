"""Excel workbooks as :class:`hrplan.tables.Table` objects, one per sheet (openpyxl)."""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

import hrplan
import openpyxl
from hrplan.tables import CellValue, Table
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FULL_MODE_LIMIT", "workbook_tables"]

#: Workbooks up to this many bytes are opened in full mode, where merged cells
#: are known and filled; larger ones are streamed (merged cells read as blank
#: below and right of their first cell, which layouts treat as continuing).
FULL_MODE_LIMIT = 8 * 1024 * 1024


def _cell(value: Any) -> CellValue:
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    if value is None or isinstance(value, str | int | float | bool | datetime.date):
        return value
    return str(value)  # formulas' error values, rich text and the like


def _fill_merged(sheet: Worksheet, rows: list[list[CellValue]]) -> None:
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in range(top, min(merged.max_row, len(rows))):
            cells = rows[row]
            cells.extend([None] * (merged.max_col - len(cells)))
            for column in range(left, merged.max_col):
                cells[column] = value


def _trim(rows: list[list[CellValue]]) -> list[list[CellValue]]:
    for cells in rows:
        while cells and cells[-1] in (None, ""):
            cells.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _sheet_rows(sheet: Any, full: bool) -> list[list[CellValue]]:
    rows = [[_cell(v) for v in values] for values in sheet.iter_rows(values_only=True)]
    if full:
        _fill_merged(sheet, rows)
    return _trim(rows)


def workbook_tables(data: bytes, source: str) -> list[Table]:
    """One table per sheet of the workbook in ``data``, empty sheets left out.

    :raises InputError: when ``data`` is not a workbook openpyxl can open.
    """
    full = len(data) <= FULL_MODE_LIMIT
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=not full, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        problem = hrplan.Problem("", f"not an Excel workbook openpyxl can open: {type(exc).__name__}: {exc}")
        raise hrplan.InputError(source, [problem]) from exc
    try:
        return [
            Table(rows, source=source, sheet=sheet.title, spreadsheet=True)
            for sheet in book.worksheets
            if (rows := _sheet_rows(sheet, full))
        ]
    finally:
        book.close()
