"""Progress reported on measures over time."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from hrplan.model._ids import MeasureId, to_measure_id

__all__ = ["Progress", "ProgressUpdate"]


class Progress(enum.Enum):
    """What an implementing institution reports about a measure."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


@attrs.frozen
class ProgressUpdate:
    """A dated report on one measure.

    :ivar measure: the number of the measure it reports on.
    :ivar date: when the state it reports was reached.
    :ivar progress: the reported state.
    :ivar note: what was done, in words.
    :ivar evidence: ids of the events that show it.
    :ivar reported_by: the id of the reporting institution, if known.
    """

    measure: MeasureId = attrs.field(converter=to_measure_id)
    date: date
    progress: Progress
    note: str | None = None
    evidence: tuple[str, ...] = ()
    reported_by: str | None = None
