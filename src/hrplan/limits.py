"""Limits on sizes that no real plan reaches, stated once and checked where data comes in.

Real plans number their measures with a few digits, nest them four or five
levels deep and name a handful of institutions per measure. Input far beyond that
is a mistake or an attack: it would make Python refuse to convert a number, run out
of recursion, or produce a program that some exporter cannot write. So every
importer and the model refuse it, with an error that says where and which limit,
and whatever an importer accepts, every exporter can write.

====================================  =========================  =====================
what                                  limit                      constant
====================================  =========================  =====================
digits in a number (measure, chapter)  9 (so at most 999999999)  ``MAX_NUMBER_DIGITS``
levels of measure nesting             32                         ``MAX_DEPTH``
characters in one time-limit text     1,000                      ``MAX_TIME_LIMIT_CHARS``
names in one list of institutions     500                        ``MAX_NAMES_IN_LIST``
years                                 1 to 9999                  ``MIN_YEAR``/``MAX_YEAR``
any other integer (counts, lines)     -2**53 to 2**53            ``MAX_INTEGER``
a number of days (``due_soon``)       3,652,058 (date range)     ``MAX_DAYS``
====================================  =========================  =====================

The checks raise :class:`LimitError` (a :class:`~hrplan.ModelError`, so also a
``ValueError``); importers turn it into a problem or finding with its location.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from hrplan.errors import ModelError

__all__ = [
    "MAX_DAYS",
    "MAX_DEPTH",
    "MAX_INTEGER",
    "MAX_NAMES_IN_LIST",
    "MAX_NUMBER",
    "MAX_NUMBER_DIGITS",
    "MAX_TIME_LIMIT_CHARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "LimitError",
    "check_days",
    "check_depth",
    "check_integer",
    "check_name_count",
    "check_number",
    "check_text",
    "check_time_limit_text",
    "check_year",
    "optional_year",
    "parse_number",
]

#: Digits in a measure number's part or a chapter number.
MAX_NUMBER_DIGITS = 9
#: The largest measure number part or chapter number.
MAX_NUMBER = 10**MAX_NUMBER_DIGITS - 1
#: Levels of measure nesting (and parts in a measure number): ``1.2.3`` is 3.
MAX_DEPTH = 32
#: Characters in one time-limit text.
MAX_TIME_LIMIT_CHARS = 1000
#: Names in one list of institutions.
MAX_NAMES_IN_LIST = 500
#: The first and last year a date can have.
MIN_YEAR, MAX_YEAR = 1, 9999
#: The largest magnitude of any other integer (exact in every JSON reader).
MAX_INTEGER = 2**53
#: The most days two dates can be apart.
MAX_DAYS = (date.max - date.min).days

_DIGITS = re.compile(r"\s*[0-9]+\s*")
_SURROGATE = re.compile("[\ud800-\udfff]")


class LimitError(ModelError):
    """A value beyond one of the limits of :mod:`hrplan.limits`."""


def check_number(value: int, what: str = "number") -> int:
    """``value`` if it is a measure-number part or chapter number within limits (0 to ``MAX_NUMBER``)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NUMBER:
        raise LimitError(f"{what} must be a whole number from 0 to {MAX_NUMBER}, got {_short(value)}")
    return value


def parse_number(text: str, what: str = "number") -> int:
    """Read a number written in ASCII digits, refusing more than ``MAX_NUMBER_DIGITS`` of them.

    Unlike ``int(text)``, a very long number is refused before it is converted.
    """
    if not _DIGITS.fullmatch(text):
        raise LimitError(f"{what} must be written in digits, got {_short(text)}")
    digits = text.strip().lstrip("0") or "0"
    if len(digits) > MAX_NUMBER_DIGITS:
        raise LimitError(f"{what} has {len(digits)} digits; the limit is {MAX_NUMBER_DIGITS}")
    return int(digits)


def check_depth(depth: int, what: str = "measure") -> int:
    """``depth`` if it is at most ``MAX_DEPTH`` levels."""
    if depth > MAX_DEPTH:
        raise LimitError(f"{what} is nested {depth} levels deep; the limit is {MAX_DEPTH}")
    return depth


def check_year(value: object, what: str = "year") -> int:
    """``value`` if it is a year from ``MIN_YEAR`` to ``MAX_YEAR``."""
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
        raise LimitError(f"{what} must be a year from {MIN_YEAR} to {MAX_YEAR}, got {_short(value)}")
    return value


def optional_year(_instance: object, attribute: Any, value: object) -> None:
    """An ``attrs`` validator: ``None`` or a year from ``MIN_YEAR`` to ``MAX_YEAR``."""
    if value is not None:
        check_year(value, getattr(attribute, "name", "year"))


def check_integer(value: int, what: str = "integer") -> int:
    """``value`` if its magnitude is at most ``MAX_INTEGER``."""
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise LimitError(f"{what} must lie between -2**53 and 2**53, got {_short(value)}")
    return value


def check_days(value: int, what: str = "number of days") -> int:
    """``value`` if it is 0 to ``MAX_DAYS`` days."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DAYS:
        raise LimitError(f"{what} must be from 0 to {MAX_DAYS}, got {_short(value)}")
    return value


def check_time_limit_text(text: str) -> str:
    """``text`` if it has at most ``MAX_TIME_LIMIT_CHARS`` characters."""
    if len(text) > MAX_TIME_LIMIT_CHARS:
        raise LimitError(f"a time-limit text has {len(text)} characters; the limit is {MAX_TIME_LIMIT_CHARS}")
    return text


def check_name_count(count: int, what: str = "list of institutions") -> int:
    """``count`` if one list names at most ``MAX_NAMES_IN_LIST`` institutions."""
    if count > MAX_NAMES_IN_LIST:
        raise LimitError(f"a {what} names {count}; the limit is {MAX_NAMES_IN_LIST}")
    return count


def check_text(value: str, what: str = "text") -> str:
    """``value`` if it is text every format can encode (no lone surrogate such as ``'\\ud800'``).

    Text decoded from bytes never holds one; a string built in Python can.
    """
    if not value.isascii():
        found = _SURROGATE.search(value)
        if found is not None:
            where = found.start()
            raise LimitError(f"{what} holds a lone surrogate {found.group()!r} at character {where}: not Unicode text")
    return value


def _short(value: object) -> str:
    if isinstance(value, int) and value.bit_length() > 128:  # repr() refuses past 4,300 digits
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    shown = repr(value)
    return shown if len(shown) <= 40 else f"{shown[:20]}...({len(shown)} characters)"
