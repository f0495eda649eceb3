"""The ``upr-csv`` importer's per-value caches and fast paths give what the plain functions give."""

from __future__ import annotations

import csv
import io
import re
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from hrplan.builtins.upr_csv import _import, _rows
from hrplan.builtins.upr_csv._import import read_upr

# Few distinct values, so that rows repeat them (the cached case) and differ in spacing and case.
_STATES = st.sampled_from(["Chile", " chile ", "CHILE", "Ghana", "Côte d'Ivoire", "", "  "])
_DECISIONS = st.sampled_from(["Accepted", " accepted", "Noted", "under-consideration", "maybe", ""])
_YEARS = st.sampled_from(["2012", " 2013 ", "12", "twenty", ""])
_TEXTS = st.sampled_from([
    "101.1. Ratify the convention (Chile);",
    "101.1. Ratify the convention (Chile);",
    "101.2 Adopt a law (Venezuela (Bolivarian Republic of)) ;",
    "Adopt a plan (Ghana, Chile)",
    "102.3. Protect children (Ghana) Annex [only]",
    "103 1. No States here",
    "  ",
    "104.1. Nested (a (b) c) (Peru)1; );",
])
_ROWS = st.lists(st.tuples(_TEXTS, _STATES, _DECISIONS, _STATES, _YEARS), max_size=25)


def _file(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["text", "to", "decision", "From", "year"])
    writer.writerows(rows)
    return out.getvalue().encode()


class _Forgetful(_import._Reader):
    """The reader with its caches emptied before every row: each value worked out afresh."""

    def row(self, number: int, cells: list[str]) -> None:
        for cache in (self._states, self._decisions, self._texts, self._years):
            cache.clear()
        super().row(number, cells)


@given(_ROWS)
def test_cached_reading_is_plain_reading(rows: list[tuple[str, str, str, str, str]]) -> None:
    data = _file(rows)
    cached = read_upr(data, source="upr.csv")
    with mock.patch.object(_import, "_Reader", _Forgetful):
        plain = read_upr(data, source="upr.csv")
    assert cached == plain


_SPACES = re.compile(r"\s+")


@given(st.text(alphabet=" \t\n\x0b\x1c\u00a0\u2003ab;:,.()"))
def test_clean_is_the_regex_one(text: str) -> None:
    assert _rows._clean(text) == _SPACES.sub(" ", text).strip().rstrip(_rows._TRAILING).strip()


def _opening_by_scan(text: str, close: int) -> int | None:
    depth = 0
    for i in range(close, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


@given(st.text(alphabet="ab ()"))
def test_opening_fast_path_is_the_scan(text: str) -> None:
    for close, char in enumerate(text):
        if char == ")":
            assert _rows.opening_parenthesis(text, close) == _opening_by_scan(text, close)
