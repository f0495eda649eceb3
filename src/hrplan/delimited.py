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

__all__ = ["DELIMITERS", "cells_of_any_size", "shape", "sniff_delimiter", "unclosed_quote"]

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
    lines = list(io.StringIO(text, newline=""))
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=False)
    start = end = 0
    with cells_of_any_size(), contextlib.suppress(csv.Error):
        for _ in reader:
            start, end = end, reader.line_num  # the last record runs from line start to end
    try:
        with cells_of_any_size():
            for _ in csv.reader(iter(lines[start:]), delimiter=delimiter, strict=True):
                pass
    except csv.Error as exc:
        return len(lines) - start if "unexpected end of data" in str(exc) else 0
    return 0
