"""Recommendation files in layouts the importers were not written against, built here with python-docx/openpyxl."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import hrplan
import openpyxl
import pytest

AS_OF = "2024-06-30"


def _matrix(texts: list[str], symbol: str | None) -> bytes:
    recs = tuple(
        hrplan.Recommendation(f"upr-{i}", "UPR", text, symbol=symbol, paragraph=f"121.{i}",
                              recommending_states=("France",), position=hrplan.Position.SUPPORTED,
                              themes=("A12 Acceptance of international norms",))
        for i, text in enumerate(texts, 1)
    )  # fmt: skip
    program = hrplan.Program("demo", "Demo", country="AZ", recommendations=recs)
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="upr-matrix-docx", as_of=AS_OF)
    return buffer.getvalue()


@pytest.mark.parametrize("symbol", ["A/HRC/43/15", None])
def test_short_recommendations_are_kept(symbol: str | None) -> None:
    """Two- and three-word recommendations are read like long ones, with or without a document symbol."""
    texts = ["Ratify CPED", "Ratify the CPED", "Adopt a comprehensive law against discrimination"]
    result = hrplan.load(io.BytesIO(_matrix(texts, symbol)), format="docx", state="Azerbaijan")
    assert [r.text for r in result.program.recommendations] == texts
    assert [r.recommending_states for r in result.program.recommendations] == [("France",)] * 3
    assert [f.code for f in result.findings] == ([] if symbol else ["REC013"])


def _docx(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    document = docx.Document()
    document.add_paragraph("Thematic list of recommendations")
    table = document.add_table(rows=0, cols=len(header))
    for values in [header, *rows]:
        cells = table.add_row().cells
        if len(values) == 1:  # a grouping row spanning the table
            merged = cells[0].merge(cells[-1])
            merged.text = values[0]
            continue
        for cell, value in zip(cells, values, strict=True):
            lines = value.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_row_without_text_is_reported_with_its_place(tmp_path: Path) -> None:
    """A row whose recommendation cell is empty becomes a finding naming its row, not a silent gap."""
    path = _docx(tmp_path / "list.docx", ["Recommendation", "Position", "Themes"], [
        ["Theme: A41 Constitutional and legislative framework"],
        ["99.1 Ratify CPED (France);", "Supported", "A41 Constitutional and legislative framework"],
        ["", "Noted", "A41 Constitutional and legislative framework"],
    ])  # fmt: skip
    result = hrplan.load(path, state="Azerbaijan")
    assert [r.text for r in result.program.recommendations] == ["Ratify CPED"]
    (finding,) = [f for f in result.findings if f.code == "REC001"]
    assert "row" in str(finding.location)


THIRD_CYCLE = (
    ["Recommendation", "Position", "Full list of themes", "Groups of persons", "SDGs",
     "Assessment/comments on level of implementation"],
    [
        ["Theme: A12 Acceptance of international norms"],
        ["121.4 Ratify the Convention for the Protection of All Persons from Enforced Disappearance "
         "(France) (Lithuania);", "Supported",
         "A12 Acceptance of international norms\nB51 Right to an effective remedy",
         "- general public", "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", ""],
        ["121.5 Ratify the ILO Forced Labour Convention (No. 29) protocol of 2014 (Ghana);", "Noted",
         "A12 Acceptance of international norms", "- workers", "- 8 - DECENT WORK AND ECONOMIC GROWTH", ""],
        ["Theme: D51 Administration of justice & fair trial"],
        ["121.30 Ensure prompt and fair trials for every detainee (Chile, Peru);", "Supported/Noted",
         "D51 Administration of justice & fair trial", "- persons deprived of their liberty",
         "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", ""],
        ["121.31 Train judges (Ukraine);", "Partially supported", "D51 Administration of justice & fair trial",
         "- judges, lawyers and prosecutors", "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", ""],
    ],
)  # fmt: skip


def _fields(result: hrplan.ImportResult) -> list[tuple[object, ...]]:
    return [(r.paragraph, r.text, r.recommending_states, r.position_text, r.themes, r.affected_persons, r.sdgs)
            for r in result.program.recommendations]


EXPECTED_THIRD_CYCLE = [
    ("121.4", "Ratify the Convention for the Protection of All Persons from Enforced Disappearance",
     ("France", "Lithuania"), "Supported",
     ("A12 Acceptance of international norms", "B51 Right to an effective remedy"), ("general public",), (16,)),
    ("121.5", "Ratify the ILO Forced Labour Convention (No. 29) protocol of 2014", ("Ghana",), "Noted",
     ("A12 Acceptance of international norms",), ("workers",), (8,)),
    ("121.30", "Ensure prompt and fair trials for every detainee", ("Chile", "Peru"), "Supported/Noted",
     ("D51 Administration of justice & fair trial",), ("persons deprived of their liberty",), (16,)),
    ("121.31", "Train judges", ("Ukraine",), "Partially supported",
     ("D51 Administration of justice & fair trial",), ("judges, lawyers and prosecutors",), (16,)),
]  # fmt: skip


def test_third_cycle_list_with_columns_of_persons_and_sdgs(tmp_path: Path) -> None:
    """No 'Source of position': recognised by its Theme rows, paragraph numbers and States; every column read."""
    path = _docx(tmp_path / "UPR44_Azerbaijan_list.docx", *THIRD_CYCLE)
    result = hrplan.load(path, state="Azerbaijan")
    assert _fields(result) == EXPECTED_THIRD_CYCLE
    positions = [r.position for r in result.program.recommendations]
    assert positions[:2] == [hrplan.Position.SUPPORTED, hrplan.Position.NOTED]
    assert {r.session for r in result.program.recommendations} == {"44"}


def test_fourth_cycle_titles_and_sdgs_inside_the_themes(tmp_path: Path) -> None:
    """Other titles, columns in another order, SDGs and persons inside the themes cell."""
    header = ["Themes", "Recommendations", "Response", "Assessment"]
    rows = [
        ["Theme: A12 Acceptance of international norms"],
        ["A12 Acceptance of international norms\nB51 Right to an effective remedy\nAffected persons:\n"
         "- general public\nSDGs:\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
         "121.4 Ratify the Convention for the Protection of All Persons from Enforced Disappearance "
         "(France) (Lithuania);", "Supported", ""],
        ["A12 Acceptance of international norms\nAffected persons:\n- workers\nSDGs:\n"
         "- 8 - DECENT WORK AND ECONOMIC GROWTH",
         "121.5 Ratify the ILO Forced Labour Convention (No. 29) protocol of 2014 (Ghana);", "Noted", ""],
    ]  # fmt: skip
    result = hrplan.load(_docx(tmp_path / "list.docx", header, rows), state="Azerbaijan")
    assert _fields(result) == EXPECTED_THIRD_CYCLE[:2]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_upr_info_export_of_a_later_session_in_excel(tmp_path: Path) -> None:
    """Columns re-ordered, UTF-8 names, responses of later sessions, many themes in Issue."""
    rows: list[list[object]] = [
        ["Session", "Response", "Text", "From", "To", "Issue", "Action"],
        [30, "Supported", "Ratify the Convention against Torture's optional protocol", "Côte d'Ivoire", "Azerbaijan",
         "Torture and other CID treatment,International instruments", 5],
        [30, "Noted", "Abolish the offence of defamation", "Türkiye", "Azerbaijan", "Freedom of opinion and expression",
         4],
        [30, "Pending", "Protect journalists from violence", "Norway", "Azerbaijan", "Human rights defenders", 3],
        [30, "Rejected", "Release detained journalists", "Sweden", "Azerbaijan", "Detention", 5],
        [30, "Voluntary Pledge", "Azerbaijan will submit a mid-term report", "Azerbaijan", "Azerbaijan",
         "UPR process", 3],
    ]  # fmt: skip
    result = hrplan.load(_xlsx(tmp_path / "export.xlsx", rows), state="Azerbaijan")
    recs = result.program.recommendations
    assert [r.position_text for r in recs] == ["Supported", "Noted", "Pending", "Rejected", "Voluntary Pledge"]
    assert recs[0].recommending_states == ("Côte d'Ivoire",)
    assert recs[0].themes == ("Torture and other CID treatment", "International instruments")
    assert recs[-1].kind == hrplan.RecommendationKind.VOLUNTARY_PLEDGE
    assert {(r.session, r.year, r.cycle) for r in recs} == {("30", 2018, "3")}


def test_uhri_export_of_treaty_bodies_in_excel(tmp_path: Path) -> None:
    """Other UHRI columns, ISO dates, CRLF inside '- ' cells, paragraph symbols with sub-paragraphs."""
    rows: list[list[object]] = [
        ["Annotation Id", "Body", "Countries", "Symbol", "Recommendation", "Themes", "Affected persons",
         "Publication date"],
        ["a-1", "Committee on the Rights of the Child", "Azerbaijan", "CRC/C/AZE/CO/5-6 para. 12(a)",
         "Strengthen the data collection system on children", "- Data collection\r\n- Child rights",
         "- children\r\n- girls", "2022-03-04"],
        ["a-2", "Committee against Torture", "Azerbaijan", "CAT/C/AZE/CO/5 para. 9",
         "Ensure that every detainee sees a lawyer from the outset", "- Torture\r\n- Detention",
         "- persons deprived of their liberty", "2022-12-20"],
    ]  # fmt: skip
    result = hrplan.load(_xlsx(tmp_path / "uhri.xlsx", rows), state="Azerbaijan")
    recs = result.program.recommendations
    assert [(r.mechanism, r.symbol, r.paragraph) for r in recs] == [
        ("CRC", "CRC/C/AZE/CO/5-6", "12(a)"), ("CAT", "CAT/C/AZE/CO/5", "9")]
    assert recs[0].themes == ("Data collection", "Child rights")
    assert recs[0].affected_persons == ("children", "girls")
    assert [str(r.published) for r in recs] == ["2022-03-04", "2022-12-20"]
