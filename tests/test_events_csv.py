"""The events spreadsheet: hrplan.builtins.events_csv (read_events and the importer plugin events-csv)."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import attrs
import pytest

import hrplan
from hrplan import (
    Campaign,
    Chapter,
    DateSpan,
    Event,
    EventKind,
    Finding,
    Implementer,
    Institution,
    Measure,
    MonthDay,
    Program,
    Recommendation,
    Severity,
    YearlyWindow,
    monitoring,
)
from hrplan.builtins.events_csv import EVENTS_CSV_CODES, EventsImport, read_events
from hrplan.plugins import Importer, ImportResult, get_manager

from .conftest import EXAMPLES

DOCS = EXAMPLES.parent / "docs"


def base() -> Program:
    institutions = (
        Institution("moj", "Ministry of Justice", short_name="MoJ", aliases=("Justice Ministry",)),
        Institution("ombudsman", "Commissioner for Human Rights (Ombudsman)", aliases=("Ombudsman", "Ombudsperson")),
        Institution("twin-a", "Twin", short_name="TA"),
        Institution("twin-b", "Twin Office", aliases=("Twin",)),
    )
    chapters = (
        Chapter(1, "One", measures=(
            Measure("1.1", "First", implementers=(Implementer("moj"),)),
            Measure("1.2", "Second", implementers=(Implementer("moj"),),
                    children=(Measure("1.2.1", "Sub", implementers=(Implementer("moj"),)),)),
        )),
        Chapter(2, "Two", measures=(Measure("2.1", "Third", implementers=(Implementer("ombudsman"),)),)),
    )  # fmt: skip
    return Program(
        "demo",
        "Demo",
        chapters=chapters,
        institutions=institutions,
        events=(Event("ev-1", "Already there", EventKind.MEETING, DateSpan(date(2024, 1, 10))),),
        campaigns=(Campaign("hr-month", "Human Rights month", YearlyWindow(MonthDay(5, 18), MonthDay(6, 18))),),
        recommendations=(Recommendation("upr-1", "UPR", "Train judges"),),
    )


def read(text: str, encoding: str = "utf-8") -> EventsImport:
    return read_events(text.encode(encoding), base())


def where(findings: tuple[Finding, ...], code: str) -> list[str]:
    return [f.location for f in findings if f.code == code]


FULL = (
    "id,date,start,end,kind,title,organiser,audience,location,remote,participants,measures,"
    "recommendations,campaign,source_url,notes\r\n"
    "npm-1,12.03.2024,,,Seminar,NPM training,MoJ,judges | prosecutors,Baku,North Centre | South Centre,"
    "1 200,\"1.1, 1.2.1\",upr-1,hr-month,https://example.org/npm,First of the year\r\n"
)


class TestColumns:
    def test_every_column(self) -> None:
        imported = read(FULL)
        assert imported.findings == ()
        (event,) = imported.events
        assert event == Event(
            id="npm-1",
            title="NPM training",
            kind=EventKind.TRAINING,
            dates=DateSpan(date(2024, 3, 12)),
            organiser="moj",
            audiences=("judges", "prosecutors"),
            participant_count=1200,
            location="Baku",
            remote_participants=("North Centre", "South Centre"),
            measures=("1.1", "1.2.1"),
            recommendations=("upr-1",),
            campaign="hr-month",
            source_url="https://example.org/npm",
            notes="First of the year",
        )

    def test_only_a_date_and_empty_cells(self) -> None:
        (event,) = read("date,title,kind,organiser,measures\n2024-03-12,A day,,,\n").events
        assert event == Event("ev-2", "A day", EventKind.OTHER, DateSpan(date(2024, 3, 12)))

    @pytest.mark.parametrize("text", ["12.03.2024", "12-03-2024", "12/03/2024", "2024-03-12", "2024-3-12",
                                      "12.3.2024", "2024-03-12 00:00:00", "12.03.2024 10:30", " 12.03.2024 "])
    def test_day_forms(self, text: str) -> None:
        (event,) = read(f"date,title\n{text},Training\n").events
        assert event.dates == DateSpan(date(2024, 3, 12))

    def test_a_span(self) -> None:
        imported = read("start,end,title\n18.05.2024,18.06.2024,Month\n2024-05-20,,One day\n")
        assert [e.dates for e in imported.events] == [
            DateSpan(date(2024, 5, 18), date(2024, 6, 18)),
            DateSpan(date(2024, 5, 20)),
        ]
        assert imported.findings == ()

    @pytest.mark.parametrize(("word", "kind"), [
        ("training", EventKind.TRAINING), ("Seminar", EventKind.TRAINING), ("seminars", EventKind.TRAINING),
        ("workshop", EventKind.TRAINING), ("MEETING", EventKind.MEETING), ("round table", EventKind.MEETING),
        ("conference", EventKind.CONFERENCE), ("visit", EventKind.VISIT), ("Visits", EventKind.VISIT),
        ("campaign", EventKind.CAMPAIGN_ACTIVITY), ("campaign-activity", EventKind.CAMPAIGN_ACTIVITY),
        ("Campaign activity", EventKind.CAMPAIGN_ACTIVITY), ("hearing", EventKind.PUBLIC_HEARING),
        ("public_hearing", EventKind.PUBLIC_HEARING), ("publication", EventKind.PUBLICATION),
        ("other", EventKind.OTHER),
    ])  # fmt: skip
    def test_kinds(self, word: str, kind: EventKind) -> None:
        imported = read(f"date,title,kind\n2024-03-12,T,{word}\n")
        assert imported.findings == ()
        assert imported.events[0].kind is kind

    @pytest.mark.parametrize("name", ["moj", "MOJ", "Ministry of Justice", "ministry  of justice", "MoJ",
                                      "justice ministry"])
    def test_organiser_by_id_name_short_name_or_alias(self, name: str) -> None:
        (event,) = read(f"date,title,organiser\n2024-03-12,T,{name}\n").events
        assert event.organiser == "moj"

    def test_an_id_wins_over_names(self) -> None:
        (event,) = read("date,title,organiser\n2024-03-12,T,twin-b\n").events
        assert event.organiser == "twin-b"

    def test_campaign_by_title(self) -> None:
        (event,) = read("date,title,campaign\n2024-05-20,T,human rights MONTH\n").events
        assert event.campaign == "hr-month"

    def test_measure_separators(self) -> None:
        (event,) = read('date,title,measures\n2024-03-12,T,"1.1 | 1.2.1; 2.1,1.1"\n').events
        assert [str(n) for n in event.measures] == ["1.1", "1.2.1", "2.1"]

    def test_lists_with_escapes(self) -> None:
        (event,) = read("date,title,audience\n2024-03-12,T,a \\| b | c\\\\d | \n").events
        assert event.audiences == ("a | b", "c\\d")

    def test_header_in_any_case_order_and_spelling(self) -> None:
        text = "Title,DATE,Audiences,Organizer,Participant Count,Source URL\nT,2024-03-12,judges,MoJ,40,http://x\n"
        imported = read(text)
        assert imported.findings == ()
        (event,) = imported.events
        assert (event.audiences, event.organiser, event.participant_count, event.source_url) == (
            ("judges",), "moj", 40, "http://x",
        )  # fmt: skip

    def test_formula_injection_quote_is_removed(self) -> None:
        (event,) = read("date,title,notes\n2024-03-12,'=SUM(A1),'-5 degrees\n").events
        assert (event.title, event.notes) == ("=SUM(A1)", "-5 degrees")

    def test_a_quoted_cell_with_line_breaks_is_one_row(self) -> None:
        imported = read('date,title,notes\n2024-03-12,T,"two\nlines"\n2024-03-13,U,\nbad,V,\n')
        assert [e.notes for e in imported.events] == ["two\nlines", None]
        assert [e.id for e in imported.events] == ["ev-2", "ev-3"]
        assert where(imported.findings, "EV005") == ["row 4, column date"]

    def test_blank_rows_are_skipped(self) -> None:
        imported = read("date,title\n2024-03-12,T\n,\n\n2024-03-13,U\n")
        assert [e.id for e in imported.events] == ["ev-2", "ev-5"]
        assert imported.findings == ()


class TestFiles:
    def test_semicolons(self) -> None:
        text = 'id;date;title;measures;notes\nx;12.03.2024;Training, with a comma;1.1, 1.2;"a; b"\n'
        imported = read(text)
        assert imported.findings == ()
        (event,) = imported.events
        assert (event.id, event.title, [str(n) for n in event.measures], event.notes) == (
            "x", "Training, with a comma", ["1.1", "1.2"], "a; b",
        )  # fmt: skip

    def test_semicolons_even_when_cells_are_full_of_commas(self) -> None:
        rows = "".join(f"2024-03-{d:02d};A, B, C, D;a, b, c\n" for d in range(1, 20))
        imported = read("date;title;notes\n" + rows)
        assert len(imported.events) == 19
        assert imported.findings == ()
        assert imported.events[0].title == "A, B, C, D"

    def test_utf8_with_a_byte_order_mark(self) -> None:
        data = b"\xef\xbb\xbfid,date,title\nx,2024-03-12,Qadinlar \xc9\x99 \xe2\x80\x94 Az\xc9\x99rbaycan\n"
        imported = read_events(data, base())
        assert imported.findings == ()
        assert imported.events[0].id == "x"
        assert imported.events[0].title == "Qadinlar ə — Azərbaycan"

    def test_cp1252(self) -> None:
        imported = read("id;date;title;location\nx;12.03.2024;Séminaire \u2013 droits;Genève\n", "cp1252")
        (finding,) = imported.findings
        assert (finding.code, finding.severity, finding.location) == ("EV001", Severity.WARNING, "line 2")
        assert (imported.events[0].title, imported.events[0].location) == ("Séminaire \u2013 droits", "Genève")

    def test_a_path_a_file_and_text(self, tmp_path: Path) -> None:
        path = tmp_path / "log.events.csv"
        path.write_text("date,title\n2024-03-12,T\n", encoding="utf-8")
        by_path = read_events(path, base())
        assert by_path.events[0].title == "T"
        assert read_events(str(path), base()).events == by_path.events
        with path.open("rb") as fp:
            assert read_events(fp, base()).events == by_path.events
        assert read_events("date,title\n2024-03-12,T\n", base()).events == by_path.events
        bad = read_events(b"date,title\nnope,T\n", base(), source="mine.csv")
        assert [f.source for f in bad.findings] == ["mine.csv"]
        assert [f.source for f in read_events(path.read_bytes().replace(b"2024", b"x"), base()).findings] == [None]
        path.write_bytes(b"date,title\nnope,T\n")
        assert [f.source for f in read_events(path, base()).findings] == [str(path)]

    def test_a_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(hrplan.FormatError, match="cannot read"):
            read_events(tmp_path / "absent.events.csv", base())

    @pytest.mark.parametrize("text", ["", "\n\n", ",,\n"])
    def test_an_empty_file(self, text: str) -> None:
        with pytest.raises(hrplan.InputError, match="empty"):
            read(text)

    def test_no_date_column(self) -> None:
        with pytest.raises(hrplan.InputError, match="no date column") as caught:
            read("id,title,end\nx,T,2024-03-12\n")
        assert caught.value.problems[0].location == "row 1"


class TestFindings:
    def test_every_code_is_documented(self) -> None:
        doc = (DOCS / "monitoring.md").read_text(encoding="utf-8")
        assert list(EVENTS_CSV_CODES) == [f"EV{n:03d}" for n in range(1, 16)]
        for code in EVENTS_CSV_CODES:
            assert re.search(rf"^\| {code} \| (error|warning) \|", doc, re.MULTILINE), code

    def test_ev002_unknown_column_and_ev003_twice(self) -> None:
        imported = read("date,title,colour,Title,audiences,audience,,\n2024-03-12,T,red,U,a,b,,\n")
        assert where(imported.findings, "EV002") == ["row 1, column colour"]
        assert where(imported.findings, "EV003") == ["row 1, column Title", "row 1, column audience"]
        assert (imported.events[0].title, imported.events[0].audiences) == ("T", ("a",))

    def test_ev004_cells_that_do_not_fit_the_header(self) -> None:
        imported = read("date,title,notes\n2024-03-12,T\n2024-03-13,U,n,extra\n2024-03-14,V,m,, \n")
        assert where(imported.findings, "EV004") == ["row 2", "row 3"]  # empty extra cells are harmless
        assert all(f.severity is Severity.ERROR for f in imported.findings)
        assert [(e.title, e.notes) for e in imported.events] == [("T", None), ("U", "n"), ("V", "m")]

    @pytest.mark.parametrize(("cells", "column"), [
        ("31.02.2024,,", "date"), ("March 2024,,", "date"), ("12.03.24,,", "date"), (",,", "date"),
        (",2024-05-18,2024-05-01", "end"), (",,2024-05-01", "end"), (",18.05.2024,soon", "end"),
        (",xx,2024-05-01", "start"),
    ])  # fmt: skip
    def test_ev005_no_readable_date_skips_the_row(self, cells: str, column: str) -> None:
        imported = read(f"date,start,end,title\n{cells},T\n2024-03-12,,,U\n")
        (finding,) = imported.findings
        assert (finding.code, finding.severity) == ("EV005", Severity.ERROR)
        assert finding.location == f"row 2, column {column}"
        assert "skipped" in finding.message
        assert [e.title for e in imported.events] == ["U"]
        assert [e.id for e in imported.events] == ["ev-3"]

    def test_ev006_date_and_span_disagree(self) -> None:
        imported = read("date,start,end,title\n2024-03-12,2024-03-12,2024-03-14,T\n2024-03-12,2024-03-12,,U\n")
        assert where(imported.findings, "EV006") == ["row 2, column date"]
        assert [e.dates for e in imported.events] == [DateSpan(date(2024, 3, 12))] * 2

    def test_ev007_unknown_kind(self) -> None:
        imported = read("date,title,kind\n2024-03-12,T,party\n")
        assert where(imported.findings, "EV007") == ["row 2, column kind"]
        assert imported.events[0].kind is EventKind.OTHER

    def test_ev008_unknown_or_ambiguous_organiser(self) -> None:
        imported = read("date,title,organiser,notes\n2024-03-12,T,Office of the Ombudsman,Kept\n2024-03-13,U,twin,\n")
        assert where(imported.findings, "EV008") == ["row 2, column organiser", "row 3, column organiser"]
        assert "several" in imported.findings[1].message
        first, second = imported.events
        assert (first.organiser, first.notes) == (None, "Kept\norganiser: Office of the Ombudsman")
        assert (second.organiser, second.notes) == (None, "organiser: twin")

    def test_ev009_measure_numbers(self) -> None:
        imported = read('date,title,measures\n2024-03-12,T,"1.1 | 9.9 | x.1 | 1.2"\n')
        assert where(imported.findings, "EV009") == ["row 2, column measures"] * 2
        assert "9.9" in imported.findings[0].message
        assert "x.1" in imported.findings[1].message
        assert [str(n) for n in imported.events[0].measures] == ["1.1", "1.2"]

    def test_ev010_recommendations(self) -> None:
        imported = read("date,title,recommendations\n2024-03-12,T,upr-1 | upr-9\n")
        assert where(imported.findings, "EV010") == ["row 2, column recommendations"]
        assert imported.events[0].recommendations == ("upr-1",)

    def test_ev011_campaign(self) -> None:
        imported = read("date,title,campaign\n2024-03-12,T,Women's month\n")
        assert where(imported.findings, "EV011") == ["row 2, column campaign"]
        assert (imported.events[0].campaign, imported.events[0].notes) == (None, "campaign: Women's month")

    @pytest.mark.parametrize("count", ["about 40", "-3", "4.5", "12,34"])
    def test_ev012_participants(self, count: str) -> None:
        imported = read(f'date,title,participants\n2024-03-12,T,"{count}"\n')
        assert where(imported.findings, "EV012") == ["row 2, column participants"]
        assert imported.events[0].participant_count is None

    def test_ev013_ids_that_clash(self) -> None:
        rows = "ev-1,2024-03-12,A\nx,2024-03-13,B\nx,2024-03-14,C\n,2024-03-15,D\nev-5,2024-03-16,E\n"
        imported = read("id,date,title\n" + rows)
        assert [e.id for e in imported.events] == ["ev-1-2", "x", "x-2", "ev-5", "ev-5-2"]
        assert where(imported.findings, "EV013") == ["row 2, column id", "row 4, column id", "row 6, column id"]
        assert "an event of the program" in imported.findings[0].message
        assert "an earlier row" in imported.findings[1].message
        imported.merged_into(base())  # no clash left

    def test_ev014_no_title(self) -> None:
        imported = read("id,date,title\nx,2024-03-12,\n")
        assert where(imported.findings, "EV014") == ["row 2, column title"]
        assert imported.events[0].title == "x"
        no_column = read("date\n2024-03-12\n")
        assert where(no_column.findings, "EV014") == ["row 1"]
        assert no_column.events[0].title == "ev-2"

    def test_the_column_is_named_as_the_header_spells_it(self) -> None:
        imported = read("Date,Title,Kind\n2024-03-12,T,party\n")
        assert where(imported.findings, "EV007") == ["row 2, column Kind"]


class TestMerging:
    def test_merged_into(self) -> None:
        program = base()
        merged = read(FULL).merged_into(program)
        assert [e.id for e in merged.events] == ["ev-1", "npm-1"]
        assert merged.chapters == program.chapters
        assert hrplan.validate(merged, select=["HP4"]) == []

    def test_the_merged_plan_round_trips_through_json(self, tmp_path: Path) -> None:
        merged = read(FULL).merged_into(base())
        hrplan.write(merged, tmp_path / "plan.json")
        assert hrplan.read(tmp_path / "plan.json") == merged

    def test_merging_into_a_program_that_lacks_what_the_events_name(self) -> None:
        with pytest.raises(hrplan.CrossReferenceError):
            read(FULL).merged_into(Program("other", "Other"))

    def test_the_documented_sample(self) -> None:
        doc = (DOCS / "monitoring.md").read_text(encoding="utf-8")
        (sample,) = re.findall(r"```text\n(id;date.*?)```", doc, re.DOTALL)
        program = hrplan.read(EXAMPLES / "data" / "az-2012.json")
        campaigns = (Campaign("human-rights-month", "Human Rights month",
                              YearlyWindow(MonthDay(5, 18), MonthDay(6, 18))),)  # fmt: skip
        program = attrs.evolve(program, campaigns=campaigns)
        imported = read_events(sample.encode(), program)
        assert [e.id for e in imported.events] == ["npm-2024-03", "hr-month-2024", "ev-4"]
        assert [(f.code, f.location) for f in imported.findings] == [("EV008", "row 4, column organiser")]
        notes = "A topic the plan announced; date assumed\norganiser: Office of the Ombudsman"
        assert imported.events[2].notes == notes
        assert imported.events[0].kind is EventKind.TRAINING
        assert imported.events[0].participant_count == 45


class TestPlugin:
    def test_registered(self) -> None:
        importer = get_manager().importers()["events-csv"]
        assert isinstance(importer, Importer)
        assert importer.extensions == (".events.csv",)
        assert importer.codes == EVENTS_CSV_CODES  # type: ignore[attr-defined]

    def test_load_by_extension_with_a_program(self, tmp_path: Path) -> None:
        path = tmp_path / "log.events.csv"
        path.write_text(FULL + "x,bad,,,,T,,,,,,,,,,\n", encoding="utf-8")
        result = hrplan.load(path, program=base())
        assert isinstance(result, ImportResult)
        assert [e.id for e in result.program.events] == ["ev-1", "npm-1"]
        assert [(f.code, f.location, f.source) for f in result.findings] == [
            ("EV005", "row 3, column date", str(path)),
        ]

    def test_load_with_the_path_of_a_plan(self, tmp_path: Path) -> None:
        hrplan.write(base(), tmp_path / "plan.json")
        (tmp_path / "log.events.csv").write_text(FULL, encoding="utf-8")
        result = hrplan.load(tmp_path / "log.events.csv", program=str(tmp_path / "plan.json"))
        assert [e.id for e in result.program.events] == ["ev-1", "npm-1"]
        assert hrplan.read(tmp_path / "log.events.csv", program=tmp_path / "plan.json") == result.program

    def test_by_format_name_from_a_stream(self) -> None:
        result = hrplan.load(io.BytesIO(FULL.encode()), format="events-csv", program=base())
        assert [e.id for e in result.program.events] == ["ev-1", "npm-1"]

    def test_the_example_spreadsheet(self) -> None:
        path = EXAMPLES / "data" / "ombudsman-2024.events.csv"
        with path.open(encoding="utf-8", newline="") as fp:
            ids = [row["id"] for row in csv.DictReader(fp)]
        program = hrplan.read(EXAMPLES / "data" / "az-2012.json")
        result = hrplan.load(path, program=program)
        assert [e.id for e in result.program.events] == ids
        assert {f.code for f in result.findings} <= {"EV011"}  # the example's campaigns are not in the plan

    def test_options(self, tmp_path: Path) -> None:
        path = tmp_path / "log.events.csv"
        path.write_text(FULL, encoding="utf-8")
        with pytest.raises(hrplan.FormatError, match="option 'program' is required"):
            hrplan.load(path)
        with pytest.raises(hrplan.FormatError, match="unknown option 'as_of'"):
            hrplan.load(path, program=base(), as_of="2024-01-01")
        with pytest.raises(hrplan.FormatError, match="must be a Program or the path"):
            hrplan.load(path, program=42)
        with pytest.raises(hrplan.FormatError, match="cannot read"):
            hrplan.load(path, program=str(tmp_path / "absent.json"))


def test_the_first_release_names_still_import_from_monitoring() -> None:
    assert monitoring.read_events is read_events
    assert monitoring.EventsImport is EventsImport
    assert monitoring.EVENTS_CSV_CODES is EVENTS_CSV_CODES
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        monitoring.nothing  # noqa: B018
