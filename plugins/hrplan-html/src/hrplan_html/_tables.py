"""The report's HTML blocks besides the timeline: headline figures, tables and the overdue list."""

from __future__ import annotations

import hrplan
from hrplan.monitoring import MeasureState, Snapshot

from hrplan_html._context import Context
from hrplan_html._markup import LOOKS, STATUSES, days_text, esc, number, plural, time_limit_text

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
            f'<dd class="count">{count:,}</dd>{extra}</div>'
        )
    return f'<dl class="figures">{"".join(parts)}</dl>'


def _limit(ctx: Context, state: MeasureState) -> str:
    text = time_limit_text(state.time_limit)
    note = ctx.notes.get(text)
    shown = (
        f'{esc(note.short)}<sup class="note-mark"><a href="#limit-note-{note.mark}">{note.mark}</a></sup>'
        if note is not None
        else esc(text)
    )
    if state.time_limit is None or state.measure.time_limit is not None:
        return shown
    ancestors = ctx.program.ancestors(state.measure.id)
    source = next((a for a in ancestors if a.time_limit is not None), None)
    origin = f"from {source.id}" if source is not None else "span of its sub-measures"
    return f'{shown} <span class="origin">({esc(origin)})</span>'


def _details(ctx: Context, measure: hrplan.Measure) -> str:
    """Expected results, funding and budget under the title, those the measure has (most have none)."""
    if not measure.expected_results and measure.funding is None and measure.budget is None:
        return ""
    lines = []
    if measure.expected_results:
        lines.append(("Expected results", "; ".join(measure.expected_results)))
    if measure.funding is not None:
        lines.append(("Funding", measure.funding))
    if measure.budget is not None:
        lines.append(("Budget", measure.budget))
    shown = "".join(f'<br><span class="detail">{esc(label)}: {_text(value, ctx.lang)}</span>' for label, value in lines)
    return shown


def _measure_row(ctx: Context, state: MeasureState) -> str:
    # Kept lean: a compact report has thousands of these. The row's class gives the status cell its
    # colours and letter, and the columns their alignment (see the style sheet).
    measure, status = state.measure, state.status
    depth = f"depth-{state.depth} " if state.depth > 1 else ""
    return (
        f'<tr data-measure="{esc(measure.id)}" class="{depth}s-{status.value}">'
        f"<th>{esc(measure.id)}</th><td>{_text(measure.title, ctx.lang)}{_details(ctx, measure)}</td>"
        f"<td>{esc(_institutions(ctx.program, measure))}</td><td>{_limit(ctx, state)}</td>"
        f'<td class="st">{esc(LOOKS[status].label)}</td>'
        f"<td>{esc(days_text(state.days_left, status))}</td><td>{len(state.events)}</td></tr>"
    )


def _summary(counts: dict[hrplan.Status, int]) -> str:
    shown = [f"{count:,} {LOOKS[status].label.lower()}" for status, count in counts.items() if count]
    return ", ".join(shown)


_HEAD = (
    '<thead><tr><th scope="col">No.</th><th scope="col">Measure</th><th scope="col">Institutions</th>'
    '<th scope="col">Time-limit</th><th scope="col">Status</th><th scope="col" class="num">Days</th>'
    '<th scope="col" class="num">Events</th></tr></thead>'
)


def _measure_table(ctx: Context, chapter: hrplan.Chapter, states: list[MeasureState]) -> str:
    label = f"Measures of chapter {ctx.labels.get(chapter.number, chapter.label)}"
    rows = "".join(_measure_row(ctx, state) for state in states)
    return (
        f'<div class="table-wrap" tabindex="0" role="region" aria-label="{esc(label)}">'
        f'<table class="measures">{_HEAD}<tbody>{rows}</tbody></table></div>'
    )


def _provisions(provisions: list[hrplan.Provision], lang: str | None) -> str:
    if not provisions:
        return ""
    items = "".join(
        f'<li data-provision="{esc(p.id)}"><span class="number">{esc(p.id)}</span> {_text(p.text, lang)}</li>'
        for p in provisions
    )
    return f'<div class="provisions"><h4>{esc(plural(len(provisions), "provision"))}</h4><ol>{items}</ol></div>'


def _limit_notes(ctx: Context) -> str:
    if not ctx.notes:
        return ""
    items = "".join(
        f'<li id="limit-note-{n.mark}"><sup>{n.mark}</sup> \u201c{esc(n.short)}\u201d stands for the plan\'s '
        f"wording \u201c{_text(n.text, ctx.lang)}\u201d ({esc(plural(n.count, 'measure'))}).</li>"
        for n in ctx.notes.values()
    )
    return f'<ul class="limit-notes">{items}</ul>'


