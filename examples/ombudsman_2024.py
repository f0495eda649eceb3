"""Follow the Ombudsman's 2024 legal-awareness work against the 2012 program.

Loads the bundled 2012 program, adds the Ombudsman's two yearly campaigns, reads
the events spreadsheet, then prints the campaign months of the year with the
events held in each, where the measures those events serve stand, and the
Ombudsman's workload. Writes the merged plan as JSON and, when their plugins are
installed, as HTML and iCalendar.

Usage::

    python examples/ombudsman_2024.py [AS_OF] [OUT_DIR]   # defaults: 2024-12-31, ./out
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import attrs

import hrplan
from hrplan.builtins.events_csv import read_events
from hrplan.convert import make_converter
from hrplan.monitoring import Snapshot, campaign_events, occurrences, snapshot
from hrplan.plugins import get_manager

DATA = Path(__file__).parent / "data"
PROGRAM = DATA / "az-2012.json"
CAMPAIGNS = DATA / "ombudsman-2024-campaigns.json"
EVENTS = DATA / "ombudsman-2024.events.csv"
NAME = "ombudsman-2024"
ORGANISER = "ombudsman"
#: The HTML report's own title and issuing body: it reports on the Ombudsman's year, not the whole program.
REPORT = {"html": {"title": "The Ombudsman's legal-awareness work in 2024", "organisation": "Commissioner for Human "
                   "Rights (Ombudsman) of the Republic of Azerbaijan"}}
#: The optional exporters, by format name, with the plugin that provides each.
PLUGINS = {"html": "hrplan-html", "ics": "hrplan-ical"}


def load_campaigns(path: Path = CAMPAIGNS) -> tuple[hrplan.Campaign, ...]:
    """Read the campaigns file: a JSON list of campaigns as in the hrplan JSON format."""
    converter = make_converter()
    return tuple(converter.structure(item, hrplan.Campaign) for item in json.loads(path.read_text("utf-8")))


def load_program() -> hrplan.Program:
    """The 2012 program with the campaigns added and the events merged in."""
    program = hrplan.read(PROGRAM)
    program = attrs.evolve(program, campaigns=(*program.campaigns, *load_campaigns()))
    imported = read_events(EVENTS, program)
    print(f"Read {len(imported.events)} event(s) from {EVENTS.name}: {len(imported.findings)} finding(s)")
    for finding in imported.findings:
        print(f"  {finding}")
    return imported.merged_into(program)


def print_campaigns(program: hrplan.Program, year: int) -> None:
    """Each campaign's occurrence in ``year`` and the events held inside it."""
    print(f"\nCampaigns in {year}")
    for campaign in program.campaigns:
        for span in occurrences(campaign, date(year, 1, 1), date(year, 12, 31)):
            print(f"  {campaign.id}: {span.start}..{span.end}  {campaign.title}")
            for event in campaign_events(program, campaign, span):
                print(f"    {describe(event)}")


def describe(event: hrplan.Event) -> str:
    """One line for an event: its dates, kind and title."""
    dates = event.dates
    when = str(dates.start) if dates.start == dates.end else f"{dates.start}..{dates.end}"
    return f"{when:<22} {event.kind.value:<17} {event.title}"


def print_measures(program: hrplan.Program, as_of: date) -> None:
    """Totals by status, then each measure with events in the year of ``as_of``."""
    snap = snapshot(program, as_of)
    print(f"\nStatus as of {as_of}: {len(snap.measures)} measures")
    for status, count in snap.totals().items():
        print(f"  {status.value:<16} {count:3d}")
    print(f"\nMeasures with events in {as_of.year}")
    for state in snap.measures:
        events = [event for event in state.events if event.dates.start.year == as_of.year]
        if events:
            print(f"  {state.measure.id!s:<6} {state.status.value:<16} {state.measure.title}")
            for event in events:
                print(f"         {describe(event)}")
    print_workload(program, snap)


def print_workload(program: hrplan.Program, snap: Snapshot) -> None:
    """How many measures the organiser implements, by status."""
    counts = snap.by_institution()[ORGANISER]
    shown = ", ".join(f"{count} {status.value}" for status, count in counts.items() if count)
    name = program.institutions[ORGANISER].name
    print(f"\nWorkload of {name}: {sum(counts.values())} measures ({shown})")


def export(program: hrplan.Program, out: Path, as_of: date) -> None:
    """Write the merged plan as JSON, and as HTML and iCalendar if those plugins are installed."""
    out.mkdir(parents=True, exist_ok=True)
    print(f"\nWriting to {out}/")
    exporters = get_manager().exporters()
    for name in PLUGINS:
        if name in exporters:
            target = out / f"{NAME}.{name}"
            hrplan.export(program, target, format=name, as_of=as_of, **REPORT.get(name, {}))
            print(f"  {name:<5} {target}")
        else:
            print(f"  {name:<5} skipped: the plugin {PLUGINS[name]} is not installed")
    target = out / f"{NAME}.json"
    hrplan.write(program, target)
    print(f"  json  {target}")


def main(argv: list[str]) -> int:
    """Print the campaign, measure and workload summaries, then write the files."""
    try:
        as_of = date.fromisoformat(argv[0]) if argv else date(2024, 12, 31)
    except ValueError:
        print(f"usage: ombudsman_2024.py [YYYY-MM-DD] [OUT_DIR]; {argv[0]!r} is not a date", file=sys.stderr)
        return 2
    out = Path(argv[1] if len(argv) > 1 else "out")
    program = load_program()
    print(f"{len(program.events)} event(s) linked to {program.title}")
    print_campaigns(program, as_of.year)
    print_measures(program, as_of)
    export(program, out, as_of)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
