"""Made-up plan tables, written as CSV, read back to the same measures."""

from __future__ import annotations

import csv
import io

from hypothesis import given

import hrplan
from hrplan.testing import ExpectedMeasure, PlanTable, plan_tables


def to_csv(table: PlanTable) -> io.BytesIO:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(table.rows)
    stream = io.BytesIO(buffer.getvalue().encode("utf-8"))
    stream.name = "made-up.csv"
    return stream


@given(plan_tables())
def test_a_plan_table_written_as_csv_reads_back_to_its_measures(table: PlanTable) -> None:
    result = hrplan.load(to_csv(table))
    assert ExpectedMeasure.all_read(result.program) == list(table.expected)
    assert not [f for f in result.findings if f.severity is hrplan.Severity.ERROR]
