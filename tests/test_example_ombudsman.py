"""The Ombudsman 2024 example: its data reads cleanly and the script prints what it promises."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import pytest

import hrplan
import hrplan.plugins
from hrplan.builtins.events_csv import read_events

from .conftest import EXAMPLES

DATA = EXAMPLES / "data"
EVENTS = DATA / "ombudsman-2024.events.csv"
SCRIPT = EXAMPLES / "ombudsman_2024.py"


def csv_ids() -> list[str]:
    """The event ids in the spreadsheet, in row order."""
    with EVENTS.open(encoding="utf-8", newline="") as fp:
        return [row["id"] for row in csv.DictReader(fp)]


@pytest.fixture(scope="module")
def program() -> hrplan.Program:
    """The 2012 program with the example's campaigns, before the events are merged."""
    spec = importlib.util.spec_from_file_location("ombudsman_2024", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    base = hrplan.read(DATA / "az-2012.json")
    return attrs.evolve(base, campaigns=example.load_campaigns())


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """Run the script once into a temporary folder; its output and that folder."""
    out = tmp_path_factory.mktemp("omb")
    done = subprocess.run([sys.executable, str(SCRIPT), "2024-12-31", str(out)], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout, out


def test_every_event_links_an_existing_measure(program: hrplan.Program) -> None:
    imported = read_events(EVENTS, program)
    assert [event.id for event in imported.events] == csv_ids()
    for event in imported.events:
        assert event.measures, f"{event.id} links no measure"
        for number in event.measures:
            assert program.find_measure(number) is not None, f"{event.id}: no measure {number}"
        assert event.organiser == "ombudsman"
        if event.campaign is not None:
            assert event.campaign in {campaign.id for campaign in program.campaigns}


def test_the_events_read_without_errors(program: hrplan.Program) -> None:
    imported = read_events(EVENTS, program)
    errors = [f for f in imported.findings if f.severity is hrplan.Severity.ERROR]
    assert errors == []


def test_day_first_and_iso_dates_read_alike(program: hrplan.Program) -> None:
    events = {event.id: event for event in read_events(EVENTS, program).events}
    assert events["omb-2024-npm-training"].dates == hrplan.DateSpan(date(2024, 3, 12))
    assert events["omb-2024-hr-month"].dates == hrplan.DateSpan(date(2024, 5, 18), date(2024, 6, 18))
    assert events["omb-2020-ennhri"].dates == hrplan.DateSpan(date(2020, 2, 13))


def test_script_prints_both_campaign_months(run: tuple[str, Path]) -> None:
    out, _ = run
    assert "human-rights-month: 2024-05-18..2024-06-18" in out
    assert "child-rights-month: 2024-10-20..2024-11-20" in out
    child_month = out.split("child-rights-month:")[1].split("Status as of")[0]
    assert "Child Rights month 2024" in child_month
    assert "Human Rights month 2024" not in child_month


def test_script_reports_the_events_and_no_error(run: tuple[str, Path]) -> None:
    out, _ = run
    assert f"Read {len(csv_ids())} event(s) from ombudsman-2024.events.csv: 0 finding(s)" in out
    assert "[error]" not in out
    assert "Status as of 2024-12-31" in out
    assert "Workload of" in out


def test_script_writes_the_merged_plan(run: tuple[str, Path]) -> None:
    _, out = run
    merged = hrplan.read(out / "ombudsman-2024.json")
    assert [event.id for event in merged.events] == csv_ids()
    assert {campaign.id for campaign in merged.campaigns} == {"human-rights-month", "child-rights-month"}
    linked = {number for event in merged.events for number in event.measures}
    assert {"4.2", "4.8", "4.10", "5.1", "2.18"} <= {str(number) for number in linked}


@pytest.mark.parametrize(("name", "plugin"), [("html", "hrplan-html"), ("ics", "hrplan-ical")])
def test_script_writes_a_plugin_format_or_says_it_is_missing(run: tuple[str, Path], name: str, plugin: str) -> None:
    out, folder = run
    written = (folder / f"ombudsman-2024.{name}").exists()
    assert written == (name in hrplan.plugins.get_manager().exporters())
    assert written or f"the plugin {plugin} is not installed" in out


def test_script_rejects_a_bad_date() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "soon"], capture_output=True, text=True, check=False,
                          timeout=120)
    assert done.returncode == 2
    assert "'soon' is not a date" in done.stderr
