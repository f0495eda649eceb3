"""The :class:`TimeLimit` value: what a plan's "time-limit" means as dates."""

from __future__ import annotations

import calendar
import enum
from datetime import date

import attrs
from dateutil.relativedelta import relativedelta

from hrplan.errors import TimeLimitError

__all__ = ["WHOLE_YEAR", "MonthDay", "Precision", "TimeLimit", "TimeLimitKind", "YearlyWindow"]


class TimeLimitKind(enum.Enum):
    """What sort of time-limit a plan gives."""

    #: No end: "permanently", "continuously"; may have a start ("from 2013 on").
    ONGOING = "ongoing"
    #: A bounded period with an inclusive start and end: "2012-2015", "March-April 2012".
    INTERVAL = "interval"
    #: Only an end: "by 31 December 2012", "no later than March 2013".
    DEADLINE = "deadline"
    #: A window that comes back every year: "annually", "18 May - 18 June".
    RECURRING = "recurring"
    #: Text an importer could not read as a time-limit, kept as written (no dates).
    #: :func:`parse_time_limit` never returns it; see :meth:`TimeLimit.unparsed`.
    UNPARSED = "unparsed"


class Precision(enum.Enum):
    """The unit a time-limit was written in.

    Each unit knows its bounds: ``Precision.QUARTER.first_day(date(2012, 5, 9))``
    is 1 April 2012 and ``Precision.QUARTER.last_day(...)`` is 30 June 2012.
    """

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"

    @property
    def months(self) -> int:
        """How many months one unit spans (0 for a day, which is shorter than a month)."""
        return _MONTHS[self]

    def first_day(self, day: date) -> date:
        """The first day of the unit that contains ``day``."""
        if self is Precision.DAY:
            return day
        first_month = (day.month - 1) // self.months * self.months + 1
        return date(day.year, first_month, 1)

    def last_day(self, day: date) -> date:
        """The last day of the unit that contains ``day``."""
        if self is Precision.DAY:
            return day
        return self.first_day(day) + relativedelta(months=self.months - 1, day=31)


_MONTHS = {
    Precision.DAY: 0,
    Precision.MONTH: 1,
    Precision.QUARTER: 3,
    Precision.HALF: 6,
    Precision.YEAR: 12,
}


