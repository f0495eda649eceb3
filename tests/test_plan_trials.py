"""Plans in layouts the importers were not written against, read as a careful person would.

The fixtures under ``tests/fixtures/plans/`` are made up in our own words, in the
families of layouts national plans are published in: a CSV with ``;`` and
Windows-1252 bytes, a CSV saved by Excel (byte-order mark, CRLF), a logical
framework, a table whose header repeats on every page; text plans with
``Objective 3.2:`` blocks, ``1)``/``a)`` items, word chapter numbers, ``Pillar``
and ``Goal`` headings, and one whose line breaks were lost. Each test says what
a reader of the document would count: measures, their numbers, titles,
institutions with their roles, time-limits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hrplan
import hrplan.labels
from hrplan.cli import main
from hrplan.institutions import split_names

FIXTURES = Path(__file__).parent / "fixtures" / "plans"


def _load(name: str, **options: object) -> hrplan.ImportResult:
    return hrplan.load(FIXTURES / name, **options)


def _rows(program: hrplan.Program) -> list[tuple[str, str]]:
    return [(str(m.id), m.title) for m in program.iter_measures()]


def _roles(program: hrplan.Program, number: str) -> list[tuple[str, str]]:
    return [(i.institution, i.role.value) for i in program.measure(number).implementers]


def _limit(program: hrplan.Program, number: str) -> str:
    return str(program.measure(number).time_limit)


def _codes(result: hrplan.ImportResult) -> set[str]:
    return {f.code for f in result.findings}


# --- tables --------------------------------------------------------------------------------


def test_semicolon_csv_in_windows_1252_with_serial_numbers_and_action_points() -> None:
    result = _load("semicolon_cp1252.csv")
    program = result.program
    assert program.title == "Draft National Plan on Migrant Workers (2024-2026)"
    assert str(program.period) == "2024-2026"
    assert [number for number, _ in _rows(program)] == ["1", "2", "3"]
    assert "r\u00e9sum\u00e9\u2019s" in program.measure("1").title
    # "Implementing Body", "Completion Date", "Key Performance Indicator", "Estimated cost (USD)"
    assert _limit(program, "1") == "Q2 2025"
    assert program.measure("1").indicators == ("Translations published",)
    assert program.measure("1").budget == "12 000"
    # a "(partner)" mark belongs to the name it follows, not to the whole cell
    assert _roles(program, "2") == [("border-police", "lead"), ("red-cross-society", "partner")]
    assert _limit(program, "2") == "H2 2025"
    assert _limit(program, "3") == "by 2026"  # "by end-2026"
    assert program.measure("3").budget is None  # a dash is no budget
    assert "CT001" in _codes(result)


def test_excel_csv_with_bom_crlf_and_numbered_objective_column() -> None:
    result = _load("excel_bom_crlf.csv", adopted="2025-01-01")
    program = result.program
    # "Strategic objective" numbered "1. Safe prisons" groups the activities; "Outputs"
    # are what each activity delivers; "Responsible Ministry/Department" is the lead.
    assert [(c.number, c.title) for c in program.chapters] == [(1, "excel_bom_crlf")]
    assert _rows(program) == [
        ("1", "Safe prisons"),
        ("1.1", "Install call buttons in cells"),
        ("1.2", "Train staff in first aid"),
        ("1.3", "Publish inspection reports within 30 days"),
        ("2", "Post duty lawyers at police stations"),
    ]
    assert program.measure("1.1").expected_results == ("1.1 Fewer deaths in custody",)
    assert _roles(program, "1.2") == [("prison-service", "lead"), ("ministry-of-health", "lead")]
    assert _limit(program, "1.2") == "permanently"
    assert _limit(program, "1.3") == "by 1 January 2026"  # 12 months from adoption
    assert program.measure("1.1").budget == "80,000"
    assert "TB001" not in _codes(result)


def test_logframe_rows_numbered_by_their_level() -> None:
    result = _load("logframe.csv")
    program = result.program
    assert [c.title for c in program.chapters] == ["Goal: Everyone can get justice in time"]
    assert _rows(program) == [
        ("1", "Courts decide faster"),
        ("1.1", "Case management system in all courts"),
        ("1.1.1", "Buy and install the software"),
        ("1.1.2", "Train court clerks on the system"),
        ("1.2", "Mediation offered before trial"),
        ("1.2.1", "License mediators in every region"),
    ]
    activity = program.measure("1.1.1")
    assert activity.indicators == ("Contract signed",)
    assert activity.budget == "250000"
    assert activity.description is not None
    assert "Baseline: No" in activity.description
    assert "Means of verification: Tender records" in activity.description
    assert _limit(program, "1.2.1") == "H2 2025"
    assert "TB005" not in _codes(result)  # every number was written


def test_header_repeated_on_every_page_and_page_marks() -> None:
    result = _load("repeated_header.csv")
    program = result.program
    assert len(program.chapters) == 1
    assert [number for number, _ in _rows(program)] == ["1", "2", "3", "4"]
    assert _roles(program, "4") == [("ministry-of-social-affairs", "lead"), ("victim-support-ngo", "partner")]
    marks = [f for f in result.findings if f.code == "TB014"]
    assert len(marks) == 1
    assert marks[0].location == "row 5"
    assert "TB013" in _codes(result)


def test_validate_shows_the_table_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(FIXTURES / "repeated_header.csv"), "--select", "TB"])
    out = capsys.readouterr().out
    assert "row 5: TB014" in out
    assert "TB013" in out
    assert code == 0


def test_time_chart_of_year_columns_under_timeframe() -> None:
    result = _load("year_columns.csv")
    program = result.program
    assert [number for number, _ in _rows(program)] == ["1", "2", "3"]
    assert _limit(program, "1") == "2024-2025"
    assert _limit(program, "2") == "2025"
    assert _limit(program, "3") == "2024-2026"
    assert program.measure("3").time_limit is not None
    assert program.measure("3").time_limit.text == "2024, 2026"
    assert program.measure("1").indicators == ("Centres open",)
    assert not {"TB001", "TB003", "TB004"} & _codes(result)


def test_capital_headers_and_role_marks_inside_a_comma_list() -> None:
    result = _load("capitals.csv")
    program = result.program
    assert _rows(program) == [("1", "Publish court fees online"), ("2", "Translate court forms")]
    assert _roles(program, "1") == [("ministry-of-justice", "lead"), ("bar-association", "partner")]
    assert _roles(program, "2") == [("judicial-council", "lead"), ("interpreters-guild", "partner")]
    assert _limit(program, "1") == "31 December 2025"
    assert program.measure("1").description is None  # "REMARKS: -" holds nothing
    assert program.measure("2").description == "REMARKS: needs funds"


def test_tab_separated_with_long_column_titles() -> None:
    result = _load("priorities.tsv")
    program = result.program
    assert _rows(program) == [
        ("1", "Access to water"), ("1.1", "Map settlements without piped water"),
        ("1.2", "Connect the ten largest settlements"), ("2", "Build school latrines"),
    ]  # fmt: skip
    assert _roles(program, "1.2") == [("water-agency", "lead"), ("development-bank", "partner")]
    assert _roles(program, "2") == [("ministry-of-education", "lead")]  # "-": no partner
    assert _limit(program, "1.1") == "H1 2025"
    assert _limit(program, "2") == "by 2026"
    assert program.measure("1.1").funding == "State budget"
    assert program.measure("2").funding is None
    assert program.measure("1.1").indicators == ("Map published",)
    assert "TB001" not in _codes(result)


@pytest.mark.parametrize(
    ("title", "meaning"),
    [("Sr. No.", "number"), ("S/N", "number"), ("Action Points", "title"), ("Measures to be taken", "title"),
     ("Results chain", "title"), ("Implementing Body", "lead"), ("Responsible Ministry/Department", "lead"),
     ("Responsible Ministry / Department", "lead"), ("Responsible actor(s)", "lead"), ("Other partners", "partner"),
     ("Completion Date", "time-limit"), ("Time frame for implementation", "time-limit"),
     ("Key Performance Indicator", "indicators"), ("Verifiable indicators", "indicators"),
     ("Estimated cost (USD)", "budget"), ("Source of funds", "funding"), ("Outputs", "expected-results"),
     ("Strategic objective", "issue"), ("Thematic priority", "issue"), ("Means of verification", "keep"),
     ("Baseline (2023)", "keep")],
)  # fmt: skip
def test_column_titles_of_other_plans(title: str, meaning: str) -> None:
    found = hrplan.labels.Labels.default().header(title)
    assert found is not None
    assert found.meaning.value == meaning


# --- text ----------------------------------------------------------------------------------


def test_objective_blocks_with_capital_labels_and_partners() -> None:
    result = _load("objective_blocks.txt")
    program = result.program
    assert [str(m.id) for m in program.iter_measures()] == ["3.2", "3.2.1", "3.2.2", "3.3", "3.3.1"]
    assert _roles(program, "3.2.1") == [
        ("ministry-of-public-works", "lead"), ("union-of-the-blind", "partner"),
        ("wheelchair-users-association", "partner"),
    ]  # fmt: skip
    assert _limit(program, "3.2.1") == "Q3 2024"
    assert _limit(program, "3.2.2") == "H2 2025"
    assert _limit(program, "3.3.1") == "by 2026"  # "by end-2026"
    assert not {"TX003", "TX014"} & _codes(result)


def test_word_chapters_and_lettered_items() -> None:
    result = _load("numbered_items.txt")
    program = result.program
    assert [(c.number, c.title) for c in program.chapters] == [(3, "Child-friendly justice"), (4, "Child labour")]
    assert [str(m.id) for m in program.iter_measures()] == ["3.1", "3.2", "3.2.1", "3.2.2", "4.1"]
    assert _limit(program, "3.1") == "annually, 2025-2027"
    assert _limit(program, "3.2.2") == "permanently"
    assert _limit(program, "4.1") == "by 2026"
    # "within 12 months" with no adoption date: said, with its line, never dropped
    missing = [f for f in result.findings if f.code == "TX003"]
    assert [f.location for f in missing] == ["line 12"]


def test_pillar_and_goal_headings() -> None:
    result = _load("pillar_goal.txt")
    program = result.program
    assert [c.title for c in program.chapters] == ["WOMEN IN PUBLIC LIFE", "WORK AND PAY"]
    # each goal under its pillar is a measure, the parent of the activities under it, which keep their
    # numbers as the last part (activities numbered 1, 2, 3 through the plan)
    assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.1.1", "1.1.2", "2.1", "2.1.3"]
    assert [program.measure(n).title for n in ("1.1", "2.1")] == ["More women in local councils", "Equal pay"]
    assert program.measure("1.1.1").budget == "40,000 EUR"
    assert _roles(program, "1.1.1") == [("gender-equality-office", "lead"), ("women-s-network", "partner")]
    assert _limit(program, "1.1.2") == "annually, 2024-2026"
    assert "TX001" not in _codes(result)


def test_flattened_short_text_is_cut_again() -> None:
    result = _load("flattened.txt")
    program = result.program
    assert program.title == "Plan of Action on Fair Elections 2024-2025"
    assert [(c.number, c.title) for c in program.chapters] == [(1, "Voter registration"), (2, "Campaign finance")]
    assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.2", "2.1"]
    assert _roles(program, "1.2") == [("ministry-of-foreign-affairs", "lead"), ("central-election-commission", "lead")]
    assert _limit(program, "1.2") == "H1 2025"
    assert _limit(program, "2.1") == "H2 2025"
    assert not {"TX004", "TX015"} & _codes(result)


def test_a_semicolon_always_separates_institutions() -> None:
    names = split_names("Ministry of Interior; La Strada (partner)")
    assert names == ["Ministry of Interior", "La Strada (partner)"]
    assert split_names("Ministry of Justice; Caritas; Bar Association") == [
        "Ministry of Justice", "Caritas", "Bar Association",
    ]  # fmt: skip


# --- time-limits real plans write -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [("by end-2026", "by 2026"), ("end-2026", "by 2026"), ("end of 2026", "by 2026"), ("End 2025", "by 2025"),
     ("2nd half of 2025", "H2 2025"), ("Q3 2024", "Q3 2024"), ("2024-2026 (annually)", "annually, 2024-2026"),
     ("Ongoing", "permanently")],
)  # fmt: skip
def test_time_limits_of_other_plans(text: str, read: str) -> None:
    assert str(hrplan.parse_time_limit(text)) == read
