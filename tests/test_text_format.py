"""The ``text`` format: plans as plain text, read and written back."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import hrplan
from hrplan.cli import main
from hrplan.institutions import Registry, resolve_names
from hrplan.model import Implementer, Institution, InstitutionKind, Measure, Program, Role, Tags
from hrplan.plugins import Importer, ImportResult, PluginManager, PluginSettings, get_manager, hookimpl, reset_manager
from hrplan.testing import programs

MOJ = Institution(
    "min-justice",
    "Ministry of Justice",
    InstitutionKind.MINISTRY,
    aliases=("Ministry of Justice of the Republic of Utopia",),
)
MOH = Institution("min-health", "Ministry of Health", InstitutionKind.MINISTRY)
BAR = Institution("bar", "Bar Association", InstitutionKind.BAR)
SCP = Institution("sc-property", "State Committee for Property Issues", InstitutionKind.STATE_COMMITTEE)
OMB = Institution("ombudsman", "Commissioner for Human Rights (Ombudsman)", InstitutionKind.OMBUDSMAN)
REGISTRY = Registry((MOJ, MOH, BAR, SCP, OMB))


def importer() -> Importer:
    return get_manager().importers()["text"]


def load(text: str, name: str = "plan.txt", **options: Any) -> ImportResult:
    """Import ``text`` as the file ``name`` with the test registry (unless told otherwise)."""
    stream = io.BytesIO(text.encode())
    stream.name = name
    options.setdefault("registry", REGISTRY)
    options.setdefault("context", get_manager().context())  # what hrplan.load passes
    result = importer().read(stream, **options)
    assert isinstance(result, ImportResult)
    return result


def read(text: str, **options: Any) -> Program:
    return load(text, **options).program


def codes(result: ImportResult) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in result.findings]


def dump(program: Program) -> str:
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="text")
    return buffer.getvalue().decode()


SMALL = """\
Action Plan on Human Rights in Utopia

The plan is adopted to raise the protection of rights.

Chapter I Justice

1.1. Reform of the courts

The courts need reform.

Implementing institution: Ministry of Justice.

Time-limit: 2013

1.2. Access to lawyers

Implementing institutions: Ministry of Justice, Bar Association.

Time-limit: permanently

1.2.1. Legal aid law

Implementing institution: Bar Association.

Time-limit: March-April 2013

1.2.2. Legal aid offices

Implementing institution: Ministry of Health.

