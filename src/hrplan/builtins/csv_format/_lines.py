"""CSV lines exactly as :func:`csv.writer` writes them, for the hot rows cheaply.

``csv.writer`` scans every character of every cell to decide on quoting. Most
rows of an hrplan table need no quoting at all, and that is cheap to prove on
the joined line: it has one comma fewer than the row has cells and holds no
quote, carriage return or line feed. Such a row is written as the join; any
other row goes through ``csv.writer`` itself, so the bytes are always its bytes
(``QUOTE_MINIMAL``, comma, ``\\r\\n``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

__all__ = ["csv_lines", "write_rows"]

#: Lines encoded and written together: few writes, bounded memory.
_BATCH = 4096


def csv_lines(rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    """Each row as one CSV line, ``\\r\\n`` included."""
    spare = io.StringIO(newline="")
    writer = csv.writer(spare, lineterminator="\r\n")
    for row in rows:
        try:
            line = ",".join(row)
        except TypeError:  # a cell that is not a string: csv.writer's own conversion
            line = ""
        if not line or line.count(",") != len(row) - 1 or '"' in line or "\r" in line or "\n" in line:
            spare.seek(0)
            spare.truncate()
            writer.writerow(row)
            yield spare.getvalue()
        else:
            yield line + "\r\n"


def write_rows(fp: BinaryIO, rows: Iterable[tuple[str, ...]]) -> None:
    """Write ``rows`` to ``fp`` as UTF-8 CSV, the bytes ``csv.writer`` would write."""
    batch: list[str] = []
    for line in csv_lines(rows):
        batch.append(line)
        if len(batch) == _BATCH:
            fp.write("".join(batch).encode("utf-8"))
            batch.clear()
    if batch:
        fp.write("".join(batch).encode("utf-8"))
