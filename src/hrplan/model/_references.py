"""The reference check run when a :class:`~hrplan.Program` is built.

Every id a program object mentions must resolve inside the same program. The
check collects every problem (with the JSON path of the reference) instead of
stopping at the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from hrplan.errors import Problem
from hrplan.model._ids import MeasureId
from hrplan.model._measure import Measure

if TYPE_CHECKING:
    from hrplan.model._program import Program

__all__ = ["IndexEntry", "MeasureIndex", "index_measures", "reference_problems"]


class IndexEntry(NamedTuple):
    """Where a measure stands in its program."""

    measure: Measure
    #: Its place: the chapter's position, the measure's in the chapter, then in each parent.
    position: tuple[int, ...]
    #: The number of the measure it is a sub-measure of, if any.
    parent: MeasureId | None

    @property
    def chapter(self) -> int:
        """The position of its chapter in ``Program.chapters``."""
        return self.position[0]

    @property
    def path(self) -> str:
        """The JSON path of the measure (``$.chapters[0].measures[1].children[9]``).

        Built on demand: a program indexes every measure, and only a problem needs a path.
        """
        chapter, measure, *children = self.position
        return f"$.chapters[{chapter}].measures[{measure}]" + "".join(f".children[{i}]" for i in children)


#: Each measure number mapped to where the measure stands.
MeasureIndex = dict[MeasureId, IndexEntry]


def index_measures(program: Program) -> tuple[MeasureIndex, list[Problem]]:
    """Index the measures of ``program`` by number; report numbers used twice."""
    index: MeasureIndex = {}
    problems: list[Problem] = []
    for entry in _walk_program(program):
        number = entry.measure.id
        if number in index:
            first = index[number].path
            message = f"measure {number} is numbered twice (first at {first})"
            problems.append(Problem(f"{entry.path}.id", message, "duplicate-id"))
        else:
            index[number] = entry
    return index, problems


def _walk_program(program: Program) -> Iterator[IndexEntry]:
    """Every measure in depth-first document order, without recursion."""
    stack = [
        IndexEntry(measure, (c, m), None)
        for c, chapter in reversed(list(enumerate(program.chapters)))
        for m, measure in reversed(list(enumerate(chapter.measures)))
    ]
    while stack:
        entry = stack.pop()
        yield entry
        children = entry.measure.children
        if children:
            parent = entry.measure.id
            here = entry.position
            stack.extend(IndexEntry(child, (*here, i), parent) for i, child in reversed(list(enumerate(children))))


def reference_problems(program: Program, index: MeasureIndex) -> list[Problem]:
    """Every reference in ``program`` that points at nothing."""
    known = _Known(program, index)
    problems: list[Problem] = []
    problems += _duplicates("events", (e.id for e in program.events))
    problems += _duplicates("campaigns", (c.id for c in program.campaigns))
    problems += _duplicates("recommendations", (r.id for r in program.recommendations))
    problems += _institution_problems(program, known)
    institutions = known.institutions
    for entry in index.values():
        for i, implementer in enumerate(entry.measure.implementers):
            if implementer.institution not in institutions:
                where = f"measure {entry.measure.id}"
                path = f"{entry.path}.implementers[{i}].institution"
                problems += known.institution(path, where, implementer.institution)
    problems += _event_problems(program, known)
    problems += _campaign_problems(program, known)
    problems += _recommendation_problems(program, known)
    problems += _progress_problems(program, known)
    problems += _provision_problems(program)
    return problems


class _Known:
    """The ids a program defines, and one checker per kind of reference."""

    def __init__(self, program: Program, index: MeasureIndex) -> None:
        self.measures: Mapping[MeasureId, object] = index
        self.institutions = set(program.institutions)
        self.events = {e.id for e in program.events}
        self.campaigns = {c.id for c in program.campaigns}
        self.recommendations = {r.id for r in program.recommendations}

    def measure(self, path: str, owner: str, value: MeasureId) -> list[Problem]:
        return _missing(path, owner, "measure", value, self.measures)

    def institution(self, path: str, owner: str, value: str | None) -> list[Problem]:
        return _missing(path, owner, "institution", value, self.institutions)

    def event(self, path: str, owner: str, value: str) -> list[Problem]:
        return _missing(path, owner, "event", value, self.events)

    def campaign(self, path: str, owner: str, value: str | None) -> list[Problem]:
        return _missing(path, owner, "campaign", value, self.campaigns)

    def recommendation(self, path: str, owner: str, value: str) -> list[Problem]:
        return _missing(path, owner, "recommendation", value, self.recommendations)


def _missing(path: str, owner: str, what: str, value: object, known: Iterable[object]) -> list[Problem]:
    if value is None or value in known:
        return []
    shown = repr(value) if isinstance(value, str) else str(value)
    return [Problem(path, f"{owner} refers to {what} {shown}, which does not exist", f"unknown-{what}")]


def _duplicates(field: str, ids: Iterable[str]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, value in enumerate(ids):
        if value in seen:
            message = f"id {value!r} is used twice (first at $.{field}[{seen[value]}])"
            problems.append(Problem(f"$.{field}[{i}].id", message, "duplicate-id"))
        else:
            seen[value] = i
    return problems


def _institution_problems(program: Program, known: _Known) -> list[Problem]:
    problems = []
    for key, institution in program.institutions.items():
        path = f"$.institutions.{key}"
        problems += known.institution(f"{path}.parent", f"institution {key!r}", institution.parent)
    return problems


def _event_problems(program: Program, known: _Known) -> list[Problem]:
    problems = []
    for i, event in enumerate(program.events):
        path, owner = f"$.events[{i}]", f"event {event.id!r}"
        problems += known.institution(f"{path}.organiser", owner, event.organiser)
        for j, institution in enumerate(event.participants):
            problems += known.institution(f"{path}.participants[{j}]", owner, institution)
        for j, number in enumerate(event.measures):
            problems += known.measure(f"{path}.measures[{j}]", owner, number)
        for j, rec in enumerate(event.recommendations):
            problems += known.recommendation(f"{path}.recommendations[{j}]", owner, rec)
        problems += known.campaign(f"{path}.campaign", owner, event.campaign)
    return problems


def _campaign_problems(program: Program, known: _Known) -> list[Problem]:
    problems = []
    for i, campaign in enumerate(program.campaigns):
        path, owner = f"$.campaigns[{i}]", f"campaign {campaign.id!r}"
        problems += known.institution(f"{path}.organiser", owner, campaign.organiser)
        for j, number in enumerate(campaign.measures):
            problems += known.measure(f"{path}.measures[{j}]", owner, number)
    return problems


def _recommendation_problems(program: Program, known: _Known) -> list[Problem]:
    problems = []
    for i, rec in enumerate(program.recommendations):
        for j, number in enumerate(rec.measures):
            problems += known.measure(f"$.recommendations[{i}].measures[{j}]", f"recommendation {rec.id!r}", number)
    return problems


def _progress_problems(program: Program, known: _Known) -> list[Problem]:
    problems = []
    for i, update in enumerate(program.progress):
        path, owner = f"$.progress[{i}]", f"progress update of {update.date} on measure {update.measure}"
        problems += known.measure(f"{path}.measure", owner, update.measure)
        problems += known.institution(f"{path}.reported_by", owner, update.reported_by)
        for j, event in enumerate(update.evidence):
            problems += known.event(f"{path}.evidence[{j}]", owner, event)
    return problems


def _provision_problems(program: Program) -> list[Problem]:
    chapters = {c.number for c in program.chapters}
    return [
        Problem(
            f"$.provisions[{i}].chapter",
            f"provision {p.id} refers to chapter {p.chapter}, which does not exist",
            "unknown-chapter",
        )
        for i, p in enumerate(program.provisions)
        if p.chapter is not None and p.chapter not in chapters
    ]
