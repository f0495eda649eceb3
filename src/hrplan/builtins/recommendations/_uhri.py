"""The ``uhri`` table layout and the ``uhri-json`` importer: Universal Human Rights Index exports.

Every recommendation of the treaty bodies, the special procedures and the UPR,
one record per recommendation: text, States concerned, recommending body,
document symbol, themes, affected persons, SDGs (several values in one cell as
``- `` lines), the UPR's recommending States, position and session, the type of
document, an annotation id and the publication date (often an Excel serial).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, BinaryIO

import orjson

from hrplan.builtins.recommendations._build import import_result, slug
from hrplan.builtins.recommendations._cells import (
    PLEDGE_WORDS,
    excel_date,
    mechanism_of,
    position_of,
    sdg_numbers,
    split_list,
    split_paragraph,
    split_symbol,
    split_trailing_states,
)
from hrplan.builtins.recommendations._codes import CODES
from hrplan.builtins.recommendations._columns import ColumnProfile, Role, assign, find_header, profile
from hrplan.builtins.recommendations._options import LayoutOptions, read_options
from hrplan.builtins.recommendations._timing import timing
from hrplan.context import ReadContext
from hrplan.countries import canonical_name, lookup
from hrplan.errors import InputError, Problem
from hrplan.findings import Severity
from hrplan.model import Recommendation, RecommendationKind
from hrplan.plugins import ImportResult
from hrplan.tables import CellValue, Table, choose_layout
from hrplan.tally import FindingTally

__all__ = ["UHRI_ROLES", "UhriJsonImporter", "UhriLayout", "table_from_json"]


def _text(p: ColumnProfile) -> float:
    # several-value cells (themes, SDG lines) can be longer than a short recommendation: never the text
    if max(p.countries, p.dash_lists, p.sdg_like, p.symbols, p.dates) >= 0.5:
        return 0
    return p.length / 60 + 2 * p.titled("text", "recommendation")


def _symbol(p: ColumnProfile) -> float:
    return p.symbols + p.titled("symbol") if p.symbols >= 0.5 else 0


def _body(p: ColumnProfile) -> float:
    return 2 * p.titled("body", "mechanism") + (0.5 if p.distinct < 50 and p.countries < 0.3 else 0) \
        if p.titled("body", "mechanism") else 0


def _countries(p: ColumnProfile) -> float:
    upr = p.titled("upr", "recommending")
    return p.countries + 2 * p.titled("concerned", "countr", "state") if p.countries >= 0.5 and not upr else 0


def _upr_states(p: ColumnProfile) -> float:
    # the States concerned are States too: only a column titled for the UPR's recommending States is this one
    return p.countries + 2 * p.titled("recommending") if p.countries >= 0.3 and p.titled("recommending") else 0


def _position(p: ColumnProfile) -> float:
    return p.positions + p.titled("position") if p.positions >= 0.5 else 0


def _session(p: ColumnProfile) -> float:
    return p.sessions + 2 * p.titled("session") if p.sessions >= 0.9 and p.titled("session") else 0


def _date(p: ColumnProfile) -> float:
    return p.dates + p.titled("date", "published") if p.dates >= 0.8 else 0


def _sdgs(p: ColumnProfile) -> float:
    return p.sdg_like + 2 * p.titled("sdg", "sustainable") if p.sdg_like >= 0.3 or p.titled("sdg") else 0


def _persons(p: ColumnProfile) -> float:
    return 2.0 if p.titled("persons", "groups") else 0


def _themes(p: ColumnProfile) -> float:
    return 2.0 + p.dash_lists if p.titled("theme", "issue") else 0


def _type(p: ColumnProfile) -> float:
    return 2.0 if p.titled("type") and p.distinct < 30 else 0


def _ident(p: ColumnProfile) -> float:
    return 2.0 if p.titled("id", "annotation") else 0


def _paragraph(p: ColumnProfile) -> float:
    return 2.0 if p.titled("para") else 0


#: The roles of a UHRI export's columns, in the order they are assigned.
UHRI_ROLES = (
    Role("text", _text, True),
    Role("symbol", _symbol, True),
    Role("date", _date),
    Role("sdgs", _sdgs),
    Role("body", _body),
    Role("upr_states", _upr_states),
    Role("countries", _countries),
    Role("position", _position),
    Role("session", _session),
    Role("persons", _persons),
    Role("themes", _themes),
    Role("type", _type),
    Role("paragraph", _paragraph),
    Role("ident", _ident),
)




class UhriLayout:
    """Reads Universal Human Rights Index exports (CSV or Excel; JSON through ``uhri-json``)."""

    name = "uhri"
    description = "Universal Human Rights Index export: text, countries, recommending body, document symbol, themes"
    codes = CODES

    def _columns(self, table: Table) -> tuple[int | None, dict[str, int]]:
        header = find_header(table)
        return header, assign(profile(table, header), UHRI_ROLES)

    def recognise(self, tables: Sequence[Table]) -> float:
        """0.92 when a table has texts and document symbols, with a body or States column."""
        best = 0.0
        for table in tables:
            _, roles = self._columns(table)
            if "text" in roles and "symbol" in roles and ("body" in roles or "countries" in roles):
                best = max(best, 0.92)
        return best

    def read(self, tables: Sequence[Table], *, context: ReadContext, **options: Any) -> ImportResult:
        """Read every table that fits into one program (see ``docs/recommendations.md``)."""
        settings = read_options(self.name, options, context)
        tally = FindingTally(next((t.source for t in tables if t.source), None))
        recommendations: list[Recommendation] = []
        states: list[str] = []
        for table in tables:
            header, roles = self._columns(table)
            if "text" in roles and "symbol" in roles:
                _Reader(table, roles, settings, tally).read(header, recommendations, states)
        if settings.state is not None and not recommendations:
            tally.add(Severity.WARNING, "REC011", f"no record for the State {settings.state!r}")
        wanted = [settings.state_key] if settings.state_key else []
        return import_result(settings.base, states or wanted, recommendations, tally)


class _Reader:
    def __init__(self, table: Table, roles: dict[str, int], settings: LayoutOptions, tally: FindingTally) -> None:
        self.table, self.roles, self.settings, self.tally = table, roles, settings, tally
        self.mechanisms: dict[str, str] = {}

    def cell(self, row: tuple[object, ...], role: str) -> str:
        column = self.roles.get(role)
        if column is None or column >= len(row) or row[column] is None:
            return ""
        value = row[column]
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def read(self, header: int | None, out: list[Recommendation], states: list[str]) -> None:
        for index in range(0 if header is None else header + 1, len(self.table.rows)):
            row = self.table.rows[index]
            if any(v not in (None, "") for v in row):
                rec = self.row(index, row)
                if rec is not None:
                    out.append(rec)
                    for state in rec.countries[:1]:
                        if state not in states:
                            states.append(state)

    def mechanism(self, body: str) -> str:
        found = self.mechanisms.get(body)
        if found is None:
            found = self.mechanisms[body] = mechanism_of(body) if body else "UPR"
        return found

    def row(self, index: int, row: tuple[object, ...]) -> Recommendation | None:
        where = self.table.location(index)
        raw_text = self.cell(row, "text")
        if not raw_text:
            self.tally.add(Severity.ERROR, "REC001", "no text: record skipped", where)
            return None
        countries, unknown = _states_of(self.cell(row, "countries"))
        if self.settings.state_key is not None and self.settings.state_key not in countries:
            return None
        for name in unknown:
                self.tally.add(Severity.WARNING, "REC004", "a State not in hrplan's country registry (kept as written)",
                               where, detail=repr(name))
        body = " ".join(self.cell(row, "body").split())
        mechanism = self.mechanism(body)
        written_symbol, written = split_symbol(self.cell(row, "symbol"))
        symbol = written_symbol or None
        paragraph = self.cell(row, "paragraph") or written
        text = " ".join(raw_text.split())
        if paragraph is None:
            paragraph, text = split_paragraph(text)
        upr_states = _states_of(self.cell(row, "upr_states"))[0]
        if mechanism == "UPR" and not upr_states:
            split = split_trailing_states(text)
            text, upr_states = split.text, split.states
        word = self.cell(row, "position")
        pledge = word.lower() in PLEDGE_WORDS
        position = None if pledge else position_of(word) if word else None
        if word and position is None and not pledge:
            self.tally.add(Severity.WARNING, "REC003", "an unknown response: position left empty", where,
                           detail=repr(word))
        session, cycle, year, _ = timing(self.cell(row, "session") or None, symbol) if mechanism == "UPR" else \
            (None, None, None, True)
        published = excel_date(self.table.value(index, self.roles["date"])) if "date" in self.roles else None
        if "date" in self.roles and self.cell(row, "date") and published is None:
            self.tally.add(Severity.WARNING, "REC008", "a publication date that cannot be read: left empty", where,
                           detail=repr(self.cell(row, "date")))
        ident = self.cell(row, "ident") or None
        if symbol and paragraph:
            rid = f"{slug(symbol)}-{paragraph}"
        else:
            rid = f"{slug(mechanism)}-{slug(ident) if ident else slug(symbol or 'x') + f'-row{index + 1}'}"
        return Recommendation(
            id=rid,
            mechanism=mechanism,
            text=text,
            cycle=cycle,
            session=session,
            year=year if year is not None else (published.year if published else None),
            symbol=symbol,
            paragraph=paragraph,
            recommending_states=upr_states,
            position=position,
            themes=tuple(split_list(self.cell(row, "themes"))),
            sdgs=sdg_numbers(split_list(self.cell(row, "sdgs"))),
            affected_persons=tuple(split_list(self.cell(row, "persons"))),
            kind=RecommendationKind.VOLUNTARY_PLEDGE if pledge else RecommendationKind.RECOMMENDATION,
            position_text=word or None,
            countries=countries,
            body=body if body and body != mechanism else None,
            document_type=self.cell(row, "type") or None,
            published=published,
            source_id=ident,
        )


@functools.lru_cache(maxsize=16384)
def _states_of(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The canonical names of a cell's States, and the names the registry does not know (once per cell)."""
    names = split_list(cell)
    return tuple(canonical_name(n) for n in names), tuple(n for n in names if lookup(n) is None)


