"""Tests of the hrplan-treaty-reports plugin, through hrplan's public API only."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import hrplan
import pytest
from hrplan.plugins import get_manager
from hrplan.testing import check_exporter

import hrplan_treaty_reports as tr
from hrplan_treaty_reports import (
    CLUSTERS,
    Action,
    CrcReportExporter,
    NpmAnnualExporter,
    TreatyReportsValidator,
    UprMatrixExporter,
)

AS_OF = date(2013, 1, 1)
PLUGIN = Path(__file__).resolve().parents[1]
REPO = PLUGIN.parents[1]
EXAMPLE = REPO / "examples" / "data" / "az-2012.json"
DOCS = REPO / "docs" / "treaty-reports.md"
EVIL = '=HYPERLINK("http://evil")'


def _measure(number: str, title: str, limit: str, institution: str, **tags: tuple[str, ...]) -> hrplan.Measure:
    return hrplan.Measure(
        number,
        title,
        implementers=(hrplan.Implementer(institution),),
        time_limit=hrplan.parse_time_limit(limit),
        tags=hrplan.Tags(**tags),
    )


def _event(eid: str, kind: hrplan.EventKind, start: date, *measures: str, **more: Any) -> hrplan.Event:
    return hrplan.Event(eid, f"Event {eid}", kind, hrplan.DateSpan(start, more.pop("end", start)),
                        measures=measures, **more)


def _rec(rid: str, mechanism: str, paragraph: str, position: hrplan.Position | None, *measures: str,
         **more: Any) -> hrplan.Recommendation:
    return hrplan.Recommendation(rid, mechanism, more.pop("text", f"Do {rid}"), paragraph=paragraph,
                                 position=position, measures=measures, **more)


P = hrplan.Position
K = hrplan.EventKind


def _program() -> hrplan.Program:
    """A small program; comments give each measure's status on 2013-01-01."""
    measures = (
        _measure("1.1", "Torture prevention", "2012", "omb", treaties=("OPCAT",), themes=("torture",)),  # overdue
        _measure("1.2", "Child protection law", "2014", "moj", themes=("crc:violence",)),  # not started
        _measure("1.3", "Juvenile courts", "2012", "moj", themes=("crc:art37(b)",)),  # overdue
        _measure("1.4", "Birth registration", "2012", "moj", themes=("crc:art7",)),  # completed (progress)
        _measure("1.5", "Alternative care", "permanently", "omb", treaties=("CRC",)),  # ongoing
        _measure("1.6", "<script>alert(1)</script> | *pipe*", "2012-2015", "evil"),  # in progress
    )
    return hrplan.Program(
        "demo",
        "Demo program",
        country="Utopia",
        chapters=(hrplan.Chapter(1, "All", measures=measures),),
        institutions=[
            hrplan.Institution("moj", "Ministry of Justice"),
            hrplan.Institution("omb", "Ombudsman"),
            hrplan.Institution("evil", EVIL),
        ],
        events=(
            _event("ev-1", K.TRAINING, date(2012, 3, 12), "1.1", organiser="omb", participant_count=40),
            _event("ev-2", K.VISIT, date(2012, 5, 1), "1.1", end=date(2012, 5, 2), recommendations=("cat-1",)),
            _event("ev-3", K.CAMPAIGN_ACTIVITY, date(2012, 11, 20), "1.2"),
            _event("ev-4", K.MEETING, date(2007, 1, 1), "1.1"),  # before every reporting period
            _event("ev-5", K.VISIT, date(2011, 12, 31), organiser="omb"),
            _event("ev-6", K.MEETING, date(2012, 6, 1), recommendations=("upr-3",)),
        ),
        recommendations=(
            _rec("upr-1", "UPR", "109.3", P.SUPPORTED, "1.1", recommending_states=("Brazil", "Chile"),
                 themes=("torture",)),
            _rec("upr-2", "UPR", "109.4", P.NOTED),
            _rec("upr-3", "UPR", "109.5", P.PENDING),
            _rec("upr-4", "UPR", "109.6", P.SUPPORTED, "1.4"),
            _rec("upr-5", "UPR", "109.7", P.SUPPORTED, "1.2", themes=("crc:violence",)),
            _rec("upr-6", "UPR", "109.8", P.PARTIALLY_SUPPORTED, "1.5", "1.6"),
            _rec("cat-1", "CAT", "12", P.PENDING, "1.1"),
            _rec("crc-1", "CRC", "20", None, text="=cmd|' /C calc'!A0"),
            _rec("odd", "UPR", "109.9", P.NOTED, themes=("crc:nonsense",)),
        ),
        progress=(hrplan.ProgressUpdate("1.4", date(2012, 6, 1), hrplan.Progress.COMPLETED),),
    )


