"""Status of measures: inheritance, derived spans, reported completion."""

from __future__ import annotations

from datetime import date

import attrs

import hrplan
from hrplan import Chapter, Measure, Progress, ProgressUpdate, Status, parse_time_limit

from .test_model import small_program


def test_own_time_limit_first() -> None:
    program = small_program()
    measure = program.measure("1.2.1")
    assert hrplan.effective_time_limit(measure, program) == parse_time_limit("March-April 2012")
    assert hrplan.status(measure, date(2012, 5, 1), program=program) is Status.OVERDUE


def test_sub_measure_inherits_nearest_ancestor() -> None:
    program = small_program()
    measure = program.measure("1.2.2")
    assert hrplan.effective_time_limit(measure, program) == parse_time_limit("2012-2015")
    assert hrplan.status(measure, date(2013, 1, 1), program=program) is Status.IN_PROGRESS
    assert hrplan.status(measure, date(2016, 1, 1), program=program) is Status.OVERDUE


def test_without_program_no_inheritance() -> None:
    measure = small_program().measure("1.2.2")
    assert hrplan.effective_time_limit(measure) is None
    assert hrplan.status(measure, date(2016, 1, 1)) is Status.ONGOING


def test_parent_without_time_limit_spans_its_children() -> None:
    parent = Measure(
        "3.4",
        "E-services",
        children=(
            Measure("3.4.1", "Portal", time_limit=parse_time_limit("2012")),
            Measure("3.4.2", "Terminals", time_limit=parse_time_limit("2012-2015")),
        ),
    )
    program = attrs.evolve(small_program(), chapters=(Chapter(3, "Three", measures=(parent,)),))
    span = hrplan.effective_time_limit(parent, program)
    assert span is not None
    assert (span.start, span.end) == (date(2012, 1, 1), date(2015, 12, 31))
    assert hrplan.status(parent, date(2016, 2, 1), program=program) is Status.OVERDUE


def test_ongoing_child_makes_the_span_ongoing() -> None:
    parent = Measure(
        "1.3",
        "Mixed",
        children=(
            Measure("1.3.1", "Fixed", time_limit=parse_time_limit("2012")),
            Measure("1.3.2", "Always", time_limit=parse_time_limit("permanently")),
        ),
    )
    assert hrplan.status(parent, date(2030, 1, 1)) is Status.ONGOING


def test_completion_comes_from_progress_updates() -> None:
    updates = (ProgressUpdate("1.2.1", date(2012, 6, 15), Progress.COMPLETED),)
    program = small_program(progress=updates)
    measure = program.measure("1.2.1")
    assert hrplan.status(measure, date(2012, 6, 1), program=program) is Status.OVERDUE
    assert hrplan.status(measure, date(2012, 7, 1), program=program) is Status.COMPLETED_LATE
    on_time = date(2012, 4, 1)
    assert hrplan.status(measure, date(2012, 7, 1), completed_on=on_time, program=program) is Status.COMPLETED


def test_bundled_example_statuses() -> None:
    from .conftest import EXAMPLES

    program = hrplan.read(EXAMPLES / "data" / "az-2012.json")
    states = {m.id: hrplan.status(m, date(2013, 1, 1), program=program) for m in program.iter_measures()}
    counts = {s: list(states.values()).count(s) for s in set(states.values())}
    assert counts == {Status.ONGOING: 36, Status.OVERDUE: 15, Status.IN_PROGRESS: 20}
    assert states[hrplan.MeasureId.parse("3.4")] is Status.IN_PROGRESS
