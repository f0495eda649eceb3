"""The smallest time-limit that covers several others."""

from __future__ import annotations

from collections.abc import Iterable

from hrplan.timelimits._model import Precision, TimeLimit, TimeLimitKind

__all__ = ["hull"]


def hull(time_limits: Iterable[TimeLimit]) -> TimeLimit:
    """The smallest time-limit covering all of ``time_limits``.

    Used to judge a measure that has no time-limit of its own by its
    sub-measures: open ends stay open (one ongoing or recurring part makes the
    whole ongoing, one deadline without a start leaves the start open), and the
    precision is the common one, or days when they differ.

    :raises ValueError: when ``time_limits`` is empty.
    """
    parts = list(time_limits)
    if not parts:
        raise ValueError("hull() of no time-limits")
    starts = [t.start for t in parts]
    start = None if None in starts else min(s for s in starts if s is not None)
    precisions = {t.precision for t in parts}
    precision = precisions.pop() if len(precisions) == 1 else Precision.DAY
    if any(t.kind in (TimeLimitKind.ONGOING, TimeLimitKind.RECURRING) or t.end is None for t in parts):
        return TimeLimit(TimeLimitKind.ONGOING, start=start, precision=precision if start else None)
    end = max(t.end for t in parts if t.end is not None)
    kind = TimeLimitKind.INTERVAL if start is not None else TimeLimitKind.DEADLINE
    return TimeLimit(kind, start=start, end=end, precision=precision)
