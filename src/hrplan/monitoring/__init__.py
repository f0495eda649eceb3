"""Monitoring a program: where every measure stands, campaigns, progress over time, events.

- :func:`snapshot`: every measure's status on a day, rolled up over sub-measures,
  with totals by status, chapter and institution;
- :func:`occurrences`, :func:`occurrence_on`, :func:`campaign_events`: the yearly
  windows of campaigns and the events held in them;
- :func:`status_history`, :func:`progress_findings`: reported progress over time
  and its ``HP5xx`` checks;
- :func:`read_events`: a secretariat's events spreadsheet read as events of a program.

See ``docs/monitoring.md``. This package uses only the model, the time-limit
engine, the deadline rules and findings; it knows nothing of plugins.
"""

from hrplan.monitoring._campaigns import campaign_events, occurrence_on, occurrences
from hrplan.monitoring._events import COLUMNS, EVENTS_CSV_CODES, EventsImport, read_events
from hrplan.monitoring._progress import PROGRESS_CODES, progress_findings, status_history
from hrplan.monitoring._rollup import URGENCY, roll_up
from hrplan.monitoring._snapshot import MeasureState, Snapshot, snapshot
from hrplan.monitoring._source import EventsSource

__all__ = [
    "COLUMNS",
    "EVENTS_CSV_CODES",
    "PROGRESS_CODES",
    "URGENCY",
    "EventsImport",
    "EventsSource",
    "MeasureState",
    "Snapshot",
    "campaign_events",
    "occurrence_on",
    "occurrences",
    "progress_findings",
    "read_events",
    "roll_up",
    "snapshot",
    "status_history",
]
