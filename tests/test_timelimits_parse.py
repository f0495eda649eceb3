"""Examples of parse_time_limit: every documented phrasing, canonical and EDTF forms, errors."""

from __future__ import annotations

from datetime import date
from typing import cast

import attrs
import pytest
from edtf import parse_edtf

from hrplan.errors import TimeLimitError
from hrplan.timelimits import (
    ENGLISH,
    WHOLE_YEAR,
    MonthDay,
    Precision,
    TimeLimit,
    TimeLimitKind,
    Vocabulary,
    YearlyWindow,
    parse_time_limit,
)

ONGOING, INTERVAL, DEADLINE, RECURRING = (TimeLimitKind(k) for k in ("ongoing", "interval", "deadline", "recurring"))
D, M, Q, H, Y = Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.HALF, Precision.YEAR


def window(start: tuple[int, int], end: tuple[int, int]) -> YearlyWindow:
    return YearlyWindow(MonthDay(*start), MonthDay(*end))


def d(text: str) -> date:
    return date.fromisoformat(text)


# text, kind, start, end, precision
PERIODS = [
    ("2012", INTERVAL, "2012-01-01", "2012-12-31", Y),
    ("2012.", INTERVAL, "2012-01-01", "2012-12-31", Y),
    ("2013 year", INTERVAL, "2013-01-01", "2013-12-31", Y),
    ("during 2013", INTERVAL, "2013-01-01", "2013-12-31", Y),
    ("in 2013", INTERVAL, "2013-01-01", "2013-12-31", Y),
    ("in the year 2013", INTERVAL, "2013-01-01", "2013-12-31", Y),
    ("Time-limit: 2012.", INTERVAL, "2012-01-01", "2012-12-31", Y),
    ("2012-2015", INTERVAL, "2012-01-01", "2015-12-31", Y),
    ("2012\u20132015", INTERVAL, "2012-01-01", "2015-12-31", Y),
    ("2012 - 2015", INTERVAL, "2012-01-01", "2015-12-31", Y),
    ("2014-2016 years", INTERVAL, "2014-01-01", "2016-12-31", Y),
    ("2012-2015 yy.", INTERVAL, "2012-01-01", "2015-12-31", Y),
    ("from 2012 to 2015", INTERVAL, "2012-01-01", "2015-12-31", Y),
    ("between 2012 and 2014", INTERVAL, "2012-01-01", "2014-12-31", Y),
    ("2012/2015", INTERVAL, "2012-01-01", "2015-12-31", Y),
    ("March 2012", INTERVAL, "2012-03-01", "2012-03-31", M),
    ("mar. 2012", INTERVAL, "2012-03-01", "2012-03-31", M),
    ("SEPT 2012", INTERVAL, "2012-09-01", "2012-09-30", M),
    ("February 2012", INTERVAL, "2012-02-01", "2012-02-29", M),
    ("03.2012", INTERVAL, "2012-03-01", "2012-03-31", M),
    ("2012-03", INTERVAL, "2012-03-01", "2012-03-31", M),
    ("March-April 2012", INTERVAL, "2012-03-01", "2012-04-30", M),
    ("Mar-Apr 2012", INTERVAL, "2012-03-01", "2012-04-30", M),
    ("March 2012 - April", INTERVAL, "2012-03-01", "2012-04-30", M),
    ("March 2012 - April 2012", INTERVAL, "2012-03-01", "2012-04-30", M),
    ("September 2012 - February 2013", INTERVAL, "2012-09-01", "2013-02-28", M),
    ("2012-03/2012-04", INTERVAL, "2012-03-01", "2012-04-30", M),
    ("IV quarter 2016", INTERVAL, "2016-10-01", "2016-12-31", Q),
    ("Third quarter 2014", INTERVAL, "2014-07-01", "2014-09-30", Q),
    ("Q1 2015", INTERVAL, "2015-01-01", "2015-03-31", Q),
    ("q3 2015", INTERVAL, "2015-07-01", "2015-09-30", Q),
    ("2015 Q2", INTERVAL, "2015-04-01", "2015-06-30", Q),
    ("first quarter of 2015", INTERVAL, "2015-01-01", "2015-03-31", Q),
    ("the 2nd quarter of 2015", INTERVAL, "2015-04-01", "2015-06-30", Q),
    ("in the first quarter of 2015", INTERVAL, "2015-01-01", "2015-03-31", Q),
    ("I-II quarters 2013", INTERVAL, "2013-01-01", "2013-06-30", Q),
    ("II-IV quarters of 2013", INTERVAL, "2013-04-01", "2013-12-31", Q),
    ("Q1-Q2 2013", INTERVAL, "2013-01-01", "2013-06-30", Q),
    ("Q4 2012 - Q1 2013", INTERVAL, "2012-10-01", "2013-03-31", Q),
    ("first half of 2013", INTERVAL, "2013-01-01", "2013-06-30", H),
    ("H2 2013", INTERVAL, "2013-07-01", "2013-12-31", H),
    ("II half 2013", INTERVAL, "2013-07-01", "2013-12-31", H),
    ("second half-year 2013", INTERVAL, "2013-07-01", "2013-12-31", H),
    ("12.03.2012", INTERVAL, "2012-03-12", "2012-03-12", D),
    ("12-03-2012", INTERVAL, "2012-03-12", "2012-03-12", D),
    ("12/03/2012", INTERVAL, "2012-03-12", "2012-03-12", D),
    ("1.3.2012", INTERVAL, "2012-03-01", "2012-03-01", D),
    ("12 March 2012", INTERVAL, "2012-03-12", "2012-03-12", D),
    ("12th of March 2012", INTERVAL, "2012-03-12", "2012-03-12", D),
    ("March 12, 2012", INTERVAL, "2012-03-12", "2012-03-12", D),
    ("2012-03-12", INTERVAL, "2012-03-12", "2012-03-12", D),
    ("29 February 2012", INTERVAL, "2012-02-29", "2012-02-29", D),
    ("12-15 March 2012", INTERVAL, "2012-03-12", "2012-03-15", D),
    ("12 March - 15 April 2012", INTERVAL, "2012-03-12", "2012-04-15", D),
    ("12 March 2012 - 15 April 2013", INTERVAL, "2012-03-12", "2013-04-15", D),
    ("12.03.2012 - 15.03.2012", INTERVAL, "2012-03-12", "2012-03-15", D),
    ("from 12 March 2012 to 15 March 2012", INTERVAL, "2012-03-12", "2012-03-15", D),
    ("2012 - March 2013", INTERVAL, "2012-01-01", "2013-03-31", M),
    ("by 31 December 2012", DEADLINE, None, "2012-12-31", D),
    ("by 31.12.2012", DEADLINE, None, "2012-12-31", D),
    ("until March 2013", DEADLINE, None, "2013-03-31", M),
    ("no later than Q1 2013", DEADLINE, None, "2013-03-31", Q),
    ("not later than 2013", DEADLINE, None, "2013-12-31", Y),
    ("before the end of 2012", DEADLINE, None, "2012-12-31", Y),
    ("by the end of the first quarter of 2015", DEADLINE, None, "2015-03-31", Q),
    ("by H1 2014", DEADLINE, None, "2014-06-30", H),
    ("from 2013", ONGOING, "2013-01-01", None, Y),
    ("since 2013", ONGOING, "2013-01-01", None, Y),
    ("starting 2013", ONGOING, "2013-01-01", None, Y),
    ("starting from March 2013", ONGOING, "2013-03-01", None, M),
    ("2013 onwards", ONGOING, "2013-01-01", None, Y),
    ("from 2013 on", ONGOING, "2013-01-01", None, Y),
    ("from Q2 2013 onwards", ONGOING, "2013-04-01", None, Q),
    ("since 12 March 2013", ONGOING, "2013-03-12", None, D),
]


