"""Reading plugin options, which arrive as Python values or, from the command line, as strings.

Exporters and importers get their options as ``**options``: from Python as any
value (``as_of=date(2013, 1, 1)``, ``bom=True``), from ``hrplan convert -O
key=value`` as strings. These helpers accept both and raise
:class:`~hrplan.FormatError` naming the format, the option and what was expected::

    from hrplan.options import as_date, check_names, flag

    def export(self, program, fp, **options):
        check_names("myformat", options, {"as_of", "bom"})
        as_of = as_date("myformat", "as_of", options.get("as_of"))
        bom = flag("myformat", "bom", options.get("bom", False))
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from hrplan.errors import FormatError

__all__ = ["as_date", "as_year", "check_names", "choice", "days", "flag"]

_TRUE = frozenset({"true", "yes", "1", "on"})
_FALSE = frozenset({"false", "no", "0", "off"})


def check_names(fmt: str, options: Mapping[str, Any], valid: Collection[str]) -> None:
    """Raise :class:`~hrplan.FormatError` for an option not in ``valid``, listing the valid ones."""
    unknown = sorted(set(options) - set(valid))
    if unknown:
        names = ", ".join(repr(n) for n in unknown)
        known = f"valid options: {', '.join(sorted(valid))}" if valid else "it takes no options"
        raise FormatError(f"{fmt}: unknown option {names} ({known})")


def flag(fmt: str, name: str, value: object) -> bool:
    """A boolean option: a bool, 0 or 1, or ``true/false/yes/no/1/0/on/off`` as a string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    raise FormatError(f"{fmt}: option {name!r} must be true or false, got {value!r}")


def choice(fmt: str, name: str, value: object, choices: tuple[str, ...]) -> str:
    """An option that is one of ``choices``."""
    if isinstance(value, str) and value in choices:
        return value
    allowed = ", ".join(repr(c) for c in choices)
    raise FormatError(f"{fmt}: option {name!r} must be one of {allowed}, got {value!r}")


def as_date(fmt: str, name: str, value: object) -> date:
    """A date option: a :class:`~datetime.date` (or datetime), an ISO string, or ``None`` for today."""
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise FormatError(f"{fmt}: option {name!r} must be a date such as 2013-01-01, got {value!r}")


def as_year(fmt: str, name: str, value: object) -> int | None:
    """A year option, 1 to 9999 (``2020`` or ``"2020"``); ``None`` when not given."""
    if value is None:
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        year = 0
    if not 1 <= year <= 9999 or isinstance(value, bool):
        raise FormatError(f"{fmt}: option {name!r} must be a year such as 2020, got {value!r}")
    return year


def days(fmt: str, name: str, value: object) -> int | timedelta:
    """A number of days, 0 or more: an int, a string of digits, or a :class:`~datetime.timedelta`."""
    if isinstance(value, timedelta) and value >= timedelta(0):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    raise FormatError(f"{fmt}: option {name!r} must be a number of days (0 or more), got {value!r}")
