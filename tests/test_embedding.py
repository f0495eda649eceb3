"""The API for embedding: bytes in and out, plain data, immutable updates, flat records."""

from __future__ import annotations

import doctest
import io
import json
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan import updates
from hrplan.testing import programs

from .conftest import EXAMPLES
from .test_model import small_program

PLAN = EXAMPLES / "data" / "az-2012.json"
DAY = date(2013, 1, 1)


# bytes in and out ------------------------------------------------------------------


def test_dumps_and_loads_round_trip_json() -> None:
    program = hrplan.read(PLAN)
    data = hrplan.dumps(program)
    assert data == PLAN.read_bytes()
    assert hrplan.loads(data) == program
    assert hrplan.loads(data.decode("utf-8")) == program


@pytest.mark.parametrize("name", ["csv", "text"])
def test_dumps_and_loads_any_registered_format(name: str) -> None:
    program = small_program()
    data = hrplan.dumps(program, name)
    assert data == hrplan.dumps(program, format=name)
    back = hrplan.loads(data, format=name)
    assert [str(m.id) for m in back.iter_measures()] == [str(m.id) for m in program.iter_measures()]


def test_dumps_passes_options_to_the_exporter() -> None:
    data = hrplan.dumps(small_program(), "csv", as_of=DAY)
    assert b"overdue" in data


def test_load_bytes_gives_the_findings_too() -> None:
    result = hrplan.load_bytes(hrplan.dumps(small_program()))
    assert isinstance(result, hrplan.ImportResult)
    assert result.program == small_program()


def test_loads_of_bad_input_names_the_data() -> None:
    with pytest.raises(hrplan.InputError, match="<data>") as caught:
        hrplan.loads(b'{"format_version": 1, "id": "x"}', format="json")
    assert [p.location for p in caught.value.problems] == ["$.title"]


def test_export_to_a_nameless_stream_needs_a_format() -> None:
    with pytest.raises(hrplan.UnknownFormatError, match="stream without a file name; name one with format="):
        hrplan.export(small_program(), io.BytesIO())


def test_an_unknown_format_is_a_format_error_not_a_plugin_error() -> None:
    with pytest.raises(hrplan.FormatError) as caught:
        hrplan.dumps(small_program(), "xlsx-typo")
    assert isinstance(caught.value, hrplan.UnknownFormatError)
    assert not isinstance(caught.value, hrplan.PluginError)
    assert caught.value.name == "xlsx-typo"
    assert "json" in caught.value.available
    assert "--to" in caught.value.advice("--to")


def test_content_that_no_importer_recognises() -> None:
    with pytest.raises(hrplan.UnknownFormatError, match="<data>: cannot tell its format"):
        hrplan.loads(b"\x00\x01 not a plan")


# plain data ------------------------------------------------------------------------


def test_to_data_of_a_program_is_its_json_document() -> None:
    program = hrplan.read(PLAN)
    assert hrplan.to_data(program) == json.loads(PLAN.read_bytes())
    assert hrplan.from_data(hrplan.Program, hrplan.to_data(program)) == program


def test_from_data_of_a_program_may_leave_out_the_format_version() -> None:
    data = hrplan.to_data(small_program())
    del data["format_version"]
    assert hrplan.from_data(hrplan.Program, data) == small_program()


def test_to_data_of_parts_has_the_shapes_of_the_json_format() -> None:
    program = hrplan.read(PLAN)
    document = hrplan.to_data(program)
    assert hrplan.to_data(program.chapters[0]) == document["chapters"][0]
    assert hrplan.to_data(program.institutions) == document["institutions"]
    assert hrplan.to_data(program.measure("1.2.1")) == document["chapters"][0]["measures"][1]["children"][0]
    json.dumps(hrplan.to_data(program.measure("1.2.1")))  # JSON-ready


@given(programs())
def test_every_part_of_a_program_round_trips_through_plain_data_and_bytes(program: hrplan.Program) -> None:
    assert hrplan.loads(hrplan.dumps(program)) == program
    assert hrplan.from_data(hrplan.Program, json.loads(json.dumps(hrplan.to_data(program)))) == program
    for measure in program.iter_measures():
        assert hrplan.from_data(hrplan.Measure, hrplan.to_data(measure)) == measure
    for event in program.events:
        assert hrplan.from_data(hrplan.Event, hrplan.to_data(event)) == event
    assert hrplan.from_data(tuple[hrplan.ProgressUpdate, ...], hrplan.to_data(program.progress)) == program.progress


