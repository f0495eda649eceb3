"""Reading exporter and importer options, which the command line gives as strings."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Any

import hrplan

__all__ = ["check_names", "choice", "flag", "day"]

_TRUE = frozenset({"true", "yes", "1", "on"})
_FALSE = frozenset({"false", "no", "0", "off"})


def check_names(fmt: str, options: Mapping[str, Any], valid: Collection[str]) -> None:
    """Raise :class:`hrplan.FormatError` for an option not in ``valid``."""
    unknown = sorted(set(options) - set(valid))
    if unknown:
        names = ", ".join(repr(n) for n in unknown)
        raise hrplan.FormatError(
            f"{fmt}: unknown option {names} (valid options: {', '.join(sorted(valid))})"
        )


def flag(fmt: str, name: str, value: object) -> bool:
    """A boolean option: a bool, or ``true/false/yes/no/1/0/on/off`` as a string."""
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
    raise hrplan.FormatError(f"{fmt}: option {name!r} must be true or false, got {value!r}")


def choice(fmt: str, name: str, value: object, choices: tuple[str, ...]) -> str:
    """An option that is one of ``choices``."""
    if isinstance(value, str) and value in choices:
        return value
    allowed = ", ".join(repr(c) for c in choices)
    raise hrplan.FormatError(f"{fmt}: option {name!r} must be one of {allowed}, got {value!r}")


def day(fmt: str, name: str, value: object) -> date:
    """A date option: a :class:`~datetime.date`, an ISO string, or ``None`` for today."""
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
    raise hrplan.FormatError(f"{fmt}: option {name!r} must be a date such as 2013-01-01, got {value!r}")
