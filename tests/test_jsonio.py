"""The hrplan JSON format: lossless, deterministic, schema-valid, clear errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

import hrplan
from hrplan import InputError, jsonio
from hrplan.testing import programs

from .conftest import EXAMPLES
from .test_model import small_program


@given(programs())
def test_round_trip_is_lossless(program: hrplan.Program) -> None:
    assert jsonio.loads(jsonio.dumps(program)) == program


SCHEMA = jsonschema.Draft202012Validator(jsonio.schema(), format_checker=jsonschema.FormatChecker())


def test_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(jsonio.schema())


@given(programs())
def test_output_is_deterministic_and_schema_valid(program: hrplan.Program) -> None:
    data = jsonio.dumps(program)
    assert jsonio.dumps(jsonio.loads(data)) == data
    SCHEMA.validate(json.loads(data))


def test_bundled_example_is_schema_valid() -> None:
    SCHEMA.validate(json.loads((EXAMPLES / "data" / "az-2012.json").read_bytes()))


def test_read_and_write_paths_and_files(tmp_path: Path) -> None:
    program = small_program()
    target = tmp_path / "plan.json"
    hrplan.write(program, target)
    assert hrplan.read(target) == program
    buffer = io.BytesIO()
    hrplan.write(program, buffer, format="json")
    buffer.seek(0)
    assert hrplan.read(buffer) == program


def test_format_shape() -> None:
    data = json.loads(jsonio.dumps(small_program()))
    assert list(data)[:3] == ["format_version", "id", "title"]
    assert data["institutions"]["mej"] == {"name": "Milli Mejlis", "kind": "parliament", "aliases": ["Milli Meilis"]}
    measure = data["chapters"][0]["measures"][1]["children"][0]
    assert measure["time_limit"] == {
        "text": "March-April 2012",
        "kind": "interval",
        "precision": "month",
        "start": "2012-03-01",
        "end": "2012-04-30",
    }


def test_time_limit_may_be_written_as_text() -> None:
    data = jsonio.program_to_data(small_program())
    data["chapters"][0]["measures"][0]["time_limit"] = "2012-2013"
    program = jsonio.program_from_data(data)
    assert program.measure("1.1").time_limit == hrplan.parse_time_limit("2012-2013")


def problems_of(data: object) -> dict[str, str]:
    with pytest.raises(InputError) as info:
        jsonio.program_from_data(data, "plan.json")
    assert str(info.value).startswith("plan.json: ")
    return {p.location: p.message for p in info.value.problems}


def test_every_problem_is_listed_with_its_path() -> None:
    data = jsonio.program_to_data(small_program())
    measures = data["chapters"][0]["measures"]
    measures[0]["time_limit"] = "sometime soon"
    measures[1]["children"][1]["id"] = "1.2.x"
    measures[1]["titel"] = "typo"
    data["institutions"]["moj"]["kind"] = "ministery"
    problems = problems_of(data)
    assert set(problems) == {
        "$.chapters[0].measures[0].time_limit",
        "$.chapters[0].measures[1].children[1].id",
        "$.chapters[0].measures[1]",
        "$.institutions['moj'].kind",
    }
    assert "sometime soon" in problems["$.chapters[0].measures[0].time_limit"]
    assert "titel" in problems["$.chapters[0].measures[1]"]


def test_broken_reference_is_an_input_error() -> None:
    data = jsonio.program_to_data(small_program())
    data["progress"] = [{"measure": "4.4", "date": "2012-01-01", "progress": "completed"}]
    assert "$.progress[0].measure" in problems_of(data)


@pytest.mark.parametrize(
    ("version", "message"),
    [(None, "missing"), (99, "newer than this hrplan reads"), ("1", "positive integer")],
)
def test_format_version_is_checked(version: object, message: str) -> None:
    data = jsonio.program_to_data(small_program())
    data["format_version"] = version
    if version is None:
        del data["format_version"]
    assert message in problems_of(data)["$.format_version"]


def test_not_json_names_line_and_column() -> None:
    with pytest.raises(InputError, match=r"plan.json: 1 problem\(s\):\n  line 2, column 1"):
        jsonio.loads(b'{"a":\n}', "plan.json")


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(hrplan.FormatError, match="cannot read"):
        hrplan.read(tmp_path / "nope.json")
