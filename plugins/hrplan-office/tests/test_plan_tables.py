"""Plan tables in Excel and Word files, read by hrplan's plan-table layout (fixtures in our own words)."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import docx
import hrplan
import openpyxl
from hrplan.testing import ExpectedMeasure, PlanTable, plan_tables
from hypothesis import given, settings
from hypothesis import strategies as st


def _save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _workbook() -> bytes:
    """Two sheets: a title and notes above a header on row 4, merged group cells, names
    with commas and "and" inside; a second sheet with its own header and a legend sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Justice"
    sheet["A1"] = "Action Plan on Access to Justice 2023-2026"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "Prepared by the interagency working group; figures are indicative"
    sheet.append([])
    sheet.append(["No.", "Issue", "Activity", "Responsible body", "Partners", "Time-frame (2023-2026)"])
    sheet.append([1, "Legal aid", "Open legal aid offices in rural districts",
                  "Ministry of Justice, Legal Aid and Notary Affairs", "Bar Association\nLaw Clinic Network",
                  "first semester of 2024"])  # fmt: skip
    sheet.append([None, None, "Publish a register of legal aid lawyers",
                  "Ministry of Justice, Legal Aid and Notary Affairs", None, "Third quarter"])  # fmt: skip
    sheet.merge_cells("A5:A6")
    sheet.merge_cells("B5:B6")
    sheet.merge_cells("D5:D6")
    sheet.append([2, "Courts", "Record hearings in all courts", "Judicial Council", None,
                  datetime.datetime(2025, 12, 31)])  # fmt: skip
    health = book.create_sheet("Health")
    health.append(["No.", "Activities", "Lead agency", "Deadline", "Budget (USD)"])
    health.append(["3", "Train prison doctors", "Ministry of Health and Social Care", "2024-25", "15,000"])
    legend = book.create_sheet("Legend")
    legend.append(["Colours show the state of each activity"])
    return _save(book)


def _read(tmp_path: Path, name: str, data: bytes, **options: Any) -> hrplan.plugins.ImportResult:
    path = tmp_path / name
    path.write_bytes(data)
    return hrplan.load(path, **options)


def test_an_excel_plan_table_with_two_sheets_merged_cells_and_a_header_on_row_4(tmp_path: Path) -> None:
    result = _read(tmp_path, "justice.xlsx", _workbook())
    program = result.program
    assert program.title == "Action Plan on Access to Justice 2023-2026"
    assert [(c.title, [str(m.id) for m in c.measures]) for c in program.chapters] == [
        ("Justice", ["1", "2"]), ("Health", ["3"])
    ]
    aid = program.measure("1")
    assert aid.title == "Legal aid"
    assert [m.title for m in aid.children] == [
        "Open legal aid offices in rural districts", "Publish a register of legal aid lawyers"
    ]
    first = program.measure("1.1")
    assert [(i.institution, i.role.value) for i in first.implementers] == [
        ("ministry-of-justice-legal-aid-and-notary-affairs", "lead"),
        ("bar-association", "partner"),
        ("law-clinic-network", "partner"),
    ]
    assert str(first.time_limit) == "H1 2024"
    assert str(program.measure("1.2").time_limit) == "Q3 2023"  # the first year of the column's period
    assert program.measure("1.2").institutions == ("ministry-of-justice-legal-aid-and-notary-affairs",)
    courts = program.measure("2")
    assert courts.time_limit is not None
    assert courts.time_limit.end == datetime.date(2025, 12, 31)
    doctors = program.measure("3")
    assert doctors.institutions == ("ministry-of-health-and-social-care",)
    assert str(doctors.time_limit) == "2024-2025"
    assert doctors.budget == "15,000"
    found = {f.code: f for f in result.findings}
    assert found["TB002"].location == "sheet 'Legend'"
    assert found["TB009"].location == "sheet 'Justice', row 2"
    assert "TB008" not in found


def test_the_columns_option_with_the_layout_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "What", "Who"])
    sheet.append(["1", "Visit shelters", "Ombudsman"])
    result = _read(tmp_path, "odd.xlsx", _save(book), layout="plan-table", columns="title:What,lead:Who")
    assert result.program.measure("1").institutions == ("ombudsman",)
    assert any(f.code == "TB001" and "'Ref'" in f.message for f in result.findings)


def _document() -> bytes:
    document = docx.Document()
    document.add_paragraph("National Plan on the Rights of Older Persons 2022")
    document.add_paragraph("Table 1. Activities")
    table = document.add_table(rows=5, cols=4)
    rows = [
        ("No.", "Activity", "Responsible agencies", "Timeline"),
        ("1.", "Survey care homes", "Ministry of Labour, Employment and Social Protection", "March-April"),
        ("", "Publish the survey", "", "June"),
        ("No.", "Activity", "Responsible agencies", "Timeline"),
        ("2.", "Set up a hotline", "- Social Services Agency\n- Red Crescent Society (partner)", "by December"),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 2).merge(table.cell(2, 2))
    empty = document.add_table(rows=2, cols=2)
    empty.cell(0, 0).text = "No."
    empty.cell(0, 1).text = "Activity"
    return _save(document)


def test_a_word_plan_table_with_merged_cells_and_a_header_repeated_on_each_page(tmp_path: Path) -> None:
    result = _read(tmp_path, "older.docx", _document(), default_year=2022)
    program = result.program
    assert [str(m.id) for m in program.iter_measures()] == ["1", "1.1", "1.2", "2"]
    assert str(program.measure("1.1").time_limit) == "March-April 2022"
    assert program.measure("1.2").institutions == ("ministry-of-labour-employment-and-social-protection",)
    hotline = program.measure("2")
    assert [(i.institution, i.role.value) for i in hotline.implementers] == [
        ("social-services-agency", "lead"), ("red-crescent-society", "partner")
    ]
    assert str(hotline.time_limit) == "by December 2022"
    codes = [(f.code, f.location) for f in result.findings]
    assert ("TB013", "table 1, row 4") in codes
    assert ("TB008", "table 2") in codes


@settings(max_examples=25)
@given(plan_tables(), st.booleans())
def test_a_made_up_plan_table_written_as_xlsx_reads_back_to_its_measures(table: PlanTable, merge: bool) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in table.rows:
        sheet.append(list(row))
    if merge:  # blank group cells below a filled one become merged cells
        for column in range(1, len(table.rows[-1]) + 1):
            for row in range(2, len(table.rows) + 1):
                above, cell = sheet.cell(row - 1, column).value, sheet.cell(row, column).value
                if cell in (None, "") and above not in (None, "") and _group_column(table, column):
                    sheet.merge_cells(start_row=row - 1, start_column=column, end_row=row, end_column=column)
    stream = io.BytesIO(_save(book))
    stream.name = "made-up.xlsx"
    result = hrplan.load(stream)
    assert ExpectedMeasure.all_read(result.program) == list(table.expected)


def _group_column(table: PlanTable, column: int) -> bool:
    header = next(row for row in table.rows if sum(1 for cell in row if cell) > 1)
    return header[column - 1] in ("No.", "Nr", "Number", "#", "Issue", "Area", "Thematic area", "Objective", "Goal")
