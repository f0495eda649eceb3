"""Time-limits: reading a plan's free-text time-limit as dates, and judging it.

>>> from hrplan.timelimits import parse_time_limit
>>> t = parse_time_limit("March-April 2012")
>>> t.start, t.end, str(t), t.edtf()
(datetime.date(2012, 3, 1), datetime.date(2012, 4, 30), 'March-April 2012', '2012-03/2012-04')

See ``docs/deadlines.md`` for every phrasing, the canonical and EDTF forms and
the status rules.
"""

from typing import Any

from hrplan.timelimits._model import (
    WHOLE_YEAR,
    MonthDay,
    Precision,
    TimeLimit,
    TimeLimitKind,
    YearlyWindow,
)
from hrplan.timelimits._parse import parse_time_limit
from hrplan.timelimits._vocabulary import ENGLISH, YEAR_PARTS, Vocabulary

__all__ = [
    "ENGLISH",
    "WHOLE_YEAR",
    "YEAR_PARTS",
    "MonthDay",
    "Precision",
    "TimeLimit",
    "TimeLimitKind",
    "Vocabulary",
    "YearlyWindow",
    "parse_time_limit",
]


#: The status rules live in :mod:`hrplan.deadlines`; these names stay importable from
#: here, where they were first published (``status`` is ``deadlines.time_limit_status``).
_MOVED = {"Status": "Status", "days_left": "days_left", "status": "time_limit_status"}


def __getattr__(name: str) -> Any:
    """``Status``, ``status`` and ``days_left``, from :mod:`hrplan.deadlines`."""
    if name in _MOVED:
        # An alias against the layers, allowed by tests/test_layers.py; loaded only when asked for.
        from hrplan import deadlines

        return getattr(deadlines, _MOVED[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
