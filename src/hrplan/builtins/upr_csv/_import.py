"""Reading a UPR recommendations CSV file into merged :class:`~hrplan.Recommendation` objects."""

from __future__ import annotations

import csv
import gc
import io

import attrs

from hrplan.builtins.upr_csv._rows import (
    StatesSplit,
    display_state,
    position_of,
    split_paragraph,
    split_states,
    split_states_at_end,
    state_slug,
    upr_cycle,
)
from hrplan.decoding import Decoded, decode_as, line_endings, normalise_newlines, plausibility
from hrplan.decoding import decode as decode_upr
from hrplan.delimited import rowlike_lines, rows_message, unclosed_message, unclosed_quote, well_formed
from hrplan.errors import InputError, Problem
from hrplan.findings import Finding, Severity
from hrplan.model import Position, Recommendation
from hrplan.tally import FindingTally

__all__ = ["CODES", "REQUIRED", "UprImport", "read_upr"]

#: The codes of the findings the importer reports, with their severity and meaning.
CODES: dict[str, str] = {
    "UPR001": "a row cannot be read: too few cells, or no text or State under review (the row is skipped)",
    "UPR002": "a row has more cells than the header (the extra cells are ignored)",
    "UPR003": "the year is not a number (the row is kept without a year)",
    "UPR004": "the text does not start with a paragraph number (kept; its id is made from the row number)",
    "UPR005": "no recommending States in parentheses at the end of the text, or text after them (removed)",
    "UPR006": "an unknown or empty decision (the position is left empty)",
    "UPR007": "an empty From cell (the row adds no recommending State)",
    "UPR008": "rows of one recommendation give different decisions (the first one is kept)",
    "UPR009": "one paragraph number holds different texts (their ids get -2, -3... suffixes)",
    "UPR010": "a recommendation id already in the program given as option (the program's one is kept)",
    "UPR011": "no row for the State asked for with option 'state'",
    "UPR012": "how the file was decoded: not UTF-8, mojibake repaired, or CR / mixed line endings (information)",
    "UPR013": "a quote never closed, or closed far below: the rows after it were read into one cell",
}

#: The columns a UPR file must have (compared in lower case).
REQUIRED: tuple[str, ...] = ("text", "to", "decision", "from")


@attrs.frozen
class UprImport:
    """What :func:`read_upr` read.

    :ivar recommendations: one per distinct (State under review, year,
        paragraph, text), in the order of their first row.
    :ivar findings: what could not be read, in row order (file-level ones first).
    :ivar decoded: how the bytes were decoded (its ``text`` is the whole file).
    :ivar states: the States under review kept, each as displayed (``Azerbaijan``),
        in the order of their first row.
    :ivar rows: how many data rows were read (blank ones not counted).
    """

    recommendations: tuple[Recommendation, ...]
    findings: tuple[Finding, ...]
    decoded: Decoded
    states: tuple[str, ...]
    rows: int


@attrs.define
class _Group:
    """The rows of one recommendation."""

    row: int
    state: str
    year: int | None
    paragraph: str | None
    text: str
    decision: str
    position: Position | None
    froms: dict[str, None] = attrs.field(factory=dict)


