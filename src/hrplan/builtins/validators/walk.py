"""What the built-in validators share: a walk over the measure tree, time-limit helpers."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from hrplan.model import Chapter, Measure, Program
from hrplan.timelimits import TimeLimit, TimeLimitKind

__all__ = [
    "Site",
    "descend",
    "describe",
    "is_open_ended",
    "is_unparsed",
    "outside",
    "top_level",
    "walk",
]


@attrs.frozen
class Site:
    """A measure and where it stands in its program.

    :ivar path: its JSON path (``$.chapters[0].measures[3].children[1]``).
    :ivar measure: the measure.
    :ivar parent: the site of the measure it is a sub-measure of (``None`` at the top).
    :ivar chapter: the chapter it stands in.
    """

    path: str
    measure: Measure
    parent: Site | None
    chapter: Chapter

    def ancestors(self) -> Iterator[Site]:
        """The sites of the measures holding this one, nearest first."""
        site = self.parent
        while site is not None:
            yield site
            site = site.parent

    def children(self) -> list[Site]:
        """The sites of its sub-measures, in document order."""
        return [
            Site(f"{self.path}.children[{i}]", child, self, self.chapter)
            for i, child in enumerate(self.measure.children)
        ]

    @property
    def label(self) -> str:
        """``measure 1.2.10``: how messages name it."""
        return f"measure {self.measure.id}"


def top_level(program: Program) -> Iterator[list[Site]]:
    """The top-level sites of each chapter, one list per chapter."""
    for c, chapter in enumerate(program.chapters):
        yield [
            Site(f"$.chapters[{c}].measures[{m}]", measure, None, chapter)
            for m, measure in enumerate(chapter.measures)
        ]


def walk(program: Program) -> Iterator[Site]:
    """Every measure of ``program``, depth-first in document order, parents first.

    Unlike ``Program.iter_measures`` it visits measures numbered twice (in a
    program built leniently) at each place they stand.
    """
    for sites in top_level(program):
        yield from descend(sites)


def descend(sites: list[Site]) -> Iterator[Site]:
    """``sites`` and all their sub-measures, depth-first in document order."""
    stack = list(reversed(sites))
    while stack:
        site = stack.pop()
        yield site
        stack.extend(reversed(site.children()))


def is_unparsed(time_limit: TimeLimit) -> bool:
    """Whether ``time_limit`` is one an importer kept as text without reading it."""
    return getattr(time_limit.kind, "value", None) == "unparsed"


def is_open_ended(time_limit: TimeLimit) -> bool:
    """Ongoing, recurring or unread: no dates an event can fall outside of."""
    return time_limit.kind in (TimeLimitKind.ONGOING, TimeLimitKind.RECURRING) or is_unparsed(
        time_limit
    )


def describe(time_limit: TimeLimit) -> str:
    """The time-limit as messages show it: its canonical form, else its text."""
    try:
        return str(time_limit)
    except Exception:  # a value the engine cannot print must not stop validation
        return repr(time_limit.text) if time_limit.text else "(unreadable)"


def outside(inner: TimeLimit, outer: TimeLimit) -> str | None:
    """How ``inner`` overruns ``outer`` ("starts before", "ends after", both), or ``None``.

    Only the bounds both have are compared (a recurring time-limit may have
    bounds: "annually, 2012-2015"); an ongoing ``inner`` never overruns, and an
    unread time-limit is never compared.
    """
    if inner.kind is TimeLimitKind.ONGOING or is_unparsed(inner) or is_unparsed(outer):
        return None
    early = inner.start is not None and outer.start is not None and inner.start < outer.start
    late = inner.end is not None and outer.end is not None and inner.end > outer.end
    if early and late:
        return "starts before and ends after"
    if early:
        return "starts before"
    if late:
        return "ends after"
    return None
