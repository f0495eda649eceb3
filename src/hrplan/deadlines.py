"""The status rules, in one place: where a time-limit, a measure and a measure tree stand on a day.

- :class:`Status` and :func:`time_limit_status`: a time-limit judged on a day
  (the rules of ``docs/deadlines.md``), and :func:`days_left` to its end;
- :func:`status` and :func:`effective_time_limit`: a measure judged by its own
  time-limit, else its ancestor's, else its sub-measures' span;
- :data:`URGENCY` and :func:`roll_up`: a measure's status rolled up over its
  sub-measures (the table in ``docs/monitoring.md``).

``hrplan.timelimits`` still answers for ``Status``, ``status`` and ``days_left``,
and ``hrplan.monitoring`` for ``URGENCY`` and ``roll_up``, where they were first
published.
"""

from __future__ import annotations

import enum
import functools
import threading
import weakref
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from hrplan.limits import LimitError, check_days
from hrplan.model import Measure, Program
from hrplan.timelimits import TimeLimit, TimeLimitKind
from hrplan.timelimits._hull import hull

__all__ = ["URGENCY", "Status", "days_left", "effective_time_limit", "roll_up", "status", "time_limit_status"]


class Status(enum.Enum):
    """Where a time-limited activity stands on a given day."""

    #: Its start is still ahead.
    NOT_STARTED = "not-started"
    #: Under way, its end more than ``due_soon`` ahead.
    IN_PROGRESS = "in-progress"
    #: Under way, its end within ``due_soon`` (the end day included).
    DUE_SOON = "due-soon"
    #: Its end has passed and no completion is known.
    OVERDUE = "overdue"
    #: Completed on or before its end (or it has no end).
    COMPLETED = "completed"
    #: Completed after its end.
    COMPLETED_LATE = "completed-late"
    #: No end to be judged against: permanent, or between occurrences of a yearly activity.
    ONGOING = "ongoing"


def time_limit_status(
    time_limit: TimeLimit | None,
    as_of: date,
    completed_on: date | None = None,
    due_soon: timedelta | int = 30,
) -> Status:
    """The status on ``as_of`` of an activity with ``time_limit``.

    :param time_limit: its time-limit; ``None`` when it has none (judged ongoing).
    :param as_of: the day to judge on.
    :param completed_on: the day it was completed; ignored when after ``as_of``
        (not yet known on that day).
    :param due_soon: how close to its end it is "due soon": a
        :class:`~datetime.timedelta` or a number of days (default 30).
    :raises LimitError: when ``due_soon`` is negative or beyond :data:`hrplan.limits.MAX_DAYS`.
    """
    return _judge(time_limit, as_of, completed_on, _margin(due_soon))


def _judge(time_limit: TimeLimit | None, as_of: date, completed_on: date | None, margin: timedelta) -> Status:
    if completed_on is not None and completed_on <= as_of:
        end = None if time_limit is None else time_limit.end
        return Status.COMPLETED if end is None or completed_on <= end else Status.COMPLETED_LATE
    if time_limit is None:
        return Status.ONGOING
    kind = time_limit.kind
    if kind is TimeLimitKind.INTERVAL or kind is TimeLimitKind.DEADLINE:
        # _bounded inlined: the common case, judged once per measure in a status pass.
        start, end = time_limit.start, time_limit.end
        if start is not None and as_of < start:
            return Status.NOT_STARTED
        assert end is not None
        if as_of > end:
            return Status.OVERDUE
        return Status.DUE_SOON if end - as_of < margin else Status.IN_PROGRESS
    return _JUDGES[kind](time_limit, as_of, margin)


def days_left(time_limit: TimeLimit | None, as_of: date) -> int | None:
    """Days from ``as_of`` to the end: 0 on the last day, negative when overdue.

    ``None`` when there is no end (no time-limit, ongoing, deadline-less recurring).
    """
    if time_limit is None or time_limit.end is None:
        return None
    return (time_limit.end - as_of).days


@functools.lru_cache(maxsize=32)  # built once per value: status() is called once per measure
def _margin(due_soon: timedelta | int) -> timedelta:
    negative = due_soon < timedelta(0) if isinstance(due_soon, timedelta) else due_soon < 0
    if negative:
        raise LimitError(f"due_soon must not be negative, got {due_soon!r}")
    return due_soon if isinstance(due_soon, timedelta) else timedelta(days=check_days(due_soon, "due_soon"))


def _toward_end(end: date, as_of: date, margin: timedelta) -> Status:
    """Under way with ``end`` ahead, due soon or past."""
    if as_of > end:
        return Status.OVERDUE
    return Status.DUE_SOON if end - as_of < margin else Status.IN_PROGRESS


def _bounded(time_limit: TimeLimit, as_of: date, margin: timedelta) -> Status:
    """Intervals and deadlines (a deadline has no start)."""
    if time_limit.start is not None and as_of < time_limit.start:
        return Status.NOT_STARTED
    assert time_limit.end is not None
    return _toward_end(time_limit.end, as_of, margin)


def _ongoing(time_limit: TimeLimit, as_of: date, _margin: timedelta) -> Status:
    if time_limit.start is not None and as_of < time_limit.start:
        return Status.NOT_STARTED
    return Status.ONGOING


