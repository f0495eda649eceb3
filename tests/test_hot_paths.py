"""The shortcuts of the hot paths give what the plain rules give."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan.builtins.csv_format._lines import csv_lines
from hrplan.plugins import get_manager
from hrplan.testing import programs


def _program(pid: str, limit: str) -> hrplan.Program:
    child = hrplan.Measure("1.1.1", "Child")
    parent = hrplan.Measure("1.1", "Parent", time_limit=hrplan.parse_time_limit(limit), children=(child,))
    return hrplan.Program(pid, "P", chapters=(hrplan.Chapter(1, "C", measures=(parent,)),))


def test_inherited_time_limit_follows_the_program_asked_about() -> None:
    first, second = _program("first", "2012"), _program("second", "2020")
    day = date(2013, 1, 1)
    for _ in range(2):  # alternate, so that the per-program table is rebuilt each time
        assert hrplan.status(first.measure("1.1.1"), day, program=first) is hrplan.Status.OVERDUE
        assert hrplan.status(second.measure("1.1.1"), day, program=second) is hrplan.Status.NOT_STARTED


def test_a_measure_from_elsewhere_does_not_inherit() -> None:
    program = _program("first", "2012")
    stranger = attrs.evolve(program.measure("1.1.1"), title="Elsewhere")
    assert hrplan.effective_time_limit(stranger, program) is None
    assert hrplan.status(stranger, date(2013, 1, 1), program=program) is hrplan.Status.ONGOING


_CELL = st.text(alphabet=st.sampled_from(list('ab ,"\r\n\'=é\x00')), max_size=6)


@given(st.lists(st.lists(_CELL, min_size=0, max_size=4).map(tuple), max_size=5))
def test_csv_lines_are_csv_writer_bytes(rows: list[tuple[str, ...]]) -> None:
    expected = io.StringIO(newline="")
    csv.writer(expected, lineterminator="\r\n").writerows(rows)
    assert "".join(csv_lines(rows)) == expected.getvalue()


def _csv_writer_bytes(program: hrplan.Program, **options: object) -> tuple[bytes, bytes]:
    exporter = get_manager().exporters()["csv"]
    written = io.BytesIO()
    exporter.export(program, written, **options)
    expected = io.StringIO(newline="")
    csv.writer(expected, lineterminator="\r\n").writerows(exporter.rows(program, **options))
    return written.getvalue(), expected.getvalue().encode()


@pytest.mark.parametrize("table", ["measures", "institutions", "events"])
def test_csv_export_writes_csv_writer_bytes(table: str) -> None:
    program = hrplan.load(Path("examples/data/az-2012.json")).program
    written, expected = _csv_writer_bytes(program, table=table, as_of="2013-01-01")
    assert written == expected


@given(programs(), st.sampled_from(["measures", "institutions", "events"]), st.booleans())
def test_csv_export_of_any_program_writes_csv_writer_bytes(program: hrplan.Program, table: str, bom: bool) -> None:
    written, expected = _csv_writer_bytes(program, table=table, as_of="2013-01-01", bom=bom)
    assert written == (b"\xef\xbb\xbf" if bom else b"") + expected
