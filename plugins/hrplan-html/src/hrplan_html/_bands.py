"""The compact timeline: one bar per chapter, its measures' statuses stacked as bands inside it.

A chapter's bar runs from the earliest start to the latest end of its measures'
time-limits (to the axis's end when one of them has no end); it is split from top to
bottom into one band per status, each as thick as its share of the chapter's
measures. The size of the picture depends on the number of chapters, not of measures.
"""

from __future__ import annotations

from datetime import date

import hrplan
from hrplan.monitoring import MeasureState

from hrplan_html._context import Context
from hrplan_html._markup import LOOKS, esc, number, plural, shorten
from hrplan_html._svg import AXIS_H, LABEL_X, PLOT_X0, WIDTH, Axis, anchor_day, bar_attributes, event_marks, has_bar

__all__ = ["BAND_ROW_H", "ORDER", "chapter_bands"]

#: The order of the bands, top to bottom, and of the counts in words: what needs attention first.
ORDER: tuple[hrplan.Status, ...] = (
    hrplan.Status.OVERDUE,
    hrplan.Status.DUE_SOON,
    hrplan.Status.IN_PROGRESS,
    hrplan.Status.NOT_STARTED,
    hrplan.Status.COMPLETED_LATE,
    hrplan.Status.COMPLETED,
    hrplan.Status.ONGOING,
)
#: The height of a chapter's row, and of its bar inside it.
BAND_ROW_H, BAND_H = 48, 30
_BAND_Y = (BAND_ROW_H - BAND_H) / 2


def _span(states: list[MeasureState], axis: Axis, anchor: date) -> tuple[date, date]:
    """The earliest start and latest end of the measures' dates (the anchor and the axis's end when open)."""
    starts, ends = [], []
    for state in states:
        limit = state.time_limit
        if limit is None or not has_bar(limit):
            continue
        starts.append(limit.start or (anchor if limit.end is None or anchor <= limit.end else limit.end))
        ends.append(limit.end or axis.last)
    if not starts:
        return anchor, axis.last
    return min(starts), max(ends)


def _counts(states: list[MeasureState]) -> dict[hrplan.Status, int]:
    counts = dict.fromkeys(ORDER, 0)
    for state in states:
        counts[state.status] += 1
    return counts


def _stack(counts: dict[hrplan.Status, int], x0: float, width: float) -> str:
    """The bands, top to bottom in the order of the statuses."""
    total = sum(counts.values())
    parts, y = [], _BAND_Y
    for status in ORDER:
        if not counts[status]:
            continue
        height = BAND_H * counts[status] / total
        parts.append(
            f'<rect class="band" data-status="{status.value}" data-count="{counts[status]}" x="{number(x0)}" '
            f'y="{number(y)}" width="{number(width)}" height="{number(max(height, 1))}" {bar_attributes(status)}/>'
        )
        y += height
    return "".join(parts)


def _words(counts: dict[hrplan.Status, int]) -> str:
    return ", ".join(f"{n:,} {LOOKS[s].label.lower()}" for s, n in counts.items() if n)


def _chapter(ctx: Context, chapter: hrplan.Chapter, axis: Axis, anchor: date, y: float, index: int) -> str:
    states = ctx.states(chapter)
    heading = ctx.heading(chapter)
    counts = _counts(states)
    stripe = f'<rect class="stripe" width="{WIDTH}" height="{BAND_ROW_H}"/>' if index % 2 else ""
    summary = f"{plural(len(states), 'measure')}: {_words(counts)}" if states else "no measures"
    label = (
        f'<text class="chapter-title" x="{LABEL_X}" y="20">{esc(shorten(heading, 44))}</text>'
        f'<text class="label" x="{LABEL_X}" y="37">{esc(shorten(summary, 54))}</text>'
    )
    if not states:
        body = f'<text class="no-dates" x="{number(PLOT_X0 + 4)}" y="28">no measures</text>'
    else:
        first, last = _span(states, axis, anchor)
        x0 = axis.x(first)
        width = max(axis.x_after(last) - x0, 2.0)
        events = [e for s in states for e in s.events]
        unique = list({e.id: e for e in events}.values())
        body = _stack(counts, x0, width) + "".join(event_marks(unique, axis, BAND_ROW_H / 2))
    tooltip = f"{heading} \u2014 {summary}"
    return (
        f'<g class="row chapter-bar" data-chapter="{chapter.number}" transform="translate(0,{number(y)})">'
        f"<title>{esc(tooltip)}</title>{stripe}{label}{body}</g>"
    )


def chapter_bands(ctx: Context, axis: Axis) -> tuple[list[str], float]:
    """One row per chapter, and where they end."""
    anchor = anchor_day(ctx.program, axis)
    rows = []
    y = float(AXIS_H)
    for index, chapter in enumerate(ctx.program.chapters):
        rows.append(_chapter(ctx, chapter, axis, anchor, y, index))
        y += BAND_ROW_H
    return rows, y
