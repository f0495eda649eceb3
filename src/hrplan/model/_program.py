"""The :class:`Program`: a whole plan and everything that follows it up."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

import attrs

from hrplan.errors import CrossReferenceError, ModelError, Problem
from hrplan.model._activity import Campaign, Event
from hrplan.model._frozenmap import FrozenMap
from hrplan.model._ids import MeasureId, MeasureIdLike
from hrplan.model._institution import Institution, check_slug
from hrplan.model._limits import check_nesting
from hrplan.model._measure import Chapter, Measure, Provision
from hrplan.model._progress import Progress, ProgressUpdate
from hrplan.model._recommendation import Recommendation
from hrplan.model._references import MeasureIndex, index_measures, reference_problems
from hrplan.timelimits import TimeLimit

__all__ = ["Adoption", "Program", "lenient"]

_LENIENT: contextvars.ContextVar[bool] = contextvars.ContextVar("hrplan_lenient", default=False)


@contextlib.contextmanager
def lenient() -> Iterator[None]:
    """Build programs whose references do not all resolve, without raising.

    For importers of messy sources: inside ``with hrplan.lenient():`` a
    :class:`Program` with broken references is built anyway and keeps them in
    :meth:`Program.broken_references`, which the built-in validators report as
    findings. Outside it, such a program raises :class:`~hrplan.CrossReferenceError`.
    """
    token = _LENIENT.set(True)
    try:
        yield
    finally:
        _LENIENT.reset(token)


@attrs.frozen
class Adoption:
    """How a program was adopted.

    :ivar date: the date of adoption.
    :ivar instrument: the act that adopted it (``"Presidential Order"``).
    :ivar number: the act's number, if it has one.
    """

    date: date
    instrument: str
    number: str | None = None


def _registry(value: Mapping[str, Institution] | Iterable[Institution]) -> FrozenMap[str, Institution]:
    if isinstance(value, Mapping):
        for key, institution in value.items():
            if key != institution.id:
                raise ModelError(f"institution registered as {key!r} has id {institution.id!r}")
        return FrozenMap(value)
    registry: dict[str, Institution] = {}
    for institution in value:
        if institution.id in registry:
            raise ModelError(f"institution id {institution.id!r} is used twice")
        registry[institution.id] = institution
    return FrozenMap(registry)


@attrs.frozen
class Program:
    """A human-rights action plan and its follow-up.

    Building a program checks that every reference inside it resolves (a progress
    update or event naming a measure that does not exist, an implementer missing
    from the registry, a measure number used twice...) and raises
    :class:`~hrplan.CrossReferenceError` listing them all (unless built inside
    :func:`lenient`).

    :ivar id: a short slug (``az-2012``).
    :ivar title: the program's title.
    :ivar country: the State, as an ISO 3166-1 alpha-2 code (``AZ``) or a name.
    :ivar adoption: how and when it was adopted.
    :ivar period: the period it covers (``2012-2015``).
    :ivar chapters: its chapters, in document order.
    :ivar provisions: numbered clauses that are not measures.
    :ivar institutions: the institution registry, id -> :class:`Institution`
        (an iterable of institutions is accepted and keyed by id).
    :ivar events: events that implement measures.
    :ivar campaigns: yearly recurring campaigns.
    :ivar recommendations: recommendations of UN mechanisms it follows up.
    :ivar progress: dated progress updates on measures.
    :ivar language: the language of its texts, as a BCP 47 tag.
    :ivar source: where the text came from (a URL or a document reference).
    """

    id: str = attrs.field()
    title: str
    country: str | None = None
    adoption: Adoption | None = None
    period: TimeLimit | None = None
    chapters: tuple[Chapter, ...] = ()
    provisions: tuple[Provision, ...] = ()
    institutions: FrozenMap[str, Institution] = attrs.field(default=FrozenMap(), converter=_registry)
    events: tuple[Event, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    progress: tuple[ProgressUpdate, ...] = ()
    language: str = "en"
    source: str | None = None
    _index: MeasureIndex = attrs.field(init=False, eq=False, repr=False, hash=False)
    _broken: tuple[Problem, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)

    @id.validator
    def _check_id(self, _attribute: attrs.Attribute[str], value: str) -> None:
        check_slug(value, "program id")

    def __attrs_post_init__(self) -> None:
        index, problems = index_measures(self)
        check_nesting(index.values())
        object.__setattr__(self, "_index", index)
        problems += reference_problems(self, index)
        if problems and not _LENIENT.get():
            raise CrossReferenceError(problems)
        object.__setattr__(self, "_broken", tuple(problems))

    def broken_references(self) -> tuple[Problem, ...]:
        """References that do not resolve (only possible for a program built :func:`lenient`-ly)."""
        return self._broken

    def iter_measures(self) -> Iterator[Measure]:
        """Yield every measure, sub-measures included, depth-first in document order."""
        for chapter in self.chapters:
            yield from chapter.iter_measures()

    def find_measure(self, measure_id: MeasureIdLike) -> Measure | None:
        """The measure numbered ``measure_id`` (``"1.2.10"``), or ``None``."""
        entry = self._index.get(MeasureId.of(measure_id))
        return entry.measure if entry else None

    def measure(self, measure_id: MeasureIdLike) -> Measure:
        """The measure numbered ``measure_id``.

        :raises KeyError: when the program has no such measure.
        """
        found = self.find_measure(measure_id)
        if found is None:
            raise KeyError(f"program {self.id!r} has no measure {measure_id}")
        return found

    def ancestors(self, measure_id: MeasureIdLike) -> tuple[Measure, ...]:
        """The measures that hold ``measure_id`` as a sub-measure, nearest first."""
        chain = []
        entry = self._index.get(MeasureId.of(measure_id))
        while entry is not None and entry.parent is not None:
            entry = self._index[entry.parent]
            chain.append(entry.measure)
        return tuple(chain)

    def chapter_of(self, measure_id: MeasureIdLike) -> Chapter | None:
        """The chapter that holds measure ``measure_id``, or ``None``."""
        entry = self._index.get(MeasureId.of(measure_id))
        return self.chapters[entry.chapter] if entry else None

    def time_limit_of(self, measure_id: MeasureIdLike) -> TimeLimit | None:
        """The time-limit that applies to a measure: its own, else its nearest ancestor's.

        See ``docs/deadlines.md`` for the whole rule.
        """
        measure = self.measure(measure_id)
        if measure.time_limit is not None:
            return measure.time_limit
        for ancestor in self.ancestors(measure_id):
            if ancestor.time_limit is not None:
                return ancestor.time_limit
        return None

    def progress_of(self, measure_id: MeasureIdLike) -> tuple[ProgressUpdate, ...]:
        """The progress updates on one measure, in date order."""
        wanted = MeasureId.of(measure_id)
        return tuple(sorted((u for u in self.progress if u.measure == wanted), key=lambda u: u.date))

    def completed_on(self, measure_id: MeasureIdLike, as_of: date | None = None) -> date | None:
        """The day a measure was reported completed, if its latest update (up to ``as_of``) says so."""
        updates = [u for u in self.progress_of(measure_id) if as_of is None or u.date <= as_of]
        if updates and updates[-1].progress is Progress.COMPLETED:
            return updates[-1].date
        return None
