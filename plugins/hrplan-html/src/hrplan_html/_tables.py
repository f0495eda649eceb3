"""The report's HTML blocks besides the timeline: headline figures, tables and the overdue list."""

from __future__ import annotations

import hrplan
from hrplan.monitoring import MeasureState, Snapshot

from hrplan_html._markup import LOOKS, STATUSES, badge, esc, plural, time_limit_text

__all__ = ["chapter_tables", "figures", "institution_table", "overdue_list"]

_S = hrplan.Status


def _text(value: str, lang: str | None) -> str:
    """Plan text, escaped, marked with the plan's language when it is not the page's."""
    return f'<span lang="{esc(lang)}">{esc(value)}</span>' if lang else esc(value)


def _institutions(program: hrplan.Program, measure: hrplan.Measure) -> str:
    """The implementers' names, with the role when it is not ``lead``."""
    names = []
    for implementer in measure.implementers:
        known = program.institutions.get(implementer.institution)
        name = known.name if known is not None else implementer.institution
        role = "" if implementer.role is hrplan.Role.LEAD else f" ({implementer.role.value})"
        names.append(f"{name}{role}")
    return "; ".join(names)


def figures(snap: Snapshot) -> str:
    """The headline figures: measures, then how many are in each status that matters."""
    totals = snap.totals()
    completed = totals[_S.COMPLETED] + totals[_S.COMPLETED_LATE]
    late = f"{totals[_S.COMPLETED_LATE]} of them late" if totals[_S.COMPLETED_LATE] else ""
    cards = [
        ("measures", "Measures", len(snap.measures), "", None),
        ("overdue", "Overdue", totals[_S.OVERDUE], "", _S.OVERDUE),
        ("due-soon", "Due soon", totals[_S.DUE_SOON], "", _S.DUE_SOON),
        ("in-progress", "In progress", totals[_S.IN_PROGRESS], "", _S.IN_PROGRESS),
        ("not-started", "Not started", totals[_S.NOT_STARTED], "", _S.NOT_STARTED),
        ("completed", "Completed", completed, late, _S.COMPLETED),
        ("ongoing", "Ongoing", totals[_S.ONGOING], "", _S.ONGOING),
    ]
    parts = []
    for key, label, count, note, status in cards:
        mark = (
            f'<span class="badge st-{status.value}" aria-hidden="true">{esc(LOOKS[status].letter)}</span> '
            if status is not None
            else ""
        )
        extra = f'<dd class="note">{esc(note)}</dd>' if note else ""
        parts.append(
            f'<div class="figure" data-figure="{key}"><dt>{mark}{esc(label)}</dt>'
            f'<dd class="count">{count}</dd>{extra}</div>'
        )
    return f'<dl class="figures">{"".join(parts)}</dl>'


def _days(state: MeasureState) -> str:
    if state.days_left is None:
        return '<td class="num" data-days="">\u2014</td>'
    left = state.days_left
    words = f"{-left} overdue" if left < 0 and state.status is _S.OVERDUE else str(left)
    return f'<td class="num" data-days="{left}">{esc(words)}</td>'


def _limit(program: hrplan.Program, state: MeasureState) -> str:
    text = esc(time_limit_text(state.time_limit))
    if state.time_limit is None or state.measure.time_limit is not None:
        return text
    ancestors = program.ancestors(state.measure.id)
    source = next((a for a in ancestors if a.time_limit is not None), None)
    origin = f"from {source.id}" if source is not None else "span of its sub-measures"
    return f'{text} <span class="origin">({esc(origin)})</span>'


def _measure_row(program: hrplan.Program, state: MeasureState, lang: str | None) -> str:
    measure = state.measure
    return (
        f'<tr data-measure="{esc(measure.id)}" data-status="{state.status.value}" class="depth-{state.depth}">'
        f'<th scope="row" class="number">{esc(measure.id)}</th>'
        f'<td class="title">{_text(measure.title, lang)}</td>'
        f'<td class="institutions">{esc(_institutions(program, measure))}</td>'
        f'<td class="limit">{_limit(program, state)}</td>'
        f"<td>{badge(state.status)}</td>{_days(state)}"
        f'<td class="num">{len(state.events)}</td></tr>'
    )


