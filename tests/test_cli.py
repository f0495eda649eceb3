"""The ``hrplan`` command, run in-process through ``hrplan.cli.main``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, ClassVar

import pytest

import hrplan
from hrplan.cli import main

from .conftest import EXAMPLES

PLAN = EXAMPLES / "data" / "az-2012.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_convert_json_to_json_is_byte_identical(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "convert", str(PLAN), str(tmp_path / "copy.json"))
    assert code == 0, err
    assert (tmp_path / "copy.json").read_bytes() == PLAN.read_bytes()


def test_convert_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["convert", str(PLAN), "-", "--to", "json"]) == 0
    out, _ = capsysbinary.readouterr()
    assert json.loads(out)["id"] == "az-2012"


def test_validate_clean_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(PLAN))
    assert code == 0
    assert out.strip().endswith("no findings")


def test_validate_exits_1_on_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(PLAN.read_text())
    data["chapters"][0]["measures"][1]["children"][2]["id"] = "1.3.3"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    code, out, _ = run(capsys, "validate", str(bad), "--format", "json")
    assert code == 1
    findings = json.loads(out)
    assert any(f["code"] == "HP104" and f["severity"] == "error" for f in findings)
    code, _, _ = run(capsys, "validate", str(bad), "--ignore", "HP104,HP102,HP103")
    assert code == 0


def test_status_text_json_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", str(PLAN), "--as-of", "2013-01-01")
    assert code == 0
    assert "status as of 2013-01-01" in out
    assert "36 ongoing" in out
    code, out, _ = run(capsys, "status", str(PLAN), "--as-of", "2013-01-01", "--format", "json")
    rows = {row["id"]: row for row in json.loads(out)["measures"]}
    assert rows["1.2.1"]["status"] == "overdue"
    assert rows["1.2.1"]["days_left"] == -246
    code, out, _ = run(capsys, "status", str(PLAN), "--as-of", "2012-12-15", "--format", "csv", "--due-within", "20")
    table = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"]: r["status"] for r in table}["1.2.2"] == "due-soon"


def test_formats_and_plugins(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats", "--json")
    assert code == 0
    formats = {row["name"]: row for row in json.loads(out)}
    assert formats["json"]["read"]
    assert formats["json"]["write"]
    code, out, _ = run(capsys, "plugins", "--all")
    assert code == 0
    assert "hrplan.json" in out


def test_bad_input_is_one_clear_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1, "id": "x", "title": "X", "chapters": [{"number": "one", "title": "I"}]}')
    code, out, err = run(capsys, "status", str(bad))
    assert code == 2
    assert out == ""
    assert f"{bad}: cannot read it:" in err
    assert "$.chapters[0].number" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--debug", "status", str(tmp_path / "missing.json"))
    assert code == 2
    assert "Traceback" in err
    assert "cannot read" in err


def test_unknown_format_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "convert", str(PLAN), str(tmp_path / "x.out"), "--to", "nope")
    assert code == 2
    assert "no exporter called 'nope'" in err


def test_bad_option_syntax(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["convert", str(PLAN), str(tmp_path / "x.json"), "-O", "novalue"])
    assert info.value.code == 2
    assert "is not KEY=VALUE" in capsys.readouterr().err


def test_importer_options_reach_the_importer(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "log.events.csv"
    log.write_text("date,kind,title,measures\n12.03.2024,training,Judges' course,4.1\n", encoding="utf-8")
    out = tmp_path / "merged.json"
    code, _, err = run(capsys, "convert", str(log), str(out), "-I", f"program={PLAN}")
    assert code == 0, err
    merged = json.loads(out.read_text())
    assert [e["title"] for e in merged["events"]] == ["Judges' course"]
    code, out_text, _ = run(capsys, "validate", str(log), "-I", f"program={PLAN}", "--select", "HP403")
    assert code == 0
    assert "HP403" in out_text


def test_validator_options_reach_the_validators(capsys: pytest.CaptureFixture[str]) -> None:
    from hrplan.plugins import get_manager

    seen: list[dict[str, object]] = []

    class Recorder:
        name = "recorder"
        codes: ClassVar[dict[str, str]] = {}

        def validate(self, program: object, **options: object) -> list[object]:
            seen.append(options)
            return []

    class Plugin:
        @hrplan.hookimpl
        def register_validators(self, register: Any) -> None:
            register(Recorder())

    manager = get_manager()
    name = manager.register(Plugin(), "recorder")
    try:
        code, _, _ = run(capsys, "validate", str(PLAN), "-V", "as_of=2013-01-01")
    finally:
        assert name is not None
        manager.unregister(name)
    assert code == 0
    assert seen == [{"as_of": "2013-01-01"}]