def _chapter(ctx: Context, chapter: hrplan.Chapter, provisions: list[hrplan.Provision]) -> str:
    states = ctx.states(chapter)
    key = f"chapter-{chapter.number}"
    heading = f'<h3 id="{key}-h">{esc(f"Chapter {ctx.labels.get(chapter.number, chapter.label)}. ")}' \
        f"{_text(chapter.title, ctx.lang)}</h3>"
    if states:
        counts = ctx.snap.by_chapter().get(chapter.number, {})
        summary = f'<p class="counts">{esc(plural(len(states), "measure"))}: {esc(_summary(counts))}.</p>'
    elif provisions:
        summary = '<p class="counts">No measures; its provisions follow.</p>'
    else:
        summary = '<p class="empty">This chapter has no measures.</p>'
    body = (_measure_table(ctx, chapter, states) if states else "") + _provisions(provisions, ctx.lang)
    written = ctx.labels.get(chapter.number, chapter.label) != chapter.label
    label = f' data-label="{esc(chapter.label)}"' if written else ""
    if ctx.compact and body:
        return (
            f'<section class="chapter" id="{key}" aria-labelledby="{key}-h"{label}><details>'
            f"<summary>{heading}{summary}</summary>{body}</details></section>"
        )
    return f'<section class="chapter" id="{key}" aria-labelledby="{key}-h"{label}>{heading}{summary}{body}</section>'


def chapter_tables(ctx: Context) -> str:
    """One table of measures per chapter, with its counts by status and its provisions."""
    program = ctx.program
    numbers = {c.number for c in program.chapters}
    parts = [_limit_notes(ctx)]
    for chapter in program.chapters:
        provisions = [p for p in program.provisions if p.chapter == chapter.number]
        parts.append(_chapter(ctx, chapter, provisions))
    loose = [p for p in program.provisions if p.chapter not in numbers]
    if loose:
        parts.append(
            '<section class="chapter" id="provisions" aria-labelledby="provisions-h">'
            f'<h3 id="provisions-h">Provisions outside the chapters</h3>{_provisions(loose, ctx.lang)}</section>'
        )
    return "".join(parts)


def _mix(counts: dict[hrplan.Status, int], total: int, order: list[hrplan.Status]) -> str:
    """A bar split by status, as wide as the share of each (decoration: the numbers are in the cells)."""
    parts = "".join(
        f'<i class="st-{s.value}" style="width:{number(100 * counts[s] / total)}%"></i>'
        for s in order
        if counts.get(s, 0)
    )
    return f'<span class="mix" aria-hidden="true">{parts}</span>'


def institution_table(snap: Snapshot) -> str:
    """Measures per institution, by status: institutions with measures, most overdue first, then most
    measures; only the statuses some institution has; zeros left blank."""
    program = snap.program
    order = {key: i for i, key in enumerate(snap.by_institution())}
    counted = [(key, counts, sum(counts.values())) for key, counts in snap.by_institution().items()]
    counted = [c for c in counted if c[2]]
    if not counted:
        return '<p class="empty">No measure names an institution.</p>'
    counted.sort(key=lambda c: (-c[1].get(_S.OVERDUE, 0), -c[2], order[c[0]]))
    first = (_S.OVERDUE, *(s for s in STATUSES if s is not _S.OVERDUE))
    shown = [s for s in first if any(c[1].get(s, 0) for c in counted)]
    head = "".join(
        f'<th scope="col" class="num" data-status="{s.value}"><span class="badge st-{s.value}" aria-hidden="true">'
        f"{esc(LOOKS[s].letter)}</span> {esc(LOOKS[s].label)}</th>"
        for s in shown
    )
    rows = []
    for key, counts, total in counted:
        known = program.institutions.get(key)
        name = known.name if known is not None else key
        cells = "".join(f'<td class="num">{counts[s] or ""}</td>' for s in shown)
        rows.append(
            f'<tr data-institution="{esc(key)}"><th scope="row">{esc(name)}</th>'
            f'<td class="num total">{total}</td><td class="mix-cell">{_mix(counts, total, shown)}</td>{cells}</tr>'
        )
    return (
        '<div class="table-wrap fit" tabindex="0" role="region" aria-label="Measures per institution">'
        f'<table class="institutions"><thead><tr><th scope="col">Institution</th>'
        f'<th scope="col" class="num">Measures</th><th scope="col"><span class="visually-hidden">Share by status'
        f"</span></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _short_limit(ctx: Context, limit: hrplan.TimeLimit | None) -> str:
    text = time_limit_text(limit)
    note = ctx.notes.get(text)
    return note.short if note is not None else text


def overdue_list(ctx: Context, limit: int | None = None) -> str:
    """The overdue measures, most overdue first (the first ``limit`` of them when given)."""
    snap, lang = ctx.snap, ctx.lang
    late = snap.overdue()[:limit]
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
            f'<span class="days"><strong>{esc(plural(days, "day"))} overdue</strong> '
            f"(time-limit: {esc(_short_limit(ctx, state.time_limit))})</span></li>"
        )
    return f'<ol class="overdue-list">{"".join(items)}</ol>'