def _recurring(time_limit: TimeLimit, as_of: date, margin: timedelta) -> Status:
    """Judged by the occurrence of the window that contains ``as_of``; never overdue."""
    if time_limit.start is not None and as_of < time_limit.start:
        return Status.NOT_STARTED
    if time_limit.end is not None and as_of > time_limit.end:
        return Status.ONGOING
    assert time_limit.window is not None
    occurrence = time_limit.window.occurrence_on(as_of)
    if occurrence is None:
        return Status.ONGOING
    last = occurrence[1] if time_limit.end is None else min(occurrence[1], time_limit.end)
    return _toward_end(last, as_of, margin)


_DEFAULT_MARGIN = timedelta(days=30)
_INTERVAL, _DEADLINE = TimeLimitKind.INTERVAL, TimeLimitKind.DEADLINE

_JUDGES: dict[TimeLimitKind, Callable[[TimeLimit, date, timedelta], Status]] = {
    TimeLimitKind.INTERVAL: _bounded,
    TimeLimitKind.DEADLINE: _bounded,
    TimeLimitKind.ONGOING: _ongoing,
    TimeLimitKind.RECURRING: _recurring,
    # Unreadable text cannot be judged: like no time-limit at all (HP203 reports it).
    TimeLimitKind.UNPARSED: lambda _time_limit, _as_of, _margin: Status.ONGOING,
}


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
    # The default margin without the cache call: status() runs once per measure in a pass.
    margin = _DEFAULT_MARGIN if due_soon.__class__ is int and due_soon == 30 else _margin(due_soon)
    if isinstance(subject, Measure):
        time_limit = subject.time_limit
        if program is not None:
            # Without progress updates there is no completion to look up.
            if completed_on is None and program.progress:
                completed_on = program.completed_on(subject.id, as_of)
            if time_limit is None:
                cached = getattr(_last, "entry", None)  # _inherited's cache hit, without the call
                table = cached[1] if cached is not None and cached[0]() is program else _inherited(program)
                time_limit = table.get(id(subject))
        if time_limit is None:
            time_limit = _span(subject)
    else:
        time_limit = subject
    if completed_on is None and time_limit is not None:
        kind = time_limit.kind
        if kind is _INTERVAL or kind is _DEADLINE:
            # _judge's common case inlined: one call fewer per measure.
            start, end = time_limit.start, time_limit.end
            if start is not None and as_of < start:
                return Status.NOT_STARTED
            assert end is not None
            if as_of > end:
                return Status.OVERDUE
            return Status.DUE_SOON if end - as_of < margin else Status.IN_PROGRESS
    return _judge(time_limit, as_of, completed_on, margin)


def effective_time_limit(measure: Measure, program: Program | None = None) -> TimeLimit | None:
    """The time-limit a measure is judged by (see :func:`status`).

    Inheritance applies only when ``measure`` is the program's own measure of that
    number; a measure from elsewhere is judged by itself and its sub-measures.
    """
    if measure.time_limit is not None:
        return measure.time_limit
    if program is not None:
        inherited = _inherited(program).get(id(measure))
        if inherited is not None:
            return inherited
    return _span(measure)


def _span(measure: Measure) -> TimeLimit | None:
    """The hull of the time-limits of ``measure`` and its sub-measures, or ``None``."""
    own = [m.time_limit for m in measure.walk() if m.time_limit is not None]
    return hull(own) if own else None


_last = threading.local()


def _inherited(program: Program) -> dict[int, TimeLimit | None]:
    """The ancestor's time-limit of each of the program's own measures that has none, by ``id()``.

    Built once per program (the last one asked about, per thread) so that a
    status pass over every measure costs one integer lookup per measure, not a
    walk up its ancestors. The ids stay valid while the program, which holds
    its measures, is alive: the weak reference checks that.
    """
    cached: tuple[weakref.ref[Program], dict[int, TimeLimit | None]] | None = getattr(_last, "entry", None)
    if cached is not None and cached[0]() is program:
        return cached[1]
    index = program._index
    table: dict[int, TimeLimit | None] = {}
    for entry in index.values():
        if entry.measure.time_limit is not None:
            continue
        found, up = None, entry
        while up.parent is not None:
            up = index[up.parent]
            if up.measure.time_limit is not None:
                found = up.measure.time_limit
                break
        table[id(entry.measure)] = found
    _last.entry = (weakref.ref(program), table)
    return table


#: Statuses from the most to the least urgent: the order :func:`roll_up` ranks by.
URGENCY: tuple[Status, ...] = (
    Status.OVERDUE,
    Status.DUE_SOON,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.COMPLETED_LATE,
    Status.COMPLETED,
    Status.ONGOING,
)

_RANK = {status: rank for rank, status in enumerate(URGENCY)}
_CLOSED = frozenset({Status.COMPLETED, Status.COMPLETED_LATE})


def roll_up(own: Status, children: Iterable[Status]) -> Status:
    """The rolled-up status of a measure from its own status and its sub-measures' rolled-up ones.

    A measure reported completed (``COMPLETED`` or ``COMPLETED_LATE``) keeps its
    own status, whatever its sub-measures say; otherwise the most urgent of its
    own status and the sub-measures' statuses wins, in the order of :data:`URGENCY`.

    >>> roll_up(Status.IN_PROGRESS, [Status.COMPLETED, Status.OVERDUE])
    <Status.OVERDUE: 'overdue'>
    >>> roll_up(Status.COMPLETED, [Status.OVERDUE])
    <Status.COMPLETED: 'completed'>
    """
    if own in _CLOSED:
        return own
    return min((own, *children), key=_RANK.__getitem__)
