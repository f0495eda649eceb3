"""Where every measure of a program stands on one day: :func:`snapshot`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import attrs

from hrplan.deadlines import Status, days_left, effective_time_limit, roll_up, time_limit_status
from hrplan.model import Chapter, Event, Measure, MeasureId, MeasureIdLike, Program, Progress, ProgressUpdate
from hrplan.timelimits import TimeLimit

__all__ = ["MeasureState", "Snapshot", "snapshot"]


@attrs.frozen
class MeasureState:
    """One measure on the day of a :class:`Snapshot`.

    :ivar measure: the measure.
    :ivar chapter: the chapter it stands in.
    :ivar parent: the number of the measure it is a sub-measure of (``None`` at the top).
    :ivar depth: 1 for a top-level measure, 2 for its sub-measures...
    :ivar time_limit: the time-limit it is judged by (:func:`hrplan.effective_time_limit`).
    :ivar status: its own status, as :func:`hrplan.status` gives it with the program.
    :ivar rolled_up: its status including its sub-measures (see ``docs/monitoring.md``).
    :ivar latest_update: its latest progress update dated on or before the day, if any.
    :ivar events: the events linked to it that started on or before the day, by date.
    :ivar days_left: days from the day to the end of ``time_limit`` (0 on the last
        day, negative when past); ``None`` when the time-limit has no end.
    """

    measure: Measure
    chapter: Chapter
    parent: MeasureId | None
    depth: int
    time_limit: TimeLimit | None
    status: Status
    rolled_up: Status
    latest_update: ProgressUpdate | None
    events: tuple[Event, ...]
    days_left: int | None


def _zeros() -> dict[Status, int]:
    return dict.fromkeys(Status, 0)


@attrs.frozen
class Snapshot:
    """Every measure of a program and where it stands on ``as_of``.

    :ivar program: the program.
    :ivar as_of: the day it was taken on.
    :ivar measures: one state per measure, depth-first in document order.
    """

    program: Program
    as_of: date
    measures: tuple[MeasureState, ...]
    _index: dict[MeasureId, MeasureState] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[MeasureId, MeasureState] = {}
        for state in self.measures:
            index.setdefault(state.measure.id, state)
        object.__setattr__(self, "_index", index)

    def state(self, measure_id: MeasureIdLike) -> MeasureState:
        """The state of measure ``measure_id`` (``"1.2.10"``).

        :raises KeyError: when the program has no such measure.
        """
        found = self._index.get(MeasureId.of(measure_id))
        if found is None:
            raise KeyError(f"program {self.program.id!r} has no measure {measure_id}")
        return found

    def totals(self) -> dict[Status, int]:
        """How many measures have each own status; every status is a key, zeros included."""
        counts = _zeros()
        for state in self.measures:
            counts[state.status] += 1
        return counts

    def by_chapter(self) -> dict[int, dict[Status, int]]:
        """:meth:`totals` per chapter number, for every chapter (in program order)."""
        counts = {chapter.number: _zeros() for chapter in self.program.chapters}
        for state in self.measures:
            counts.setdefault(state.chapter.number, _zeros())[state.status] += 1
        return counts

    def by_institution(self) -> dict[str, dict[Status, int]]:
        """For each institution id, the own statuses of the measures it implements.

        Every institution of the registry is a key (in registry order, zeros
        included). A measure counts once for each institution among its own
        implementers; sub-measures do not inherit their parent's implementers.
        """
        counts = {key: _zeros() for key in self.program.institutions}
        for state in self.measures:
            for key in dict.fromkeys(state.measure.institutions):
                counts.setdefault(key, _zeros())[state.status] += 1
        return counts

    def with_status(self, status: Status) -> tuple[MeasureState, ...]:
        """The measures whose own status is ``status``, in document order."""
        return tuple(state for state in self.measures if state.status is status)

    def overdue(self) -> tuple[MeasureState, ...]:
        """The overdue measures (own status), the most overdue first; ties in document order."""
        return tuple(sorted(self.with_status(Status.OVERDUE), key=lambda s: s.days_left or 0))


def snapshot(program: Program, as_of: date, *, due_soon: int | timedelta = 30) -> Snapshot:
    """Where every measure of ``program`` stands on ``as_of``.

    Each measure's ``status`` is what :func:`hrplan.status` gives for it with
    ``program`` (inherited time-limits and reported completions included).

    :param due_soon: how close to its end a measure is due soon (days or a timedelta).
    :raises ValueError: when ``due_soon`` is negative.
    """
    time_limit_status(None, as_of, due_soon=due_soon)  # checks due_soon even for a program without measures
    builder = _Builder(program, as_of, due_soon)
    states = [
        state
        for chapter in program.chapters
        for measure in chapter.measures
        for state in builder.visit(measure, chapter, None, 1)
    ]
    return Snapshot(program, as_of, tuple(states))


class _Builder:
    """Builds the states of a program's measures."""

    def __init__(self, program: Program, as_of: date, due_soon: int | timedelta) -> None:
        self.program = program
        self.as_of = as_of
        self.due_soon = due_soon
        self.latest = _latest_updates(program, as_of)
        self.events = _events_by_measure(program, as_of)

    def visit(self, measure: Measure, chapter: Chapter, parent: MeasureId | None, depth: int) -> list[MeasureState]:
        """The states of ``measure`` and of its sub-measures, depth-first in document order."""
        below: list[MeasureState] = []
        rolled_children: list[Status] = []
        for child in measure.children:
            states = self.visit(child, chapter, measure.id, depth + 1)
            rolled_children.append(states[0].rolled_up)
            below += states
        limit = effective_time_limit(measure, self.program)
        latest = self.latest.get(measure.id)
        completed = latest.date if latest is not None and latest.progress is Progress.COMPLETED else None
        own = time_limit_status(limit, self.as_of, completed, self.due_soon)
        state = MeasureState(
            measure=measure,
            chapter=chapter,
            parent=parent,
            depth=depth,
            time_limit=limit,
            status=own,
            rolled_up=roll_up(own, rolled_children),
            latest_update=latest,
            events=tuple(self.events.get(measure.id, ())),
            days_left=days_left(limit, self.as_of),
        )
        return [state, *below]


def _latest_updates(program: Program, as_of: date) -> dict[MeasureId, ProgressUpdate]:
    """Each measure's latest update up to ``as_of``; of two on one day, the one listed last.

    The same choice as ``Program.completed_on``, so that a snapshot's statuses are
    those of :func:`hrplan.status`.
    """
    latest: dict[MeasureId, ProgressUpdate] = {}
    for update in program.progress:
        if update.date > as_of:
            continue
        known = latest.get(update.measure)
        if known is None or update.date >= known.date:
            latest[update.measure] = update
    return latest


def _events_by_measure(program: Program, as_of: date) -> dict[MeasureId, list[Event]]:
    """The events that started by ``as_of``, per linked measure, by date (then listing order)."""
    found: dict[MeasureId, list[Event]] = {}
    for event in _by_date(e for e in program.events if e.dates.start <= as_of):
        for number in dict.fromkeys(event.measures):
            found.setdefault(number, []).append(event)
    return found


def _by_date(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.dates.start, e.dates.end))
