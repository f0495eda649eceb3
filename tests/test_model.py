"""The domain model: ids, registries, the reference check, navigation."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan import (
    Chapter,
    CrossReferenceError,
    DateSpan,
    Event,
    EventKind,
    Implementer,
    Institution,
    InstitutionKind,
    Measure,
    MeasureId,
    ModelError,
    Program,
    Progress,
    ProgressUpdate,
    parse_time_limit,
)


def small_program(**changes: object) -> Program:
    registry = [
        Institution("mej", "Milli Mejlis", InstitutionKind.PARLIAMENT, aliases=("Milli Meilis",)),
        Institution("moj", "Ministry of Justice", InstitutionKind.MINISTRY),
    ]
    chapter = Chapter(
        1,
        "Legal framework",
        label="I",
        measures=(
            Measure("1.1", "Laws", implementers=(Implementer("mej"),), time_limit=parse_time_limit("permanently")),
            Measure(
                "1.2",
                "Treaties",
                time_limit=parse_time_limit("2012-2015"),
                children=(
                    Measure("1.2.1", "Detention law", time_limit=parse_time_limit("March-April 2012")),
                    Measure("1.2.2", "Code", implementers=(Implementer("moj"),)),
                ),
            ),
        ),
    )
    fields: dict[str, object] = {"id": "demo", "title": "Demo", "chapters": (chapter,), "institutions": registry}
    fields.update(changes)
    return Program(**fields)  # type: ignore[arg-type]


class TestMeasureId:
    def test_orders_numerically(self) -> None:
        ids = [MeasureId.parse(s) for s in ["1.2.10", "1.2.9", "1.10", "1.2", "2"]]
        assert [str(i) for i in sorted(ids)] == ["1.2", "1.2.9", "1.2.10", "1.10", "2"]

    def test_parent_and_extends(self) -> None:
        number = MeasureId.parse("1.2.10.")
        assert str(number.parent) == "1.2"
        assert number.extends(MeasureId.parse("1.2"))
        assert not number.extends(MeasureId.parse("1.20"))
        assert MeasureId.parse("3").parent is None

    @pytest.mark.parametrize("text", ["", "1..2", "a.1", "1.2b", "-1"])
    def test_rejects_non_numbers(self, text: str) -> None:
        with pytest.raises(ModelError, match="invalid measure number"):
            MeasureId.parse(text)

    @given(st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
    def test_round_trips_through_text(self, parts: list[int]) -> None:
        number = MeasureId(tuple(parts))
        assert MeasureId.parse(str(number)) == number

    @given(st.lists(st.lists(st.integers(0, 30), min_size=1, max_size=4), min_size=2, max_size=10))
    def test_order_is_numeric_tuple_order(self, parts: list[list[int]]) -> None:
        ids = sorted(MeasureId(tuple(p)) for p in parts)
        assert [i.parts for i in ids] == sorted(tuple(p) for p in parts)


class TestProgram:
    def test_iter_measures_is_depth_first_document_order(self) -> None:
        program = small_program()
        assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.2", "1.2.1", "1.2.2"]

    def test_find_measure(self) -> None:
        program = small_program()
        found = program.find_measure("1.2.1")
        assert found is not None
        assert found.title == "Detention law"
        assert program.find_measure("9.9") is None
        with pytest.raises(KeyError, match=r"no measure 9\.9"):
            program.measure("9.9")

    def test_institutions_resolve(self) -> None:
        program = small_program()
        assert program.measure("1.1").institutions == ("mej",)
        assert program.institutions["mej"].names == ("Milli Mejlis", "Milli Meilis")

    def test_registry_is_hashable_and_immutable(self) -> None:
        program = small_program()
        assert hash(program) == hash(small_program())
        with pytest.raises(TypeError):
            program.institutions["x"] = program.institutions["mej"]  # type: ignore[index]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            program.title = "Other"  # type: ignore[misc]

    def test_inherited_time_limit(self) -> None:
        program = small_program()
        assert program.time_limit_of("1.2.2") == parse_time_limit("2012-2015")
        assert program.time_limit_of("1.2.1") == parse_time_limit("March-April 2012")
        assert [str(m.id) for m in program.ancestors("1.2.1")] == ["1.2"]
        chapter = program.chapter_of("1.2.1")
        assert chapter is not None
        assert chapter.label == "I"

    def test_update_pointing_nowhere_names_both(self) -> None:
        update = ProgressUpdate("9.9", date(2012, 5, 1), Progress.COMPLETED)
        with pytest.raises(CrossReferenceError) as info:
            small_program(progress=(update,))
        (problem,) = info.value.problems
        assert problem.location == "$.progress[0].measure"
        assert "9.9" in problem.message
        assert "2012-05-01" in problem.message

    def test_every_broken_reference_is_listed(self) -> None:
        event = Event(
            "ev1", "Training", EventKind.TRAINING, DateSpan(date(2012, 3, 1)),
            organiser="nobody", measures=("1.1", "7.7"),
        )
        bad_measure = Measure("2.1", "Orphan", implementers=(Implementer("ghost"),))
        chapters = (*small_program().chapters, Chapter(2, "Two", measures=(bad_measure,)))
        with pytest.raises(CrossReferenceError) as info:
            small_program(events=(event,), chapters=chapters)
        locations = {p.location for p in info.value.problems}
        assert locations == {
            "$.events[0].organiser",
            "$.events[0].measures[1]",
            "$.chapters[1].measures[0].implementers[0].institution",
        }
        assert "event 'ev1' refers to measure 7.7" in str(info.value)

    def test_duplicate_measure_numbers(self) -> None:
        twice = Chapter(2, "Two", measures=(Measure("1.1", "Again"),))
        with pytest.raises(CrossReferenceError, match="numbered twice"):
            small_program(chapters=(*small_program().chapters, twice))

    def test_registry_key_must_match_id(self) -> None:
        with pytest.raises(ModelError, match="registered as 'a'"):
            Program("p", "P", institutions={"a": Institution("b", "B")})

    def test_bad_slug(self) -> None:
        with pytest.raises(ModelError, match="invalid institution id 'Ministry'"):
            Institution("Ministry", "Ministry")

    def test_completed_on_uses_latest_update(self) -> None:
        updates = (
            ProgressUpdate("1.1", date(2012, 1, 10), Progress.IN_PROGRESS),
            ProgressUpdate("1.1", date(2012, 6, 1), Progress.COMPLETED),
        )
        program = small_program(progress=updates)
        assert program.completed_on("1.1") == date(2012, 6, 1)
        assert program.completed_on("1.1", as_of=date(2012, 5, 1)) is None


class TestValues:
    def test_date_span(self) -> None:
        span = DateSpan(date(2024, 3, 12))
        assert span.end == span.start
        assert span.days == 1
        assert date(2024, 3, 12) in span
        with pytest.raises(ModelError, match="before it starts"):
            DateSpan(date(2024, 3, 12), date(2024, 3, 1))

    def test_sdgs_bounded(self) -> None:
        with pytest.raises(ModelError, match="1 to 17"):
            hrplan.Tags(sdgs=(18,))

    def test_line_is_not_part_of_equality(self) -> None:
        assert Measure("1.1", "A", line=3) == Measure("1.1", "A", line=9)
