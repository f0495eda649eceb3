"""The example scripts run and print what the README promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLES


def run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(EXAMPLES / script), *args], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_quickstart_groups_measures_by_status() -> None:
    out = run("quickstart.py", "2013-01-01")
    assert "Status as of 2013-01-01" in out
    assert "overdue (15)" in out
    assert "ongoing (36)" in out
    assert "1.2.1   March-April 2012" in out


def test_quickstart_rejects_a_bad_date() -> None:
    done = subprocess.run([sys.executable, str(EXAMPLES / "quickstart.py"), "yesterday"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 2
    assert "'yesterday' is not a date" in done.stderr


def test_export_formats_writes_every_format(tmp_path: Path) -> None:
    out = run("export_formats.py", "2013-01-01", str(tmp_path))
    assert "Validation: 0 finding(s)" in out
    assert "71 measures, numbers, titles, institutions and time-limits the same" in out
    assert (tmp_path / "az-2012.json").read_bytes() == (EXAMPLES / "data" / "az-2012.json").read_bytes()
    assert (tmp_path / "az-2012.csv").exists()
    assert (tmp_path / "az-2012.md").read_text(encoding="utf-8").startswith("# National Program")
    assert f"datasette {tmp_path / 'az-2012.db'} --metadata {tmp_path / 'az-2012.metadata.json'}" in out


def test_upr_follow_up_writes_the_matrix_and_the_calendar(tmp_path: Path) -> None:
    out = run("upr_follow_up.py", str(tmp_path))
    assert "Reporting calendar of Azerbaijan" in out
    assert "CEDAW" in out
    assert (tmp_path / "az-2013.upr-matrix.csv").exists()
    assert (tmp_path / "az-2013.upr-matrix.md").read_text(encoding="utf-8").count("\n") > 3
    assert "SUMMARY:CRC report no." in (tmp_path / "az-reporting-calendar.ics").read_text(encoding="utf-8")
