"""Time-limits: reading a plan's free-text time-limit as dates, and judging it.

>>> from hrplan.timelimits import parse_time_limit
>>> t = parse_time_limit("March-April 2012")
>>> t.start, t.end, str(t), t.edtf()
(datetime.date(2012, 3, 1), datetime.date(2012, 4, 30), 'March-April 2012', '2012-03/2012-04')

See ``docs/deadlines.md`` for every phrasing, the canonical and EDTF forms and
the status rules.
"""

from hrplan.timelimits._model import (
    WHOLE_YEAR,
    MonthDay,
    Precision,
    TimeLimit,
    TimeLimitKind,
    YearlyWindow,
)
from hrplan.timelimits._parse import parse_time_limit
from hrplan.timelimits._status import Status, days_left, status
from hrplan.timelimits._vocabulary import ENGLISH, Vocabulary

__all__ = [
    "ENGLISH",
    "WHOLE_YEAR",
    "MonthDay",
    "Precision",
    "Status",
    "TimeLimit",
    "TimeLimitKind",
    "Vocabulary",
    "YearlyWindow",
    "days_left",
    "parse_time_limit",
    "status",
]
