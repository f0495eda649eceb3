"""The ``xlsx`` and ``docx`` importers: Office files as tables, read by a table layout.

They only turn a file into :class:`hrplan.tables.Table` objects; which layout
reads them (a plan table, a recommendations export, a thematic list, hrplan's
own workbook...) is chosen by what the cells hold, from the layouts in the read
context, or forced with the ``layout`` option.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from hrplan.context import ReadContext
from hrplan.plugins import ImportResult
from hrplan.tables import Table, read_tables

from hrplan_office._sheets import workbook_tables
from hrplan_office._word_tables import document_tables
from hrplan_office._zip import is_package_of

__all__ = ["DocxImporter", "XlsxImporter", "register_containers"]


def _source(fp: BinaryIO) -> str:
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) else "<stream>"


class _Container:
    """Reads a file into tables with ``to_tables`` and hands them to a layout."""

    name: str
    extensions: tuple[str, ...]
    description: str
    part_prefix: bytes
    to_tables: Callable[[bytes, str], list[Table]]

    def sniff(self, head: bytes) -> bool:
        """Whether ``head`` starts an Office package of this kind."""
        return is_package_of(head, self.part_prefix)

    def read(
        self, fp: BinaryIO, *, context: ReadContext | None = None, layout: str | None = None, **options: Any
    ) -> ImportResult:
        """Read the tables of ``fp`` with the layout that recognises them (or ``layout``).

        A ``columns`` option (a column map) chooses the ``plan-table`` layout.

        :raises InputError: when the file cannot be opened or no layout fits.
        """
        source = _source(fp)
        tables = type(self).to_tables(fp.read(), source)
        if layout is None and "columns" in options:  # a column map is for a plan table
            layout = "plan-table"
        return read_tables(tables, context=context or ReadContext(), layout=layout, source=source, **options)


class XlsxImporter(_Container):
    """Excel workbooks (``.xlsx``, ``.xlsm``): every sheet is a table."""

    name = "xlsx"
    extensions = (".xlsx", ".xlsm")
    description = "Excel workbook: each sheet a table, read by the layout that recognises it"
    part_prefix = b"xl/"
    to_tables = staticmethod(workbook_tables)


class DocxImporter(_Container):
    """Word documents (``.docx``): every table is a table."""

    name = "docx"
    extensions = (".docx",)
    description = "Word document: each table read by the layout that recognises it"
    part_prefix = b"word/"
    to_tables = staticmethod(document_tables)


def register_containers(register: Callable[[Any], None]) -> None:
    """Register both containers with ``register`` (the ``register_importers`` callback)."""
    register(XlsxImporter())
    register(DocxImporter())
