"""The timeline: an inline SVG Gantt chart of the measures, chapter by chapter.

Geometry is in the units of the ``viewBox`` (1000 wide); the page's CSS scales it.
One row per measure: its status badge (letter on colour), number and shortened
title, then its bar on a shared time axis:

- a bounded time-limit (an interval) is a ``<rect class="bar">`` from its first to its last day;
- a deadline ("by December 2012") runs from the program's start to its end;
- an ongoing one is a ``<path class="bar open">``: an arrow fading out to the right edge,
  from its start (or the program's start for "permanently");
- a recurring one is a ``<g class="bar recurring">`` of one ``<rect class="occurrence">``
  per yearly window;
- a measure without dates gets its row and the words "no dates", no bar.

Events are diamonds on their measures' rows, and a dashed line marks ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import hrplan
from hrplan.monitoring import MeasureState, Snapshot, occurrences

from hrplan_html._context import Context
from hrplan_html._markup import LOOKS, STATUSES, Look, days_text, esc, number, plural, shorten, time_limit_text, wrap

__all__ = [
    "Axis",
    "anchor_day",
    "axis_for",
    "bar_attributes",
    "defs",
    "event_marks",
    "grid",
    "has_bar",
    "legend",
    "measure_rows",
    "row_height",
    "today_line",
]

WIDTH = 1000
LABEL_X = 6
PLOT_X0 = 352.0
PLOT_X1 = 988.0
AXIS_H = 40
ROW_H = 20
CHAPTER_H = 26
BAR_Y = 4
BAR_H = 12
FOOT_H = 26
#: A measure's title takes at most this many lines, each this much lower than the one before.
TITLE_LINES, LINE_H = 3, 13
#: The axis runs a year further when the report's day or an event falls this close to its end.
EDGE_DAYS = 62
#: Events closer than this on one row share a diamond.
CLUSTER = 12
#: Above this many yearly occurrences in view, a recurring time-limit is drawn as one dashed band.
MAX_OCCURRENCES = 150
_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)


@dataclass(frozen=True)
class Axis:
    """Whole years from ``first`` (1 January) to ``last`` (31 December) across the plot area."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return self.last.toordinal() - self.first.toordinal() + 1

    def x(self, day: date) -> float:
        """The left edge of ``day`` (clipped to the plot area)."""
        offset = min(max(day.toordinal() - self.first.toordinal(), 0), self.days)
        return PLOT_X0 + offset * (PLOT_X1 - PLOT_X0) / self.days

    def x_after(self, day: date) -> float:
        """The right edge of ``day`` (clipped to the plot area)."""
        offset = min(max(day.toordinal() - self.first.toordinal() + 1, 0), self.days)
        return PLOT_X0 + offset * (PLOT_X1 - PLOT_X0) / self.days

    def year_x(self, year: int) -> float:
        """The left edge of 1 January of ``year``."""
        return self.x(date(year, 1, 1))

    def ticks(self) -> tuple[int, list[int]]:
        """The step between labelled years and the labelled years (at most 12 labels)."""
        years = self.last.year - self.first.year + 1
        step = next((s for s in _STEPS if years / s <= 12), _STEPS[-1])
        start = -(-self.first.year // step) * step
        return step, list(range(start, self.last.year + 1, step))


def has_bar(limit: hrplan.TimeLimit | None) -> bool:
    """Whether a measure judged by ``limit`` gets a bar (every time-limit that is not unreadable text)."""
    return limit is not None and limit.kind is not hrplan.TimeLimitKind.UNPARSED


def axis_for(snap: Snapshot) -> Axis:
    """Whole years covering the program period, every time-limit's dates, the events shown and ``as_of``,
    and a year more when ``as_of`` or an event is within :data:`EDGE_DAYS` of the end."""
    days = [snap.as_of]
    period = snap.program.period
    if period is not None:
        days += [d for d in (period.start, period.end) if d is not None]
    for state in snap.measures:
        limit = state.time_limit
        if limit is not None:
            days += [d for d in (limit.start, limit.end) if d is not None]
        for event in state.events:
            days += [event.dates.start, event.dates.end]
    last = date(max(days).year, 12, 31)
    marks = [snap.as_of, *(e.dates.end for state in snap.measures for e in state.events)]
    if (last - max(marks)).days < EDGE_DAYS:  # room so that the as-of line and events are not on the edge
        last = date(last.year + 1, 12, 31)
    return Axis(date(min(days).year, 1, 1), last)


def anchor_day(program: hrplan.Program, axis: Axis) -> date:
    """Where "permanently" and deadlines start: the program's period, else its adoption, else the axis."""
    if program.period is not None and program.period.start is not None:
        return program.period.start
    if program.adoption is not None:
        return program.adoption.date
    return axis.first


def defs() -> str:
    """One fill pattern and one fading gradient per status."""
    parts = ["<defs>"]
    for status in STATUSES:
        look = LOOKS[status]
        parts.append(
            f'<pattern id="fill-{status.value}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{look.colour}"/>{_decoration(look)}</pattern>'
            f'<linearGradient id="fade-{status.value}" x1="0" x2="1" y1="0" y2="0">'
            f'<stop offset="0" stop-color="{look.colour}"/>'
            f'<stop offset="0.6" stop-color="{look.colour}" stop-opacity="0.75"/>'
            f'<stop offset="1" stop-color="{look.colour}" stop-opacity="0.1"/></linearGradient>'
        )
    parts.append("</defs>")
    return "".join(parts)


def _decoration(look: Look) -> str:
    if look.pattern == "hatch":
        return '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#ffffff" stroke-opacity="0.6" stroke-width="1.4"/>'
    if look.pattern == "cross":
        return (
            '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" '
            'stroke="#1b1f24" stroke-opacity="0.35" stroke-width="1"/>'
        )
    if look.pattern == "dots":
        return '<circle cx="3" cy="3" r="1.3" fill="#1b1f24" fill-opacity="0.5"/>'
    return ""


def bar_attributes(status: hrplan.Status) -> str:
    outline = ' stroke="#57606a" stroke-dasharray="3 2"' if LOOKS[status].pattern == "outline" else ""
    return f'fill="url(#fill-{status.value})"{outline}'


def _bar(state: MeasureState, axis: Axis, anchor: date) -> str:
    """The bar of one measure, or the words "no dates"."""
    limit = state.time_limit
    status = state.status
    if limit is None or not has_bar(limit):
        words = "no time-limit" if limit is None else f"no dates: {shorten(time_limit_text(limit), 60)}"
        return f'<text class="no-dates" x="{number(PLOT_X0 + 4)}" y="14">{esc(words)}</text>'
    common = f'data-measure="{esc(state.measure.id)}" data-status="{status.value}"'
    if limit.kind is hrplan.TimeLimitKind.RECURRING:
        return _recurring(state, limit, axis, common)
    if limit.kind is hrplan.TimeLimitKind.ONGOING:
        start = limit.start or anchor
        x0 = min(axis.x(start), PLOT_X1 - 10)
        tip = PLOT_X1 - 8
        y0, y1, ym = BAR_Y, BAR_Y + BAR_H, BAR_Y + BAR_H / 2
        path = f"M{number(x0)},{y0}H{number(tip)}L{number(PLOT_X1)},{number(ym)}L{number(tip)},{y1}H{number(x0)}Z"
        return (
            f'<path class="bar open" {common} d="{path}" fill="url(#fade-{status.value})" '
            f'stroke="{LOOKS[status].colour}" stroke-width="0.8"/>'
        )
    assert limit.end is not None  # an interval or a deadline
    # A deadline has no start: its bar runs from the program's start (or its own year) to its end.
    fallback = anchor if anchor <= limit.end else date(limit.end.year, 1, 1)
    start = limit.start if limit.start is not None else fallback
    kind = "" if limit.kind is hrplan.TimeLimitKind.INTERVAL else " deadline"
    x0, x1 = axis.x(start), axis.x_after(limit.end)
    width = max(x1 - x0, 2.0)
    return (
        f'<rect class="bar{kind}" {common} x="{number(x0)}" y="{BAR_Y}" width="{number(width)}" '
        f'height="{BAR_H}" rx="2" {bar_attributes(status)}/>'
    )


def _recurring(state: MeasureState, limit: hrplan.TimeLimit, axis: Axis, common: str) -> str:
    """Repeated marks, one per yearly window inside the axis and the time-limit's bounds."""
    assert limit.window is not None
    first = max(axis.first, limit.start) if limit.start else axis.first
    last = min(axis.last, limit.end) if limit.end else axis.last
    campaign = hrplan.Campaign("window", "window", limit.window)
    spans = occurrences(campaign, first, last) if first <= last else ()
    parts = [f'<g class="bar recurring" {common}>']
    if len(spans) > MAX_OCCURRENCES:
        x0, x1 = axis.x(first), axis.x_after(last)
        parts.append(
            f'<rect class="occurrence band" x="{number(x0)}" y="{BAR_Y + 3}" width="{number(max(x1 - x0, 2))}" '
            f'height="{BAR_H - 6}" {bar_attributes(state.status)} stroke-dasharray="4 2"/>'
        )
    for span in spans if len(spans) <= MAX_OCCURRENCES else ():
        x0 = axis.x(max(span.start, first))
        x1 = axis.x_after(min(span.end, last))
        parts.append(
            f'<rect class="occurrence" x="{number(x0)}" y="{BAR_Y + 1}" width="{number(max(x1 - x0, 1.5))}" '
            f'height="{BAR_H - 2}" rx="1" {bar_attributes(state.status)}/>'
        )
    parts.append("</g>")
    return "".join(parts)


def event_marks(events: Sequence[hrplan.Event], axis: Axis, mid: float) -> Iterator[str]:
    """Diamonds for ``events``; events closer than :data:`CLUSTER` units share one, with their count beside it."""
    centres = [((axis.x(e.dates.start) + axis.x_after(e.dates.start)) / 2, e) for e in events]
    placed = sorted(centres, key=lambda p: p[0])
    clusters: list[list[tuple[float, hrplan.Event]]] = []
    for x, event in placed:
        if clusters and x - clusters[-1][0][0] < CLUSTER:
            clusters[-1].append((x, event))
        else:
            clusters.append([(x, event)])
    for cluster in clusters:
        x = sum(p[0] for p in cluster) / len(cluster)
        ids = " ".join(e.id for _, e in cluster)
        titles = "; ".join(_event_title(e) for _, e in cluster)
        count = (
            f'<text class="event-count" x="{number(x + 7)}" y="{number(mid + 4)}">{len(cluster)}</text>'
            if len(cluster) > 1 else ""
        )
        yield (
            f'<g class="event-mark" data-events="{esc(ids)}"><title>{esc(titles)}</title>'
            f'<path class="event" d="M{number(x)},{number(mid - 5.5)}l5,5.5l-5,5.5l-5,-5.5z"/>{count}</g>'
        )


def _event_title(event: hrplan.Event) -> str:
    when = str(event.dates.start) if event.dates.days == 1 else f"{event.dates.start} to {event.dates.end}"
    return f"{when} ({event.kind.value}): {event.title}"


def _text_width(number: str) -> float:
    """About how wide a measure number is in bold 11-unit type (digits 7.8 units, dots 4.4)."""
    return sum(4.4 if char == "." else 7.8 for char in number)


def _tooltip(state: MeasureState, short: Mapping[str, str]) -> str:
    look = LOOKS[state.status]
    limit = time_limit_text(state.time_limit)
    limit = short.get(limit, limit)
    parts = [f"{state.measure.id} {state.measure.title}", look.label, f"time-limit: {limit}"]
    if state.days_left is not None:
        parts.append(days_text(state.days_left, state.status))
    if state.events:
        parts.append(plural(len(state.events), "event"))
    return " \u2014 ".join(parts)


def _title_lines(state: MeasureState, id_width: float) -> tuple[float, list[str]]:
    """Where the title starts, and its lines (at most :data:`TITLE_LINES`)."""
    title_x = 30 + id_width + 10 * (state.depth - 1)
    room = max(int((PLOT_X0 - 10 - title_x) / 6.1), 4)
    return title_x, wrap(state.measure.title, room, TITLE_LINES)


def row_height(state: MeasureState, id_width: float) -> float:
    """The height of a measure's row: one line, and :data:`LINE_H` more for each further line of its title."""
    return ROW_H + LINE_H * (len(_title_lines(state, id_width)[1]) - 1)


def _row(
    state: MeasureState, axis: Axis, anchor: date, y: float, index: int, id_width: float, short: Mapping[str, str]
) -> str:
    look = LOOKS[state.status]
    indent = 10 * (state.depth - 1)
    title_x, lines = _title_lines(state, id_width)
    height = ROW_H + LINE_H * (len(lines) - 1)
    label = "".join(
        f'<tspan x="{number(title_x)}" dy="{0 if i == 0 else LINE_H}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    stripe = f'<rect class="stripe" width="{WIDTH}" height="{height}"/>' if index % 2 else ""
    return (
        f'<g class="row" data-measure="{esc(state.measure.id)}" data-status="{state.status.value}" '
        f'data-depth="{state.depth}" transform="translate(0,{number(y)})">'
        f"<title>{esc(_tooltip(state, short))}</title>{stripe}"
        f'<rect class="status-mark" x="{LABEL_X}" y="3" width="18" height="14" rx="3" fill="{look.colour}"/>'
        f'<text class="letter" x="{LABEL_X + 9}" y="14" fill="{look.ink}" text-anchor="middle">'
        f"{esc(look.letter)}</text>"
        f'<text class="number" x="{30 + indent}" y="14">{esc(state.measure.id)}</text>'
        f'<text class="label" x="{number(title_x)}" y="14">{label}</text>'
        f"{_bar(state, axis, anchor)}{''.join(event_marks(state.events, axis, BAR_Y + BAR_H / 2))}</g>"
    )


def _chapter_row(chapter: hrplan.Chapter, heading: str, count: int, y: float) -> str:
    tail = f" ({plural(count, 'measure')})"
    return (
        f'<g class="chapter" data-chapter="{chapter.number}" transform="translate(0,{number(y)})">'
        f'<rect class="chapter-band" width="{WIDTH}" height="{CHAPTER_H - 4}" y="2"/>'
        f'<text class="chapter-title" x="{LABEL_X}" y="17">{esc(shorten(heading, 120) + tail)}</text></g>'
    )


def grid(axis: Axis, height: float) -> str:
    """Year lines and labels at the top and bottom, quarter lines when the axis spans few years."""
    step, years = axis.ticks()
    bottom = number(height - FOOT_H + 4)
    parts = ['<g class="grid" aria-hidden="true">']
    span_years = axis.last.year - axis.first.year + 1
    if span_years <= 4:
        for year in range(axis.first.year, axis.last.year + 1):
            for month in (4, 7, 10):
                minor = number(axis.x(date(year, month, 1)))
                parts.append(f'<line class="minor" x1="{minor}" x2="{minor}" y1="{AXIS_H - 6}" y2="{bottom}"/>')
    for year in years:
        x = axis.year_x(year)
        label_x = x + (axis.year_x(year + 1) - x) / 2 if step == 1 and year < axis.last.year else x
        if step == 1 and year == axis.last.year:
            label_x = x + (PLOT_X1 - x) / 2
        parts.append(
            f'<line class="major" x1="{number(x)}" x2="{number(x)}" y1="{AXIS_H - 10}" y2="{bottom}"/>'
            f'<text class="year" x="{number(label_x)}" y="{AXIS_H - 14}" text-anchor="middle">{year}</text>'
            f'<text class="year" x="{number(label_x)}" y="{number(height - 8)}" text-anchor="middle">{year}</text>'
        )
    parts.append(f'<line class="edge" x1="{PLOT_X1}" x2="{PLOT_X1}" y1="{AXIS_H - 10}" y2="{bottom}"/>')
    parts.append("</g>")
    return "".join(parts)


def today_line(axis: Axis, as_of: date, height: float) -> str:
    x = (axis.x(as_of) + axis.x_after(as_of)) / 2
    anchor = "end" if x > PLOT_X1 - 90 else "start"
    label_x = x - 4 if anchor == "end" else x + 4
    return (
        f'<g class="as-of" data-date="{as_of.isoformat()}">'
        f'<line x1="{number(x)}" x2="{number(x)}" y1="{AXIS_H - 12}" y2="{number(height - FOOT_H + 4)}"/>'
        f'<text x="{number(label_x)}" y="{AXIS_H - 2}" text-anchor="{anchor}">as of {as_of.isoformat()}</text></g>'
    )


def measure_rows(ctx: Context, axis: Axis) -> tuple[list[str], float]:
    """A band per chapter and a row per measure, and where they end."""
    snap = ctx.snap
    anchor = anchor_day(ctx.program, axis)
    id_width = max((_text_width(str(s.measure.id)) for s in snap.measures), default=20.0) + 8
    short = {text: note.short for text, note in ctx.notes.items()}
    rows: list[str] = []
    y = float(AXIS_H)
    index = 0
    for chapter in ctx.program.chapters:
        states = ctx.states(chapter)
        rows.append(_chapter_row(chapter, ctx.heading(chapter), len(states), y))
        y += CHAPTER_H
        for state in states:
            rows.append(_row(state, axis, anchor, y, index, id_width, short))
            y += row_height(state, id_width)
            index += 1
    return rows, y


def _swatch(inner: str, label: str, key: str) -> str:
    return (
        f'<li data-legend="{key}"><svg class="swatch" viewBox="0 0 44 16" width="44" height="16" aria-hidden="true">'
        f"{inner}</svg> {esc(label)}</li>"
    )


def legend() -> str:
    """The legend of the timeline, as an HTML list: each status by letter, pattern and colour, then the marks."""
    items = []
    for status in STATUSES:
        look = LOOKS[status]
        inner = (
            f'<rect x="0" y="1" width="14" height="14" rx="3" fill="{look.colour}"/>'
            f'<text x="7" y="12" fill="{look.ink}" text-anchor="middle" font-size="10" font-weight="700">'
            f"{esc(look.letter)}</text>"
            f'<rect x="18" y="3" width="26" height="10" rx="2" {bar_attributes(status)}/>'
        )
        items.append(_swatch(inner, f"{look.letter} \u2014 {look.label}", status.value))
    grey = LOOKS[hrplan.Status.ONGOING]
    marks = [
        (
            f'<path d="M2,3H34L42,8L34,13H2Z" fill="url(#fade-ongoing)" stroke="{grey.colour}" stroke-width="0.8"/>',
            "open-ended (ongoing, no end)",
            "open",
        ),
        (
            "".join(_mark(x) for x in (2, 16, 30)),
            "recurring: one mark per yearly window",
            "recurring",
        ),
        ('<path d="M22,2.5l5.5,5.5l-5.5,5.5l-5.5,-5.5z" class="event"/>', "event held", "event"),
        ('<line x1="22" x2="22" y1="0" y2="16" class="as-of-line"/>', "the report's date (as of)", "as-of"),
    ]
    items += [_swatch(inner, label, key) for inner, label, key in marks]
    return f'<ul class="legend" aria-label="Legend">{"".join(items)}</ul>'


def _mark(x: int) -> str:
    return f'<rect x="{x}" y="4" width="6" height="8" rx="1" fill="url(#fill-ongoing)"/>'
