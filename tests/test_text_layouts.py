"""Plans in the layouts other countries publish, read by the ``text`` importer.

Each family of layouts has a fixture under ``tests/data/text/`` (made-up plans in
our own words), and a Hypothesis property writes generated plans in the family's
layout and reads them back to the same activities.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan.model import Measure, Program, Role
from hrplan.plugins import ImportResult, get_manager

DATA = Path(__file__).parent / "data" / "text"


def load(text: str, **options: Any) -> ImportResult:
    stream = io.BytesIO(text.encode())
    stream.name = "plan.txt"
    result = get_manager().importers()["text"].read(stream, **options)
    assert isinstance(result, ImportResult)
    return result


def load_file(name: str) -> ImportResult:
    return load((DATA / name).read_text(encoding="utf-8"))


def names(program: Program, measure: Measure, role: Role | None = None) -> list[str]:
    return [program.institutions[i.institution].name for i in measure.implementers if role in (None, i.role)]


def codes(result: ImportResult) -> list[str]:
    return [f.code for f in result.findings if not f.code.startswith("IN")]


# --- the families, one fixture each -------------------------------------------------


def test_goal_objective_activity() -> None:
    result = load_file("goal_objective_activity.txt")
    program = result.program
    assert [(c.number, c.title) for c in program.chapters] == [(1, "Justice within reach"), (2, "Safe detention")]
    assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2.1", "2.1.1"]
    objective = program.measure("1.1")
    assert objective.indicators == ("Number of legal aid offices opened.", "Share of applicants served within a week.")
    first = program.measure("1.1.1")
    assert first.title == "Open legal aid offices in four regions."
    assert names(program, first, Role.LEAD) == ["Ministry of Justice", "Legal Aid Service"]
    assert names(program, first, Role.PARTNER) == ["Bar Association", "Regional Councils"]
    assert first.time_limit == hrplan.parse_time_limit("2024-2025")
    assert names(program, program.measure("2.1.1"), Role.PARTNER) == ["Ombudsman Office"]
    # each activity with no number of its own is numbered in order, and says so
    assert codes(result) == ["TX013"] * 4


def test_numbered_issues_with_unnumbered_activities() -> None:
    result = load_file("issues_with_activities.txt")
    program = result.program
    assert [str(m.id) for m in program.iter_measures()] == ["1", "1.1", "1.2", "2", "4", "4.1", "4.2", "15"]
    issue = program.measure("1")
    assert issue.title == "Labour rights of migrant workers"
    inspect, translate = issue.children
    assert inspect.title == "Inspect private recruitment agencies every year."
    assert names(program, inspect) == ["Labour Inspectorate", "Ministry of Interior"]
    assert inspect.time_limit == hrplan.parse_time_limit("2024-2026")
    assert inspect.indicators == ("number of inspections carried out",)
    assert inspect.description == "Compliance with National Strategy/ SDGs/UNGPs: SDG 8"
    assert translate.time_limit == hrplan.parse_time_limit("2024")
    # an issue with one activity is one measure: the activity is its description
    assert program.measure("2").description == "Set up a telephone line for complaints against companies."
    screen = program.measure("4.2")
    assert names(program, screen) == ["Public Procurement Agency", "Office of the Securities and Exchange Commission"]
    with_time = [m for m in program.iter_measures() if m.time_limit is not None]
    assert len(with_time) == 6
    assert sorted(set(codes(result))) == ["TX005", "TX013"]


def test_single_level_numbers_in_chapters() -> None:
    result = load_file("single_level.txt")
    program = result.program
    assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.2", "2.1"]
    law = program.measure("1.1")
    assert law.time_limit == hrplan.parse_time_limit("December 2025")
    # a known label ends the field before it: the name does not swallow the next cell
    assert names(program, law) == ["Ministry of Health"]
    assert law.funding == "No financing is required"
    assert law.expected_results == ("The law is in force.",)
    body = program.measure("1.2")
    assert (body.budget, body.funding) == ("EUR 150,000", "State budget")
    review = program.measure("2.1")
    assert [i.role for i in review.implementers] == [Role.LEAD, Role.UPON_CONSENT]
    assert codes(result) == []


def test_logframe_outcomes_outputs_activities() -> None:
    result = load_file("logframe.txt")
    program = result.program
    titles = ["Children are protected from violence", "Children in care live in families"]
    assert [c.title for c in program.chapters] == titles
    assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.1.1", "1.1.2", "2.1", "2.1.1"]
    curriculum = program.measure("1.1.1")
    assert curriculum.budget == "USD 20,000"
    assert curriculum.description == "Baseline: none\n\nTarget: one curriculum"
    assert names(program, program.measure("1.1.2"), Role.PARTNER) == ["UNICEF"]
    assert codes(result) == []


# --- nasty inputs -------------------------------------------------------------------


def test_labels_in_other_case_and_with_a_range_in_brackets() -> None:
    program = load(
        "Plan\n\n1. Close the gap in pay.\nRESPONSIBLE AGENCY: Ministry of Labour\nTIME-FRAME (2019-2022): 2020\n"
    ).program
    measure = program.measure("1")
    assert names(program, measure) == ["Ministry of Labour"]
    assert measure.time_limit == hrplan.parse_time_limit("2020")


def test_repeated_page_headers_and_page_numbers_are_dropped() -> None:
    text = (
        "Action Plan on Housing\n\nChapter 1 Homes\n\n1.1. Build social housing.\nResponsible: Ministry of Housing\n"
        "Action Plan on Housing\nPage 2 of 7\n"
        "Time-limit: 2025\n\n1.2. Repair old buildings.\nResponsible: Ministry of Housing\nTime-limit: 2026\n"
        "Action Plan on Housing\n- 3 -\n"
    )
    program = load(text).program
    assert [m.time_limit for m in program.iter_measures()] == [
        hrplan.parse_time_limit("2025"),
        hrplan.parse_time_limit("2026"),
    ]
    assert [m.description for m in program.iter_measures()] == [None, None]


def test_footnote_numbers_glued_to_names_are_dropped() -> None:
    program = load(
        "Plan\n\nChapter 1 Law\n\n1.1. Ratify the protocol on complaints.\n"
        "Responsible: Ministry of Justice2, Ministry of Foreign Affairs14\nTime-limit: 2025\n"
    ).program
    assert names(program, program.measure("1.1")) == ["Ministry of Justice", "Ministry of Foreign Affairs"]


def test_hyphenation_at_line_ends_is_mended() -> None:
    program = load(
        "Plan\n\nChapter 1 Law\n\n1.1. Strengthen the indepen-\ndence of the judiciary and non-\n"
        "governmental monitoring of courts.\nResponsible: Judicial Council\nTime-limit: 2025\n"
    ).program
    title = program.measure("1.1").title
    assert title == "Strengthen the independence of the judiciary and non-governmental monitoring of courts."


def test_list_markers_nest_and_roman_numerals_read() -> None:
    text = (
        "Plan\n\nChapter 1 Law\n\n1.1. Reform the courts.\n\n"
        "a) Merge small district courts.\nResponsible: Ministry of Justice\nTime-limit: 2025\n\n"
        "b) Publish all judgments.\n\n(i) Build a search engine.\nResponsible: Judicial Council\nTime-limit: 2026\n\n"
        "(ii) Remove personal data.\nResponsible: Judicial Council\nTime-limit: 2026\n\n"
        "c) Train judges.\nResponsible: Judicial Academy\nTime-limit: 2027\n"
    )
    program = load(text).program
    assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.1.1", "1.1.2", "1.1.2.1", "1.1.2.2", "1.1.3"]


def test_keywords_before_numbers_in_any_case() -> None:
    text = (
        "Plan\n\nCHAPTER I Health\n\nMEASURE 1.1. Vaccinate children.\nResponsible: Ministry of Health\n"
        "Deadline: 2025\n\naction 1.2: Open clinics.\nResponsible: Ministry of Health\nDeadline: 2026\n"
    )
    assert [str(m.id) for m in load(text).program.iter_measures()] == ["1.1", "1.2"]


def test_a_repeated_number_gets_the_next_free_one() -> None:
    text = "Plan\n\nChapter 1 Law\n\n1. First.\nDeadline: 2025\n\n1. Second.\nDeadline: 2026\n"
    result = load(text)
    assert [str(m.id) for m in result.program.iter_measures()] == ["1.1", "1.2"]
    assert codes(result) == ["TX012"]


# --- never an empty program in silence ------------------------------------------------


def test_a_file_with_no_measure_says_so() -> None:
    result = load("Plan\n\nChapter 1 Aims\n\nWe want a fair society for all.\n")
    assert codes(result) == ["TX015", "TX016"]
    no_measure = result.findings[0]
    assert no_measure.severity is hrplan.Severity.ERROR
    assert "Number the measures" in no_measure.message


def test_an_unknown_label_is_reported_with_what_to_do() -> None:
    text = "Plan\n\nChapter 1 Law\n\n1.1. Reform.\nFocal point: Ministry of Justice\nDeadline: 2025\n"
    result = load(text)
    finding = next(f for f in result.findings if f.code == "TX014")
    assert finding.location == "line 6"
    assert "labels=lead:Focal point" in finding.message
    again = load(text, labels="lead:Focal point")
    assert names(again.program, again.program.measure("1.1")) == ["Ministry of Justice"]
    assert "TX014" not in codes(again)


def test_validate_on_a_file_with_no_measure_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from hrplan.cli import main

    path = tmp_path / "aims.txt"
    path.write_text("Plan\n\nChapter 1 Aims\n\nWe want a fair society for all.\n", encoding="utf-8")
    assert main(["validate", str(path)]) != 0
    assert "TX015" in capsys.readouterr().out


# --- generated plans in each layout, read back ------------------------------------------

_WORDS = ("train", "staff", "open", "offices", "review", "rules", "publish", "data", "fund", "shelters", "visit",
          "prisons", "translate", "forms", "hire", "inspectors", "audit", "courts", "map", "needs")  # fmt: skip
_BODIES = ("Ministry of Water", "State Agency for Roads", "Office of the Securities and Exchange Commission",
           "Bar Association", "National Council for Youth", "Ministry of Culture and Tourism")  # fmt: skip


@attrs.frozen
class _Activity:
    title: str
    bodies: tuple[str, ...]
    year: int


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


_activities = st.builds(
    _Activity,
    st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5).map(_sentence),
    st.lists(st.sampled_from(_BODIES), min_size=1, max_size=3, unique=True).map(tuple),
    st.integers(2020, 2030),
)
#: chapters of issues of activities
_issues_of = st.lists(st.lists(_activities, min_size=1, max_size=3), min_size=1, max_size=3)
_plans = st.lists(_issues_of, min_size=1, max_size=3)


def _goal_objective_activity(plan: list[list[list[_Activity]]]) -> str:
    lines = ["Generated plan", ""]
    for c, issues in enumerate(plan, 1):
        lines += [f"Goal {c}: Goal number {c}", ""]
        for i, activities in enumerate(issues, 1):
            lines.append(f"Objective {c}.{i}: Objective number {i}.")
            for a in activities:
                lines += [f"Activity: {a.title}", f"Lead agency: {'; '.join(a.bodies)}", f"Timeline: {a.year}"]
            lines.append("")
    return "\n".join(lines)


def _issues(plan: list[list[list[_Activity]]]) -> str:
    lines = ["Generated plan", ""]
    for c, issues in enumerate(plan, 1):
        lines += [f"Chapter {c}. Area {c}", ""]
        for i, activities in enumerate(issues, 1):
            lines.append(f"{i}. Issue number {i}")
            for a in activities:
                lines += [a.title, f"Responsible agencies: {'; '.join(a.bodies)}", f"Time-frame: {a.year}"]
            lines.append("")
    return "\n".join(lines)


def _logframe(plan: list[list[list[_Activity]]]) -> str:
    lines = ["Generated plan", ""]
    for c, issues in enumerate(plan, 1):
        lines += [f"Outcome {c}: Outcome number {c}", ""]
        for i, activities in enumerate(issues, 1):
            lines.append(f"Output {c}.{i}: Output number {i}")
            for k, a in enumerate(activities, 1):
                lines += [f"{c}.{i}.{k} {a.title}", f"Responsible: {', '.join(a.bodies)}", f"Timeline: {a.year}"]
            lines.append("")
    return "\n".join(lines)


def _single_level(plan: list[list[list[_Activity]]]) -> str:
    lines = ["Generated plan", ""]
    for c, issues in enumerate(plan, 1):
        lines += [f"Chapter {c}. Area {c}", ""]
        for n, a in enumerate((a for activities in issues for a in activities), 1):
            lines += [f"{n}. {a.title}", f"Responsible body: {', '.join(a.bodies)}", f"Deadline: {a.year}", ""]
    return "\n".join(lines)


_LAYOUTS: dict[str, Callable[[list[list[list[_Activity]]]], str]] = {
    "goal-objective-activity": _goal_objective_activity,
    "issues-with-activities": _issues,
    "logframe": _logframe,
    "single-level": _single_level,
}


@pytest.mark.parametrize("layout", sorted(_LAYOUTS))
@given(plan=_plans)
def test_generated_plans_read_back_to_the_same_activities(layout: str, plan: list[list[list[_Activity]]]) -> None:
    result = load(_LAYOUTS[layout](plan))
    program = result.program
    expected = [(a.bodies, a.year) for issues in plan for activities in issues for a in activities]
    read = [
        (tuple(names(program, m)), m.time_limit.start.year)
        for m in program.iter_measures()
        if m.time_limit is not None and m.time_limit.start is not None
    ]
    assert read == expected
    titles = {a.title for issues in plan for activities in issues for a in activities}
    texts = {t for m in program.iter_measures() for t in (m.title, m.description) if t}
    assert titles <= texts
    assert not [f for f in result.findings if f.severity is hrplan.Severity.ERROR]


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_every_layout_is_recognised_by_content(name: str) -> None:
    head = (DATA / name).read_bytes()[:4096]
    assert get_manager().importers()["text"].sniff(head)  # type: ignore[attr-defined]


def test_objectives_with_numbered_indicator_and_activity_pairs() -> None:
    result = load_file("objectives_with_indicator_activity_pairs.txt")
    program = result.program
    assert [str(m.id) for m in program.iter_measures()] == ["25.4.1", "25.4.1.1", "25.4.1.2", "25.4.2", "25.4.2.1"]
    buses = program.measure("25.4.1.1")
    assert buses.title == "Buy low-floor buses when fleets are renewed."
    assert buses.indicators == ("Share of accessible buses in the fleet.",)
    assert names(program, buses, Role.PARTNER) == ["City Councils", "Union of the Blind"]
    assert program.measure("25.4.2.1").time_limit == hrplan.parse_time_limit("annually")
    assert codes(result) == ["TX005"]


def test_goals_numbered_within_pillars_are_the_parents_of_their_measures() -> None:
    text = (
        "Plan 2024-2027\n\nPillar 1: Civil rights\n\nGoal 1.1 Fair trials\n1.1.1. Train judges.\nTimeline: 2024\n"
        "1.1.2. Publish decisions online.\nTimeline: 2025\n\nGOAL 1.2: Free expression\n1.2.1. Review the media law."
        "\nTimeline: 2025\n\nPillar 2: Social rights\n\nGoal 2.1 - Health\n2.1.1. Extend primary care.\n"
        "The goal 1.1 is a sentence here.\nTimeline: 2026\n"
    )
    result = hrplan.load(io.BytesIO(text.encode()), format="text")
    shape = [(str(m.id), m.title) for m in result.program.iter_measures()]
    assert shape == [("1.1", "Fair trials"), ("1.1.1", "Train judges."), ("1.1.2", "Publish decisions online."),
                     ("1.2", "Free expression"), ("1.2.1", "Review the media law."), ("2.1", "Health"),
                     ("2.1.1", "Extend primary care.")]  # fmt: skip
    assert "sentence" in (result.program.measure("2.1.1").description or "")
    assert not [f for f in result.findings if f.code == "TX001"]


LETTERED_UNDER_A_COLON = """Plan for Children 2024-2028