@pytest.mark.parametrize(("text", "kind", "start", "end", "precision"), PERIODS)
def test_periods(
    text: str, kind: TimeLimitKind, start: str | None, end: str | None, precision: Precision
) -> None:
    t = parse_time_limit(text)
    assert (t.kind, t.start, t.end, t.precision, t.window) == (
        kind,
        None if start is None else d(start),
        None if end is None else d(end),
        precision,
        None,
    )
    assert t.text == text


ONGOING_TEXTS = [
    "permanently",
    "Permanently",
    "permanently..",
    "  permanently;  ",
    "on a permanent basis",
    "continuously",
    "on an ongoing basis",
    "regularly",
    "this activity shall be implemented permanently",
    "This activity shall be implemented permanently.",
    "this activity shall be implemented permanently..",
]


@pytest.mark.parametrize("text", ONGOING_TEXTS)
def test_ongoing(text: str) -> None:
    t = parse_time_limit(text)
    assert t == TimeLimit(ONGOING, text=text)
    assert t.is_ongoing
    assert str(t) == "permanently"


RECURRING_TEXTS = [
    ("annually", WHOLE_YEAR, None, None),
    ("every year", WHOLE_YEAR, None, None),
    ("yearly", WHOLE_YEAR, None, None),
    ("Each year", WHOLE_YEAR, None, None),
    ("this activity shall be implemented annually.", WHOLE_YEAR, None, None),
    ("18 May - 18 June", window((5, 18), (6, 18)), None, None),
    ("18 May \u2013 18 June every year", window((5, 18), (6, 18)), None, None),
    ("every year from 20 October to 20 November", window((10, 20), (11, 20)), None, None),
    ("May 18 to June 18", window((5, 18), (6, 18)), None, None),
    ("20 December - 10 January every year", window((12, 20), (1, 10)), None, None),
    ("every year in March", window((3, 1), (3, 31)), None, None),
    ("annually, March-April", window((3, 1), (4, 30)), None, None),
    ("29 February every year", window((2, 29), (2, 29)), None, None),
    ("annually, 2012-2015", WHOLE_YEAR, "2012-01-01", "2015-12-31"),
    ("annually in 2012-2015", WHOLE_YEAR, "2012-01-01", "2015-12-31"),
    ("2012-2015, annually", WHOLE_YEAR, "2012-01-01", "2015-12-31"),
    ("annually, from 2013", WHOLE_YEAR, "2013-01-01", None),
    ("annually, by 2015", WHOLE_YEAR, None, "2015-12-31"),
    (
        "18 May - 18 June every year, 2012-2015",
        window((5, 18), (6, 18)),
        "2012-01-01",
        "2015-12-31",
    ),
]


