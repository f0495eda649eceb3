"""Reading the cells of one measure row back into model values.

Each reader reports what it cannot read through ``report(code, column, message)``
and returns what it could keep.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from hrplan.cells import split
from hrplan.errors import HrplanError, TimeLimitError
from hrplan.model import Implementer, Role, Tags
from hrplan.timelimits import MonthDay, Precision, TimeLimit, TimeLimitKind, Vocabulary, YearlyWindow, parse_time_limit

__all__ = ["Report", "implementers", "tags", "time_limit"]

#: ``report(code, column, message)``: one finding on the row being read.
Report = Callable[[str, str, str], None]

_KINDS = ", ".join(k.value for k in TimeLimitKind)
_PRECISIONS = ", ".join(p.value for p in Precision)
_ROLES = ", ".join(r.value for r in Role)


class _BadCellError(Exception):
    """A structured time-limit cell that cannot be read."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _day(column: str, cell: str) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell.strip())
    except ValueError:
        raise _BadCellError(column, f"{cell!r} is not an ISO date (YYYY-MM-DD)") from None


def _month_day(text: str) -> MonthDay:
    text = text.strip()
    if len(text) != 7 or not text.startswith("--") or text[4] != "-":
        raise ValueError(text)
    return MonthDay(int(text[2:4]), int(text[5:7]))


def _window(cell: str) -> YearlyWindow | None:
    if not cell:
        return None
    start, _, end = cell.partition("/")
    try:
        return YearlyWindow(_month_day(start), _month_day(end))
    except (ValueError, HrplanError):
        raise _BadCellError("window", f"{cell!r} is not a yearly window such as --05-18/--06-18") from None


def _structured(
    text: str, kind: str, precision: str, start: str, end: str, window: str
) -> TimeLimit:
    try:
        kind_value = TimeLimitKind(kind.strip())
    except ValueError:
        raise _BadCellError("kind", f"unknown time-limit kind {kind!r} (known: {_KINDS})") from None
    try:
        precision_value = Precision(precision.strip()) if precision else None
    except ValueError:
        raise _BadCellError("precision", f"unknown precision {precision!r} (known: {_PRECISIONS})") from None
    first, last, yearly = _day("start", start), _day("end", end), _window(window)
    try:
        return TimeLimit(kind_value, first, last, precision_value, yearly, text or None)
    except (HrplanError, ValueError, TypeError) as exc:
        raise _BadCellError("kind", f"inconsistent time-limit: {exc}") from None


def time_limit(
    report: Report,
    text: str,
    kind: str,
    precision: str,
    start: str,
    end: str,
    window: str,
    vocabularies: Sequence[Vocabulary] = (),
) -> TimeLimit | None:
    """The time-limit from its structured columns, else parsed from its text (English,
    then ``vocabularies``).

    Text that cannot be parsed is kept as an unparsed time-limit (which the
    built-in validators report), so that nothing is lost.
    """
    if kind:
        try:
            return _structured(text, kind, precision, start, end, window)
        except _BadCellError as bad:
            column, problem = bad.column, str(bad)
    elif precision or start or end or window:
        column, problem = "kind", "the time-limit columns are filled but kind is empty"
    elif not text:
        return None
    else:
        column, problem = "", ""
    if not text:
        report("CSV005", column, f"{problem}; the measure is kept without a time-limit")
        return None
    try:
        parsed = parse_time_limit(text, vocabularies=vocabularies)
    except TimeLimitError:
        parsed = TimeLimit.unparsed(text)
        then = "the time_limit text, which cannot be read either, is kept unparsed"
    else:
        then = "it was read from the time_limit text instead"
    if problem:
        report("CSV005", column, f"{problem}; {then}")
    return parsed


def implementers(
    report: Report, ids: list[str], names: list[str], roles: list[str]
) -> list[tuple[Implementer, str]]:
    """Implementers with the name given for each (``""`` when none is given)."""
    if names and len(names) != len(ids):
        report("CSV006", "institution_names", f"{len(ids)} institution(s) but {len(names)} name(s); "
               "names are matched by position")  # fmt: skip
    if roles and len(roles) != len(ids):
        report("CSV006", "roles", f"{len(ids)} institution(s) but {len(roles)} role(s); "
               "roles are matched by position, missing ones are 'lead'")  # fmt: skip
    result = []
    for i, key in enumerate(ids):
        key = key.strip()
        if not key:
            report("CSV006", "institutions", f"institution {i + 1} of the list is empty; skipped")
            continue
        value = roles[i].strip() if i < len(roles) else ""
        role = Role.LEAD
        if value:
            try:
                role = Role(value)
            except ValueError:
                report("CSV006", "roles", f"unknown role {value!r} of {key!r} (known: {_ROLES}); "
                       "read as 'lead'")  # fmt: skip
        result.append((Implementer(key, role), names[i] if i < len(names) else ""))
    return result


def tags(report: Report, themes: str, groups: str, treaties: str, sdgs: str) -> Tags:
    """The tags of a measure; SDG numbers that are not 1-17 are left out and reported."""
    numbers = []
    for value in split(sdgs):
        try:
            number = int(value.strip())
        except ValueError:
            number = 0
        if 1 <= number <= 17:
            numbers.append(number)
        else:
            report("CSV007", "sdgs", f"{value!r} is not an SDG number from 1 to 17; left out")
    return Tags(tuple(split(themes)), tuple(split(groups)), tuple(split(treaties)), tuple(numbers))
