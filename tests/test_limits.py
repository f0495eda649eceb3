"""Bad input ends in a documented HrplanError with its location, or a good result: the limits."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import hrplan
from hrplan import jsonio, limits
from hrplan.cli import main
from hrplan.limits import LimitError

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "data" / "az-2012.json"
HUGE = "1" + "0" * 5000  # past Python's 4,300-digit int conversion limit


def _plan_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(PLAN.read_text("utf-8"))
    return data


def _csv_row(**cells: str) -> bytes:
    program = hrplan.read(PLAN)
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="csv")
    header, _first = buffer.getvalue().decode("utf-8").splitlines()[:2]
    names = header.split(",")
    row = dict.fromkeys(names, "")
    row.update({"id": "1.1", "chapter": "1", "chapter_title": "Law", "title": "A measure"}, **cells)
    return (",".join(names) + "\n" + ",".join(row[n] for n in names) + "\n").encode("utf-8")


# --- the limits themselves -------------------------------------------------


def test_parse_number_refuses_too_many_digits_before_converting() -> None:
    assert limits.parse_number(" 000123 ") == 123
    with pytest.raises(LimitError, match="5001 digits"):
        limits.parse_number(HUGE)
    with pytest.raises(LimitError, match="digits"):
        limits.parse_number("12a")


@pytest.mark.parametrize("year", [0, 10000, 2**63, -1, True, "2012"])
def test_years_outside_1_to_9999_are_refused(year: object) -> None:
    with pytest.raises(LimitError, match="year from 1 to 9999"):
        limits.check_year(year)


def test_check_text_names_the_lone_surrogate() -> None:
    assert limits.check_text("plain ü") == "plain ü"
    with pytest.raises(LimitError, match="lone surrogate"):
        limits.check_text("x\ud800y", "title")


def test_messages_never_convert_huge_numbers_to_text() -> None:
    with pytest.raises(LimitError, match="about 50"):
        limits.check_integer(10**50)
    with pytest.raises(LimitError, match="about"):
        limits.check_number(10**5000)


# --- the model boundary ----------------------------------------------------


def test_measure_numbers_beyond_the_limits_are_refused() -> None:
    with pytest.raises(LimitError):
        hrplan.MeasureId.parse(HUGE)
    with pytest.raises(LimitError):
        hrplan.MeasureId.parse("1" + ".1" * limits.MAX_DEPTH)
    with pytest.raises(LimitError):
        hrplan.MeasureId((10**9,))
    assert str(hrplan.MeasureId.parse("999999999." + "1." * 30)).startswith("999999999.1")


def test_chapter_numbers_beyond_the_limits_are_refused() -> None:
    with pytest.raises(LimitError, match="chapter number"):
        hrplan.Chapter(number=2**70, title="Too far")
    with pytest.raises(LimitError):
        hrplan.Provision(id="1.1", text="x", chapter=-1)


def _nested(depth: int) -> hrplan.Measure:
    measure = hrplan.Measure(id=str(depth), title="leaf")
    for level in range(depth - 1, 0, -1):
        measure = hrplan.Measure(id=str(level), title="level", children=(measure,))
    return measure


def test_nesting_deeper_than_the_limit_is_refused_with_its_path() -> None:
    chapter = hrplan.Chapter(number=1, title="Deep", measures=(_nested(limits.MAX_DEPTH),))
    hrplan.Program(id="ok", title="ok", chapters=(chapter,))
    chapter = hrplan.Chapter(number=1, title="Deep", measures=(_nested(limits.MAX_DEPTH + 1),))
    with pytest.raises(LimitError, match=r"\$\.chapters\[0\]\.measures\[0\](\.children\[0\])+"):
        hrplan.Program(id="deep", title="deep", chapters=(chapter,))


def test_years_are_checked_in_the_model() -> None:
    with pytest.raises(LimitError):
        hrplan.Recommendation(id="r1", mechanism="UPR", text="t", year=10000)


# --- JSON read validates what its schema says -------------------------------


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: d["chapters"][0].__setitem__("number", 1.5), "$.chapters[0].number", "expected an integer"),
        (lambda d: d["chapters"][0].__setitem__("number", True), "$.chapters[0].number", "expected an integer"),
        (lambda d: d["chapters"][0].__setitem__("number", 1e30), "$.chapters[0].number", "expected an integer"),
        (lambda d: d["chapters"][0].__setitem__("number", 2**40), "$.chapters[0]", "chapter number"),
        (lambda d: d["chapters"][0].__setitem__("title", 5), "$.chapters[0].title", "expected a string"),
        (
            lambda d: d["chapters"][0]["measures"][0].setdefault("tags", {}).__setitem__("sdgs", [True]),
            "$.chapters[0].measures[0].tags.sdgs[0]",
            "expected an integer",
        ),
    ],
)
def test_json_read_coerces_nothing(change: Any, path: str, message: str) -> None:
    data = _plan_data()
    change(data)
    with pytest.raises(hrplan.InputError) as caught:
        jsonio.loads(json.dumps(data))
    assert any(p.location == path and message in p.message for p in caught.value.problems), caught.value


def test_json_read_refuses_deep_nesting_before_building_it() -> None:
    deep = '{"id": "1", "title": "level", "children": [' * 100 + '{"id": "1", "title": "leaf"}' + "]}" * 100
    text = '{"format_version": 1, "id": "deep", "title": "Deep", "chapters": [{"number": 1, "title": "One", '
    text += f'"measures": [{deep}]}}]}}'
    with pytest.raises(hrplan.InputError) as caught:
        jsonio.loads(text.encode())
    assert "nested more than 32" in str(caught.value)


def test_json_read_accepts_a_byte_order_mark() -> None:
    data = PLAN.read_bytes()
    assert jsonio.loads(b"\xef\xbb\xbf" + data) == jsonio.loads(data)
    assert jsonio.loads("\ufeff" + data.decode("utf-8")) == jsonio.loads(data)


# --- crashes reported from outside ------------------------------------------


def test_a_nul_byte_in_a_path_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(hrplan.FormatError, match="cannot read"):
        hrplan.read(str(tmp_path / "a\0b.json"))
    with pytest.raises(hrplan.FormatError, match="NUL"):
        hrplan.write(hrplan.read(PLAN), str(tmp_path / "a\0b.json"))


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "csv", "ics", "html", "workload", "upr-matrix"])
def test_lone_surrogates_from_python_never_crash_an_exporter(fmt: str) -> None:
    program = attrs.evolve(hrplan.read(PLAN), title="bad \ud800 title")
    error = None
    try:
        hrplan.export(program, io.BytesIO(), format=fmt)
    except hrplan.ModelError as exc:  # the exporter could not write it: the program is refused
        error = str(exc)
    assert error is None or ("$.title" in error and "lone surrogate" in error)


def test_status_due_within_a_huge_number_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["status", str(PLAN), "--due-within", "9" * 30])
    assert caught.value.code == 2
    assert "number of days" in capsys.readouterr().err


# --- crashes inside parsers others are rewriting ---------------------------

def test_a_chapter_number_too_long_for_python_in_a_csv_table_is_a_finding_on_its_cell() -> None:
    result = hrplan.load(io.BytesIO(_csv_row(chapter=HUGE)), format="csv")
    found = [f for f in result.findings if f.code == "CSV002"]
    assert found
    assert "column chapter" in found[0].location
    assert "digits; the limit is 9" in found[0].message



def test_a_chapter_heading_number_too_long_for_python_in_text() -> None:
    text = f"Plan\n\nChapter {HUGE} Rights\n\n1.1. A measure\n".encode()
    with pytest.raises(hrplan.InputError):
        hrplan.load(io.BytesIO(text), format="text")


def test_measures_nested_past_the_limit_in_text_name_the_line() -> None:
    lines = "".join(".".join(["1"] * (i + 1)) + ". Measure\n" for i in range(40))
    with pytest.raises(hrplan.InputError, match="line"):
        hrplan.load(io.BytesIO(f"Plan\n\nChapter I Rights\n\n{lines}".encode()), format="text")


@pytest.mark.parametrize("year", [10000, 2**63])
def test_default_year_out_of_range_is_a_time_limit_error(year: int) -> None:
    with pytest.raises(hrplan.HrplanError):
        hrplan.parse_time_limit("March", default_year=year)


def test_status_with_a_huge_due_soon_is_refused() -> None:
    program = hrplan.read(PLAN)
    measure = next(program.iter_measures())
    with pytest.raises(hrplan.HrplanError):
        hrplan.status(measure, hrplan.read(PLAN).chapters and __import__("datetime").date(2013, 1, 1),
                      due_soon=10**30, program=program)
