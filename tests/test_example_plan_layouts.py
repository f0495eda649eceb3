"""``examples/plan_layouts.py`` reads plans in three layouts."""

from __future__ import annotations

import subprocess
import sys

from .conftest import EXAMPLES


def test_plan_layouts_example_reads_every_layout() -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "plan_layouts.py")], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Bar Association (partner)" in out
    assert "Office of the Securities and Exchange Commission (lead)" in out
    assert "Ministry of Health (lead) | funding: No financing is required; budget: EUR 10,000" in out
    assert out.count("findings:") == 3
