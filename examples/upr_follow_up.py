"""Follow Azerbaijan's 2013 UPR recommendations with the 2012 National Program.

Imports the recommendations made to Azerbaijan at its 2013 Universal Periodic
Review from the UPR dataset in ``../shared`` (the ``upr-csv`` importer: Mac Roman,
CR line endings, one row per recommending State), attaches them to the bundled
2012 program, links some of them to the measures that implement them, prints a
summary, prints Azerbaijan's reporting calendar to the treaty bodies and the UPR
(``hrplan.treaties`` on ``examples/data/az-ratifications.json``; written as
iCalendar by the ``hrplan-ical`` plugin) and writes the
UPR follow-up matrix (``upr-matrix`` exporter of the ``hrplan-treaty-reports``
plugin) as CSV and Markdown.

When the dataset is absent, a few of those recommendations written below are
used instead, so the example still runs.

Usage::

    python examples/upr_follow_up.py [OUT_DIR] [AS_OF]   # defaults: ./out, 2015-12-31
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import attrs

import hrplan
from hrplan import treaties
from hrplan.plugins import get_manager

ROOT = Path(__file__).resolve().parent.parent
PROGRAM = ROOT / "examples" / "data" / "az-2012.json"
RATIFICATIONS = ROOT / "examples" / "data" / "az-ratifications.json"
DATASET = ROOT.parent / "shared" / "datasets" / "upr-recommendations" / "upr-2013.csv"
STATE = "azerbaijan"
#: A mid-term report is due about half-way through the 4.5-year cycle: the end of 2015.
AS_OF = date(2015, 12, 31)

#: Which measures of the 2012 program implement which 2013 recommendations (by paragraph),
#: chosen by reading the recommendations' texts.
LINKS: dict[str, tuple[str, ...]] = {
    "109.31": ("4.2",),  # Ombudsman as national preventive mechanism (OPCAT)
    "109.70": ("4.2",),  # more powers for the national preventive mechanism
    "109.71": ("3.1",),  # a law on independent investigation of torture
    "109.72": ("3.1", "4.1"),  # eradicate ill-treatment and torture in detention
    "109.73": ("3.1",),  # investigate all allegations of torture
    "109.75": ("3.1", "4.1"),  # mechanisms for prompt and impartial investigations
    "109.48": ("2.17", "2.18"),  # protect the rights of children
    "109.49": ("2.18",),  # safeguard and advance the rights of children
    "109.60": ("2.14", "2.15"),  # combat domestic violence
    "109.83": ("2.14", "2.15"),  # implement the law on domestic violence
    "109.126": ("1.2.7",),  # reform the defamation legislation
    "109.129": ("1.2.7",),  # abolish criminal liability for defamation
    "109.94": ("2.10", "2.11"),  # prison conditions
}

#: Themes for the linked recommendations (the matrix shows them; crc: tags place them in the CRC report).
THEMES: dict[str, tuple[str, ...]] = {
    "109.31": ("torture", "opcat"),
    "109.70": ("torture", "opcat"),
    "109.71": ("torture",),
    "109.72": ("torture", "detention"),
    "109.73": ("torture",),
    "109.75": ("torture", "detention"),
    "109.48": ("children", "crc:general-measures"),
    "109.49": ("children", "crc:special-protection"),
    "109.60": ("women", "violence"),
    "109.83": ("women", "violence"),
    "109.126": ("expression", "media"),
    "109.129": ("expression", "media"),
    "109.94": ("detention",),
}


def fallback_recommendations() -> tuple[hrplan.Recommendation, ...]:
    """A few of the 2013 recommendations, written out, for when the dataset is absent."""

    def rec(paragraph: str, text: str, *states: str) -> hrplan.Recommendation:
        return hrplan.Recommendation(
            id=f"upr-azerbaijan-2013-{paragraph}", mechanism="UPR", text=text, cycle="2", year=2013,
            paragraph=paragraph, recommending_states=states, position=hrplan.Position.PENDING,
        )  # fmt: skip

    return (
        rec("109.3", "Ratify CPED", "Brazil", "Chile"),
        rec("109.31", "Enhance the role of the Ombudsman and take measures providing for the effective "
            "implementation of its functions as a national preventive mechanism in accordance with the "
            "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading "
            "Treatment or Punishment", "Bulgaria"),
        rec("109.73", "Ensure that all allegations of torture are effectively and impartially investigated "
            "and ensure that perpetrators are punished accordingly", "Costa Rica"),
        rec("109.48", "Pursue the implementation of effective legal and practical measures to protect the "
            "rights of children", "Serbia"),
        rec("109.83", "Take further measures to develop an effective implementation and monitoring mechanism "
            "for the law on domestic violence, especially to grant access to justice for women victims of "
            "violence and guarantee their protection", "Italy"),
        rec("109.126", "Reform its defamation legislation in conformity with article 19 of the International "
            "Covenant on Civil and Political Rights (ICCPR), investigate all incidents of intimidation and "
            "violence against journalists and bring perpetrators to justice", "Austria"),
    )


def load_program() -> hrplan.Program:
    """The 2012 program with the 2013 UPR recommendations to Azerbaijan attached."""
    program = hrplan.read(PROGRAM)
    if DATASET.is_file():
        result = hrplan.load(DATASET, format="upr-csv", state=STATE, program=program)
        print(f"Imported {DATASET.name}: {len(result.program.recommendations)} recommendation(s) to Azerbaijan")
        for finding in result.findings:
            print(f"  {finding}")
        return result.program
    print(f"The UPR dataset is absent ({DATASET}); using {len(fallback_recommendations())} recommendations "
          f"written in this example instead.")
    return attrs.evolve(program, recommendations=(*program.recommendations, *fallback_recommendations()))


def link(program: hrplan.Program) -> hrplan.Program:
    """The program with the recommendations of :data:`LINKS` linked to their measures and themed."""
    linked = []
    for rec in program.recommendations:
        paragraph = rec.paragraph or ""
        if rec.mechanism == "UPR" and paragraph in LINKS:
            rec = attrs.evolve(rec, measures=LINKS[paragraph], themes=THEMES.get(paragraph, rec.themes))
        linked.append(rec)
    return attrs.evolve(program, recommendations=tuple(linked))


def print_summary(program: hrplan.Program, as_of: date) -> None:
    """Recommendations by position, the linked ones with their status, the overall statuses."""
    recs = [r for r in program.recommendations if r.mechanism == "UPR"]
    positions = Counter(r.position.value if r.position else "unknown" for r in recs)
    states = Counter(state for r in recs for state in r.recommending_states)
    print(f"\n{len(recs)} UPR recommendation(s) from {len(states)} State(s); positions: "
          + ", ".join(f"{count} {name}" for name, count in positions.most_common()))
    print("Most active recommending States: " + ", ".join(f"{s} ({n})" for s, n in states.most_common(5)))
    if "upr-matrix" not in get_manager().exporters():
        return
    from hrplan_treaty_reports import upr_matrix

    rows = upr_matrix(program, as_of)
    print(f"\nLinked recommendations, status of their measures on {as_of}")
    for row in rows:
        if row.actions:
            rec = row.recommendation
            measures = ", ".join(f"{a.measure} ({a.status.value if a.status else '?'})" for a in row.actions)
            print(f"  {rec.paragraph:<8} {row.status:<12} {measures}")
            print(f"           {rec.text[:96]}{'...' if len(rec.text) > 96 else ''}")
    overall = Counter(row.status for row in rows)
    print("\nOverall: " + ", ".join(f"{count} {name}" for name, count in overall.most_common()))


def print_calendar(as_of: date, years: int = 3) -> None:
    """Print Azerbaijan's reports due to the treaty bodies, and UPR reviews, in the next years."""
    state = treaties.read_ratifications(RATIFICATIONS)
    until = date(as_of.year + years, 12, 31)
    reports = treaties.calendar(
        state.ratifications, until=until, overrides=state.overrides,
        upr_review=state.upr_review, upr_cycle=state.upr_cycle, cycle_from=state.cycle_from,
    )
    print(f"\nReporting calendar of {state.state}, {as_of} to {until} ({RATIFICATIONS.name}):")
    for report in treaties.due_between(reports, as_of, until):
        print(f"  {report.due}  {report.treaty:<7} {report.kind:<12} no. {report.number}  {report.basis}")


