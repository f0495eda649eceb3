"""An events spreadsheet as rows of text cells: its bytes, encoding and delimiter."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Collection
from typing import BinaryIO

from hrplan.decoding import file_bytes
from hrplan.delimited import sniff_delimiter
from hrplan.errors import InputError, Problem

__all__ = ["EventsSource", "delimiter", "read_bytes", "records"]

#: What :func:`read_events` reads: CSV bytes, a path (or the CSV text
#: itself, when the string holds a line break) or a binary file.
EventsSource = bytes | str | os.PathLike[str] | BinaryIO

#: How much of the text the delimiter sniffer looks at.
_SAMPLE = 16384


def read_bytes(data: EventsSource) -> tuple[bytes, str | None]:
    """The bytes of ``data`` and the name of the file they came from, if any.

    :raises FormatError: when a path cannot be read.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data), None
    if isinstance(data, str) and ("\n" in data or "\r" in data):
        return data.encode("utf-8"), None
    if isinstance(data, str | os.PathLike):
        return file_bytes(data), os.fspath(data)
    content = data.read()
    name = getattr(data, "name", None)
    raw = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    return raw, name if isinstance(name, str) else None


def delimiter(text: str, known: Collection[str]) -> str:
    """``,`` or ``;``: the one :func:`hrplan.delimited.sniff_delimiter` finds, unless the header
    reads better with the other.

    The header decides when the two disagree, since column names hold neither
    character: the delimiter that splits it into more ``known`` column names wins.
    """
    sample = text[:_SAMPLE]
    if len(text) > _SAMPLE and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    sniffed = sniff_delimiter(sample, (",", ";"))
    header = sample.splitlines()[0] if sample else ""

    def score(candidate: str) -> tuple[int, bool, bool]:
        names = {cell.strip().strip('"').strip().lower().replace(" ", "_") for cell in header.split(candidate)}
        return len(names & set(known)), candidate == sniffed, candidate == ","

    return max((",", ";"), key=score)


def records(text: str, separator: str, source: str | None) -> list[list[str]]:
    """Every record of the CSV text (a quoted cell may hold line breaks).

    :raises InputError: when the text is not CSV.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    found: list[list[str]] = []
    try:
        for record in reader:
            found.append(record)
    except csv.Error as exc:
        raise InputError(source or "<data>", [Problem(f"row {len(found) + 1}", f"not CSV: {exc}")]) from None
    return found
