"""Write the 2012 program as an Excel workbook and Word documents, and read the workbook back.

Uses the ``hrplan-office`` plugin: the ``xlsx`` workbook (read back to the same
program), the implementation report (``docx``), the UPR implementation matrix
in the shape of OHCHR's thematic lists (``upr-matrix-docx``, with the 2013 UPR
recommendations linked as in ``upr_follow_up.py``), and the CRC and NPM report
skeletons in Word with the word count of each part.

Usage::

    python examples/office_documents.py [OUT_DIR] [AS_OF]   # defaults: ./out, 2015-12-31
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import hrplan
from hrplan.plugins import get_manager

sys.path.insert(0, str(Path(__file__).resolve().parent))
import upr_follow_up  # the example beside this one: the program with its recommendations

ORGANISATION = "Office of the Commissioner for Human Rights (Ombudsman)"


def write_workbook(program: hrplan.Program, out: Path, as_of: date) -> None:
    """Write the workbook, read it back, and say what came back."""
    import openpyxl

    target = out / "az-2012-with-upr.xlsx"
    hrplan.export(program, target, as_of=as_of)
    sheets = openpyxl.load_workbook(target, read_only=True).sheetnames
    result = hrplan.load(target)
    same = "the same program" if result.program == program else "a DIFFERENT program"
    print(f"  xlsx     {target}  sheets: {', '.join(sheets)}")
    print(f"           read back: {same}, {len(result.findings)} finding(s)")


def write_documents(program: hrplan.Program, out: Path, as_of: date) -> None:
    """Write the report, the matrix and the two skeletons; print what each holds."""
    import docx

    documents = (
        ("docx", "az-2012.report.docx", {"organisation": ORGANISATION}),
        ("upr-matrix-docx", "az-2013.upr-matrix.docx", {"organisation": ORGANISATION}),
        ("crc-report-docx", "az-2012.crc-report.docx", {}),
        ("npm-annual-docx", "az-2012.npm-annual.docx", {"year": as_of.year}),
    )
    for name, filename, options in documents:
        target = out / filename
        hrplan.export(program, target, format=name, as_of=as_of, **options)
        doc = docx.Document(str(target))
        rows = sum(len(table.rows) for table in doc.tables)
        headings = sum(1 for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading"))
        print(f"  {name:<16} {target}  ({headings} headings, {len(doc.tables)} tables, {rows} table rows)")


def main(argv: list[str]) -> int:
    """Load, link, write."""
    out = Path(argv[0] if argv else "out")
    try:
        as_of = date.fromisoformat(argv[1]) if len(argv) > 1 else upr_follow_up.AS_OF
    except ValueError:
        print(f"usage: office_documents.py [OUT_DIR] [YYYY-MM-DD]; {argv[1]!r} is not a date", file=sys.stderr)
        return 2
    if "xlsx" not in get_manager().exporters():
        print("The Office formats need the hrplan-office plugin: pip install -e plugins/hrplan-office")
        return 0
    program = upr_follow_up.link(upr_follow_up.load_program())
    out.mkdir(parents=True, exist_ok=True)
    print(f"\nWriting Excel and Word files, status as of {as_of}, to {out}/")
    write_workbook(program, out, as_of)
    write_documents(program, out, as_of)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