Chapter 1. Protection
2. Strengthen the response to violence in schools:
(a) introduce a reporting protocol;
Responsible agency: Ministry of Education
Deadline: 2025
(b) train school psychologists.
Responsible agency: Ministry of Education
Deadline: 2026
"""


def test_lettered_items_right_under_a_title_ending_with_a_colon_are_its_sub_measures() -> None:
    result = load(LETTERED_UNDER_A_COLON)
    (parent,) = result.program.chapters[0].measures
    assert parent.title == "Strengthen the response to violence in schools:"
    assert [(str(m.id), m.title, str(m.time_limit)) for m in parent.children] == [
        ("1.2.1", "introduce a reporting protocol;", "2025"), ("1.2.2", "train school psychologists.", "2026")]


def test_a_label_ending_its_line_still_opens_a_list() -> None:
    text = ("Plan\n\nChapter 1. Justice\n1.1. Open legal aid offices.\nIndicators:\n1) offices opened;\n"
            "2) people helped.\nResponsible: Ministry of Justice.\nDeadline: 2025.\n")
    (measure,) = load(text).program.chapters[0].measures
    assert measure.indicators == ("offices opened", "people helped.")
    assert measure.children == ()


def _ids(result: ImportResult) -> list[list[str]]:
    return [[str(m.id) for m in chapter.iter_measures()] for chapter in result.program.chapters]


ROMAN_PARTS = """Plan on Gender Equality 2025-2027

