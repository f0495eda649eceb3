"""Built-in plugin ``hrplan.csv-table``: any delimited text file as a table, read by a table layout.

The importer ``csv-table`` takes a CSV file whose header is not hrplan's own
(``csv``) nor a UPR export (``upr-csv``), which come before it in sniffing
order: a plan table saved from a spreadsheet, with a title above the header,
in UTF-8 or a single-byte encoding, separated by commas, semicolons or tabs.
It turns the file into one :class:`hrplan.tables.Table` and hands it to the
table layout that recognises it (``plan-table`` for a plan), see ``docs/tables.md``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any, BinaryIO

import attrs

from hrplan.builtins.plan_table import PLAN_TABLE
from hrplan.context import ReadContext
from hrplan.decoding import UTF8, decode, decode_as, normalise_newlines
from hrplan.delimited import DELIMITERS, cells_of_any_size, quote_problems, shape, sniff_delimiter
from hrplan.errors import FormatError, InputError, Problem
from hrplan.findings import Finding, Severity
from hrplan.plugins import ImportResult, hookimpl
from hrplan.tables import Table, read_tables

__all__ = ["CODES", "CSV_TABLE", "DELIMITERS", "CsvTableImporter", "register_importers", "sniff_delimiter"]

#: The codes of the findings the container reports (the layout reports its own).
CODES: dict[str, str] = {
    "CT001": "how the file was decoded: not UTF-8, or mojibake repaired (information)",
    "CT002": "a quote never closed, or closed far below: the rows after it were read into one cell",
}

#: How many lines the delimiter is judged on.
_SAMPLE_LINES = 40


#: Control bytes text does not hold (tab, line feed, form feed and carriage return are text).
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def _looks_like_text(head: bytes) -> bool:
    """No control byte in the first bytes: not a zip package, a PDF or an old Office file."""
    return not any(byte in _CONTROL for byte in head[:1024])


def _head_lines(text: str) -> str:
    return "\n".join(normalise_newlines(text).split("\n", _SAMPLE_LINES)[:_SAMPLE_LINES])


class CsvTableImporter:
    """Reads a delimited text file as one table and hands it to the table layout that fits."""

    name = "csv-table"
    extensions: tuple[str, ...] = (".tsv", ".tab")
    description = "a table in a CSV or TSV file (any header: a plan table), read by a table layout"
    codes = CODES

    def sniff(self, head: bytes) -> bool:
        """Delimited text: three records (or two of three cells or more) with the same number of
        cells, and no byte that text does not have (a zip package, a PDF)."""
        if not _looks_like_text(head):
            return False
        sample = _head_lines(head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace"))
        delimiter = sniff_delimiter(sample)
        if delimiter is None:
            return False
        rows, width = shape(sample, delimiter)
        return rows >= 3 or (rows >= 2 and width >= 3)

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> ImportResult:
        """Read the file as a table and the table with the layout that recognises it.

        :param delimiter: ``,``, ``;``, a tab or ``|`` (default: sniffed).
        :param encoding: a Python codec name (default: UTF-8, else Windows-1252
            or Mac Roman, whichever reads as text).
        :param layout: the table layout to use (default: the one that recognises
            the table; ``plan-table`` when the ``columns`` option is given).
        :raises InputError: when the file is empty or not delimited text.
        Other options go to the layout (``docs/tables.md``).
        """
        source = str(getattr(fp, "name", "<stream>"))
        text, decoded = self._decode(fp.read(), options.pop("encoding", None), source)
        delimiter = options.pop("delimiter", None) or sniff_delimiter(_head_lines(text)) or ","
        if delimiter not in DELIMITERS:
            raise FormatError(f"csv-table: option 'delimiter' must be one of {', '.join(map(repr, DELIMITERS))}")
        records = self._records(text, delimiter, source)
        table = Table(records, source=source)
        layout = options.pop("layout", None)
        if layout is None and "columns" in options:
            layout = PLAN_TABLE.name
        chosen = context if context is not None else ReadContext(table_layouts=(PLAN_TABLE,))
        result = read_tables([table], context=chosen, layout=layout, **options)
        found: list[Finding] = []
        if decoded is not None:
            found.append(Finding(Severity.INFO, "CT001", f"decoded as {decoded}", "", source))
        for index, message in quote_problems(records, text, delimiter):
            found.append(Finding(Severity.ERROR, "CT002", message, table.location(index), source))
        return attrs.evolve(result, findings=(*found, *result.findings)) if found else result

    @staticmethod
    def _decode(data: bytes, encoding: object, source: str) -> tuple[str, str | None]:
        """The text, and how it was decoded when that is worth saying (not UTF-8, repaired)."""
        if encoding is None:
            found = decode(data)
            plain = found.encoding in UTF8 and not found.repaired
            return found.text, None if plain else found.describe()
        return decode_as(data, str(encoding), fmt="csv-table", source=source, detects=True), None

    @staticmethod
    def _records(text: str, delimiter: str, source: str) -> list[list[str]]:
        with cells_of_any_size():
            try:
                reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
                return [record for record in reader]
            except csv.Error as exc:
                raise InputError(source, [Problem("", f"not delimited text: {exc}")]) from None


CSV_TABLE = CsvTableImporter()


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the delimited-table importer."""
    register(CSV_TABLE)
