"""The UPR follow-up matrix: one row per recommendation, and the ``upr-matrix`` exporter."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO

import attrs
import hrplan
from hrplan.monitoring import snapshot
from hrplan.options import as_date, check_names, choice

from hrplan_treaty_reports._common import event_line, events_in, institution_names, months_before, period_option
from hrplan_treaty_reports._text import csv_bytes, md

__all__ = [
    "MATRIX_COLUMNS",
    "MATRIX_OPTIONS",
    "OVERALL_STATUSES",
    "PLEDGE_MARK",
    "Action",
    "MatrixRow",
    "UprMatrixExporter",
    "overall_status",
    "position_cell",
    "upr_matrix",
]

#: The overall statuses of a recommendation, from the least to the most done (see :func:`overall_status`).
OVERALL_STATUSES: tuple[str, ...] = ("no action", "not started", "overdue", "in progress", "completed")

#: The columns of the matrix, in order (CSV header; Markdown and HTML show them capitalised).
MATRIX_COLUMNS: tuple[str, ...] = (
    "id", "paragraph", "recommendation", "recommending_states", "position", "themes",
    "responsible_institutions", "actions", "status", "assessment",
)  # fmt: skip

#: What the recommendation cell starts with for a voluntary pledge of the State itself.
PLEDGE_MARK = "Voluntary pledge: "

#: The options :meth:`UprMatrixExporter.export` takes.
MATRIX_OPTIONS: tuple[str, ...] = ("as_of", "mechanism", "period_end", "period_start", "variant")

#: The reporting period by default: the last 4.5 years (a UPR cycle) up to ``as_of``.
UPR_PERIOD_MONTHS = 54

_CLOSED = frozenset({hrplan.Status.COMPLETED, hrplan.Status.COMPLETED_LATE})


@attrs.frozen
class Action:
    """A measure linked to a recommendation, and where it stands.

    :ivar measure: its number.
    :ivar title: its title (empty when the program has no such measure).
    :ivar status: its status on the day, sub-measures included; ``None`` when
        the program has no such measure (a broken link in a lenient program).
    """

    measure: hrplan.MeasureId
    title: str
    status: hrplan.Status | None

    def __str__(self) -> str:
        if self.status is None:
            return f"{self.measure} (not in the program)"
        return f"{self.measure} {self.title}: {self.status.value}"


@attrs.frozen
class MatrixRow:
    """One recommendation in the follow-up matrix.

    :ivar recommendation: the recommendation.
    :ivar institutions: the names of the institutions that implement its linked measures.
    :ivar actions: its linked measures, in the order it lists them.
    :ivar events: the events in the reporting period linked to those measures or to it.
    :ivar status: its overall status (:func:`overall_status`).
    """

    recommendation: hrplan.Recommendation
    institutions: tuple[str, ...]
    actions: tuple[Action, ...]
    events: tuple[hrplan.Event, ...]
    status: str

    def action_lines(self) -> list[str]:
        """The actions, then the events, one line each."""
        return [str(action) for action in self.actions] + [event_line(event) for event in self.events]

    def cells(self) -> dict[str, str]:
        """The row as text, by column (lists joined with ``"; "``, actions one per line)."""
        rec = self.recommendation
        return {
            "id": rec.id,
            "paragraph": rec.paragraph or "",
            "recommendation": f"{PLEDGE_MARK}{rec.text}" if rec.is_pledge else rec.text,
            "recommending_states": "; ".join(rec.recommending_states),
            "position": position_cell(rec),
            "themes": "; ".join(rec.themes),
            "responsible_institutions": "; ".join(self.institutions),
            "actions": "\n".join(self.action_lines()),
            "status": self.status,
            "assessment": "",
        }


def position_cell(rec: hrplan.Recommendation) -> str:
    """The position, with the source's own word after it where that word says something else.

    ``supported (as written: Accepted)``; the word alone when no position was read from it.
    """
    if rec.position is None:
        return rec.position_text or ""
    word = rec.position_text
    plain = rec.position.value.replace("-", " ")
    if word is None or word.strip().casefold() in (rec.position.value, plain):
        return rec.position.value
    return f"{rec.position.value} (as written: {word})"


def overall_status(actions: Iterable[Action], events: Iterable[hrplan.Event] = ()) -> str:
    """The overall status of a recommendation from its linked measures' statuses.

    - ``no action``: no linked measure in the program and no event in the period;
    - ``completed``: every linked measure is completed (on time or late);
    - ``not started``: every linked measure is not started, and no event in the period;
    - ``overdue``: some linked measure is overdue;
    - ``in progress``: anything else (under way, due soon, ongoing, partly
      completed, or events without a linked measure).
    """
    statuses = [a.status for a in actions if a.status is not None]
    held = any(True for _ in events)
    if not statuses:
        return "in progress" if held else "no action"
    if all(s in _CLOSED for s in statuses):
        return "completed"
    if all(s is hrplan.Status.NOT_STARTED for s in statuses) and not held:
        return "not started"
    if hrplan.Status.OVERDUE in statuses:
        return "overdue"
    return "in progress"


def _wanted(rec: hrplan.Recommendation, mechanism: str) -> bool:
    return mechanism == "all" or rec.mechanism.strip().casefold() == mechanism.casefold()


def upr_matrix(
    program: hrplan.Program,
    as_of: date,
    *,
    period: hrplan.DateSpan | None = None,
    mechanism: str = "UPR",
) -> list[MatrixRow]:
    """The follow-up matrix of ``program``'s recommendations, in program order.

    :param as_of: the day the linked measures' statuses are judged on.
    :param period: the reporting period events must overlap (default: the 4.5
        years up to ``as_of``).
    :param mechanism: keep the recommendations of this mechanism (case-insensitive;
        ``"all"`` keeps every one).
    """
    span = period or hrplan.DateSpan(months_before(as_of, UPR_PERIOD_MONTHS), as_of)
    snap = snapshot(program, as_of)
    rows = []
    for rec in program.recommendations:
        if not _wanted(rec, mechanism):
            continue
        actions: list[Action] = []
        names: dict[str, None] = {}
        for number in rec.measures:
            measure = program.find_measure(number)
            if measure is None:
                actions.append(Action(number, "", None))
                continue
            actions.append(Action(number, measure.title, snap.state(number).rolled_up))
            names.update(dict.fromkeys(institution_names(program, measure)))
        linked = [a.measure for a in actions if a.status is not None]
        events = events_in(program, span, measures=linked, recommendations=(rec.id,))
        rows.append(MatrixRow(rec, tuple(names), tuple(actions), tuple(events), overall_status(actions, events)))
    return rows


_TITLES = {
    "id": "Id",
    "paragraph": "Paragraph",
    "recommendation": "Recommendation",
    "recommending_states": "Recommending States",
    "position": "Position",
    "themes": "Themes",
    "responsible_institutions": "Responsible institutions",
    "actions": "Actions",
    "status": "Status",
    "assessment": "Assessment",
}

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td ul { margin: 0; padding-left: 1.1rem; }
.status-overdue { background: #fde2e1; }
.status-completed { background: #e3f4e1; }
.status-no-action { background: #f4f4f4; }
""".strip()


