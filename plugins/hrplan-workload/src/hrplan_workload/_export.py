"""The ``workload`` exporter: :func:`~hrplan_workload.workload` as a CSV table."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

import hrplan
from hrplan.cells import safe
from hrplan.options import as_date, check_names, choice, days, flag

from hrplan_workload._workload import STATUSES, InstitutionLoad, workload

__all__ = ["COLUMNS", "OPTIONS", "WorkloadExporter", "safe"]

#: The options :meth:`WorkloadExporter.export` takes.
OPTIONS: tuple[str, ...] = ("as_of", "due_within", "include_empty", "role")

#: The columns, in order: the institution, one count per status, the total, the overdue measures.
COLUMNS: tuple[str, ...] = ("institution", "name", *(state.value for state in STATUSES), "total", "behind")


def _role(value: object) -> hrplan.Role | None:
    """A :class:`hrplan.Role` or its value (``lead``), or ``None`` for every role."""
    if value is None or isinstance(value, hrplan.Role):
        return value
    return hrplan.Role(choice("workload", "role", value, tuple(r.value for r in hrplan.Role)))


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
        check_names("workload", options, OPTIONS)
        as_of = as_date("workload", "as_of", options.get("as_of"))
        due_within = days("workload", "due_within", options.get("due_within", 30))
        role = _role(options.get("role"))
        include_empty = flag("workload", "include_empty", options.get("include_empty", False))
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
