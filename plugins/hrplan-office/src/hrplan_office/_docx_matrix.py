"""The UPR implementation matrix as a Word document, in the shape of OHCHR's thematic lists.

One landscape table, its header repeated on every page, recommendations grouped
under ``Theme: ...`` rows that span the table. Each recommendation shows its
paragraph, text and recommending States (a voluntary pledge marked as such), the
source of the position, the position (with the source's own word where it
differs), its themes and affected persons, and an assessment column filled from
the program: the overall status and the status of each linked measure as of a
day, the events of the reporting period and the progress notes. The rows come
from :func:`hrplan_treaty_reports.upr_matrix`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, BinaryIO

import hrplan
from docx.document import Document
from hrplan.options import check_names
from hrplan_treaty_reports import MatrixRow, UprMatrixExporter, position_cell

from hrplan_office._docx_common import add_table, document, document_bytes, heading, new_row, set_widths, shade, text

__all__ = ["MATRIX_DOCX_OPTIONS", "NO_MEASURE", "UprMatrixDocxExporter", "matrix_document", "theme_groups"]

#: The options :meth:`UprMatrixDocxExporter.export` takes (those of ``upr-matrix`` but ``variant``).
MATRIX_DOCX_OPTIONS: tuple[str, ...] = ("as_of", "mechanism", "organisation", "period_end", "period_start")

#: What the assessment column says for a recommendation no measure implements.
NO_MEASURE = "No measure of the program implements this recommendation."

HEADER = ("Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation")
_WIDTHS = (9.0, 2.2, 6.0, 8.5)
_NO_THEME = "No theme given"
_OVERALL_COLOURS = {"no action": "F4C7B8", "overdue": "FBE3A6", "completed": "C9EBDD"}


def theme_groups(rows: list[MatrixRow]) -> list[tuple[str, list[MatrixRow]]]:
    """The rows grouped by each recommendation's first theme, themes in order (codes sort first), no theme last."""
    groups: dict[str, list[MatrixRow]] = {}
    for row in rows:
        themes = row.recommendation.themes
        groups.setdefault(themes[0] if themes else _NO_THEME, []).append(row)
    named = sorted((t for t in groups if t != _NO_THEME), key=str.casefold)
    return [(t, groups[t]) for t in [*named, *([_NO_THEME] if _NO_THEME in groups else [])]]


def _recommendation_cell(cell: Any, rec: hrplan.Recommendation) -> None:
    head = f"{rec.paragraph} " if rec.paragraph else ""
    states = " ".join(f"({s})" for s in rec.recommending_states)
    paragraph = cell.paragraphs[0]
    if rec.is_pledge:
        paragraph.add_run(text("Voluntary pledge: ")).italic = True
    if head:
        paragraph.add_run(text(head)).bold = True
    paragraph.add_run(text(rec.text + (f" {states}" if states else "")))
    where = rec.position_source
    if where is None and rec.symbol:
        where = f"{rec.symbol} - Para. {rec.paragraph}" if rec.paragraph else rec.symbol
    if where:
        cell.add_paragraph().add_run(text(f"Source of position: {where}")).italic = True


def _themes_cell(cell: Any, rec: hrplan.Recommendation) -> None:
    lines = list(rec.themes)
    if rec.affected_persons:
        lines += ["Affected persons:", *(f"- {p}" for p in rec.affected_persons)]
    if rec.sdgs:
        lines += ["SDGs:", *(f"- {n}" for n in rec.sdgs)]
    _lines(cell, lines)


def _lines(cell: Any, lines: list[str]) -> None:
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(text(line))


def assessment_lines(program: hrplan.Program, row: MatrixRow, as_of: date) -> list[str]:
    """The assessment of one recommendation: overall status, measures, events, progress notes."""
    if not row.actions and not row.events:
        return [NO_MEASURE]
    lines = [f"Status as of {as_of}: {row.status}."]
    for action in row.actions:
        lines.append(f"Measure {action}")
    for event in row.events:
        lines.append(f"Event {_event(event)}")
    for action in row.actions:
        for update in program.progress_of(action.measure):
            if update.date <= as_of:
                note = f": {update.note}" if update.note else ""
                lines.append(f"Progress on {action.measure}, {update.date}: {update.progress.value}{note}")
    return lines


def _event(event: hrplan.Event) -> str:
    dates = event.dates
    when = str(dates.start) if dates.start == dates.end else f"{dates.start} to {dates.end}"
    return f"{when}: {event.title} ({event.kind.value})"


def matrix_document(program: hrplan.Program, rows: list[MatrixRow], as_of: date, period: hrplan.DateSpan,
                    organisation: str | None = None) -> Document:  # fmt: skip
    """The matrix as a python-docx document."""
    doc = document(landscape=True)
    if organisation:
        doc.add_paragraph().add_run(text(organisation)).bold = True
    heading(doc, text(f"Implementation of UPR recommendations: {program.title}"), 1)
    done = sum(1 for r in rows if r.actions or r.events)
    doc.add_paragraph(text(
        f"{len(rows)} recommendation(s); {done} with measures or events of the program, {len(rows) - done} with "
        f"none. Status of the linked measures as of {as_of}; events from {period.start} to {period.end}."
    ))  # fmt: skip
    table = add_table(doc, HEADER)
    for theme, members in theme_groups(rows):
        cells = new_row(table)
        merged = cells[0].merge(cells[-1])
        merged.paragraphs[0].add_run(text(f"Theme: {theme}")).bold = True
        shade(merged, "EDEDED")
        for row in members:
            rec = row.recommendation
            cells = new_row(table)
            _recommendation_cell(cells[0], rec)
            position = position_cell(rec)
            if rec.position:
                word = rec.position.value
                position = word.replace("-", " ").capitalize() + position[len(word):]
            cells[1].paragraphs[0].add_run(text(position))
            _themes_cell(cells[2], rec)
            _lines(cells[3], assessment_lines(program, row, as_of))
            if row.status in _OVERALL_COLOURS:
                shade(cells[3], _OVERALL_COLOURS[row.status])
    set_widths(table, _WIDTHS)
    return doc


class UprMatrixDocxExporter:
    """Writes the UPR implementation matrix as a Word document grouped by theme."""

    name = "upr-matrix-docx"
    extensions = (".upr-matrix.docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description = "UPR implementation matrix (Word), grouped by theme as OHCHR's thematic lists, assessment filled"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the matrix as .docx.

        :param as_of: the day measures' statuses are judged on (default today).
        :param period_start: the first day of the reporting period for events (default 4.5 years before the end).
        :param period_end: its last day (default ``as_of``).
        :param mechanism: the recommendations kept: ``UPR`` (default), another mechanism, or ``all``.
        :param organisation: the issuing body, shown above the title.
        :raises hrplan.FormatError: for an unknown option or a bad value.
        """
        check_names(self.name, options, MATRIX_DOCX_OPTIONS)
        organisation = options.pop("organisation", None)
        _variant, rows, as_of, period = UprMatrixExporter().matrix(program, **options)
        doc = matrix_document(program, rows, as_of, period, None if organisation is None else str(organisation))
        fp.write(document_bytes(doc, f"UPR implementation matrix: {program.title}", f"status as of {as_of}"))
