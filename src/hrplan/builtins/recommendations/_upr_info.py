"""The ``upr-info`` table layout: UPR Info database exports (CSV or Excel).

One row per recommendation by one recommending State, with the State under
review, the response, UPR Info's action category, the issues and the session.
Columns are found by what they hold (:mod:`._columns`); their titles only break
ties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hrplan.builtins.recommendations._build import import_result, slug
from hrplan.builtins.recommendations._cells import PLEDGE_WORDS, ascii_digits, position_of
from hrplan.builtins.recommendations._codes import CODES
from hrplan.builtins.recommendations._columns import ColumnProfile, Role, assign, find_header, profile
from hrplan.builtins.recommendations._options import LayoutOptions, read_options
from hrplan.builtins.recommendations._timing import timing
from hrplan.context import ReadContext
from hrplan.countries import canonical_name, lookup
from hrplan.findings import Severity
from hrplan.model import Recommendation, RecommendationKind
from hrplan.plugins import ImportResult
from hrplan.tables import Table
from hrplan.tally import FindingTally

__all__ = ["UPR_INFO_ROLES", "UprInfoLayout"]


def _text(p: ColumnProfile) -> float:
    return (p.length / 60 if p.length >= 30 and p.countries < 0.5 else 0) + p.titled("text", "recommendation")


def _response(p: ColumnProfile) -> float:
    return p.positions + p.titled("response", "position", "decision") if p.positions >= 0.4 else 0


def _under_review(p: ColumnProfile) -> float:
    return p.countries + p.runs + 2 * p.titled("to", "state under review", "sur", "under review") \
        if p.countries >= 0.6 else 0


def _recommending(p: ColumnProfile) -> float:
    return p.countries + (1 - p.runs) + 2 * p.titled("from", "recommending") if p.countries >= 0.6 else 0


def _session(p: ColumnProfile) -> float:
    return p.sessions + p.runs + 2 * p.titled("session") if p.sessions >= 0.9 else 0


def _action(p: ColumnProfile) -> float:
    return p.small_ints + (1 - p.runs) + 2 * p.titled("action", "categor") \
        if p.small_ints >= 0.75 and p.distinct <= 8 else 0


def _issue(p: ColumnProfile) -> float:
    plain = p.length <= 150 and p.countries < 0.3 and p.positions < 0.3 and p.ints < 0.3 and p.groups < 0.3
    if not plain or p.titled("org", "rgrp", "region", "group"):  # organisations and groups describe States
        return 0
    return 2 * p.titled("issue", "theme", "topic", "subject") + (0.5 if p.length >= 8 else 0)


#: The roles of a UPR Info export's columns, in the order they are assigned.
UPR_INFO_ROLES = (
    Role("text", _text, True),
    Role("response", _response, True),
    Role("under_review", _under_review, True),
    Role("recommending", _recommending, True),
    Role("session", _session),
    Role("action", _action),
    Role("issue", _issue),
)


class UprInfoLayout:
    """Reads UPR Info database exports: one row per recommendation and recommending State."""

    name = "upr-info"
    description = (
        "UPR Info database export: State under review, text, recommending State, response, action, issue, session"
    )
    codes = CODES

    def _columns(self, table: Table) -> tuple[int | None, dict[str, int], list[ColumnProfile]]:
        header = find_header(table)
        profiles = profile(table, header)
        return header, assign(profiles, UPR_INFO_ROLES), profiles

    def recognise(self, tables: Sequence[Table]) -> float:
        """0.9 when a table has text, response and two columns of States (0.5 if it also has document symbols)."""
        best = 0.0
        for table in tables:
            _, roles, profiles = self._columns(table)
            if all(r.name in roles for r in UPR_INFO_ROLES if r.required):
                symbols = any(p.symbols >= 0.5 for p in profiles)
                best = max(best, 0.5 if symbols else 0.9)
        return best

    def read(self, tables: Sequence[Table], *, context: ReadContext, **options: Any) -> ImportResult:
        """Read every table that fits into one program (see ``docs/recommendations.md``)."""
        settings = read_options(self.name, options, context)
        tally = FindingTally(next((t.source for t in tables if t.source), None))
        recommendations: list[Recommendation] = []
        states: list[str] = []
        for table in tables:
            header, roles, _ = self._columns(table)
            if not all(r.name in roles for r in UPR_INFO_ROLES if r.required):
                continue
            _Reader(table, roles, settings, tally).read(header, recommendations, states)
        if settings.state is not None and not states:
            tally.add(Severity.WARNING, "REC011", f"no row for the State {settings.state!r}")
        wanted = [settings.state_key] if settings.state_key else []
        return import_result(settings.base, states or wanted, recommendations, tally)


class _Reader:
    def __init__(self, table: Table, roles: dict[str, int], settings: LayoutOptions, tally: FindingTally) -> None:
        self.table = table
        self.roles = roles
        self.settings = settings
        self.tally = tally
        self.counts: dict[tuple[str, str, str], int] = {}
        self.slugs: dict[str, str] = {}
        self.wanted = settings.state_key

    def cell(self, row: tuple[object, ...], role: str) -> str:
        column = self.roles.get(role)
        if column is None or column >= len(row):
            return ""
        value = row[column]
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return " ".join(str(value).split())

    def slug(self, name: str) -> str:
        found = self.slugs.get(name)
        if found is None:
            found = self.slugs[name] = slug(name)
        return found

    def read(self, header: int | None, out: list[Recommendation], states: list[str]) -> None:
        first = 0 if header is None else header + 1
        for index in range(first, len(self.table.rows)):
            row = self.table.rows[index]
            if not any(v not in (None, "") for v in row):
                continue
            rec = self.row(index, row)
            if rec is not None:
                out.append(rec)
                if rec.countries and rec.countries[0] not in states:
                    states.append(rec.countries[0])

    def row(self, index: int, row: tuple[object, ...]) -> Recommendation | None:
        where = self.table.location(index)
        to_raw, text = self.cell(row, "under_review"), self.cell(row, "text")
        if not to_raw or not text:
            self.tally.add(Severity.ERROR, "REC001", "no State under review or no text: row skipped", where)
            return None
        to = canonical_name(to_raw)
        if self.wanted is not None and to != self.wanted:
            return None
        if lookup(to_raw) is None:
            self.tally.add(Severity.WARNING, "REC004", "a State not in hrplan's country registry (kept as written)",
                           where, detail=repr(to))
        response = self.cell(row, "response")
        pledge = response.lower() in PLEDGE_WORDS
        position = None if pledge else position_of(response)
        if not pledge and position is None:
            self.tally.add(Severity.WARNING, "REC003", "an unknown or empty response: position left empty", where,
                           detail=repr(response))
        sender_raw = self.cell(row, "recommending")
        sender = canonical_name(sender_raw) if sender_raw else ""
        if sender_raw and lookup(sender_raw) is None and not pledge:
            self.tally.add(Severity.WARNING, "REC004", "a State not in hrplan's country registry (kept as written)",
                           where, detail=repr(sender))
        session, cycle, year, known = timing(self.cell(row, "session") or None)
        if session is not None and not known:
            self.tally.add(Severity.INFO, "REC006", "a session hrplan's table of UPR sessions does not hold: "
                           "no year", where, detail=session)
        action = self._action(row, where)
        themes = tuple(t.strip() for t in self.cell(row, "issue").split(",") if t.strip())
        kind = RecommendationKind.VOLUNTARY_PLEDGE if pledge else RecommendationKind.RECOMMENDATION
        key = (to, session or "", "" if pledge else sender)
        n = self.counts[key] = self.counts.get(key, 0) + 1
        parts = ["pledge" if pledge else "upr", self.slug(to), f"s{session}" if session else "s"]
        if not pledge:
            parts.append(self.slug(sender) if sender else "unknown")
        return Recommendation(
            id="-".join([*parts, str(n)]),
            mechanism="UPR",
            text=text,
            cycle=cycle,
            session=session,
            year=year,
            recommending_states=(sender,) if sender and not pledge else (),
            position=position,
            themes=themes,
            kind=kind,
            position_text=response or None,
            countries=(to,),
            action=action,
        )

    def _action(self, row: tuple[object, ...], where: str) -> int | None:
        value = self.cell(row, "action")
        if not value:
            return None
        if ascii_digits(value) and 1 <= int(value) <= 5:
            return int(value)
        self.tally.add(Severity.WARNING, "REC005", "an action category that is not 1 to 5: left empty", where,
                       detail=repr(value))
        return None