def _cell(value: object) -> CellValue:
    if isinstance(value, list):
        return "\n".join(f"- {v}" for v in value if v not in (None, ""))
    if isinstance(value, dict):
        return "; ".join(str(v) for v in value.values() if v not in (None, ""))
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def table_from_json(data: bytes, source: str = "") -> Table:
    """A table from a JSON export: a list of records (or an object holding one), keys as the header.

    Lists in a record become ``- `` lines, as in the spreadsheet exports.

    :raises InputError: when the JSON cannot be read or holds no list of records.
    """
    try:
        parsed = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        raise InputError(source or "<data>", [Problem(f"line {exc.lineno}", f"not JSON: {exc.msg}")]) from None
    records = parsed
    if isinstance(parsed, dict):
        records = next((v for v in parsed.values() if isinstance(v, list)), None)
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(source or "<data>", [Problem("$", "expected a list of records (objects)")])
    keys: dict[str, None] = {}
    for record in records:
        keys.update(dict.fromkeys(record))
    header = tuple(keys)
    rows: list[tuple[CellValue, ...]] = [header, *(tuple(_cell(r.get(k)) for k in header) for r in records)]
    return Table(rows, source=source)


class UhriJsonImporter:
    """Reads Universal Human Rights Index JSON exports into the records the ``uhri`` layout builds."""

    name = "uhri-json"
    extensions: tuple[str, ...] = (".uhri.json",)
    description = "Universal Human Rights Index JSON export (a list of recommendation records)"
    codes = CODES

    def sniff(self, head: bytes) -> bool:
        """A JSON list of records whose keys name a symbol and a recommending body or countries."""
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        lowered = start.lower()
        return start[:1] in (b"[", b"{") and b"symbol" in lowered and (b"body" in lowered or b"countr" in lowered)

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> ImportResult:
        """Read the records; options as for the ``uhri`` layout (``state``, ``base``)."""
        name = getattr(fp, "name", "")
        data = fp.read()
        raw = data if isinstance(data, bytes) else data.encode()
        table = table_from_json(raw, name if isinstance(name, str) else "")
        layout = UhriLayout()
        choose_layout([table], [layout])
        return layout.read([table], context=context or ReadContext(), **options)