I. Women in the labour market

1. Close the gender pay gap.
Responsible body: Ministry of Finance
Deadline: 2025-2026

2. Extend paid paternity leave.
Responsible body: Ministry of Labour
Deadline: 2025

II. VIOLENCE AGAINST WOMEN

3. Open a crisis centre in each region.
Responsible body: Ministry of Social Affairs
Deadline: 2027
"""


def test_roman_parts_are_chapters_and_numbers_that_run_on_are_kept() -> None:
    result = load(ROMAN_PARTS)
    chapters = result.program.chapters
    assert [(c.number, c.label, c.title) for c in chapters] == [
        (1, "I", "Women in the labour market"), (2, "II", "VIOLENCE AGAINST WOMEN")]
    assert _ids(result) == [["1", "2"], ["3"]]
    assert result.program.measure("3").title == "Open a crisis centre in each region."
    assert "TX005" not in codes(result)


def test_roman_items_with_parts_of_their_own_stay_measures() -> None:
    text = ROMAN_PARTS.replace("I. Women in the labour market\n", "I. Women in the labour market\n"
                               "Responsible body: Ministry of Labour\n")
    result = load(text)
    assert [c.label for c in result.program.chapters] != ["I", "II"]


def test_numbers_that_start_again_in_each_chapter_are_numbered_within_it() -> None:
    text = ROMAN_PARTS.replace("3. Open", "1. Open")
    assert _ids(load(text)) == [["1.1", "1.2"], ["2.1"]]


def test_numbers_that_run_on_under_chapter_headings_are_kept() -> None:
    text = ROMAN_PARTS.replace("I. Women", "Chapter I. Women").replace("II. VIOLENCE", "Chapter II. VIOLENCE")
    assert _ids(load(text)) == [["1", "2"], ["3"]]


OBJECTIVES_AND_ACTIONS = """Plan on Business and Human Rights 2025-2029