class _Reader:
    def __init__(self, source: str | None, state: str | None) -> None:
        self.source = source
        self.state = None if state is None else " ".join(state.split()).casefold()
        self.tally = FindingTally(source)  # one finding per kind of problem, not one per row
        self.groups: dict[tuple[str, int | None, str | None, str], _Group] = {}
        self.spellings: dict[str, dict[str, None]] = {}  # distinct spellings, so per-State work stays per State
        self.all_states: set[str] = set()
        self.shown: dict[str, str] = {}
        self.rows = 0
        self.matched = 0
        self.width = self.needed = 0
        self.at = (0, 0, 0, 0)
        self.year_at: int | None = None
        self._states: dict[str, tuple[str, str]] = {}
        self._decisions: dict[str, tuple[str, Position | None]] = {}
        self._texts: dict[str, tuple[str | None, str, tuple[str, str] | None]] = {}
        self._years: dict[str, int | None] = {}

    def report(self, severity: Severity, code: str, location: str, message: str, detail: str = "") -> None:
        self.tally.add(severity, code, message, location, detail=detail)

    def header(self, names: list[str]) -> None:
        columns: dict[str, int] = {}
        for i, name in enumerate(names):
            columns.setdefault(name.strip().strip('"').lower(), i)
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            listed = ", ".join("From" if m == "from" else m for m in missing)
            raise InputError(
                self.source or "<data>",
                [Problem("row 1", f"not a UPR recommendations file: no column {listed} "
                                  "(needs text, to, decision, From; year and notes are optional)")],
            )
        self.width = len(names)
        self.needed = max(columns[name] for name in REQUIRED) + 1
        self.at = (columns["text"], columns["to"], columns["decision"], columns["from"])
        self.year_at = columns.get("year")

    # What repeats across rows is worked out once per distinct cell value: the
    # State under review, the sender, the decision, the year and the text (a
    # recommendation has one row per recommending State). Each cache holds what
    # the plain function gives for that value, so the results are the same.

    def state_of(self, cell: str) -> tuple[str, str]:
        """A ``to`` or ``From`` cell with its whitespace collapsed, and that casefolded."""
        known = self._states.get(cell)
        if known is None:
            flat = " ".join(cell.split())
            known = self._states[cell] = (flat, flat.casefold())
        return known

    def decision_of(self, cell: str) -> tuple[str, Position | None]:
        """A ``decision`` cell stripped, and the position it means."""
        known = self._decisions.get(cell)
        if known is None:
            stripped = cell.strip()
            known = self._decisions[cell] = (stripped, position_of(stripped))
        return known

    def text_of(self, cell: str) -> tuple[str | None, str, tuple[str, str] | None]:
        """A ``text`` cell's paragraph number, the text after it, and its States when they end it."""
        known = self._texts.get(cell)
        if known is None:
            paragraph, rest = split_paragraph(cell)
            known = self._texts[cell] = (paragraph, rest, split_states_at_end(rest))
        return known

    def row(self, number: int, cells: list[str]) -> None:
        if not "".join(cells).strip():
            return  # a blank line, not a row of data
        self.rows += 1
        if len(cells) < self.needed:
            self.report(Severity.ERROR, "UPR001", f"row {number}",
                        "too few cells for the columns text, to, decision and From; skipped",
                        f"{len(cells)} of {self.needed}")
            return
        width = self.width
        if len(cells) > width and "".join(cells[width:]).strip():
            self.report(Severity.WARNING, "UPR002", f"row {number}",
                        f"more cells than the header's {width}; the extra ones are ignored", f"{len(cells)} cells")
        text_at, to_at, decision_at, from_at = self.at
        states = self._states  # the caches read inline: a method call only for a new value
        raw_text = cells[text_at]
        to, folded = states.get(cells[to_at]) or self.state_of(cells[to_at])
        if not to or not raw_text.strip():
            missing = "text" if not raw_text.strip() else "to"
            self.report(Severity.ERROR, "UPR001", f"row {number}, column {missing}",
                        f"no {'recommendation text' if missing == 'text' else 'State under review'}; skipped")
            return
        self.all_states.add(folded)
        if self.state is not None and folded != self.state:
            return
        self.matched += 1
        year_at = self.year_at
        year = self._years.get(cells[year_at]) if year_at is not None and year_at < len(cells) else None
        if year is None:
            year = self.year(cells, number)  # a new value, or no year
        paragraph, rest, at_end = self._texts.get(raw_text) or self.text_of(raw_text)
        if paragraph is None:
            self.report(Severity.WARNING, "UPR004", f"row {number}, column text",
                        "no paragraph number at the start of the text; its id is made from the row number",
                        _excerpt(raw_text))
        sender = (states.get(cells[from_at]) or self.state_of(cells[from_at]))[0]
        if at_end is not None:
            text = at_end[0]  # the common case: States in parentheses end the text, nothing to report
        else:
            split = split_states(rest, (sender,) if sender else ())
            text = split.text
            self.split_findings(number, raw_text, split)
        decision, position = self._decisions.get(cells[decision_at]) or self.decision_of(cells[decision_at])
        if position is None:
            self.report(Severity.WARNING, "UPR006", f"row {number}, column decision",
                        "an unknown or empty decision; the position is left empty (known: support, noted, consider, "
                        "pending, reject, implemented, partially)", repr(decision))
        if not sender:
            self.report(Severity.WARNING, "UPR007", f"row {number}, column From",
                        "no recommending State; the row adds none to its recommendation")
        spellings = self.spellings.get(folded)
        if spellings is None:
            spellings = self.spellings[folded] = {}
        spellings[to] = None
        key = (folded, year, paragraph if paragraph is not None else f"row {number}", text)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group(number, folded, year, paragraph, text, decision, position)
        elif position is not group.position and position is not None:
            self.report(Severity.WARNING, "UPR008", f"row {number}, column decision",
                        "a decision that differs from an earlier row's for the same recommendation; the first is kept",
                        f"{decision!r}, row {group.row}: {group.decision!r}")
        if sender:
            group.froms[sender] = None

    def split_findings(self, number: int, raw_text: str, split: StatesSplit) -> None:
        """Report a text whose States could not be split off cleanly."""
        if split.states is None:
            self.report(Severity.WARNING, "UPR005", f"row {number}, column text",
                        "no recommending States in parentheses at the end of the text; the text is kept whole",
                        _excerpt(raw_text, end=True))
        elif split.dropped:
            self.report(Severity.WARNING, "UPR005", f"row {number}, column text",
                        "text after the recommending States removed", repr(split.dropped))

    def year(self, cells: list[str], number: int) -> int | None:
        column = self.year_at
        if column is None:
            return None
        cell = cells[column] if column < len(cells) else ""
        if cell in self._years:
            year = self._years[cell]
        else:
            value = cell.strip()
            year = self._years[cell] = int(value) if value.isdecimal() and len(value) == 4 else None
        if year is None:
            self.report(Severity.WARNING, "UPR003", f"row {number}, column year",
                        "not a year such as 2013; the recommendation has no year", repr(cell.strip()))
        return year

    def display(self, state: str) -> str:
        """The name shown for a State, worked out once per State (not once per recommendation)."""
        shown = self.shown.get(state)
        if shown is None:
            shown = self.shown[state] = display_state(list(self.spellings[state]))
        return shown

    def recommendations(self) -> list[Recommendation]:
        made: list[Recommendation] = []
        used: dict[str, int] = {}
        prefixes: dict[tuple[str, int | None], tuple[str, str | None]] = {}  # per State and year
        for group in self.groups.values():
            known = prefixes.get((group.state, group.year))
            if known is None:
                slug = state_slug(self.display(group.state))
                prefix = f"upr-{slug}-" if group.year is None else f"upr-{slug}-{group.year}-"
                known = prefixes[group.state, group.year] = (prefix, upr_cycle(group.year))
            prefix, cycle = known
            base = prefix + (group.paragraph if group.paragraph is not None else f"row{group.row}")
            count = used[base] = used.get(base, 0) + 1
            if count > 1:
                self.report(Severity.WARNING, "UPR009", f"row {group.row}, column text",
                            "a paragraph number (same State and year) that already holds a different text; "
                            "ids get -2, -3...", f"{base}-{count}")
            made.append(
                Recommendation(
                    id=base if count == 1 else f"{base}-{count}",
                    mechanism="UPR",
                    text=group.text,
                    cycle=cycle,
                    year=group.year,
                    paragraph=group.paragraph,
                    recommending_states=tuple(group.froms),
                    position=group.position,
                )
            )
        return made


