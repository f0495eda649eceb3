"""hrplan.delimited: the one delimiter sniffer (csv-table and the events spreadsheet share it), and the
unclosed-quote check every CSV importer makes."""

from __future__ import annotations

import csv
import doctest
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan import delimited
from hrplan.builtins.events_csv._source import delimiter as events_delimiter
from hrplan.delimited import DELIMITERS, rows_in_cells, sniff_delimiter, unclosed_quote


def _cells(delimiter: str) -> st.SearchStrategy[list[list[str]]]:
    """Rows of six cells; a cell may hold the table's own delimiter (written quoted), not another one."""
    word = st.text(alphabet="abc .-()" + delimiter, min_size=1, max_size=12).filter(lambda w: w.strip())
    return st.lists(st.lists(word, min_size=6, max_size=6), min_size=3, max_size=12)


def test_the_examples_in_the_docstrings() -> None:
    assert doctest.testmod(delimited).failed == 0


@given(st.data(), st.sampled_from(DELIMITERS), st.integers(2, 6), st.booleans())
def test_a_written_table_is_sniffed_with_its_delimiter(data: st.DataObject, chosen: str, width: int,
                                                       title: bool) -> None:  # fmt: skip
    rows = data.draw(_cells(chosen))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=chosen, lineterminator="\n")
    if title:
        buffer.write("A plan, 2024-2026\n")  # a title line above the table, a comma in it
    writer.writerows(row[:width] for row in rows)
    assert sniff_delimiter(buffer.getvalue()) == chosen


def test_a_semicolon_table_with_commas_in_its_cells() -> None:
    text = "Plan 2024\nNo.;Activity;Deadline\n1;Train judges, prosecutors and lawyers;2025\n2;Publish, print;2026\n"
    assert sniff_delimiter(text) == ";"


def test_the_events_spreadsheet_lets_its_header_decide() -> None:
    text = "title;start;kind\nTraining, Baku;2020-02-13;training\n"
    assert events_delimiter(text, {"title", "start", "kind"}) == ";"
    assert events_delimiter("title,start\nA;B,2020-01-01\n", {"title", "start"}) == ","


def _plan_csv() -> bytes:
    program = hrplan.Program("p", "Plan", chapters=(hrplan.Chapter(1, "One", measures=(
        hrplan.Measure("1.1", "Open shelters"), hrplan.Measure("1.2", "Train staff"))),))  # fmt: skip
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="csv")
    return buffer.getvalue().replace(b"Open shelters", b'"Open shelters', 1).replace(b'""Open', b'"Open', 1)


UNCLOSED = {
    "csv-table": (b'No.,Activity,Deadline\n1,"Open shelters,2025\n2,Train staff,2026\n3,Audit,2027\n', {}, "CT002"),
    "upr-csv": (b'text,to,decision,From\n"109.1. Ratify (Chile);,azerbaijan,support,Chile\n'
                b"109.2. Train judges (Peru);,azerbaijan,support,Peru\n", {}, "UPR013"),
    "events-csv": (b'date,title,measures\n2012-03-01,"Training,1.1\n2012-04-01,Seminar,1.1\n', {"program": "base"},
                   "EV015"),
}


@pytest.mark.parametrize("fmt", [*UNCLOSED, "csv"])
def test_a_quote_never_closed_is_reported_where_it_swallows_the_rest(fmt: str) -> None:
    """Python's CSV reader puts the rest of the file into the cell: every CSV importer says so."""
    data, options, code = UNCLOSED[fmt] if fmt in UNCLOSED else (_plan_csv(), {}, "CSV011")
    if options.get("program") == "base":
        options = {"program": hrplan.Program("p", "Plan", chapters=(hrplan.Chapter(1, "One", measures=(
            hrplan.Measure("1.1", "Train"),)),))}  # fmt: skip
    result = hrplan.load(io.BytesIO(data), format=fmt, **options)
    (finding,) = [f for f in result.findings if f.code == code]
    assert finding.severity is hrplan.Severity.ERROR
    assert finding.location.startswith("row 2")
    assert "never closed" in finding.message or "look like rows" in finding.message


@given(st.lists(st.lists(st.text(alphabet="ab ,\n\"", max_size=6), min_size=1, max_size=4), min_size=1, max_size=6))
def test_a_well_formed_file_never_reports_an_unclosed_quote(rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    text = buffer.getvalue()
    records = list(csv.reader(io.StringIO(text, newline=""), strict=False))
    assert unclosed_quote(records[-1], text) == 0


CLOSED_FAR_BELOW = {
    "csv-table": (b'No.,Activity,Responsible,Deadline\n1,"Open shelters,MoH,2025\n2,Train staff,MoJ,2026\n'
                  b'3,"Audit, review",MoF,2027\n4,Report,MoJ,2028\n', {}, "CT002"),
    "upr-csv": (b'text,to,decision,From\n"109.1. Ratify (Chile);,azerbaijan,support,Chile\n'
                b'109.2. Train judges (Peru);,azerbaijan,support,Peru\n'
                b'"109.3. Fund it (Togo);",azerbaijan,support,Togo\n'
                b"109.4. Adopt (Mali);,azerbaijan,support,Mali\n", {}, "UPR013"),
}


@pytest.mark.parametrize("fmt", list(CLOSED_FAR_BELOW))
def test_a_quote_closed_far_below_is_reported_at_its_row(fmt: str) -> None:
    data, options, code = CLOSED_FAR_BELOW[fmt]
    result = hrplan.load(io.BytesIO(data), format=fmt, **options)
    (finding,) = [f for f in result.findings if f.code == code]
    assert finding.location.startswith("row 2")
    assert "look like rows" in finding.message


@given(st.lists(st.lists(st.text(alphabet="ab ,\n\"", max_size=8), min_size=3, max_size=3), min_size=1, max_size=6))
def test_a_well_formed_file_never_reports_rows_in_cells(rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    text = buffer.getvalue()
    records = list(csv.reader(io.StringIO(text, newline=""), strict=False))
    assert list(rows_in_cells(records, text)) == []


@pytest.mark.parametrize("fmt", ["csv-table", "upr-csv"])
def test_cells_of_several_lines_with_commas_are_no_alarm(fmt: str) -> None:
    data = {
        "csv-table": b'No.,Activity,Responsible\n1,Open shelters,"Ministry of Labour, Social Affairs, Baku\n'
                     b'Ministry of Health, Central Office, Baku"\n2,Train staff,Ministry of Justice\n',
        "upr-csv": b'text,to,decision,From\n"109.1. Ratify the Convention:\nin law, in practice, and in policy, '
                   b'including budgets (Chile);",Azerbaijan,support,Chile\n',
    }[fmt]
    result = hrplan.load(io.BytesIO(data), format=fmt)
    assert not [f for f in result.findings if f.code in ("CT002", "UPR013")]
