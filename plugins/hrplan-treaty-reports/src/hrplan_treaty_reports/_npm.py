"""The skeleton of an OPCAT national preventive mechanism's annual report, and the ``npm-annual`` exporter."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, BinaryIO

import hrplan
from hrplan.monitoring import Snapshot, snapshot
from hrplan.options import as_date, check_names

from hrplan_treaty_reports._text import md, sentence, word_count

__all__ = [
    "ACTIVITY_LABELS",
    "NPM_MECHANISMS",
    "NPM_OPTIONS",
    "NpmAnnualExporter",
    "activity_counts",
    "npm_annual",
    "npm_body",
    "npm_measures",
    "npm_recommendations",
    "year_events",
]

#: The options :meth:`NpmAnnualExporter.export` takes.
NPM_OPTIONS: tuple[str, ...] = ("as_of", "organiser", "year")

#: The mechanisms whose recommendations an NPM follows up (besides those tagged ``opcat``).
NPM_MECHANISMS: frozenset[str] = frozenset({"SPT", "CAT"})

#: Each kind of event and how the report names it, in the order of the activities table.
ACTIVITY_LABELS: Mapping[hrplan.EventKind, str] = hrplan.FrozenMap(
    {
        hrplan.EventKind.VISIT: "Visits to places of deprivation of liberty",
        hrplan.EventKind.TRAINING: "Trainings",
        hrplan.EventKind.CAMPAIGN_ACTIVITY: "Awareness activities",
        hrplan.EventKind.MEETING: "Meetings",
        hrplan.EventKind.CONFERENCE: "Conferences",
        hrplan.EventKind.PUBLIC_HEARING: "Public hearings",
        hrplan.EventKind.PUBLICATION: "Publications",
        hrplan.EventKind.OTHER: "Other activities",
    }
)


def _tagged_opcat(values: tuple[str, ...]) -> bool:
    return any(v.strip().upper() == "OPCAT" for v in values)


def npm_measures(program: hrplan.Program) -> list[hrplan.Measure]:
    """The measures on the prevention of torture: tagged ``OPCAT`` (treaties or themes), in document order."""
    return [m for m in program.iter_measures() if _tagged_opcat(m.tags.treaties) or _tagged_opcat(m.tags.themes)]


def npm_recommendations(program: hrplan.Program) -> list[hrplan.Recommendation]:
    """The recommendations of the SPT or CAT, or tagged ``opcat`` in their themes, in program order."""
    return [
        r for r in program.recommendations
        if r.mechanism.strip().upper() in NPM_MECHANISMS or _tagged_opcat(r.themes)
    ]  # fmt: skip


def year_events(program: hrplan.Program, year: int, organiser: str | None = None) -> list[hrplan.Event]:
    """The events that overlap ``year``, by date; with ``organiser``, only those it organised or joined."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    found = [
        e for e in program.events
        if e.dates.start <= last and e.dates.end >= first
        and (organiser is None or e.organiser == organiser or organiser in e.participants)
    ]  # fmt: skip
    return sorted(found, key=lambda e: (e.dates.start, e.dates.end))


def activity_counts(events: list[hrplan.Event]) -> dict[hrplan.EventKind, int]:
    """How many events of each kind; every kind is a key, in :data:`ACTIVITY_LABELS` order."""
    counts = dict.fromkeys(ACTIVITY_LABELS, 0)
    for event in events:
        counts[event.kind] += 1
    return counts


def _event_item(program: hrplan.Program, event: hrplan.Event) -> str:
    dates = event.dates
    when = str(dates.start) if dates.start == dates.end else f"{dates.start} to {dates.end}"
    details = []
    if event.location:
        details.append(event.location)
    if event.audiences:
        details.append("for " + ", ".join(event.audiences))
    if event.participant_count is not None:
        details.append(f"{event.participant_count} participants")
    if event.organiser is not None:
        organiser = program.institutions.get(event.organiser)
        details.append(f"organised by {organiser.name if organiser else event.organiser}")
    text = f"- {when}: {md(event.title)}"
    return text + (f" ({md('; '.join(details))})" if details else "")


def _follow_up(program: hrplan.Program, snap: Snapshot, rec: hrplan.Recommendation, year: int) -> str:
    parts = []
    for number in rec.measures:
        if program.find_measure(number) is None:
            parts.append(f"measure {number} (not in the program)")
        else:
            parts.append(f"measure {number} ({snap.state(number).rolled_up.value})")
    linked = set(rec.measures)
    held = [
        e for e in year_events(program, year)
        if rec.id in e.recommendations or linked.intersection(e.measures)
    ]  # fmt: skip
    text = f"Follow-up: {md('; '.join(parts))}" if parts else "Follow-up: no measure linked yet"
    return text + f"; {len(held)} event(s) in {year}." if held else text + "."


