"""Strategies that build valid model objects, cross-references included."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import TypeVar

from hypothesis import strategies as st

from hrplan.model import (
    Adoption,
    Campaign,
    Chapter,
    DateSpan,
    Event,
    EventKind,
    Implementer,
    Institution,
    InstitutionKind,
    Measure,
    MeasureId,
    Position,
    Program,
    Progress,
    ProgressUpdate,
    Provision,
    Recommendation,
    RecommendationKind,
    Role,
    Tags,
)
from hrplan.timelimits import TimeLimit, parse_time_limit
from hrplan.timelimits._strategies import time_limits as _generated_time_limits
from hrplan.timelimits._strategies import yearly_windows

__all__ = [
    "campaigns",
    "events",
    "institutions",
    "measure_trees",
    "measures",
    "programs",
    "progress_updates",
    "recommendations",
    "time_limits",
    "yearly_windows",
]

T = TypeVar("T")

#: Printable text without surrogates or control characters, as plans contain.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).map(str.strip).filter(bool)
#: Strategies drawn many times per program are built once: Hypothesis validates
#: every new strategy object on its first draw, which costs more than the draw.
_MAYBE_TEXT = st.none() | _TEXT
_TEXTS = st.lists(_TEXT, max_size=2).map(tuple)
_ROLES = st.sampled_from(Role)
_TAGS = st.builds(Tags, themes=_TEXTS, sdgs=st.lists(st.integers(1, 17), max_size=2).map(tuple))
_INDICATORS = st.lists(_TEXT, max_size=1).map(tuple)
_LOWER = "abcdefghijklmnopqrstuvwxyz"
#: Slugs such as ``min-justice``: cheaper to build from pieces than from a regular expression.
_SLUG = st.builds(
    lambda head, parts: "-".join([head, *parts]),
    st.text(_LOWER, min_size=1, max_size=1).flatmap(lambda first: st.text(_LOWER + "0123456789", max_size=8).map(
        lambda rest: first + rest)),
    st.lists(st.text(_LOWER + "0123456789", min_size=1, max_size=6), max_size=2),
)
_DAYS = st.dates(date(2000, 1, 1), date(2040, 12, 31))
_MAYBE_DAY = st.none() | _DAYS
_ACTION = st.none() | st.integers(1, 5)
_MAYBE_NUMBER = st.none() | st.integers(1, 60).map(str)
_COUNTRIES = st.lists(st.sampled_from(["Azerbaijan", "Georgia", "Samoa"]), max_size=2, unique=True).map(tuple)


def _canonical(texts: list[str]) -> st.SearchStrategy[TimeLimit]:
    return st.sampled_from(texts).map(parse_time_limit)


def _as_written() -> st.SearchStrategy[TimeLimit]:
    years = st.integers(2000, 2040)
    fixed = _canonical(["permanently", "annually", "18 May - 18 June", "on a permanent basis", "IV quarter 2016"])
    year = years.map(lambda y: parse_time_limit(str(y)))
    year_range = st.tuples(years, st.integers(0, 6)).map(lambda t: parse_time_limit(f"{t[0]}-{t[0] + t[1]}"))
    months = st.tuples(years, st.integers(1, 12)).map(lambda t: parse_time_limit(f"{date(t[0], t[1], 1):%B %Y}"))
    deadline = _DAYS.map(lambda d: parse_time_limit(f"by {d.day} {d:%B %Y}"))
    return st.one_of(fixed, year, year_range, months, deadline)


def time_limits() -> st.SearchStrategy[TimeLimit]:
    """Time-limits of every kind and precision: phrasings plans use, read with
    :func:`hrplan.parse_time_limit`, and generated ones carrying their canonical text.
    """
    return _TIME_LIMITS


_TIME_LIMITS = st.one_of(_as_written(), _generated_time_limits(with_text=True))
_MAYBE_TIME_LIMIT = st.none() | _TIME_LIMITS


def institutions() -> st.SearchStrategy[list[Institution]]:
    """Institution registries: 1 to 6 institutions with distinct ids."""
    one = st.builds(
        Institution,
        id=st.just("x"),
        name=_TEXT,
        kind=st.sampled_from(InstitutionKind),
        short_name=st.none() | _TEXT,
        aliases=st.lists(_TEXT, max_size=2).map(tuple),
    )
    return st.lists(st.tuples(_SLUG, one), min_size=1, max_size=6, unique_by=lambda t: t[0]).map(
        lambda pairs: [Institution(slug, i.name, i.kind, i.short_name, i.aliases) for slug, i in pairs]
    )


@st.composite
def _measure(draw: st.DrawFn, number: MeasureId, registry: list[str], depth: int) -> Measure:
    children: tuple[Measure, ...] = ()
    if depth < 2 and draw(st.integers(0, 4)) == 0:
        count = draw(st.integers(1, 3))
        children = tuple(draw(_measure(number.child(i), registry, depth + 1)) for i in range(1, count + 1))
    implementers = draw(_some(tuple(registry), 3))
    return Measure(
        id=number,
        title=draw(_TEXT),
        description=draw(_MAYBE_TEXT),
        implementers=tuple(Implementer(i, draw(_ROLES)) for i in implementers),
        time_limit=draw(_MAYBE_TIME_LIMIT),
        children=children,
        tags=draw(_TAGS),
        indicators=draw(_INDICATORS),
        expected_results=draw(_INDICATORS),
        funding=draw(_MAYBE_TEXT),
        budget=draw(_MAYBE_TEXT),
    )


@functools.lru_cache(maxsize=256)
def _some(choices: tuple[T, ...], most: int) -> st.SearchStrategy[tuple[T, ...]]:
    """Up to ``most`` distinct items of ``choices`` (one strategy per distinct choice list)."""
    return st.lists(st.sampled_from(choices), max_size=most, unique=True).map(tuple)


def measure_trees(chapter: int, registry: list[str]) -> st.SearchStrategy[tuple[Measure, ...]]:
    """Top-level measures ``chapter.1``, ``chapter.2``... of one chapter, with sub-measures."""
    return st.integers(0, 4).flatmap(
        lambda n: st.tuples(*(_measure(MeasureId((chapter, i)), registry, 1) for i in range(1, n + 1)))
    )


def campaigns(measures: list[MeasureId], registry: list[str]) -> st.SearchStrategy[Campaign]:
    """Campaigns that link existing measures and institutions."""
    return st.builds(
        Campaign,
        id=_SLUG,
        title=_TEXT,
        window=yearly_windows(),
        purpose=st.none() | _TEXT,
        organiser=st.none() | st.sampled_from(registry),
        measures=st.lists(st.sampled_from(measures), max_size=2, unique=True).map(tuple)
        if measures
        else st.just(()),
        first_year=st.none() | st.integers(2000, 2010),
    )


@st.composite
def _chapters(draw: st.DrawFn, registry: list[str]) -> tuple[Chapter, ...]:
    count = draw(st.integers(1, 3))
    return tuple(
        Chapter(
            number=n,
            title=draw(_TEXT),
            label=draw(st.sampled_from([str(n), "I" * n, ["One", "Two", "Three"][n - 1]])),
            intro=draw(st.none() | _TEXT),
            measures=draw(measure_trees(n, registry)),
        )
        for n in range(1, count + 1)
    )


def measures(registry: list[str] | None = None) -> st.SearchStrategy[Measure]:
    """Single measures (``1.x``, with sub-measures) naming institutions from ``registry``."""
    ids = registry or ["inst-a", "inst-b"]
    return st.integers(1, 30).flatmap(lambda n: _measure(MeasureId((1, n)), ids, 1))


@st.composite
def events(draw: st.DrawFn, measures: list[MeasureId], registry: list[str]) -> tuple[Event, ...]:
    """Up to three events (ids ``ev-0``...) that implement some of ``measures``."""
    made = []
    for i in range(draw(st.integers(0, 3))):
        start = draw(_DAYS)
        made.append(
            Event(
                id=f"ev-{i}",
                title=draw(_TEXT),
                kind=draw(st.sampled_from(EventKind)),
                dates=DateSpan(start, start + timedelta(days=draw(st.integers(0, 3)))),
                organiser=draw(st.none() | st.sampled_from(registry)),
                audiences=tuple(draw(st.lists(_TEXT, max_size=2))),
                participant_count=draw(st.none() | st.integers(0, 500)),
                location=draw(st.none() | _TEXT),
                remote_participants=tuple(draw(st.lists(_TEXT, max_size=2))),
                measures=tuple(draw(st.lists(st.sampled_from(measures), max_size=2, unique=True)))
                if measures
                else (),
            )
        )
    return tuple(made)


@st.composite
def programs(draw: st.DrawFn) -> Program:
    """Whole programs whose references all resolve."""
    registry = draw(institutions())
    ids = [i.id for i in registry]
    chapters = draw(_chapters(ids))
    numbers = [m.id for c in chapters for m in c.iter_measures()]
    held = draw(events(numbers, ids))
    return Program(
        id=draw(_SLUG),
        title=draw(_TEXT),
        country=draw(st.none() | st.sampled_from(["AZ", "GE", "WS"])),
        adoption=draw(st.none() | st.builds(Adoption, date=_DAYS, instrument=_TEXT)),
        period=draw(st.none() | time_limits()),
        chapters=chapters,
        provisions=tuple(
            Provision(MeasureId((len(chapters), 90 + i)), draw(_TEXT), chapter=len(chapters))
            for i in range(draw(st.integers(0, 2)))
        ),
        institutions=registry,
        events=held,
        campaigns=tuple(draw(st.lists(campaigns(numbers, ids), max_size=2, unique_by=lambda c: c.id))),
        recommendations=draw(recommendations(numbers)),
        progress=draw(progress_updates(numbers, [e.id for e in held])),
    )


@st.composite
def recommendations(draw: st.DrawFn, measures: list[MeasureId]) -> tuple[Recommendation, ...]:
    """Up to two recommendations (ids ``rec-0``...) linked to some of ``measures``."""
    return tuple(
        Recommendation(
            id=f"rec-{i}",
            mechanism=draw(st.sampled_from(["UPR", "CRC", "CAT", "CEDAW"])),
            text=draw(_TEXT),
            paragraph=draw(st.none() | st.from_regex(r"1[0-9]{2}\.[1-9][0-9]?", fullmatch=True)),
            recommending_states=tuple(draw(st.lists(_TEXT, max_size=2))),
            position=draw(st.none() | st.sampled_from(Position)),
            measures=tuple(draw(st.lists(st.sampled_from(measures), max_size=2, unique=True))) if measures else (),
            kind=draw(st.sampled_from(RecommendationKind)),
            sdgs=tuple(draw(st.lists(st.integers(1, 17), max_size=2))),
            action=draw(_ACTION),
            published=draw(_MAYBE_DAY),
            cycle=draw(_MAYBE_NUMBER),
            session=draw(_MAYBE_NUMBER),
            year=draw(st.none() | st.integers(2000, 2040)),
            symbol=draw(st.none() | st.sampled_from(["A/HRC/24/13", "CRC/C/AZE/CO/3-4"])),
            themes=draw(_TEXTS),
            affected_persons=draw(_TEXTS),
            position_text=draw(_MAYBE_TEXT),
            countries=draw(_COUNTRIES),
            body=draw(_MAYBE_TEXT),
            position_source=draw(_MAYBE_TEXT),
            document_type=draw(_MAYBE_TEXT),
            source_id=draw(_MAYBE_TEXT),
        )
        for i in range(draw(st.integers(0, 2)))
    )


@st.composite
def progress_updates(draw: st.DrawFn, measures: list[MeasureId], events: list[str]) -> tuple[ProgressUpdate, ...]:
    """Up to three progress updates on ``measures``, some citing the first of ``events``."""
    updates: list[ProgressUpdate] = []
    for _ in range(draw(st.integers(0, 3)) if measures else 0):
        with_evidence: bool = draw(st.booleans())
        updates.append(
            ProgressUpdate(
                measure=draw(st.sampled_from(measures)),
                date=draw(_DAYS),
                progress=draw(st.sampled_from(Progress)),
                note=draw(st.none() | _TEXT),
                evidence=(events[0],) if events and with_evidence else (),
            )
        )
    return tuple(updates)
