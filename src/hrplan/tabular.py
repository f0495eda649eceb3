"""A program as flat records, one per measure: for pandas, spreadsheets and templates.

:func:`records` gives plain dicts of strings, numbers, dates, lists and ``None``,
so that a data frame is one line and needs nothing from hrplan::

    import pandas
    frame = pandas.DataFrame(hrplan.records(program, as_of=date(2013, 1, 1)))

hrplan itself does not depend on pandas.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from hrplan.model import MeasureId, Program
from hrplan.monitoring import MeasureState, snapshot

__all__ = ["RECORD_FIELDS", "records"]

#: The keys of every record, in order.
RECORD_FIELDS = (
    "id",
    "chapter",
    "parent",
    "depth",
    "title",
    "status",
    "rolled_up",
    "time_limit",
    "time_limit_source",
    "start",
    "end",
    "days_left",
    "institutions",
    "progress",
    "progress_date",
    "events",
    "recommendations",
)


def records(program: Program, *, as_of: date | None = None, due_soon: int | timedelta = 30) -> list[dict[str, Any]]:
    """One flat dict per measure, depth-first in document order, as things stand on ``as_of``.

    Keys (:data:`RECORD_FIELDS`): ``id`` (``"1.2.10"``, a string so that ``1.2.10``
    stays apart from ``1.2.1``), ``chapter`` (its number), ``parent`` (the
    number of the measure it is under, or ``None``), ``depth``, ``title``,
    ``status`` and ``rolled_up`` (status values such as ``"overdue"``),
    ``time_limit`` (the text of the time-limit it is judged by, see
    :func:`hrplan.effective_time_limit`), ``time_limit_source`` (``"own"``,
    ``"inherited"`` from a measure it is under, ``"derived"`` from its
    sub-measures, or ``None``), ``start`` and ``end`` (:class:`~datetime.date`
    or ``None``), ``days_left``, ``institutions`` (names, in the order named),
    ``progress`` and ``progress_date`` (its latest progress update up to
    ``as_of``), ``events`` (how many events implement it by ``as_of``) and
    ``recommendations`` (the ids of those it implements).

    :param as_of: the day to judge on (default: today).
    :param due_soon: how close to its end a measure is due soon (days or a timedelta).
    """
    day = as_of or date.today()
    implements = _recommendations_by_measure(program)
    return [_record(program, state, implements) for state in snapshot(program, day, due_soon=due_soon).measures]


def _record(program: Program, state: MeasureState, implements: dict[MeasureId, list[str]]) -> dict[str, Any]:
    measure, limit, update = state.measure, state.time_limit, state.latest_update
    return {
        "id": str(measure.id),
        "chapter": state.chapter.number,
        "parent": str(state.parent) if state.parent is not None else None,
        "depth": state.depth,
        "title": measure.title,
        "status": state.status.value,
        "rolled_up": state.rolled_up.value,
        "time_limit": str(limit) if limit is not None else None,
        "time_limit_source": _source(program, state),
        "start": limit.start if limit is not None else None,
        "end": limit.end if limit is not None else None,
        "days_left": state.days_left,
        "institutions": list(_names(program, measure.institutions)),
        "progress": update.progress.value if update is not None else None,
        "progress_date": update.date if update is not None else None,
        "events": len(state.events),
        "recommendations": list(implements.get(measure.id, ())),
    }


def _source(program: Program, state: MeasureState) -> str | None:
    if state.measure.time_limit is not None:
        return "own"
    if state.time_limit is None:
        return None
    return "inherited" if program.time_limit_of(state.measure.id) is not None else "derived"


def _names(program: Program, ids: tuple[str, ...]) -> Iterator[str]:
    for key in ids:
        institution = program.institutions.get(key)
        yield institution.name if institution is not None else key


def _recommendations_by_measure(program: Program) -> dict[MeasureId, list[str]]:
    found: dict[MeasureId, list[str]] = {}
    for rec in program.recommendations:
        for number in dict.fromkeys(rec.measures):
            found.setdefault(number, []).append(rec.id)
    return found
