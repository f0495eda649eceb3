"""Finding a table's columns by what their cells hold, with their titles as a hint only.

Exports change their column titles from one version to the next; what a
column holds does not change: recommending States are States, a response is
``Accepted`` or ``Noted``, a document symbol looks like ``CRC/C/AZE/CO/5-6``.
:func:`profile` measures each column on a sample of rows, and :func:`assign`
gives each role the column that fits it best.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

import attrs

from hrplan.builtins.recommendations._cells import (
    ascii_digits,
    excel_date,
    is_position_word,
    session_number,
    split_list,
    split_symbol,
)
from hrplan.countries import lookup
from hrplan.tables import Table

__all__ = ["PARAGRAPH_START", "ColumnProfile", "Role", "assign", "find_header", "profile"]

#: How many data rows are looked at to profile the columns.
SAMPLE = 400

_SYMBOL = re.compile(r"^[A-Z]{1,8}(/[A-Za-z0-9.\-()]+){2,}$")
_SDG = re.compile(r"^(-\s*)?(sdg\s*)?\d{1,2}\s*[-\u2013:]", re.I)
_THEME_CODE = re.compile(r"^[A-H]\d{1,2}\b")
#: A UPR paragraph number opening a cell: ``121.4 Ratify``, ``115.16. Adopt`` (not a date or a plain number).
PARAGRAPH_START = re.compile(r"^\s*\d{1,3}\.\d{1,3}(?:\.\d{1,3})?\.?\s+\S")
_GROUPS = frozenset({"weog", "grulac", "asia", "asia-pacific", "eeg", "africa", "observer", "gulac"})


@attrs.frozen
class ColumnProfile:
    """What one column holds, measured on a sample of its cells (ratios are of non-empty cells)."""

    index: int
    title: str
    filled: float
    length: float
    countries: float
    positions: float
    small_ints: float
    ints: float
    distinct: int
    runs: float
    symbols: float
    dash_lists: float
    dates: float
    groups: float
    theme_codes: float
    source_of_position: float
    sdg_like: float
    paragraphs: float = 0.0
    sessions: float = 0.0

    def titled(self, *words: str) -> bool:
        """Whether the column's title holds one of ``words`` (lower case, as words or word starts)."""
        return bool(self.title) and _title_words(words).search(self.title.lower()) is not None


@functools.cache
def _title_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for ``words`` at the start of a word (a table asks each column for the same words)."""
    return re.compile(rf"(?:^|[^a-z])(?:{'|'.join(map(re.escape, words))})")


def find_header(table: Table, look: int = 12) -> int | None:
    """The row holding the column titles: the first of the first rows with 3 short text cells or more."""
    for row in range(min(look, len(table.rows))):
        cells = [table.text(row, c) for c in range(len(table.rows[row]))]
        filled = [c for c in cells if c]
        if len(filled) >= 3 and all(len(c) <= 60 and not c.replace(".", "").isdecimal() for c in filled):
            return row
    return None


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def _first_value(text: str) -> str:
    values = split_list(text) if "\n" in text else [text]
    return values[0] if values else ""


def profile(table: Table, header: int | None, rows: Sequence[int] | None = None) -> list[ColumnProfile]:
    """Measure every column of ``table`` on up to :data:`SAMPLE` data rows after ``header``."""
    first = 0 if header is None else header + 1
    picked = list(rows) if rows is not None else list(range(first, min(len(table.rows), first + SAMPLE)))
    profiles = []
    for column in range(table.width):
        title = table.text(header, column) if header is not None else ""
        raw = [table.value(r, column) for r in picked]
        texts = [table.text(r, column) for r in picked]
        values = [t for t in texts if t]
        n = len(values)
        runs = sum(1 for a, b in itertools.pairwise(texts) if a and a == b)
        firsts = [_first_value(v) for v in values]
        profiles.append(
            ColumnProfile(
                index=column,
                title=title,
                filled=_ratio(n, len(texts)),
                length=sum(len(v) for v in values) / n if n else 0.0,
                countries=_ratio(sum(1 for v in firsts if lookup(v) is not None), n),
                positions=_ratio(sum(1 for v in values if is_position_word(v)), n),
                small_ints=_ratio(sum(1 for v in values if ascii_digits(v) and 1 <= int(v) <= 5), n),
                ints=_ratio(sum(1 for v in values if ascii_digits(v)), n),
                distinct=len(set(values)),
                runs=_ratio(runs, max(n - 1, 1)),
                symbols=_ratio(sum(1 for v in firsts if _SYMBOL.match(split_symbol(v)[0])), n),
                dash_lists=_ratio(sum(1 for v in values if v.startswith("-") or "\n-" in v), n),
                dates=_ratio(sum(1 for r, v in zip(raw, texts, strict=False) if v and excel_date(r)), n),
                groups=_ratio(sum(1 for v in values if v.lower() in _GROUPS), n),
                theme_codes=_ratio(sum(1 for v in values if _THEME_CODE.match(v)), n),
                source_of_position=_ratio(sum(1 for v in values if "source of position" in v.lower()), n),
                sdg_like=_ratio(sum(1 for v in values if _SDG.match(v)), n),
                sessions=_ratio(sum(1 for v in values if session_number(v)), n),
                paragraphs=_ratio(sum(1 for v in values if PARAGRAPH_START.match(v)), n),
            )
        )
    return profiles


@attrs.frozen
class Role:
    """A role a column can play: its name and how well a column fits it (0: not at all)."""

    name: str
    score: Callable[[ColumnProfile], float]
    required: bool = False


def assign(profiles: Sequence[ColumnProfile], roles: Sequence[Role]) -> dict[str, int]:
    """The column of each role: roles in order, each taking the best free column that scores above 0."""
    taken: set[int] = set()
    found: dict[str, int] = {}
    for role in roles:
        best: tuple[float, int] | None = None
        for p in profiles:
            if p.index in taken or p.filled == 0:
                continue
            score = role.score(p)
            if score > 0 and (best is None or score > best[0]):
                best = (score, p.index)
        if best is not None:
            found[role.name] = best[1]
            taken.add(best[1])
    return found