def npm_body(program: hrplan.Program, year: int, as_of: date, *, organiser: str | None = None) -> str:
    """:func:`npm_annual` without its last line, the word count."""
    snap = snapshot(program, as_of)
    events = year_events(program, year, organiser)
    counts = activity_counts(events)
    who = program.institutions.get(organiser) if organiser else None
    lines = [
        f"# National preventive mechanism: annual report {year}",
        "",
        md(
            f"Skeleton generated by hrplan from the program \"{program.title}\" ({program.id}): the activities of "
            f"{year} from its events"
            + (f" organised or joined by {who.name if who else organiser}" if organiser else "")
            + f", and the follow-up of recommendations as of {as_of}. Replace the bracketed placeholders."
        ),
        "",
        "## 1. Mandate",
        "",
        "[The legal basis of the designation as national preventive mechanism (OPCAT art. 17), its "
        "independence, powers and access to places of deprivation of liberty (arts. 19 and 20).]",
    ]
    measures = npm_measures(program)
    if measures:
        lines += ["", "Measures of the program on the prevention of torture:", ""]
        lines += [f"- {m.id} {md(m.title)}: {snap.state(m.id).rolled_up.value}" for m in measures]
    lines += [
        "",
        "## 2. Working methods",
        "",
        "[How places are chosen and visited (announced or unannounced), private interviews, cooperation with "
        "civil society and experts, how findings are reported to the authorities.]",
        "",
        "## 3. Resources",
        "",
        "[Staff, budget and expertise (OPCAT art. 18).]",
        "",
        f"## 4. Activities in {year}",
        "",
        "| Activity | Number |",
        "| --- | ---: |",
        *(f"| {label} | {counts[kind]} |" for kind, label in ACTIVITY_LABELS.items()),
        f"| **Total** | **{len(events)}** |",
    ]
    for kind, label in ACTIVITY_LABELS.items():
        held = [e for e in events if e.kind is kind]
        if held:
            lines += ["", f"### {label}", ""]
            lines += [_event_item(program, e) for e in held]
    if not events:
        lines += ["", f"_The program records no event in {year}._"]
    lines += [
        "",
        "## 5. Key findings",
        "",
        "[The main problems found during the visits: conditions of detention, treatment, safeguards.]",
        "",
        "## 6. Recommendations and their follow-up",
        "",
    ]
    recs = npm_recommendations(program)
    for i, rec in enumerate(recs, start=1):
        label = rec.mechanism + (f" {rec.symbol}" if rec.symbol else "") + (
            f", para. {rec.paragraph}" if rec.paragraph else "")
        position = f" ({rec.position.value})" if rec.position is not None else ""
        follow = _follow_up(program, snap, rec, year)
        lines.append(f"{i}. **{md(label)}**{position}: {md(sentence(rec.text))} {follow}")
    if not recs:
        lines.append("_The program records no recommendation of the SPT or CAT, or tagged opcat._")
    lines += [
        "",
        "[The authorities' follow-up of the mechanism's own recommendations, and the dialogue with them.]",
    ]
    return "\n".join(lines) + "\n"


def npm_annual(program: hrplan.Program, year: int, as_of: date, *, organiser: str | None = None) -> str:
    """The skeleton of an OPCAT NPM annual report (Markdown) for ``year``.

    Mandate (with the measures tagged ``OPCAT``), working methods and resources
    (placeholders), the activities of ``year`` from the program's events (counts
    by kind, then each event), key findings (a placeholder), and the
    recommendations of the SPT or CAT, or tagged ``opcat``, with the status on
    ``as_of`` of the measures linked to them. The last line gives the word count
    (an NPM annual report has no UN word limit).

    :param organiser: count only the events this institution id organised or took part in.
    """
    body = npm_body(program, year, as_of, organiser=organiser)
    return f"{body}\n---\n\nWord count: {word_count(body):,} words.\n"


def _year(value: object, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdecimal():
        number = int(value.strip())
    else:
        raise hrplan.FormatError(f"npm-annual: option 'year' must be a year such as 2012, got {value!r}")
    if not 1900 <= number <= 2100:
        raise hrplan.FormatError(f"npm-annual: option 'year' must be a year from 1900 to 2100, got {value!r}")
    return number


class NpmAnnualExporter:
    """Writes the skeleton of an OPCAT NPM annual report for a year (Markdown)."""

    name: str = "npm-annual"
    extensions: tuple[str, ...] = (".npm-annual.md",)
    media_type: str = "text/markdown"
    description: str = "Skeleton of an OPCAT NPM annual report: activities of a year, recommendations and follow-up"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the report skeleton as Markdown (UTF-8).

        :param year: the year reported on (default: the year of ``as_of``).
        :param as_of: the day the follow-up is judged on (default today).
        :param organiser: an institution id: count only the events it organised or joined (default all).
        :raises hrplan.FormatError: for an unknown option or a bad value.
        """
        check_names(self.name, options, NPM_OPTIONS)
        as_of = as_date(self.name, "as_of", options.get("as_of"))
        year = _year(options.get("year"), as_of.year)
        organiser = options.get("organiser")
        if organiser is not None and (not isinstance(organiser, str) or organiser not in program.institutions):
            raise hrplan.FormatError(
                f"{self.name}: option 'organiser' must be the id of an institution of the program, got {organiser!r}"
            )
        fp.write(npm_annual(program, year, as_of, organiser=organiser).encode("utf-8"))
