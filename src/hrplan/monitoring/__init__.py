"""Monitoring a program: where every measure stands, campaigns, progress over time, events.

- :func:`snapshot`: every measure's status on a day, rolled up over sub-measures,
  with totals by status, chapter and institution;
- :func:`occurrences`, :func:`occurrence_on`, :func:`campaign_events`: the yearly
  windows of campaigns and the events held in them;
- :func:`status_history`, :func:`progress_findings`: reported progress over time
  and its ``HP5xx`` checks;
- :func:`read_events`: a secretariat's events spreadsheet read as events of a program
  (an alias: the format lives in :mod:`hrplan.builtins.events_csv`).

See ``docs/monitoring.md``. This package uses only the model, the time-limit
engine, the deadline rules and findings; it knows nothing of plugins.
"""

from typing import Any

from hrplan.deadlines import URGENCY, roll_up
from hrplan.monitoring._campaigns import campaign_events, occurrence_on, occurrences
from hrplan.monitoring._progress import PROGRESS_CODES, progress_findings, status_history
from hrplan.monitoring._snapshot import MeasureState, Snapshot, snapshot

__all__ = [
    "PROGRESS_CODES",
    "URGENCY",
    "MeasureState",
    "Snapshot",
    "campaign_events",
    "occurrence_on",
    "occurrences",
    "progress_findings",
    "roll_up",
    "snapshot",
    "status_history",
]

#: Names of the events spreadsheet format, which lives in :mod:`hrplan.builtins.events_csv`;
#: they stay importable from here, where they were first published.
_MOVED = frozenset({"COLUMNS", "EVENTS_CSV_CODES", "EventsImport", "EventsSource", "read_events"})


def __getattr__(name: str) -> Any:
    """The names of the events spreadsheet format, from :mod:`hrplan.builtins.events_csv`."""
    if name in _MOVED:
        # The one import against the layers, allowed by tests/test_layers.py: an alias kept
        # for code written against the first release; loaded only when asked for.
        from hrplan.builtins import events_csv

        return getattr(events_csv, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
