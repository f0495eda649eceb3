"""Pieces: one written unit ("March 2012", "IV quarter", "12") read as numbers.

Reading a piece only checks the syntax; whether its numbers make a real date is
decided later (:mod:`hrplan.timelimits._spans`), so that a range can lend the
year or the month of one end to the other.
"""

from __future__ import annotations

import re

import attrs

from hrplan.timelimits._grammar import ROMAN_NUMERALS, Grammar, without_prefix
from hrplan.timelimits._model import Precision

__all__ = ["MAX_PIECE", "Piece", "match_piece", "split_range"]

#: The longest text (normalised) read as one unit: "12th of September of the year
#: 2012" is 34 characters. Longer texts are not tried, which keeps reading linear.
MAX_PIECE = 100
#: The longest text read as a range: two units and the connector between them.
_MAX_RANGE = 3 * MAX_PIECE


@attrs.frozen
class Piece:
    """One unit as written, not yet checked.

    :ivar text: the normalised text of the piece, for error messages.
    :ivar precision: its unit; ``None`` for a bare number that only starts a
        range ("12" in "12-15 March", "I" in "I-II quarters").
    :ivar year: the year, when written.
    :ivar index: the month (for months and days), quarter, half, or the bare number.
    :ivar day: the day of the month, for days.
    """

    text: str
    precision: Precision | None
    year: int | None = None
    index: int | None = None
    day: int | None = None


def match_piece(s: str, grammar: Grammar) -> Piece | None:
    """``s`` read as one unit, or ``None`` when it is not one."""
    if len(s) > MAX_PIECE:
        return None
    for precision, pattern in grammar.pieces:
        found = pattern.fullmatch(s)
        if found is not None:
            return _piece(found, precision, grammar)
    return None


def split_range(s: str, grammar: Grammar) -> tuple[Piece, Piece] | None:
    """``s`` read as two units joined by a connector ("March-April 2012"), or ``None``.

    A bare number on the left takes its unit from the right ("12-15 March").
    """
    if len(s) > _MAX_RANGE:
        return None
    for body in (s, *without_prefix(s, grammar.range_leads)):
        if body is not s and _whole_unit(body, grammar):
            continue  # "from Q1-2025" starts at one quarter: not a range
        for connector in grammar.connector.finditer(body):
            left = match_piece(body[: connector.start()].strip(), grammar)
            right = match_piece(body[connector.end() :].strip(), grammar)
            if left is None or right is None or right.precision is None:
                continue
            adopted = _adopt(left, right)
            if adopted is not None:
                return adopted, right
    return None


def _whole_unit(s: str, grammar: Grammar) -> bool:
    found = match_piece(s, grammar)
    return found is not None and found.precision is not None


def _adopt(left: Piece, right: Piece) -> Piece | None:
    """``left`` with the unit of ``right`` when it is a bare number."""
    if left.precision is not None:
        return left
    if right.precision is Precision.DAY:
        return Piece(left.text, Precision.DAY, None, right.index, left.index)
    if right.precision in (Precision.QUARTER, Precision.HALF):
        return Piece(left.text, right.precision, None, left.index)
    return None


def _piece(found: re.Match[str], precision: Precision | None, grammar: Grammar) -> Piece:
    groups = found.groupdict()
    by_month = precision in (Precision.MONTH, Precision.DAY)
    return Piece(
        text=found.group(0),
        precision=precision,
        year=_number(groups.get("year")),
        index=_month(groups["month"], grammar)
        if by_month
        else _ordinal(groups.get("num"), grammar),
        day=_number(groups.get("day")),
    )


def _number(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


def _month(written: str, grammar: Grammar) -> int:
    return int(written) if written.isdecimal() else grammar.months[written]


def _ordinal(written: str | None, grammar: Grammar) -> int | None:
    """The number of "3", "3rd", "III" or "third"."""
    if written is None:
        return None
    digits = re.match(r"\d+", written)
    if digits is not None:
        return int(digits.group(0))
    return ROMAN_NUMERALS.get(written) or grammar.ordinals[written]
