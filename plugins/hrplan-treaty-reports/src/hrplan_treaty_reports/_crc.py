"""The skeleton of a CRC report, by cluster, and the ``crc-report`` exporter."""

from __future__ import annotations

from datetime import date
from typing import Any, BinaryIO

import attrs
import hrplan
from hrplan.monitoring import Snapshot, snapshot
from hrplan.options import as_date, check_names, choice

from hrplan_treaty_reports._clusters import CLUSTERS, Cluster, measure_clusters, recommendation_clusters
from hrplan_treaty_reports._common import events_in, institution_names, months_before, period_option
from hrplan_treaty_reports._text import DOCUMENTS, WORD_LIMITS, md, sentence, word_count

__all__ = [
    "CRC_OPTIONS",
    "REPORTS",
    "ClusterContent",
    "CrcReportExporter",
    "cluster_contents",
    "crc_body",
    "crc_report",
]

#: The options :meth:`CrcReportExporter.export` takes.
CRC_OPTIONS: tuple[str, ...] = ("as_of", "period_end", "period_start", "report")

#: The reporting period by default: the five years up to ``as_of`` (CRC art. 44(1)(b)).
CRC_PERIOD_MONTHS = 60

#: The report types and their word limits.
REPORTS: tuple[str, ...] = ("periodic", "initial")

_PLACEHOLDER = (
    "[Describe the developments in this cluster since the last report: legislation, policies, "
    "institutions, budget, data, and the difficulties met.]"
)


@attrs.frozen
class ClusterContent:
    """What a program holds for one cluster.

    :ivar cluster: the cluster.
    :ivar measures: its measures, depth-first in document order.
    :ivar events: the events in the period linked to those measures or recommendations, by date.
    :ivar recommendations: its recommendations, in program order.
    """

    cluster: Cluster
    measures: tuple[hrplan.Measure, ...]
    events: tuple[hrplan.Event, ...]
    recommendations: tuple[hrplan.Recommendation, ...]

    def __bool__(self) -> bool:
        return bool(self.measures or self.events or self.recommendations)


def cluster_contents(program: hrplan.Program, period: hrplan.DateSpan) -> list[ClusterContent]:
    """For each of the nine clusters, in order, the measures, events and recommendations that belong to it.

    Measures and recommendations belong by their tags (``docs/treaty-reports.md``);
    an event belongs when it is linked to one of them and overlaps ``period``.
    """
    measures: dict[str, list[hrplan.Measure]] = {c.key: [] for c in CLUSTERS}
    recommendations: dict[str, list[hrplan.Recommendation]] = {c.key: [] for c in CLUSTERS}
    for measure in program.iter_measures():
        for key in measure_clusters(measure):
            measures[key].append(measure)
    for rec in program.recommendations:
        for key in recommendation_clusters(rec):
            recommendations[key].append(rec)
    contents = []
    for c in CLUSTERS:
        events = events_in(
            program, period, measures=[m.id for m in measures[c.key]],
            recommendations=[r.id for r in recommendations[c.key]],
        )  # fmt: skip
        contents.append(ClusterContent(c, tuple(measures[c.key]), tuple(events), tuple(recommendations[c.key])))
    return contents


def _measure_paragraph(program: hrplan.Program, snap: Snapshot, measure: hrplan.Measure) -> str:
    names = institution_names(program, measure)
    limit = hrplan.effective_time_limit(measure, program)
    parts = [f"**Measure {measure.id}, {md(measure.title)}.**"]
    parts.append(f"Implementing institutions: {md('; '.join(names))}." if names else "No implementing institution.")
    if limit is not None:
        parts.append(f"Time-limit: {md(limit.text or str(limit))}.")
    parts.append(f"Status on {snap.as_of}: {snap.state(measure.id).rolled_up.value}.")
    parts.append("[Describe what was done, its results and the difficulties met.]")
    return " ".join(parts)


def _event_paragraph(program: hrplan.Program, event: hrplan.Event) -> str:
    dates = event.dates
    when = str(dates.start) if dates.start == dates.end else f"{dates.start} to {dates.end}"
    details = [event.kind.value]
    if event.participant_count is not None:
        details.append(f"{event.participant_count} participants")
    if event.organiser is not None:
        organiser = program.institutions.get(event.organiser)
        details.append(f"organised by {organiser.name if organiser else event.organiser}")
    if event.location:
        details.append(event.location)
    text = f"**Event of {when}: {md(event.title)}** ({md(', '.join(details))})."
    links = [f"measure {n}" for n in event.measures] + [f"recommendation {r}" for r in event.recommendations]
    if links:
        text += f" Follows up {md(', '.join(links))}."
    return text


def _rec_label(rec: hrplan.Recommendation) -> str:
    label = rec.mechanism
    if rec.symbol:
        label += f" {rec.symbol}"
    if rec.paragraph:
        label += f", para. {rec.paragraph}"
    return label


