"""The ``upr-report`` importer: the recommendations of a UPR Working Group report saved as text."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan.builtins.recommendations import UprReportImporter
from hrplan.builtins.recommendations._report import report_paragraphs

REPORT = """United Nations A/HRC/44/12

Report of the Working Group on the Universal Periodic Review
Azerbaijan

1. The Working Group held its session and reviewed the State.
2. The delegation presented the national report and answered questions
from the floor.

II. Conclusions and/or recommendations

140. The following recommendations have been examined by Azerbaijan and enjoy
its support:

140.1 Ratify the Optional Protocol to the Convention on the Rights of the Child on a
communications procedure (Portugal) (Slovakia);
140.2 Strengthen the independence of the Commissioner for Human Rights (Ombudsman) in line with
the Paris Principles (Ghana);

141. The following recommendations have been examined by Azerbaijan and have been noted:

141.1 Abolish the offence of criminal defamation (Norway, Sweden);
141.2 Release journalists detained for their work (Germany).
"""

EXPECTED = [
    ("140.1", "Ratify the Optional Protocol to the Convention on the Rights of the Child on a communications "
     "procedure", ("Portugal", "Slovakia"), hrplan.Position.SUPPORTED),
    ("140.2", "Strengthen the independence of the Commissioner for Human Rights (Ombudsman) in line with the Paris "
     "Principles", ("Ghana",), hrplan.Position.SUPPORTED),
    ("141.1", "Abolish the offence of criminal defamation", ("Norway", "Sweden"), hrplan.Position.NOTED),
    ("141.2", "Release journalists detained for their work", ("Germany",), hrplan.Position.NOTED),
]  # fmt: skip


def _fields(result: hrplan.ImportResult) -> list[tuple[object, ...]]:
    return [(r.paragraph, r.text, r.recommending_states, r.position) for r in result.program.recommendations]


def _load(text: str, name: str = "report.txt", **options: object) -> hrplan.ImportResult:
    stream = io.BytesIO(text.encode("utf-8"))
    stream.name = name
    return hrplan.load(stream, **options)


def test_a_report_saved_as_text_is_recognised_and_read() -> None:
    result = _load(REPORT)
    assert _fields(result) == EXPECTED
    first = result.program.recommendations[0]
    assert (first.symbol, first.session, first.year, first.countries) == ("A/HRC/44/12", "35", 2020, ("Azerbaijan",))
    assert first.id == "upr-azerbaijan-2020-140.1"
    assert result.program.country == "AZ"
    assert [f.code for f in result.findings] == ["REC016"]  # the body of the report, not read


def test_a_copy_that_lost_its_line_breaks_reads_the_same() -> None:
    flat = REPORT.replace("\n\n", "\n").replace("\n", " ")
    assert _fields(_load(flat, state="Azerbaijan")) == EXPECTED


def test_a_recommendation_outside_a_response_section_has_no_position() -> None:
    text = "Recommendations\n\n90.1 Adopt a law on refugees (Chile);\n90.2 Train judges (Peru);\n90.3 Fund it (Togo);\n"
    result = _load(text, format="upr-report", state="Azerbaijan")
    assert [r.position for r in result.program.recommendations] == [None, None, None]
    assert {f.code for f in result.findings} == {"REC013", "REC015"}


def test_text_with_no_recommendation_is_refused_naming_the_file() -> None:
    with pytest.raises(hrplan.InputError, match="no numbered recommendation"):
        _load("Report\n\n1. The session opened.\n", format="upr-report")


def test_the_importer_recognises_reports_and_not_plans() -> None:
    importer = UprReportImporter()
    assert importer.sniff(REPORT.encode())
    plan = Path(__file__).resolve().parent.parent / "examples" / "data" / "text" / "justice-plan.txt"
    assert not importer.sniff(plan.read_bytes()[:4096])


def test_read_into_a_plan_with_base() -> None:
    plan = hrplan.read(Path(__file__).resolve().parent.parent / "examples" / "data" / "az-2012.json")
    merged = _load(REPORT, base=plan).program
    assert len(merged.recommendations) == len(plan.recommendations) + 4
    assert merged.measure("1.1") == plan.measure("1.1")


STATES = st.sampled_from(["France", "Chile", "Ghana", "Peru", "Norway", "Japan"])
TEXTS = st.text(alphabet="abcdefghij klmnop", min_size=3, max_size=40).map(lambda t: "Do " + " ".join(t.split()))


@given(st.lists(st.tuples(TEXTS, st.lists(STATES, min_size=1, max_size=3, unique=True)), min_size=3, max_size=12),
       st.sampled_from(["\n", "\n\n", " "]), st.integers(20, 60))  # fmt: skip
def test_generated_reports_read_back(items: list[tuple[str, list[str]]], gap: str, width: int) -> None:
    lines = ["A/HRC/44/12", "", "140. The following recommendations enjoy the support of Azerbaijan:"]
    for k, (text, states) in enumerate(items, 1):
        line = f"140.{k} {text} ({', '.join(states)});"
        wrapped = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        lines.append("\n".join(wrapped) if gap == "\n" else line)  # a PDF copy wraps between words
    result = _load(gap.join(lines), state="Azerbaijan")
    got = [(r.paragraph, r.recommending_states, r.position) for r in result.program.recommendations]
    assert got == [(f"140.{k}", tuple(s), hrplan.Position.SUPPORTED) for k, (_, s) in enumerate(items, 1)]


def test_paragraphs_join_wrapped_lines() -> None:
    found = list(report_paragraphs("1. One\nwrapped\n\n2. Two\n2.1 Sub (Chile); 2.2 Next (Peru);\n"))
    assert [(p.number, p.text) for p in found] == [("1", "One wrapped"), ("2", "Two"), ("2.1", "Sub (Chile);"),
                                                   ("2.2", "Next (Peru);")]  # fmt: skip


SECTION = "A/HRC/44/12\n\n140. The following recommendations enjoy the support of Azerbaijan:\n{body}\n"


def test_a_convention_number_inside_a_recommendation_is_no_paragraph() -> None:
    body = "140.1 Ratify ILO Convention No. 189 on domestic workers (Philippines);\n140.2 Adopt a law (Chile)."
    flat = SECTION.format(body=body).replace("\n", " ")
    for text in (SECTION.format(body=body), flat):
        recs = _load(text, format="upr-report").program.recommendations
        assert [(r.paragraph, r.text) for r in recs] == [
            ("140.1", "Ratify ILO Convention No. 189 on domestic workers"), ("140.2", "Adopt a law")]


def test_a_page_break_inside_a_recommendation_is_read_through() -> None:
    body = ("140.1 Ratify the Convention against Torture and\n\n17\n\nA/HRC/44/12\nGE.20-01234\n\n"
            "its Optional Protocol (France);\n140.2 Adopt a law (Chile).")
    recs = _load(SECTION.format(body=body), format="upr-report").program.recommendations
    assert [r.text for r in recs] == ["Ratify the Convention against Torture and its Optional Protocol", "Adopt a law"]


def test_a_recommendation_without_states_is_kept_in_its_section_and_reported_elsewhere() -> None:
    body = "140.1 Adopt a law (Chile);\n140.2 Train judges;\n140.3 Fund it (Peru).\n\n7.2 Something else."
    result = _load(SECTION.format(body=body))
    assert [r.paragraph for r in result.program.recommendations] == ["140.1", "140.2", "140.3"]
    found = {(f.code, f.location) for f in result.findings}
    assert ("REC002", "line 5") in found
    assert ("REC017", "line 8") in found


def test_a_plan_that_quotes_recommendations_is_not_taken_for_a_report() -> None:
    head = (b"National plan 2024\n\nThe plan answers these:\n140.1 Ratify the Convention (France);\n"
            b"140.2 Adopt a law (Chile);\n140.3 Fund the institution (Peru);\n")
    assert not UprReportImporter().sniff(head)


@pytest.mark.parametrize("gap", [" ", "\n"])
def test_reading_takes_linear_time_even_on_long_runs_of_blanks(gap: str) -> None:
    from hrplan.testing import assert_linear

    assert_linear(lambda text: list(report_paragraphs(text)), lambda n: f"140.1 Ratify{gap * n}x (France);", n=2000)


def test_wrapped_sentences_and_numbers_alone_on_their_line_are_read() -> None:
    body = ("140.1 Strengthen the institution in line with the Paris Principles.\nGive it resources (France);\n"
            "140.2\nRatify the Convention (Chile);\n140.3 Ratify ILO Convention No.\n189 on domestic workers (Peru).")
    recs = _load(SECTION.format(body=body), format="upr-report").program.recommendations
    assert [(r.paragraph, r.text, r.recommending_states) for r in recs] == [
        ("140.1", "Strengthen the institution in line with the Paris Principles. Give it resources", ("France",)),
        ("140.2", "Ratify the Convention", ("Chile",)),
        ("140.3", "Ratify ILO Convention No. 189 on domestic workers", ("Peru",)),
    ]
