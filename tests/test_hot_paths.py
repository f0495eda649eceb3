"""The shortcuts of the hot paths give what the plain rules give."""

from __future__ import annotations

from datetime import date

import attrs

import hrplan


def _program(pid: str, limit: str) -> hrplan.Program:
    child = hrplan.Measure("1.1.1", "Child")
    parent = hrplan.Measure("1.1", "Parent", time_limit=hrplan.parse_time_limit(limit), children=(child,))
    return hrplan.Program(pid, "P", chapters=(hrplan.Chapter(1, "C", measures=(parent,)),))


def test_inherited_time_limit_follows_the_program_asked_about() -> None:
    first, second = _program("first", "2012"), _program("second", "2020")
    day = date(2013, 1, 1)
    for _ in range(2):  # alternate, so that the per-program table is rebuilt each time
        assert hrplan.status(first.measure("1.1.1"), day, program=first) is hrplan.Status.OVERDUE
        assert hrplan.status(second.measure("1.1.1"), day, program=second) is hrplan.Status.NOT_STARTED


def test_a_measure_from_elsewhere_does_not_inherit() -> None:
    program = _program("first", "2012")
    stranger = attrs.evolve(program.measure("1.1.1"), title="Elsewhere")
    assert hrplan.effective_time_limit(stranger, program) is None
    assert hrplan.status(stranger, date(2013, 1, 1), program=program) is hrplan.Status.ONGOING
