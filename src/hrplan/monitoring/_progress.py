"""Reported progress over time, and the HP5xx checks of a program's progress updates."""

from __future__ import annotations

from datetime import date

from hrplan.findings import Finding, Severity
from hrplan.model import MeasureId, MeasureIdLike, Program, Progress, ProgressUpdate

__all__ = ["PROGRESS_CODES", "progress_findings", "status_history"]

#: The codes :func:`progress_findings` reports, each with a one-line description.
PROGRESS_CODES: dict[str, str] = {
    "HP501": "a measure's progress updates are not listed in date order",
    "HP502": "a measure reported completed is later reported in progress or not started",
    "HP503": "two progress updates of one measure on the same date disagree",
}

_REOPENED = frozenset({Progress.IN_PROGRESS, Progress.NOT_STARTED})

#: A measure's updates with their positions in ``Program.progress``.
_Listed = list[tuple[int, ProgressUpdate]]
#: Findings with the position of the update they stand at.
_Located = list[tuple[int, Finding]]


def status_history(program: Program, measure_id: MeasureIdLike) -> tuple[tuple[date, Progress], ...]:
    """The progress reported on a measure, as ``(date, progress)`` pairs in date order.

    Updates of the same day keep the order the program lists them in.

    :raises KeyError: when the program has no such measure and no update names it.
    """
    updates = program.progress_of(measure_id)
    if not updates and program.find_measure(measure_id) is None:
        raise KeyError(f"program {program.id!r} has no measure {measure_id}")
    return tuple((update.date, update.progress) for update in updates)


def progress_findings(program: Program) -> list[Finding]:
    """Warnings about ``program.progress``, in the order of the updates they stand at.

    - ``HP501``: an update listed after a later-dated update of the same measure;
    - ``HP502``: a measure reported completed, then in progress or not started on
      a later date (the completion silently withdrawn);
    - ``HP503``: two updates of one measure on the same date that report
      different progress.

    Each finding is located at the update concerned (``$.progress[i]``).
    """
    located: _Located = []
    for number, listed in _by_measure(program).items():
        located += _out_of_order(number, listed)
        in_date_order = sorted(listed, key=lambda pair: pair[1].date)
        located += _same_day(number, in_date_order)
        located += _reopened(number, in_date_order)
    return [finding for _i, finding in sorted(located, key=lambda pair: (pair[0], pair[1].code))]


def _by_measure(program: Program) -> dict[MeasureId, _Listed]:
    grouped: dict[MeasureId, _Listed] = {}
    for i, update in enumerate(program.progress):
        grouped.setdefault(update.measure, []).append((i, update))
    return grouped


def _where(i: int) -> str:
    return f"$.progress[{i}]"


def _out_of_order(number: MeasureId, listed: _Listed) -> _Located:
    found: _Located = []
    latest: tuple[int, ProgressUpdate] | None = None
    for i, update in listed:
        if latest is not None and update.date < latest[1].date:
            message = (
                f"measure {number}: the update of {update.date} is listed after the update of "
                f"{latest[1].date} ({_where(latest[0])}); list each measure's updates in date order"
            )
            found.append((i, Finding(Severity.WARNING, "HP501", message, _where(i))))
        if latest is None or update.date >= latest[1].date:
            latest = (i, update)
    return found


def _same_day(number: MeasureId, in_date_order: _Listed) -> _Located:
    found: _Located = []
    first: tuple[int, ProgressUpdate] | None = None
    for i, update in in_date_order:
        if first is None or first[1].date != update.date:
            first = (i, update)
        elif update.progress is not first[1].progress:
            message = (
                f"measure {number}: two updates of {update.date} disagree: {first[1].progress.value} "
                f"({_where(first[0])}) and {update.progress.value}; keep the one that is right"
            )
            found.append((i, Finding(Severity.WARNING, "HP503", message, _where(i))))
    return found


def _reopened(number: MeasureId, in_date_order: _Listed) -> _Located:
    """A completion stands until a later update reports the measure in progress or not started."""
    found: _Located = []
    completed: tuple[int, ProgressUpdate] | None = None
    for i, update in in_date_order:
        if update.progress is Progress.COMPLETED:
            completed = (i, update)
        elif update.progress in _REOPENED and completed is not None and completed[1].date < update.date:
            message = (
                f"measure {number}: reported completed on {completed[1].date} ({_where(completed[0])}) "
                f"but {update.progress.value} on {update.date}; if the completion was wrong, correct "
                "that update, else say why in this one's note"
            )
            found.append((i, Finding(Severity.WARNING, "HP502", message, _where(i))))
            completed = None
    return found
