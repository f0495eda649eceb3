"""The strategies of hrplan.testing build valid objects."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan import testing


@given(testing.measures(["a", "b"]))
def test_measures_name_given_institutions(measure: hrplan.Measure) -> None:
    assert all(set(m.institutions) <= {"a", "b"} for m in measure.walk())
    assert all(child.id.extends(measure.id) for child in measure.children)


@given(st.data())
def test_events_recommendations_and_updates_link_what_exists(data: st.DataObject) -> None:
    numbers = [hrplan.MeasureId.parse(n) for n in ("1.1", "1.2", "2.1")]
    events = data.draw(testing.events(numbers, ["org"]))
    recommendations = data.draw(testing.recommendations(numbers))
    updates = data.draw(testing.progress_updates(numbers, [e.id for e in events]))
    assert all(set(e.measures) <= set(numbers) for e in events)
    assert all(set(r.measures) <= set(numbers) for r in recommendations)
    assert all(u.measure in numbers and set(u.evidence) <= {e.id for e in events} for u in updates)


@given(testing.programs())
def test_programs_are_valid(program: hrplan.Program) -> None:
    assert program.broken_references() == ()
    assert list(program.iter_measures()) == [program.measure(m.id) for m in program.iter_measures()]
