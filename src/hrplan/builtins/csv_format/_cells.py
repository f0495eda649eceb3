"""Cells: column lists, multi-valued cells and the formula-injection rule.

Multi-valued cells join their values with ``" | "``. Inside a value a literal
backslash is written ``\\\\`` and a literal pipe ``\\|``, so every value reads
back exactly (the only ambiguity left: a list holding one empty string is
written as an empty cell, which reads back as an empty list).

Formula injection (OWASP): a cell that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading single quote ``'``. So that the rule can
be undone exactly, a cell that begins with one or more quotes followed by one of
those characters gets one more quote too. Reading strips one quote from a cell
that begins with quotes followed by one of those characters, and leaves every
other cell alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "EVENT_COLUMNS",
    "INSTITUTION_COLUMNS",
    "LONG_COLUMNS",
    "MEASURE_COLUMNS",
    "SEPARATOR",
    "escape_value",
    "join",
    "neutralise",
    "restore",
    "split",
]

#: The columns of the default ``measures`` layout, in order.
MEASURE_COLUMNS: tuple[str, ...] = (
    "id", "parent", "chapter", "chapter_label", "chapter_title", "title", "description",
    "institutions", "institution_names", "roles",
    "time_limit", "kind", "precision", "start", "end", "window", "edtf", "status",
    "themes", "target_groups", "treaties", "sdgs", "indicators",
)  # fmt: skip

#: The ``long`` layout: one implementing institution per row.
LONG_COLUMNS: tuple[str, ...] = tuple(
    {"institutions": "institution", "institution_names": "institution_name", "roles": "role"}.get(c, c)
    for c in MEASURE_COLUMNS
)

#: The ``institutions`` table.
INSTITUTION_COLUMNS: tuple[str, ...] = ("id", "name", "kind", "short_name", "aliases", "parent")

#: The ``events`` table.
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "title", "kind", "start", "end", "organiser", "participants", "audiences",
    "participant_count", "location", "remote_participants", "measures", "recommendations",
    "campaign", "source_url", "notes",
)  # fmt: skip

SEPARATOR = " | "

#: First characters that make a spreadsheet read a cell as a formula.
_DANGEROUS = frozenset("=+-@\t\r")
#: First characters that need a closer look when writing (dangerous ones, and the quote).
FIRST = frozenset("=+-@\t\r'")


def neutralise(cell: str) -> str:
    """``cell`` made safe for spreadsheets (callers check ``cell[:1] in FIRST`` first)."""
    if cell[:1] in _DANGEROUS or cell.lstrip("'")[:1] in _DANGEROUS:
        return "'" + cell
    return cell


def safe(cell: str) -> str:
    """``cell`` made safe for spreadsheets, for any cell."""
    return neutralise(cell) if cell[:1] in FIRST else cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise`: strip the quote it added, if it added one."""
    if cell[:1] == "'" and cell.lstrip("'")[:1] in _DANGEROUS:
        return cell[1:]
    return cell


def escape_value(value: str) -> str:
    """One value of a multi-valued cell, with ``\\`` and ``|`` escaped."""
    if "\\" in value or "|" in value:
        return value.replace("\\", "\\\\").replace("|", "\\|")
    return value


def join(values: Sequence[str]) -> str:
    """Values joined with ``" | "``, each escaped."""
    if not values:
        return ""
    cell = SEPARATOR.join(values)
    if cell.count("|") == len(values) - 1 and "\\" not in cell:
        return cell
    return SEPARATOR.join([escape_value(v) for v in values])


def join_any(values: Iterable[object]) -> str:
    """Values of any type joined with ``" | "`` (after ``str``), each escaped."""
    return join([str(v) for v in values])


def split(cell: str) -> list[str]:
    """Undo :func:`join`: the values of a multi-valued cell.

    Every unescaped ``|`` separates two values and takes one space on each side
    with it (a cell written by hand as ``a|b`` reads as ``a`` and ``b`` too).
    """
    if not cell:
        return []
    if "\\" not in cell:
        if "|" not in cell:
            return [cell]
        parts = cell.split("|")
    else:
        parts = []
        current: list[str] = []
        chars = iter(cell)
        for char in chars:
            if char == "\\":
                current.append(next(chars, "\\"))
            elif char == "|":
                parts.append("".join(current))
                current = []
            else:
                current.append(char)
        parts.append("".join(current))
    last = len(parts) - 1
    for i, part in enumerate(parts):
        if i < last and part.endswith(" "):
            part = part[:-1]
        if i > 0 and part.startswith(" "):
            part = part[1:]
        parts[i] = part
    return parts
