"""The ``hrplan`` command, run in-process through ``hrplan.cli.main``."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

import hrplan
from hrplan.cli import build_parser, main
from hrplan.cli._report import print_findings
from hrplan.plugins import BUILTIN_PLUGINS, PluginManager, PluginSettings, reset_manager

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


# a CLI that speaks CLI ------------------------------------------------------------


def _parsers() -> list[argparse.ArgumentParser]:
    parser = build_parser()
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += list(action.choices.values())
    return found


def test_every_argument_has_help_text() -> None:
    for parser in _parsers():
        for action in parser._actions:
            if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{parser.prog}: {action.option_strings or action.dest} has no help text"


def test_top_level_help_shows_examples_and_every_environment_variable() -> None:
    text = build_parser().format_help()
    assert "examples:" in text
    assert "hrplan convert" in text
    sources = Path(hrplan.__file__).parent.rglob("*.py")
    variables = {v for path in sources for v in re.findall(r"HRPLAN_[A-Z_]+", path.read_text(encoding="utf-8"))}
    assert "HRPLAN_PLUGINS" in variables
    for variable in variables:
        assert variable in text


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["convert", str(PLAN), "x.nothing"], "--to"),
        (["convert", str(PLAN), "-", "--to", "nope"], "--to"),
        (["convert", str(PLAN), "x.json", "--from", "nope"], "--from"),
        (["status", str(PLAN), "--from", "nope"], "--from"),
        (["validate", str(PLAN), "--from", "nope"], "--from"),
    ],
)
def test_format_errors_name_the_flag(capsys: pytest.CaptureFixture[str], args: list[str], flag: str) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert f"with {flag} (available: " in err
    assert "format=" not in err


def test_option_errors_name_the_flag(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "convert", str(PLAN), "-", "--to", "csv", "-O", "colour=red")
    assert code == 2
    assert "unknown option 'colour'" in err
    assert "exporter options are given with -O KEY=VALUE" in err
    table = tmp_path / "plan.csv"
    table.write_bytes(hrplan.dumps(hrplan.read(PLAN), "csv"))
    code, _, err = run(capsys, "convert", str(table), "-", "-I", "colour=red")
    assert code == 2
    assert "importer options are given with -I KEY=VALUE" in err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    raw = io.BytesIO(data)
    raw.name = "<stdin>"  # as sys.stdin.buffer is named
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(raw))


def test_dash_reads_standard_input(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, PLAN.read_bytes())
    assert main(["convert", "-", "-"]) == 0
    assert capsysbinary.readouterr().out == PLAN.read_bytes()
    _stdin(monkeypatch, PLAN.read_bytes())
    assert main(["status", "-", "--as-of", "2013-01-01", "--format", "csv"]) == 0
    assert b"1.2.1,overdue" in capsysbinary.readouterr().out
    _stdin(monkeypatch, PLAN.read_bytes())
    assert main(["validate", "-"]) == 0


def test_unreadable_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"\x00\x01")
    code, _, err = run(capsys, "status", "-")
    assert code == 2
    assert "<stdin>: cannot tell its format; name one with --from" in err


@pytest.mark.parametrize(
    ("flag", "code", "hint"),
    [("--select", "ZZ", ""), ("--ignore", "hp1", "did you mean HP1?"), ("--select", "all", "did you mean ALL?")],
)
def test_unknown_codes_are_errors(capsys: pytest.CaptureFixture[str], flag: str, code: str, hint: str) -> None:
    status, out, err = run(capsys, "validate", str(PLAN), flag, f"HP1,{code}")
    assert status == 2
    assert out == ""
    assert f"{flag} {code}: no finding code starts with" in err
    assert "known prefixes: CSV, CT, EV, HP" in err
    assert hint in err


def test_known_codes_and_all_are_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(PLAN), "--select", "ALL", "--ignore", "HP000,CSV,TX0,UPR012")[0] == 0
    _, out, _ = run(capsys, "codes", "--json")
    codes = {row["code"]: row["meaning"] for row in json.loads(out)}
    assert {"HP000", "HP101", "CSV001", "EV001"} <= set(codes)


def test_status_json_uses_null_for_missing_values(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "status", str(PLAN), "--as-of", "2013-01-01", "--format", "json")
    rows = {row["id"]: row for row in json.loads(out)["measures"]}
    assert rows["1.1"]["end"] is None
    assert rows["1.1"]["days_left"] is None
    assert rows["1.2.1"]["end"] == "2012-04-30"
    _, out, _ = run(capsys, "status", str(PLAN), "--as-of", "2013-01-01")
    assert "None" not in out


def test_calendar_since_and_the_deprecated_from(capsys: pytest.CaptureFixture[str]) -> None:
    ratifications = str(EXAMPLES / "data" / "az-ratifications.json")
    code, new, err = run(capsys, "calendar", ratifications, "--since", "2024-01-01", "--until", "2024-12-31")
    assert (code, err) == (0, "")
    code, old, err = run(capsys, "calendar", ratifications, "--from", "2024-01-01", "--until", "2024-12-31")
    assert code == 0
    assert old == new
    assert "--from is deprecated: it is now --since" in err
    help_text = next(p for p in _parsers() if p.prog == "hrplan calendar").format_help()
    assert "--since" in help_text
    assert "--from" not in help_text


# plugins, formats, install --------------------------------------------------------


def test_formats_show_importer_and_exporter(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "formats", "--json")
    formats = {row["name"]: row for row in json.loads(out)}
    csv_format = formats["csv"]
    assert csv_format["extensions"] == [".csv"]
    assert csv_format["importer"]["description"]
    assert csv_format["exporter"]["plugin"] == "hrplan.csv"
    assert formats["markdown"]["importer"] is None
    assert formats["markdown"]["extensions"] == [".markdown", ".md"]
    _, out, _ = run(capsys, "formats")
    lines = [line.split()[:2] for line in out.splitlines()]
    assert ["csv", "read"] in lines
    assert ["csv", "write"] in lines


def test_plugins_lists_third_party_ones_and_builtins_with_all(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "plugins", "--json")
    assert not any(row["builtin"] for row in json.loads(out))
    _, out, _ = run(capsys, "plugins", "--all", "--json")
    names = {row["name"] for row in json.loads(out) if row["builtin"]}
    assert {name for name, _ in BUILTIN_PLUGINS} <= names


def test_plugins_without_third_party_ones(capsys: pytest.CaptureFixture[str]) -> None:
    reset_manager(PluginManager(PluginSettings(), load_entry_points=False))
    try:
        code, out, _ = run(capsys, "plugins")
        assert code == 0
        assert "no third-party plugins installed" in out
        assert json.loads(run(capsys, "plugins", "--json")[1]) == []
    finally:
        reset_manager()


class _Pip:
    def __init__(self, returncode: int = 0) -> None:
        self.calls: list[list[str]] = []
        self.returncode = returncode

    def __call__(self, command: list[str], check: bool = False) -> subprocess.CompletedProcess[str]:
        self.calls.append(command)
        return subprocess.CompletedProcess(command, self.returncode)


def test_install_and_uninstall_run_pip_in_hrplans_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pip = _Pip()
    monkeypatch.setattr(subprocess, "run", pip)
    assert run(capsys, "install", "hrplan-workload", "-U")[0] == 0
    assert run(capsys, "install", "-e", "plugins/hrplan-html")[0] == 0
    assert run(capsys, "uninstall", "hrplan-workload", "-y")[0] == 0
    assert pip.calls == [
        [sys.executable, "-m", "pip", "install", "--upgrade", "hrplan-workload"],
        [sys.executable, "-m", "pip", "install", "--editable", "plugins/hrplan-html"],
        [sys.executable, "-m", "pip", "uninstall", "--yes", "hrplan-workload"],
    ]
    monkeypatch.setattr(subprocess, "run", _Pip(returncode=1))
    assert run(capsys, "install", "no-such-thing")[0] == 1
    code, _, err = run(capsys, "install")
    assert code == 2
    assert "name at least one PACKAGE" in err


def test_findings_json_uses_null_for_a_missing_location(capsys: pytest.CaptureFixture[str]) -> None:
    findings = [hrplan.Finding(hrplan.Severity.WARNING, "HP999", "somewhere")]
    print_findings(findings, "json", sys.stdout)
    assert json.loads(capsys.readouterr().out)[0]["location"] is None


def test_status_says_what_was_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Plan\n\nChapter 1. Justice\n1.1. Open offices.\nResponsible: Ministry of Justice.\n"
                    "Deadline: within 6 months.\n", encoding="utf-8")
    assert main(["status", str(path), "--as-of", "2025-01-01"]) == 0
    captured = capsys.readouterr()
    assert "TX003" in captured.err
    assert "1 time-limit(s) could not be read as dates" in captured.out
    assert main(["status", str(path), "--as-of", "2025-01-01", "-I", "adopted=2024-06-01"]) == 0
    assert "could not be read" not in capsys.readouterr().out
