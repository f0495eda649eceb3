"""The ``ohchr-thematic-list`` table layout: OHCHR thematic lists of UPR recommendations (Word).

One table, ``Theme: ...`` rows grouping the recommendations, and per row: the
recommendation cell (paragraph number, text, recommending States in trailing
parentheses, ``Source of position: <symbol> - Para. N``), the position, the
themes with ``Affected persons:`` / ``Groups of persons:`` and ``SDGs:`` lists
(or those in columns of their own), and an empty assessment column. Columns are
found by what they hold; titles change from cycle to cycle and are not needed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

from hrplan.builtins.recommendations._build import import_result, upr_id
from hrplan.builtins.recommendations._cells import (
    Labelled,
    is_position_word,
    position_of,
    split_labelled,
    split_paragraph,
    split_trailing_states,
)
from hrplan.builtins.recommendations._codes import CODES
from hrplan.builtins.recommendations._columns import PARAGRAPH_START, ColumnProfile, Role, assign, profile
from hrplan.builtins.recommendations._options import LayoutOptions, read_options
from hrplan.builtins.recommendations._timing import timing
from hrplan.context import ReadContext
from hrplan.countries import lookup
from hrplan.findings import Severity
from hrplan.model import Position, Recommendation
from hrplan.plugins import ImportResult
from hrplan.tables import Table
from hrplan.tally import FindingTally

__all__ = ["THEMATIC_ROLES", "ThematicListLayout"]

_SOURCE = re.compile(
    r"source of position\s*:?\s*(?P<symbol>[A-Z][A-Za-z0-9./]*(?:-(?!\s*para)[A-Za-z0-9./]+)*)"
    r"(?:\s*[-\u2013,]?\s*para(?:graph)?\.?\s*(?P<para>[\w.]+))?", re.I
)
_SOURCE_LINE = re.compile(r"source of position\s*:.*$", re.I | re.S)
_ADDENDUM = re.compile(r"/Add\.\d+$", re.I)
_THEME_ROW = re.compile(r"^theme\s*:\s*(.+)$", re.I | re.S)


def _recommendation(p: ColumnProfile) -> float:
    if p.positions >= 0.5 or p.theme_codes >= 0.5 or p.sdg_like >= 0.5:
        return 0
    return (p.source_of_position * 3 + p.paragraphs * 2 + p.titled("recommendation") / 2
            + min(p.length, 400) / 400)  # fmt: skip


def _position(p: ColumnProfile) -> float:
    return p.positions + p.titled("position", "response") if p.positions >= 0.6 else 0


def _sdgs(p: ColumnProfile) -> float:
    return p.sdg_like + 2 * p.titled("sdg", "sustainable development") if p.sdg_like >= 0.3 or p.titled("sdg") else 0


def _persons(p: ColumnProfile) -> float:
    return 2.0 if p.titled("persons", "groups", "affected") and not p.titled("theme") else 0


def _themes(p: ColumnProfile) -> float:
    return p.theme_codes + p.dash_lists / 2 + p.titled("theme", "issue") if p.filled > 0.3 else 0


#: The roles of a thematic list's columns, in the order they are assigned.
THEMATIC_ROLES = (
    Role("recommendation", _recommendation, True),
    Role("position", _position, True),
    Role("sdgs", _sdgs),
    Role("persons", _persons),
    Role("themes", _themes),
)


def _heading(texts: list[str]) -> str | None:
    """The theme of a grouping row (``Theme: ...``, or one text spanning every cell), else ``None``."""
    filled = set(texts) - {""}
    if len(filled) != 1:
        return None
    text = next(iter(filled))
    match = _THEME_ROW.match(text)
    if match:
        return " ".join(match.group(1).split())
    spans = len(texts) > 1 and "" not in texts and not is_position_word(text)
    return " ".join(text.split()) if spans and not PARAGRAPH_START.match(text) else None


def _looks_like_data(texts: list[str]) -> bool:
    return any("source of position" in t.lower() or PARAGRAPH_START.match(t) or is_position_word(t) for t in texts)


def _data_rows(table: Table, limit: int | None = None) -> list[tuple[int, str]]:
    """Every row from the first that holds a recommendation on (among the first ``limit``), with its theme.

    Grouping rows and empty rows are left out; every other row is a recommendation, or is
    reported: nothing is dropped in silence however short its text.
    """
    rows: list[tuple[int, str]] = []
    theme, started = "", False
    for i, row in enumerate(table.rows[:limit]):
        texts = [table.text(i, c) for c in range(len(row))]
        if not any(texts):
            continue
        heading = _heading(texts)
        if heading is not None:
            theme = heading
            continue
        started = started or _looks_like_data(texts)
        if started:
            rows.append((i, theme))
    return rows


_RESPONSES = frozenset({Position.SUPPORTED, Position.NOTED, Position.PARTIALLY_SUPPORTED})


def _cues(table: Table, rows: list[tuple[int, str]], roles: dict[str, int]) -> int:
    """How many signs of a thematic list the table shows besides ``Source of position``.

    ``Theme:`` rows; trailing groups of States; paragraph numbers (``121.4``) with
    responses (``Supported``, ``Noted``), as a plan's numbered measures with a status
    column (``Implemented``, ``Pending``) are not recommendations.
    """
    sample = [r for r, _ in rows[:50]]
    half = max(len(sample) / 2, 0.5)
    cells = [table.text(r, roles["recommendation"]) for r in sample]
    themed = any(theme for _, theme in rows)
    grouped = sum(bool(split_trailing_states(_SOURCE_LINE.sub("", c)).states) for c in cells) >= half
    responses = sum(position_of(table.text(r, roles["position"])) in _RESPONSES for r in sample) >= half
    numbered = responses and sum(bool(PARAGRAPH_START.match(c)) for c in cells) >= half
    return themed + grouped + numbered


def _state_from_name(source: str) -> tuple[str | None, str | None]:
    """A State and a session from a file name such as ``UPR20_Slovenia_ThematicList.docx``."""
    stem = os.path.splitext(os.path.basename(source))[0]
    session = re.search(r"UPR[\s_-]?(\d{1,2})(?!\d)", stem, re.I)
    words = [w for w in re.split(r"[^A-Za-z]+", stem) if w]
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            country = lookup(" ".join(words[i : i + size]))
            if country is not None:
                return country.name, session.group(1) if session else None
    return None, session.group(1) if session else None


class ThematicListLayout:
    """Reads OHCHR thematic lists of UPR recommendations."""

    name = "ohchr-thematic-list"
    description = (
        "OHCHR thematic list of UPR recommendations: recommendation with 'Source of position', position, themes"
    )
    codes = CODES

    def _columns(self, table: Table, limit: int | None = None) -> tuple[list[tuple[int, str]], dict[str, int]]:
        rows = _data_rows(table, limit)
        if not rows:
            return rows, {}
        titles = [i for i in range(rows[0][0]) if any(table.text(i, c) for c in range(len(table.rows[i])))]
        header = next((i for i in titles if _heading([table.text(i, c) for c in range(len(table.rows[i]))]) is None),
                      None)  # fmt: skip
        return rows, assign(profile(table, header, [r for r, _ in rows[:200]]), THEMATIC_ROLES)

    def recognise(self, tables: Sequence[Table]) -> float:
        """How sure the tables are a thematic list: a recommendation column and a position column, and then cues.

        0.95 when the recommendation cells say ``Source of position``; else 0.9 with two of
        ``Theme:`` rows, paragraph numbers (``121.4``) with responses and trailing groups of
        States, 0.8 with one, 0.2 with none (below a plan table's layout: a plan's status
        column holds words such as ``Implemented`` too).
        """
        best = 0.0
        for table in tables:
            rows, roles = self._columns(table, limit=300)  # enough to tell, and cheap on a huge table
            if "recommendation" in roles and "position" in roles:
                cells = [table.text(r, roles["recommendation"]) for r, _ in rows[:50]]
                sourced = sum("source of position" in c.lower() for c in cells) >= len(cells) / 2
                best = max(best, 0.95 if sourced else (0.2, 0.8, 0.9, 0.9)[_cues(table, rows, roles)])
        return best

    def read(self, tables: Sequence[Table], *, context: ReadContext, **options: Any) -> ImportResult:
        """Read the recommendations of every table that fits (see ``docs/recommendations.md``)."""
        settings = read_options(self.name, options, context)
        source = next((t.source for t in tables if t.source), None)
        tally = FindingTally(source)
        state, session = settings.state, settings.session
        if (state is None or session is None) and source:
            named, numbered = _state_from_name(source)
            state, session = state or named, session or numbered
        if state is None:
            tally.add(Severity.WARNING, "REC012", "the list does not name its State and option 'state' is not given: "
                      "the recommendations have no State under review")
        recommendations: list[Recommendation] = []
        for table in tables:
            rows, roles = self._columns(table)
            if "recommendation" in roles and "position" in roles:
                reader = _Reader(table, roles, state, session, settings, tally)
                recommendations += [r for r in (reader.row(i, theme) for i, theme in rows) if r is not None]
        undated = sum(r.session is None and r.year is None for r in recommendations)
        if undated:
            tally.add(Severity.WARNING, "REC013", "no UPR session or year (no option 'session', no source symbol, "
                      "no session in the file name): the ids hold 'x' in its place", detail=f"{undated} "
                      f"recommendation{'s' if undated > 1 else ''}")
        found = lookup(state) if state else None
        canonical = found.name if found is not None else state
        return import_result(settings.base, [canonical] if canonical else [], recommendations, tally)


class _Reader:
    def __init__(self, table: Table, roles: dict[str, int], state: str | None, session: str | None,
                 settings: LayoutOptions, tally: FindingTally) -> None:
        self.table, self.roles, self.tally = table, roles, tally
        country = lookup(state) if state else None
        self.state = country.name if country else state
        self.session = session
        self.settings = settings

    def text(self, row: int, role: str) -> str:
        column = self.roles.get(role)
        return self.table.text(row, column) if column is not None else ""

    def row(self, index: int, theme: str = "") -> Recommendation | None:
        """The recommendation of one row, or ``None`` (reported) when the row holds no recommendation text."""
        where = self.table.location(index)
        cell = self.text(index, "recommendation")
        if not _SOURCE_LINE.sub("", cell).strip():
            self.tally.add(Severity.WARNING, "REC001", "a row without recommendation text (skipped)", where)
            return None
        source = _SOURCE.search(cell)
        body = _SOURCE_LINE.sub("", cell).strip()
        paragraph, rest = split_paragraph(body)
        split = split_trailing_states(rest, lenient=True)
        if not split.states:
            self.tally.add(Severity.WARNING, "REC002", "no recommending States in parentheses at the end of the "
                           "text (the text is kept whole)", where)
        for name in split.unknown:
            self.tally.add(Severity.WARNING, "REC004", "a State not in hrplan's country registry (kept as written)",
                           where, detail=repr(name))
        symbol = _ADDENDUM.sub("", source.group("symbol")) if source else None
        if paragraph is None:
            self.tally.add(Severity.WARNING, "REC007", "no paragraph number at the start of the recommendation", where)
        word = self.text(index, "position")
        position = position_of(word)
        if position is None:
            self.tally.add(Severity.WARNING, "REC003", "an unknown or empty response: position left empty", where,
                           detail=repr(word))
        labelled = split_labelled(self.text(index, "themes"))
        extra_persons = split_labelled(self.text(index, "persons"), "persons").persons
        extra_sdgs = split_labelled(self.text(index, "sdgs"), "sdgs").sdgs
        labelled = Labelled(labelled.themes or ((theme,) if theme else ()), (*labelled.persons, *extra_persons),
                            tuple(dict.fromkeys((*labelled.sdgs, *extra_sdgs))))
        session, cycle, year, _ = timing(self.session, symbol)
        return Recommendation(
            id=upr_id(self.state, year, session, paragraph or f"row{index + 1}"),
            mechanism="UPR",
            text=split.text,
            cycle=cycle,
            session=session,
            year=year,
            symbol=symbol,
            paragraph=paragraph,
            recommending_states=split.states,
            position=position,
            themes=labelled.themes,
            sdgs=labelled.sdgs,
            affected_persons=tuple(dict.fromkeys(labelled.persons)),
            position_text=word or None,
            countries=(self.state,) if self.state else (),
            position_source=" ".join(source.group(0).split(":", 1)[1].split()) if source else None,
        )
