"""Time-limit phrasings of plans beyond the first one, the length limit and linear cost."""

from __future__ import annotations

import contextlib
import time
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrplan.errors import TimeLimitError
from hrplan.timelimits import Precision, TimeLimit, TimeLimitKind, Vocabulary, parse_time_limit
from hrplan.timelimits._parse import MAX_LENGTH

INTERVAL, DEADLINE, RECURRING = TimeLimitKind.INTERVAL, TimeLimitKind.DEADLINE, TimeLimitKind.RECURRING
ADOPTED = date(2019, 3, 15)


def d(text: str) -> date:
    return date.fromisoformat(text)


def _dates(t: TimeLimit) -> tuple[object, ...]:
    return (t.kind, t.start, t.end, t.precision, t.window)


PHRASINGS = [
    ("first semester of 2024", INTERVAL, "2024-01-01", "2024-06-30", Precision.HALF),
    ("second semester 2024", INTERVAL, "2024-07-01", "2024-12-31", Precision.HALF),
    ("nine months of 2025", INTERVAL, "2025-01-01", "2025-09-30", Precision.MONTH),
    ("the first 6 months of 2024", INTERVAL, "2024-01-01", "2024-06-30", Precision.MONTH),
    ("during the first three months of 2020", INTERVAL, "2020-01-01", "2020-03-31", Precision.MONTH),
    ("2019-20", INTERVAL, "2019-01-01", "2020-12-31", Precision.YEAR),
    ("2019/20", INTERVAL, "2019-01-01", "2020-12-31", Precision.YEAR),
    ("1999-01", INTERVAL, "1999-01-01", "1999-01-31", Precision.MONTH),  # an ISO month stays one
    ("2099/01", INTERVAL, "2099-01-01", "2101-12-31", Precision.YEAR),
    ("2019-22 years", INTERVAL, "2019-01-01", "2022-12-31", Precision.YEAR),
    ("to be held in June 2010", INTERVAL, "2010-06-01", "2010-06-30", Precision.MONTH),
    ("will be held during 2011", INTERVAL, "2011-01-01", "2011-12-31", Precision.YEAR),
    ("2015-2016 (annually)", RECURRING, "2015-01-01", "2016-12-31", Precision.YEAR),
    ("2019-20 (annually)", RECURRING, "2019-01-01", "2020-12-31", Precision.YEAR),
    ("12 March 2012 - 15 April 2013", INTERVAL, "2012-03-12", "2013-04-15", Precision.DAY),
    # loose parts of a year: early is the first quarter, mid June-July, late the last quarter
    ("mid-2025", INTERVAL, "2025-06-01", "2025-07-31", Precision.MONTH),
    ("the middle of 2025", INTERVAL, "2025-06-01", "2025-07-31", Precision.MONTH),
    ("early 2026", INTERVAL, "2026-01-01", "2026-03-31", Precision.QUARTER),
    ("beginning of 2026", INTERVAL, "2026-01-01", "2026-03-31", Precision.QUARTER),
    ("late 2024", INTERVAL, "2024-10-01", "2024-12-31", Precision.QUARTER),
    ("by mid-2026", DEADLINE, None, "2026-07-31", Precision.MONTH),
    ("Q4/2025", INTERVAL, "2025-10-01", "2025-12-31", Precision.QUARTER),
    ("Q1-2025", INTERVAL, "2025-01-01", "2025-03-31", Precision.QUARTER),
    ("H2/2025", INTERVAL, "2025-07-01", "2025-12-31", Precision.HALF),
    ("quarter 1-2025", INTERVAL, "2025-01-01", "2025-03-31", Precision.QUARTER),
    ("from Q1-2025", TimeLimitKind.ONGOING, "2025-01-01", None, Precision.QUARTER),
    # a hyphen between a word and a year joins a part of a year to it, not the two ends of a range
    ("2013 I quarter - 2014 II quarter", INTERVAL, "2013-01-01", "2014-06-30", Precision.QUARTER),
    ("2013 March - 2014 June", INTERVAL, "2013-03-01", "2014-06-30", Precision.MONTH),
    ("2014 II quarter - 2015", INTERVAL, "2014-04-01", "2015-12-31", Precision.QUARTER),
]


@pytest.mark.parametrize(("text", "kind", "start", "end", "precision"), PHRASINGS)
def test_phrasings(text: str, kind: TimeLimitKind, start: str | None, end: str | None, precision: Precision) -> None:
    t = parse_time_limit(text)
    assert (t.kind, t.start, t.end, t.precision) == (kind, start and d(start), end and d(end), precision)
    assert t.text == text


@pytest.mark.parametrize("text", ["every semester", "twice a year", "quarterly", "every month", "semi-annually"])
def test_more_often_than_yearly_is_recurring_all_year(text: str) -> None:
    t = parse_time_limit(text)
    assert t.kind is RECURRING
    assert str(t) == "annually"


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("within 6 months", "2019-09-15"),
        ("within two years", "2021-03-15"),
        ("within a year of adoption", "2020-03-15"),
        ("no later than 18 months after the adoption of the plan", "2020-09-15"),
        ("within 30 days", "2019-04-14"),
        ("within 2 weeks", "2019-03-29"),
    ],
)
def test_lengths_of_time_count_from_the_adoption(text: str, end: str) -> None:
    t = parse_time_limit(text, adopted=ADOPTED)
    assert (t.kind, t.end, t.precision) == (DEADLINE, d(end), Precision.DAY)
    assert _dates(parse_time_limit(str(t))) == _dates(t)  # the canonical form reads back


