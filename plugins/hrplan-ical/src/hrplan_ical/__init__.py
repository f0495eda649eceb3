"""hrplan-ical: an hrplan plugin that writes a program's dates as an iCalendar file.

Measure deadlines (all-day, on the last day of each measure's time-limit), the
yearly campaigns (all-day, recurring every year with an RRULE) and the events
held, with stable UIDs so that a calendar application updates them when the file
is imported again. Through the ``ics`` exporter (files named ``*.ics``)::

    hrplan.export(program, "plan.ics", include="deadlines,campaigns")

or as an :class:`icalendar.Calendar`::

    calendar = hrplan_ical.build_calendar(program, include=("events",))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

from hrplan_ical._calendar import KINDS, PRODID, build_calendar, dtstamp, start_year, uid
from hrplan_ical._export import OPTIONS, IcsExporter

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "OPTIONS",
    "PRODID",
    "IcsExporter",
    "__version__",
    "build_calendar",
    "dtstamp",
    "register_exporters",
    "start_year",
    "uid",
]


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the ``ics`` exporter (hrplan calls this when it loads the plugin)."""
    register(IcsExporter())
