"""The timeline as one ``<svg id="timeline">``: a row per measure, or in a compact report a band per chapter."""

from __future__ import annotations

from hrplan_html._bands import chapter_bands
from hrplan_html._context import Context
from hrplan_html._markup import esc, number, plural
from hrplan_html._svg import FOOT_H, WIDTH, axis_for, defs, grid, measure_rows, today_line

__all__ = ["PRINT_RATIO", "fits_a_page", "timeline"]


#: A timeline taller than this many times its width does not fit an A4 page: print it by chapter.
PRINT_RATIO = 1.45


def timeline(ctx: Context, *, by_chapter: bool | None = None, svg_id: str = "timeline") -> str:
    """The ``<svg id="timeline">`` element: a row per measure, or a band per chapter (by default when
    the report is compact). Only the one called ``timeline`` defines the fill patterns; a second
    timeline on the page (``svg_id``) uses those."""
    snap = ctx.snap
    axis = axis_for(snap)
    bands = ctx.compact if by_chapter is None else by_chapter
    rows, y = chapter_bands(ctx, axis) if bands else measure_rows(ctx, axis)
    height = y + FOOT_H
    patterns = defs() if svg_id == "timeline" else ""
    overdue = len(snap.overdue())
    label = (
        f"Timeline of {plural(len(snap.measures), 'measure')} from {axis.first.year} to {axis.last.year}, "
        f"as of {snap.as_of.isoformat()}: {overdue} overdue. The tables below give the same information."
    )
    return (
        f'<svg id="{svg_id}" class="tl" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {number(height)}" '
        f'width="{WIDTH}" height="{number(height)}" fill="#1b1f24" role="img" '
        f'aria-labelledby="{svg_id}-title {svg_id}-desc" '
        f'data-first="{axis.first.isoformat()}" data-last="{axis.last.isoformat()}">'
        f'<title id="{svg_id}-title">Timeline of the {"chapters" if bands else "measures"}</title>'
        f'<desc id="{svg_id}-desc">{esc(label)}</desc>'
        f"{patterns}{grid(axis, height)}{''.join(rows)}{today_line(axis, snap.as_of, height)}</svg>"
    )


def fits_a_page(ctx: Context) -> bool:
    """Whether the timeline of ``ctx`` prints legibly on one A4 page (else the page prints it by chapter)."""
    if ctx.compact:
        return True
    _rows, y = measure_rows(ctx, axis_for(ctx.snap))
    return (y + FOOT_H) / WIDTH <= PRINT_RATIO
