"""The plan-table layout, read through the csv-table container (fixtures in our own words)."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Sequence
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hrplan
from hrplan.builtins.csv_table import CSV_TABLE, sniff_delimiter
from hrplan.builtins.plan_table import PLAN_TABLE
from hrplan.builtins.plan_table._columns import parse_columns
from hrplan.context import ReadContext
from hrplan.findings import Finding
from hrplan.labels import Meaning
from hrplan.model import Role
from hrplan.plugins import ImportResult
from hrplan.tables import Table


def csv_bytes(rows: Sequence[Sequence[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def load(rows: Sequence[Sequence[str]], name: str = "matrix.csv", **options: object) -> ImportResult:
    stream = io.BytesIO(csv_bytes(rows))
    stream.name = name
    return hrplan.load(stream, **options)


def codes(findings: Sequence[Finding]) -> list[str]:
    return [f.code for f in findings]


def roles(measure: hrplan.Measure) -> list[tuple[str, Role]]:
    return [(i.institution, i.role) for i in measure.implementers]


MATRIX = [
    ["Plan on Rights at Work 2020-2023", "", "", "", "", ""],
    ["Matrix of actions agreed by the working group", "", "", "", "", ""],
    ["", "", "", "", "", ""],
    ["No.", "Issue", "Activities", "Responsible agencies", "Time-frame (2020-2023)", "Indicators"],
    ["1.", "Safe workplaces", "Inspect building sites", "Labour Inspectorate", "2020-21", "Sites inspected"],
    ["", "", "Publish inspection results", "Labour Inspectorate;\nStatistics Office", "Third quarter",
     "- Report\n- Web page"],
    ["2.", "Fair pay", "Review the minimum wage", "Ministry of Finance and Economy", "annually", "Review done"],
]


def test_a_matrix_with_a_title_and_notes_above_a_header_on_row_4() -> None:
    result = load(MATRIX)
    program = result.program
    assert program.title == "Plan on Rights at Work 2020-2023"
    assert str(program.period) == "2020-2023"
    first = program.measure("1")
    assert first.title == "Safe workplaces"
    assert [m.title for m in first.children] == ["Inspect building sites", "Publish inspection results"]
    assert str(program.measure("1.1").time_limit) == "2020-2021"
    assert str(program.measure("1.2").time_limit) == "Q3 2020"
    assert program.measure("1.2").indicators == ("Report", "Web page")
    assert program.measure("1.2").institutions == ("labour-inspectorate", "statistics-office")
    second = program.measure("2")
    assert (second.title, second.description) == ("Review the minimum wage", "Issue: Fair pay")
    assert second.institutions == ("ministry-of-finance-and-economy",)
    found = codes(result.findings)
    assert {"TB006", "TB007", "TB009"} <= set(found)
    assert "TB008" not in found
    notes = next(f for f in result.findings if f.code == "TB009")
    assert notes.location == "row 2"
    assert "working group" in notes.message


def test_group_cells_repeated_on_every_row_read_like_blank_ones() -> None:
    repeated = [row[:] for row in MATRIX]
    repeated[5][0], repeated[5][1] = "1.", "Safe workplaces"
    assert _shape(load(repeated).program) == _shape(load(MATRIX).program)


def _shape(program: hrplan.Program) -> list[tuple[str, str, str | None]]:
    return [(str(m.id), m.title, str(m.time_limit) if m.time_limit else None) for m in program.iter_measures()]


def test_partner_columns_marks_and_labels_give_partners() -> None:
    rows = [
        ["Activity", "Lead agency", "Partners", "Deadline"],
        ["Open legal aid desks", "Ministry of Justice", "Bar Association\nLaw Faculty", "2024"],
        ["Train police", "Police Academy\nOmbudsman Office (partner)", "", "2025"],
        ["Survey detainees", "Lead: Prison Service\nPartners: Red Cross Society; Bar Association", "", "2025"],
    ]
    program = load(rows).program
    assert roles(program.measure("1")) == [
        ("ministry-of-justice", Role.LEAD), ("bar-association", Role.PARTNER), ("law-faculty", Role.PARTNER)
    ]
    assert roles(program.measure("2")) == [("police-academy", Role.LEAD), ("ombudsman-office", Role.PARTNER)]
    assert roles(program.measure("3")) == [
        ("prison-service", Role.LEAD), ("red-cross-society", Role.PARTNER), ("bar-association", Role.PARTNER)
    ]


def test_unmappable_columns_are_named_and_their_cells_kept() -> None:
    rows = [
        ["No.", "Activity", "Responsible", "Colour code", "Budget", "Source of funding", "Expected result"],
        ["1", "Build shelters", "Ministry of Social Affairs", "green", "USD 20,000", "State budget", "Two shelters"],
    ]
    result = load(rows)
    unmapped = [f for f in result.findings if f.code == "TB001"]
    assert len(unmapped) == 1
    assert "'Colour code'" in unmapped[0].message
    assert unmapped[0].location == "row 1, column 4"
    measure = result.program.measure("1")
    assert measure.description == "Colour code: green"
    assert (measure.budget, measure.funding, measure.expected_results) == ("USD 20,000", "State budget",
                                                                          ("Two shelters",))  # fmt: skip


def test_the_labels_option_adds_column_titles_for_one_import() -> None:
    rows = [["No.", "Activity", "Focal points"], ["1", "Train mediators", "Mediation Centre"]]
    plain = load(rows)
    assert plain.program.measure("1").institutions == ()
    result = load(rows, labels="partner:Focal points")
    assert roles(result.program.measure("1")) == [("mediation-centre", Role.PARTNER)]
    with pytest.raises(hrplan.FormatError, match="labels"):
        load(rows, labels="colour:Focal points")


def test_a_table_without_measure_rows_is_a_finding_not_silence() -> None:
    result = load([["Plan title"], ["No.", "Activity", "Deadline"]], format="csv-table")
    assert list(result.program.iter_measures()) == []
    assert "TB008" in codes(result.findings)
    assert any(f.severity is hrplan.Severity.ERROR for f in result.findings)


def test_rows_it_cannot_read_are_findings_with_their_row() -> None:
    rows = [["Note: figures are estimates", "", "x"], ["No.", "Activity", "Deadline"], ["", "", "2020"],
            ["1", "Hold a hearing", "2021"]]  # fmt: skip
    result = load(rows)
    skipped = [f for f in result.findings if f.code == "TB003"]
    assert [f.location for f in skipped] == ["row 3"]
    assert [m.title for m in result.program.iter_measures()] == ["Hold a hearing"]


def test_section_rows_and_issues_over_several_numbers_make_chapters() -> None:
    sections = [
        ["No.", "Activity", "Deadline"],
        ["Civil and political rights", "Civil and political rights", "Civil and political rights"],
        ["1", "Revise the law on assemblies", "2022"],
        ["Goal 2: Economic rights", "", ""],
        ["2", "Raise pensions", "2023"],
    ]
    program = load(sections).program
    assert [(c.title, [str(m.id) for m in c.measures]) for c in program.chapters] == [
        ("Civil and political rights", ["1"]), ("Economic rights", ["2"])
    ]
    areas = [["Area", "No.", "Activity"], ["Justice", "1", "Digitise courts"], ["", "2", "Hire judges"],
             ["Health", "3", "Vaccinate children"]]  # fmt: skip
    program = load(areas).program
    assert [(c.title, [str(m.id) for m in c.measures]) for c in program.chapters] == [
        ("Justice", ["1", "2"]), ("Health", ["3"])
    ]


def test_activities_without_numbers_are_numbered_and_marked() -> None:
    rows = [["Area", "Activity"], ["Education", "Print textbooks"], ["", "Train teachers"],
            ["Housing", "Count homeless"]]  # fmt: skip
    result = load(rows)
    assert _shape(result.program) == [
        ("1", "Education", None), ("1.1", "Print textbooks", None), ("1.2", "Train teachers", None),
        ("2", "Count homeless", None),
    ]
    assert codes(result.findings).count("TB005") == 2


def test_a_number_used_twice_gets_a_new_one() -> None:
    rows = [["No.", "Activity"], ["4", "One"], ["x)", "Two"], ["7", "Three"], ["Measure 9", "Four"]]
    result = load(rows)
    assert [str(m.id) for m in result.program.iter_measures()] == ["4", "5", "7", "9"]
    assert any("'x)' is not a measure number" in f.message for f in result.findings)


def test_the_columns_option_maps_headers_hrplan_does_not_know() -> None:
    rows = [["Ref", "What will be done", "Who", "When"], ["1", "Visit prisons", "Ombudsman", "2020"]]
    with pytest.raises(hrplan.InputError, match="no table layout recognises"):
        load(rows)
    result = load(rows, columns="number:Ref,title:What will be done,institutions:Who,time-limit:When")
    measure = result.program.measure("1")
    assert (measure.title, measure.institutions, str(measure.time_limit)) == ("Visit prisons", ("ombudsman",), "2020")
    missing = load(rows, columns={"title": "What will be done", "partners": "Helpers"}).findings
    assert any(f.code == "TB010" and "'Helpers'" in f.message for f in missing)


def test_columns_option_titles_may_hold_commas() -> None:
    parsed = parse_columns("title:Actions, measures,lead:Responsible agencies")
    assert list(parsed.values()) == [("Actions, measures", Meaning.TITLE), ("Responsible agencies", Meaning.LEAD)]
    with pytest.raises(hrplan.FormatError, match="unknown field 'colour'"):
        parse_columns("colour:Red")
    with pytest.raises(hrplan.FormatError, match="field:Column title"):
        parse_columns("Activities")


def test_time_limits_from_options_and_adoption() -> None:
    rows = [["Activity", "Deadline"], ["Adopt a by-law", "within 6 months"], ["Hold a forum", "Third quarter"],
            ["Publish data", "sometime"]]  # fmt: skip
    result = load(rows, adopted="2021-02-10", default_year=2022)
    times = [m.time_limit for m in result.program.iter_measures()]
    assert times[0] is not None
    assert times[0].end == date(2021, 8, 10)
    assert str(times[1]) == "Q3 2022"
    assert times[2] == hrplan.TimeLimit.unparsed("sometime")
    assert codes(result.findings).count("TB004") == 1
    without = load(rows)
    assert "TB012" in codes(without.findings)


def test_bad_options_are_format_errors() -> None:
    rows = [["Activity", "Deadline"], ["Adopt a by-law", "2020"]]
    with pytest.raises(hrplan.FormatError, match="unknown option"):
        load(rows, colour="red")
    with pytest.raises(hrplan.FormatError, match="default_year"):
        load(rows, default_year="soon")
    with pytest.raises(hrplan.FormatError, match="delimiter"):
        load(rows, delimiter=":")


@pytest.mark.parametrize(("delimiter", "encoding"), [(";", "utf-8"), ("\t", "utf-8"), (",", "cp1252")])
def test_delimiters_and_encodings(delimiter: str, encoding: str) -> None:
    rows = [["No.", "Activité", "Échéance"], ["1", "Réviser le code", "2020"], ["2", "Former les juges", "2021"]]
    stream = io.BytesIO(csv_bytes(rows, delimiter, encoding))
    stream.name = "plan.csv"
    program = hrplan.read(stream, columns="title:Activité,time-limit:Échéance")
    assert [m.title for m in program.iter_measures()] == ["Réviser le code", "Former les juges"]


def test_sniffing_leaves_hrplans_own_csv_and_upr_exports_to_their_importers() -> None:
    assert not CSV_TABLE.sniff(b"Chapter I\n1.1. Do it.\n")
    assert not CSV_TABLE.sniff(b"A plan, adopted in 2020.\nIt is, in short, good.\n")
    assert CSV_TABLE.sniff(csv_bytes(MATRIX))
    assert sniff_delimiter("a;b;c\n1;2;3\n") == ";"
    program = hrplan.read("examples/data/az-2012.json")
    own = io.BytesIO()
    hrplan.export(program, own, "csv")
    own.seek(0)
    own.name = "own.csv"
    assert hrplan.load(own).program.id == "own"  # the csv importer, not this one
    plan = io.BytesIO(csv_bytes(MATRIX))
    plan.name = "plan.csv"
    assert hrplan.load(plan).program.measure("2").title == "Review the minimum wage"


def test_recognise_scores_by_known_header_words_and_stays_general() -> None:
    table = Table(MATRIX)
    assert 0 < PLAN_TABLE.recognise([table]) <= 0.5
    assert PLAN_TABLE.recognise([Table([["Country", "Text"], ["a", "b"]])]) == 0


def test_several_tables_make_one_program_and_a_table_without_header_is_skipped() -> None:
    first = Table([["No.", "Activity"], ["1", "Count shelters"]], source="book.xlsx", sheet="Housing", spreadsheet=True)
    second = Table([["Legend"], ["green: done"]], source="book.xlsx", sheet="Legend", spreadsheet=True)
    third = Table([["No.", "Activity"], ["1", "Map clinics"]], source="book.xlsx", sheet="Health", spreadsheet=True)
    result = PLAN_TABLE.read([first, second, third], context=ReadContext())
    assert [(c.title, [m.title for m in c.measures]) for c in result.program.chapters] == [
        ("Housing", ["Count shelters"]), ("Health", ["Map clinics"])
    ]
    skipped = next(f for f in result.findings if f.code == "TB002")
    assert skipped.location == "sheet 'Legend'"
    assert "green: done" in skipped.message
    assert [str(m.id) for m in result.program.iter_measures()] == ["1", "2"]


def test_the_cli_reads_a_plan_table_with_a_columns_map(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from hrplan.cli import main

    path = Path(str(tmp_path)) / "matrix.csv"
    path.write_bytes(csv_bytes([["Ref", "Activities", "Responsible agencies"], ["1", "Visit prisons", "Ombudsman"]]))
    code = main(["validate", str(path), "-I", "columns=title:Activities,institutions:Responsible agencies"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "TB001" in out or "Ref" in out or "finding" in out.lower()


_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["No.", "Activity", "Issue", "Deadline", "Partners", "Responsible", "1.", "2", "1.1", "x)",
                     "Third quarter", "2019-20", "within 6 months", "Ministry of Justice; Ombudsman", "- a\n- b",
                     "99999999999999", "1." * 40, "Lead: A\nPartners: B", "", " "]),
    st.text(max_size=30),
    st.integers(-(10**12), 10**12),
    st.dates(),
)


@settings(max_examples=150)
@given(st.lists(st.lists(_CELLS, max_size=7), max_size=12))
def test_any_table_reads_with_findings_and_never_raises(rows: list[list[object]]) -> None:
    table = Table(rows, source="fuzz.csv")
    result = PLAN_TABLE.read([table], context=ReadContext(), columns="title:Activity")
    assert all(isinstance(f, Finding) for f in result.findings)
    if not list(result.program.iter_measures()):
        assert "TB008" in codes(result.findings)


@given(st.binary(max_size=300) | st.text(alphabet=',;\t"\n\r xab1.', max_size=200).map(str.encode))
def test_any_bytes_read_as_a_table_or_raise_an_hrplan_error(data: bytes) -> None:
    stream = io.BytesIO(data)
    stream.name = "fuzz.csv"
    with contextlib.suppress(hrplan.HrplanError):
        hrplan.load(stream, format="csv-table")
    CSV_TABLE.sniff(data)


def test_binary_files_are_not_sniffed_as_tables() -> None:
    assert not CSV_TABLE.sniff(b"PK\x03\x04\x14\x00\x06\x00,a,b\n1,2,3\n4,5,6\n")
    assert not CSV_TABLE.sniff(b"%PDF-1.7\n\x00\x01a,b,c\n1,2,3\n")


def test_numbered_issues_with_unnumbered_activities_and_a_kept_column() -> None:
    rows = [
        ["No.", "Issues", "Activities", "Responsible agencies", "Time-frame", "Indicators (wide frame)",
         "Compliance with National Strategy/ SDGs/UNGPs"],
        ["1.", "Migrant workers", "Set up a hotline in three languages", "Ministry of Labour; Immigration Bureau",
         "2019-2020", "Hotline open", "SDG 8"],
        ["", "", "Inspect recruitment agencies", "Department of Employment", "2020", "Agencies inspected", "SDG 8"],
        ["4.", "Environment", "Review pollution standards", "Pollution Control Department", "2021 (annually)",
         "Standards reviewed", "SDG 12"],
        ["15.", "Defenders", "Train prosecutors on lawsuits against public participation",
         "Office of the Attorney General", "2019-22", "Prosecutors trained", "UNGP 26"],
    ]  # fmt: skip
    result = load(rows)
    program = result.program
    assert [str(m.id) for m in program.iter_measures()] == ["1", "1.1", "1.2", "4", "15"]
    assert program.measure("1.1").institutions == ("ministry-of-labour", "immigration-bureau")
    assert str(program.measure("4").time_limit) == "annually, 2021"
    assert str(program.measure("15").time_limit) == "2019-2022"
    kept = "Compliance with National Strategy/ SDGs/UNGPs: UNGP 26"
    assert program.measure("15").description == f"Issue: Defenders\n{kept}"
    assert "TB001" not in codes(result.findings)


def test_a_header_over_two_rows_names_sub_columns() -> None:
    rows = [
        ["No.", "Activity", "Responsible", "Responsible", "Deadline"],
        ["", "", "Lead agency", "Partners", ""],
        ["1", "Train social workers", "Ministry of Social Affairs", "Social Workers' Union", "2024"],
        ["No.", "Activity", "Responsible", "Responsible", "Deadline"],
        ["", "", "Lead agency", "Partners", ""],
        ["2", "Count care places", "Statistics Office", "", "2025"],
    ]
    result = load(rows)
    assert roles(result.program.measure("1")) == [
        ("ministry-of-social-affairs", Role.LEAD), ("social-workers-union", Role.PARTNER)
    ]
    assert [str(m.id) for m in result.program.iter_measures()] == ["1", "2"]
    repeated = next(f for f in result.findings if f.code == "TB013")
    assert "2 row(s)" in repeated.message


def _big_table(count: int) -> Table:
    rows: list[list[str]] = [["No.", "Issue", "Activity", "Responsible agencies", "Partners", "Deadline"]]
    for i in range(count):
        first = i % 3 == 0
        rows.append([f"{i // 3 + 1}." if first else "", f"Issue {i // 3}" if first else "", f"Activity {i}",
                     f"Ministry {i % 10}; Agency {i % 7}", f"Partner {i % 5}", "2020-2022"])  # fmt: skip
    return Table(rows, source="big.csv")


def test_doubling_the_rows_roughly_doubles_the_time() -> None:
    import time

    def cost(table: Table) -> float:
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            PLAN_TABLE.read([table], context=ReadContext())
            best = min(best, time.perf_counter() - began)
        return best

    small, large = _big_table(150), _big_table(300)
    cost(small)  # warm up
    assert cost(large) < 3.5 * cost(small) + 0.01


def test_a_logical_framework_nests_numbers_and_keeps_baselines_and_targets() -> None:
    rows = [
        ["No.", "Activity", "Indicator", "Baseline", "Target", "Responsible", "Timeline", "Budget"],
        ["1", "Outcome 1: people reach legal aid", "Share of poor people aided", "20%", "40%", "", "", ""],
        ["1.1", "Output 1.1: offices in every region", "Offices open", "3", "12", "", "", ""],
        ["1.1.1", "Open nine offices", "", "", "", "Legal Aid Board", "2023-2024", "EUR 90,000"],
        ["1.1.2", "Hire lawyers for them", "", "", "", "Legal Aid Board", "2024", ""],
    ]
    program = load(rows).program
    outcome = program.measure("1")
    assert [str(m.id) for m in outcome.walk()] == ["1", "1.1", "1.1.1", "1.1.2"]
    assert outcome.indicators == ("Share of poor people aided",)
    assert outcome.description == "Baseline: 20%\nTarget: 40%"
    assert program.measure("1.1.1").budget == "EUR 90,000"
    assert str(program.measure("1.1.2").time_limit) == "2024"


def test_a_row_of_labels_under_the_header_does_not_take_the_activity_column_away() -> None:
    # the first data row happens to hold only words that are column labels, in the header's own columns
    rows = [["No.", "Issue", "Activity", ""],
            ["Responsible agencies", "Partners", "Time-frame", ""],
            ["1", "Courts", "Publish judgments online", "Supreme Court"]]  # fmt: skip
    result = load(rows)
    assert [m.title for m in result.program.iter_measures()][-1] == "Publish judgments online"


@pytest.mark.parametrize(
    ("heading", "number", "label", "title"),
    [("Chapter 3: Education", 3, "3", "Education"), ("II. HOUSING", 2, "II", "HOUSING"),
     ("Section IV - Health", 4, "IV", "Health"), ("5. Work", 5, "5", "Work"), ("Education", 1, "1", "Education")],
)
def test_a_section_row_heading_gives_its_chapter_number_label_and_title(
    heading: str, number: int, label: str, title: str
) -> None:
    rows = [["No.", "Activity", "Deadline"], [heading, "", ""], ["1", "Train staff", "2025"]]
    (chapter,) = load(rows).program.chapters
    assert (chapter.number, chapter.label, chapter.title) == (number, label, title)


def test_a_number_without_an_activity_is_reported_with_what_its_row_held() -> None:
    result = load([["No.", "Activity", "Deadline"], ["1", "", "2025"], ["2", "Train staff", "2026"]])
    (finding,) = [f for f in result.findings if f.code == "TB003"]
    assert finding.location.startswith("row 2")
    assert "Deadline: 2025" in finding.message


def test_column_fields_may_be_written_with_underscores() -> None:
    rows = [["Nr.", "Massnahme", "Stelle", "Frist"], ["1", "Gesetz einfuehren", "Ministry of Justice", "Q3 2025"]]
    program = load(rows, columns="title:Massnahme,lead:Stelle,time_limit:Frist").program
    (measure,) = program.chapters[0].measures
    assert (measure.title, str(measure.time_limit)) == ("Gesetz einfuehren", "Q3 2025")
    assert measure.institutions == ("ministry-of-justice",)


def test_a_table_no_layout_knows_names_the_columns_option() -> None:
    with pytest.raises(hrplan.InputError, match="columns="):
        load([["Nr.", "Massnahme", "Stelle", "Frist"], ["1", "Gesetz einfuehren", "Ministry of Justice", "Q3 2025"]])