def test_a_length_of_time_without_an_adoption_date_is_refused() -> None:
    with pytest.raises(TimeLimitError, match="adoption, whose date is not known"):
        parse_time_limit("within 6 months")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Third quarter", "2021-07-01", "2021-09-30"),
        ("first semester", "2021-01-01", "2021-06-30"),
        ("nine months", "2021-01-01", "2021-09-30"),
        ("June", "2021-06-01", "2021-06-30"),
    ],
)
def test_phrasings_without_a_year_take_the_default_year(text: str, start: str, end: str) -> None:
    t = parse_time_limit(text, default_year=2021)
    assert (t.start, t.end) == (d(start), d(end))
    with pytest.raises(TimeLimitError, match="a year is needed"):
        parse_time_limit(text)


def test_thirteen_months_is_refused() -> None:
    with pytest.raises(TimeLimitError, match="12 months"):
        parse_time_limit("first 13 months of 2020")


ERA = Vocabulary(name="era-test", era_markers=("B.E.", "BE"), era_offset=-543, year_prefixes=("year",))


@pytest.mark.parametrize("text", ["2025-13", "2025-24", "2025-99", "2025/13", "2025/24"])
def test_a_two_digit_end_before_its_start_is_refused_not_read_a_century_on(text: str) -> None:
    with pytest.raises(TimeLimitError):
        parse_time_limit(text)


def test_a_two_digit_end_may_cross_a_century_for_a_short_range() -> None:
    assert _dates(parse_time_limit("1999/01"))[1:3] == (d("1999-01-01"), d("2001-12-31"))
    assert _dates(parse_time_limit("2010-60"))[1:3] == (d("2010-01-01"), d("2060-12-31"))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("B.E. 2559", "2016-01-01", "2016-12-31"), ("2559-2562 BE", "2016-01-01", "2019-12-31")],
)
def test_a_vocabulary_may_read_years_of_another_era(text: str, start: str, end: str) -> None:
    t = parse_time_limit(text, vocabularies=[ERA])
    assert (t.start, t.end) == (d(start), d(end))
    assert parse_time_limit("2559").start == d("2559-01-01")  # without the marker: Gregorian


def test_a_duration_unit_must_be_known() -> None:
    with pytest.raises(ValueError, match="unknown unit 'fortnight'"):
        Vocabulary(name="x", durations={"fortnights": "fortnight"})


def test_texts_over_the_maximum_length_are_refused() -> None:
    parse_time_limit("2012" + " " * (MAX_LENGTH - 4))
    with pytest.raises(TimeLimitError, match=f"at most {MAX_LENGTH}") as caught:
        parse_time_limit("- " * 500_000)
    assert len(str(caught.value)) < 200


# properties


@given(st.integers(1900, 2200), st.integers(1, 50))
def test_two_digit_year_ranges_read_as_the_full_range(start: int, length: int) -> None:
    end = start + length
    t = parse_time_limit(f"{start}-{end % 100:02d}" if end % 100 > 12 else f"{start}/{end % 100:02d}")
    assert (t.start, t.end) == (date(start, 1, 1), date(end, 12, 31))
    assert _dates(parse_time_limit(str(t))) == _dates(parse_time_limit(f"{start}-{end}"))


@given(st.integers(1, 12), st.integers(1900, 2200))
def test_first_months_of_a_year_render_and_read_back(months: int, year: int) -> None:
    t = parse_time_limit(f"first {months} months of {year}")
    assert t.start == date(year, 1, 1)
    assert t.end == Precision.MONTH.last_day(date(year, months, 1))
    again = parse_time_limit(str(t))
    assert (again.kind, again.start, again.end, again.precision) == (t.kind, t.start, t.end, t.precision)


@given(st.dates(date(1950, 1, 1), date(2150, 12, 31)), st.integers(1, 60), st.sampled_from(["days", "months", "years"]))
def test_a_length_of_time_ends_after_the_adoption_and_reads_back(adopted: date, count: int, unit: str) -> None:
    t = parse_time_limit(f"within {count} {unit}", adopted=adopted)
    assert t.end is not None
    assert t.end > adopted
    again = parse_time_limit(str(t))
    assert (again.kind, again.end, again.precision) == (DEADLINE, t.end, Precision.DAY)


@given(st.integers(1900, 2200), st.integers(0, 5), st.sampled_from(["annually", "every semester", "quarterly"]))
def test_a_range_with_a_frequency_is_bounded_by_the_range(start: int, length: int, marker: str) -> None:
    t = parse_time_limit(f"{start}-{start + length} ({marker})")
    assert (t.kind, t.start, t.end) == (RECURRING, date(start, 1, 1), date(start + length, 12, 31))
    assert _dates(parse_time_limit(str(t))) == _dates(parse_time_limit(f"annually, {start}-{start + length}"))


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        with contextlib.suppress(TimeLimitError):
            parse_time_limit(text)
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.parametrize("unit", ["- ", "2012-2013 ", "12 March 2012 to ", "annually ", "within six "])
def test_doubling_the_text_roughly_doubles_the_time(unit: str) -> None:
    small = unit * (MAX_LENGTH // 4 // len(unit))
    large = unit * (MAX_LENGTH // 2 // len(unit))
    assert _cost(large) < 4 * _cost(small) + 0.002


@given(st.sampled_from(["early", "mid", "late", "beginning of", "middle of", "start of"]), st.integers(1, 9999),
       st.sampled_from(["", "by ", "from ", "during "]))  # fmt: skip
def test_a_part_of_a_year_lies_in_that_year_and_reads_back_from_its_canonical_form(
    part: str, year: int, lead: str
) -> None:
    t = parse_time_limit(f"{lead}{part} {year:04d}")
    days = [x for x in (t.start, t.end) if x is not None]
    assert days
    assert all(x.year == year for x in days)
    assert _dates(parse_time_limit(str(t))) == _dates(t)
