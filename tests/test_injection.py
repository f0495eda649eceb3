"""Injection closed: spreadsheet formulas, calendar URLs and control characters."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan.cells import FIRST, neutralise, restore, safe

PAYLOADS = (" =1+2", "\n=cmd|' /C calc'!A0", "\t@SUM(A1)", " \r\n+1", "\u00a0-2+3", "\n\n@x")


def _program(title: str, url: str = "https://example.org/a") -> hrplan.Program:
    measure = hrplan.Measure("1.1", title, implementers=(hrplan.Implementer("ministry"),),
                             time_limit=hrplan.parse_time_limit("2012"))
    event = hrplan.Event(id="e1", title=title, kind=hrplan.EventKind.TRAINING,
                         dates=hrplan.DateSpan(date(2012, 3, 1)), measures=("1.1",), source_url=url)
    return hrplan.Program(
        "p", title, chapters=(hrplan.Chapter(1, title, measures=(measure,)),),
        institutions=(hrplan.Institution("ministry", title),), events=(event,),
    )


def _formula_cells(data: bytes) -> list[str]:
    """Cells that a spreadsheet could read as a formula (after skipping whitespace)."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    return [c for row in rows for c in row if _formula(c)]


def _formula(cell: str) -> bool:
    return bool(cell) and (cell.lstrip()[:1] in tuple("=+-@") or cell[0] in "\t\r")


@pytest.mark.parametrize("fmt", ["csv", "workload", "upr-matrix"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_csv_exporter_writes_a_formula_even_after_whitespace(fmt: str, payload: str) -> None:
    buffer = io.BytesIO()
    hrplan.export(_program(payload), buffer, format=fmt)
    assert _formula_cells(buffer.getvalue()) == []


@given(st.text(max_size=12))
def test_neutralise_is_undone_exactly_and_leaves_no_formula(cell: str) -> None:
    written = safe(cell)
    assert restore(written) == cell
    assert not _formula(written)
    assert written == (neutralise(cell) if cell[:1] in FIRST else cell)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "JaVaScRiPt:x"])
def test_ics_leaves_out_unsafe_urls(url: str) -> None:
    buffer = io.BytesIO()
    hrplan.export(_program("Training", url), buffer, format="ics", include="events")
    assert b"URL" not in buffer.getvalue().replace(b"\r\n ", b"")


def test_ics_writes_safe_urls_without_line_breaks() -> None:
    buffer = io.BytesIO()
    hrplan.export(_program("Training", "https://example.org/a\nBEGIN:VEVENT\nX"), buffer, format="ics")
    unfolded = buffer.getvalue().replace(b"\r\n ", b"")
    assert b"URL:https://example.org/aBEGIN:VEVENTX" in unfolded
    lines = unfolded.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT")
    assert b"mailto:" in _ics(_program("Training", "mailto:office@example.org"))


def _ics(program: hrplan.Program) -> bytes:
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="ics")
    return buffer.getvalue()


def test_ics_strips_control_characters() -> None:
    data = _ics(_program("Nul\x00 esc\x1b[31m bell\x07 del\x7f c1\x85 tab\tline\nend"))
    assert not any(b in data for b in (b"\x00", b"\x1b", b"\x07", b"\x7f", "\x85".encode()))
    assert all(line.endswith(b"\r") for line in data.split(b"\n")[:-1])
    assert b"esc[31m" in data.replace(b"\r\n ", b"")


def test_html_escapes_markup() -> None:
    buffer = io.BytesIO()
    hrplan.export(_program("<script>alert(1)</script>"), buffer, format="html", as_of="2013-01-01")
    assert b"<script>alert(1)" not in buffer.getvalue()