@pytest.mark.parametrize(("text", "expected_window", "start", "end"), RECURRING_TEXTS)
def test_recurring(
    text: str, expected_window: YearlyWindow, start: str | None, end: str | None
) -> None:
    t = parse_time_limit(text)
    assert t.kind is RECURRING
    assert t.window == expected_window
    assert (t.start, t.end) == (start and d(start), end and d(end))
    assert t.precision == (None if start is None and end is None else Y)


CANONICAL = [
    ("this activity shall be implemented permanently", "permanently", "../.."),
    ("2012", "2012", "2012"),
    ("2014-2016 years", "2014-2016", "2014/2016"),
    ("March-April 2012", "March-April 2012", "2012-03/2012-04"),
    ("mar 2012", "March 2012", "2012-03"),
    ("September 2012 - February 2013", "September 2012 - February 2013", "2012-09/2013-02"),
    ("IV quarter 2016", "Q4 2016", "2016-36"),
    ("Third quarter 2014", "Q3 2014", "2014-35"),
    ("first quarter of 2015", "Q1 2015", "2015-33"),
    ("I-II quarters 2013", "Q1-Q2 2013", "2013-01/2013-06"),
    ("Q4 2012 - Q1 2013", "Q4 2012 - Q1 2013", "2012-10/2013-03"),
    ("first half of 2013", "H1 2013", "2013-40"),
    ("II half 2013", "H2 2013", "2013-41"),
    ("12.03.2012", "12 March 2012", "2012-03-12"),
    ("12-15 March 2012", "12-15 March 2012", "2012-03-12/2012-03-15"),
    ("12 March - 15 April 2012", "12 March - 15 April 2012", "2012-03-12/2012-04-15"),
    ("by 31 December 2012", "by 31 December 2012", "../2012-12-31"),
    ("no later than March 2013", "by March 2013", "../2013-03"),
    ("not later than the end of 2013", "by 2013", "../2013"),
    ("by Q2 2013", "by Q2 2013", "../2013-06"),
    ("from 2013", "from 2013", "2013/.."),
    ("since March 2013", "from March 2013", "2013-03/.."),
    ("from Q2 2013 on", "from Q2 2013", "2013-04/.."),
    ("annually", "annually", "../.."),
    ("18 May - 18 June", "18 May - 18 June every year", "../.."),
    ("every year in March", "March every year", "../.."),
    ("annually, 2012-2015", "annually, 2012-2015", "2012/2015"),
    ("annually, from 2013", "annually, from 2013", "2013/.."),
    ("annually, by 2015", "annually, by 2015", "../2015"),
]


