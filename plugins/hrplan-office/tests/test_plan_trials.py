"""Plan tables in Excel and Word laid out as other plans lay them out, read as a careful
person would (fixtures made up in our own words, written here with openpyxl and python-docx).

A header over two rows with merged cells, an issue cell merged over several activity
rows, one sheet per chapter, a header repeated on every page, a numbered objective
column over its activities, and column titles such as ``Sr. No.``, ``Action Points``,
``Responsible Ministry/Department``, ``Completion Date``, ``Key Performance Indicator``,
``Estimated cost (USD)`` and ``Outputs``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import hrplan
import openpyxl


def _rows(program: hrplan.Program) -> list[tuple[str, str]]:
    return [(str(m.id), m.title) for m in program.iter_measures()]


def _roles(program: hrplan.Program, number: str) -> list[tuple[str, str]]:
    return [(i.institution, i.role.value) for i in program.measure(number).implementers]


def _limit(program: hrplan.Program, number: str) -> str:
    return str(program.measure(number).time_limit)


def _codes(result: hrplan.plugins.ImportResult) -> set[str]:
    return {f.code for f in result.findings}


def _word(rows: Sequence[Sequence[str]], title: str | None = None) -> tuple[Any, Any]:
    """A Word document holding one table of ``rows`` (and the table, to merge cells)."""
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return document, table


def test_excel_header_over_two_rows_with_merged_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Action Plan on Roma Inclusion 2025-2027"
    sheet.append([])
    sheet.append(["Sr. No.", "Action Points", "Responsibility", None, "Timeframe", "Key Performance Indicator",
                  "Estimated cost (USD)"])  # fmt: skip
    sheet.append([None, None, "Lead", "Partners", None, None, None])
    for cells in ("A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4", "G3:G4"):
        sheet.merge_cells(cells)
    sheet.append([1, "Hire school mediators in settlements", "Ministry of Education", "Roma Council", "Q3 2025",
                  "Mediators hired", 90000])  # fmt: skip
    sheet.append([2, "Register births of children without papers", "Civil Registry Office",
                  "UNICEF; Legal Aid Centre", "by end-2026", "Children registered", None])  # fmt: skip
    path = tmp_path / "roma.xlsx"
    book.save(path)
    result = hrplan.load(path)
    program = result.program
    assert program.title == "Action Plan on Roma Inclusion 2025-2027"
    assert _rows(program) == [("1", "Hire school mediators in settlements"),
                              ("2", "Register births of children without papers")]  # fmt: skip
    assert _roles(program, "1") == [("ministry-of-education", "lead"), ("roma-council", "partner")]
    assert _roles(program, "2") == [("civil-registry-office", "lead"), ("unicef", "partner"),
                                    ("legal-aid-centre", "partner")]  # fmt: skip
    assert _limit(program, "1") == "Q3 2025"
    assert _limit(program, "2") == "by 2026"
    assert program.measure("1").indicators == ("Mediators hired",)
    assert program.measure("1").budget == "90000"
    # the two header rows are one header: nothing reported as text above it
    assert "TB009" not in _codes(result)


def test_excel_time_chart_under_a_merged_timeframe_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No.", "Activity", "Lead agency", "Timeframe", None, None, "Indicator"])
    sheet.append([None, None, None, 2024, 2025, 2026, None])
    for cells in ("A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:G2"):
        sheet.merge_cells(cells)
    sheet.append([1, "Open day centres in every district", "Ministry of Social Affairs", "X", "X", None,
                  "Centres open"])  # fmt: skip
    sheet.append([2, "Set up a pension complaints desk", "Pension Fund", None, "\u2713", None, "Desk open"])
    path = tmp_path / "chart.xlsx"
    book.save(path)
    result = hrplan.load(path)
    program = result.program
    assert _rows(program) == [("1", "Open day centres in every district"), ("2", "Set up a pension complaints desk")]
    assert _limit(program, "1") == "2024-2025"
    assert _limit(program, "2") == "2025"
    assert program.measure("2").indicators == ("Desk open",)
    assert not {"TB001", "TB004", "TB009"} & _codes(result)


def test_excel_issue_merged_over_activities_one_sheet_per_chapter(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "1 Education"
    sheet.append(["No.", "Issue", "Activity", "Implementing Body", "Completion Date"])
    sheet.append(["1.", "Drop-out", "Track absences weekly", "School inspectorate", "Q1 2025"])
    sheet.append([None, None, "Offer catch-up classes", "Municipalities", "2nd half of 2025"])
    sheet.append([None, None, "Fund school meals", "Ministry of Education", "2025-2027 (annually)"])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("B2:B4")
    other = book.create_sheet("2 Health")
    other.append(["No.", "Issue", "Activity", "Implementing Body", "Completion Date"])
    other.append(["2.", "Vaccination", "Send mobile vaccination teams", "Public Health Institute", "Ongoing"])
    other.append([None, None, "Train health mediators", "Public Health Institute\nRed Cross Society (partner)",
                  "2025"])  # fmt: skip
    other.merge_cells("A2:A3")
    other.merge_cells("B2:B3")
    path = tmp_path / "chapters.xlsx"
    book.save(path)
    program = hrplan.load(path).program
    assert [(c.number, c.title) for c in program.chapters] == [(1, "Education"), (2, "Health")]
    assert _rows(program) == [
        ("1", "Drop-out"), ("1.1", "Track absences weekly"), ("1.2", "Offer catch-up classes"),
        ("1.3", "Fund school meals"), ("2", "Vaccination"), ("2.1", "Send mobile vaccination teams"),
        ("2.2", "Train health mediators"),
    ]  # fmt: skip
    assert _limit(program, "1.2") == "H2 2025"
    assert _limit(program, "1.3") == "annually, 2025-2027"
    assert _roles(program, "2.2") == [("public-health-institute", "lead"), ("red-cross-society", "partner")]


def test_word_issue_merged_over_activities_with_outputs_column(tmp_path: Path) -> None:
    document, table = _word([
        ("No.", "Area", "Action Points", "Responsible Ministry/Department", "Completion Date", "Outputs"),
        ("1", "Identification", "Write a checklist for labour inspectors", "Labour Inspectorate", "Q2 2024",
         "Checklist issued"),
        ("", "", "Screen migrants at reception centres", "Migration Service", "within 12 months",
         "Screenings done"),
        ("", "", "Set up a hotline", "Ministry of Interior; Anti-Trafficking Centre (partner)", "Ongoing",
         "Hotline open"),
        ("2", "Shelters", "Open a shelter for men", "Ministry of Social Affairs", "by end-2025", "Shelter open"),
    ], "National Plan against Trafficking 2024-2026")  # fmt: skip
    table.cell(1, 0).merge(table.cell(3, 0))
    table.cell(1, 1).merge(table.cell(3, 1))
    path = tmp_path / "trafficking.docx"
    document.save(path)
    result = hrplan.load(path, adopted="2024-03-01")
    program = result.program
    assert _rows(program) == [
        ("1", "Identification"), ("1.1", "Write a checklist for labour inspectors"),
        ("1.2", "Screen migrants at reception centres"), ("1.3", "Set up a hotline"),
        ("2", "Open a shelter for men"),
    ]  # fmt: skip
    assert _roles(program, "1.1") == [("labour-inspectorate", "lead")]
    assert _roles(program, "1.3") == [("ministry-of-interior", "lead"), ("anti-trafficking-centre", "partner")]
    assert program.measure("1.1").expected_results == ("Checklist issued",)
    assert _limit(program, "1.2") == "by 1 March 2025"
    assert _limit(program, "2") == "by 2025"
    assert not {"TB001", "TB004", "TB005"} & _codes(result)


def test_word_header_repeated_on_every_page(tmp_path: Path) -> None:
    head = ("#", "Measure", "Implementing agency", "Timeline", "Budget")
    document, _ = _word([
        head,
        ("1", "Close the oldest wing of the central prison", "Prison Service", "2025", "none"),
        ("2", "Install video links to courts", "Ministry of Justice", "Q4 2025", "300,000 EUR"),
        head,
        ("3", "Hire 40 prison psychologists", "Prison Service\nMinistry of Health (co-implementer)",
         "2nd half of 2026", "1.2 million EUR"),
    ])  # fmt: skip
    path = tmp_path / "prisons.docx"
    document.save(path)
    result = hrplan.load(path)
    program = result.program
    assert [number for number, _ in _rows(program)] == ["1", "2", "3"]
    assert program.measure("1").budget is None
    assert program.measure("3").budget == "1.2 million EUR"
    assert _roles(program, "3") == [("prison-service", "lead"), ("ministry-of-health", "co-implementer")]
    assert _limit(program, "3") == "H2 2026"
    assert "TB013" in _codes(result)


def test_word_two_row_header_and_a_numbered_objective_merged_over_activities(tmp_path: Path) -> None:
    document, table = _word([
        ("Strategic objective", "Activities", "Responsible", "", "Timeline", "Indicator"),
        ("", "", "Lead agency", "Partners", "", ""),
        ("1. Free speech", "Decriminalise defamation", "Ministry of Justice", "Journalists' Union", "2025",
         "Law amended"),
        ("", "Protect journalists at protests", "Police", "Ombudsman", "Ongoing", "Incidents recorded"),
        ("2. Assembly", "Simplify notice of public meetings", "Ministry of Interior", "", "Q1 2026",
         "Rules published"),
    ])  # fmt: skip
    table.cell(0, 2).merge(table.cell(0, 3))
    for column in (0, 1, 4, 5):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(2, 0).merge(table.cell(3, 0))
    path = tmp_path / "freedoms.docx"
    document.save(path)
    result = hrplan.load(path)
    program = result.program
    assert program.title == "freedoms"  # the header is not a title
    assert _rows(program) == [
        ("1", "Free speech"), ("1.1", "Decriminalise defamation"), ("1.2", "Protect journalists at protests"),
        ("2", "Simplify notice of public meetings"),
    ]  # fmt: skip
    assert _roles(program, "1.1") == [("ministry-of-justice", "lead"), ("journalists-union", "partner")]
    assert _roles(program, "1.2") == [("police", "lead"), ("ombudsman", "partner")]
    assert program.measure("2").indicators == ("Rules published",)
    assert "TB009" not in _codes(result)
