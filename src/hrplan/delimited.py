"""Delimited text: which delimiter a sample of CSV-like text uses.

The one sniffer of the importers that read delimited text (``csv-table``, the
events spreadsheet): the delimiter that splits the most records into the same
number of cells wins. Python's :class:`csv.Sniffer` guesses from how often each
character appears and is thrown by a title line or by commas inside cells.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections import Counter
from collections.abc import Iterator, Sequence

__all__ = [
    "DELIMITERS",
    "cells_of_any_size",
    "quote_problems",
    "record_spans",
    "rows_in_cells",
    "rowlike_lines",
    "rows_message",
    "shape",
    "sniff_delimiter",
    "unclosed_message",
    "unclosed_quote",
    "well_formed",
]

_FIELD_LIMIT = 2**31 - 1


@contextlib.contextmanager
def cells_of_any_size() -> Iterator[None]:
    """Lift the :mod:`csv` module's cap on the size of a cell while reading, then put it back."""
    limit = csv.field_size_limit(_FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(limit)


#: The delimiters tried, in the order that wins a tie.
DELIMITERS = (",", ";", "\t", "|")


def _widths(sample: str, delimiter: str) -> list[int]:
    """The number of cells of each non-blank record of ``sample``."""
    widths = []
    try:
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False):
            if any(cell.strip() for cell in record):
                widths.append(len(record))
    except csv.Error:
        return []
    return widths


def shape(sample: str, delimiter: str) -> tuple[int, int]:
    """How many records share the most common width of two cells or more, and that width."""
    counts = Counter(w for w in _widths(sample, delimiter) if w >= 2)
    if not counts:
        return 0, 0
    width, rows = max(counts.items(), key=lambda item: (item[1], item[0]))
    return rows, width


def sniff_delimiter(sample: str, candidates: Sequence[str] = DELIMITERS) -> str | None:
    """The delimiter of ``candidates`` that splits most records of ``sample`` into the
    same number of cells (two or more); ``None`` when none does for at least two records.

    >>> sniff_delimiter("Plan 2024\\nNo.;Activity;Deadline\\n1;Train judges, prosecutors;2025\\n")
    ';'
    """
    best: tuple[tuple[int, int], str] | None = None
    for delimiter in candidates:
        fit = shape(sample, delimiter)
        if fit[0] >= 2 and (best is None or fit > best[0]):
            best = (fit, delimiter)
    return best[1] if best else None


def unclosed_quote(last_record: Sequence[str], text: str, delimiter: str = ",") -> int:
    """How many lines of ``text`` a quoted cell that is never closed swallowed, 0 when none did.

    Python's CSV reader takes everything after a quote that is never closed as
    one cell, to the end of the file, without a word: the rows after it are lost
    in the last record (``last_record``, as the reader gave it). Only a last
    record with a line break in a cell can be one; its lines are then read again,
    strictly, to tell a quote never closed from a cell of several lines.

    >>> unclosed_quote(["1", "Open shelters\\n2,Train staff\\n"], '1,"Open shelters\\n2,Train staff\\n')
    2
    >>> unclosed_quote(["1", "two\\nlines", ""], '1,"two\\nlines",\\n')
    0
    """
    if not any("\n" in cell or "\r" in cell for cell in last_record):
        return 0
    spans = record_spans(text, delimiter)
    start = spans[-1][0] if spans else 0  # the line the last record starts on
    lines = list(io.StringIO(text, newline=""))
    try:
        with cells_of_any_size():
            for _ in csv.reader(iter(lines[start:]), delimiter=delimiter, strict=True):
                pass
    except csv.Error as exc:
        return len(lines) - start if "unexpected end of data" in str(exc) else 0
    return 0


def rows_in_cells(records: Sequence[Sequence[str]], text: str, delimiter: str = ",") -> Iterator[tuple[int, int]]:
    """Records of ``text`` a quote closed far below took rows into, as ``(index, lines)``.

    A quote opened in one row and closed by the first quote of a row far below (``3,"Audit,
    review"``) takes the rows between into one cell, and the CSV reader says nothing. Such a
    cell's lines, after its first, split into as many cells as the file's records mostly
    have (three or more), and the record, read again strictly, is not well-formed CSV (the
    quote that closed it stands inside a cell); a cell of several lines written on purpose
    is.

    >>> text = 'No.,Activity,Deadline\\n1,"Open shelters\\n2,Train staff,2026\\n3,"Audit",2027\\n'
    >>> records = list(csv.reader(io.StringIO(text, newline="")))
    >>> list(rows_in_cells(records, text))
    [(1, 1)]
    """
    width = Counter(len(record) for record in records).most_common(1)[0][0] if records else 0
    found = ((index, rowlike_lines(record, width, delimiter)) for index, record in enumerate(records))
    suspects = {index: lines for index, lines in found if lines}
    if not suspects:
        return
    spans = record_spans(text, delimiter)
    raw = list(io.StringIO(text, newline=""))
    for index, lines in suspects.items():
        if index < len(spans) and not well_formed(raw[spans[index][0] : spans[index][1]], delimiter):
            yield index, lines


def rowlike_lines(record: Sequence[str], width: int, delimiter: str = ",") -> int:
    """How many lines of one of ``record``'s cells (after its first line) split into ``width``
    cells, three or more: rows a quote may have taken in (see :func:`rows_in_cells`)."""
    if width < 3:
        return 0
    for cell in record:
        if "\n" in cell or "\r" in cell:
            rowlike = sum(1 for line in cell.splitlines()[1:] if line.count(delimiter) == width - 1)
            if rowlike:
                return rowlike
    return 0


def record_spans(text: str, delimiter: str = ",") -> list[tuple[int, int]]:
    """The lines (from, to: 0-based, end excluded) each record of ``text`` was read from."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    spans: list[tuple[int, int]] = []
    with cells_of_any_size(), contextlib.suppress(csv.Error):
        for _ in reader:
            spans.append((spans[-1][1] if spans else 0, reader.line_num))
    return spans


def well_formed(lines: Sequence[str], delimiter: str = ",") -> bool:
    """Whether ``lines`` are one record of strict CSV (a quote only around a whole cell)."""
    try:
        with cells_of_any_size():
            return len(list(csv.reader(iter(lines), delimiter=delimiter, strict=True))) == 1
    except csv.Error:
        return False


def quote_problems(records: Sequence[Sequence[str]], text: str, delimiter: str = ",") -> list[tuple[int, str]]:
    """What a quote opened and never closed (or closed far below) did to ``records``, read from
    ``text``: ``(record index, message)`` pairs, for an importer to report at that row."""
    found = [(index, rows_message(lines)) for index, lines in rows_in_cells(records, text, delimiter)]
    swallowed = unclosed_quote(records[-1], text, delimiter) if records else 0
    if swallowed and not any(index == len(records) - 1 for index, _ in found):
        found.append((len(records) - 1, unclosed_message(swallowed)))
    return found


def rows_message(lines: int) -> str:
    """What to report about a cell that took in ``lines`` rows (:func:`rows_in_cells`)."""
    return (f"a quoted cell holds {lines} line(s) that look like rows of the table: a quote opened here closes "
            "far below, and the rows between are read into this cell; check the quotes")  # fmt: skip


def unclosed_message(lines: int) -> str:
    """What to report about a quote never closed that took in ``lines`` lines (:func:`unclosed_quote`)."""
    return f"a quoted cell is never closed: its row holds the rest of the file ({lines} lines) in one cell; close it"
