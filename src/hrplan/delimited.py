"""Delimited text: which delimiter a sample of CSV-like text uses.

The one sniffer of the importers that read delimited text (``csv-table``, the
events spreadsheet): the delimiter that splits the most records into the same
number of cells wins. Python's :class:`csv.Sniffer` guesses from how often each
character appears and is thrown by a title line or by commas inside cells.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence

__all__ = ["DELIMITERS", "shape", "sniff_delimiter"]

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
