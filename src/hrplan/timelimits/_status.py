"""Where a time-limit stands on a given day: the status rules of docs/deadlines.md."""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, timedelta

from hrplan.timelimits._model import TimeLimit, TimeLimitKind

__all__ = ["Status", "days_left", "status"]


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


def status(
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
    :raises ValueError: when ``due_soon`` is negative.
    """
    margin = _margin(due_soon)
    if completed_on is not None and completed_on <= as_of:
        end = None if time_limit is None else time_limit.end
        return Status.COMPLETED if end is None or completed_on <= end else Status.COMPLETED_LATE
    if time_limit is None:
        return Status.ONGOING
    return _JUDGES[time_limit.kind](time_limit, as_of, margin)


def days_left(time_limit: TimeLimit | None, as_of: date) -> int | None:
    """Days from ``as_of`` to the end: 0 on the last day, negative when overdue.

    ``None`` when there is no end (no time-limit, ongoing, deadline-less recurring).
    """
    if time_limit is None or time_limit.end is None:
        return None
    return (time_limit.end - as_of).days


def _margin(due_soon: timedelta | int) -> timedelta:
    margin = due_soon if isinstance(due_soon, timedelta) else timedelta(days=due_soon)
    if margin < timedelta(0):
        raise ValueError(f"due_soon must not be negative, got {due_soon!r}")
    return margin


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


_JUDGES: dict[TimeLimitKind, Callable[[TimeLimit, date, timedelta], Status]] = {
    TimeLimitKind.INTERVAL: _bounded,
    TimeLimitKind.DEADLINE: _bounded,
    TimeLimitKind.ONGOING: _ongoing,
    TimeLimitKind.RECURRING: _recurring,
    # Unreadable text cannot be judged: like no time-limit at all (HP203 reports it).
    TimeLimitKind.UNPARSED: lambda _time_limit, _as_of, _margin: Status.ONGOING,
}
