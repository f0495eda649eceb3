"""The Word exporters, checked by opening the written files with python-docx."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import attrs
import docx
import hrplan
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from hrplan.testing import programs
from hrplan_treaty_reports import crc_body, word_count
from hypothesis import HealthCheck, given, settings

import hrplan_office

AS_OF = date(2014, 6, 30)


def _program() -> hrplan.Program:
    measures = (
        hrplan.Measure("1.1", "Open legal aid offices", implementers=(hrplan.Implementer("moj"),),
                       time_limit=hrplan.parse_time_limit("2013"), tags=hrplan.Tags(themes=("children",))),
        hrplan.Measure("1.2", "Train judges on child rights\ufffe", implementers=(
            hrplan.Implementer("moj"), hrplan.Implementer("court", hrplan.Role.PARTNER)),
            time_limit=hrplan.parse_time_limit("2014-2016"), tags=hrplan.Tags(treaties=("CRC",))),
    )  # fmt: skip
    recs = (
        hrplan.Recommendation("upr-1", "UPR", "Ensure access to legal aid", symbol="A/HRC/24/13", paragraph="109.3",
                              recommending_states=("France", "Lithuania"), position=hrplan.Position.SUPPORTED,
                              themes=("A12 Acceptance of international norms",), affected_persons=("children",),
                              measures=("1.1", "1.2")),
        hrplan.Recommendation("upr-2", "UPR", "Ratify the optional protocol (No. 3)", paragraph="109.4",
                              recommending_states=("Chile",), position=hrplan.Position.NOTED,
                              themes=("B31 Equality",)),
    )  # fmt: skip
    return hrplan.Program(
        "demo", "Demo plan", country="AZ",
        chapters=(hrplan.Chapter(1, "Justice", "I", measures=measures), hrplan.Chapter(2, "Monitoring", "Two")),
        provisions=(hrplan.Provision("2.1", "The Ombudsman reports every year.", chapter=2),),
        institutions=[hrplan.Institution("moj", "Ministry of Justice"), hrplan.Institution("court", "Supreme Court")],
        events=(hrplan.Event("ev-1", "Training for judges", hrplan.EventKind.TRAINING,
                             hrplan.DateSpan(date(2014, 3, 1), date(2014, 3, 2)), measures=("1.2",)),),
        recommendations=recs,
        progress=(hrplan.ProgressUpdate("1.2", date(2014, 4, 1), hrplan.Progress.IN_PROGRESS, note="first course"),),
    )  # fmt: skip


def _write(program: hrplan.Program, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format=fmt, **options)
    return buffer.getvalue()


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _has_page_field(doc: Document) -> bool:
    footer = doc.sections[0].footer._element
    return any((e.text or "").strip() == "PAGE" for e in footer.iter(qn("w:instrText")))


def _headings(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def _fills(table: object) -> set[str]:
    return {e.get(qn("w:fill")) for e in table._tbl.iter(qn("w:shd"))}  # type: ignore[attr-defined]


def test_matrix_has_the_thematic_list_shape() -> None:
    doc = _open(_write(_program(), "upr-matrix-docx", as_of=AS_OF, organisation="Office of the Ombudsman"))
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape
    assert doc.paragraphs[0].text == "Office of the Ombudsman"
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(hrplan_office._docx_matrix.HEADER)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    texts = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert texts[0] == ["Theme: A12 Acceptance of international norms"] * 4  # one merged cell
    recommendation, position, themes, assessment = texts[1]
    assert recommendation.startswith("109.3 Ensure access to legal aid (France) (Lithuania)")
    assert "Source of position: A/HRC/24/13 - Para. 109.3" in recommendation
    assert position == "Supported"
    assert themes.splitlines() == ["A12 Acceptance of international norms", "Affected persons:", "- children"]
    assert "Status as of 2014-06-30: overdue." in assessment
    assert "Measure 1.1 Open legal aid offices: overdue" in assessment
    assert "Event 2014-03-01 to 2014-03-02: Training for judges (training)" in assessment
    assert "Progress on 1.2, 2014-04-01: in-progress: first course" in assessment
    assert texts[2][0] == "Theme: B31 Equality"
    assert texts[3][3] == hrplan_office.NO_MEASURE
    assert _has_page_field(doc)


def test_report_has_every_part() -> None:
    doc = _open(_write(_program(), "docx", as_of=AS_OF, organisation="Office of the Ombudsman"))
    assert doc.paragraphs[0].text == "Office of the Ombudsman"
    assert _headings(doc) == ["Demo plan", "Summary", "Timeline by chapter", "Overdue measures",
                              "Measures by chapter", "Chapter I: Justice", "Chapter Two: Monitoring",
                              "Provisions", "Chapter Two: Monitoring"]  # fmt: skip
    summary, timeline, _legend, overdue, chapter = doc.tables[:5]
    assert [c.text for c in summary.rows[1].cells] == ["overdue", "1", "50 %"]
    assert [c.text for c in timeline.rows[0].cells] == ["Chapter", "2013", "2016"]
    assert [c.text for c in timeline.rows[1].cells] == ["I. Justice", "1", "1"]
    assert "F4C7B8" in _fills(timeline)  # the overdue year is shaded
    assert [c.text for c in overdue.rows[1].cells][:2] == ["1.1", "Open legal aid offices"]
    assert overdue.rows[1].cells[4].text == "181 days"
    assert [c.text for c in chapter.rows[2].cells][2] == "Ministry of Justice; Supreme Court (partner)"
    assert any("has no measures: see its provisions below" in p.text for p in doc.paragraphs)
    assert any(p.text == "2.1 The Ombudsman reports every year." for p in doc.paragraphs)
    assert _has_page_field(doc)


@pytest.mark.parametrize("fmt", ["docx", "upr-matrix-docx", "crc-report-docx", "npm-annual-docx"])
def test_same_program_same_bytes(fmt: str) -> None:
    first, second = _write(_program(), fmt, as_of=AS_OF), _write(_program(), fmt, as_of=AS_OF)
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    properties = _open(first).core_properties
    assert properties.created.year == properties.modified.year == 2000
    assert _has_page_field(_open(first))


def test_crc_report_counts_the_words_of_each_part() -> None:
    program = _program()
    doc = _open(_write(program, "crc-report-docx", as_of=AS_OF))
    headings = _headings(doc)
    assert headings[0] == "Convention on the Rights of the Child: periodic report of AZ"
    assert headings[1].startswith("I. General measures of implementation")
    counts = doc.tables[-1]
    rows = [[c.text for c in row.cells] for row in counts.rows]
    assert rows[0] == ["Part", "Words"]
    assert rows[-1][0] == "Total"
    assert int(rows[-1][1].replace(",", "")) == word_count(crc_body(program, AS_OF))
    assert len(rows) == 1 + 1 + 9 + 1  # header, introduction, nine clusters, total
    numbered = [p.text for p in doc.paragraphs if p.text[:2] == "1."]
    assert numbered[0].startswith("1. [Describe the developments")


def test_npm_report_renders_its_table() -> None:
    doc = _open(_write(_program(), "npm-annual-docx", as_of=AS_OF, year=2014))
    assert "4. Activities in 2014" in _headings(doc)
    activities = doc.tables[0]
    assert activities.rows[0].cells[0].text == "Activity"
    assert activities.rows[-1].cells[0].text == "Total"


def test_options_are_checked() -> None:
    with pytest.raises(hrplan.FormatError, match="variant"):
        _write(_program(), "upr-matrix-docx", variant="html")
    with pytest.raises(hrplan.FormatError, match="organisation"):
        _write(_program(), "docx", colour="red")
    with pytest.raises(hrplan.FormatError, match="year"):
        _write(_program(), "npm-annual-docx", year="soon")


def test_file_names_choose_the_word_exporters(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    for name in ("r.docx", "m.upr-matrix.docx", "c.crc-report.docx", "n.npm-annual.docx"):
        hrplan.export(_program(), folder / name, as_of=AS_OF)
        assert _open((folder / name).read_bytes()).paragraphs


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_any_program_gives_documents_word_opens(program: hrplan.Program) -> None:
    for fmt in ("docx", "upr-matrix-docx"):
        doc = _open(_write(program, fmt, as_of=AS_OF, mechanism="all") if fmt != "docx"
                    else _write(program, fmt, as_of=AS_OF))  # fmt: skip
        assert _has_page_field(doc)


def test_titles_with_characters_xml_cannot_hold() -> None:
    program = hrplan.Program("odd", "Plan \ufffe of \x01 2012 & <more>")
    for fmt in ("docx", "crc-report-docx", "npm-annual-docx", "upr-matrix-docx"):
        doc = _open(_write(program, fmt, as_of=AS_OF))
        assert doc.core_properties.title.startswith(("Plan _xFFFE_ of _x0001_ 2012 & <more>", "Convention",
                                                     "National", "UPR"))  # fmt: skip


def test_the_matrix_reads_back_as_a_thematic_list() -> None:
    """The thematic-list reader recognises the matrix: it has the shape of OHCHR's lists."""
    program = _program()
    data = _write(program, "upr-matrix-docx", as_of=AS_OF)
    result = hrplan.load(io.BytesIO(data), format="docx", state="Azerbaijan")
    assert [f.code for f in result.findings] == ["REC013"]  # upr-2 has no symbol, so no session

    def fields(recs: tuple[hrplan.Recommendation, ...]) -> list[tuple[object, ...]]:
        return [(r.paragraph, r.text, r.recommending_states, r.position, r.themes[:1], r.symbol) for r in recs]

    assert fields(result.program.recommendations) == fields(program.recommendations)


