"""The timeline as one ``<svg id="timeline">``: a row per measure, or in a compact report a band per chapter."""

from __future__ import annotations

from hrplan_html._bands import chapter_bands
from hrplan_html._context import Context
from hrplan_html._markup import esc, number, plural
from hrplan_html._svg import FOOT_H, WIDTH, axis_for, defs, grid, measure_rows, today_line

__all__ = ["timeline"]


def timeline(ctx: Context) -> str:
    """The ``<svg id="timeline">`` element: a row per measure, or (compact) a band per chapter."""
    snap = ctx.snap
    axis = axis_for(snap)
    rows, y = chapter_bands(ctx, axis) if ctx.compact else measure_rows(ctx, axis)
    height = y + FOOT_H
    overdue = len(snap.overdue())
    label = (
        f"Timeline of {plural(len(snap.measures), 'measure')} from {axis.first.year} to {axis.last.year}, "
        f"as of {snap.as_of.isoformat()}: {overdue} overdue. The tables below give the same information."
    )
    return (
        f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {number(height)}" '
        f'width="{WIDTH}" height="{number(height)}" fill="#1b1f24" role="img" '
        'aria-labelledby="timeline-title timeline-desc" '
        f'data-first="{axis.first.isoformat()}" data-last="{axis.last.isoformat()}">'
        f'<title id="timeline-title">Timeline of the measures</title><desc id="timeline-desc">{esc(label)}</desc>'
        f"{defs()}{grid(axis, height)}{''.join(rows)}{today_line(axis, snap.as_of, height)}</svg>"
    )
