"""Built-in plugin ``hrplan.events-csv``: a secretariat's events spreadsheet, added to a program.

Everything about this format lives in this package: :func:`read_events` reads
the spreadsheet (``_read``), the values of its cells (``_values``: days, kinds, counts, lists)
and its rows (``_source``: the bytes, decoded by :mod:`hrplan.decoding`, the
delimiter, the records). The importer ``events-csv`` (files named
``*.events.csv``) returns the program given as option ``program`` with the
events added. ``docs/monitoring.md`` lists the columns and the ``EV`` finding
codes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from hrplan.builtins._base import base_program
from hrplan.builtins.events_csv._read import COLUMNS, EVENTS_CSV_CODES, EventsImport, read_events
from hrplan.builtins.events_csv._source import EventsSource
from hrplan.context import ReadContext
from hrplan.errors import FormatError
from hrplan.options import check_names
from hrplan.plugins import ImportResult, hookimpl

__all__ = [
    "COLUMNS",
    "EVENTS_CSV",
    "EVENTS_CSV_CODES",
    "EventsCsvImporter",
    "EventsImport",
    "EventsSource",
    "read_events",
    "register_importers",
]


class EventsCsvImporter:
    """Reads an events spreadsheet and adds its events to a program."""

    name = "events-csv"
    extensions = (".events.csv",)
    description = "events spreadsheet (CSV) added to the plan given as option 'program'"
    codes = EVENTS_CSV_CODES

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> ImportResult:
        """Read the events in ``fp`` and return the program with them added.

        :param program: the plan the events belong to: a :class:`~hrplan.Program`,
            or the path of a plan file (:func:`hrplan.load` reads any format;
            called directly, the importer reads a JSON plan). Required, unless
            ``context.base`` is that plan.
        :param context: the read context; its ``base`` is the plan when no
            option ``program`` is given.
        :raises FormatError: when ``program`` is missing or cannot be read.
        :raises InputError: when the spreadsheet has no header or no date column.
        """
        check_names(self.name, options, ("program",))
        program = base_program(self.name, options.get("program"), context)
        if program is None:
            raise FormatError(
                "events-csv: option 'program' is required: the plan the events belong to "
                "(a Program, or the path of a plan file such as plan.json)"
            )
        name = getattr(fp, "name", None)
        result = read_events(fp, program, source=name if isinstance(name, str) else None)
        return ImportResult(result.merged_into(program), result.findings)


EVENTS_CSV = EventsCsvImporter()


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the events spreadsheet importer."""
    register(EVENTS_CSV)