class UprMatrixExporter:
    """Writes the UPR follow-up matrix as CSV, Markdown or a self-contained HTML page."""

    name: str = "upr-matrix"
    extensions: tuple[str, ...] = (".upr-matrix.csv", ".upr-matrix.md", ".upr-matrix.html")
    media_type: str = "text/csv"
    description: str = "UPR follow-up matrix: recommendation, States, position, institutions, actions, status"

    def matrix(self, program: hrplan.Program, **options: Any) -> tuple[str, list[MatrixRow], date, hrplan.DateSpan]:
        """The variant, the rows, the day and the period :meth:`export` uses (every option checked first)."""
        check_names(self.name, options, MATRIX_OPTIONS)
        variant = choice(self.name, "variant", options.get("variant", "csv"), ("csv", "markdown", "html"))
        as_of = as_date(self.name, "as_of", options.get("as_of"))
        period = period_option(self.name, options, as_of, UPR_PERIOD_MONTHS)
        mechanism = options.get("mechanism", "UPR")
        if not isinstance(mechanism, str) or not mechanism.strip():
            raise hrplan.FormatError(f"{self.name}: option 'mechanism' must be a mechanism such as UPR, "
                                     f"or 'all', got {mechanism!r}")
        rows = upr_matrix(program, as_of, period=period, mechanism=mechanism.strip())
        return variant, rows, as_of, period

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the matrix.

        :param variant: ``csv`` (default), ``markdown`` or ``html``. The file name
            does not choose it: ``-O variant=markdown`` for ``*.upr-matrix.md``.
        :param as_of: the day measures' statuses are judged on (default today).
        :param period_start: the first day of the reporting period for events
            (default: 4.5 years before ``period_end``).
        :param period_end: its last day (default ``as_of``).
        :param mechanism: the recommendations kept: ``UPR`` (default), another
            mechanism (``CAT``), or ``all``.
        :raises hrplan.FormatError: for an unknown option or a bad value.
        """
        variant, rows, as_of, period = self.matrix(program, **options)
        if variant == "csv":
            data = csv_bytes([MATRIX_COLUMNS, *([row.cells()[c] for c in MATRIX_COLUMNS] for row in rows)])
        elif variant == "markdown":
            data = _markdown(program, rows, as_of, period).encode("utf-8")
        else:
            data = _html(program, rows, as_of, period).encode("utf-8")
        fp.write(data)


def _intro(program: hrplan.Program, count: int, as_of: date, period: hrplan.DateSpan) -> str:
    return (
        f"{count} recommendation(s) of the program \"{program.title}\" ({program.id}). Status of the linked "
        f"measures as of {as_of}; events from {period.start} to {period.end}."
    )


def _markdown(program: hrplan.Program, rows: list[MatrixRow], as_of: date, period: hrplan.DateSpan) -> str:
    lines = [
        "# UPR recommendations: follow-up matrix",
        "",
        md(_intro(program, len(rows), as_of, period)),
        "",
        "| " + " | ".join(_TITLES[c] for c in MATRIX_COLUMNS) + " |",
        "|" + "|".join(" --- " for _ in MATRIX_COLUMNS) + "|",
    ]
    for row in rows:
        cells = row.cells()
        shown = [md(cells[c]) for c in MATRIX_COLUMNS]
        shown[MATRIX_COLUMNS.index("actions")] = "<br>".join(md(line) for line in row.action_lines())
        lines.append("| " + " | ".join(shown) + " |")
    return "\n".join(lines) + "\n"


def _html(program: hrplan.Program, rows: list[MatrixRow], as_of: date, period: hrplan.DateSpan) -> str:
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    head = "".join(f"<th>{esc(_TITLES[c])}</th>" for c in MATRIX_COLUMNS)
    body = []
    for row in rows:
        cells = row.cells()
        tds = []
        for column in MATRIX_COLUMNS:
            if column == "actions":
                items = "".join(f"<li>{esc(line)}</li>" for line in row.action_lines())
                tds.append(f"<td>{'<ul>' + items + '</ul>' if items else ''}</td>")
            else:
                tds.append(f"<td>{esc(cells[column])}</td>")
        css = "status-" + row.status.replace(" ", "-")
        body.append(f'<tr class="{esc(css)}">{"".join(tds)}</tr>')
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{esc(program.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>UPR follow-up matrix: {esc(program.title)}</title>",
            f"<style>\n{_STYLE}\n</style>",
            "</head>",
            "<body>",
            "<h1>UPR recommendations: follow-up matrix</h1>",
            f"<p>{esc(_intro(program, len(rows), as_of, period))}</p>",
            "<table>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *body,
            "</tbody>",
            "</table>",
            "</body>",
            "</html>",
            "",
        ]
    )
