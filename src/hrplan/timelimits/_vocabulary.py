"""Vocabularies: the words one language uses to write time-limits."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from types import MappingProxyType

import attrs

__all__ = ["DURATION_UNITS", "ENGLISH", "YEAR_PARTS", "Vocabulary"]


def _phrases(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"expected a sequence of phrases, got the string {value!r}")
    return tuple(value)


def _month_names(value: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    if isinstance(value, str):
        raise TypeError(f"expected twelve tuples of month names, got the string {value!r}")
    months = tuple(_phrases(names) for names in value)
    if len(months) not in (0, 12):
        raise ValueError(
            f"months needs 12 entries (one tuple of names per month), got {len(months)}"
        )
    return months


def _ordinals(value: Mapping[str, int] | Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((word, int(number)) for word, number in items)


#: The units a length of time may be counted in (``within 6 months``).
DURATION_UNITS = ("day", "week", "month", "year")


_WordPairs = Mapping[str, str] | Iterable[tuple[str, str]]


def _words_to(field: str, value: _WordPairs, allowed: Collection[str], what: str) -> tuple[tuple[str, str], ...]:
    """``value``, words mapped to one of ``allowed`` (a unit, a part of a year), as pairs; checked."""
    items = value.items() if isinstance(value, Mapping) else value
    pairs = tuple((word, str(meaning)) for word, meaning in items)
    bad = [meaning for _, meaning in pairs if meaning not in allowed]
    if bad:
        raise ValueError(f"{field}: unknown {what} {bad[0]!r} ({what}s: {', '.join(allowed)})")
    return pairs


def _durations(value: _WordPairs) -> tuple[tuple[str, str], ...]:
    return _words_to("durations", value, DURATION_UNITS, "unit")


#: The parts of a year a plan names loosely (``mid-2025``), with the months each is read as:
#: early is the first quarter, mid the two middle months, late the last quarter.
YEAR_PARTS: Mapping[str, tuple[int, int]] = MappingProxyType({"early": (1, 3), "mid": (6, 7), "late": (10, 12)})


def _year_parts(value: _WordPairs) -> tuple[tuple[str, str], ...]:
    return _words_to("year_parts", value, YEAR_PARTS, "part")


@attrs.frozen(kw_only=True)
class Vocabulary:
    """The phrasings one language uses to write time-limits.

    Every entry is a phrase matched as whole words, case-insensitively, after the
    same normalisation as the text (dashes unified, full stops after letters and
    commas dropped, spaces around hyphens removed, ``articles`` removed). Numbers,
    Roman numerals, ISO and day-first numeric dates are understood in every
    vocabulary. Build a new language with keyword arguments, or extend one with
    :func:`attrs.evolve`::

        GERMAN = Vocabulary(name="de", ongoing=("ständig",), months=(...12 tuples...))
        MORE_ENGLISH = attrs.evolve(ENGLISH, ongoing=(*ENGLISH.ongoing, "all the time"))

    :ivar name: a short name (a language code) for error messages.
    :ivar ongoing: whole texts meaning "no end": ``permanently``.
    :ivar recurring: markers of a yearly activity: ``annually``, ``every year``.
    :ivar deadline_prefixes: words before the unit a deadline ends with: ``by``, ``no later than``.
    :ivar from_prefixes: words before the start of an open-ended period: ``from``, ``since``.
    :ivar from_suffixes: words after the start of an open-ended period: ``onwards``.
    :ivar months: twelve tuples, the names of January ... December (full names
        first; the first name is used when formatting).
    :ivar quarter_words: ``quarter``, ``quarters`` (after the number: ``IV quarter``).
    :ivar quarter_prefixes: written right before the number: ``q`` (``Q1``).
    :ivar half_words: ``half``, ``half-year``.
    :ivar half_prefixes: ``h`` (``H2``).
    :ivar ordinals: ordinal words and their numbers: ``{"first": 1, ...}``.
    :ivar day_suffixes: endings of ordinal numbers: ``st``, ``nd`` (``12th``, ``1st``).
    :ivar year_prefixes: words before a year: ``year`` (``the year 2013``).
    :ivar year_suffixes: words after a year or a range of years, attached or
        not: ``years`` (``2014-2016 years``); Azerbaijani would list ``-ci il``.
    :ivar of_words: words between a unit and its year: ``of`` (``first quarter of 2015``).
    :ivar fillers: words before a period that do not change it: ``during``, ``in``.
    :ivar lead_ins: phrases before the whole time-limit that carry no meaning:
        ``this activity shall be implemented``.
    :ivar range_leads: words that open a range: ``from`` (``from 2012 to 2015``), ``between``.
    :ivar range_connectors: words between the two ends of a range (a hyphen or
        slash always works): ``to``, ``until``, ``and``.
    :ivar articles: words dropped everywhere: ``the``.
    :ivar cardinals: number words and their numbers: ``{"six": 6, ...}`` (``within six months``).
    :ivar durations: words of a length of time and their unit, ``day``, ``week``,
        ``month`` or ``year``: ``{"months": "month", ...}``.
    :ivar relative_prefixes: words before a length of time counted from the
        program's adoption: ``within``, ``no later than`` (``within 6 months``).
    :ivar relative_suffixes: words after it that name the adoption:
        ``of adoption``, ``after the adoption of the plan``.
    :ivar first_words: words before a count of months from the start of a year:
        ``first`` (``first nine months of 2025``).
    :ivar year_parts: words for a loose part of a year and the part, ``early``,
        ``mid`` or ``late`` (:data:`YEAR_PARTS`): ``{"mid": "mid", "beginning of": "early"}``
        (``mid-2025`` is June-July 2025).
    :ivar era_markers: words that mark a year of another era (``B.E.``); when a
        text names one, every four-digit year in it is of that era.
    :ivar era_offset: what turns a year of that era into a Gregorian year
        (``-543`` for the Thai Buddhist era: ``B.E. 2559`` is 2016).
    :ivar era_years_from: years from this one on are of that era even without a
        marker (``2400`` for the Buddhist era, whose years in use are 25xx);
        ``0``: only years next to a marker.
    """

    name: str
    ongoing: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    recurring: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    deadline_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    from_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    from_suffixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    months: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_month_names)
    quarter_words: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    quarter_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    half_words: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    half_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    ordinals: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_ordinals)
    day_suffixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    year_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    year_suffixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    of_words: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    fillers: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    lead_ins: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    range_leads: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    range_connectors: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    articles: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    cardinals: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_ordinals)
    durations: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_durations)
    relative_prefixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    relative_suffixes: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    first_words: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    year_parts: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_year_parts)
    era_markers: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    era_offset: int = 0
    era_years_from: int = 0


#: The built-in vocabulary; :func:`parse_time_limit` always tries it first.
ENGLISH = Vocabulary(
    name="en",
    ongoing=(
        "permanently", "permanent", "on a permanent basis", "continuously", "continuous",
        "on a continuous basis", "constantly", "ongoing", "on an ongoing basis", "regularly",
        "on a regular basis",
    ),
    recurring=(
        "annually", "every year", "each year", "yearly", "once a year", "once per year",
        "per year", "on an annual basis", "on a yearly basis",
        # more often than yearly: read as recurring through the whole year
        "every semester", "each semester", "every half-year", "every half year", "every six months",
        "twice a year", "semi-annually", "semiannually", "every quarter", "each quarter", "quarterly",
        "on a quarterly basis", "every month", "each month", "monthly", "on a monthly basis",
    ),
    deadline_prefixes=(
        "by", "by the end of", "until", "till", "until the end of", "no later than",
        "not later than", "no later than the end of", "not later than the end of",
        "before the end of", "by end", "by end of", "end of", "the end of", "end", "until end of",
        "before end of",
    ),
    from_prefixes=(
        "from", "since", "starting", "starting from", "starting in", "beginning",
        "beginning in", "beginning from", "as of", "as from", "commencing", "commencing in",
        "from the beginning of",
    ),
    from_suffixes=("onwards", "onward", "on", "and onwards", "and beyond", "and thereafter"),
    months=(
        ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
        ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
        ("September", "Sep", "Sept"), ("October", "Oct"), ("November", "Nov"),
        ("December", "Dec"),
    ),
    quarter_words=("quarter", "quarters", "qtr"),
    quarter_prefixes=("q",),
    half_words=("half", "halves", "half-year", "half year", "half-years", "semester"),
    half_prefixes=("h",),
    ordinals={
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    },
    day_suffixes=("st", "nd", "rd", "th"),
    year_prefixes=("year",),
    year_suffixes=("year", "years", "yr", "yrs", "yy", "y"),
    of_words=("of",),
    fillers=(
        "during", "in", "within", "throughout", "in the course of", "over", "for",
        "during the period", "in the period", "over the period",
    ),
    lead_ins=(
        "this activity shall be implemented", "this activity will be implemented",
        "this measure shall be implemented", "shall be implemented", "will be implemented",
        "to be implemented", "implemented", "time-limit", "time limit", "deadline",
        "to be held", "will be held", "shall be held", "to be carried out", "will be carried out",
        "to be completed", "will be completed",
    ),
    range_leads=("from", "between"),
    range_connectors=("to", "till", "until", "through", "and"),
    articles=("the",),
    cardinals={
        "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
        "twenty-four": 24, "thirty-six": 36,
    },
    durations={
        "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
        "months": "month", "year": "year", "years": "year",
    },
    relative_prefixes=("within", "no later than", "not later than", "in"),
    relative_suffixes=(
        "of adoption", "after adoption", "from adoption", "following adoption", "of its adoption",
        "after its adoption", "from its adoption", "of adoption of plan", "after adoption of plan",
        "from adoption of plan", "of adoption of action plan", "after adoption of action plan",
        "from adoption of action plan", "of adoption of program", "after adoption of program",
        "of adoption of programme", "after adoption of programme", "from date of adoption",
        "of date of adoption", "after date of adoption",
    ),
    first_words=("first",),
    year_parts={
        "early": "early", "beginning of": "early", "start of": "early", "mid": "mid", "mid-year": "mid",
        "middle of": "mid", "late": "late",
    },
)  # fmt: skip