Time-limit: 2013-2014
"""


# --- the layout ---------------------------------------------------------------------------------


def test_title_chapters_measures_and_lines() -> None:
    result = load(SMALL)
    program = result.program
    assert program.id == "plan"
    assert program.title == "Action Plan on Human Rights in Utopia"
    assert [(c.number, c.label, c.title, c.line) for c in program.chapters] == [(1, "I", "Justice", 5)]
    assert [(str(m.id), m.line) for m in program.iter_measures()] == [
        ("1.1", 7),
        ("1.2", 15),
        ("1.2.1", 21),
        ("1.2.2", 27),
    ]
    first = program.measure("1.1")
    assert first.title == "Reform of the courts"
    assert first.description == "The courts need reform."
    assert first.institutions == ("min-justice",)
    assert first.time_limit == hrplan.parse_time_limit("2013")
    assert [str(c.id) for c in program.measure("1.2").children] == ["1.2.1", "1.2.2"]
    assert program.measure("1.2.1").time_limit == hrplan.parse_time_limit("March-April 2013")
    assert set(program.institutions) == {"min-justice", "bar", "min-health"}
    assert codes(result) == [("TX007", "line 3")]  # the preamble is read, and said not to be kept
    assert result.findings[0].severity is hrplan.Severity.INFO


@pytest.mark.parametrize(
    ("heading", "number", "label"),
    [
        ("Chapter I", 1, "I"),
        ("Chapter IV", 4, "IV"),
        ("Chapter XII", 12, "XII"),
        ("Chapter Two", 2, "Two"),
        ("Chapter Twenty", 20, "Twenty"),
        ("CHAPTER SEVEN", 7, "SEVEN"),
        ("Chapter 3", 3, "3"),
        ("Chapter 3.", 3, "3"),
        ("Chapter IX:", 9, "IX"),
        ("Chapter Eleven -", 11, "Eleven"),
    ],
)
def test_chapter_labels(heading: str, number: int, label: str) -> None:
    program = read(f"Plan\n\n{heading} Courts and prisons\n\n{number}.1. A measure\n\nTime-limit: 2013\n")
    chapter = program.chapters[0]
    assert (chapter.number, chapter.label, chapter.title) == (number, label, "Courts and prisons")


def test_chapter_title_on_the_next_line_and_intro() -> None:
    text = (
        "Plan\n\nChapter Four\n\nEducation in human rights\n\nThis chapter is about schools.\n\n"
        "4.1. Manuals\n\nTime-limit: 2013\n"
    )
    chapter = read(text).chapters[0]
    assert (chapter.number, chapter.label, chapter.title, chapter.line) == (4, "Four", "Education in human rights", 3)
    assert chapter.intro == "This chapter is about schools."


def test_deep_nesting_and_numeric_order() -> None:
    lines = ["Plan", "Chapter I Law", "1.1. Top", "1.1.1. Mid", "1.1.1.1. Deep", "1.1.1.1.1. Deeper"]
    lines += [f"1.1.{n}. Sub {n}" for n in range(2, 12)]
    program = read("\n\n".join(lines) + "\n\nTime-limit: 2013\n")
    top = program.measure("1.1")
    assert [str(c.id) for c in top.children] == [f"1.1.{n}" for n in range(1, 12)]
    assert program.measure("1.1.1.1.1").title == "Deeper"
    assert [str(a.id) for a in program.ancestors("1.1.1.1.1")] == ["1.1.1.1", "1.1.1", "1.1"]
    assert program.measure("1.1.10").title == "Sub 10"


def test_rationale_paragraphs_are_the_description() -> None:
    text = SMALL.replace("The courts need reform.", "The courts need reform.\n\nJudges are few.")
    assert read(text).measure("1.1").description == "The courts need reform.\n\nJudges are few."


def test_wrapped_lines_are_joined_and_hyphenation_mended() -> None:
    text = (
        "Plan\n\nChapter I Law\n\n1.1. Improvement of the imple-\nmentation of the law on non-\ngovernmental\n"
        "organisations\n\nThe Time-\nlimit of the reform is\ntight.\n\nTime-limit: 2013\n"
    )
    measure = read(text).measure("1.1")
    assert measure.title == "Improvement of the implementation of the law on non-governmental organisations"
    assert measure.description == "The Time-limit of the reform is tight."


def test_number_without_full_stop_at_a_paragraph_start() -> None:
    text = "Plan\n\nChapter I Law\n\n1.1 Reform of the courts\n\n2.5 million people wait.\n\nTime-limit: 2013\n"
    measure = read(text).measure("1.1")
    assert measure.title == "Reform of the courts"
    assert measure.description == "2.5 million people wait."


def test_doubled_full_stop_after_a_number_and_dates_that_are_not_numbers() -> None:
    text = "Plan\n\nChapter I Law\n\n1.1.. Reform\n\n12.03.2024. The law was passed.\n\nTime-limit: 2013\n"
    measure = read(text).measure("1.1")
    assert (measure.title, measure.description) == ("Reform", "12.03.2024. The law was passed.")


# --- labels and their variants ------------------------------------------------------------------

INSTITUTION_LABELS = [
    "Implementing institution",
    "Implementing institutions",
    "Implementer",
    "Implementers",
    "Responsible",
    "Responsible for implementation",
    "Executors",
    "Executor",
    "Implementing agencies",
    "Responsible institutions",
]
TIME_LABELS = ["Time-limit", "Deadline", "Term", "Execution term", "Time limit", "Timeframe", "Time frame"]
INDICATOR_LABELS = ["Evaluation indicator", "Indicator", "Indicators", "Evaluation indicators"]


def _one_measure(body: str) -> Measure:
    program = read(f"Plan\n\nChapter I Law\n\n1.1. Reform\n\n{body}\n")
    return program.measure("1.1")


@pytest.mark.parametrize("label", INSTITUTION_LABELS)
def test_institution_labels(label: str) -> None:
    assert _one_measure(f"{label}: Ministry of Justice, Bar Association.").institutions == ("min-justice", "bar")


@pytest.mark.parametrize("label", TIME_LABELS)
def test_time_limit_labels(label: str) -> None:
    assert _one_measure(f"{label}: IV quarter 2016").time_limit == hrplan.parse_time_limit("IV quarter 2016")


@pytest.mark.parametrize("label", INDICATOR_LABELS)
def test_indicator_labels(label: str) -> None:
    assert _one_measure(f"{label}: number of trained judges").indicators == ("number of trained judges",)


def test_labels_at_a_line_start_in_any_case_mid_line_only_capitalised() -> None:
    result = load(
        "Plan\n\nChapter I Law\n\n1.1. Reform\n\ntime-limit: 2013\n\nThe long term: goals are set.\n\n"
        "Deadline: 2014\n"
    )
    measure = result.program.measure("1.1")
    assert measure.time_limit == hrplan.parse_time_limit("2013")
    assert measure.description is None
    # text after the parts, with parts of its own, is an unnumbered activity of 1.1
    activity = result.program.measure("1.1.1")
    assert activity.title == "The long term: goals are set."
    assert activity.time_limit == hrplan.parse_time_limit("2014")
    assert codes(result) == [("TX013", "line 9")]
    trailing = load("Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n\nThe long term: goals are set.\n")
    assert trailing.program.measure("1.1").description == "The long term: goals are set."


def test_institutions_one_per_line_with_bullets_consent_and_wrapping() -> None:
    body = (
        "Implementing institutions:\n- Ministry of Justice\n- Commissioner for Human Rights\n"
        "  (Ombudsman) (upon consent);\n"
        "- State Committee for\nProperty Issues\n- Bar Association (upon consent)\nTime-limit: 2013"
    )
    measure = _one_measure(body)
    assert measure.implementers == (
        Implementer("min-justice"),
        Implementer("ombudsman", Role.UPON_CONSENT),
        Implementer("sc-property"),
        Implementer("bar", Role.UPON_CONSENT),
    )
    assert measure.time_limit == hrplan.parse_time_limit("2013")


def test_indicators_one_per_line() -> None:
    measure = _one_measure("Indicators:\nnumber of judges trained\nshare of cases heard in time\n\nTime-limit: 2013")
    assert measure.indicators == ("number of judges trained", "share of cases heard in time")


def test_institution_list_lines_keep_their_line_numbers_in_findings() -> None:
    result = load("Plan\n\nChapter I Law\n\n1.1. Reform\n\nImplementers:\nMinistry of Justice\nMinistry of Magic\n")
    assert codes(result) == [("IN002", "line 9")]


# --- the traps of copy-pasted text --------------------------------------------------------------


def test_label_glued_to_the_previous_sentence() -> None:
    body = "Courts are slow. Implementing institutions: Ministry of Justice. Time-limit: 2013"
    measure = _one_measure(body)
    assert measure.description == "Courts are slow."
    assert measure.institutions == ("min-justice",)
    glued = _one_measure("A new law is to be adopted Implementing institutions: Bar Association.\n\nTime-limit: 2013")
    assert glued.description == "A new law is to be adopted"
    assert glued.institutions == ("bar",)


def test_time_limit_glued_to_the_institutions_sentence_without_a_full_stop() -> None:
    measure = _one_measure("Implementing institutions: Ministry of Justice Time-limit: permanently")
    assert measure.institutions == ("min-justice",)
    assert measure.time_limit == hrplan.parse_time_limit("permanently")


def test_labels_on_the_title_line() -> None:
    program = read(
        "Plan\n\nChapter I Law\n\n"
        "1.1. Reform of courts Implementing institution: Ministry of Justice. Time-limit: 2013.\n"
    )
    measure = program.measure("1.1")
    assert (measure.title, measure.institutions, measure.description) == ("Reform of courts", ("min-justice",), None)
    assert measure.time_limit == hrplan.parse_time_limit("2013")


def test_chapter_heading_glued_after_the_last_time_limit() -> None:
    text = (
        "Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2012-2013 Chapter Two Prisons\n\n"
        "2.1. Build prisons\n\nTime-limit: permanently\n"
    )
    program = read(text)
    assert [(c.number, c.label, c.title) for c in program.chapters] == [(1, "I", "Law"), (2, "Two", "Prisons")]
    assert program.measure("1.1").time_limit == hrplan.parse_time_limit("2012-2013")
    assert program.chapters[1].measures[0].id == hrplan.MeasureId.parse("2.1")


def test_double_full_stop_after_a_time_limit() -> None:
    limit = _one_measure("Time-limit: this activity shall be implemented permanently..").time_limit
    assert limit is not None
    assert limit.is_ongoing
    assert limit.text == "this activity shall be implemented permanently"


def test_names_broken_across_blank_lines() -> None:
    body = (
        "Implementing institutions: Ministry of Justice, State\n\nCommittee for Property Issues, Commissioner\n\n"
        "for Human Rights\n\n(Ombudsman), Bar\n\nAssociation. Time-limit: 2013"
    )
    measure = _one_measure(body)
    assert measure.institutions == ("min-justice", "sc-property", "ombudsman", "bar")
    assert measure.time_limit == hrplan.parse_time_limit("2013")


def test_title_continued_after_a_blank_line() -> None:
    text = "Plan\n\nChapter I Law\n\n1.1. Rights of working women and\n\nworkers with families\n\nTime-limit: 2013\n"
    measure = read(text).measure("1.1")
    assert measure.title == "Rights of working women and workers with families"
    assert measure.description is None


def test_intro_continued_after_a_blank_line() -> None:
    text = "Plan\n\nChapter I Law\n\nBesides, a\n\nsystematic reform is due.\n\n1.1. Reform\n\nTime-limit: 2013\n"
    assert read(text).chapters[0].intro == "Besides, a systematic reform is due."


def test_bulleted_provisions_without_blank_lines() -> None:
    text = (
        "Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n\nChapter Two Coordination\n\n"
        "- 2.1. A working group reports yearly.\n- 2.2. The plan may be updated.\n"
        "\u2022 2.3. Money comes from the budget.\n"
    )
    program = read(text)
    assert [(str(p.id), p.text, p.chapter, p.line) for p in program.provisions] == [
        ("2.1", "A working group reports yearly.", 2, 11),
        ("2.2", "The plan may be updated.", 2, 12),
        ("2.3", "Money comes from the budget.", 2, 13),
    ]
    assert program.chapters[1].measures == ()


def test_crlf_bom_and_other_encodings() -> None:
    text = SMALL.replace("\n", "\r\n")
    stream = io.BytesIO(b"\xef\xbb\xbf" + text.encode())
    program = importer().read(stream, registry=REGISTRY, encoding="utf-8-sig")
    assert isinstance(program, ImportResult)
    assert program.program.measure("1.2.1").line == 21
    latin = io.BytesIO("Plan\n\nChapter I Droits\n\n1.1. Réforme\n\nTime-limit: 2013\n".encode("latin-1"))
    result = importer().read(latin, encoding="latin-1")
    assert isinstance(result, ImportResult)
    assert result.program.measure("1.1").title == "Réforme"


# --- provisions ----------------------------------------------------------------------------------


def test_provisions_rule_a_chapter_without_labels_holds_provisions() -> None:
    text = (
        "Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n\nChapter II Follow-up\n\n"
        "2.1. Reports go to Parliament.\n\nThey are public.\n\n2.2. The plan may change.\n"
    )
    program = read(text)
    assert [(str(p.id), p.text, p.chapter) for p in program.provisions] == [
        ("2.1", "Reports go to Parliament.\n\nThey are public.", 2),
        ("2.2", "The plan may change.", 2),
    ]


def test_provisions_rule_a_bulleted_item_without_labels_in_a_chapter_of_measures() -> None:
    text = (
        "Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n\n"
        "- 1.2. The ministry reports.\n\n1.3. Unlabelled measure\n"
    )
    program = read(text)
    assert [str(p.id) for p in program.provisions] == ["1.2"]
    assert [str(m.id) for m in program.iter_measures()] == ["1.1", "1.3"]


def test_items_before_the_first_chapter() -> None:
    provisions = read(
        "Plan\n\n0.1. General rule one.\n\n0.2. General rule two.\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n"
    )
    assert [(str(p.id), p.chapter) for p in provisions.provisions] == [("0.1", None), ("0.2", None)]
    result = load("Plan\n\n1.1. Reform\n\nTime-limit: 2013\n\n1.2. More\n\n2.1. Other\n\nDeadline: 2014\n")
    assert [(c.number, c.label) for c in result.program.chapters] == [(1, "1"), (2, "2")]
    assert [str(m.id) for m in result.program.iter_measures()] == ["1.1", "1.2", "2.1"]
    assert codes(result) == [("TX005", "line 3"), ("TX005", "line 9")]


# --- findings -----------------------------------------------------------------------------------


def test_missing_parent_is_attached_at_chapter_level() -> None:
    result = load("Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n\n1.3.2. Orphan\n\nTime-limit: 2014\n")
    assert [str(m.id) for m in result.program.chapters[0].measures] == ["1.1", "1.3.2"]
    assert codes(result) == [("TX001", "line 9")]
    assert "measure 1.3 does not come before it" in result.findings[0].message
    assert result.findings[0].source == "plan.txt"


def test_unreadable_time_limit_is_kept_as_text_with_an_error() -> None:
    result = load("Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: when money allows.\n")
    limit = result.program.measure("1.1").time_limit
    assert limit == hrplan.TimeLimit.unparsed("when money allows")
    (finding,) = result.findings
    assert (finding.code, finding.severity, finding.location) == ("TX003", hrplan.Severity.ERROR, "line 7")
    assert "line 7: TX003 [error] cannot read time-limit 'when money allows': " in str(finding)


def test_no_time_limit_words() -> None:
    assert _one_measure("Implementer: Bar Association.\n\nDeadline: -").time_limit is None
    assert _one_measure("Implementer: Bar Association.\n\nTime-limit: none").time_limit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plan\n\nChapter I Law\n\n1.1.\n\nImplementer: Bar Association.\n", [("TX002", "line 5")]),
        ("Plan\n\nChapter I Law\n\nTime-limit: 2013\n\n1.1. Reform\n\nDeadline: 2013\n", [("TX004", "line 5")]),
        ("Plan\n\nTime-limit: 2013\n\nChapter I Law\n\n1.1. Reform\n\nDeadline: 2013\n", [("TX004", "line 3")]),
        ("Plan\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n\nDeadline: 2014\n", [("TX006", "line 9")]),
        ("Chapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n", [("TX008", "line 1")]),
        ("Plan\n\nChapter I\n\n1.1. Reform\n\nTime-limit: 2013\n", [("TX009", "line 3")]),
        ("Plan\n\nChapter I Law\n\n1.1. Reform\n\nImplementers:\n\nTime-limit: 2013\n", [("TX011", "line 7")]),
        ("Plan\n\nChapter I Law\n\n1.1. Reform\n\nImplementers: Ministry of Magic.\n", [("IN002", "line 7")]),
    ],
)
def test_findings_carry_their_line(text: str, expected: list[tuple[str, str]]) -> None:
    result = load(text)
    assert codes(result) == expected
    assert all(f.source == "plan.txt" for f in result.findings)


def test_a_list_outside_any_measure_is_reported_with_its_items() -> None:
    result = load("Plan\n\nImplementers:\nMinistry A\nMinistry B\n\nChapter I Law\n\n1.1. Reform\n\nTime-limit: 2013\n")
    (finding,) = result.findings
    assert (finding.code, finding.location) == ("TX004", "line 3")
    assert "'Implementers: Ministry A; Ministry B' stands before the first chapter" in finding.message


def test_a_label_before_its_title_leaves_the_title_empty() -> None:
    result = load("Plan\n\nChapter I Law\n\n1.1.\n\nTime-limit: 2013\n\nRationale comes late.\n")
    measure = result.program.measure("1.1")
    assert (measure.title, measure.description) == ("", "Rationale comes late.")
    assert codes(result) == [("TX002", "line 5")]


def test_number_alone_takes_its_title_from_the_next_paragraph() -> None:
    assert (
        read("Plan\n\nChapter I Law\n\n1.1.\n\nReform of courts\n\nTime-limit: 2013\n").measure("1.1").title
        == "Reform of courts"
    )


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "Just some prose.\n\nAnother paragraph with Time-limit: 2013.\n", "Chapter of a novel, page 3.\n"],
)
def test_text_that_is_not_a_plan_raises(text: str) -> None:
    with pytest.raises(hrplan.InputError) as caught:
        load(text)
    assert caught.value.problems[0].location == "line 1"
    assert "not an action plan" in str(caught.value)


def test_undecodable_bytes_raise_with_their_line() -> None:
    stream = io.BytesIO(b"Plan\n\nChapter I Law\n\n1.1. R\xe9form\n")
    stream.name = "bad.txt"
    with pytest.raises(hrplan.InputError) as caught:
        importer().read(stream)
    assert caught.value.problems[0].location == "line 5"


def test_options_are_checked() -> None:
    with pytest.raises(hrplan.FormatError, match="unknown option 'colour'"):
        load(SMALL, colour="red")
    with pytest.raises(hrplan.FormatError, match="unknown encoding"):
        load(SMALL, encoding="klingon")
    with pytest.raises(hrplan.FormatError, match="registry"):
        load(SMALL, registry="min-justice")
    with pytest.raises(hrplan.FormatError, match="unknown option"):
        hrplan.export(read(SMALL), io.BytesIO(), format="text", width=80)


def test_program_id_from_the_file_name_or_the_option() -> None:
    assert read(SMALL, name="/data/Utopia Plan 2013.txt").id == "utopia-plan-2013"
    assert read(SMALL, program_id="ut-2013").id == "ut-2013"
    result = importer().read(io.BytesIO(SMALL.encode()))
    assert isinstance(result, ImportResult)
    assert result.program.id == "imported"
    assert all(f.source is None for f in result.findings)


def test_registry_as_institutions_and_unknown_names_become_new_institutions() -> None:
    program = read(SMALL, registry=[MOJ, BAR])
    assert program.institutions["min-justice"] is MOJ
    new = program.institutions[program.measure("1.2.2").institutions[0]]
    assert new.name == "Ministry of Health"
    assert new not in (MOJ, BAR, MOH)


def test_parents_of_the_institutions_used_are_in_the_registry_of_the_program() -> None:
    academy = Institution("academy", "Academy of Sciences", InstitutionKind.ACADEMIC)
    institute = Institution("hr-institute", "Human Rights Institute", InstitutionKind.ACADEMIC, parent="academy")
    program = read(SMALL.replace("Bar Association", "Human Rights Institute"), registry=[MOJ, MOH, institute, academy])
    assert list(program.institutions) == ["min-justice", "hr-institute", "min-health", "academy"]
    assert program.broken_references() == ()


def test_a_bad_program_id_is_a_format_error() -> None:
    with pytest.raises(hrplan.FormatError, match="program id"):
        load(SMALL, program_id="Not A Slug")


# --- country registries from plugins --------------------------------------------------------------


class UtopiaRegistry:
    @hookimpl
    def register_institution_registries(self, register: Any) -> None:
        register("UT", [MOJ, BAR, MOH])


@pytest.fixture
def utopia() -> Iterator[PluginManager]:
    """The built-ins plus a registry for country ``UT`` (and ``AZ``), installed process-wide."""
    manager = PluginManager(PluginSettings(), load_entry_points=False)

    class Azerbaijan:
        @hookimpl
        def register_institution_registries(self, register: Any) -> None:
            register("AZ", [Institution("milli-mejlis", "Milli Mejlis", InstitutionKind.PARLIAMENT)])

    manager.register(UtopiaRegistry(), "utopia")
    manager.register(Azerbaijan(), "azerbaijan-test")
    reset_manager(manager)
    try:
        yield manager
    finally:
        reset_manager()


@pytest.mark.usefixtures("utopia")
def test_country_option_uses_the_plugin_registry() -> None:
    result = load(SMALL, registry=None, country="ut")
    assert result.program.country == "UT"
    assert result.program.measure("1.2").institutions == ("min-justice", "bar")
    assert [f.code for f in result.findings] == ["TX007"]


@pytest.mark.usefixtures("utopia")
def test_country_named_in_the_title_is_used_when_its_registry_is_installed() -> None:
    text = (
        "Plan of the Republic of Azerbaijan\n\nChapter I Law\n\n1.1. Law\n\n"
        "Implementing institution: Milli Mejlis of the Republic of Azerbaijan.\n"
    )
    program = read(text, registry=None)
    assert (program.country, program.measure("1.1").institutions) == ("AZ", ("milli-mejlis",))
    assert read(text.replace("Azerbaijan\n", "Utopia\n", 1), registry=None).country is None


def test_country_without_a_registry_is_reported() -> None:
    result = load(SMALL, registry=None, country="QQ")
    assert result.program.country == "QQ"
    assert result.findings[0].code == "TX010"
    assert {f.code for f in result.findings[1:]} == {"IN002", "TX007"}


# --- dispatch, sniffing, the command line --------------------------------------------------------


def test_registered_by_name_extension_and_media_type() -> None:
    manager = get_manager()
    text = manager.exporters()["text"]
    assert manager.importers()["text"].name == text.name == "text"
    assert (text.extensions, text.media_type) == ((".txt",), "text/plain")


def test_sniff() -> None:
    sniff = importer().sniff  # type: ignore[attr-defined]
    assert sniff(SMALL.encode())
    assert sniff(b"Title\n\nChapter Six\n\n- 6.1. Text\n")
    assert not sniff(b"Title\n\n1.1. A measure\n")
    assert not sniff(b"Chapter 1 of a novel\n\nIt was 1.1 degrees.\n")
    assert not sniff(b'{"format_version": 1, "chapters": []}')


def test_read_dispatches_by_extension_and_by_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "utopia.txt"
    path.write_text(SMALL)
    program = hrplan.read(path)
    assert (program.id, len(list(program.iter_measures()))) == ("utopia", 4)
    unnamed = io.BytesIO(SMALL.encode())
    assert hrplan.read(unnamed).measure("1.2.1").line == 21


def test_validate_from_the_command_line_shows_import_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(SMALL.replace("Time-limit: 2013-2014", "Time-limit: when money allows").replace("1.2.2.", "1.4.2."))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:line 31: TX003 [error] cannot read time-limit 'when money allows'" in out
    assert f"{path}:line 27: TX001 [warning] measure 1.4.2: measure 1.4 does not come before it" in out
    assert f"{path}:line 3: TX007 [info]" in out


# --- the exporter ----------------------------------------------------------------------------------


def test_exporter_writes_the_layout() -> None:
    program = Program(
        "p",
        "Plan",
        institutions=[MOJ, BAR],
        chapters=(
            hrplan.Chapter(
                1,
                "Law",
                "I",
                "Intro.",
                (
                    Measure(
                        "1.1",
                        "Reform",
                        "Why.",
                        (Implementer("min-justice"), Implementer("bar", Role.UPON_CONSENT)),
                        hrplan.parse_time_limit("2013-2015"),
                        indicators=("judges trained",),
                    ),
                    Measure(
                        "1.2",
                        "Lawyers",
                        implementers=(Implementer("bar"),),
                        time_limit=hrplan.parse_time_limit("permanently"),
                    ),
                ),
            ),
            hrplan.Chapter(2, "Follow-up", "Two"),
        ),
        provisions=(hrplan.Provision("1.9", "Reports are public.", 1), hrplan.Provision("2.1", "Updates.", 2)),
    )
    assert dump(program) == (
        "Plan\n\nChapter I Law\n\nIntro.\n\n1.1. Reform\n\nWhy.\n\n"
        "Implementing institutions: Ministry of Justice, Bar Association (upon consent).\n\n"
        "Time-limit: 2013-2015\n\nIndicator: judges trained\n\n"
        "1.2. Lawyers\n\nImplementing institution: Bar Association.\n\nTime-limit: permanently\n\n"
        "- 1.9. Reports are public.\n\nChapter Two Follow-up\n\n2.1. Updates.\n"
    )
    assert read(dump(program), program_id="p", registry=[MOJ, BAR]) == program


def test_exporter_marks_a_chapter_of_measures_without_labels() -> None:
    program = Program("p", "Plan", chapters=(hrplan.Chapter(1, "Law", measures=(Measure("1.1", "Bare"),)),))
    assert "1.1. Bare\n\nTime-limit: none\n" in dump(program)
    assert read(dump(program), program_id="p") == program


@pytest.mark.parametrize(
    "text",
    [
        "Time-limit: 2013",
        "the Chapter Two Prisons part",
        "Chapter Two Prisons",
        "1.2. looks numbered",
        "- 6.1. bullet",
        "lower case start",
        "\\backslash",
        "a \\Time-limit: b",
        "(Ombudsman) first",
        "implementers: x",
        "Term: soon",
        "2.5 million",
    ],
)
def test_exporter_escapes_what_would_read_as_structure(text: str) -> None:
    program = Program(
        "p",
        text,
        institutions=[MOJ],
        chapters=(
            hrplan.Chapter(
                1,
                text,
                intro=f"{text}\n\n{text}",
                measures=(
                    Measure("1.1", text, f"{text}\n\n{text}", (Implementer("min-justice"),), indicators=(text,)),
                    Measure("1.2", "Plain", text),
                ),
            ),
        ),
        provisions=(hrplan.Provision("1.9", text, 1),),
    )
    result = load(dump(program), program_id="p", registry=[MOJ])
    assert result.program == program
    assert result.findings == ()


# --- the round trip ------------------------------------------------------------------------------


def _text_view(program: Program) -> Program:
    """What the text format carries of ``program`` (see docs/text-format.md)."""

    def measure(m: Measure) -> Measure:
        return attrs.evolve(m, tags=Tags(), children=tuple(map(measure, m.children)))

    chapters = tuple(attrs.evolve(c, measures=tuple(map(measure, c.measures))) for c in program.chapters)
    used = {i.institution for c in chapters for m in c.iter_measures() for i in m.implementers}
    institutions = [i for i in program.institutions.values() if i.id in used]
    return Program(
        program.id, program.title, chapters=chapters, provisions=program.provisions, institutions=institutions
    )


def _names_read_back(program: Program, registry: Registry) -> bool:
    """Whether every measure's institutions, as the exporter lists them, resolve to themselves."""
    for m in program.iter_measures():
        if not m.implementers:
            continue
        names = [program.institutions[i.institution].name for i in m.implementers]
        marked = [
            f"{n} (upon consent)" if i.role is Role.UPON_CONSENT else n
            for n, i in zip(names, m.implementers, strict=True)
        ]
        resolution = resolve_names(", ".join(marked) + ".", registry)
        read = [(i.institution, i.role is Role.UPON_CONSENT) for i in resolution.implementers]
        if resolution.findings or read != [(i.institution, i.role is Role.UPON_CONSENT) for i in m.implementers]:
            return False
    return True


