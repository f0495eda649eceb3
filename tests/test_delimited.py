"""The one delimiter sniffer: csv-table and the events spreadsheet share it."""

from __future__ import annotations

import csv
import doctest
import io

from hypothesis import given
from hypothesis import strategies as st

from hrplan import delimited
from hrplan.builtins.events_csv._source import delimiter as events_delimiter
from hrplan.delimited import DELIMITERS, sniff_delimiter


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
