"""Everyday changes to a program, each returning a new program with its references checked.

The model is immutable: every function here returns a new
:class:`~hrplan.Program` and leaves the one given unchanged. Each rebuilds the
program, so every cross-reference is checked again, and raises
:class:`~hrplan.CrossReferenceError` naming both ends of each reference the
change breaks (``event 'ev-7' refers to measure 9.9, which does not exist``).
References that were already broken in a program built :func:`~hrplan.lenient`-ly
stay as they were and do not make a change fail.

    >>> import datetime, hrplan
    >>> from hrplan import updates
    >>> chapter = hrplan.Chapter(1, "One", measures=(hrplan.Measure("1.1", "A"),))
    >>> program = hrplan.Program("demo", "Demo", chapters=(chapter,))
    >>> done = hrplan.ProgressUpdate("1.1", datetime.date(2013, 5, 1), hrplan.Progress.COMPLETED)
    >>> updates.add_progress(program, done).completed_on("1.1")
    datetime.date(2013, 5, 1)
    >>> stray = hrplan.ProgressUpdate("9.9", datetime.date(2013, 5, 1), hrplan.Progress.COMPLETED)
    >>> try:
    ...     updates.add_progress(program, stray)
    ... except hrplan.CrossReferenceError as exc:
    ...     print(exc.problems[0])
    $.progress[0].measure: progress update of 2013-05-01 on measure 9.9 refers to measure 9.9, which does not exist

Each call rebuilds the program once (linear in its size): to add many events,
pass them in one call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from hrplan.errors import CrossReferenceError, ModelError, Problem
from hrplan.model import (
    Campaign,
    Chapter,
    Event,
    Implementer,
    Institution,
    Measure,
    MeasureId,
    MeasureIdLike,
    Program,
    ProgressUpdate,
    Recommendation,
    lenient,
)

__all__ = [
    "add_campaigns",
    "add_events",
    "add_institutions",
    "add_measure",
    "add_progress",
    "add_recommendations",
    "link_event",
    "link_recommendation",
    "rename_institution",
    "replace_measure",
]


def _rebuilt(program: Program, **changes: Any) -> Program:
    """``program`` with ``changes``, refusing references the change breaks."""
    before = {p.message for p in program.broken_references()}
    with lenient():
        updated = attrs.evolve(program, **changes)
    new = [p for p in updated.broken_references() if p.message not in before]
    if new:
        raise CrossReferenceError(new)
    return updated


def add_events(program: Program, *events: Event) -> Program:
    """``program`` with ``events`` added after its own (ids must be new)."""
    return _rebuilt(program, events=(*program.events, *events))


def add_campaigns(program: Program, *campaigns: Campaign) -> Program:
    """``program`` with ``campaigns`` added after its own (ids must be new)."""
    return _rebuilt(program, campaigns=(*program.campaigns, *campaigns))


def add_progress(program: Program, *progress: ProgressUpdate) -> Program:
    """``program`` with progress updates added after its own."""
    return _rebuilt(program, progress=(*program.progress, *progress))


def add_recommendations(program: Program, *recommendations: Recommendation) -> Program:
    """``program`` with ``recommendations`` added after its own (ids must be new)."""
    return _rebuilt(program, recommendations=(*program.recommendations, *recommendations))


def add_institutions(program: Program, *institutions: Institution) -> Program:
    """``program`` with ``institutions`` added to its registry (ids must be new)."""
    taken = [i.id for i in institutions if i.id in program.institutions]
    if taken:
        raise ModelError(f"institution id(s) {', '.join(map(repr, taken))} already in program {program.id!r}")
    return _rebuilt(program, institutions=(*program.institutions.values(), *institutions))


def _missing(what: str, path: str, message: str) -> CrossReferenceError:
    return CrossReferenceError([Problem(path, message, f"unknown-{what}")])


def _merged(ids: Iterable[MeasureId], more: Iterable[MeasureIdLike]) -> tuple[MeasureId, ...]:
    return tuple(dict.fromkeys([*ids, *(MeasureId.of(m) for m in more)]))


def link_event(program: Program, event_id: str, *measures: MeasureIdLike) -> Program:
    """``program`` with event ``event_id`` linked to ``measures`` (numbers already linked are kept once)."""
    for i, event in enumerate(program.events):
        if event.id == event_id:
            linked = attrs.evolve(event, measures=_merged(event.measures, measures))
            return _rebuilt(program, events=(*program.events[:i], linked, *program.events[i + 1 :]))
    targets = ", ".join(map(str, measures))
    raise _missing("event", "$.events", f"linking event {event_id!r} to measure {targets}: no such event")


def link_recommendation(program: Program, recommendation_id: str, *measures: MeasureIdLike) -> Program:
    """``program`` with recommendation ``recommendation_id`` linked to ``measures`` that implement it."""
    recommendations = program.recommendations
    for i, rec in enumerate(recommendations):
        if rec.id == recommendation_id:
            linked = attrs.evolve(rec, measures=_merged(rec.measures, measures))
            return _rebuilt(program, recommendations=(*recommendations[:i], linked, *recommendations[i + 1 :]))
    targets = ", ".join(map(str, measures))
    message = f"linking recommendation {recommendation_id!r} to measure {targets}: no such recommendation"
    raise _missing("recommendation", "$.recommendations", message)


def _map_measures(measures: tuple[Measure, ...], change: Callable[[Measure], Measure]) -> tuple[Measure, ...]:
    """``measures`` with ``change`` applied to each one and to every sub-measure, bottom-up."""
    changed = []
    for measure in measures:
        children = _map_measures(measure.children, change) if measure.children else ()
        rebuilt = measure if children == measure.children else attrs.evolve(measure, children=children)
        changed.append(change(rebuilt))
    return tuple(changed)


def _map_chapters(program: Program, change: Callable[[Measure], Measure]) -> tuple[Chapter, ...]:
    return tuple(attrs.evolve(c, measures=_map_measures(c.measures, change)) for c in program.chapters)


def replace_measure(program: Program, measure: Measure) -> Program:
    """``program`` with its measure numbered like ``measure`` replaced by it (sub-measures included).

    References to sub-measures that ``measure`` no longer has fail the change.
    """
    if program.find_measure(measure.id) is None:
        message = f"replacing measure {measure.id}: program {program.id!r} has no such measure"
        raise _missing("measure", "$.chapters", message)
    original = program.measure(measure.id)
    chapters = _map_chapters(program, lambda m: measure if m is original else m)
    return _rebuilt(program, chapters=chapters)


def add_measure(
    program: Program, measure: Measure, *, parent: MeasureIdLike | None = None, chapter: int | None = None
) -> Program:
    """``program`` with a new measure, in number order among its siblings.

    It goes under ``parent`` (a measure number) or at the top of chapter
    ``chapter`` (a chapter number); with neither, under the measure its number
    extends (``1.2`` for ``1.2.10``) if the program has it, else at the top of the
    chapter its first part names (chapter 1 for ``1.4``).

    :raises ModelError: when it is not clear where it goes.
    :raises CrossReferenceError: when its number is taken, or it names an
        institution the registry does not have.
    """
    if parent is None and chapter is None:
        implied = measure.id.parent
        if implied is not None and program.find_measure(implied) is not None:
            parent = implied
        else:
            chapter = measure.id.parts[0]
    if parent is not None:
        return _add_under(program, measure, MeasureId.of(parent))
    return _add_to_chapter(program, measure, chapter)


def _insert(siblings: tuple[Measure, ...], measure: Measure) -> tuple[Measure, ...]:
    at = next((i for i, m in enumerate(siblings) if m.id > measure.id), len(siblings))
    return (*siblings[:at], measure, *siblings[at:])


def _add_under(program: Program, measure: Measure, parent: MeasureId) -> Program:
    holder = program.find_measure(parent)
    if holder is None:
        message = f"adding measure {measure.id} under measure {parent}: program {program.id!r} has no such measure"
        raise _missing("measure", "$.chapters", message)
    grown = attrs.evolve(holder, children=_insert(holder.children, measure))
    return _rebuilt(program, chapters=_map_chapters(program, lambda m: grown if m is holder else m))


def _add_to_chapter(program: Program, measure: Measure, number: int | None) -> Program:
    for i, chapter in enumerate(program.chapters):
        if chapter.number == number:
            grown = attrs.evolve(chapter, measures=_insert(chapter.measures, measure))
            return _rebuilt(program, chapters=(*program.chapters[:i], grown, *program.chapters[i + 1 :]))
    numbers = ", ".join(str(c.number) for c in program.chapters) or "none"
    raise ModelError(
        f"adding measure {measure.id}: program {program.id!r} has no chapter {number} "
        f"(chapters: {numbers}); pass chapter= or parent="
    )


def rename_institution(program: Program, old: str, new: str | None = None, *, name: str | None = None) -> Program:
    """``program`` with institution ``old`` given the id ``new`` and/or the name ``name``.

    A new id replaces the old one everywhere: the registry (in the same place),
    implementers, organisers, participants, reporters and parents. A new name
    keeps the old one among the institution's aliases, so that documents that
    use it still resolve.

    :raises CrossReferenceError: when the registry has no ``old``.
    :raises ModelError: when ``new`` is already the id of another institution.
    """
    if old not in program.institutions:
        raise _missing("institution", "$.institutions", f"renaming institution {old!r}: no such institution")
    new = new or old
    if new != old and new in program.institutions:
        raise ModelError(f"renaming institution {old!r} to {new!r}: {new!r} is already an institution")
    swap = _Swap(old, new)
    registry = [swap.institution(i, name if i.id == old else None) for i in program.institutions.values()]
    if new == old:
        return _rebuilt(program, institutions=registry)
    return _rebuilt(
        program,
        institutions=registry,
        chapters=_map_chapters(program, swap.measure),
        events=tuple(swap.event(e) for e in program.events),
        campaigns=tuple(attrs.evolve(c, organiser=swap.id(c.organiser)) for c in program.campaigns),
        progress=tuple(attrs.evolve(u, reported_by=swap.id(u.reported_by)) for u in program.progress),
    )


@attrs.frozen
class _Swap:
    """Replaces one institution id with another in model objects."""

    old: str
    new: str

    def id(self, value: str | None) -> str | None:
        return self.new if value == self.old else value

    def ids(self, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.new if v == self.old else v for v in values)

    def institution(self, institution: Institution, name: str | None) -> Institution:
        changes: dict[str, Any] = {"parent": self.id(institution.parent)}
        if institution.id == self.old:
            changes["id"] = self.new
            if name is not None and name != institution.name:
                changes["name"] = name
                changes["aliases"] = tuple(dict.fromkeys([*institution.aliases, institution.name]))
        return attrs.evolve(institution, **changes)

    def measure(self, measure: Measure) -> Measure:
        if self.old not in measure.institutions:
            return measure
        implementers = tuple(
            Implementer(self.new, i.role) if i.institution == self.old else i for i in measure.implementers
        )
        return attrs.evolve(measure, implementers=implementers)

    def event(self, event: Event) -> Event:
        return attrs.evolve(event, organiser=self.id(event.organiser), participants=self.ids(event.participants))