@pytest.mark.parametrize(("text", "canonical", "edtf"), CANONICAL)
def test_canonical_and_edtf(text: str, canonical: str, edtf: str) -> None:
    t = parse_time_limit(text)
    assert str(t) == canonical
    assert t.edtf() == edtf
    assert parse_edtf(edtf) is not None
    again = parse_time_limit(canonical)
    assert attrs.evolve(again, text=None) == attrs.evolve(t, text=None)


@pytest.mark.parametrize("text", [text for text, *_ in PERIODS + RECURRING_TEXTS] + ONGOING_TEXTS)
def test_every_example_has_valid_edtf_and_canonical_text(text: str) -> None:
    t = parse_time_limit(text)
    parse_edtf(t.edtf())
    assert attrs.evolve(parse_time_limit(str(t)), text=None) == attrs.evolve(t, text=None)


def test_text_is_kept_exactly() -> None:
    text = "  During  2013;\n"
    assert parse_time_limit(text).text == text


def test_default_year() -> None:
    assert parse_time_limit("Third quarter", default_year=2014) == TimeLimit(
        INTERVAL, d("2014-07-01"), d("2014-09-30"), Q, text="Third quarter"
    )
    t = parse_time_limit("March-April", default_year=2012)
    assert (t.start, t.end) == (d("2012-03-01"), d("2012-04-30"))
    assert parse_time_limit("March 2013 - April", default_year=2012).end == d("2013-04-30")
    assert parse_time_limit("by March", default_year=2012).end == d("2012-03-31")
    assert parse_time_limit("2015", default_year=2012).start == d("2015-01-01")
    # A day range without a year is a yearly window even with a default year.
    assert parse_time_limit("18 May - 18 June", default_year=2012).kind is RECURRING


ERRORS = [
    ("", "empty"),
    ("   ", "empty"),
    ("sometime soon", "not a time-limit phrasing"),
    ("Third quarter", "a year is needed"),
    ("March-April", "a year is needed"),
    ("12 March", "a year is needed"),
    ("by March", "a year is needed"),
    ("2015-2012", "runs backwards"),
    ("April-March 2012", "runs backwards"),
    ("December - February 2013", "runs backwards"),
    ("V quarter 2016", "no quarter 5"),
    ("fifth quarter of 2016", "no quarter 5"),
    ("Q5 2016", "no quarter 5"),
    ("III half 2013", "no half 3"),
    ("H3 2013", "no half 3"),
    ("31 February 2012", "31 February 2012 does not exist"),
    ("29.02.2013", "29 February 2013 does not exist"),
    ("31.02.2012", "does not exist"),
    ("12.13.2012", "no month 13"),
    ("13/2012", "no month 13"),
    ("32 March 2012", "does not exist"),
    ("30 February - 1 March every year", "30 February does not exist"),
    ("annually, sometime", "cannot read 'sometime'"),
    ("0000", "no year 0"),
]


@pytest.mark.parametrize(("text", "reason"), ERRORS)
def test_errors_name_the_text_and_the_reason(text: str, reason: str) -> None:
    with pytest.raises(TimeLimitError) as caught:
        parse_time_limit(text)
    assert caught.value.text == text
    assert reason in caught.value.reason
    assert repr(text) in str(caught.value)


def test_non_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_time_limit(cast(str, 2012))