def _excerpt(text: str, *, end: bool = False) -> str:
    flat = " ".join(text.split())
    if len(flat) <= 60:
        return repr(flat)
    return repr("..." + flat[-57:]) if end else repr(flat[:57] + "...")


def _decode(data: bytes, encoding: str | None, source: str | None) -> Decoded:
    if encoding is None:
        return decode_upr(data)
    text = decode_as(data, encoding, fmt="upr-csv", source=source or "<data>", detects=True)
    return Decoded(text, encoding, 0, None, line_endings(text), plausibility(text))


def read_upr(
    data: bytes, *, state: str | None = None, source: str | None = None, encoding: str | None = None
) -> UprImport:
    """Read a UPR recommendations file (one row per recommendation and recommending State).

    :param data: the file's bytes, in any encoding :func:`decode_upr` detects.
    :param state: keep only the rows whose State under review (``to``) is this
        one, compared case-insensitively (``"azerbaijan"``).
    :param source: the file name, for the findings.
    :param encoding: decode with this codec instead of detecting (no repair).
    :raises InputError: when the file is empty, is not CSV, or lacks a required column.
    """
    decoded = _decode(data, encoding, source)
    was_enabled = gc.isenabled()
    gc.disable()  # many small acyclic objects: the cyclic collector would scan them again and again
    try:
        return _read(decoded, state, source)
    finally:
        if was_enabled:
            gc.enable()


def _read(decoded: Decoded, state: str | None, source: str | None) -> UprImport:
    reader = _Reader(source, state)
    if decoded.encoding not in ("utf-8", "utf-8-sig") or decoded.repaired or decoded.line_endings in ("CR", "mixed"):
        reader.report(Severity.INFO, "UPR012", "", f"decoded as {decoded.describe()}")
    text = normalise_newlines(decoded.text)
    records = csv.reader(io.StringIO(text, newline=""), strict=False)
    number = 1
    last: list[str] = []
    try:
        header = next(records, None)
        if header is None or not any(cell.strip() for cell in header):
            raise InputError(source or "<data>", [Problem("row 1", "the file is empty or has no header")])
        reader.header(header)
        raw: list[str] = []
        start = records.line_num
        for last in records:
            number += 1
            reader.row(number, last)
            lines = rowlike_lines(last, len(header))
            raw = raw or (list(io.StringIO(text, newline="")) if lines else raw)
            if lines and not well_formed(raw[start : records.line_num]):
                reader.report(Severity.ERROR, "UPR013", f"row {number}", rows_message(lines))
            start = records.line_num
    except csv.Error as exc:
        raise InputError(source or "<data>", [Problem(f"row {number + 1}", f"not CSV: {exc}")]) from None
    swallowed = unclosed_quote(last, text)
    if swallowed and not rowlike_lines(last, len(header)):
        reader.report(Severity.ERROR, "UPR013", f"row {number}", unclosed_message(swallowed))
    recommendations = reader.recommendations()
    if state is not None and not reader.matched:
        reader.report(Severity.WARNING, "UPR011", "",
                      f"no row for the State {state!r} (the file has {len(reader.all_states)} States under review)")
    states = tuple(reader.display(key) for key in reader.spellings)
    findings = sorted(reader.tally.findings(), key=_row_of)
    return UprImport(tuple(recommendations), tuple(findings), decoded, states, reader.rows)


def _row_of(finding: Finding) -> int:
    """The row number of a finding's location (0 for the whole file), to sort findings in row order."""
    head = finding.location.split(",")[0]
    return int(head[4:]) if head.startswith("row ") and head[4:].isdecimal() else 0
