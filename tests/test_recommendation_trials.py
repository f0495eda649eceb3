"""Recommendation files in layouts the importers were not written against (CSV, JSON; Word, Excel: hrplan-office)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan import upr_sessions
from hrplan.builtins.recommendations import position_of, split_paragraph
from hrplan.builtins.recommendations._cells import session_number, split_symbol


def _csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as out:
        csv.writer(out).writerows(rows)
    return path


def _load(data: bytes, source: str) -> hrplan.ImportResult:
    stream = io.BytesIO(data)
    stream.name = source  # type: ignore[attr-defined]
    return hrplan.load(stream, state="Azerbaijan")


@pytest.mark.parametrize(("written", "number"), [
    ("30", "30"), ("30th", "30"), ("Session 30", "30"), ("UPR 30", "30"), ("30.0", "30"), ("3rd session", "3"),
    ("Thirty", None), ("30 Jan", None),
])  # fmt: skip
def test_session_numbers_however_written(written: str, number: str | None) -> None:
    assert session_number(written) == number


@pytest.mark.parametrize(("cell", "expected"), [
    ("CRC/C/AZE/CO/5-6 para. 12(a)", ("CRC/C/AZE/CO/5-6", "12(a)")),
    ("CAT/C/AZE/CO/5, para 9", ("CAT/C/AZE/CO/5", "9")),
    ("A/HRC/44/12", ("A/HRC/44/12", None)),
])  # fmt: skip
def test_symbols_with_their_paragraph(cell: str, expected: tuple[str, str | None]) -> None:
    assert split_symbol(cell) == expected


def test_a_treaty_body_sub_paragraph_belongs_to_its_number() -> None:
    assert split_paragraph("12. (a) Strengthen the data") == ("12(a)", "Strengthen the data")
    assert split_paragraph("121.4 (France) text") == ("121.4", "(France) text")


def test_upr_info_export_with_sessions_written_as_words(tmp_path: Path) -> None:
    """A later export writes '30th': the session is 30 (2018, third cycle), never the action category."""
    header = ["Issue", "Session", "From", "Text", "To", "Response", "Action"]
    rows = [header,
            ["Media,Human rights defenders", "30th", "Norway", "Protect journalists", "Azerbaijan", "Supported", 3],
            ["Detention", "30th", "Sweden", "Free detainees", "Azerbaijan", "Rejected", 5]]  # fmt: skip
    result = hrplan.load(_csv(tmp_path / "export.csv", rows, "utf-8-sig"), state="Azerbaijan")
    recs = result.program.recommendations
    assert [(r.session, r.year, r.cycle, r.action) for r in recs] == [("30", 2018, "3", 3), ("30", 2018, "3", 5)]
    assert recs[0].themes == ("Media", "Human rights defenders")
    assert [r.position for r in recs] == [hrplan.Position.SUPPORTED, hrplan.Position.REJECTED]


def test_uhri_csv_with_short_texts_and_long_sdg_cells(tmp_path: Path) -> None:
    """The text column is the text even when the SDG cells, '- ' lines with CRLF, are longer."""
    rows: list[list[object]] = [
        ["OHCHR Annotation Id", "Mechanism", "Countries Concerned", "Document Symbol", "Text", "Themes", "Sdgs",
         "Document Publication Date"],
        ["1", "CRC", "Azerbaijan", "CRC/C/AZE/CO/5-6", "12. (a) Count every child", "- Data\r\n- Children",
         "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\r\n- 4 - QUALITY EDUCATION", "2022-03-04"],
        ["2", "Committee against Torture", "Azerbaijan", "CAT/C/AZE/CO/5", "9. See a lawyer at once", "- Torture",
         "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "2022-12-20T00:00:00"],
    ]  # fmt: skip
    result = hrplan.load(_csv(tmp_path / "uhri.csv", rows), state="Azerbaijan")
    recs = result.program.recommendations
    assert [(r.mechanism, r.paragraph, r.text, r.sdgs) for r in recs] == [
        ("CRC", "12(a)", "Count every child", (16, 4)), ("CAT", "9", "See a lawyer at once", (16,))]
    assert [str(r.published) for r in recs] == ["2022-03-04", "2022-12-20"]
    assert result.findings == ()


def test_uhri_json_with_paragraph_in_the_symbol() -> None:
    records = [{"Annotation Id": "9", "Body": "CRC", "Countries": ["Azerbaijan"], "Text": "Ban corporal punishment",
                "Symbol": "CRC/C/AZE/CO/5-6 para. 14(b)", "Themes": ["Children"], "Publication Date": "2022-03-04"}]
    result = _load(json.dumps(records).encode(), "export.uhri.json")
    (rec,) = result.program.recommendations
    assert (rec.symbol, rec.paragraph, rec.id) == ("CRC/C/AZE/CO/5-6", "14(b)", "crc-c-aze-co-5-6-14(b)")


THEMATIC_HEADER = ["Recommendations", "Response", "Themes", "SDG"]


def test_thematic_list_without_source_of_position_as_csv(tmp_path: Path) -> None:
    """Recognised by its Theme rows, paragraph numbers and trailing States; short texts kept."""
    rows = [THEMATIC_HEADER, ["Theme: A12 Acceptance of international norms"] * 4,
            ["121.4 Ratify CPED (France) (Lithuania);", "Supported", "A12 Acceptance of international norms", "16"],
            ["121.5 Ratify the ILO Forced Labour Convention (No. 29) (Ghana)", "Noted", "", "8"]]  # fmt: skip
    result = hrplan.load(_csv(tmp_path / "list.csv", rows), state="Azerbaijan")
    recs = result.program.recommendations
    assert [(r.paragraph, r.text, r.recommending_states, r.sdgs) for r in recs] == [
        ("121.4", "Ratify CPED", ("France", "Lithuania"), (16,)),
        ("121.5", "Ratify the ILO Forced Labour Convention (No. 29)", ("Ghana",), (8,))]
    # a row whose themes cell is empty takes the theme of its group
    assert recs[1].themes == ("A12 Acceptance of international norms",)


_WORDS = st.lists(st.sampled_from(["Ratify", "the", "CPED", "Adopt", "law", "now"]), min_size=1, max_size=6)


@given(st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=8))
def test_no_row_of_a_thematic_list_is_lost(rows: list[tuple[list[str], bool]]) -> None:
    """Every row is a recommendation or a REC001 finding, whatever the length of its text."""
    lines = [THEMATIC_HEADER, ["Theme: B31 Equality"] * 4]
    for i, (words, empty) in enumerate(rows, 1):
        text = "" if empty and i > 1 else f"99.{i} {' '.join(words)} (Chile)"
        lines.append([text, "Supported", "B31 Equality", ""])
    buffer = io.StringIO()
    csv.writer(buffer).writerows(lines)
    result = _load(buffer.getvalue().encode(), "list.csv")
    skipped = sum(int(m.group(1)) if (m := re.search(r": (\d+) rows", f.message)) else 1
                  for f in result.findings if f.code == "REC001")
    assert len(result.program.recommendations) + skipped == len(rows)


def test_the_unverified_sessions_are_the_ones_the_docs_name() -> None:
    """docs/recommendations.md names the rows of sessions.csv without a source: they must agree."""
    assert [s.number for s in upr_sessions.sessions() if not s.source] == [12, 15, 19, 30, 33, 39]


@pytest.mark.parametrize(("cell", "expected"), [
    ("121.5 - Ratify OP-CAT", ("121.5", "Ratify OP-CAT")),
    ("121.4. Ratify CPED", ("121.4", "Ratify CPED")),
    ("5-year plan for schools", (None, "5-year plan for schools")),
])  # fmt: skip
def test_paragraph_numbers_with_separators(cell: str, expected: tuple[str | None, str]) -> None:
    assert split_paragraph(cell) == expected


@pytest.mark.parametrize("word", ["Supported/Noted", "Supported / Noted", "supported /noted"])
def test_split_positions_however_spaced(word: str) -> None:
    assert position_of(word) == hrplan.Position.PARTIALLY_SUPPORTED


def test_source_of_position_without_a_paragraph(tmp_path: Path) -> None:
    """'Source of position: A/HRC/43/15/Add.1' alone still gives the symbol, hence the session and year."""
    rows = [THEMATIC_HEADER,
            ["121.4 Ratify CPED (France)\nSource of position: A/HRC/43/15/Add.1", "Supported", "A12", ""]]
    (rec,) = hrplan.load(_csv(tmp_path / "list.csv", rows), state="Azerbaijan").program.recommendations
    assert (rec.symbol, rec.paragraph, rec.year, rec.cycle) == ("A/HRC/43/15", "121.4", 2019, "3")


def test_a_plan_with_a_status_column_is_not_a_thematic_list(tmp_path: Path) -> None:
    """Numbered measures with 'Implemented'/'Pending' statuses stay a plan table, not recommendations."""
    rows = [["Measure", "Responsible", "Deadline", "Status"],
            ["1.1 Adopt a law on legal aid", "Ministry of Justice", "2024", "Implemented"],
            ["1.2 Train judges on child rights", "Supreme Court", "2025", "Pending"]]  # fmt: skip
    program = hrplan.load(_csv(tmp_path / "plan.csv", rows)).program
    assert program.recommendations == ()
    assert [str(m.id) for c in program.chapters for m in c.measures] == ["1.1", "1.2"]


def test_a_bare_list_of_recommendations_and_positions_is_still_read(tmp_path: Path) -> None:
    rows = [["Recommendation", "Position"], ["Ratify CPED", "Supported"], ["Abolish the death penalty", "Noted"]]
    result = hrplan.load(_csv(tmp_path / "bare.csv", rows), state="Azerbaijan")
    assert [r.text for r in result.program.recommendations] == ["Ratify CPED", "Abolish the death penalty"]
