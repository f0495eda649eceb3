"""Hypothesis properties of time-limits: canonical round trips, tiling, EDTF validity."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import date, timedelta

import attrs
import pytest
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from hrplan.errors import TimeLimitError
from hrplan.timelimits import (
    MonthDay,
    Precision,
    TimeLimit,
    TimeLimitKind,
    YearlyWindow,
    parse_time_limit,
)
from hrplan.timelimits._strategies import days, month_days, time_limits, yearly_windows

YEARS = st.integers(1900, 2200)
MONTHS = ["January", "February", "March", "April", "May", "June", "July"]
MONTHS += ["August", "September", "October", "November", "December"]


@given(time_limits(with_text=True))
def test_canonical_text_reads_back_to_the_same_time_limit(t: TimeLimit) -> None:
    assert parse_time_limit(str(t)) == t


@given(time_limits())
def test_canonical_text_keeps_kind_dates_precision_and_window(t: TimeLimit) -> None:
    again = parse_time_limit(str(t))
    assert (again.kind, again.start, again.end, again.precision, again.window) == (
        t.kind,
        t.start,
        t.end,
        t.precision,
        t.window,
    )
    assert again.text == str(t)


CASES: list[Callable[[str], str]] = [str.upper, str.lower, str.title]


@given(time_limits(), st.sampled_from(CASES), st.sampled_from(["", " ", ".", ";", "  .."]))
def test_case_spacing_and_trailing_punctuation_do_not_matter(
    t: TimeLimit, case: Callable[[str], str], tail: str
) -> None:
    text = f"  {case(str(t)).replace(' ', '  ')}{tail}"
    assert attrs.evolve(parse_time_limit(text), text=None) == t


@given(time_limits())
def test_start_is_not_after_end(t: TimeLimit) -> None:
    if t.start is not None and t.end is not None:
        assert t.start <= t.end


@given(YEARS, YEARS, st.sampled_from(["{}-{}", "{}\u2013{}", "{} - {} years", "from {} to {}"]))
def test_a_range_of_years_reads_exactly_when_it_runs_forwards(
    first: int, last: int, form: str
) -> None:
    text = form.format(first, last)
    if first > last:
        with pytest.raises(TimeLimitError, match="backwards"):
            parse_time_limit(text)
        return
    t = parse_time_limit(text)
    assert (t.start, t.end, t.precision) == (date(first, 1, 1), date(last, 12, 31), Precision.YEAR)


def assert_tiles_the_year(parts: list[TimeLimit], year: int) -> None:
    assert parts[0].start == date(year, 1, 1)
    assert parts[-1].end == date(year, 12, 31)
    for before, after in itertools.pairwise(parts):
        assert before.end is not None
        assert before.end + timedelta(days=1) == after.start


@given(YEARS, st.sampled_from(["Q{n} {y}", "{roman} quarter {y}", "{ordinal} quarter of {y}"]))
def test_quarters_tile_their_year(year: int, form: str) -> None:
    names = {"roman": ["I", "II", "III", "IV"], "ordinal": ["first", "second", "third", "fourth"]}
    texts = [
        form.format(n=n, y=year, roman=roman, ordinal=ordinal)
        for n, roman, ordinal in zip(range(1, 5), names["roman"], names["ordinal"], strict=True)
    ]
    quarters = [parse_time_limit(text) for text in texts]
    assert {q.precision for q in quarters} == {Precision.QUARTER}
    assert_tiles_the_year(quarters, year)


@given(YEARS, st.sampled_from(["H{n} {y}", "{roman} half {y}"]))
def test_halves_tile_their_year(year: int, form: str) -> None:
    halves = [parse_time_limit(form.format(n=n, y=year, roman="I" * n)) for n in (1, 2)]
    assert {h.precision for h in halves} == {Precision.HALF}
    assert_tiles_the_year(halves, year)


@given(YEARS, st.sampled_from(["{name} {y}", "{short} {y}", "{n:02d}.{y}", "{y}-{n:02d}"]))
def test_months_tile_their_year(year: int, form: str) -> None:
    months = [
        parse_time_limit(form.format(name=name, short=name[:3], n=n, y=year))
        for n, name in enumerate(MONTHS, start=1)
    ]
    assert {m.precision for m in months} == {Precision.MONTH}
    assert_tiles_the_year(months, year)


@given(days(), st.sampled_from(list(Precision)))
def test_a_day_lies_in_its_unit_and_units_follow_each_other(
    day: date, precision: Precision
) -> None:
    first, last = precision.first_day(day), precision.last_day(day)
    assert first <= day <= last
    assert precision.first_day(last + timedelta(days=1)) == last + timedelta(days=1)


@given(time_limits())
def test_edtf_is_valid(t: TimeLimit) -> None:
    parsed = parse_edtf(t.edtf())
    if t.start is not None and t.end is not None:
        assert time.strftime("%Y-%m-%d", parsed.lower_strict()) == t.start.isoformat()
        assert time.strftime("%Y-%m-%d", parsed.upper_strict()) == t.end.isoformat()


@given(time_limits())
def test_edtf_has_open_ends_where_the_time_limit_has(t: TimeLimit) -> None:
    text = t.edtf()
    assert text.startswith("../") == (t.start is None and t.kind is not TimeLimitKind.INTERVAL)
    assert text.endswith("/..") == (t.end is None)


@given(yearly_windows(), days())
def test_a_window_occurrence_contains_the_day_it_was_found_for(
    window: YearlyWindow, day: date
) -> None:
    occurrence = window.occurrence_on(day)
    if occurrence is not None:
        assert occurrence[0] <= day <= occurrence[1]
    first, last = window.occurrence(day.year)
    assert first <= last
    assert (first.month, first.day) in {(window.start.month, window.start.day), (2, 28)}


@given(month_days())
def test_every_day_of_the_year_is_a_one_day_window(day: MonthDay) -> None:
    t = parse_time_limit(f"{day.day} {MONTHS[day.month - 1]} every year")
    assert t.window is not None
    assert t.window.start == t.window.end == day


WORDS = ["2012", "0000", "12", "31", "99", "March", "feb", "Q1", "Q9", "H2", "IV", "first", "fifth"]
WORDS += [
    "quarter",
    "half",
    "of",
    "-",
    "\u2013",
    "/",
    ".",
    "to",
    "from",
    "by",
    "until",
    "every year",
]
WORDS += ["annually", "in", "years", "on", "onwards", "12.03.2012", "2012-03", "29", "the", "and"]


@given(st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join) | st.text(max_size=20))
def test_any_text_reads_or_raises_time_limit_error(text: str) -> None:
    outcome: TimeLimit | TimeLimitError
    try:
        outcome = parse_time_limit(text)
    except TimeLimitError as error:
        outcome = error
    assert outcome.text == text
    if isinstance(outcome, TimeLimitError):
        assert outcome.reason
