"""Hypothesis strategies for time-limits built from dates (not from text).

Needs ``hypothesis``; nothing else in :mod:`hrplan.timelimits` imports this module.
``time_limits()`` builds every kind at every precision with ``text=None``;
``time_limits(with_text=True)`` sets ``text`` to the canonical wording, so that
``parse_time_limit(str(t)) == t``.
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import strategies as st

from hrplan.timelimits._model import MonthDay, Precision, TimeLimit, TimeLimitKind, YearlyWindow

__all__ = ["days", "month_days", "precisions", "spans", "time_limits", "units", "yearly_windows"]

#: The years the strategies draw from.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def precisions() -> st.SearchStrategy[Precision]:
    """Any precision."""
    return st.sampled_from(Precision)


def days(
    first: date = date(FIRST_YEAR, 1, 1), last: date = date(LAST_YEAR, 12, 31)
) -> st.SearchStrategy[date]:
    """Days between ``first`` and ``last``."""
    return st.dates(first, last)


def units(precision: Precision) -> st.SearchStrategy[tuple[date, date]]:
    """The first and last day of a unit of ``precision`` (a year, a quarter...)."""
    return days().map(lambda d: (precision.first_day(d), precision.last_day(d)))


def spans(precision: Precision) -> st.SearchStrategy[tuple[date, date]]:
    """From the first day of a unit to the last day of the same or a later unit."""
    return st.tuples(units(precision), units(precision)).map(
        lambda pair: (min(pair)[0], max(pair)[1])
    )


def month_days() -> st.SearchStrategy[MonthDay]:
    """Days of the year, 29 February included."""
    return days(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: MonthDay(d.month, d.day))


def yearly_windows() -> st.SearchStrategy[YearlyWindow]:
    """Yearly windows, some of one day, some over the new year, some of whole months."""
    whole_months = st.tuples(st.integers(1, 12), st.integers(1, 12)).map(
        lambda m: YearlyWindow(
            MonthDay(m[0], 1), MonthDay(m[1], Precision.MONTH.last_day(date(2000, m[1], 1)).day)
        )
    )
    return st.builds(YearlyWindow, month_days(), month_days()) | whole_months


def time_limits(*, with_text: bool = False) -> st.SearchStrategy[TimeLimit]:
    """Valid time-limits of every kind and precision, years 1900-2200.

    :param with_text: set ``text`` to the canonical wording (``str(t)``).
    """
    strategy = st.one_of(_ongoing(), _intervals(), _deadlines(), _recurring())
    return strategy.map(lambda t: attrs.evolve(t, text=str(t))) if with_text else strategy


def _ongoing() -> st.SearchStrategy[TimeLimit]:
    started = precisions().flatmap(
        lambda p: units(p).map(lambda u: TimeLimit(TimeLimitKind.ONGOING, start=u[0], precision=p))
    )
    return st.just(TimeLimit(TimeLimitKind.ONGOING)) | started


def _intervals() -> st.SearchStrategy[TimeLimit]:
    return precisions().flatmap(
        lambda p: spans(p).map(lambda s: TimeLimit(TimeLimitKind.INTERVAL, s[0], s[1], p))
    )


def _deadlines() -> st.SearchStrategy[TimeLimit]:
    return precisions().flatmap(
        lambda p: units(p).map(lambda u: TimeLimit(TimeLimitKind.DEADLINE, end=u[1], precision=p))
    )


def _recurring() -> st.SearchStrategy[TimeLimit]:
    """Recurring time-limits, unbounded or bounded like an interval, ongoing or deadline."""
    bounds = st.one_of(
        st.just(TimeLimit(TimeLimitKind.ONGOING)), _ongoing(), _intervals(), _deadlines()
    )
    return st.builds(
        lambda window, b: TimeLimit(TimeLimitKind.RECURRING, b.start, b.end, b.precision, window),
        yearly_windows(),
        bounds,
    )
