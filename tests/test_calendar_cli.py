"""``hrplan calendar``, run through a parser built here (the subcommand is added with
``add_calendar``, as the main parser does for every subcommand)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from hrplan.cli import _commands, main
from hrplan.cli._calendar import add_calendar
from hrplan.errors import FormatError, InputError, ModelError

from .conftest import EXAMPLES

AZ = EXAMPLES / "data" / "az-ratifications.json"

EXAMPLE: dict[str, Any] = {
    "state": "Exampleland",
    "ratifications": [
        {"treaty": "CRC", "deposit": "1992-08-13", "instrument": "accession"},
        {"treaty": "CAT", "entry_into_force": "1996-09-15"},
    ],
    "overrides": [{"treaty": "CAT", "number": 5, "due": "2019-12-09", "source": "CAT/C/XXX/CO/4"}],
    "submitted": [
        {"treaty": "CRC", "number": [1, 2, 3, 4, 5]},
        {"treaty": "CAT", "number": [1, 2, 3, 4]},
        {"treaty": "CAT", "number": 5, "date": "2020-03-02"},
    ],
    "upr": {"review": "2023-11-14", "cycle": 4},
    "cycle_from": {"CAT": "2019-12-09"},
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hrplan")
    sub = p.add_subparsers(dest="command", required=True)
    add_calendar(sub)
    return p


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    args = parser().parse_args(["calendar", *argv])
    assert args.run(args) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    return path


def test_text_lists_what_is_due_and_what_is_overdue(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    out = run(capsys, str(example), "--as-of", "2025-01-01", "--until", "2030-12-31")
    lines = out.splitlines()
    assert lines[0] == "Exampleland: due from 2025-01-01 to 2030-12-31"
    assert lines[1].split() == ["due", "treaty", "body", "number", "kind", "submitted", "basis"]
    assert [line.split()[:3] for line in lines[2:5]] == [
        ["2027-12-09", "CAT", "CAT"], ["2028-05-14", "UPR", "HRC"], ["2029-09-12", "CRC", "CRC"]]
    assert lines[6] == "overdue as of 2025-01-01 (due before it and not listed as submitted)"
    assert [line.split()[:6] for line in lines[8:]] == [
        ["2019-09-12", "CRC", "CRC", "6", "periodic", "1938"],
        ["2023-12-09", "CAT", "CAT", "6", "periodic", "389"],
        ["2024-09-12", "CRC", "CRC", "7", "periodic", "111"],
    ]


def test_predictable_cycle(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    out = run(capsys, str(example), "--as-of", "2025-01-01", "--until", "2030-12-31", "--predictable-cycle")
    assert "2026-09-12  CRC     CRC   5       periodic    yes        predictable review cycle" in out
    assert "2027-12-09  CAT     CAT   6       periodic               predictable review cycle" in out
    assert out.rstrip().endswith("nothing overdue")


def test_json(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    document = json.loads(run(capsys, str(example), "--as-of", "2025-01-01", "--since", "2019-01-01",
                              "--until", "2020-12-31", "--format", "json"))
    assert {k: document[k] for k in ("state", "from", "until", "as_of", "predictable_cycle")} == {
        "state": "Exampleland", "from": "2019-01-01", "until": "2020-12-31", "as_of": "2025-01-01",
        "predictable_cycle": False}
    assert document["due"] == [
        {"due": "2019-09-12", "treaty": "CRC", "body": "CRC", "number": 6, "kind": "periodic", "submitted": None,
         "basis": "art. 44(1)(b): every 5 years after the previous report"},
        {"due": "2019-12-09", "treaty": "CAT", "body": "CAT", "number": 5, "kind": "periodic",
         "submitted": "2020-03-02", "basis": "concluding observations CAT/C/XXX/CO/4"},
    ]
    assert [(r["treaty"], r["number"], r["days_overdue"]) for r in document["overdue"]] == [
        ("CRC", 6, 1938), ("CAT", 6, 389), ("CRC", 7, 111)]


def test_csv(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    out = run(capsys, str(example), "--as-of", "2025-01-01", "--until", "2028-12-31", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["list", "due", "treaty", "body", "number", "kind", "submitted", "days_overdue", "basis"]
    assert [(r["list"], r["due"], r["treaty"], r["days_overdue"]) for r in rows] == [
        ("due", "2027-12-09", "CAT", ""), ("due", "2028-05-14", "UPR", ""),
        ("overdue", "2019-09-12", "CRC", "1938"), ("overdue", "2023-12-09", "CAT", "389"),
        ("overdue", "2024-09-12", "CRC", "111")]


def test_defaults_are_today_and_five_years(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    out = run(capsys, str(example))
    today = date.today()
    assert out.splitlines()[0] == f"Exampleland: due from {today} to {today + relativedelta(years=5)}"
    out = run(capsys, str(example), "--as-of", "2025-01-01")
    assert out.splitlines()[0] == "Exampleland: due from 2025-01-01 to 2030-01-01"


def test_nothing_due(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    out = run(capsys, str(example), "--as-of", "2025-01-01", "--since", "2025-01-01", "--until", "2025-12-31")
    assert out.splitlines()[1] == "nothing due"


def test_azerbaijan_example(capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(run(capsys, str(AZ), "--as-of", "2025-06-01", "--until", "2028-12-31", "--format", "json"))
    assert document["state"] == "Azerbaijan"
    due = {(r["treaty"], r["number"]): r["due"] for r in document["due"]}
    assert due[("UPR", 5)] == "2027-02-04"
    assert due[("CRPD", 5)] == "2027-02-27"
    overdue = {(r["treaty"], r["number"]) for r in document["overdue"]}
    assert ("CRC", 7) in overdue
    assert not overdue & {("CRC", 6), ("CRPD", 3), ("CAT", 5), ("ICESCR", 4)}  # listed as submitted


def test_until_before_from_is_an_error(example: Path) -> None:
    args = parser().parse_args(["calendar", str(example), "--since", "2025-01-01", "--until", "2024-01-01"])
    with pytest.raises(ModelError, match="--until 2024-01-01 is before --since 2025-01-01"):
        args.run(args)


def test_bad_files_raise_hrplan_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**EXAMPLE, "ratifications": [{"treaty": "CRC"}]}), encoding="utf-8")
    args = parser().parse_args(["calendar", str(bad)])
    with pytest.raises(InputError) as caught:
        args.run(args)
    assert [str(p) for p in caught.value.problems] == [
        "$.ratifications[0]: give entry_into_force, or deposit to compute it from"]
    args = parser().parse_args(["calendar", str(tmp_path / "missing.json")])
    with pytest.raises(FormatError):
        args.run(args)


def test_predictable_cycle_conflicting_with_an_override_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "conflict.json"
    path.write_text(json.dumps({k: v for k, v in EXAMPLE.items() if k != "cycle_from"}), encoding="utf-8")
    args = parser().parse_args(["calendar", str(path), "--predictable-cycle"])
    with pytest.raises(ModelError, match="report 5 would not be due after report 4"):
        args.run(args)


def test_bad_dates_are_refused_by_the_parser(capsys: pytest.CaptureFixture[str], example: Path) -> None:
    with pytest.raises(SystemExit):
        parser().parse_args(["calendar", str(example), "--as-of", "yesterday"])
    assert "'yesterday' is not a date" in capsys.readouterr().err


def test_through_main_errors_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if add_calendar not in _commands.COMMANDS:  # until it is wired into the main parser
        monkeypatch.setattr(_commands, "COMMANDS", (*_commands.COMMANDS, add_calendar))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"state": "X", "ratifications": [{"treaty": "CRC", "deposit": "13.08.1992"}]}),
                   encoding="utf-8")
    assert main(["calendar", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "$.ratifications[0].deposit: expected a date as YYYY-MM-DD, not '13.08.1992'" in err
    assert main(["calendar", str(AZ), "--as-of", "2025-01-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "Azerbaijan"
