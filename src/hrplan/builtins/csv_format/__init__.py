"""Built-in plugin ``hrplan.csv``: measures (and institutions, events) as CSV tables.

RFC 4180 CSV: comma-separated, double-quote quoting, CRLF line endings, UTF-8
(optionally with a byte-order mark for Excel). ``docs/formats.md`` lists the
columns, options, the formula-injection rule and the finding codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from hrplan.builtins.csv_format._columns import MEASURE_COLUMNS
from hrplan.builtins.csv_format._events import read_events
from hrplan.builtins.csv_format._export import event_rows, institution_rows, measure_rows
from hrplan.builtins.csv_format._import import read_measures
from hrplan.builtins.csv_format._lines import write_rows
from hrplan.builtins.csv_format._table import Table, default_program_id, read_institutions
from hrplan.context import ReadContext
from hrplan.decoding import file_bytes
from hrplan.errors import FormatError, InputError, ModelError, Problem
from hrplan.findings import Finding
from hrplan.model import Chapter, Event, Institution, Program, lenient
from hrplan.options import as_date as day
from hrplan.options import check_names, choice, flag
from hrplan.plugins import ImportResult, hookimpl

__all__ = ["CODES", "CsvFormat", "register_exporters", "register_importers"]

#: The codes of the findings the importer reports.
CODES: dict[str, str] = {
    "CSV001": "a row has more or fewer cells than the header (padded or cut)",
    "CSV002": "a measure number cannot be read (the row is skipped)",
    "CSV003": "a parent does not exist or is the measure itself or below it (put at the top level)",
    "CSV004": "a chapter number cannot be read (taken from the measure number)",
    "CSV005": "a time-limit cannot be read from its columns (read from its text, else kept unparsed)",
    "CSV006": "an implementer cannot be read (unknown role, counts that differ, bad institution id)",
    "CSV007": "an SDG number is not a number from 1 to 17 (left out)",
    "CSV008": "repeated data that disagrees (measure number used twice, chapter or name differs)",
    "CSV009": "an institutions-table row cannot be read (unknown kind, bad id)",
    "CSV010": "an events-table cell cannot be read (bad date: row skipped; else read as 'other' or left out)",
    "CSV011": "a quote never closed, or closed far below: the rows after it were read into one cell",
}

_EXPORT_OPTIONS = ("as_of", "bom", "layout", "sanitize", "table")
_IMPORT_OPTIONS = ("events", "institutions", "program_id", "sanitize", "title")
_HEADER = ",".join(MEASURE_COLUMNS[:3]).encode()


def _write(fp: BinaryIO, rows: Iterable[tuple[str, ...]], bom: bool) -> None:
    if bom:
        fp.write(b"\xef\xbb\xbf")
    write_rows(fp, rows)


def _read_option(option: str, source: object, sanitize: bool, kind: str) -> Table:
    """The table of kind ``kind`` in the path or binary file given as ``option``."""
    data, name = _read_source(option, source)
    table = Table(data, name, sanitize)
    if table.kind != kind:
        raise FormatError(f"csv: option {option!r}: {name} is not an {kind} table")
    return table


def _read_source(option: str, source: object) -> tuple[bytes, str]:
    """The bytes and name of a path or binary file given as an option."""
    if isinstance(source, str | os.PathLike):
        return file_bytes(source), os.fspath(source)
    read = getattr(source, "read", None)
    if read is None:
        raise FormatError(f"csv: option {option!r} must be a path or a binary file, got {source!r}")
    data = read()
    if isinstance(data, str):
        data = data.encode()
    return bytes(data), str(getattr(source, "name", f"<{option}>"))


class CsvFormat:
    """Writes the measures, institutions or events of a program as CSV; reads them back."""

    name = "csv"
    extensions = (".csv",)
    media_type = "text/csv"
    description = "CSV tables (one row per measure; institutions, events) for spreadsheets"
    codes = CODES

    def rows(self, program: Program, **options: Any) -> Iterator[tuple[str, ...]]:
        """The rows :meth:`export` writes, header first (options as for :meth:`export`)."""
        check_names("csv", options, _EXPORT_OPTIONS)
        table = choice("csv", "table", options.get("table", "measures"), ("measures", "institutions", "events"))
        layout = choice("csv", "layout", options.get("layout", "measures"), ("measures", "long"))
        sanitize = flag("csv", "sanitize", options.get("sanitize", True))
        as_of = day("csv", "as_of", options.get("as_of"))
        if layout == "long" and table != "measures":
            raise FormatError("csv: option 'layout' applies only to table='measures'")
        if table == "institutions":
            return institution_rows(program, sanitize=sanitize)
        if table == "events":
            return event_rows(program, sanitize=sanitize)
        return measure_rows(program, as_of, sanitize=sanitize, long=layout == "long")

    def export(self, program: Program, fp: BinaryIO, **options: Any) -> None:
        """Write one table of ``program`` as CSV.

        :param table: ``measures`` (default), ``institutions`` or ``events``.
        :param layout: ``measures`` (one row per measure, default) or ``long``
            (one row per measure and implementing institution).
        :param bom: start with a UTF-8 byte-order mark (default false).
        :param sanitize: neutralise formula injection (default true).
        :param as_of: the day the ``status`` column is judged on (default today).
        """
        rows = self.rows(program, **options)  # checks every option before writing anything
        _write(fp, rows, flag("csv", "bom", options.get("bom", False)))

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> ImportResult:
        """Read a measures table (either layout) or an institutions table.

        :param program_id: the program's id (default: from the file name, else ``imported``).
        :param title: the program's title (default: the file name, else ``Imported program``).
        :param sanitize: strip the quote the exporter adds against formula injection (default true).
        :param institutions: a path or binary file holding the institutions table,
            to complete the registry (kinds, short names, aliases, parents).
        :param events: a path or binary file holding the events table, to add its events.
        :param context: the read context: its vocabularies read ``time_limit`` texts
            that have no structured columns (default: English alone).
        :raises InputError: when the header is not that of an hrplan CSV table, or is
            that of the events table (give it with ``events=`` instead).
        """
        check_names("csv", options, _IMPORT_OPTIONS)
        sanitize = flag("csv", "sanitize", options.get("sanitize", True))
        source = str(getattr(fp, "name", "<stream>"))
        table = Table(fp.read(), source, sanitize)
        findings: list[Finding] = []
        chapters: list[Chapter] = []
        events: list[Event] = []
        if table.kind == "events":
            message = "the events table cannot be the main input; read the measures table with the option events="
            raise InputError(source, [Problem("row 1", message)])
        if table.kind == "institutions":
            registry = read_institutions(table)
        else:
            chapters, registry = read_measures(table, context.vocabularies if context is not None else ())
        findings += table.findings
        if options.get("institutions") is not None:
            extra = _read_option("institutions", options["institutions"], sanitize, "institutions")
            full = {i.id: i for i in read_institutions(extra)}
            findings += extra.findings
            registry = [*full.values(), *(i for i in registry if i.id not in full)]
        if options.get("events") is not None:
            extra = _read_option("events", options["events"], sanitize, "events")
            events = read_events(extra)
            findings += extra.findings
        program = self._program(source, options, chapters, registry, events)
        return ImportResult(program, tuple(findings))

    @staticmethod
    def _program(
        source: str,
        options: dict[str, Any],
        chapters: list[Chapter],
        registry: list[Institution],
        events: list[Event],
    ) -> Program:
        program_id = options.get("program_id") or default_program_id(source)
        stem = os.path.splitext(os.path.basename(source))[0]
        title = options.get("title") or (stem if not source.startswith("<") and stem else "Imported program")
        try:
            with lenient():
                return Program(str(program_id), str(title), chapters=tuple(chapters), institutions=registry,
                               events=tuple(events))  # fmt: skip
        except ModelError as exc:
            raise FormatError(f"csv: cannot build the program: {exc}") from exc

    def sniff(self, head: bytes) -> bool:
        """A measures table: its header starts ``id,parent,chapter``."""
        return head.removeprefix(b"\xef\xbb\xbf").startswith(_HEADER)


CSV = CsvFormat()


@hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the CSV exporter."""
    register(CSV)


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the CSV importer."""
    register(CSV)
