"""hrplan.timelimits.planned: the year and adoption day a plan gives its time-limits."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hrplan.timelimits import TimeLimitKind, parse_time_limit
from hrplan.timelimits.planned import Outcome, PlanDates, period_in, read_plan_time_limit

YEARS = st.integers(1900, 2100)
UNDATED = st.sampled_from(["Third quarter", "March-April", "first half", "by the end of June", "Q2"])


@given(YEARS, st.integers(0, 10), UNDATED)
def test_a_text_without_a_year_lies_in_the_first_year_of_the_period(start: int, length: int, text: str) -> None:
    found = read_plan_time_limit(text, PlanDates(period=parse_time_limit(f"{start}-{start + length}")
                                                 if length else parse_time_limit(str(start))))  # fmt: skip
    assert found.outcome is Outcome.YEAR_TAKEN
    assert found.time_limit.end is not None
    assert found.time_limit.end.year == start
    assert str(start) in found.message


@given(YEARS, YEARS, UNDATED)
def test_the_option_wins_over_the_period_and_is_not_reported(option: int, start: int, text: str) -> None:
    found = read_plan_time_limit(text, PlanDates(default_year=option, period=parse_time_limit(str(start))))
    assert found.outcome is Outcome.READ
    assert found.message == ""
    assert found.time_limit.end is not None
    assert found.time_limit.end.year == option


@given(st.dates(date(1900, 1, 1), date(2100, 1, 1)), st.integers(1, 24))
def test_a_length_of_time_ends_after_the_adoption(adopted: date, months: int) -> None:
    text = f"within {months} months"
    assert read_plan_time_limit(text, PlanDates()).outcome is Outcome.NEEDS_ADOPTION
    found = read_plan_time_limit(text, PlanDates(adopted=adopted))
    assert found.outcome is Outcome.READ
    assert found.time_limit.end is not None
    assert found.time_limit.end > adopted


@given(st.text(max_size=40))
def test_it_never_raises_and_keeps_the_text(text: str) -> None:
    found = read_plan_time_limit(text, PlanDates(default_year=2024, adopted=date(2024, 1, 1)))
    assert found.time_limit.text == text or found.outcome in (Outcome.READ, Outcome.YEAR_TAKEN)
    if found.outcome in (Outcome.UNREADABLE, Outcome.NEEDS_ADOPTION):
        assert found.time_limit.kind is TimeLimitKind.UNPARSED
        assert found.message


def test_the_period_of_a_title() -> None:
    assert str(period_in("National Action Plan for 2019-22")) == "2019-2022"
    assert str(period_in("Plan 2024")) == "2024"
    assert period_in("Plan of 3 May") is None
