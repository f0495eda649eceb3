"""Seed 004, Azerbaijan's 2012 National Program for Action, read by the ``text`` importer.

``examples/data/az-2012.json`` is a hand-made encoding of the same document (same
numbers, time-limit texts, implementers in document order, line numbers); every
measure read from the text is compared with it, one test per measure.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest

import hrplan
from hrplan.model import Measure, Program
from hrplan.plugins import ImportResult, get_manager

from .conftest import EXAMPLES

SEED = "seeds/004_647f682df1893d80.txt"
REFERENCE = hrplan.read(EXAMPLES / "data" / "az-2012.json")
REFERENCE_IDS = [str(m.id) for m in REFERENCE.iter_measures()]


@cache
def _load(path: Path, **options: str) -> ImportResult:
    with path.open("rb") as fp:
        result = get_manager().importers()["text"].read(fp, context=get_manager().context(), **options)
    assert isinstance(result, ImportResult)
    return result


@pytest.fixture
def seed(shared_dir: Path) -> Path:
    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"seed document {path} is absent")
    return path


@pytest.fixture
def plain(seed: Path) -> ImportResult:
    """The seed read with the example's institutions as the registry (no plugin needed)."""
    stream = seed.open("rb")
    with stream:
        result = get_manager().importers()["text"].read(stream, registry=list(REFERENCE.institutions.values()))
    assert isinstance(result, ImportResult)
    return result


@pytest.fixture
def with_az(seed: Path) -> ImportResult:
    """The seed read with the registry of the ``hrplan-azerbaijan`` plugin."""
    if "AZ" not in get_manager().institution_registries():
        pytest.skip("no institution registry for AZ: the hrplan-azerbaijan plugin is not installed")
    return _load(seed, country="AZ")


def _parents(program: Program) -> dict[str, str | None]:
    parents: dict[str, str | None] = {}
    for measure in program.iter_measures():
        ancestors = program.ancestors(measure.id)
        parents[str(measure.id)] = str(ancestors[0].id) if ancestors else None
    return parents


def test_all_71_measures_in_document_order_with_their_parents(plain: ImportResult) -> None:
    program = plain.program
    assert [str(m.id) for m in program.iter_measures()] == REFERENCE_IDS
    assert len(REFERENCE_IDS) == 71
    assert _parents(program) == _parents(REFERENCE)
    assert [(c.number, c.label, c.line) for c in program.chapters] == [
        (c.number, c.label, c.line) for c in REFERENCE.chapters
    ]


def test_the_four_provisions_of_chapter_six(plain: ImportResult) -> None:
    provisions = plain.program.provisions
    assert [(str(p.id), p.chapter, p.line) for p in provisions] == [
        ("6.1", 6, 427),
        ("6.2", 6, 428),
        ("6.3", 6, 429),
        ("6.4", 6, 430),
    ]
    assert provisions[3].text.startswith("In order to effectively secure the rights and freedoms")
    assert provisions[0].text.endswith(
        "shall regularly inform the President of the Republic of Azerbaijan about its activities."
    )
    assert plain.program.chapters[5].measures == ()


def test_only_the_preamble_is_reported(plain: ImportResult) -> None:
    assert [(f.code, f.location) for f in plain.findings] == [("TX007", "line 3")]


def _check(measure: Measure, expected: Measure, program: Program) -> None:
    assert measure.line == expected.line
    assert measure.time_limit == expected.time_limit
    if expected.time_limit is not None:
        assert measure.time_limit is not None
        got, want = measure.time_limit, expected.time_limit
        assert (got.kind, got.start, got.end, got.text) == (want.kind, want.start, want.end, want.text)
    assert measure.institutions == expected.institutions
    assert [str(c.id) for c in measure.children] == [str(c.id) for c in expected.children]
    assert measure.title
    assert all(i in program.institutions for i in measure.institutions)


@pytest.mark.parametrize("number", REFERENCE_IDS)
def test_measure_with_the_example_registry(plain: ImportResult, number: str) -> None:
    _check(plain.program.measure(number), REFERENCE.measure(number), plain.program)


@pytest.mark.parametrize("number", REFERENCE_IDS)
def test_measure_with_the_azerbaijan_registry(with_az: ImportResult, number: str) -> None:
    _check(with_az.program.measure(number), REFERENCE.measure(number), with_az.program)


def test_azerbaijan_registry_knows_every_body(with_az: ImportResult) -> None:
    assert with_az.program.country == "AZ"
    assert not [f for f in with_az.findings if f.code.startswith("IN")]
    assert [f.code for f in with_az.findings] == ["TX007"]


