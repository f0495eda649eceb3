"""A CSV file as rows of cells, checked against the header of an hrplan table."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import PurePath

from hrplan.builtins.csv_format._columns import (
    EVENT_COLUMNS,
    INSTITUTION_COLUMNS,
    LONG_COLUMNS,
    MEASURE_COLUMNS,
    OPTIONAL_COLUMNS,
)
from hrplan.cells import restore, split
from hrplan.decoding import decode_utf8, describe_error
from hrplan.delimited import cells_of_any_size, quote_problems
from hrplan.errors import InputError, ModelError, Problem
from hrplan.findings import Finding, Severity
from hrplan.model import Institution, InstitutionKind

__all__ = ["Table", "default_program_id", "read_institutions"]

class Table:
    """The data rows of one CSV file, each cut or padded to the header's width.

    :ivar kind: ``measures``, ``long``, ``institutions`` or ``events``.
    """

    def __init__(self, data: bytes, source: str, sanitize: bool) -> None:
        self.source = source
        self._found: list[tuple[int, Finding]] = []
        try:
            text = decode_utf8(data)
        except UnicodeDecodeError as exc:
            problem = Problem(describe_error(data, exc), "not UTF-8 text (save the file as CSV UTF-8)")
            raise InputError(source, [problem]) from None
        records = self._parse(text)
        for index, message in quote_problems([record for _, record in records], text):
            self.report(Severity.ERROR, "CSV011", index + 1, "", message)
        header = [cell.strip() for cell in records[0][1]] if records else []
        self.kind, self.columns = self._kind(header)
        self._data = records[1:]
        self._width = len(header)
        # A missing optional column reads from the padding cell just past the header's width.
        self._positions = [header.index(c) if c in header else self._width for c in self.columns]
        self._sanitize = sanitize
        self.line = 1

    def _parse(self, text: str) -> list[tuple[int, list[str]]]:
        """Every record with the line it starts on (cells may hold line breaks)."""
        reader = csv.reader(io.StringIO(text, newline=""), strict=False)
        records: list[tuple[int, list[str]]] = []
        with cells_of_any_size():  # the exporter writes cells of any size
            try:
                end = 0
                for record in reader:
                    records.append((end + 1, record))
                    end = reader.line_num
            except csv.Error as exc:
                problem = Problem(f"row {len(records) + 1}", f"not CSV: {exc}")
                raise InputError(self.source, [problem]) from None
        return records

    def _kind(self, header: list[str]) -> tuple[str, tuple[str, ...]]:
        present = set(header)
        layouts = {"measures": MEASURE_COLUMNS, "long": LONG_COLUMNS, "institutions": INSTITUTION_COLUMNS,
                   "events": EVENT_COLUMNS}  # fmt: skip
        for kind, columns in layouts.items():
            if present.issuperset(c for c in columns if c not in OPTIONAL_COLUMNS):
                return kind, columns
        if len(present & {c for columns in layouts.values() for c in columns}) < 2:
            message = ("not an hrplan CSV table: the header has none of its columns (id, parent, chapter, title...); "
                       "a plan table with columns of its own is read with the csv-table importer (--from csv-table, "
                       "format='csv-table'; docs/tables.md)")
            raise InputError(self.source, [Problem("row 1", message)])
        if "name" in present and "title" not in present:
            kind = "institutions"
        else:
            kind = "long" if "institution" in present else "measures"
        columns = layouts[kind]
        missing = ", ".join(c for c in columns if c not in present and c not in OPTIONAL_COLUMNS)
        message = (
            f"not an hrplan CSV {kind} table: missing column(s) {missing} "
            f"(the header of the measures table is {','.join(MEASURE_COLUMNS)})"
        )
        raise InputError(self.source, [Problem("row 1", message)])

    def report(self, severity: Severity, code: str, row: int, column: str, message: str) -> None:
        """Add a finding about ``column`` of ``row`` (no column: the whole row)."""
        where = f"row {row}, column {column}" if column else f"row {row}"
        self._found.append((row, Finding(severity, code, message, where, self.source)))

    @property
    def findings(self) -> list[Finding]:
        """What was reported so far, in row order."""
        return [finding for _row, finding in sorted(self._found, key=lambda pair: pair[0])]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """``(row number, cells in the order of the layout's columns)``; the header is row 1.

        :attr:`line` is the line of the file the row starts on.
        """
        positions, width = self._positions, self._width
        for number, (line, row) in enumerate(self._data, start=2):
            self.line = line
            if not any(row):
                continue  # a blank line holds nothing to keep
            if len(row) != width:
                what = "padded with empty cells" if len(row) < width else "extra cells ignored"
                self.report(Severity.ERROR, "CSV001", number, "",
                            f"{len(row)} cell(s) where the header has {width}; {what}")  # fmt: skip
                row = (row + [""] * width)[:width]
            cells = [row[p] if p < width else "" for p in positions]
            yield number, [restore(c) for c in cells] if self._sanitize else cells


def default_program_id(source: str) -> str:
    """A program id made from the file name (``imported`` for a nameless stream)."""
    if source.startswith("<"):
        return "imported"
    slug = re.sub(r"[^a-z0-9]+", "-", PurePath(source).stem.lower()).strip("-")
    return slug or "imported"


def read_institutions(table: Table) -> list[Institution]:
    """The institutions of an institutions table; unreadable rows are reported."""
    result: dict[str, Institution] = {}
    for row, (key, name, kind, short_name, aliases, parent) in table.rows():
        try:
            kind_value = InstitutionKind(kind.strip() or "other")
        except ValueError:
            known = ", ".join(k.value for k in InstitutionKind)
            table.report(Severity.ERROR, "CSV009", row, "kind",
                         f"unknown institution kind {kind!r} (known: {known}); read as 'other'")  # fmt: skip
            kind_value = InstitutionKind.OTHER
        try:
            institution = Institution(key.strip(), name, kind_value, short_name or None,
                                      tuple(split(aliases)), parent.strip() or None)  # fmt: skip
        except ModelError as exc:
            table.report(Severity.ERROR, "CSV009", row, "id", f"{exc}; row skipped")
            continue
        if institution.id in result:
            table.report(Severity.WARNING, "CSV008", row, "id",
                         f"institution {institution.id!r} is listed twice; the first is kept")  # fmt: skip
            continue
        result[institution.id] = institution
    return list(result.values())
