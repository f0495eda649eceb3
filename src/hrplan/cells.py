"""Spreadsheet cells: multi-valued cells and the formula-injection rule.

Shared by every format that writes or reads spreadsheet cells (the CSV plugin,
the events spreadsheet importer, plugins such as workload reports).

Multi-valued cells join their values with ``" | "``. Inside a value a literal
backslash is written ``\\\\`` and a literal pipe ``\\|``, so every value reads
back exactly (the only ambiguity left: a list holding one empty string is
written as an empty cell, which reads back as an empty list).

Formula injection (OWASP "CSV injection"): a cell that begins with ``=``, ``+``,
``-`` or ``@``, also after any run of whitespace (spaces, tabs, line breaks: some
spreadsheets skip it), or with a tab or a carriage return, gets a leading single
quote ``'``. So that the rule can be undone exactly, a cell that begins with one
or more quotes followed by such a start gets one more quote too. :func:`restore`
strips one quote from a cell that begins with quotes followed by such a start,
and leaves every other cell alone. Every exporter that writes spreadsheet cells
uses this one rule (:func:`safe`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["FIRST", "SEPARATOR", "escape_value", "join", "join_any", "neutralise", "restore", "safe", "split"]

SEPARATOR = " | "

#: Characters that make a spreadsheet read a cell as a formula when they come first (after whitespace).
_FORMULA = frozenset("=+-@")
#: Characters that are dangerous first on their own.
_CONTROL = frozenset("\t\r")
#: Whitespace a spreadsheet may skip before a formula (every character ``str.isspace`` accepts).
_SPACES = frozenset(c for c in map(chr, range(0x3001)) if c.isspace())
#: First characters that need a closer look when writing (formula starts, whitespace, the quote).
FIRST = frozenset(_FORMULA | _SPACES | {"'"})


def _formula_like(cell: str) -> bool:
    return cell[:1] in _CONTROL or (cell[:1] in FIRST and cell.lstrip()[:1] in _FORMULA)


def neutralise(cell: str) -> str:
    """``cell`` made safe for spreadsheets (callers check ``cell[:1] in FIRST`` first)."""
    if _formula_like(cell) or (cell[:1] == "'" and _formula_like(cell.lstrip("'"))):
        return "'" + cell
    return cell


def safe(cell: str) -> str:
    """``cell`` made safe for spreadsheets, for any cell."""
    return neutralise(cell) if cell[:1] in FIRST else cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise`: strip the quote it added, if it added one."""
    if cell[:1] == "'" and _formula_like(cell.lstrip("'")):
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
