"""hrplan-office: an hrplan plugin for the formats officials work in, Excel (.xlsx) and Word (.docx).

It registers its importers and exporters through hrplan's ordinary hooks, so they are
chosen by ``format=`` or by a file's extension and content like any other format.

The ``xlsx`` and ``docx`` importers are *containers*: they turn a workbook's sheets
or a document's tables into :class:`hrplan.tables.Table` objects, and the table
layout that recognises them (a plan table, a recommendations export, a thematic
list...) reads them. ``workbook_tables`` and ``document_tables`` give the tables
themselves, for code of your own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

from hrplan_office._containers import DocxImporter, XlsxImporter, register_containers
from hrplan_office._docx_matrix import NO_MEASURE, UprMatrixDocxExporter, matrix_document
from hrplan_office._docx_report import ReportDocxExporter, report_document
from hrplan_office._docx_treaty import CrcReportDocxExporter, NpmAnnualDocxExporter, markdown_document, parts
from hrplan_office._sheets import workbook_tables
from hrplan_office._word_tables import document_tables
from hrplan_office._workbook_layout import WORKBOOK_CODES, WORKBOOK_LAYOUT, WorkbookLayout
from hrplan_office._workbook_sheets import SHEETS
from hrplan_office._xlsx_export import STATUS_FILLS, XlsxExporter, workbook_bytes

__version__ = "0.1.0"

__all__ = [
    "NO_MEASURE",
    "SHEETS",
    "STATUS_FILLS",
    "WORKBOOK_CODES",
    "CrcReportDocxExporter",
    "DocxImporter",
    "NpmAnnualDocxExporter",
    "ReportDocxExporter",
    "UprMatrixDocxExporter",
    "WorkbookLayout",
    "XlsxExporter",
    "XlsxImporter",
    "__version__",
    "document_tables",
    "markdown_document",
    "matrix_document",
    "parts",
    "register_exporters",
    "register_importers",
    "register_table_layouts",
    "report_document",
    "workbook_bytes",
    "workbook_tables",
]


@hrplan.hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the office importers (hrplan calls this when it loads the plugin)."""
    register_containers(register)


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the office exporters (hrplan calls this when it loads the plugin)."""
    register(XlsxExporter())
    register(ReportDocxExporter())
    register(UprMatrixDocxExporter())
    register(CrcReportDocxExporter())
    register(NpmAnnualDocxExporter())


@hrplan.hookimpl
def register_table_layouts(register: Callable[[Any], None]) -> None:
    """Register the office table layouts (hrplan calls this when it loads the plugin)."""
    register(WORKBOOK_LAYOUT)
