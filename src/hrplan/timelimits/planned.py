"""Reading a time-limit as a plan writes it: the plan gives the year a text leaves out
(``Third quarter``) and the day lengths of time count from (``within 6 months``).

The one rule of the importers that read plans (text, tables): a text that names
no year takes the ``default_year`` option, else the first year of the plan's
period, else the year of adoption; a length of time counts from the adoption
day. What cannot be read is kept as text (:meth:`TimeLimit.unparsed`), with a
reason the importer reports.
"""

from __future__ import annotations

import enum
import re
from datetime import date

import attrs

from hrplan.errors import TimeLimitError
from hrplan.timelimits._model import TimeLimit
from hrplan.timelimits._parse import parse_time_limit
from hrplan.timelimits._vocabulary import Vocabulary

__all__ = ["Outcome", "PlanDates", "PlanTimeLimit", "period_in", "read_plan_time_limit"]

_YEAR = r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
_RANGE = re.compile(rf"{_YEAR}\s*[-\u2013\u2014/]\s*(?:(?:1[89]|20)\d\d|\d\d)(?!\d)|{_YEAR}")


def period_in(text: str) -> TimeLimit | None:
    """The first year or range of years written in ``text`` (``Action Plan 2019-2022``)."""
    for found in _RANGE.finditer(text):
        try:
            return parse_time_limit(found.group(0))
        except TimeLimitError:
            continue
    return None


@attrs.frozen
class PlanDates:
    """What a plan's time-limits are read against.

    :ivar vocabularies: time-limit vocabularies tried after English.
    :ivar default_year: the year of texts that name none, as the reader was told (an option).
    :ivar period: the plan's period (from its title), whose first year is used otherwise.
    :ivar adopted: the adoption day, from which lengths of time count.
    """

    vocabularies: tuple[Vocabulary, ...] = ()
    default_year: int | None = None
    period: TimeLimit | None = None
    adopted: date | None = None

    def year(self) -> tuple[int | None, str]:
        """The year a text without one takes, and where it comes from (``None`` when none is known)."""
        if self.default_year is not None:
            return self.default_year, "the default_year option"
        if self.period is not None and self.period.start is not None:
            return self.period.start.year, f"the first year of the plan's period {self.period}"
        if self.adopted is not None:
            return self.adopted.year, f"the year of adoption ({self.adopted})"
        return None, ""


class Outcome(enum.Enum):
    """How a plan's time-limit was read."""

    #: read as written
    READ = "read"
    #: the text names no year; the plan's period or adoption gave it (not the option)
    YEAR_TAKEN = "year-taken"
    #: a length of time (``within 6 months``) while the adoption day is not known
    NEEDS_ADOPTION = "needs-adoption"
    #: not a time-limit
    UNREADABLE = "unreadable"


@attrs.frozen
class PlanTimeLimit:
    """A time-limit read in a plan, and how.

    :ivar time_limit: the time-limit; :meth:`TimeLimit.unparsed` when it could not be read.
    :ivar outcome: how it was read.
    :ivar message: what to report: the year taken, or why it could not be read (empty when read).
    """

    time_limit: TimeLimit
    outcome: Outcome
    message: str = ""


def read_plan_time_limit(text: str, dates: PlanDates) -> PlanTimeLimit:
    """Read ``text`` as a time-limit of the plan ``dates`` describes.

    >>> dates = PlanDates(period=parse_time_limit("2024-2027"))
    >>> found = read_plan_time_limit("Third quarter", dates)
    >>> str(found.time_limit), found.outcome.value
    ('Q3 2024', 'year-taken')
    >>> read_plan_time_limit("within 6 months", dates).outcome.value
    'needs-adoption'
    """
    vocabularies, adopted = dates.vocabularies, dates.adopted
    try:
        return PlanTimeLimit(parse_time_limit(text, vocabularies=vocabularies, adopted=adopted), Outcome.READ)
    except TimeLimitError as exc:
        error = exc
    year, why = dates.year()
    if year is not None and "a year is needed" in error.reason:
        try:
            found = parse_time_limit(text, vocabularies=vocabularies, adopted=adopted, default_year=year)
        except TimeLimitError as exc:
            error = exc
        else:
            if dates.default_year is not None:
                return PlanTimeLimit(found, Outcome.READ)
            return PlanTimeLimit(found, Outcome.YEAR_TAKEN, f"time-limit {text!r} names no year: read as {found}, "
                                 f"taking {why}")  # fmt: skip
    if "adoption" in error.reason:
        message = (f"time-limit {text!r} counts from the adoption, whose date is not known: kept as text "
                   "(pass the option adopted=YYYY-MM-DD)")  # fmt: skip
        return PlanTimeLimit(TimeLimit.unparsed(text), Outcome.NEEDS_ADOPTION, message)
    return PlanTimeLimit(TimeLimit.unparsed(text), Outcome.UNREADABLE, f"{error}: kept as text")
