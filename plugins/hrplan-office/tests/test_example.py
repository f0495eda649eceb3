"""examples/office_documents.py writes the workbook and the Word documents that make demo shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import openpyxl

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "office_documents.py"


def test_example_writes_the_workbook_and_the_documents(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(EXAMPLE), str(tmp_path), "2015-12-31"], capture_output=True,
                          text=True, check=False, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "read back: the same program, 0 finding(s)" in done.stdout
    book = openpyxl.load_workbook(tmp_path / "az-2012-with-upr.xlsx", read_only=True)
    assert "recommendation_links" in book.sheetnames
    matrix = docx.Document(str(tmp_path / "az-2013.upr-matrix.docx")).tables[0]
    assert matrix.rows[1].cells[0].text.startswith("Theme: ")
    for name in ("az-2012.report.docx", "az-2012.crc-report.docx", "az-2012.npm-annual.docx"):
        assert docx.Document(str(tmp_path / name)).paragraphs
