"""The status rules of docs/deadlines.md, by example and as properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hrplan import timelimits
from hrplan.deadlines import Status, days_left
from hrplan.deadlines import time_limit_status as status
from hrplan.timelimits import TimeLimit, TimeLimitKind, parse_time_limit
from hrplan.timelimits._strategies import days, time_limits

NOT_STARTED, IN_PROGRESS, DUE_SOON, OVERDUE = (
    Status.NOT_STARTED,
    Status.IN_PROGRESS,
    Status.DUE_SOON,
    Status.OVERDUE,
)
COMPLETED, COMPLETED_LATE, ONGOING = Status.COMPLETED, Status.COMPLETED_LATE, Status.ONGOING

#: The order a non-recurring time-limit passes through as days go by.
RANK = {NOT_STARTED: 0, IN_PROGRESS: 1, ONGOING: 1, DUE_SOON: 2, OVERDUE: 3}


def on(
    text: str, day: str, completed_on: date | None = None, due_soon: int | timedelta = 30
) -> Status:
    """The status of the time-limit ``text`` on the ISO ``day``."""
    return status(parse_time_limit(text), date.fromisoformat(day), completed_on, due_soon)


def test_values_are_lower_case_words() -> None:
    assert [s.value for s in Status] == [
        "not-started",
        "in-progress",
        "due-soon",
        "overdue",
        "completed",
        "completed-late",
        "ongoing",
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2012-02-29", NOT_STARTED),
        ("2012-03-01", IN_PROGRESS),
        ("2012-03-31", IN_PROGRESS),  # 30 days left: not yet due soon
        ("2012-04-01", DUE_SOON),  # 29 days left: within the last 30 days
        ("2012-04-30", DUE_SOON),  # the end day itself
        ("2012-05-01", OVERDUE),
    ],
)
def test_interval(day: str, expected: Status) -> None:
    assert on("March-April 2012", day) is expected


def test_due_soon_boundary() -> None:
    # The end is 2012-04-30: 30 days before it is not yet due soon, 29 days before is.
    assert on("March-April 2012", "2012-03-31") is IN_PROGRESS
    assert on("March-April 2012", "2012-04-01") is DUE_SOON
    assert days_left(parse_time_limit("March-April 2012"), date(2012, 4, 1)) == 29


@pytest.mark.parametrize("due_soon", [7, timedelta(days=7)])
def test_due_soon_is_configurable(due_soon: int | timedelta) -> None:
    assert on("2012", "2012-12-25", due_soon=due_soon) is DUE_SOON
    assert on("2012", "2012-12-23", due_soon=due_soon) is IN_PROGRESS
    assert on("2012", "2012-12-31", due_soon=0) is IN_PROGRESS


def test_negative_due_soon_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        on("2012", "2012-06-01", due_soon=-1)


def test_deadline_has_no_start() -> None:
    assert on("by 31 December 2012", "1990-01-01") is IN_PROGRESS
    assert on("by 31 December 2012", "2012-12-15") is DUE_SOON
    assert on("by 31 December 2012", "2013-01-01") is OVERDUE


def test_ongoing() -> None:
    assert on("permanently", "2012-01-01") is ONGOING
    assert on("permanently", "2112-01-01") is ONGOING
    assert on("from 2013", "2012-12-31") is NOT_STARTED
    assert on("from 2013", "2013-01-01") is ONGOING


def test_no_time_limit_is_ongoing_unless_completed() -> None:
    assert status(None, date(2012, 1, 1)) is ONGOING
    assert status(None, date(2012, 1, 1), completed_on=date(2011, 5, 1)) is COMPLETED
    assert days_left(None, date(2012, 1, 1)) is None


def test_completion() -> None:
    assert on("2012", "2014-01-01", completed_on=date(2012, 12, 31)) is COMPLETED
    assert on("2012", "2014-01-01", completed_on=date(2013, 1, 1)) is COMPLETED_LATE
    assert on("2012", "2011-06-01", completed_on=date(2011, 5, 1)) is COMPLETED
    assert on("permanently", "2014-01-01", completed_on=date(2013, 1, 1)) is COMPLETED


def test_completion_after_as_of_is_not_known_yet() -> None:
    assert on("2012", "2012-06-01", completed_on=date(2012, 7, 1)) is IN_PROGRESS
    assert on("2012", "2013-06-01", completed_on=date(2013, 7, 1)) is OVERDUE


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("18 May - 18 June every year", "2013-05-01", ONGOING),  # between occurrences
        ("18 May - 18 June every year", "2013-05-18", IN_PROGRESS),  # 31 days left
        ("18 May - 18 June every year", "2013-05-20", DUE_SOON),  # 29 days left
        ("18 May - 18 June every year", "2013-06-18", DUE_SOON),
        ("18 May - 18 June every year", "2013-06-19", ONGOING),  # never overdue
        ("1 March - 31 May every year", "2013-03-15", IN_PROGRESS),
        ("1 March - 31 May every year", "2013-05-15", DUE_SOON),
        ("20 December - 10 January every year", "2014-01-05", DUE_SOON),
        ("20 December - 10 January every year", "2013-12-01", ONGOING),
        ("annually", "2013-06-01", IN_PROGRESS),
        ("annually", "2013-12-15", DUE_SOON),
        ("annually, 2012-2015", "2011-12-31", NOT_STARTED),
        ("annually, 2012-2015", "2013-06-01", IN_PROGRESS),
        ("annually, 2012-2015", "2016-06-01", ONGOING),  # after its bounds: never overdue
        ("18 May - 18 June every year, by 2015", "2016-06-01", ONGOING),
    ],
)
def test_recurring(text: str, day: str, expected: Status) -> None:
    assert on(text, day) is expected


def test_recurring_completion() -> None:
    assert on("annually, 2012-2015", "2016-01-10", completed_on=date(2015, 12, 1)) is COMPLETED
    assert on("annually, 2012-2015", "2016-06-01", completed_on=date(2016, 1, 10)) is COMPLETED_LATE
    assert on("annually", "2016-06-01", completed_on=date(2016, 1, 10)) is COMPLETED


def test_days_left() -> None:
    assert days_left(parse_time_limit("2012"), date(2012, 12, 31)) == 0
    assert days_left(parse_time_limit("2012"), date(2013, 1, 2)) == -2
    assert days_left(parse_time_limit("by March 2013"), date(2013, 3, 1)) == 30
    assert days_left(parse_time_limit("permanently"), date(2013, 3, 1)) is None


NON_RECURRING = time_limits().filter(lambda t: t.kind is not TimeLimitKind.RECURRING)
AS_OF = days(date(1898, 1, 1), date(2202, 12, 31))
DUE_SOON_DAYS = st.integers(0, 120)


@given(NON_RECURRING, AS_OF, AS_OF, DUE_SOON_DAYS)
def test_status_never_goes_back_as_days_go_by(t: TimeLimit, a: date, b: date, margin: int) -> None:
    earlier, later = sorted((a, b))
    assert RANK[status(t, earlier, due_soon=margin)] <= RANK[status(t, later, due_soon=margin)]


@given(time_limits(), AS_OF, DUE_SOON_DAYS)
def test_ongoing_and_recurring_are_never_overdue(t: TimeLimit, as_of: date, margin: int) -> None:
    assume(t.kind in (TimeLimitKind.ONGOING, TimeLimitKind.RECURRING))
    assert status(t, as_of, due_soon=margin) is not OVERDUE


@given(time_limits(), AS_OF, st.integers(0, 800))
def test_completion_on_or_before_the_end_is_completed_after_it_late(
    t: TimeLimit, completed_on: date, wait: int
) -> None:
    as_of = completed_on + timedelta(days=wait)
    result = status(t, as_of, completed_on=completed_on)
    if t.end is None or completed_on <= t.end:
        assert result is COMPLETED
    else:
        assert result is COMPLETED_LATE


@given(time_limits(), AS_OF, DUE_SOON_DAYS)
def test_overdue_exactly_when_past_the_end_of_an_interval_or_deadline(
    t: TimeLimit, as_of: date, margin: int
) -> None:
    bounded = t.kind in (TimeLimitKind.INTERVAL, TimeLimitKind.DEADLINE)
    overdue = bounded and t.end is not None and as_of > t.end
    assert (status(t, as_of, due_soon=margin) is OVERDUE) == overdue
    left = days_left(t, as_of)
    assert (left is not None and left < 0 and t.kind is not TimeLimitKind.RECURRING) == overdue


@given(NON_RECURRING, AS_OF)
def test_due_soon_only_within_the_margin(t: TimeLimit, as_of: date) -> None:
    if status(t, as_of) is DUE_SOON:
        left = days_left(t, as_of)
        assert left is not None
        assert 0 <= left < 30


def test_unparsed_keeps_its_text_and_is_judged_ongoing() -> None:
    from hrplan import TimeLimit, TimeLimitError, TimeLimitKind

    kept = TimeLimit.unparsed("after the elections")
    assert kept.kind is TimeLimitKind.UNPARSED
    assert str(kept) == "after the elections"
    assert (kept.start, kept.end) == (None, None)
    assert status(kept, date(2030, 1, 1)) is Status.ONGOING
    with pytest.raises(TimeLimitError, match="keeps its text"):
        TimeLimit(TimeLimitKind.UNPARSED)


def test_the_status_rules_are_still_importable_from_timelimits() -> None:
    assert (timelimits.Status, timelimits.status, timelimits.days_left) == (Status, status, days_left)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        timelimits.nothing  # noqa: B018
