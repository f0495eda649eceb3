"""examples/plan_table.py writes a plan matrix as Excel, imports it and prints what it read."""

from __future__ import annotations

from pathlib import Path

from .test_examples import run


def test_plan_table_example_reads_the_workbook_it_writes(tmp_path: Path) -> None:
    out = run("plan_table.py", str(tmp_path))
    assert (tmp_path / "disability-plan.xlsx").exists()
    assert "1.2 Fit ramps at district courts" in out
    assert "due: Q3 2024" in out
    assert "Union of Disabled People's Organisations (partner)" in out
    assert "due: by 15 July 2024" in out
    assert "TB002 [warning]" in out