def write_matrix(program: hrplan.Program, out: Path, as_of: date) -> None:
    """Write the UPR matrix as CSV and Markdown, if the hrplan-treaty-reports plugin is installed."""
    if "upr-matrix" not in get_manager().exporters():
        print("\nThe UPR matrix needs the hrplan-treaty-reports plugin: "
              "pip install -e plugins/hrplan-treaty-reports")
        return
    out.mkdir(parents=True, exist_ok=True)
    print(f"\nWriting to {out}/")
    for variant, name in (("csv", "az-2013.upr-matrix.csv"), ("markdown", "az-2013.upr-matrix.md")):
        target = out / name
        hrplan.export(program, target, variant=variant, as_of=as_of)
        print(f"  {variant:<8} {target}")


def write_calendar(program: hrplan.Program, out: Path, as_of: date) -> None:
    """Write the reporting calendar as iCalendar, if the hrplan-ical plugin is installed."""
    if "ics" not in get_manager().exporters():
        print("\nThe calendar file needs the hrplan-ical plugin: pip install -e plugins/hrplan-ical")
        return
    target = out / "az-reporting-calendar.ics"
    until = date(as_of.year + 10, 12, 31)
    hrplan.export(program, target, include="reports", ratifications=str(RATIFICATIONS), as_of=as_of, until=until)
    print(f"  calendar {target}  (reports due to {until})")


def main(argv: list[str]) -> int:
    """Import, link, summarise, write."""
    out = Path(argv[0] if argv else "out")
    try:
        as_of = date.fromisoformat(argv[1]) if len(argv) > 1 else AS_OF
    except ValueError:
        print(f"usage: upr_follow_up.py [OUT_DIR] [YYYY-MM-DD]; {argv[1]!r} is not a date", file=sys.stderr)
        return 2
    program = link(load_program())
    print_summary(program, as_of)
    print_calendar(as_of)
    write_matrix(program, out, as_of)
    write_calendar(program, out, as_of)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
