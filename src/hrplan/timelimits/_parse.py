"""Reading a time-limit text: normalise, try each kind of phrasing, build a TimeLimit.

The steps, in order (the first that recognises the text wins):

1. drop a lead-in ("this activity shall be implemented");
2. ongoing phrase ("permanently");
3. recurring: a yearly window alone ("18 May - 18 June"), or a recurring marker
   ("annually") with an optional window and optional bounds;
4. deadline: a deadline prefix and a period ("by March 2013");
5. a length of time from the adoption ("within 6 months");
6. the first months of a year ("nine months of 2025");
7. interval: a period, after an optional filler ("during 2013", "2012-2015");
8. open start: a "from" prefix and/or an "onwards" suffix around a period.

Every step costs time linear in the text (a unit is at most
:data:`~hrplan.timelimits._pieces.MAX_PIECE` characters, so ranges are only
looked for in short texts), and texts over :data:`MAX_LENGTH` characters are
refused before any step.

A period is one unit ("Q1 2015") or a range of two ("March-April 2012").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from hrplan.errors import TimeLimitError
from hrplan.limits import MAX_TIME_LIMIT_CHARS, LimitError, check_year
from hrplan.timelimits._grammar import Grammar, grammar_for, without_prefix, without_suffix
from hrplan.timelimits._model import WHOLE_YEAR, Precision, TimeLimit, TimeLimitKind, YearlyWindow
from hrplan.timelimits._pieces import match_piece, split_range
from hrplan.timelimits._spans import ReadError, Span, range_span, span_of, window_of
from hrplan.timelimits._vocabulary import ENGLISH, YEAR_PARTS, Vocabulary

__all__ = ["MAX_LENGTH", "parse_time_limit"]

_T = TypeVar("_T")

#: The longest time-limit text read, in characters; a longer text is refused.
MAX_LENGTH = MAX_TIME_LIMIT_CHARS


@attrs.frozen
class _Context:
    grammar: Grammar
    default_year: int | None
    adopted: date | None = None


def parse_time_limit(
    text: str,
    *,
    vocabularies: Sequence[Vocabulary] | None = None,
    default_year: int | None = None,
    adopted: date | None = None,
) -> TimeLimit:
    """Read a plan's time-limit text ("permanently", "2012-2015", "by March 2013").

    :param text: the time-limit as written; kept unchanged in the result's ``text``.
    :param vocabularies: languages to try after :data:`ENGLISH`, in order; the
        first that recognises the text wins.
    :param default_year: the year of a text that names none ("Third quarter",
        "March-April"); without it such a text is refused.
    :param adopted: the day the program was adopted, from which a length of
        time is counted ("within 6 months"); without it such a text is refused.
    :raises TimeLimitError: when the text is not a time-limit, names impossible
        dates (a reversed range, a fifth quarter, 31 February), or is longer
        than :data:`MAX_LENGTH` characters.
    """
    if not isinstance(text, str):
        raise TypeError(f"a time-limit text must be a str, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        reason = f"it is {len(text)} characters long; a time-limit has at most {MAX_LENGTH}"
        raise TimeLimitError(text[:40] + "...", reason)
    if default_year is not None:
        try:
            check_year(default_year, "default_year")
        except LimitError as exc:
            raise TimeLimitError(text, str(exc)) from None
    try:
        found = _read_any(text, _in_order(vocabularies), _Context(grammar_for(ENGLISH), default_year, adopted))
    except ReadError as error:
        raise TimeLimitError(text, error.reason) from None
    return attrs.evolve(found, text=text)


def _in_order(vocabularies: Sequence[Vocabulary] | None) -> tuple[Vocabulary, ...]:
    return (ENGLISH, *(v for v in vocabularies or () if v != ENGLISH))


def _read_any(text: str, vocabularies: Sequence[Vocabulary], base: _Context) -> TimeLimit:
    for vocabulary in vocabularies:
        grammar = grammar_for(vocabulary)
        normalised = grammar.normalise(text)
        if not normalised:
            raise ReadError("the text is empty")
        found = _read(normalised, attrs.evolve(base, grammar=grammar))
        if found is not None:
            return found
    names = ", ".join(v.name for v in vocabularies)
    raise ReadError(f"not a time-limit phrasing of the vocabularies tried ({names}); see docs/deadlines.md")


def _read(s: str, ctx: _Context) -> TimeLimit | None:
    s = next(iter(without_prefix(s, ctx.grammar.lead_ins)), s)
    return _first(_STEPS, lambda step: step(s, ctx))


def _first(items: Iterable[_T], attempt: Callable[[_T], TimeLimit | None]) -> TimeLimit | None:
    """The first result of ``attempt`` on ``items`` that is not ``None``."""
    for item in items:
        found = attempt(item)
        if found is not None:
            return found
    return None


def _ongoing(s: str, ctx: _Context) -> TimeLimit | None:
    return TimeLimit(TimeLimitKind.ONGOING) if s in ctx.grammar.ongoing else None


def _deadline(s: str, ctx: _Context) -> TimeLimit | None:
    rests = without_prefix(s, ctx.grammar.deadline_prefixes)
    return _with_period(rests, ctx, lambda p: TimeLimit(TimeLimitKind.DEADLINE, end=p.end, precision=p.precision))


_LENGTHS: dict[str, Callable[[int], relativedelta]] = {
    "day": lambda n: relativedelta(days=n),
    "week": lambda n: relativedelta(weeks=n),
    "month": lambda n: relativedelta(months=n),
    "year": lambda n: relativedelta(years=n),
}


def _count(written: str, ctx: _Context) -> int:
    return int(written) if written.isdecimal() else ctx.grammar.cardinals[written]


def _relative(s: str, ctx: _Context) -> TimeLimit | None:
    """A length of time counted from the adoption: "within 6 months" ends 6 months after it."""
    found = ctx.grammar.relative.fullmatch(s)
    if found is None:
        return None
    count, unit = _count(found["count"], ctx), ctx.grammar.durations[found["unit"]]
    if ctx.adopted is None:
        raise ReadError(
            f"{s!r} is counted from the program's adoption, whose date is not known (pass adopted=)"
        )
    end = ctx.adopted + _LENGTHS[unit](count)
    return TimeLimit(TimeLimitKind.DEADLINE, end=end, precision=Precision.DAY)


def _months_of(s: str, ctx: _Context) -> TimeLimit | None:
    """The first months of a year: "nine months of 2025" is January-September 2025."""
    for text in (s, *without_prefix(s, ctx.grammar.fillers)):
        found = ctx.grammar.months_of.fullmatch(text)
        if found is None:
            continue
        count = _count(found["count"], ctx)
        if not 1 <= count <= 12:
            raise ReadError(f"a year has 12 months, not {count}")
        year = int(found["year"]) if found["year"] else None
        if year is None:
            if ctx.default_year is None:
                raise ReadError(f"a year is needed: {text!r} names none (write it, or pass default_year)")
            year = ctx.default_year
        if year < 1:
            raise ReadError(f"there is no year {year}")
        end = Precision.MONTH.last_day(date(year, count, 1))
        return TimeLimit(TimeLimitKind.INTERVAL, date(year, 1, 1), end, Precision.MONTH)
    return None


def _interval(s: str, ctx: _Context) -> TimeLimit | None:
    rests = (s, *without_prefix(s, ctx.grammar.fillers))
    return _with_period(rests, ctx, lambda p: TimeLimit(TimeLimitKind.INTERVAL, p.start, p.end, p.precision))


def _since(s: str, ctx: _Context) -> TimeLimit | None:
    g = ctx.grammar
    after_prefix = without_prefix(s, g.from_prefixes)
    after_suffix = [r for rest in (s, *after_prefix) for r in without_suffix(rest, g.from_suffixes)]
    return _with_period(
        (*after_prefix, *after_suffix),
        ctx,
        lambda p: TimeLimit(TimeLimitKind.ONGOING, start=p.start, precision=p.precision),
    )


def _with_period(texts: Iterable[str], ctx: _Context, make: Callable[[Span], TimeLimit]) -> TimeLimit | None:
    """``make`` applied to the first of ``texts`` that is a period."""
    for text in texts:
        span = _period(text, ctx)
        if span is not None:
            return make(span)
    return None


def _period(s: str, ctx: _Context) -> Span | None:
    """One unit, a loose part of a year or a range of two units, as days; ``None`` when ``s`` is none."""
    part = ctx.grammar.year_part.fullmatch(s)
    if part is not None:
        return _year_part(ctx.grammar.year_parts[part["part"]], int(part["year"]))
    piece = match_piece(s, ctx.grammar)
    if piece is not None and piece.precision is not None:
        return span_of(piece, ctx.default_year)
    pair = split_range(s, ctx.grammar)
    return None if pair is None else range_span(*pair, ctx.default_year)


def _year_part(part: str, year: int) -> Span:
    """``mid 2025``: June-July 2025 (the months of :data:`YEAR_PARTS`)."""
    if year < 1:
        raise ReadError(f"there is no year {year}")
    first, last = YEAR_PARTS[part]
    precision = Precision.QUARTER if last - first == 2 and first % 3 == 1 else Precision.MONTH
    return Span(date(year, first, 1), Precision.MONTH.last_day(date(year, last, 1)), precision)


def _recurring(s: str, ctx: _Context) -> TimeLimit | None:
    window = _window(s, ctx.grammar, marked=False)
    if window is not None:
        return TimeLimit(TimeLimitKind.RECURRING, window=window)
    marker = ctx.grammar.recurring.search(s)
    if marker is None:
        return None
    parts = (s[: marker.start()].strip(), s[marker.end() :].strip())
    window, bounds = _window_and_bounds([p for p in parts if p], ctx)
    start, end, precision = (bounds.start, bounds.end, bounds.precision) if bounds else (None, None, None)
    return TimeLimit(TimeLimitKind.RECURRING, start, end, precision, window or WHOLE_YEAR)


def _window_and_bounds(parts: list[str], ctx: _Context) -> tuple[YearlyWindow | None, TimeLimit | None]:
    """The window and the bounds written around a recurring marker, each at most once."""
    window: YearlyWindow | None = None
    bounds: TimeLimit | None = None
    for part in parts:
        if window is None and (window := _window(part, ctx.grammar, marked=True)) is not None:
            continue
        if bounds is None and (bounds := _bounds(part, ctx)) is not None:
            continue
        raise ReadError(f"cannot read {part!r} as the window or the period of a yearly activity")
    return window, bounds


def _bounds(s: str, ctx: _Context) -> TimeLimit | None:
    """The period a recurring activity is bounded by: "2012-2015", "from 2012", "by 2015"."""
    return _first(_BOUND_STEPS, lambda step: step(s, ctx))


def _window(s: str, grammar: Grammar, *, marked: bool) -> YearlyWindow | None:
    """A yearly window written without a year ("18 May - 18 June").

    Next to a recurring marker (``marked``) a single day or whole months do too,
    after an optional filler: "every year in March".
    """
    candidates = (s, *without_prefix(s, grammar.fillers)) if marked else (s,)
    allowed = (Precision.DAY, Precision.MONTH) if marked else (Precision.DAY,)
    for candidate in candidates:
        pair = split_range(candidate, grammar)
        if pair is None and marked:
            piece = match_piece(candidate, grammar)
            pair = None if piece is None else (piece, piece)
        if pair is not None and all(p.year is None and p.precision in allowed for p in pair):
            return window_of(*pair)
    return None


_STEPS: tuple[Callable[[str, _Context], TimeLimit | None], ...] = (
    _ongoing,
    _recurring,
    _deadline,
    _relative,
    _months_of,
    _interval,
    _since,
)
_BOUND_STEPS = (_deadline, _interval, _since)