@attrs.frozen(order=True)
class MonthDay:
    """A day of the year without a year (``--05-18``); 29 February is allowed."""

    month: int
    day: int = attrs.field()

    @day.validator
    def _check(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if not 1 <= self.month <= 12:
            raise TimeLimitError(f"--{self.month:02d}-{value:02d}", "no such month")
        # A leap year, so that 29 February is a valid day of a yearly window.
        if not 1 <= value <= calendar.monthrange(2000, self.month)[1]:
            raise TimeLimitError(f"--{self.month:02d}-{value:02d}", "no such day")

    def __str__(self) -> str:
        return f"--{self.month:02d}-{self.day:02d}"

    def in_year(self, year: int) -> date:
        """This day in ``year``; 29 February becomes 28 February in a common year."""
        return date(year, self.month, 1) + relativedelta(day=self.day)


@attrs.frozen
class YearlyWindow:
    """A window that recurs every year, inclusive at both ends.

    ``end`` before ``start`` means the window runs over the new year
    (20 December - 10 January).
    """

    start: MonthDay
    end: MonthDay

    @property
    def wraps_year(self) -> bool:
        """Whether the window runs over the end of a calendar year."""
        return self.end < self.start

    def occurrence(self, year: int) -> tuple[date, date]:
        """The first and last day of the occurrence that starts in ``year``."""
        end_year = year + 1 if self.wraps_year else year
        return self.start.in_year(year), self.end.in_year(end_year)

    def occurrence_on(self, day: date) -> tuple[date, date] | None:
        """The occurrence (first and last day) that contains ``day``, or ``None``."""
        for year in (day.year - 1, day.year):
            first, last = self.occurrence(year)
            if first <= day <= last:
                return first, last
        return None


#: The window of an activity done "annually" with no dates given.
WHOLE_YEAR = YearlyWindow(MonthDay(1, 1), MonthDay(12, 31))


@attrs.frozen(cache_hash=True)
class TimeLimit:
    """A time-limit as dates, keeping the text it was read from.

    Build one with :func:`hrplan.parse_time_limit`; the constructor is for code
    that already has the dates. ``start`` and ``end`` are inclusive; ``None``
    means open on that side.

    The constructor checks the invariants and raises
    :class:`~hrplan.errors.TimeLimitError` when they do not hold: an interval
    has a start and an end, a deadline only an end, an ongoing time-limit no
    end, a recurring one a window (and optional start/end bounds); ``start <=
    end``; dates come with a precision, and ``start``/``end`` are the first/last
    day of a unit of that precision (a quarter starts on 1 January, April, July
    or October).

    :ivar kind: ongoing, interval, deadline or recurring.
    :ivar start: first day, or ``None``.
    :ivar end: last day, or ``None``.
    :ivar precision: the unit ``start``/``end`` were written in (``None`` when
        there are no dates).
    :ivar window: for a recurring time-limit, the yearly window.
    :ivar text: the wording it was read from; ``None`` when built in code.
    """

    kind: TimeLimitKind
    start: date | None = None
    end: date | None = None
    precision: Precision | None = None
    window: YearlyWindow | None = None
    text: str | None = None

    def __attrs_post_init__(self) -> None:
        reason = _broken_invariant(self)
        if reason is not None:
            raise TimeLimitError(self.text if self.text is not None else _describe(self), reason)

    @classmethod
    def unparsed(cls, text: str) -> TimeLimit:
        """Keep time-limit ``text`` that could not be read, so that nothing is lost.

        Such a time-limit has no dates; it is judged ongoing and the built-in
        validator ``HP203`` reports it.
        """
        return cls(TimeLimitKind.UNPARSED, text=text)

    @property
    def is_ongoing(self) -> bool:
        """Whether it has no end to be judged against ("permanently", "from 2013")."""
        return self.kind is TimeLimitKind.ONGOING

    def __str__(self) -> str:
        """The canonical English wording, which :func:`parse_time_limit` reads back."""
        from hrplan.timelimits._format import canonical

        return canonical(self)

    def edtf(self) -> str:
        """The time-limit as an EDTF (ISO 8601-2) date or interval: ``2012/2015``."""
        from hrplan.timelimits._edtf import to_edtf

        return to_edtf(self)


def _describe(time_limit: TimeLimit) -> str:
    fields = (time_limit.kind.value, time_limit.start, time_limit.end, time_limit.precision)
    return " ".join(
        str(f.value if isinstance(f, enum.Enum) else f) for f in fields if f is not None
    )


def _broken_invariant(t: TimeLimit) -> str | None:
    """Why ``t`` is not a valid time-limit, or ``None`` when it is."""
    for check in (_check_kind, _check_precision, _check_order, _check_units):
        reason = check(t)
        if reason is not None:
            return reason
    return None


def _check_kind(t: TimeLimit) -> str | None:
    recurring = t.kind is TimeLimitKind.RECURRING
    if recurring != (t.window is not None):
        return "a recurring time-limit needs a yearly window, and only it has one"
    if t.kind is TimeLimitKind.INTERVAL and (t.start is None or t.end is None):
        return "an interval needs both a start and an end"
    if t.kind is TimeLimitKind.DEADLINE and (t.start is not None or t.end is None):
        return "a deadline has an end and no start"
    if t.kind is TimeLimitKind.ONGOING and t.end is not None:
        return "an ongoing time-limit has no end"
    if t.kind is TimeLimitKind.UNPARSED and (t.text is None or t.start is not None or t.end is not None):
        return "an unparsed time-limit keeps its text and has no dates"
    return None


def _check_precision(t: TimeLimit) -> str | None:
    has_dates = t.start is not None or t.end is not None
    if has_dates and t.precision is None:
        return "a time-limit with dates needs a precision"
    if not has_dates and t.precision is not None:
        return "a precision is only given with dates"
    return None


def _check_order(t: TimeLimit) -> str | None:
    if t.start is not None and t.end is not None and t.start > t.end:
        return f"it starts ({t.start}) after it ends ({t.end})"
    return None


def _check_units(t: TimeLimit) -> str | None:
    if t.precision is None:
        return None
    unit = t.precision.value
    if t.start is not None and t.precision.first_day(t.start) != t.start:
        return f"start {t.start} is not the first day of a {unit}"
    if t.end is not None and t.precision.last_day(t.end) != t.end:
        return f"end {t.end} is not the last day of a {unit}"
    return None