def test_country_is_taken_from_the_title(seed: Path) -> None:
    if "AZ" not in get_manager().institution_registries():
        pytest.skip("no institution registry for AZ: the hrplan-azerbaijan plugin is not installed")
    result = _load(seed)
    assert result.program.country == "AZ"
    assert [f.code for f in result.findings] == ["TX007"]


def test_spot_checks(plain: ImportResult) -> None:
    program = plain.program
    first = program.measure("1.2.1")
    assert first.time_limit == hrplan.parse_time_limit("March-April 2012")
    assert first.institutions == ("milli-mejlis",)
    assert first.line == 19
    # Milli Meilis (a typo) is the Milli Mejlis
    assert program.measure("1.2.2").institutions == ("presidential-administration", "milli-mejlis")
    # 1.2.3: the institutions label on the title line
    assert program.measure("1.2.3").title.endswith("detained for the purposes of extradition")
    # 1.2.9: a title continued after a blank line
    assert program.measure("1.2.9").title.endswith(
        '"Equal Opportunities and Equal Treatment for Men and Women '
        'Workers: Workers with Family Responsibilities" of 1981'
    )
    # 2.1: fourteen bodies, nine of them ministries named by one "Ministries of ..." list
    implementers = program.measure("2.1").institutions
    assert len(implementers) == 14
    assert [i for i in implementers if i.startswith("min-")] == [
        "min-foreign-affairs",
        "min-justice",
        "min-economic-development",
        "min-ecology-natural-resources",
        "min-culture-tourism",
        "min-education",
        "min-youth-sport",
        "min-agriculture",
        "min-transport",
    ]
    # 2.6: "State" / blank line / "Committee for Property Issues"
    assert program.measure("2.6").institutions[1] == "sc-property-issues"
    # 2.18: "Commissioner for Human Rights" / blank line / "(Ombudsman)"
    assert program.measure("2.18").institutions[-1] == "ombudsman"
    # 3.1: "permanently.." is ongoing; the label is glued to the rationale
    ongoing = program.measure("3.1").time_limit
    assert ongoing is not None
    assert ongoing.is_ongoing
    assert ongoing.text == "this activity shall be implemented permanently"
    assert (program.measure("3.1").description or "").endswith("have been established.")
    # 3.3: "... is to be adopted Implementing institutions: ..."
    assert program.measure("3.3").institutions == ("anti-corruption-commission",)
    # 3.4: sub-measures, no time-limit or institution of its own
    parent = program.measure("3.4")
    assert (parent.time_limit, parent.institutions, len(parent.children)) == (None, (), 4)
    # 4.9: "Ministry Education"
    assert program.measure("4.9").institutions[0] == "min-education"
    # 5.1: "... and other relevant government agencies"
    assert program.measure("5.1").institutions[-1] == "other-government-agencies"
    # Chapter Four: the title on the next line
    assert (
        program.chapters[3].title
        == "Educational, scientific analytical and enlightenment activities in the area of human rights"
    )
    # Chapter Two: its intro broken across a blank line ("Besides, a" / "systematic ...")
    assert "Besides, a systematic continuation" in (program.chapters[1].intro or "")


def test_exported_and_read_back_unchanged(plain: ImportResult) -> None:
    program = plain.program
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="text")
    assert b"\\" not in buffer.getvalue()  # ordinary text needs no escaping
    registry = list(program.institutions.values())
    again = (
        get_manager().importers()["text"].read(io.BytesIO(buffer.getvalue()), program_id=program.id, registry=registry)
    )
    assert isinstance(again, ImportResult)
    assert again.findings == ()
    assert again.program == program


def test_the_program_with_every_line_break_removed_reads_the_same(seed: Path, plain: ImportResult) -> None:
    """As re-published on the web: one line; the same 71 measures, parts and implementers."""
    flat = " ".join(seed.read_text(encoding="utf-8").split())
    stream = io.BytesIO(flat.encode())
    result = get_manager().importers()["text"].read(stream, registry=list(REFERENCE.institutions.values()))
    assert isinstance(result, ImportResult)
    read = {str(m.id): m for m in result.program.iter_measures()}
    original = {str(m.id): m for m in plain.program.iter_measures()}
    assert list(read) == list(original) == REFERENCE_IDS
    assert _parents(result.program) == _parents(plain.program)
    for number, measure in original.items():
        again = read[number]
        assert (again.implementers, again.time_limit, again.indicators) == (
            measure.implementers, measure.time_limit, measure.indicators,
        ), number
        # the title is the first sentence: exact when the original title ends with its full stop
        assert again.title == measure.title if measure.title.endswith(".") else again.title.startswith(measure.title)
    assert [p.id for p in result.program.provisions] == [p.id for p in plain.program.provisions]
    assert not [f for f in result.findings if f.severity is hrplan.Severity.ERROR]