def _rec_paragraph(program: hrplan.Program, snap: Snapshot, rec: hrplan.Recommendation) -> str:
    about = [*rec.recommending_states]
    if rec.position is not None:
        about.append(rec.position.value)
    head = f"**Recommendation {md(_rec_label(rec))}**"
    if about:
        head += f" ({md('; '.join(about))})"
    follow = []
    for number in rec.measures:
        if program.find_measure(number) is None:
            follow.append(f"measure {number} (not in the program)")
        else:
            follow.append(f"measure {number} ({snap.state(number).rolled_up.value})")
    text = f"{head}: {md(sentence(rec.text))}"
    text += f" Follow-up: {md('; '.join(follow))}." if follow else " Follow-up: no measure linked yet."
    return text


def crc_report(
    program: hrplan.Program,
    as_of: date,
    *,
    period: hrplan.DateSpan | None = None,
    report: str = "periodic",
) -> str:
    """The skeleton of a CRC report (Markdown), cluster by cluster, with numbered paragraphs.

    Each cluster opens with a placeholder paragraph to write, then one numbered
    paragraph per measure (implementers, time-limit, status on ``as_of``), per
    event in ``period`` and per recommendation that belongs to it. Paragraphs
    are numbered across the whole report. The last line gives the word count
    against the limit of the report type (``periodic``: 21,200; ``initial``: 31,800).

    :param period: the reporting period events must overlap (default: the five years up to ``as_of``).
    :param report: ``periodic`` or ``initial``.
    :raises ValueError: for another report type.
    """
    body = crc_body(program, as_of, period=period, report=report)
    limit = WORD_LIMITS[report]
    count = word_count(body)
    verdict = f"{limit - count:,} words left" if count <= limit else f"{count - limit:,} words over the limit"
    article = "an" if DOCUMENTS[report][0] in "aeiou" else "a"
    footer = f"Word count: {count:,} words (limit for {article} {DOCUMENTS[report]}: {limit:,}; {verdict})."
    return f"{body}\n---\n\n{footer}\n"


def crc_body(
    program: hrplan.Program,
    as_of: date,
    *,
    period: hrplan.DateSpan | None = None,
    report: str = "periodic",
) -> str:
    """:func:`crc_report` without its last line, the word count: the text the word limit applies to."""
    if report not in REPORTS:
        raise ValueError(f"report must be one of {', '.join(REPORTS)}, got {report!r}")
    span = period or hrplan.DateSpan(months_before(as_of, CRC_PERIOD_MONTHS), as_of)
    snap = snapshot(program, as_of)
    state = program.country or "the State party"
    lines = [
        f"# Convention on the Rights of the Child: {report} report of {md(state)}",
        "",
        md(
            f"Skeleton generated by hrplan from the program \"{program.title}\" ({program.id}), following the "
            f"clusters of the reporting guidelines (CRC/C/58/Rev.3). Status of measures as of {as_of}; events "
            f"from {span.start} to {span.end}. Replace the bracketed placeholders with the State's account."
        ),
    ]
    number = 0
    for content in cluster_contents(program, span):
        lines += ["", f"## {content.cluster.heading()}", ""]
        paragraphs = [_PLACEHOLDER]
        paragraphs += [_measure_paragraph(program, snap, m) for m in content.measures]
        paragraphs += [_event_paragraph(program, e) for e in content.events]
        paragraphs += [_rec_paragraph(program, snap, r) for r in content.recommendations]
        for paragraph in paragraphs:
            number += 1
            lines.append(f"{number}. {paragraph}")
        if not content:
            lines += ["", "_No measure, event or recommendation of the program is tagged for this cluster._"]
    return "\n".join(lines) + "\n"


class CrcReportExporter:
    """Writes the skeleton of a CRC report, cluster by cluster (Markdown)."""

    name: str = "crc-report"
    extensions: tuple[str, ...] = (".crc-report.md",)
    media_type: str = "text/markdown"
    description: str = "Skeleton of a CRC periodic report by cluster (CRC/C/58/Rev.3), with the word count"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the report skeleton as Markdown (UTF-8).

        :param as_of: the day measures' statuses are judged on (default today).
        :param period_start: the first day of the reporting period for events
            (default: five years before ``period_end``).
        :param period_end: its last day (default ``as_of``).
        :param report: ``periodic`` (default, limit 21,200 words) or ``initial`` (31,800).
        :raises hrplan.FormatError: for an unknown option or a bad value.
        """
        check_names(self.name, options, CRC_OPTIONS)
        as_of = as_date(self.name, "as_of", options.get("as_of"))
        period = period_option(self.name, options, as_of, CRC_PERIOD_MONTHS)
        report = choice(self.name, "report", options.get("report", "periodic"), REPORTS)
        fp.write(crc_report(program, as_of, period=period, report=report).encode("utf-8"))
