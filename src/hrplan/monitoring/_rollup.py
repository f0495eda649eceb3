"""Rolling a measure's status up over its sub-measures (the table in docs/monitoring.md)."""

from __future__ import annotations

from collections.abc import Iterable

from hrplan.timelimits import Status

__all__ = ["URGENCY", "roll_up"]

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
