"""hrplan-ical: an hrplan plugin that writes a program's dates as an iCalendar file.

Measure deadlines (all-day, on the last day of each measure's time-limit), the
yearly campaigns (all-day, recurring every year with an RRULE), the events
held and, from a ratifications file, the State's treaty reports and UPR reviews
(:mod:`hrplan.treaties`), with stable UIDs so that a calendar application updates them when the file
is imported again. Through the ``ics`` exporter (files named ``*.ics``)::

    hrplan.export(program, "plan.ics", include="deadlines,campaigns")

or as an :class:`icalendar.Calendar`::

    calendar = hrplan_ical.build_calendar(program, include=("events",))
    hrplan.export(program, "plan.ics", ratifications="az-ratifications.json", until="2030-12-31")

or the reporting calendar alone, without a program::

    state = hrplan.treaties.read_ratifications("az-ratifications.json")
    data = hrplan_ical.reporting_calendar(state, until=date(2030, 12, 31))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

from hrplan_ical._calendar import KINDS, PRODID, build_calendar, dtstamp, start_year, uid
from hrplan_ical._export import INCLUDE, OPTIONS, IcsExporter, default_until
from hrplan_ical._reports import REPORT_CATEGORY, report_events, report_summary, report_uid, reporting_calendar

__version__ = "0.1.0"

__all__ = [
    "INCLUDE",
    "KINDS",
    "OPTIONS",
    "PRODID",
    "REPORT_CATEGORY",
    "IcsExporter",
    "__version__",
    "build_calendar",
    "default_until",
    "dtstamp",
    "register_exporters",
    "report_events",
    "report_summary",
    "report_uid",
    "reporting_calendar",
    "start_year",
    "uid",
]


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the ``ics`` exporter (hrplan calls this when it loads the plugin)."""
    register(IcsExporter())
