"""Small pieces shared by the page, the tables and the timeline: escaping, numbers, status looks."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import hrplan

__all__ = [
    "LOOKS",
    "STATUSES",
    "Look",
    "badge",
    "days_text",
    "esc",
    "lang_tag",
    "number",
    "plural",
    "shorten",
    "time_limit_text",
    "wrap",
]

#: Every status, in the order of :class:`hrplan.Status` (legend, table columns).
STATUSES: tuple[hrplan.Status, ...] = tuple(hrplan.Status)

# Characters HTML forbids in a document (controls other than tab and line breaks, lone
# surrogates, noncharacters): shown as U+FFFD so the page stays valid and encodable.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_LANG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def esc(text: object) -> str:
    """``text`` made safe for HTML and SVG, in element content and in quoted attributes."""
    return html.escape(_FORBIDDEN.sub("\ufffd", str(text)), quote=True)


def number(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ``.0`` (``12.5``, ``340``)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 measure``, ``2 measures``."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def shorten(text: str, limit: int) -> str:
    """``text`` cut to about ``limit`` narrow characters (wide ones count twice), ending in ``…``."""
    text = " ".join(text.split())
    if sum(_width(c) for c in text) <= limit:
        return text
    kept, used = [], 0
    for char in text:
        used += _width(char)
        if used > limit - 1:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "\u2026"


def wrap(text: str, limit: int, lines: int) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of about ``limit`` narrow characters;
    the last line ends in ``…`` when the text is longer still, and a word longer than a line is cut."""
    rows: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and sum(_width(c) for c in candidate) > limit:
            rows.append(current)
            current = word
        else:
            current = candidate
    if current:
        rows.append(current)
    if len(rows) > lines:
        rows = [*rows[: lines - 1], shorten(" ".join(rows[lines - 1 :]), limit)]
    return [shorten(row, limit) for row in rows] or [""]


def days_text(left: int | None, status: hrplan.Status) -> str:
    """Days to a measure's end, with the unit: ``246 days overdue``, ``1 day left``, ``last day``."""
    if left is None:
        return "\u2014"
    if left < 0:
        late = plural(-left, "day")
        return f"{late} overdue" if status is hrplan.Status.OVERDUE else f"ended {late} ago"
    return "last day" if left == 0 else f"{plural(left, 'day')} left"


def lang_tag(value: str) -> str | None:
    """``value`` when it looks like a BCP 47 language tag, else ``None``."""
    return value if _LANG.fullmatch(value) else None


def time_limit_text(limit: hrplan.TimeLimit | None) -> str:
    """A time-limit as the plan wrote it, else its canonical wording; a dash when there is none."""
    if limit is None:
        return "\u2014"
    return limit.text if limit.text else str(limit)


@dataclass(frozen=True)
class Look:
    """How a status is drawn: never by colour alone.

    :ivar label: the words (``Overdue``).
    :ivar letter: the letter on its badge and in the timeline (``O``).
    :ivar colour: the fill colour.
    :ivar ink: the text colour on that fill (contrast 4.5:1 or more).
    :ivar pattern: the SVG pattern that fills its bars (``hatch``, ``dots``...), or ``solid``.
    """

    label: str
    letter: str
    colour: str
    ink: str
    pattern: str


#: The look of every status. Okabe-Ito-like colours, told apart by letter and pattern too.
LOOKS: dict[hrplan.Status, Look] = {
    hrplan.Status.NOT_STARTED: Look("Not started", "N", "#d3d8de", "#1b1f24", "outline"),
    hrplan.Status.IN_PROGRESS: Look("In progress", "P", "#0072b2", "#ffffff", "solid"),
    hrplan.Status.DUE_SOON: Look("Due soon", "S", "#e69f00", "#1b1f24", "dots"),
    hrplan.Status.OVERDUE: Look("Overdue", "O", "#c0392b", "#ffffff", "hatch"),
    hrplan.Status.COMPLETED: Look("Completed", "C", "#007a5a", "#ffffff", "solid"),
    hrplan.Status.COMPLETED_LATE: Look("Completed late", "L", "#cc79a7", "#1b1f24", "cross"),
    hrplan.Status.ONGOING: Look("Ongoing", "\u221e", "#56b4e9", "#1b1f24", "solid"),
}


def badge(status: hrplan.Status, *, text: bool = True) -> str:
    """An HTML badge: the status letter on its colour, then (when ``text``) its words."""
    look = LOOKS[status]
    letter = f'<span class="badge st-{status.value}" aria-hidden="true">{esc(look.letter)}</span>'
    words = f' <span class="status-text">{esc(look.label)}</span>' if text else ""
    return f'<span class="status" data-status="{status.value}">{letter}{words}</span>'
