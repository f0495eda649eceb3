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

from hrplan.builtins.recommendations._build import merge_into, new_program, slug
from hrplan.builtins.recommendations._cells import (
    Labelled,
    position_of,
    split_labelled,
    split_paragraph,
    split_trailing_states,
)
from hrplan.builtins.recommendations._columns import ColumnProfile, Role, assign, profile
from hrplan.builtins.recommendations._options import LayoutOptions, read_options
from hrplan.builtins.recommendations._timing import timing
from hrplan.context import ReadContext
from hrplan.countries import lookup
from hrplan.findings import Severity
from hrplan.model import Recommendation
from hrplan.plugins import ImportResult
from hrplan.tables import Table
from hrplan.tally import FindingTally

__all__ = ["THEMATIC_ROLES", "ThematicListLayout"]

_SOURCE = re.compile(
    r"source of position\s*:?\s*(?P<symbol>[A-Z][A-Za-z0-9./\-]*?)\s*[-\u2013,]\s*para\.?\s*(?P<para>[\w.]+)", re.I
)
_SOURCE_LINE = re.compile(r"source of position\s*:.*$", re.I | re.S)
_ADDENDUM = re.compile(r"/Add\.\d+$", re.I)
_THEME_ROW = re.compile(r"^theme\s*:\s*(.+)$", re.I | re.S)


def _recommendation(p: ColumnProfile) -> float:
    return p.source_of_position * 3 + (p.length / 100 if p.length > 60 else 0)


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


def _data_rows(table: Table, limit: int | None = None) -> list[int]:
    """Rows that hold a recommendation: neither a ``Theme:`` row nor the title row (among the first ``limit``)."""
    rows = []
    for i, row in enumerate(table.rows[:limit]):
        texts = {table.text(i, c) for c in range(len(row))} - {""}
        if len(texts) == 1 and _THEME_ROW.match(next(iter(texts))):
            continue
        if any("source of position" in t.lower() or split_paragraph(t)[0] for t in texts if len(t) > 40):
            rows.append(i)
    return rows


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

    def _columns(self, table: Table, limit: int | None = None) -> tuple[list[int], dict[str, int]]:
        rows = _data_rows(table, limit)
        if not rows:
            return rows, {}
        titles = [i for i in range(rows[0]) if any(table.text(i, c) for c in range(len(table.rows[i])))]
        header = next((i for i in titles if not _THEME_ROW.match(table.text(i, 0))), None)
        return rows, assign(profile(table, header, rows[:200]), THEMATIC_ROLES)

    def recognise(self, tables: Sequence[Table]) -> float:
        """0.95 when a table's recommendation cells say ``Source of position``, 0.6 with positions only."""
        best = 0.0
        for table in tables:
            rows, roles = self._columns(table, limit=300)  # enough to tell, and cheap on a huge table
            if "recommendation" in roles and "position" in roles:
                cells = [table.text(r, roles["recommendation"]) for r in rows[:50]]
                sourced = sum("source of position" in c.lower() for c in cells) >= len(cells) / 2
                best = max(best, 0.95 if sourced else 0.6)
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
                recommendations += [r for r in map(reader.row, rows) if r is not None]
        found = lookup(state) if state else None
        canonical = found.name if found is not None else state
        base = settings.base if settings.base is not None else new_program([canonical] if canonical else [])
        return ImportResult(merge_into(base, recommendations, tally), tuple(tally.findings()))


class _Reader:
    def __init__(self, table: Table, roles: dict[str, int], state: str | None, session: str | None,
                 settings: LayoutOptions, tally: FindingTally) -> None:
        self.table, self.roles, self.tally = table, roles, tally
        country = lookup(state) if state else None
        self.state = country.name if country else state
        self.session = session
        self.theme = ""
        self.settings = settings

    def text(self, row: int, role: str) -> str:
        column = self.roles.get(role)
        return self.table.text(row, column) if column is not None else ""

    def row(self, index: int) -> Recommendation | None:
        where = self.table.location(index)
        cell = self.text(index, "recommendation")
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
        labelled = Labelled(labelled.themes, (*labelled.persons, *extra_persons),
                            tuple(dict.fromkeys((*labelled.sdgs, *extra_sdgs))))
        session, cycle, year, _ = timing(self.session, symbol)
        state_part = slug(self.state) if self.state else "unknown"
        ident = f"upr-{state_part}-{year or (('s' + session) if session else 'x')}-{paragraph or f'row{index + 1}'}"
        return Recommendation(
            id=ident,
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
