"""The implementation report as a Word document (the ``docx`` exporter).

A title page with the issuing body, summary figures, a chapter-level timeline
(a table of years whose cells are shaded by the most urgent status of the
chapter's measures due in that year), a table of measures per chapter, the
overdue measures, and the provisions; ``Page N of M`` in every footer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO

import hrplan
from docx.document import Document
from docx.enum.text import WD_BREAK
from hrplan.monitoring import URGENCY, MeasureState, Snapshot, snapshot
from hrplan.options import as_date, check_names

from hrplan_office._docx_common import (
    STATUS_COLOURS,
    add_table,
    document,
    document_bytes,
    heading,
    new_row,
    set_widths,
    shade,
    text,
)

__all__ = ["REPORT_OPTIONS", "ReportDocxExporter", "measure_details", "report_document", "timeline_years"]

#: The options :meth:`ReportDocxExporter.export` takes.
REPORT_OPTIONS: tuple[str, ...] = ("as_of", "organisation", "title")

#: At most this many years are drawn in the timeline (the ones around the day of the report).
MAX_YEARS = 12

_MEASURE_HEADER = ("No.", "Measure", "Institutions", "Time-limit", "Status", "Days", "Events")
_MEASURE_WIDTHS = (1.5, 5.6, 3.6, 2.6, 2.2, 1.3, 1.2)


def _label(chapter: hrplan.Chapter) -> str:
    """``Chapter II: Title`` in one style, whatever the label's form."""
    return f"Chapter {chapter.label}: {chapter.title}"


def _institutions(program: hrplan.Program, measure: hrplan.Measure) -> str:
    names = []
    for implementer in measure.implementers:
        found = program.institutions.get(implementer.institution)
        name = found.name if found else implementer.institution
        names.append(name if implementer.role is hrplan.Role.LEAD else f"{name} ({implementer.role.value})")
    return "; ".join(names)


def _days(state: MeasureState) -> str:
    if state.days_left is None:
        return ""
    return f"{-state.days_left} days overdue" if state.days_left < 0 else f"{state.days_left} days left"


def _limit(state: MeasureState) -> str:
    limit = state.time_limit
    if limit is None:
        return "none"
    return limit.text or str(limit)


def timeline_years(snap: Snapshot) -> list[int]:
    """The years the timeline shows: those the measures' time-limits end in, at most :data:`MAX_YEARS`."""
    years = sorted({s.time_limit.end.year for s in snap.measures if s.time_limit and s.time_limit.end})
    if len(years) > MAX_YEARS:
        closest = sorted(years, key=lambda y: abs(y - snap.as_of.year))[:MAX_YEARS]
        years = sorted(closest)
    return years


def _worst(statuses: Iterable[hrplan.Status]) -> hrplan.Status | None:
    found = list(statuses)
    return min(found, key=URGENCY.index) if found else None


def _title_page(doc: Document, program: hrplan.Program, as_of: date, organisation: str | None, title: str) -> None:
    if organisation:
        doc.add_paragraph().add_run(text(organisation)).bold = True
    heading(doc, text(title), 0)
    doc.add_paragraph(text(f"Implementation report: status as of {as_of}"))
    facts = [f"Program: {program.id}"]
    if program.country:
        facts.append(f"Country: {program.country}")
    if program.adoption:
        facts.append(f"Adopted: {program.adoption.date} ({program.adoption.instrument})")
    if program.period:
        facts.append(f"Period: {program.period.text or program.period}")
    for fact in facts:
        doc.add_paragraph(text(fact))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _summary(doc: Document, snap: Snapshot) -> None:
    heading(doc, "Summary", 1)
    totals = snap.totals()
    count = len(snap.measures)
    program = snap.program
    doc.add_paragraph(text(
        f"{count} measure(s) in {len(program.chapters)} chapter(s); {len(snap.overdue())} overdue on {snap.as_of}; "
        f"{len(program.events)} event(s), {len(program.recommendations)} recommendation(s) followed up."
    ))  # fmt: skip
    table = add_table(doc, ("Status", "Measures", "Share"))
    for status in URGENCY:
        number = totals.get(status, 0)
        cells = new_row(table)
        cells[0].text = status.value
        cells[1].text = str(number)
        cells[2].text = f"{100 * number / count:.0f} %" if count else "-"
        shade(cells[0], STATUS_COLOURS[status.value])


def _timeline(doc: Document, snap: Snapshot) -> None:
    heading(doc, "Timeline by chapter", 1)
    years = timeline_years(snap)
    if not years:
        doc.add_paragraph("No measure has a time-limit with an end: nothing to place on a timeline.")
        return
    doc.add_paragraph(text(
        "Each cell counts the chapter's measures whose time-limit ends in that year, shaded by the most urgent "
        f"of their statuses on {snap.as_of} (legend below). The year of the report is marked with an arrow."
    ))  # fmt: skip
    table = add_table(doc, ("Chapter", *(f"{y} ▼" if y == snap.as_of.year else str(y) for y in years)))
    for chapter in snap.program.chapters:
        cells = new_row(table)
        cells[0].text = text(f"{chapter.label}. {chapter.title}")
        states = [s for s in snap.measures if s.chapter.number == chapter.number and s.time_limit and s.time_limit.end]
        for cell, year in zip(cells[1:], years, strict=True):
            due = [s for s in states if s.time_limit is not None and s.time_limit.end is not None
                   and s.time_limit.end.year == year]  # fmt: skip
            worst = _worst(s.status for s in due)
            if worst is not None:
                cell.text = str(len(due))
                shade(cell, STATUS_COLOURS[worst.value])
    set_widths(table, (5.0, *([12.0 / len(years)] * len(years))))
    legend = doc.add_table(rows=1, cols=len(URGENCY))
    for cell, status in zip(legend.rows[0].cells, URGENCY, strict=True):
        cell.text = status.value
        shade(cell, STATUS_COLOURS[status.value])