def _export(exporter: Any, program: hrplan.Program, **options: Any) -> str:
    buffer = io.BytesIO()
    exporter.export(program, buffer, **options)
    return buffer.getvalue().decode("utf-8")


# -- words and limits --------------------------------------------------------------------------------------------


def test_word_count() -> None:
    assert tr.word_count("") == 0
    assert tr.word_count("Two words") == 2
    assert tr.word_count("human-rights arts. 44(6) and 1,234") == 5
    assert tr.word_count("# Title\n\n| a | b |\n| --- | --- |\n- **bold** item") == 5
    assert tr.word_count("  — ; : ... ") == 0
    assert tr.word_count("Côte d’Ivoire") == 2  # noqa: RUF001


@pytest.mark.parametrize(
    ("document", "limit"),
    [
        ("common-core", 42_400), ("initial", 31_800), ("periodic", 21_200), ("loi-replies", 10_700),
        ("upr-national", 10_700), ("crc-periodic", 21_200), ("CRC-Periodic", 21_200), ("cat_initial", 31_800),
        ("upr-stakeholder", 2_815), ("upr-stakeholder-joint", 5_630),
    ],
)  # fmt: skip
def test_word_limits(document: str, limit: int) -> None:
    assert tr.word_limit(document) == limit


def test_unknown_document_type() -> None:
    with pytest.raises(ValueError, match="unknown document type 'novel'"):
        tr.word_limit("novel")
    with pytest.raises(ValueError, match="unknown document type"):
        tr.word_limit("xyz-periodic")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain text", "plain text"),
        ("a | b", "a \\| b"),
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("*bold* _it_ `code` [link](x) ~s~ &amp;", "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~s\\~ \\&amp;"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("109.3", "109.3"),
        ("two\nlines  and\ttabs", "two lines and tabs"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert tr.md(text) == escaped


def test_safe_cell() -> None:
    assert tr.safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert tr.safe_cell("  @cmd") == "'  @cmd"
    assert tr.safe_cell("-1") == "'-1"
    assert tr.safe_cell("109.3") == "109.3"


# -- CRC clusters ------------------------------------------------------------------------------------------------


def test_the_nine_clusters() -> None:
    assert [c.key for c in CLUSTERS] == [
        "general-measures", "definition", "general-principles", "civil-rights", "violence",
        "family-environment", "disability-health", "education", "special-protection",
    ]  # fmt: skip
    assert tr.cluster("crc:violence").heading() == (
        "V. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)"
    )
    assert tr.cluster("definition").heading() == "II. Definition of the child (art. 1)"


@pytest.mark.parametrize(
    ("tag", "clusters"),
    [
        ("crc:violence", ("violence",)),
        ("CRC:Education", ("education",)),
        ("crc:art19", ("violence",)),
        ("crc:art1", ("definition",)),
        ("crc:art24", ("disability-health",)),
        ("crc:art24(3)", ("violence",)),
        ("crc:art24.3", ("violence",)),
        ("crc:art28(1)", ("education",)),
        ("crc:art37", ("violence", "special-protection")),
        ("crc:art37(b)", ("special-protection",)),
        ("crc:art37b", ("special-protection",)),
        ("crc:art18", ("family-environment", "disability-health")),
        ("crc:art6", ("general-principles", "disability-health")),
        ("crc:art30", ("education", "special-protection")),
        ("crc:article-44", ("general-measures",)),
        ("crc:art41", ()),
        ("crc:art99", ()),
        ("crc:nonsense", ()),
        ("violence", ()),
    ],
)
def test_tags_place_items_in_clusters(tag: str, clusters: tuple[str, ...]) -> None:
    assert tr.clusters_of([tag]) == clusters


def test_unknown_tags_and_general_measures() -> None:
    assert tr.unknown_crc_tags(["crc:nonsense", "crc:art99", "crc:art41", "crc:violence", "other"]) == (
        "crc:nonsense", "crc:art99")
    known_article = hrplan.Measure("1.1", "x", tags=hrplan.Tags(themes=("crc:art41",)))
    assert tr.measure_clusters(known_article) == ("general-measures",)
    by_treaty = hrplan.Measure("1.1", "x", tags=hrplan.Tags(treaties=("crc",)))
    assert tr.measure_clusters(by_treaty) == ("general-measures",)
    assert tr.measure_clusters(hrplan.Measure("1.1", "x", tags=hrplan.Tags(treaties=("CAT",)))) == ()
    assert tr.recommendation_clusters(hrplan.Recommendation("r", "CRC", "x")) == ("general-measures",)
    assert tr.recommendation_clusters(hrplan.Recommendation("r", "UPR", "x")) == ()
    assert tr.has_crc_content(_program())
    assert not tr.has_crc_content(hrplan.Program("empty", "Empty"))


# -- the UPR matrix --------------------------------------------------------------------------------------------


def test_overall_status() -> None:
    def act(*statuses: hrplan.Status | None) -> list[Action]:
        return [Action(hrplan.MeasureId.of(f"1.{i + 1}"), "m", s) for i, s in enumerate(statuses)]

    s = hrplan.Status
    event = _event("e", K.OTHER, AS_OF)
    assert tr.overall_status(act()) == "no action"
    assert tr.overall_status(act(None)) == "no action"
    assert tr.overall_status(act(), [event]) == "in progress"
    assert tr.overall_status(act(s.COMPLETED, s.COMPLETED_LATE)) == "completed"
    assert tr.overall_status(act(s.NOT_STARTED, s.NOT_STARTED)) == "not started"
    assert tr.overall_status(act(s.NOT_STARTED), [event]) == "in progress"
    assert tr.overall_status(act(s.ONGOING, s.OVERDUE)) == "overdue"
    assert tr.overall_status(act(s.COMPLETED, s.OVERDUE)) == "overdue"
    assert tr.overall_status(act(s.COMPLETED, s.ONGOING)) == "in progress"
    assert tr.overall_status(act(s.DUE_SOON)) == "in progress"


def test_matrix_rows() -> None:
    rows = {row.recommendation.id: row for row in tr.upr_matrix(_program(), AS_OF)}
    assert list(rows) == ["upr-1", "upr-2", "upr-3", "upr-4", "upr-5", "upr-6", "odd"]  # UPR only, program order
    assert {rid: row.status for rid, row in rows.items()} == {
        "upr-1": "overdue", "upr-2": "no action", "upr-3": "in progress", "upr-4": "completed",
        "upr-5": "in progress", "upr-6": "in progress", "odd": "no action",
    }  # fmt: skip
    first = rows["upr-1"]
    assert first.institutions == ("Ombudsman",)
    assert [str(a) for a in first.actions] == ["1.1 Torture prevention: overdue"]
    assert [e.id for e in first.events] == ["ev-1", "ev-2"]  # ev-4 (2007) is before the 4.5 years
    assert first.action_lines() == [
        "1.1 Torture prevention: overdue",
        "2012-03-12 training: Event ev-1",
        "2012-05-01..2012-05-02 visit: Event ev-2",
    ]
    assert [e.id for e in rows["upr-3"].events] == ["ev-6"]  # linked to the recommendation itself
    assert rows["upr-6"].institutions == ("Ombudsman", EVIL)
    # 1.2 has not started, but an event linked to it was held in the period: in progress
    assert [e.id for e in rows["upr-5"].events] == ["ev-3"]
    everything = tr.upr_matrix(_program(), AS_OF, mechanism="all")
    assert len(everything) == 9
    cat = tr.upr_matrix(_program(), AS_OF, mechanism="cat")
    assert [row.recommendation.id for row in cat] == ["cat-1"]
    old = tr.upr_matrix(_program(), AS_OF, period=hrplan.DateSpan(date(2006, 1, 1), date(2007, 12, 31)))
    assert [e.id for e in old[0].events] == ["ev-4"]


def test_matrix_broken_link_is_shown() -> None:
    with hrplan.lenient():
        program = hrplan.Program("x", "X", recommendations=(_rec("r", "UPR", "1.1", P.SUPPORTED, "9.9"),))
    row = tr.upr_matrix(program, AS_OF)[0]
    assert [str(a) for a in row.actions] == ["9.9 (not in the program)"]
    assert row.status == "no action"


def test_matrix_csv() -> None:
    text = _export(UprMatrixExporter(), _program(), as_of="2013-01-01", mechanism="all")
    assert text.startswith(",".join(tr.MATRIX_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 9
    first = rows[0]
    assert first["paragraph"] == "109.3"
    assert first["recommending_states"] == "Brazil; Chile"
    assert first["position"] == "supported"
    assert first["themes"] == "torture"
    assert first["responsible_institutions"] == "Ombudsman"
    assert first["actions"].split("\n") == [
        "1.1 Torture prevention: overdue",
        "2012-03-12 training: Event ev-1",
        "2012-05-01..2012-05-02 visit: Event ev-2",
    ]
    assert first["status"] == "overdue"
    assert first["assessment"] == ""
    by_id = {row["id"]: row for row in rows}
    assert by_id["crc-1"]["recommendation"] == "'=cmd|' /C calc'!A0"  # formula injection neutralised
    assert by_id["upr-6"]["responsible_institutions"] == "Ombudsman; " + EVIL  # not at the start: harmless
    assert by_id["upr-6"]["actions"].startswith("1.5 Alternative care: ongoing\n1.6 <script>")


def test_matrix_markdown() -> None:
    text = _export(UprMatrixExporter(), _program(), as_of="2013-01-01", variant="markdown")
    lines = text.splitlines()
    assert lines[0] == "# UPR recommendations: follow-up matrix"
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 2 + 7
    assert all(len(re.findall(r"(?<!\\)\|", line)) == len(tr.MATRIX_COLUMNS) + 1 for line in table)
    row = next(line for line in table if "upr-6" in line)
    assert "1.6 \\<script\\>alert(1)\\</script\\> \\| \\*pipe\\*: in-progress" in row
    assert "<br>" in row
    assert "<script>" not in text


def test_matrix_html() -> None:
    text = _export(UprMatrixExporter(), _program(), as_of="2013-01-01", variant="html", mechanism="all")
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "=HYPERLINK(&quot;http://evil&quot;)" in text
    assert text.count("<tr class=") == 9
    assert '<tr class="status-overdue">' in text
    assert "<li>1.1 Torture prevention: overdue</li>" in text
    assert "src=" not in text  # self-contained
    assert "<link" not in text


def test_matrix_options() -> None:
    exporter = UprMatrixExporter()
    program = _program()
    assert _export(exporter, program, as_of=AS_OF) == _export(exporter, program, as_of="2013-01-01")
    with pytest.raises(hrplan.FormatError, match="unknown option 'colour'"):
        _export(exporter, program, colour="red")
    with pytest.raises(hrplan.FormatError, match="'variant'"):
        _export(exporter, program, variant="pdf")
    with pytest.raises(hrplan.FormatError, match="'as_of'"):
        _export(exporter, program, as_of="yesterday")
    with pytest.raises(hrplan.FormatError, match="'period_end'"):
        _export(exporter, program, as_of=AS_OF, period_start="2013-01-01", period_end="2012-01-01")
    with pytest.raises(hrplan.FormatError, match="'mechanism'"):
        _export(exporter, program, mechanism=" ")
    narrow = _export(exporter, program, as_of=AS_OF, period_start="2012-04-01", period_end="2012-12-31")
    assert "Event ev-1" not in narrow
    assert "Event ev-2" in narrow
    assert "events from 2012-04-01 to 2012-12-31" not in narrow  # CSV: no prose
    prose = _export(exporter, program, as_of=AS_OF, variant="markdown", period_start="2012-04-01")
    assert "events from 2012-04-01 to 2013-01-01" in prose
    default = _export(exporter, program, as_of=AS_OF, variant="markdown")
    assert "events from 2008-07-01 to 2013-01-01" in default  # 4.5 years


def test_months_before() -> None:
    assert tr.months_before(date(2013, 1, 1), 54) == date(2008, 7, 1)
    assert tr.months_before(date(2016, 8, 31), 6) == date(2016, 2, 29)


# -- the CRC report --------------------------------------------------------------------------------------------


def test_crc_report() -> None:
    text = tr.crc_report(_program(), AS_OF)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {c.heading()}" for c in CLUSTERS]
    assert text.startswith("# Convention on the Rights of the Child: periodic report of Utopia\n")
    sections = dict(zip([c.key for c in CLUSTERS], re.split(r"\n## .*\n", text)[1:], strict=True))
    assert "**Measure 1.5, Alternative care.**" in sections["general-measures"]  # treaty CRC, no cluster
    assert "**Recommendation CRC, para. 20** (no" not in sections["general-measures"]
    assert "=cmd\\|' /C calc'!A0." in sections["general-measures"]
    assert "**Measure 1.4, Birth registration.**" in sections["civil-rights"]  # crc:art7
    assert "Status on 2013-01-01: completed." in sections["civil-rights"]
    violence = sections["violence"]
    assert "**Measure 1.2, Child protection law.** Implementing institutions: Ministry of Justice." in violence
    assert "Time-limit: 2014. Status on 2013-01-01: not-started." in violence
    assert "**Event of 2012-11-20: Event ev-3** (campaign-activity). Follows up measure 1.2." in violence
    recommendation = "**Recommendation UPR, para. 109.7** (supported): Do upr-5. Follow-up: measure 1.2 (not-started)."
    assert recommendation in violence
    assert "**Measure 1.3, Juvenile courts.**" in sections["special-protection"]  # crc:art37(b)
    assert "_No measure, event or recommendation of the program is tagged for this cluster._" in sections["definition"]
    numbers = [int(m) for m in re.findall(r"^(\d+)\. ", text, flags=re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
    body, footer = text.split("\n---\n\n")
    assert footer == f"Word count: {tr.word_count(body):,} words (limit for a periodic report: 21,200; " \
        f"{21_200 - tr.word_count(body):,} words left).\n"
    assert body == tr.crc_body(_program(), AS_OF)


def test_crc_report_initial_and_over_the_limit() -> None:
    long_title = "word " * 22_000
    program = hrplan.Program("long", "Long", chapters=(hrplan.Chapter(1, "C", measures=(
        hrplan.Measure("1.1", long_title, tags=hrplan.Tags(themes=("crc:education",))),)),))
    text = tr.crc_report(program, AS_OF, report="initial")
    assert "(limit for an initial report: 31,800; " in text
    assert "words left" in text
    periodic = tr.crc_report(program, AS_OF)
    assert re.search(r"Word count: 22,\d{3} words \(limit for a periodic report: 21,200; [\d,]+ words over the limit\)",
                     periodic)
    with pytest.raises(ValueError, match="report must be one of"):
        tr.crc_report(program, AS_OF, report="final")


def test_crc_exporter_options() -> None:
    exporter = CrcReportExporter()
    text = _export(exporter, _program(), as_of="2013-01-01", period_start="2012-06-01")
    assert "events from 2012-06-01 to 2013-01-01" in text
    assert text == tr.crc_report(_program(), AS_OF, period=hrplan.DateSpan(date(2012, 6, 1), AS_OF))
    assert "initial report of" in _export(exporter, _program(), as_of=AS_OF, report="initial")
    with pytest.raises(hrplan.FormatError, match="'report'"):
        _export(exporter, _program(), report="final")
    with pytest.raises(hrplan.FormatError, match="unknown option 'variant'"):
        _export(exporter, _program(), variant="html")


# -- the NPM annual report ------------------------------------------------------------------------------------


def test_npm_annual() -> None:
    text = _export(NpmAnnualExporter(), _program(), as_of="2013-01-01", year="2012")
    assert text.startswith("# National preventive mechanism: annual report 2012\n")
    for heading in ("## 1. Mandate", "## 2. Working methods", "## 3. Resources", "## 4. Activities in 2012",
                    "## 5. Key findings", "## 6. Recommendations and their follow-up"):
        assert f"\n{heading}\n" in text
    assert "- 1.1 Torture prevention: overdue" in text  # tagged OPCAT
    assert "| Visits to places of deprivation of liberty | 1 |" in text
    assert "| Trainings | 1 |" in text
    assert "| Awareness activities | 1 |" in text
    assert "| Meetings | 1 |" in text
    assert "| **Total** | **4** |" in text
    assert "- 2012-03-12: Event ev-1 (40 participants; organised by Ombudsman)" in text
    assert "- 2012-05-01 to 2012-05-02: Event ev-2" in text
    assert "Event ev-5" not in text  # 2011
    assert "1. **CAT, para. 12** (pending): Do cat-1. Follow-up: measure 1.1 (overdue); 2 event(s) in 2012." in text
    assert "upr-1" not in text  # not SPT/CAT, not tagged opcat
    body, footer = text.split("\n---\n\n")
    assert footer == f"Word count: {tr.word_count(body):,} words.\n"


def test_npm_annual_defaults_and_options() -> None:
    exporter = NpmAnnualExporter()
    assert "annual report 2013" in _export(exporter, _program(), as_of=AS_OF)  # the year of as_of
    only = _export(exporter, _program(), as_of=AS_OF, year=2011, organiser="omb")
    assert "| **Total** | **1** |" in only
    assert "organised or joined by Ombudsman" in only
    empty = _export(exporter, _program(), as_of=AS_OF, year=2030)
    assert "_The program records no event in 2030._" in empty
    with pytest.raises(hrplan.FormatError, match="'year'"):
        _export(exporter, _program(), year="last")
    with pytest.raises(hrplan.FormatError, match="'year'"):
        _export(exporter, _program(), year=12)
    with pytest.raises(hrplan.FormatError, match="'organiser'"):
        _export(exporter, _program(), organiser="nobody")
    assert tr.activity_counts([]) == dict.fromkeys(tr.ACTIVITY_LABELS, 0)
    tagged = hrplan.Recommendation("r", "UPR", "x", themes=("OPCAT",))
    assert tr.npm_recommendations(hrplan.Program("p", "P", recommendations=(tagged,))) == [tagged]


# -- the validator ----------------------------------------------------------------------------------------------


def _findings(program: hrplan.Program, **options: Any) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in TreatyReportsValidator().validate(program, **options)]


def test_validator_recommendations_and_tags() -> None:
    found = _findings(_program(), as_of=AS_OF)
    assert found == [
        ("TR003", "$.recommendations[0].measures"),  # supported, 1.1 overdue
        ("TR002", "$.recommendations[2]"),  # pending, no measure (upr-2 and odd are noted)
        ("TR002", "$.recommendations[7]"),  # crc-1: no position
        ("TR004", "$.recommendations[8].themes"),
    ]
    messages = [f.message for f in TreatyReportsValidator().validate(_program(), as_of=AS_OF)]
    assert messages[0] == "recommendation 'upr-1' is supported but every measure linked to it is overdue on " \
        "2013-01-01: 1.1"
    assert messages[1] == "recommendation 'upr-3' (UPR 109.5, pending) is linked to no measure"
    assert _findings(_program(), as_of="2012-06-01")[0][0] == "TR002"  # 1.1 is not yet overdue


def test_validator_tag_on_a_measure() -> None:
    program = hrplan.Program("p", "P", chapters=(hrplan.Chapter(1, "C", measures=(hrplan.Measure(
        "1.1", "x", children=(hrplan.Measure("1.1.1", "y", tags=hrplan.Tags(themes=("crc:art77",))),)),)),))
    assert _findings(program) == [("TR004", "$.chapters[0].measures[0].children[0].tags.themes")]


def test_validator_word_limits() -> None:
    program = hrplan.Program("p", "P")
    validator = TreatyReportsValidator()
    long_text = "word " * 10_701
    findings = list(validator.validate(program, document="upr-national", text=long_text))
    assert [(f.code, f.severity, f.location) for f in findings] == [
        ("TR001", hrplan.Severity.WARNING, "option text")]
    assert findings[0].message == "the text given (UPR national report) has 10,701 words, 1 over the limit of " \
        "10,700 for a UPR national report"
    assert list(validator.validate(program, document="crc-periodic", text=long_text)) == []
    assert _findings(program, text="x") == [("TR005", "option text")]
    assert _findings(program, document="novel") == [("TR005", "option document")]
    assert _findings(program, document="periodic", text=42) == [("TR005", "option text")]
    assert _findings(program, as_of="soon") == [("TR005", "option as_of")]
    big = hrplan.Program("long", "Long", chapters=(hrplan.Chapter(1, "C", measures=(
        hrplan.Measure("1.1", "word " * 22_000, tags=hrplan.Tags(themes=("crc:education",))),)),))
    assert _findings(big, as_of=AS_OF) == [("TR001", "crc-report")]
    assert _findings(big, as_of=AS_OF, document="crc-initial") == []
    assert _findings(big, as_of=AS_OF, document="upr-national") == [("TR001", "crc-report")]


def test_validator_through_hrplan() -> None:
    assert isinstance(get_manager().validators()["treaty-reports"], TreatyReportsValidator)
    found = hrplan.validate(_program(), select=["TR"], as_of=AS_OF)
    assert [f.code for f in found] == ["TR003", "TR002", "TR002", "TR004"]
    example = hrplan.read(EXAMPLE)
    assert hrplan.validate(example, select=["TR"], as_of=AS_OF) == []  # no recommendations, a short CRC report
    assert set(tr.TR_CODES) == {"TR001", "TR002", "TR003", "TR004", "TR005"}


# -- through hrplan ----------------------------------------------------------------------------------------------


def test_registered_exporters_and_extensions(tmp_path: Path) -> None:
    exporters = get_manager().exporters()
    assert isinstance(exporters["upr-matrix"], UprMatrixExporter)
    assert isinstance(exporters["crc-report"], CrcReportExporter)
    assert isinstance(exporters["npm-annual"], NpmAnnualExporter)
    program = _program()
    hrplan.export(program, tmp_path / "m.upr-matrix.csv", as_of=AS_OF)
    assert (tmp_path / "m.upr-matrix.csv").read_bytes().startswith(b"id,paragraph,recommendation,")
    hrplan.export(program, tmp_path / "m.upr-matrix.md", as_of=AS_OF, variant="markdown")
    assert (tmp_path / "m.upr-matrix.md").read_text("utf-8").startswith("# UPR recommendations")
    hrplan.export(program, tmp_path / "m.upr-matrix.html", as_of=AS_OF, variant="html")
    assert (tmp_path / "m.upr-matrix.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    hrplan.export(program, tmp_path / "r.crc-report.md", as_of=AS_OF)
    assert (tmp_path / "r.crc-report.md").read_text("utf-8").startswith("# Convention on the Rights of the Child")
    hrplan.export(program, tmp_path / "a.npm-annual.md", as_of=AS_OF, year=2012)
    assert (tmp_path / "a.npm-annual.md").read_text("utf-8").startswith("# National preventive mechanism")


def test_example_program() -> None:
    program = hrplan.read(EXAMPLE)
    text = tr.crc_report(program, AS_OF)
    general = text.split("\n## ")[1]
    for number in ("1.2.5", "1.2.10", "2.16", "2.17", "2.18", "4.4"):  # treaty CRC, no cluster tag
        assert f"**Measure {number}," in general
    npm = tr.npm_annual(program, 2012, AS_OF)
    assert "- 3.1 Investigating abuse in custody: ongoing" in npm
    assert "- 4.2 Preventive mechanism capacity: overdue" in npm


@pytest.mark.parametrize("exporter", [UprMatrixExporter(), CrcReportExporter(), NpmAnnualExporter()])
def test_conformance(exporter: Any) -> None:
    check_exporter(exporter, options={"as_of": "2013-01-01"})


@pytest.mark.parametrize("variant", ["markdown", "html"])
def test_conformance_of_matrix_variants(variant: str) -> None:
    check_exporter(UprMatrixExporter(), options={"as_of": "2013-01-01", "variant": variant, "mechanism": "all"})


def test_every_code_documented() -> None:
    readme = (PLUGIN / "README.md").read_text("utf-8")
    docs = DOCS.read_text("utf-8")
    for code in tr.TR_CODES:
        assert f"`{code}`" in readme
        assert f"`{code}`" in docs


# -- voluntary pledges and the source's position word ------------------------------------------------------


def test_the_matrix_marks_pledges_and_keeps_the_position_as_written() -> None:
    pledge = hrplan.Recommendation(
        "vp-1", "UPR", "Invite the special procedures", kind=hrplan.RecommendationKind.VOLUNTARY_PLEDGE
    )
    accepted = hrplan.Recommendation(
        "r-1", "UPR", "Ratify OPCAT", position=hrplan.Position.SUPPORTED, position_text="Accepted"
    )
    same = hrplan.Recommendation("r-2", "UPR", "Train judges", position=hrplan.Position.NOTED, position_text="Noted")
    program = hrplan.Program("p", "P", recommendations=(pledge, accepted, same))
    cells = [row.cells() for row in tr.upr_matrix(program, date(2015, 1, 1))]
    assert cells[0]["recommendation"] == tr.PLEDGE_MARK + "Invite the special procedures"
    assert cells[1]["recommendation"] == "Ratify OPCAT"
    assert [c["position"] for c in cells] == ["", "supported (as written: Accepted)", "noted"]