def test_bad_data_points_into_the_data_given() -> None:
    chapter: dict[str, Any] = {"number": 1, "title": "One", "measures": [
        {"id": "1.1", "title": "a"}, {"id": "1.2", "title": "b"}, {"id": "1.3", "title": "c"},
        {"id": "1.4", "title": "d", "time_limit": "someday"},
    ]}  # fmt: skip
    with pytest.raises(hrplan.InputError) as caught:
        hrplan.from_data(hrplan.Chapter, chapter, source="request body")
    assert caught.value.source == "request body"
    assert [p.location for p in caught.value.problems] == ["$.measures[3].time_limit"]
    assert "someday" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("data", "location", "message"),
    [
        ([1], "$", "expected an object holding a Measure"),
        ({"id": "1.1"}, "$.title", "required field missing"),
        ({"id": 5, "title": "t"}, "$.id", "expected a measure number"),
        ({"id": "1.1", "title": "t", "colour": "red"}, "$", "extra fields found (colour)"),
        ({"id": "1.1", "title": "t", "children": [None]}, "$.children[0]", "expected an object holding a Measure"),
        ({"id": "1.1", "title": "t", "tags": {"sdgs": [30]}}, "$.tags", "SDG numbers run from 1 to 17"),
    ],
)
def test_bad_measure_data(data: Any, location: str, message: str) -> None:
    with pytest.raises(hrplan.InputError) as caught:
        hrplan.from_data(hrplan.Measure, data)
    assert [p.location for p in caught.value.problems] == [location]
    assert message in caught.value.problems[0].message


def test_broken_references_in_program_data_are_input_errors() -> None:
    data = hrplan.to_data(small_program())
    data["progress"] = [{"measure": "9.9", "date": "2013-01-01", "progress": "completed"}]
    with pytest.raises(hrplan.InputError) as caught:
        hrplan.from_data(hrplan.Program, data)
    assert [p.location for p in caught.value.problems] == ["$.progress[0].measure"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "title", "x"]), inner),
    max_leaves=8,
)


@given(_JSON, st.sampled_from([hrplan.Measure, hrplan.Event, hrplan.Program, hrplan.Institution]))
def test_any_bad_data_gives_an_input_error_only(data: Any, cls: type) -> None:
    problems: tuple[hrplan.Problem, ...] = ()
    try:
        hrplan.from_data(cls, data)
    except hrplan.InputError as exc:
        problems = exc.problems or (hrplan.Problem("", "no problems listed"),)
    assert all(p.location.startswith("$") for p in problems)


# updates ---------------------------------------------------------------------------


def _event(event_id: str = "ev-1", *measures: str) -> hrplan.Event:
    return hrplan.Event(event_id, "Training", hrplan.EventKind.TRAINING, hrplan.DateSpan(DAY), measures=measures)


def test_add_events_leaves_the_original_alone() -> None:
    program = small_program()
    updated = updates.add_events(program, _event("ev-1", "1.1"), _event("ev-2", "1.2.1"))
    assert [e.id for e in updated.events] == ["ev-1", "ev-2"]
    assert program.events == ()


def test_an_event_for_a_missing_measure_names_both_ends() -> None:
    with pytest.raises(hrplan.CrossReferenceError) as caught:
        updates.add_events(small_program(), _event("ev-9", "9.9"))
    (problem,) = caught.value.problems
    assert problem.location == "$.events[0].measures[0]"
    assert "event 'ev-9'" in problem.message
    assert "measure 9.9" in problem.message


def test_an_id_used_twice_is_refused() -> None:
    program = updates.add_events(small_program(), _event("ev-1"))
    with pytest.raises(hrplan.CrossReferenceError, match="'ev-1' is used twice"):
        updates.add_events(program, _event("ev-1"))


def test_progress_and_recommendations() -> None:
    done = hrplan.ProgressUpdate("1.2.1", date(2012, 4, 1), hrplan.Progress.COMPLETED, reported_by="moj")
    rec = hrplan.Recommendation("upr-1", "UPR", "Adopt a detention law", measures=("1.2.1",))
    program = updates.add_recommendations(updates.add_progress(small_program(), done), rec)
    assert program.completed_on("1.2.1") == date(2012, 4, 1)
    assert program.recommendations == (rec,)
    with pytest.raises(hrplan.CrossReferenceError, match="institution 'ghost'"):
        updates.add_progress(program, attrs.evolve(done, reported_by="ghost"))


