"""When a State's reports to the UN treaty bodies fall due, and its Universal Periodic Reviews.

>>> from datetime import date
>>> from hrplan.treaties import Ratification, due_reports
>>> [r.due.isoformat() for r in due_reports(Ratification("CRC", date(1992, 9, 12)), until=date(2004, 12, 31))]
['1994-09-12', '1999-09-12', '2004-09-12']

- :data:`TREATIES`: the catalogue (initial period, periodicity, articles) as data;
- :func:`due_reports` for one treaty, :func:`upr_reviews`, and :func:`calendar`
  for all of a State's treaties at once; :func:`due_between` and :func:`overdue`
  select from their results;
- :func:`read_ratifications` reads a State's ratifications file.

See ``docs/treaty-calendar.md`` for the rules in words, with the articles they
come from, and a worked example.
"""

from hrplan.treaties._catalogue import (
    PREDICTABLE_CYCLE,
    TREATIES,
    UPR_CYCLE,
    LaterReports,
    Treaty,
    describe_period,
    entry_into_force,
    get_treaty,
)
from hrplan.treaties._io import ratifications_from_data, ratifications_schema, read_ratifications
from hrplan.treaties._model import (
    DueReport,
    Override,
    Ratification,
    ReportKind,
    StateReporting,
    Submission,
    UprReview,
)
from hrplan.treaties._schedule import calendar, due_between, due_reports, overdue, upr_reviews

__all__ = [
    "PREDICTABLE_CYCLE",
    "TREATIES",
    "UPR_CYCLE",
    "DueReport",
    "LaterReports",
    "Override",
    "Ratification",
    "ReportKind",
    "StateReporting",
    "Submission",
    "Treaty",
    "UprReview",
    "calendar",
    "describe_period",
    "due_between",
    "due_reports",
    "entry_into_force",
    "get_treaty",
    "overdue",
    "ratifications_from_data",
    "ratifications_schema",
    "read_ratifications",
    "upr_reviews",
]
