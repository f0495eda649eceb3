"""Word documents as :class:`hrplan.tables.Table` objects, one per table (python-docx)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import hrplan
from docx.table import Table as DocxTable
from hrplan.tables import Table

__all__ = ["document_tables"]


def _grid(table: DocxTable, cells: list[Any]) -> list[list[str]]:
    width = max(len(table.columns), 1)
    texts: dict[int, str] = {}
    rows = []
    for start in range(0, len(cells), width):
        row = []
        for cell in cells[start : start + width]:
            key = id(cell._tc)
            if key not in texts:
                texts[key] = cell.text.strip()
            row.append(texts[key])
        rows.append(row)
    return rows


def _open(data: bytes, source: str) -> Any:
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        problem = hrplan.Problem("", f"not a Word document python-docx can open: {type(exc).__name__}: {exc}")
        raise hrplan.InputError(source, [problem]) from exc


def document_tables(data: bytes, source: str) -> list[Table]:
    """One table per table of the Word document in ``data`` (``table 1``, ``table 2``...).

    Tables nested inside a cell are read as their own tables, after the one
    that holds them.

    :raises InputError: when ``data`` is not a Word document python-docx can open.
    """
    document = _open(data, source)
    tables: list[Table] = []
    pending: list[DocxTable] = list(document.tables)
    while pending:
        table = pending.pop(0)
        # Table._cells walks the table once and repeats a merged cell in every grid
        # position it covers; row.cells would walk the whole table again per row.
        cells = table._cells
        tables.append(Table(_grid(table, cells), source=source, sheet=f"table {len(tables) + 1}"))
        unique = {id(cell._tc): cell for cell in cells}.values()
        pending[:0] = [inner for cell in unique for inner in cell.tables]
    return tables
