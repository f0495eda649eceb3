"""Status of measures: a measure's time-limit (own, inherited or derived) judged on a date."""

from __future__ import annotations

from datetime import date, timedelta

from hrplan.model import Measure, Program
from hrplan.timelimits import Status, TimeLimit
from hrplan.timelimits import status as time_limit_status
from hrplan.timelimits._hull import hull

__all__ = ["effective_time_limit", "status"]


def status(
    subject: Measure | TimeLimit | None,
    as_of: date,
    completed_on: date | None = None,
    due_soon: timedelta | int = 30,
    *,
    program: Program | None = None,
) -> Status:
    """The status of a measure or time-limit on ``as_of``.

    A measure is judged by its own time-limit; without one, by its nearest
    ancestor's when ``program`` is given, else by the span of its sub-measures'
    time-limits; with none at all it is ongoing. See ``docs/deadlines.md``.

    :param subject: a :class:`Measure`, a :class:`TimeLimit`, or ``None`` (no time-limit).
    :param as_of: the day to judge on.
    :param completed_on: the day it was completed, if it was.
    :param due_soon: how close to its end a measure is "due soon" (days or a timedelta).
    :param program: the program the measure belongs to, for inheritance and
        reported completion (its latest progress update up to ``as_of``).
    """
    if isinstance(subject, Measure):
        if program is not None and completed_on is None:
            completed_on = program.completed_on(subject.id, as_of)
        subject = effective_time_limit(subject, program)
    return time_limit_status(subject, as_of, completed_on, due_soon)


def effective_time_limit(measure: Measure, program: Program | None = None) -> TimeLimit | None:
    """The time-limit a measure is judged by (see :func:`status`).

    Inheritance applies only when ``measure`` is the program's own measure of that
    number; a measure from elsewhere is judged by itself and its sub-measures.
    """
    if measure.time_limit is not None:
        return measure.time_limit
    if program is not None and program.find_measure(measure.id) is measure:
        inherited = program.time_limit_of(measure.id)
        if inherited is not None:
            return inherited
    own = [m.time_limit for m in measure.walk() if m.time_limit is not None]
    return hull(own) if own else None