def _round_trip(program: Program) -> None:
    expected = _text_view(program)
    registry = Registry(tuple(expected.institutions.values()))
    assume(_names_read_back(expected, registry))
    result = load(dump(program), program_id=program.id, registry=registry)
    assert result.program == expected
    unparsed = [
        m for m in expected.iter_measures() if m.time_limit and m.time_limit.kind is hrplan.TimeLimitKind.UNPARSED
    ]
    empty = [
        "TX016"
        for c in expected.chapters
        if c.intro and not c.measures and not any(p.chapter == c.number for p in expected.provisions)
    ]
    no_measure = [] if any(True for _ in expected.iter_measures()) else ["TX015"]
    read = sorted(f.code for f in result.findings if f.code != "TX014")  # text that looks like "Label:"
    assert read == sorted(["TX003"] * len(unparsed) + empty + no_measure)


@given(programs())
def test_round_trip(program: Program) -> None:
    _round_trip(program)


_TRICKY = st.lists(
    st.sampled_from(
        [
            "Time-limit:",
            "time limit :",
            "Implementing institutions:",
            "Responsible:",
            "Term:",
            "Indicator:",
            "Chapter",
            "Chapter Two",
            "CHAPTER IV",
            "Chapter 3 of",
            "1.2.",
            "2.5",
            "- 6.1.",
            "\u2022",
            "\\",
            "\\\\",
            "(upon consent)",
            "and",
            "State",
            "..",
            ".",
            ",",
            ":",
            "abc",
            "Xyz",
            "none",
            "-",
            "(",
            ")",
        ]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)
_PARAGRAPHS = st.lists(_TRICKY, min_size=1, max_size=3).map("\n\n".join)


@st.composite
def tricky_programs(draw: st.DrawFn) -> Program:
    """Generated programs whose texts are made of labels, numbers, bullets and backslashes."""
    program = draw(programs())

    def measure(m: Measure) -> Measure:
        return attrs.evolve(
            m,
            title=draw(_TRICKY),
            description=draw(st.none() | _PARAGRAPHS),
            indicators=tuple(draw(st.lists(_TRICKY, max_size=2))),
            children=tuple(map(measure, m.children)),
        )

    chapters = tuple(
        attrs.evolve(
            c, title=draw(_TRICKY), intro=draw(st.none() | _PARAGRAPHS), measures=tuple(map(measure, c.measures))
        )
        for c in program.chapters
    )
    provisions = tuple(attrs.evolve(p, text=draw(_PARAGRAPHS)) for p in program.provisions)
    return attrs.evolve(program, title=draw(_TRICKY), chapters=chapters, provisions=provisions)


@given(tricky_programs())
def test_round_trip_of_texts_that_look_like_structure(program: Program) -> None:
    _round_trip(program)


def test_an_encoding_error_names_its_line_in_a_file_with_cr_endings() -> None:
    data = b"A plan\rChapter I. Rights\r1.1. Train judges \xff.\r"
    with pytest.raises(hrplan.InputError) as caught:
        hrplan.load(io.BytesIO(data), format="text", encoding="utf-8")
    assert caught.value.problems[0].location == "line 3"


def test_a_chapter_with_an_empty_label_is_written_with_its_number() -> None:
    chapter = hrplan.Chapter(2, "Rights", label="", measures=(hrplan.Measure("2.1", "Train judges"),))
    written = hrplan.dumps(hrplan.Program("p", "P", chapters=(chapter,)), "text").decode()
    assert "Chapter 2" in written


DATED = """National Action Plan 2024-2027

Chapter 1. Justice
1.1. Open legal aid offices.
Responsible: Ministry of Justice.
Deadline: {deadline}.
"""


def _deadline(result: ImportResult) -> hrplan.TimeLimit | None:
    return result.program.chapters[0].measures[0].time_limit


def test_a_length_of_time_counts_from_the_adopted_option() -> None:
    refused = load(DATED.format(deadline="within 6 months"))
    assert codes(refused) == [("TX003", "line 6")]
    assert "adopted=YYYY-MM-DD" in refused.findings[0].message
    result = load(DATED.format(deadline="within 6 months"), adopted="2024-03-14")
    assert result.findings == ()
    deadline = _deadline(result)
    assert deadline is not None
    assert deadline.end == hrplan.parse_time_limit("2024-09-14").end


def test_a_time_limit_without_a_year_takes_the_titles_first_year_or_the_option() -> None:
    result = load(DATED.format(deadline="Third quarter"))
    assert str(_deadline(result)) == "Q3 2024"
    assert codes(result) == [("TX017", "line 6")]
    assert result.program.period is None  # the title dates time-limits; it is not the program's period
    chosen = load(DATED.format(deadline="Third quarter"), default_year="2025")
    assert str(_deadline(chosen)) == "Q3 2025"
    assert chosen.findings == ()
    undated = load(DATED.replace(" 2024-2027", "").format(deadline="Third quarter"))
    assert codes(undated) == [("TX003", "line 6")]


@pytest.mark.parametrize(("name", "value"), [("default_year", "soon"), ("default_year", 0), ("adopted", "March")])
def test_bad_dating_options_are_refused_naming_the_option(name: str, value: object) -> None:
    with pytest.raises(hrplan.FormatError, match=f"text: option '{name}'"):
        load(DATED.format(deadline="2025"), **{name: value})


def test_the_cli_passes_the_adopted_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(DATED.format(deadline="within 6 months"), encoding="utf-8")
    assert main(["validate", str(path), "-I", "adopted=2024-03-14"]) == 0
    assert "TX003" not in capsys.readouterr().out
