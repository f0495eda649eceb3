"""Campaign occurrences (dateutil rrule) and the events held in them."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrplan import (
    Campaign,
    Chapter,
    DateSpan,
    Event,
    EventKind,
    Implementer,
    Institution,
    Measure,
    MonthDay,
    Program,
    Status,
    TimeLimit,
    TimeLimitKind,
    YearlyWindow,
)
from hrplan.deadlines import time_limit_status as status
from hrplan.monitoring import campaign_events, occurrence_on, occurrences
from hrplan.testing import yearly_windows


def campaign(
    start: tuple[int, int], end: tuple[int, int], first: int | None = None, last: int | None = None
) -> Campaign:
    window = YearlyWindow(MonthDay(*start), MonthDay(*end))
    return Campaign("c", "Campaign", window, first_year=first, last_year=last)


def span(start: date, end: date) -> DateSpan:
    return DateSpan(start, end)


HR_MONTH = campaign((5, 18), (6, 18))
CHILD_MONTH = campaign((10, 20), (11, 20), first=2022, last=2024)
NEW_YEAR = campaign((12, 20), (1, 10))


class TestExamples:
    def test_18_may_to_18_june(self) -> None:
        assert occurrences(HR_MONTH, date(2023, 1, 1), date(2024, 12, 31)) == (
            span(date(2023, 5, 18), date(2023, 6, 18)),
            span(date(2024, 5, 18), date(2024, 6, 18)),
        )
        assert occurrences(HR_MONTH, date(2024, 6, 18), date(2024, 6, 18)) == (
            span(date(2024, 5, 18), date(2024, 6, 18)),
        )
        assert occurrences(HR_MONTH, date(2024, 6, 19), date(2025, 5, 17)) == ()
        assert occurrences(HR_MONTH, date(2024, 6, 1), date(2024, 5, 1)) == ()  # an empty range
        assert occurrence_on(HR_MONTH, date(2024, 5, 18)) == span(date(2024, 5, 18), date(2024, 6, 18))
        assert occurrence_on(HR_MONTH, date(2024, 5, 17)) is None

    def test_20_october_to_20_november_within_its_years(self) -> None:
        assert occurrences(CHILD_MONTH, date(2000, 1, 1), date(2030, 12, 31)) == (
            span(date(2022, 10, 20), date(2022, 11, 20)),
            span(date(2023, 10, 20), date(2023, 11, 20)),
            span(date(2024, 10, 20), date(2024, 11, 20)),
        )
        assert occurrence_on(CHILD_MONTH, date(2021, 11, 1)) is None
        assert occurrence_on(CHILD_MONTH, date(2024, 11, 20)) == span(date(2024, 10, 20), date(2024, 11, 20))
        assert occurrence_on(CHILD_MONTH, date(2025, 11, 1)) is None

    def test_a_window_over_the_new_year_belongs_to_the_year_it_starts_in(self) -> None:
        assert occurrences(NEW_YEAR, date(2024, 1, 1), date(2024, 12, 31)) == (
            span(date(2023, 12, 20), date(2024, 1, 10)),
            span(date(2024, 12, 20), date(2025, 1, 10)),
        )
        assert occurrence_on(NEW_YEAR, date(2024, 1, 5)) == span(date(2023, 12, 20), date(2024, 1, 10))
        assert occurrence_on(NEW_YEAR, date(2024, 1, 11)) is None
        from_2024 = campaign((12, 20), (1, 10), first=2024)
        assert occurrence_on(from_2024, date(2024, 1, 5)) is None
        assert occurrences(from_2024, date(2024, 1, 1), date(2024, 12, 31)) == (
            span(date(2024, 12, 20), date(2025, 1, 10)),
        )
        until_2023 = campaign((12, 20), (1, 10), last=2023)
        assert occurrences(until_2023, date(2024, 1, 1), date(2024, 12, 31)) == (
            span(date(2023, 12, 20), date(2024, 1, 10)),
        )

    def test_29_february_is_28_february_in_common_years(self) -> None:
        leap_day = campaign((2, 29), (3, 31))
        assert occurrences(leap_day, date(2023, 1, 1), date(2024, 12, 31)) == (
            span(date(2023, 2, 28), date(2023, 3, 31)),
            span(date(2024, 2, 29), date(2024, 3, 31)),
        )
        to_leap_day = campaign((2, 1), (2, 29))
        assert occurrence_on(to_leap_day, date(2023, 2, 28)) == span(date(2023, 2, 1), date(2023, 2, 28))
        assert occurrence_on(to_leap_day, date(2024, 2, 29)) == span(date(2024, 2, 1), date(2024, 2, 29))
        one_day = campaign((2, 29), (2, 29))
        assert occurrence_on(one_day, date(2023, 2, 28)) == span(date(2023, 2, 28), date(2023, 2, 28))
        assert occurrence_on(one_day, date(2024, 2, 28)) is None

    def test_from_29_february_round_to_28_february_never_overlaps(self) -> None:
        year_long = campaign((2, 29), (2, 28))
        assert occurrences(year_long, date(2023, 1, 1), date(2025, 12, 31)) == (
            span(date(2022, 3, 1), date(2023, 2, 28)),
            span(date(2023, 3, 1), date(2024, 2, 28)),
            span(date(2024, 2, 29), date(2025, 2, 28)),
            span(date(2025, 3, 1), date(2026, 2, 28)),
        )
        assert occurrence_on(year_long, date(2023, 2, 28)) == span(date(2022, 3, 1), date(2023, 2, 28))

    def test_the_calendar_edges(self) -> None:
        assert occurrence_on(NEW_YEAR, date(1, 1, 5)) is None  # its 0 AD occurrence is outside the calendar
        assert occurrence_on(NEW_YEAR, date(9999, 12, 25)) is None
        assert occurrence_on(HR_MONTH, date(9999, 6, 1)) == span(date(9999, 5, 18), date(9999, 6, 18))
        assert occurrences(HR_MONTH, date(1, 1, 1), date(1, 12, 31)) == (span(date(1, 5, 18), date(1, 6, 18)),)


def program_with_events() -> Program:
    chapters = (
        Chapter(1, "One", measures=(
            Measure("1.1", "Awareness", implementers=(Implementer("omb"),)),
            Measure("1.2", "Training", implementers=(Implementer("omb"),)),
            Measure("1.3", "Other", implementers=(Implementer("omb"),)),
        )),
    )  # fmt: skip
    month = Campaign("hr-month", "Human Rights month", HR_MONTH.window, measures=("1.1",))
    other = Campaign("other", "Another", HR_MONTH.window)

    def ev(
        key: str, start: date, end: date | None = None, *, measures: tuple[str, ...] = (), of: str | None = None
    ) -> Event:
        dates = DateSpan(start, end or start)
        return Event(key, key, EventKind.CAMPAIGN_ACTIVITY, dates, measures=measures, campaign=of)

    events = (
        ev("late", date(2024, 6, 10), of="hr-month"),
        ev("by-measure", date(2024, 5, 20), measures=("1.1", "1.3")),
        ev("whole", date(2024, 5, 18), date(2024, 6, 18), of="hr-month"),
        ev("overruns", date(2024, 6, 15), date(2024, 6, 20), of="hr-month"),
        ev("before", date(2024, 5, 17), of="hr-month"),
        ev("other-campaign", date(2024, 5, 25), of="other"),
        ev("other-measure", date(2024, 5, 26), measures=("1.2",)),
        ev("last-year", date(2023, 6, 1), of="hr-month"),
    )
    return Program(
        "p", "P", chapters=chapters, institutions=(Institution("omb", "Ombudsman"),),
        campaigns=(month, other), events=events,
    )  # fmt: skip


def test_campaign_events() -> None:
    prog = program_with_events()
    month = prog.campaigns[0]
    (this_year,) = occurrences(month, date(2024, 1, 1), date(2024, 12, 31))
    found = campaign_events(prog, month, this_year)
    assert [e.id for e in found] == ["whole", "by-measure", "late"]
    (last_year,) = occurrences(month, date(2023, 1, 1), date(2023, 12, 31))
    assert [e.id for e in campaign_events(prog, month, last_year)] == ["last-year"]
    assert [e.id for e in campaign_events(prog, prog.campaigns[1], this_year)] == ["other-campaign"]


# Properties. Years stay in a range where leap and common years and the bounds all occur.
YEARS = st.integers(1990, 2040)


@st.composite
def campaigns(draw: st.DrawFn) -> Campaign:
    first = draw(st.none() | YEARS)
    last = draw(st.none() | st.integers(first or 1990, 2040))
    return Campaign("c", "C", draw(yearly_windows()), first_year=first, last_year=last)


@st.composite
def ranges(draw: st.DrawFn) -> tuple[date, date]:
    start = draw(st.dates(date(1990, 1, 1), date(2040, 12, 31)))
    return start, start + timedelta(days=draw(st.integers(0, 1500)))


def in_bounds(c: Campaign, year: int) -> bool:
    return (c.first_year is None or c.first_year <= year) and (c.last_year is None or year <= c.last_year)


@given(campaigns(), ranges())
def test_every_occurrence_starts_in_its_year_with_the_windows_dates(c: Campaign, days: tuple[date, date]) -> None:
    for found in occurrences(c, *days):
        year = found.start.year
        first, last = c.window.occurrence(year)
        assert in_bounds(c, year)
        assert found.end == last
        if found.start != first:  # only from 29 February round to 28 February, in a common year
            assert (c.window.start, c.window.end) == (MonthDay(2, 29), MonthDay(2, 28))
            assert found.start == date(year, 3, 1) == c.window.occurrence(year - 1)[1] + timedelta(days=1)
        assert found.start <= days[1]
        assert found.end >= days[0]


def reference(c: Campaign, year: int) -> DateSpan:
    """The occurrence starting in ``year``, from ``YearlyWindow.occurrence`` alone (no rrule)."""
    first, last = c.window.occurrence(year)
    previous_end = c.window.occurrence(year - 1)[1]
    return DateSpan(max(first, previous_end + timedelta(days=1)), last)


@given(campaigns(), ranges())
def test_occurrences_are_every_overlapping_year_in_order(c: Campaign, days: tuple[date, date]) -> None:
    expected = [
        reference(c, year)
        for year in range(days[0].year - 1, days[1].year + 1)
        if in_bounds(c, year) and reference(c, year).start <= days[1] and reference(c, year).end >= days[0]
    ]
    assert list(occurrences(c, *days)) == expected


@given(campaigns(), ranges())
def test_occurrences_do_not_overlap(c: Campaign, days: tuple[date, date]) -> None:
    for before, after in itertools.pairwise(occurrences(c, *days)):
        assert before.end < after.start


@given(campaigns(), st.dates(date(1991, 1, 1), date(2039, 12, 31)))
def test_a_day_is_in_at_most_one_occurrence(c: Campaign, day: date) -> None:
    """True of every window, not only of those shorter than a year, since occurrences never overlap."""
    around = occurrences(c, day - timedelta(days=800), day + timedelta(days=800))
    assert sum(day in s for s in around) <= 1


@given(campaigns(), st.dates(date(1991, 1, 1), date(2039, 12, 31)))
def test_occurrence_on_is_one_of_the_occurrences(c: Campaign, day: date) -> None:
    found = occurrence_on(c, day)
    listed = occurrences(c, day, day)
    assert (found is not None) == (found in listed)
    assert listed == (() if found is None else (found,))
    if found is not None:
        assert day in found
        assert found in occurrences(c, day - timedelta(days=400), day + timedelta(days=400))


@given(yearly_windows(), st.dates(date(1991, 1, 1), date(2039, 12, 31)))
def test_occurrences_agree_with_the_status_rules(window: YearlyWindow, day: date) -> None:
    """A recurring time-limit is under way exactly on the days of an occurrence."""
    limit = TimeLimit(TimeLimitKind.RECURRING, window=window)
    under_way = status(limit, day) in (Status.IN_PROGRESS, Status.DUE_SOON)
    assert under_way == (occurrence_on(Campaign("c", "C", window), day) is not None)


@given(st.integers(1990, 2040))
def test_leap_day_windows_in_every_year(year: int) -> None:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    feb_end = date(year, 2, 29 if leap else 28)
    (found,) = occurrences(campaign((2, 29), (3, 10)), date(year, 1, 1), date(year, 12, 31))
    assert found == span(feb_end, date(year, 3, 10))
    (found,) = occurrences(campaign((2, 10), (2, 29)), date(year, 1, 1), date(year, 12, 31))
    assert found == span(date(year, 2, 10), feb_end)


@pytest.mark.parametrize("window", [HR_MONTH.window, NEW_YEAR.window, YearlyWindow(MonthDay(1, 1), MonthDay(12, 31))])
def test_a_year_of_days_meets_each_occurrence_once(window: YearlyWindow) -> None:
    c = Campaign("c", "C", window)
    days = [date(2023, 1, 1) + timedelta(days=n) for n in range(365)]
    found = {occurrence_on(c, d) for d in days} - {None}
    assert found == set(occurrences(c, date(2023, 1, 1), date(2023, 12, 31)))
