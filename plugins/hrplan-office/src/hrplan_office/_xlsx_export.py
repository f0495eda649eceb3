"""The ``xlsx`` exporter: a program as an Excel workbook, one sheet per table."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO

import hrplan
from hrplan.options import as_date, check_names
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hrplan_office._package import core_properties, fixed_package
from hrplan_office._workbook_sheets import MARKER, OPTIONAL, PROGRAM_SHEET, SHEETS, Sheet, program_rows, sheet_rows
from hrplan_office._xml_text import escape_text

__all__ = ["STATUS_FILLS", "XLSX_OPTIONS", "XlsxExporter", "workbook_bytes"]

#: The options :meth:`XlsxExporter.export` takes.
XLSX_OPTIONS: tuple[str, ...] = ("as_of",)

#: The background of a row by its status (colour-blind-safe tints, after Okabe and Ito).
STATUS_FILLS: dict[str, str] = {
    "overdue": "F4C7B8",
    "due-soon": "FBE3A6",
    "in-progress": "CDE4F5",
    "completed": "C9EBDD",
    "completed-late": "E4EFC2",
    "not-started": "EEEEEE",
    "ongoing": "E6DAEC",
}

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_WIDEST = 60
#: How many rows are measured to size a column (the rest rarely changes the answer).
_MEASURED_ROWS = 500


def _put(ws: Worksheet, row: int, column: int, value: Any) -> None:
    """One typed cell: text stays text (``2.10``, ``=x``), dates and numbers keep their type."""
    if isinstance(value, str):
        cell = ws.cell(row=row, column=column, value=escape_text(value))
        cell.data_type = "s"  # never a formula, whatever the text starts with
        cell.number_format = "@"
    else:
        cell = ws.cell(row=row, column=column, value=value)
        cell.number_format = "yyyy-mm-dd" if isinstance(value, date) else "0"


def _write_rows(ws: Worksheet, header: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> int:
    widths = [len(name) for name in header]
    for column, name in enumerate(header, 1):
        cell = ws.cell(row=1, column=column, value=name)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    count = 1
    for count, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            if value is not None:
                _put(ws, count, column, value)
                if count <= _MEASURED_ROWS:
                    widths[column - 1] = max(widths[column - 1], len(str(value)))
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = min(width + 2, _WIDEST)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count}"
    return count


def _status_fills(ws: Worksheet, sheet: Sheet, last_row: int) -> None:
    if "status" not in sheet.header or last_row < 2:
        return
    letter = get_column_letter(sheet.header.index("status") + 1)
    cells = f"A2:{get_column_letter(len(sheet.header))}{last_row}"
    for status, colour in STATUS_FILLS.items():
        fill = PatternFill("solid", fgColor=colour, bgColor=colour)
        rule = FormulaRule(formula=[f'${letter}2="{status}"'], fill=fill)  # type: ignore[no-untyped-call]
        ws.conditional_formatting.add(cells, rule)


def _workbook(program: hrplan.Program, as_of: date) -> Workbook:
    wb = Workbook()
    for default in wb.worksheets:  # the empty sheet a new workbook starts with
        wb.remove(default)
    for sheet in SHEETS:
        rows = list(sheet_rows(sheet, program, as_of))
        if sheet.name in OPTIONAL and not rows:
            continue
        ws = wb.create_sheet(sheet.name)
        last = _write_rows(ws, sheet.header, rows)
        _status_fills(ws, sheet, last)
    fields = program_rows(program, as_of)
    ws = wb.create_sheet(PROGRAM_SHEET)
    _write_rows(ws, fields[0], fields[1:])
    wb.custom_doc_props.append(StringProperty(name=MARKER, value="1"))  # type: ignore[attr-defined]
    return wb


def workbook_bytes(program: hrplan.Program, as_of: date) -> bytes:
    """The workbook of ``program``, statuses as of ``as_of``: the bytes :class:`XlsxExporter` writes."""
    buffer = io.BytesIO()
    _workbook(program, as_of).save(buffer)
    core = core_properties(program.title, f"hrplan workbook of {program.id}, status as of {as_of}")
    return fixed_package(buffer.getvalue(), core, ("[Content_Types].xml", "_rels/.rels", "docProps/custom.xml"))


class XlsxExporter:
    """Writes a program as an Excel workbook: one sheet per table, typed cells."""

    name = "xlsx"
    extensions = (".xlsx",)
    media_type = _XLSX_MEDIA
    description = "Excel workbook: measures with status, institutions, events, recommendations, progress"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write ``program`` as an .xlsx workbook.

        :param as_of: the day the ``status`` columns are judged on (default today).
        :raises hrplan.FormatError: for an unknown option or a bad value.
        """
        check_names(self.name, options, XLSX_OPTIONS)
        fp.write(workbook_bytes(program, as_of_option(self.name, options)))


def as_of_option(name: str, options: dict[str, Any]) -> date:
    """The ``as_of`` option (default today)."""
    return as_date(name, "as_of", options.get("as_of"))
