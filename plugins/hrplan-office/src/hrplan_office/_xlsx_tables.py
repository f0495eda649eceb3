"""The ``xlsx`` importer: an Excel workbook as tables, read by the table layout that fits.

Every sheet becomes one :class:`hrplan.tables.Table` (typed cells as openpyxl
reads them); :func:`hrplan.tables.read_tables` then hands them to the layout
most sure it can read them: the ``hrplan-workbook`` layout for a workbook the
``xlsx`` exporter wrote, other layouts (plan tables, recommendation exports)
for other workbooks.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from typing import Any, BinaryIO

import hrplan
from hrplan.context import ReadContext
from hrplan.tables import Table, read_tables
from openpyxl import load_workbook

from hrplan_office._workbook_layout import WORKBOOK_CODES, WorkbookLayout

__all__ = ["XlsxImporter", "workbook_tables"]


def workbook_tables(data: bytes, source: str) -> list[Table]:
    """Every sheet of the workbook in ``data`` as a table (values, not formulas).

    :raises hrplan.InputError: when ``data`` is not an Excel workbook.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        problem = hrplan.Problem("", f"not an Excel workbook (.xlsx): {type(exc).__name__}: {exc}")
        raise hrplan.InputError(source, [problem]) from None
    except Exception as exc:  # openpyxl raises its own errors for damaged parts
        problem = hrplan.Problem("", f"cannot read the workbook: {type(exc).__name__}: {exc}")
        raise hrplan.InputError(source, [problem]) from None
    try:
        return [
            Table(tuple(tuple(row) for row in ws.iter_rows(values_only=True)), source, ws.title, spreadsheet=True)
            for ws in book.worksheets
        ]
    finally:
        book.close()


class XlsxImporter:
    """Reads an Excel workbook with the table layout that recognises its sheets."""

    name = "xlsx"
    extensions = (".xlsx",)
    description = "Excel workbook (an hrplan workbook, or a table a registered layout recognises)"
    codes = WORKBOOK_CODES

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> hrplan.ImportResult:
        """Read the workbook in ``fp``.

        :param layout: the name of the table layout to use (default: the one that
            recognises the sheets best).
        :param options: the others go to the layout (``program_id``, ``title``...).
        :raises hrplan.InputError: when the file is not a workbook, or no layout recognises it.
        """
        source = str(getattr(fp, "name", "<stream>"))
        tables = workbook_tables(fp.read(), source)
        layouts = context.table_layouts if context is not None else ()
        if not any(isinstance(layout, WorkbookLayout) for layout in layouts):
            layouts = (*layouts, WORKBOOK_LAYOUT)
        chosen = (context or ReadContext()).evolve(table_layouts=layouts)
        return read_tables(tables, context=chosen, **options)

    def sniff(self, head: bytes) -> bool:
        """A zip archive holding an ``xl/`` folder (the first entries' names are not compressed)."""
        return head.startswith(b"PK\x03\x04") and b"xl/" in head


WORKBOOK_LAYOUT = WorkbookLayout()