def measure_details(measure: hrplan.Measure) -> list[str]:
    """The lines shown under a measure's title: its expected results, funding and budget, those it has."""
    lines = []
    if measure.expected_results:
        lines.append("Expected results: " + "; ".join(measure.expected_results))
    if measure.funding is not None:
        lines.append(f"Funding: {measure.funding}")
    if measure.budget is not None:
        lines.append(f"Budget: {measure.budget}")
    return lines


def _chapters(doc: Document, snap: Snapshot) -> None:
    heading(doc, "Measures by chapter", 1)
    program = snap.program
    for chapter in program.chapters:
        heading(doc, text(_label(chapter)), 2)
        states = [s for s in snap.measures if s.chapter.number == chapter.number]
        if not states:
            doc.add_paragraph("This chapter has no measures" + (": see its provisions below." if any(
                p.chapter == chapter.number for p in program.provisions) else "."))  # fmt: skip
            continue
        table = add_table(doc, _MEASURE_HEADER)
        for state in states:
            cells = new_row(table)
            values = (str(state.measure.id), state.measure.title, _institutions(program, state.measure),
                      _limit(state), state.rolled_up.value, _days(state), str(len(state.events)))  # fmt: skip
            for cell, value in zip(cells, values, strict=True):
                cell.text = text(value)
            for line in measure_details(state.measure):
                cells[1].add_paragraph().add_run(text(line)).italic = True
            shade(cells[4], STATUS_COLOURS[state.rolled_up.value])
        set_widths(table, _MEASURE_WIDTHS)


def _overdue(doc: Document, snap: Snapshot) -> None:
    heading(doc, "Overdue measures", 1)
    late = sorted(snap.overdue(), key=lambda s: s.days_left or 0)
    if not late:
        doc.add_paragraph(f"No measure is overdue on {snap.as_of}.")
        return
    table = add_table(doc, ("No.", "Measure", "Institutions", "Time-limit", "Overdue by"))
    for state in late:
        cells = new_row(table)
        values = (str(state.measure.id), state.measure.title, _institutions(snap.program, state.measure),
                  _limit(state), f"{-(state.days_left or 0)} days")  # fmt: skip
        for cell, value in zip(cells, values, strict=True):
            cell.text = text(value)
    set_widths(table, (1.5, 6.5, 4.0, 3.0, 2.5))


def _provisions(doc: Document, program: hrplan.Program) -> None:
    heading(doc, "Provisions", 1)
    if not program.provisions:
        doc.add_paragraph("The program has no provisions besides its measures.")
        return
    chapters = {c.number: c for c in program.chapters}
    current: int | None = -1
    for provision in program.provisions:
        if provision.chapter != current:
            current = provision.chapter
            chapter = chapters.get(current) if current is not None else None
            heading(doc, text(_label(chapter) if chapter else "Outside the chapters"), 2)
        paragraph = doc.add_paragraph()
        paragraph.add_run(text(f"{provision.id} ")).bold = True
        paragraph.add_run(text(provision.text))


def report_document(program: hrplan.Program, as_of: date, *, organisation: str | None = None,
                    title: str | None = None) -> Document:  # fmt: skip
    """The implementation report of ``program`` on ``as_of`` as a python-docx document."""
    snap = snapshot(program, as_of)
    doc = document()
    _title_page(doc, program, as_of, organisation, title or program.title)
    _summary(doc, snap)
    _timeline(doc, snap)
    _overdue(doc, snap)
    _chapters(doc, snap)
    _provisions(doc, program)
    return doc


class ReportDocxExporter:
    """Writes the implementation report as a Word document."""

    name = "docx"
    extensions = (".docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description = "Implementation report (Word): summary, timeline by chapter, measures, overdue, provisions"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the report as .docx.

        :param as_of: the day statuses are judged on (default today).
        :param organisation: the issuing body, on the title page.
        :param title: the report's title (default: the program's title).
        :raises hrplan.FormatError: for an unknown option or a bad value.
        """
        check_names(self.name, options, REPORT_OPTIONS)
        as_of = as_date(self.name, "as_of", options.get("as_of"))
        organisation = options.get("organisation")
        title = options.get("title")
        doc = report_document(program, as_of, organisation=None if organisation is None else str(organisation),
                              title=None if title is None else str(title))  # fmt: skip
        fp.write(document_bytes(doc, title or program.title, f"implementation report, status as of {as_of}"))