def test_matrix_marks_pledges_and_the_position_as_written() -> None:
    pledge = hrplan.Recommendation("vp-1", "UPR", "Invite the special procedures",
                                   kind=hrplan.RecommendationKind.VOLUNTARY_PLEDGE, themes=("B31 Equality",),
                                   position=hrplan.Position.PARTIALLY_SUPPORTED, position_text="Accepted in part",
                                   position_source="A/HRC/28/15/Add.1 - Para. 3")  # fmt: skip
    program = attrs.evolve(_program(), recommendations=(pledge,))
    doc = _open(_write(program, "upr-matrix-docx", as_of=AS_OF))
    recommendation, position, _themes, _assessment = (c.text for c in doc.tables[0].rows[2].cells)
    assert recommendation.startswith("Voluntary pledge: Invite the special procedures")
    assert "Source of position: A/HRC/28/15/Add.1 - Para. 3" in recommendation
    assert position == "Partially supported (as written: Accepted in part)"


def test_report_shows_expected_results_funding_and_budget() -> None:
    program = _program()
    first = attrs.evolve(program.chapters[0].measures[0], expected_results=("Ten offices open",), budget="AZN 5,000")
    chapter = attrs.evolve(program.chapters[0], measures=(first, *program.chapters[0].measures[1:]))
    doc = _open(_write(attrs.evolve(program, chapters=(chapter, *program.chapters[1:])), "docx", as_of=AS_OF))
    title = doc.tables[4].rows[1].cells[1].text
    assert title.splitlines() == ["Open legal aid offices", "Expected results: Ten offices open", "Budget: AZN 5,000"]
