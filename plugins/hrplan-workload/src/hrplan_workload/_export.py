"""The ``workload`` exporter: :func:`~hrplan_workload.workload` as a CSV table."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any, BinaryIO

import hrplan

from hrplan_workload._workload import STATUSES, InstitutionLoad, workload

__all__ = ["COLUMNS", "OPTIONS", "WorkloadExporter", "safe"]

#: The options :meth:`WorkloadExporter.export` takes.
OPTIONS: tuple[str, ...] = ("as_of", "due_within", "include_empty", "role")

#: The columns, in order: the institution, one count per status, the total, the overdue measures.
COLUMNS: tuple[str, ...] = ("institution", "name", *(state.value for state in STATUSES), "total", "behind")

#: First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_TRUE = frozenset({"true", "yes", "1", "on"})
_FALSE = frozenset({"false", "no", "0", "off"})


def safe(cell: str) -> str:
    """``cell`` with a leading ``'`` when it starts like a formula (``=SUM(A1)`` -> ``'=SUM(A1)``)."""
    return "'" + cell if cell.startswith(_DANGEROUS) else cell


def _fail(name: str, expected: str, value: object) -> hrplan.FormatError:
    return hrplan.FormatError(f"workload: option {name!r} must be {expected}, got {value!r}")


def _as_of(value: object) -> date:
    """A date, an ISO string such as ``2013-01-01``, or ``None`` for today."""
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
    raise _fail("as_of", "a date such as 2013-01-01", value)


def _due_within(value: object) -> int | timedelta:
    """A number of days (an int or a string of digits) or a timedelta, not negative."""
    if isinstance(value, timedelta) and value >= timedelta(0):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    raise _fail("due_within", "a number of days (0 or more)", value)


def _role(value: object) -> hrplan.Role | None:
    """A :class:`hrplan.Role` or its value (``lead``), or ``None`` for every role."""
    if value is None or isinstance(value, hrplan.Role):
        return value
    if isinstance(value, str):
        try:
            return hrplan.Role(value.strip())
        except ValueError:
            pass
    raise _fail("role", "one of " + ", ".join(repr(r.value) for r in hrplan.Role), value)


def _flag(name: str, value: object) -> bool:
    """A bool, or ``true/false/yes/no/1/0/on/off`` as a string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _fail(name, "true or false", value)


class WorkloadExporter:
    """Writes, for each institution, its measures by status on a day, and its overdue ones."""

    name: str = "workload"
    extensions: tuple[str, ...] = (".workload.csv",)
    media_type: str = "text/csv"
    description: str = "Measures per institution, by status"

    def rows(self, program: hrplan.Program, **options: Any) -> Iterator[tuple[str, ...]]:
        """The rows :meth:`export` writes, header first (options as for :meth:`export`).

        Every option is checked before the first row is made.
        """
        unknown = sorted(set(options) - set(OPTIONS))
        if unknown:
            names = ", ".join(repr(name) for name in unknown)
            raise hrplan.FormatError(f"workload: unknown option {names} (valid options: {', '.join(OPTIONS)})")
        as_of = _as_of(options.get("as_of"))
        due_within = _due_within(options.get("due_within", 30))
        role = _role(options.get("role"))
        include_empty = _flag("include_empty", options.get("include_empty", False))
        loads = workload(program, as_of, due_within=due_within, role=role)
        return self._rows(loads, include_empty)

    @staticmethod
    def _rows(loads: list[InstitutionLoad], include_empty: bool) -> Iterator[tuple[str, ...]]:
        yield COLUMNS
        for load in loads:
            if load.total or include_empty:
                yield (
                    safe(load.institution),
                    safe(load.name),
                    *(str(load.counts[state]) for state in STATUSES),
                    str(load.total),
                    safe(" ".join(str(number) for number in load.behind)),
                )

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the workload table as CSV (RFC 4180: CRLF line endings, UTF-8).

        :param as_of: the day statuses are judged on: a date or ``YYYY-MM-DD`` (default today).
        :param due_within: days before its end a measure is "due soon" (default 30).
        :param role: count only implementers with this role, e.g. ``lead`` (default every role).
        :param include_empty: also write institutions with no measures (default false).
        :raises hrplan.FormatError: for an unknown option or a bad value.
        """
        rows = self.rows(program, **options)
        text = io.StringIO(newline="")
        csv.writer(text, lineterminator="\r\n").writerows(rows)
        fp.write(text.getvalue().encode("utf-8"))
