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
from hrplan_office._sheets import workbook_tables
from hrplan_office._word_tables import document_tables

__version__ = "0.1.0"

__all__ = [
    "DocxImporter",
    "XlsxImporter",
    "__version__",
    "document_tables",
    "register_exporters",
    "register_importers",
    "workbook_tables",
]


@hrplan.hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the office importers (hrplan calls this when it loads the plugin)."""
    register_containers(register)


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the office exporters (hrplan calls this when it loads the plugin)."""
