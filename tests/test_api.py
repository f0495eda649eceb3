"""The public verbs on unusual inputs: text-mode files, named streams, strings for codes."""

from __future__ import annotations

import io
import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest

import hrplan
from hrplan.cli import main

from .conftest import EXAMPLES
from .test_model import small_program

PLAN = EXAMPLES / "data" / "az-2012.json"


def test_read_a_file_opened_in_text_mode() -> None:
    with PLAN.open(encoding="utf-8") as text:
        assert hrplan.read(text).id == "az-2012"  # type: ignore[arg-type]


def test_write_to_a_stream_whose_name_says_nothing_needs_a_format() -> None:
    with tempfile.TemporaryFile() as unnamed, tempfile.NamedTemporaryFile(suffix=".tmp") as named:
        for stream in (unnamed, named):
            with pytest.raises(hrplan.UnknownFormatError, match="name one with format="):
                hrplan.write(small_program(), stream)
            hrplan.write(small_program(), stream, format="json")
            stream.seek(0)
            assert json.loads(stream.read())["id"] == "demo"


def test_write_to_a_named_stream_goes_by_its_extension() -> None:
    with tempfile.NamedTemporaryFile(suffix=".md") as named:
        hrplan.write(small_program(), named)
        named.seek(0)
        assert named.read().startswith(b"# ")


def test_a_json_file_with_broken_references_reads_back_and_validates(tmp_path: Path) -> None:
    with hrplan.lenient():
        messy = hrplan.Program(
            "q", "Q", chapters=(hrplan.Chapter(1, "c", measures=(
                hrplan.Measure("1.1", "a", implementers=(hrplan.Implementer("ghost"),)),)),),
        )  # fmt: skip
    path = tmp_path / "messy.json"
    hrplan.write(messy, path)
    assert hrplan.read(path) == messy
    assert [f.code for f in hrplan.validate(path, select=["HP3"])] == ["HP302"]


def test_select_and_ignore_accept_a_single_code() -> None:
    with hrplan.lenient():
        messy = hrplan.Program("q", "Q", chapters=(hrplan.Chapter(1, "c", measures=(hrplan.Measure("1.1", "a"),)),))
    everything = [f.code for f in hrplan.validate(messy)]
    assert "HP301" in everything
    assert [f.code for f in hrplan.validate(messy, select="HP301")] == ["HP301"]
    assert "HP301" not in [f.code for f in hrplan.validate(messy, ignore="HP301")]


def test_status_of_a_measure_from_elsewhere_is_judged_by_itself() -> None:
    stranger = hrplan.Measure("9.9", "Elsewhere", time_limit=hrplan.parse_time_limit("2012"))
    assert hrplan.status(stranger, date(2013, 1, 1), program=small_program()) is hrplan.Status.OVERDUE
    assert hrplan.status(hrplan.Measure("9.9", "None"), date(2013, 1, 1), program=small_program()) is (
        hrplan.Status.ONGOING
    )


def test_negative_due_within_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["status", str(PLAN), "--due-within", "-5"])
    assert info.value.code == 2
    assert "is not a number of days" in capsys.readouterr().err




def test_json_exporter_refuses_options() -> None:
    with pytest.raises(hrplan.FormatError, match="json: unknown option 'bogus'"):
        hrplan.export(small_program(), io.BytesIO(), format="json", bogus=1)


@pytest.mark.parametrize(("select", "ignore"), [(["ZZ"], []), ([], ["hp1"]), ("ZZ9", ())])
def test_an_unknown_code_to_select_or_ignore_is_an_error(select: list[str], ignore: list[str]) -> None:
    with pytest.raises(hrplan.UnknownCodeError, match="no finding code starts with") as caught:
        hrplan.validate(small_program(), select, ignore)
    assert "known prefixes: CSV" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_lower_case_code_is_told_its_upper_case_form() -> None:
    with pytest.raises(hrplan.UnknownCodeError, match="did you mean HP1\\?"):
        hrplan.validate(small_program(), ignore=["hp1"])


def test_every_finding_code_in_the_source_is_declared() -> None:
    # a code a plugin reports but does not declare could not be selected (an UnknownCodeError)
    root = Path(__file__).resolve().parent.parent
    sources = [*root.glob("src/**/*.py"), *root.glob("plugins/*/src/**/*.py")]
    used = {m for path in sources for m in re.findall(r"[\"']([A-Z]{2,5}\d{3})[\"']", path.read_text("utf-8"))}
    assert used - set(hrplan.plugins.get_manager().finding_codes()) == set()


def test_no_selection_given_as_none_selects_everything() -> None:
    assert hrplan.validate(small_program(), None, None) == hrplan.validate(small_program())  # type: ignore[arg-type]


PROSE = "The Government, with civil society, commits to this plan, paragraph {n}.\n\n"
PLAN_AFTER_PROSE = ("Action Plan 2024-2027\n\n" + "".join(PROSE.format(n=n) for n in range(60)) +
                    "Chapter 1. Justice\n1.1. Open legal aid offices.\nResponsible: Ministry of Justice.\n"
                    "Deadline: 2025.\n")  # fmt: skip


def test_a_text_plan_whose_first_pages_look_like_csv_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_AFTER_PROSE, encoding="utf-8")
    assert not hrplan.plugins.get_manager().importers()["text"].sniff(path.read_bytes()[:4096])
    program = hrplan.read(path)
    assert [str(m.id) for m in program.iter_measures()] == ["1.1"]


def test_when_neither_importer_reads_the_file_the_first_error_is_raised(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("".join(PROSE.format(n=n) for n in range(60)), encoding="utf-8")
    with pytest.raises(hrplan.InputError, match="no table layout recognises"):
        hrplan.load(path)
    with pytest.raises(hrplan.InputError, match="not an action plan"):
        hrplan.load(path, format="text")