{first} STATE DUTY TO PROTECT

Objective 1: Due diligence becomes a legal duty.
Action 1.1: Prepare a draft law.
Lead ministry: Ministry of Economy
Timeline: 2025-2026
Action 1.2: Issue guidance for small enterprises.
Lead ministry: Ministry of Economy
Timeline: 2026

{second} ACCESS TO REMEDY

Objective 2: Victims reach effective remedies.
Action 2.1: Map grievance mechanisms.
Lead ministry: Ministry of Justice
Timeline: 2025
"""


@pytest.mark.parametrize(
    ("first", "second"), [("I.", "II."), ("Chapter I.", "Chapter II."), ("Pillar 1:", "Pillar 2:")]
)
def test_actions_numbered_after_their_objective_go_under_it(first: str, second: str) -> None:
    result = load(OBJECTIVES_AND_ACTIONS.format(first=first, second=second))
    assert _ids(result) == [["1", "1.1", "1.2"], ["2", "2.1"]]
    objective = result.program.measure("2")
    assert [str(m.id) for m in objective.children] == ["2.1"]
    assert not {"TX012", "TX005"} & set(codes(result))


@given(st.lists(st.integers(1, 4), min_size=2, max_size=5), st.booleans())
def test_measures_numbered_through_the_plan_keep_their_numbers(sizes: list[int], roman: bool) -> None:
    lines, number = ["A plan", ""], 0
    for chapter, size in enumerate(sizes, 1):
        lines += [f"{_ROMAN[chapter - 1]}. Part {chapter}" if roman else f"Chapter {chapter}. Part {chapter}", ""]
        for _ in range(size):
            number += 1
            lines += [f"{number}. Do thing {number}.", "Responsible: Ministry of Justice", "Deadline: 2025", ""]
    result = load("\n".join(lines))
    expected = [str(n) for n in range(1, number + 1)]
    assert [str(m.id) for m in result.program.iter_measures()] == expected


_ROMAN = ["I", "II", "III", "IV", "V"]


def test_plain_numbers_are_not_taken_when_another_measure_has_them() -> None:
    text = ("Plan\n\nChapter 1. One\n1. First.\nResponsible: Ministry of Justice\n\n2.1. Stray.\n"
            "Responsible: Ministry of Justice\n\nChapter 2. Two\n2. Second.\nResponsible: Ministry of Justice\n\n"
            "2.1. Under the second.\nResponsible: Ministry of Justice\n")
    result = load(text)
    ids = [str(m.id) for m in result.program.iter_measures()]
    assert len(ids) == len(set(ids)) == 4


def test_each_objective_of_a_chapter_holds_its_own_actions() -> None:
    text = ("Plan\n\nI. PROTECT\n\nObjective 1: A.\nAction 1.1: B.\nLead: Ministry of Justice\nTimeline: 2025\n"
            "Objective 2: C.\nAction 2.1: D.\nLead: Ministry of Justice\nTimeline: 2026\n\n"
            "II. REMEDY\n\nObjective 3: E.\nAction 3.1: F.\nLead: Ministry of Justice\nTimeline: 2027\n")
    result = load(text)
    assert _ids(result) == [["1", "1.1", "2", "2.1"], ["3", "3.1"]]
    assert [str(m.id) for m in result.program.measure("2").children] == ["2.1"]


def test_roman_items_inside_a_measure_stay_its_items() -> None:
    text = ("Plan 2024\n\n1. Improve access to justice through:\nI. Legal aid offices\nII. Mobile courts\n"
            "III. Court fees waived\nResponsible: Ministry of Justice\nDeadline: 2025\n\n2. Train judges.\n"
            "Responsible: Ministry of Justice\nDeadline: 2026\n")
    result = load(text)
    assert [c.label for c in result.program.chapters] != ["I", "II"]
    assert "Train judges." in [m.title for m in result.program.iter_measures()]


def test_a_list_under_a_title_ending_with_a_colon_stays_in_the_measure_when_parts_follow_the_list() -> None:
    text = ("Plan\n\nChapter 1. Justice\n1.1. The Ministry will:\n1) draft a law;\n2) train staff.\n"
            "Responsible: Ministry of Justice.\nDeadline: 2025.\n")
    (measure,) = load(text).program.chapters[0].measures
    assert measure.children == ()
    assert "train staff" in measure.title
    assert str(measure.time_limit) == "2025"


def test_a_roman_list_inside_a_measure_leaves_the_roman_parts_chapters() -> None:
    text = "\n".join([
        "Plan", "", "I. Justice", "", "1. Train judges on:", "I. Seminars for judges", "II. Seminars for prosecutors",
        "Responsible: Ministry of Justice", "Deadline: 2025", "", "2. Reform the courts.",
        "Responsible: Ministry of Justice", "Deadline: 2026", "", "II. Health", "", "3. Open shelters.",
        "Responsible: Ministry of Health", "Deadline: 2026", "",
    ])  # fmt: skip
    result = load(text)
    assert [(c.label, c.title) for c in result.program.chapters] == [("I", "Justice"), ("II", "Health")]
    assert _ids(result) == [["1", "2"], ["3"]]


def test_many_measures_with_one_number_are_numbered_in_linear_time() -> None:
    from hrplan.testing import assert_linear

    def plan(n: int) -> str:
        return "Plan\n\nChapter 1. One\n" + "1. Do it.\nResponsible: Ministry of Justice\n\n" * n

    assert_linear(lambda text: load(text), plan, n=200)
