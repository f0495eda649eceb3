"""The built-in Markdown exporter: structure, escaping, determinism, robustness."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given

import hrplan
from hrplan import (
    Adoption,
    Chapter,
    Implementer,
    Institution,
    InstitutionKind,
    Measure,
    Program,
    Progress,
    ProgressUpdate,
    Provision,
    Role,
    parse_time_limit,
)
from hrplan.plugins import get_manager
from hrplan.testing import programs

AS_OF = date(2013, 1, 1)


def sample() -> Program:
    t = parse_time_limit
    registry = [
        Institution("moj", "Ministry of Justice", InstitutionKind.MINISTRY),
        Institution("mej", "Milli Mejlis", InstitutionKind.PARLIAMENT),
    ]
    chapters = (
        Chapter(1, "Legal framework", "I", intro="First paragraph.\n\nSecond *paragraph*.", measures=(
            Measure("1.1", "Ratify the protocol", implementers=(Implementer("mej"),), time_limit=t("2012")),
            Measure("1.2", "Detention reform", implementers=(Implementer("moj"), Implementer("mej", Role.PARTNER)),
                    time_limit=t("2012-2015"), children=(
                        Measure("1.2.1", "Pre-trial law", time_limit=t("March-April 2012"),
                                children=(Measure("1.2.1.1", "Draft", implementers=(Implementer("moj"),)),)),
                    )),
        )),
        Chapter(2, "Education", "II"),
    )  # fmt: skip
    return Program(
        "demo", "National Program for Action", country="AZ",
        adoption=Adoption(date(2011, 12, 27), "Presidential Order", "1938"),
        period=t("2012-2015"), chapters=chapters, institutions=registry,
        provisions=(Provision("2.9", "The Cabinet coordinates the Program.", chapter=2),),
        progress=(ProgressUpdate("1.1", date(2012, 6, 1), Progress.COMPLETED),),
    )  # fmt: skip


def render(program: Program, **options: object) -> str:
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="markdown", **options)
    return buffer.getvalue().decode("utf-8")


def unescaped_pipes(line: str) -> int:
    count, chars = 0, iter(line)
    for char in chars:
        if char == "\\":
            next(chars, None)
        elif char == "|":
            count += 1
    return count


def test_structure() -> None:
    text = render(sample(), as_of=AS_OF)
    lines = text.splitlines()
    assert lines[0] == "# National Program for Action"
    assert "- **Country:** AZ" in lines
    assert "- **Adopted:** 2011-12-27 by Presidential Order No. 1938" in lines
    assert "- **Period:** 2012-2015" in lines
    assert "- **Status as of:** 2013-01-01" in lines
    assert "- **Measures:** 4" in lines
    summary = lines.index("## Status summary")
    assert lines[summary + 2 : summary + 4] == ["| Status | Measures |", "| --- | ---: |"]
    assert "| completed | 1 |" in lines  # 1.1, reported completed
    assert "| overdue | 2 |" in lines  # 1.2.1, and 1.2.1.1 through its parent's time-limit
    assert "| in-progress | 1 |" in lines  # 1.2
    assert "| **total** | **4** |" in lines
    chapter = lines.index("## I. Legal framework")
    assert lines[chapter + 1 : chapter + 6] == [
        "", "First paragraph.", "", "Second \\*paragraph\\*.", "",
    ]  # fmt: skip
    assert lines[chapter + 6 : chapter + 12] == [
        "| No. | Measure | Institutions | Time-limit | Status |",
        "| --- | --- | --- | --- | --- |",
        "| 1.1 | Ratify the protocol | Milli Mejlis | 2012 | completed |",
        "| 1.2 | Detention reform | Ministry of Justice; Milli Mejlis (partner) | 2012-2015 | in-progress |",
        "| ↳ 1.2.1 | Pre-trial law | — | March-April 2012 | overdue |",
        "| \u00a0\u00a0↳ 1.2.1.1 | Draft | Ministry of Justice | — | overdue |",
    ]
    assert "## II. Education" in lines
    assert "*No measures.*" in lines
    assert lines[-3:] == ["## Provisions", "", "- **2.9** The Cabinet coordinates the Program."]
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


def test_escaping() -> None:
    nasty = "a | b <script>alert(1)</script> *bold* _it_ `code` [link](x) # & \\"
    measure = Measure("1.1", nasty, implementers=(Implementer("x"),), time_limit=parse_time_limit("2012"))
    program = Program(
        "p", "<b>Title</b> | x", chapters=(Chapter(1, "Chapter | one", "I", measures=(measure,)),),
        institutions=[Institution("x", "Office | [of] <i>")],
    )  # fmt: skip
    text = render(program, as_of=AS_OF)
    for tag in ("<script>", "<b>", "<i>"):
        assert tag not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text
    row = next(line for line in text.splitlines() if line.startswith("| 1.1 "))
    assert unescaped_pipes(row) == 6
    assert "a \\| b" in row
    assert "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\# \\& \\\\" in row
    assert "Office \\| \\[of\\] \\<i\\>" in row
    assert text.startswith("# \\<b\\>Title\\</b\\> \\| x\n")
    assert "## I. Chapter \\| one" in text


def test_line_breaks_and_block_markers_cannot_escape_their_line() -> None:
    measure = Measure("1.1", "line one\n| --- |\n# not a heading")
    program = Program("p", "- not a list\n1. not a list", chapters=(Chapter(1, "c", measures=(measure,)),))
    text = render(program, as_of=AS_OF)
    assert text.startswith("# \\- not a list 1. not a list\n")
    row = next(line for line in text.splitlines() if line.startswith("| 1.1 "))
    assert unescaped_pipes(row) == 6
    assert "line one \\| --- \\| \\# not a heading" in row


def test_intro_paragraphs_cannot_open_blocks() -> None:
    intro = "    indented code?\n\n---\n\n> quote\n\n1) list\n\n+ item\n\n| cell |"
    program = Program("p", "P", chapters=(Chapter(1, "c", intro=intro),))
    lines = render(program, as_of=AS_OF).splitlines()
    start = lines.index("## 1. c") + 1
    assert lines[start : start + 12] == [
        "", "indented code?", "", "\\---", "", "\\> quote", "", "1\\) list", "", "\\+ item", "",
        "\\| cell \\|",
    ]  # fmt: skip


def test_deterministic_and_as_of() -> None:
    first = render(sample(), as_of="2013-01-01")
    assert render(sample(), as_of=AS_OF) == first
    assert render(sample(), as_of="2012-01-15") != first
    assert "- **Status as of:** 2012-01-15" in render(sample(), as_of="2012-01-15")


def test_by_extension(tmp_path: Path) -> None:
    exporter = get_manager().exporters()["markdown"]
    assert exporter.extensions == (".md", ".markdown")
    assert exporter.media_type == "text/markdown"
    for name in ("plan.md", "plan.markdown"):
        hrplan.export(sample(), tmp_path / name, as_of=AS_OF)
        assert (tmp_path / name).read_text(encoding="utf-8") == render(sample(), as_of=AS_OF)


@pytest.mark.parametrize(("options", "match"), [({"colour": "red"}, "unknown option 'colour'"),
                                                ({"as_of": "soon"}, "'as_of' must be a date")])  # fmt: skip
def test_bad_options(options: dict[str, object], match: str) -> None:
    with pytest.raises(hrplan.FormatError, match=match):
        render(sample(), **options)


@given(programs())
def test_generated_programs_never_crash(program: Program) -> None:
    text = render(program, as_of=AS_OF)
    assert text == render(program, as_of=AS_OF)
    measures = sum(1 for _ in program.iter_measures())
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| No.")]
    table_rows = [r for r in rows if unescaped_pipes(r) == 6 and not r.startswith("| ---")]
    assert len(table_rows) == measures
    assert all(unescaped_pipes(r) in (3, 6) for r in rows)  # summary rows have 2 cells
    assert "<" not in text.replace("\\<", "")



def test_a_measure_shows_its_expected_results_funding_and_budget() -> None:
    from hrplan import Chapter, Measure, Program

    measure = Measure("1.1", "Shelters", expected_results=("Two shelters open", "Staff trained"),
                      funding="State budget", budget="USD 20,000")  # fmt: skip
    program = Program("p", "P", chapters=(Chapter(1, "Protection", measures=(measure, Measure("1.2", "Plain"))),))
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="markdown", as_of=date(2015, 1, 1))
    text = buffer.getvalue().decode()
    assert ("| Shelters · *Expected results:* Two shelters open; Staff trained · *Funding:* State budget"
            " · *Budget:* USD 20,000 |") in text
    assert "| Plain |" in text
