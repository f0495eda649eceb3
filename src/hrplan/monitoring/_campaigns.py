"""The yearly occurrences of campaigns, and the events held in one.

Occurrences are enumerated with dateutil's ``rrule(YEARLY, ...)``; their dates
are those of :meth:`hrplan.YearlyWindow.occurrence`, which the status rules use
too: a window day of 29 February falls on 28 February in common years.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta

from dateutil.rrule import YEARLY, rrule

from hrplan.model import Campaign, DateSpan, Event, Program
from hrplan.timelimits import YearlyWindow

__all__ = ["campaign_events", "occurrence_on", "occurrences"]


def occurrences(campaign: Campaign, start: date, end: date) -> tuple[DateSpan, ...]:
    """The occurrences of ``campaign`` that overlap the days ``start`` to ``end`` (inclusive), by date.

    An occurrence belongs to the year it starts in (a window over the new year,
    20 December - 10 January, belongs to the year of its December), and only the
    years from ``campaign.first_year`` to ``campaign.last_year`` count. An
    occurrence never starts before the previous one has ended: the only window
    where that matters runs from 29 February to 28 February, whose occurrences
    start on 1 March in common years.
    """
    window = campaign.window
    first = max(start.year - 1, MINYEAR, campaign.first_year or MINYEAR)
    last = min(end.year, MAXYEAR if campaign.last_year is None else campaign.last_year)
    last = min(last, MAXYEAR - 1) if window.wraps_year else last  # its end must be a date too
    if start > end or first > last:
        return ()
    found = []
    for day in _start_days(window, first, last):
        span = _span(window, day.year, day)
        if span.start <= end and span.end >= start:
            found.append(span)
    return tuple(found)


def occurrence_on(campaign: Campaign, day: date) -> DateSpan | None:
    """The occurrence of ``campaign`` that ``day`` falls in, or ``None`` (between occurrences,
    or in a year outside ``first_year`` - ``last_year``)."""
    try:
        found = campaign.window.occurrence_on(day)
    except ValueError:  # in year 1 or 9999 the occurrence next door lies outside the calendar
        spans = occurrences(campaign, day, day)
        return spans[0] if spans else None
    if found is None:
        return None
    year = found[0].year
    if (campaign.first_year is not None and year < campaign.first_year) or (
        campaign.last_year is not None and year > campaign.last_year
    ):
        return None
    return _span(campaign.window, year, found[0])


def campaign_events(program: Program, campaign: Campaign, occurrence: DateSpan) -> tuple[Event, ...]:
    """The events of ``program`` held within ``occurrence`` that belong to ``campaign``, by date.

    An event belongs to it when its ``campaign`` is the campaign's id or it
    implements one of the campaign's measures; it is held within the occurrence
    when its first and last days both are.
    """
    measures = set(campaign.measures)
    found = [
        event
        for event in program.events
        if occurrence.start <= event.dates.start
        and event.dates.end <= occurrence.end
        and (event.campaign == campaign.id or not measures.isdisjoint(event.measures))
    ]
    return tuple(sorted(found, key=lambda e: (e.dates.start, e.dates.end)))


def _start_days(window: YearlyWindow, first: int, last: int) -> list[date]:
    """The first day of the window in each year from ``first`` to ``last``.

    ``bymonthday=-1`` is the last day of the month: 29 February in leap years
    and 28 February in common ones, as ``MonthDay.in_year`` has it.
    """
    month, day = window.start.month, window.start.day
    rule = rrule(
        YEARLY,
        bymonth=month,
        bymonthday=-1 if (month, day) == (2, 29) else day,
        dtstart=datetime(first, 1, 1),
        until=datetime(last, 12, 31),
    )
    return [moment.date() for moment in rule]


def _span(window: YearlyWindow, year: int, first_day: date) -> DateSpan:
    """The occurrence starting on ``first_day`` of ``year``, after the previous one's end."""
    last_day = window.occurrence(year)[1]
    if year > MINYEAR:
        previous_end = window.occurrence(year - 1)[1]
        if previous_end >= first_day:
            first_day = previous_end + timedelta(days=1)
    return DateSpan(first_day, last_day)