GERMAN = Vocabulary(
    name="de",
    ongoing=("ständig", "laufend"),
    deadline_prefixes=("bis", "bis spätestens"),
    fillers=("im", "während"),
    year_prefixes=("Jahr",),
    months=(
        ("Januar",), ("Februar",), ("März", "Mär"), ("April",), ("Mai",), ("Juni",),
        ("Juli",), ("August",), ("September",), ("Oktober",), ("November",), ("Dezember",),
    ),
    quarter_words=("Quartal",),
    ordinals={"erstes": 1, "zweites": 2, "drittes": 3, "viertes": 4},
    range_connectors=("bis",),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ständig", TimeLimit(ONGOING)),
        ("im Jahr 2013", TimeLimit(INTERVAL, d("2013-01-01"), d("2013-12-31"), Y)),
        ("März 2012", TimeLimit(INTERVAL, d("2012-03-01"), d("2012-03-31"), M)),
        ("März bis April 2012", TimeLimit(INTERVAL, d("2012-03-01"), d("2012-04-30"), M)),
        ("bis spätestens 12. März 2013", TimeLimit(DEADLINE, None, d("2013-03-12"), D)),
        ("drittes Quartal 2014", TimeLimit(INTERVAL, d("2014-07-01"), d("2014-09-30"), Q)),
        ("2012-2015", TimeLimit(INTERVAL, d("2012-01-01"), d("2015-12-31"), Y)),
    ],
)
def test_custom_vocabulary(text: str, expected: TimeLimit) -> None:
    assert parse_time_limit(text, vocabularies=[GERMAN]) == attrs.evolve(expected, text=text)


def test_custom_vocabulary_is_not_used_unless_given() -> None:
    with pytest.raises(TimeLimitError, match="vocabularies tried \\(en\\)"):
        parse_time_limit("ständig")


def test_vocabulary_can_express_attached_year_suffixes_and_year_first_quarters() -> None:
    azerbaijani = Vocabulary(
        name="az",
        ongoing=("daimi",),
        year_suffixes=("-ci il", "-ci ilin", "-ci illər"),
        quarter_words=("rüb", "rübü"),
    )
    read = [parse_time_limit(t, vocabularies=[azerbaijani]) for t in
            ("daimi", "2012-ci il", "2012-2015-ci illər", "2015-ci ilin I rübü")]  # fmt: skip
    assert [str(t) for t in read] == ["permanently", "2012", "2012-2015", "Q1 2015"]


def test_english_extended_with_evolve() -> None:
    more = attrs.evolve(ENGLISH, name="en+", ongoing=(*ENGLISH.ongoing, "all the time"))
    assert parse_time_limit("All the time", vocabularies=[more]).kind is ONGOING


def test_vocabulary_refuses_a_bare_string_and_wrong_month_count() -> None:
    with pytest.raises(TypeError):
        Vocabulary(name="x", ongoing="always")
    with pytest.raises(ValueError, match="12 entries"):
        Vocabulary(name="x", months=(("Jan",),))


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"kind": INTERVAL, "start": d("2012-01-01"), "precision": Y}, "needs both a start"),
        ({"kind": DEADLINE, "start": d("2012-01-01"), "end": d("2012-12-31"), "precision": Y},
         "no start"),
        ({"kind": ONGOING, "end": d("2012-12-31"), "precision": Y}, "has no end"),
        ({"kind": RECURRING}, "needs a yearly window"),
        ({"kind": ONGOING, "window": WHOLE_YEAR}, "needs a yearly window"),
        ({"kind": ONGOING, "start": d("2012-01-01")}, "needs a precision"),
        ({"kind": ONGOING, "precision": Y}, "only given with dates"),
        ({"kind": INTERVAL, "start": d("2013-01-01"), "end": d("2012-12-31"), "precision": Y},
         "after it ends"),
        ({"kind": INTERVAL, "start": d("2012-02-01"), "end": d("2012-03-31"), "precision": Q},
         "first day of a quarter"),
        ({"kind": DEADLINE, "end": d("2012-12-30"), "precision": M}, "last day of a month"),
    ],
)  # fmt: skip
def test_invariants_are_checked_when_built_in_code(kwargs: dict[str, object], reason: str) -> None:
    with pytest.raises(TimeLimitError, match=reason):
        TimeLimit(**kwargs)  # type: ignore[arg-type]