def test_links() -> None:
    rec = hrplan.Recommendation("upr-1", "UPR", "Adopt a detention law")
    program = updates.add_events(updates.add_recommendations(small_program(), rec), _event("ev-1"))
    linked = updates.link_recommendation(updates.link_event(program, "ev-1", "1.1", "1.2"), "upr-1", "1.2.1")
    assert [str(m) for m in linked.events[0].measures] == ["1.1", "1.2"]
    assert [str(m) for m in linked.recommendations[0].measures] == ["1.2.1"]
    assert updates.link_event(linked, "ev-1", "1.1") == linked  # already linked: kept once
    with pytest.raises(hrplan.CrossReferenceError, match=r"recommendation 'upr-1' refers to measure 7\.7"):
        updates.link_recommendation(linked, "upr-1", "7.7")
    with pytest.raises(hrplan.CrossReferenceError, match=r"linking event 'nope' to measure 1\.1: no such event"):
        updates.link_event(linked, "nope", "1.1")


def test_replace_a_measure() -> None:
    program = small_program()
    new = hrplan.Measure("1.2.1", "Detention law, revised", time_limit=hrplan.parse_time_limit("2013"))
    replaced = updates.replace_measure(program, new)
    assert replaced.measure("1.2.1") == new
    assert [str(m.id) for m in replaced.iter_measures()] == [str(m.id) for m in program.iter_measures()]
    with pytest.raises(hrplan.CrossReferenceError, match="has no such measure"):
        updates.replace_measure(program, hrplan.Measure("4.4", "x"))


def test_replacing_a_measure_cannot_drop_a_referenced_sub_measure() -> None:
    program = updates.add_events(small_program(), _event("ev-1", "1.2.2"))
    with pytest.raises(hrplan.CrossReferenceError, match=r"event 'ev-1' refers to measure 1\.2\.2"):
        updates.replace_measure(program, hrplan.Measure("1.2", "Treaties, no sub-measures"))


def test_add_a_measure_in_number_order() -> None:
    program = small_program()
    grown = updates.add_measure(program, hrplan.Measure("1.2.10", "Tenth"))
    grown = updates.add_measure(grown, hrplan.Measure("1.2.3", "Third"))
    grown = updates.add_measure(grown, hrplan.Measure("1.0", "Zero"))
    assert [str(m.id) for m in grown.iter_measures()] == ["1.0", "1.1", "1.2", "1.2.1", "1.2.2", "1.2.3", "1.2.10"]
    with pytest.raises(hrplan.CrossReferenceError, match="numbered twice"):
        updates.add_measure(program, hrplan.Measure("1.1", "Again"))
    with pytest.raises(hrplan.ModelError, match="no chapter 5"):
        updates.add_measure(program, hrplan.Measure("5.1", "Nowhere"))
    with pytest.raises(hrplan.CrossReferenceError, match="institution 'ghost'"):
        updates.add_measure(program, hrplan.Measure("1.3", "x", implementers=(hrplan.Implementer("ghost"),)))
    assert updates.add_measure(program, hrplan.Measure("7.1", "Placed"), chapter=1).measure("7.1").title == "Placed"


def test_rename_an_institution_everywhere() -> None:
    program = updates.add_events(small_program(), attrs.evolve(_event("ev-1", "1.1"), organiser="moj",
                                                                participants=("mej", "moj")))
    renamed = updates.rename_institution(program, "moj", "min-justice", name="Ministry of Justice and Law")
    assert list(renamed.institutions) == ["mej", "min-justice"]
    institution = renamed.institutions["min-justice"]
    assert institution.name == "Ministry of Justice and Law"
    assert "Ministry of Justice" in institution.aliases
    assert renamed.measure("1.2.2").institutions == ("min-justice",)
    assert renamed.events[0].organiser == "min-justice"
    assert renamed.events[0].participants == ("mej", "min-justice")
    assert "moj" not in json.dumps(hrplan.to_data(renamed))
    with pytest.raises(hrplan.ModelError, match="already an institution"):
        updates.rename_institution(program, "moj", "mej")
    with pytest.raises(hrplan.CrossReferenceError, match="no such institution"):
        updates.rename_institution(program, "nobody", "x")