def _summary(counts: dict[hrplan.Status, int]) -> str:
    shown = [f"{count} {LOOKS[status].label.lower()}" for status, count in counts.items() if count]
    return ", ".join(shown)


def chapter_tables(snap: Snapshot, lang: str | None) -> str:
    """One table of measures per chapter, with its counts by status."""
    program = snap.program
    by_chapter = snap.by_chapter()
    parts = []
    for chapter in program.chapters:
        states = [snap.state(m.id) for m in chapter.iter_measures()]
        heading = f"Chapter {chapter.label}. "
        parts.append(
            f'<section class="chapter" id="chapter-{chapter.number}" aria-labelledby="chapter-{chapter.number}-h">'
            f'<h3 id="chapter-{chapter.number}-h">{esc(heading)}{_text(chapter.title, lang)}</h3>'
        )
        if not states:
            parts.append('<p class="empty">This chapter has no measures.</p></section>')
            continue
        counts = by_chapter.get(chapter.number, {})
        parts.append(f'<p class="counts">{esc(plural(len(states), "measure"))}: {esc(_summary(counts))}.</p>')
        parts.append(
            '<div class="table-wrap" tabindex="0" role="region" '
            f'aria-label="{esc(f"Measures of chapter {chapter.label}")}"><table class="measures">'
            '<thead><tr><th scope="col">No.</th><th scope="col">Measure</th><th scope="col">Institutions</th>'
            '<th scope="col">Time-limit</th><th scope="col">Status</th><th scope="col" class="num">Days left</th>'
            '<th scope="col" class="num">Events</th></tr></thead><tbody>'
        )
        parts += [_measure_row(program, state, lang) for state in states]
        parts.append("</tbody></table></div></section>")
    return "".join(parts)


def institution_table(snap: Snapshot) -> str:
    """Measures per institution, by status (institutions with none are left out)."""
    program = snap.program
    head = "".join(
        f'<th scope="col" class="num" data-status="{s.value}"><span class="badge st-{s.value}" aria-hidden="true">'
        f"{esc(LOOKS[s].letter)}</span> {esc(LOOKS[s].label)}</th>"
        for s in STATUSES
    )
    rows = []
    for key, counts in snap.by_institution().items():
        total = sum(counts.values())
        if not total:
            continue
        known = program.institutions.get(key)
        name = known.name if known is not None else key
        cells = "".join(
            f'<td class="num{" zero" if not counts.get(s, 0) else ""}">{counts.get(s, 0)}</td>' for s in STATUSES
        )
        rows.append(
            f'<tr data-institution="{esc(key)}"><th scope="row">{esc(name)}</th>{cells}'
            f'<td class="num total">{total}</td></tr>'
        )
    if not rows:
        return '<p class="empty">No measure names an institution.</p>'
    return (
        '<div class="table-wrap" tabindex="0" role="region" aria-label="Measures per institution">'
        f'<table class="institutions"><thead><tr><th scope="col">Institution</th>{head}'
        f'<th scope="col" class="num">Total</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def overdue_list(snap: Snapshot, lang: str | None) -> str:
    """The overdue measures, most overdue first."""
    late = snap.overdue()
    if not late:
        return f'<p class="empty">No measure is overdue on {snap.as_of.isoformat()}.</p>'
    items = []
    for state in late:
        days = -(state.days_left or 0)
        who = _institutions(snap.program, state.measure) or "no institution named"
        items.append(
            f'<li data-measure="{esc(state.measure.id)}" data-days-overdue="{days}">'
            f'<span class="number">{esc(state.measure.id)}</span> '
            f'<span class="title">{_text(state.measure.title, lang)}</span> '
            f'<span class="institutions">{esc(who)}</span> '
            f'<span class="days"><strong>{esc(plural(days, "day"))}</strong> overdue '
            f"(time-limit: {esc(time_limit_text(state.time_limit))})</span></li>"
        )
    return f'<ol class="overdue-list">{"".join(items)}</ol>'
