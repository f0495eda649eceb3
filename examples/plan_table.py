"""Import a plan kept as an Excel table, the way those who follow plans up keep them.

Writes a small made-up plan matrix as an Excel workbook (openpyxl, which the
``hrplan-office`` plugin installs): a title and a note above the header row,
merged group cells, an issue with two activities, several institutions in one
cell, a partner column, time-frames with and without a year, a second sheet and
a legend sheet. Then imports it with ``hrplan.load`` (the ``xlsx`` container
hands the sheets to the ``plan-table`` layout) and prints every measure read and
every finding: what hrplan guessed, and what it could not read.

Usage::

    python examples/plan_table.py [OUT_DIR]   # default: ./out
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl

import hrplan


def write_workbook(path: Path) -> None:
    """A plan matrix as a ministry might keep it (the text is made up for this example)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matrix"
    sheet["A1"] = "Action Plan on the Rights of Persons with Disabilities 2024-2027"
    sheet["A2"] = "Working copy of the monitoring unit"
    sheet.append([])
    sheet.append(["No.", "Issue", "Activities", "Responsible agencies", "Partners", "Time-frame (2024-2027)",
                  "Indicators", "Colour"])  # fmt: skip
    sheet.append([1, "Accessible buildings", "Audit public buildings for step-free access",
                  "Ministry of Construction and Urban Planning", "Union of Disabled People's Organisations",
                  "first semester of 2024", "Audit report published", "green"])  # fmt: skip
    sheet.append([None, None, "Fit ramps at district courts", "Judicial Council\nCourt Administration", None,
                  "Third quarter", "- Courts fitted\n- Complaints received", "amber"])  # fmt: skip
    sheet.merge_cells("A5:A6")
    sheet.merge_cells("B5:B6")
    sheet.append([2, "Sign language", "Train interpreters for public services", "Ministry of Education",
                  None, "2024-25", "Interpreters trained", ""])  # fmt: skip
    second = book.create_sheet("Employment")
    second.append(["No.", "Activity", "Lead agency", "Deadline"])
    second.append([3, "Review the job quota law", "Ministry of Labour", "within 6 months"])
    legend = book.create_sheet("Legend")
    legend.append(["green: on track, amber: late"])
    book.save(path)


def main(out: Path) -> None:
    """Write the workbook, import it and print what was read."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "disability-plan.xlsx"
    write_workbook(path)
    result = hrplan.load(path, adopted="2024-01-15")
    program = result.program
    print(f"{program.title} (period {program.period})")
    for chapter in program.chapters:
        print(f"\n{chapter.title}")
        for measure in chapter.iter_measures():
            names = ", ".join(f"{program.institutions[i.institution].name} ({i.role.value})"
                              for i in measure.implementers)  # fmt: skip
            indent = "  " * measure.id.depth
            print(f"{indent}{measure.id} {measure.title}")
            if measure.time_limit or names:
                print(f"{indent}   due: {measure.time_limit or '-'}; by: {names or '-'}")
    print(f"\n{len(result.findings)} finding(s):")
    for finding in result.findings:
        print(f"  {finding}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