def _institution_references(program: hrplan.Program) -> list[str | None]:
    found: list[str | None] = [i.parent for i in program.institutions.values()]
    found += [key for m in program.iter_measures() for key in m.institutions]
    found += [e.organiser for e in program.events] + [p for e in program.events for p in e.participants]
    found += [c.organiser for c in program.campaigns] + [u.reported_by for u in program.progress]
    return found


@given(programs(), st.data())
def test_renaming_keeps_every_reference(program: hrplan.Program, data: st.DataObject) -> None:
    old = data.draw(st.sampled_from(sorted(program.institutions)))
    renamed = updates.rename_institution(program, old, "renamed-x")
    before, after = _institution_references(program), _institution_references(renamed)
    assert after == ["renamed-x" if key == old else key for key in before]
    assert updates.rename_institution(renamed, "renamed-x", old) == program


def test_updates_keep_references_that_were_already_broken() -> None:
    with hrplan.lenient():
        messy = small_program(progress=(hrplan.ProgressUpdate("9.9", DAY, hrplan.Progress.COMPLETED),))
    updated = updates.add_events(messy, _event("ev-1", "1.1"))
    assert updated.broken_references() == messy.broken_references()
    with pytest.raises(hrplan.CrossReferenceError) as caught:
        updates.add_events(messy, _event("ev-2", "8.8"))
    assert len(caught.value.problems) == 1


# records ---------------------------------------------------------------------------


def test_records_are_flat_and_typed() -> None:
    program = hrplan.read(PLAN)
    rows = hrplan.records(program, as_of=DAY)
    assert len(rows) == len(list(program.iter_measures()))
    assert all(tuple(row) == hrplan.tabular.RECORD_FIELDS for row in rows)
    row = next(r for r in rows if r["id"] == "1.2.1")
    assert row["status"] == "overdue"
    assert row["end"] == date(2012, 4, 30)
    assert row["time_limit"] == "March-April 2012"
    assert row["time_limit_source"] == "own"
    assert row["parent"] == "1.2"
    assert all(isinstance(name, str) for name in row["institutions"])
    assert row["institutions"] == [program.institutions[i].name for i in program.measure("1.2.1").institutions]


def test_records_show_inherited_time_limits() -> None:
    program = updates.add_measure(small_program(), hrplan.Measure("1.2.3", "Without a time-limit"))
    row = next(r for r in hrplan.records(program, as_of=DAY) if r["id"] == "1.2.3")
    assert (row["time_limit"], row["time_limit_source"]) == ("2012-2015", "inherited")
    assert row["start"] == date(2012, 1, 1)
    top = next(r for r in hrplan.records(program, as_of=DAY) if r["id"] == "1.1")
    assert top["parent"] is None


def test_records_make_a_data_frame_in_one_line() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(hrplan.records(hrplan.read(PLAN), as_of=DAY))
    assert {"1.2.1", "1.2.10"} <= set(frame["id"])  # strings: 1.2.10 stays apart from 1.2.1
    assert frame.loc[frame["id"] == "1.2.1", "status"].item() == "overdue"
    assert list(frame.columns) == list(hrplan.tabular.RECORD_FIELDS)


@given(programs(), st.dates(date(2000, 1, 1), date(2045, 12, 31)))
def test_records_follow_the_status_rules(program: hrplan.Program, day: date) -> None:
    rows = hrplan.records(program, as_of=day)
    measures = list(program.iter_measures())
    assert [row["id"] for row in rows] == [str(m.id) for m in measures]
    for row, measure in zip(rows, measures, strict=True):
        assert row["status"] == hrplan.status(measure, day, program=program).value
        limit = hrplan.effective_time_limit(measure, program)
        assert row["end"] == (limit.end if limit else None)
        assert (row["time_limit_source"] == "own") == (measure.time_limit is not None)
        assert len(row["institutions"]) == len(measure.implementers)



@pytest.mark.parametrize("module", [hrplan.api, hrplan.data, hrplan.updates], ids=lambda m: m.__name__)
def test_docstring_examples(module: Any) -> None:
    failures, tested = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tested > 0
    assert failures == 0
