"""The workload of each institution: its measures by status on a day, and what it is behind on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import attrs
import hrplan

__all__ = ["STATUSES", "InstitutionLoad", "workload"]

#: Every status, in the order of :class:`hrplan.Status` (the order of the CSV columns).
STATUSES: tuple[hrplan.Status, ...] = tuple(hrplan.Status)


def _counts(value: Mapping[hrplan.Status, int]) -> hrplan.FrozenMap[hrplan.Status, int]:
    """Every status, in :data:`STATUSES` order, with its count (zero when missing)."""
    return hrplan.FrozenMap((state, int(value.get(state, 0))) for state in STATUSES)


@attrs.frozen
class InstitutionLoad:
    """The measures of one institution on a day.

    :ivar institution: the institution id (``presidential-administration``).
    :ivar name: its name from the program's registry.
    :ivar counts: how many of its measures are in each status: every
        :class:`hrplan.Status` is a key (zeros included), in that enum's order.
    :ivar behind: the numbers of its overdue measures, most overdue first (the
        earliest end), then by measure number.
    """

    institution: str
    name: str
    counts: Mapping[hrplan.Status, int] = attrs.field(factory=dict, converter=_counts)
    behind: tuple[hrplan.MeasureId, ...] = ()

    @property
    def total(self) -> int:
        """How many measures it implements (with the role asked for)."""
        return sum(self.counts.values())


def _days_overdue(measure: hrplan.Measure, program: hrplan.Program, as_of: date) -> int:
    """Days since the end of the time-limit the measure is judged by."""
    limit = hrplan.effective_time_limit(measure, program)
    end = None if limit is None else limit.end
    return 0 if end is None else (as_of - end).days


def workload(
    program: hrplan.Program,
    as_of: date,
    *,
    due_within: int | timedelta = 30,
    role: hrplan.Role | str | None = None,
) -> list[InstitutionLoad]:
    """The workload of every institution of ``program.institutions``, in registry order.

    A measure counts for each institution named among its implementers (once,
    even when it is named twice). Sub-measures count on their own, with their own
    implementers. The status is :func:`hrplan.status` of the measure on ``as_of``:
    its own time-limit, else its nearest ancestor's, else its sub-measures';
    a reported completion counts.

    Institutions with no measures are included (with a total of 0).

    :param as_of: the day statuses are judged on.
    :param due_within: how close to its end a measure is "due soon" (days or a timedelta).
    :param role: count only implementers with this role (``"lead"``); ``None``: all.
    :raises ValueError: when ``role`` is not a :class:`hrplan.Role` value or
        ``due_within`` is negative.
    """
    wanted = None if role is None else hrplan.Role(role)
    margin = due_within if isinstance(due_within, timedelta) else timedelta(days=due_within)
    if margin < timedelta(0):
        raise ValueError(f"due_within must not be negative, got {due_within!r}")
    tallies = {iid: dict.fromkeys(STATUSES, 0) for iid in program.institutions}
    late: dict[str, list[tuple[int, hrplan.MeasureId]]] = {iid: [] for iid in program.institutions}
    for measure in program.iter_measures():
        named = {i.institution for i in measure.implementers if wanted is None or i.role is wanted}
        named.intersection_update(tallies)  # a broken reference (lenient programs) counts for no one
        if not named:
            continue
        state = hrplan.status(measure, as_of, due_soon=margin, program=program)
        days = _days_overdue(measure, program, as_of) if state is hrplan.Status.OVERDUE else 0
        for iid in named:
            tallies[iid][state] += 1
            if state is hrplan.Status.OVERDUE:
                late[iid].append((days, measure.id))
    return [
        InstitutionLoad(
            institution=iid,
            name=institution.name,
            counts=tallies[iid],
            behind=tuple(number for _, number in sorted(late[iid], key=lambda item: (-item[0], item[1]))),
        )
        for iid, institution in program.institutions.items()
    ]
