# ruff: noqa: RUF001, RUF003  (typographic quotes and dashes are what these tests are about)
"""The ``upr-csv`` importer: UPR recommendations, one row per recommending State, in any encoding."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import hrplan
from hrplan.builtins.upr_csv import (
    CODES,
    UPR_CSV,
    UprCsvImporter,
    decode_upr,
    line_endings,
    plausibility,
    position_of,
    read_upr,
    repair_mojibake,
    split_paragraph,
    split_states,
    state_slug,
    upr_cycle,
)
from hrplan.plugins import get_manager
from hrplan.testing import assert_linear

DATASET = Path("datasets") / "upr-recommendations"
HEADER = "text,to,decision,From,year,notes"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "az-2012.json"


def _file(*rows: str, newline: str = "\r\n", encoding: str = "utf-8", header: str = HEADER) -> bytes:
    return newline.join((header, *rows)).encode(encoding) + newline.encode()


def _read(data: bytes, **options: object) -> hrplan.ImportResult:
    stream = io.BytesIO(data)
    stream.name = "test.upr.csv"
    return UPR_CSV.read(stream, **options)


def _codes(result: hrplan.ImportResult) -> list[str]:
    return [f.code for f in result.findings]


def _by_paragraph(program: hrplan.Program) -> dict[str | None, hrplan.Recommendation]:
    return {rec.paragraph: rec for rec in program.recommendations}


# -- the real files ---------------------------------------------------------------------------------------------


def _dataset(shared_dir: Path, year: int) -> Path:
    path = shared_dir / DATASET / f"upr-{year}.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _independent_rows(path: Path, state: str) -> list[list[str]]:
    """The rows of one State, read without the importer (Latin-1 keeps every byte apart)."""
    text = path.read_bytes().decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    return [row for row in csv.reader(io.StringIO(text, newline="")) if len(row) > 1 and row[1].lower() == state]


@pytest.mark.parametrize(("year", "rows", "recommendations"), [(2009, 89, 87), (2013, 167, 166)])
def test_azerbaijan_counts(shared_dir: Path, year: int, rows: int, recommendations: int) -> None:
    path = _dataset(shared_dir, year)
    independent = _independent_rows(path, "azerbaijan")
    assert len(independent) == rows  # as the dataset's README says
    assert len({row[0] for row in independent}) == recommendations  # distinct texts: one recommendation each
    result = hrplan.load(path, format="upr-csv", state="azerbaijan")
    program = result.program
    assert len(program.recommendations) == recommendations
    assert sum(len(rec.recommending_states) for rec in program.recommendations) == rows
    assert program.id == "upr-azerbaijan"
    assert program.title == "UPR recommendations to Azerbaijan"
    assert [f.code for f in result.findings] == ["UPR012"]  # nothing unreadable: only how it was decoded
    assert {rec.year for rec in program.recommendations} == {year}
    assert {rec.mechanism for rec in program.recommendations} == {"UPR"}
    assert len({rec.id for rec in program.recommendations}) == recommendations


def test_azerbaijan_2013_recommendations(shared_dir: Path) -> None:
    result = hrplan.load(_dataset(shared_dir, 2013), format="upr-csv", state="AZERBAIJAN")
    recs = _by_paragraph(result.program)
    joint = recs["109.3"]
    assert joint.id == "upr-azerbaijan-2013-109.3"
    assert joint.text == "Ratify CPED"
    assert joint.recommending_states == ("Brazil", "Chile")
    assert joint.position is hrplan.Position.PENDING  # "consider"
    assert (joint.cycle, joint.year, joint.mechanism) == ("2", 2013, "UPR")
    assert recs["109.1"].text.startswith("Sign and ratify the new Optional Protocol to the Convention on the Rights")
    assert recs["109.1"].recommending_states == ("Slovakia",)
    # 109.9..1 in the file: repeated dots read as one
    assert recs["109.9.1"].text == "accede to the Rome Statute of the ICC"
    assert recs["109.9.1"].recommending_states == ("Chad",)
    # Mac Roman text once read as Windows-1252: CouncilÕs -> Council’s
    assert recs["109.19"].text == (
        "Maintain its effective cooperation with the Council’s special procedure mandate holders"
    )
    assert recs["109.56"].recommending_states == ("North Korea",)  # the From column, not "(Democratic People’s ...)"
    assert recs["109.56"].text.endswith("which contribute to discrimination against women")
    assert recs["109.158"].text == (
        "Continue to address issues pertaining to IDPs, in line with the relevant state programmes"
    )
    assert recs["109.157"].recommending_states == ("Turkey",)
    rejected = [rec.paragraph for rec in result.program.recommendations if rec.position is hrplan.Position.REJECTED]
    assert rejected == ["110.1", "110.2", "110.3", "110.4"]
    assert all(rec.recommending_states == ("Armenia",) for rec in recs.values() if rec.paragraph in rejected)


def test_azerbaijan_2009_recommendations(shared_dir: Path) -> None:
    program = hrplan.read(_dataset(shared_dir, 2009), format="upr-csv", state="azerbaijan")
    recs = _by_paragraph(program)
    invitation = recs["96.5"]
    assert invitation.id == "upr-azerbaijan-2009-96.5"
    assert invitation.recommending_states == ("Latvia", "Norway", "Czech Republic")
    assert invitation.text == (
        "Fulfil its voluntary pledge and issue and implement a standing invitation to all the Special "
        "Procedures of the Human Rights Council"
    )
    assert invitation.position is hrplan.Position.PENDING
    assert invitation.cycle == "1"
    assert "Human Rights Council’s Special Procedures" in recs["96.3.2"].text  # Mac Roman ’
    assert "the law on freedom of assembly” is not applied" in recs["96.18.1"].text
    assert recs["96.6.4"].text == "to address the challenge of gender mainstreaming in a purposeful manner"
    assert recs["96.32"].recommending_states == ("United Kingdom",)


@pytest.mark.parametrize(
    ("year", "endings", "mojibake", "repaired"),
    [
        (2009, "CRLF", None, 0),
        (2012, "CR", "mac_roman read as cp1252", 296),
        (2013, "CR", "mac_roman read as cp1252", 495),
    ],
)
def test_encodings_of_the_real_files(
    shared_dir: Path, year: int, endings: str, mojibake: str | None, repaired: int
) -> None:
    decoded = decode_upr(_dataset(shared_dir, year).read_bytes())
    assert decoded.encoding == "mac_roman"
    assert decoded.line_endings == endings
    assert decoded.mojibake == mojibake
    assert decoded.repaired == repaired


@pytest.mark.parametrize("year", [2009, 2012, 2013])
def test_no_mojibake_in_the_real_files(shared_dir: Path, year: int) -> None:
    imported = read_upr(_dataset(shared_dir, year).read_bytes())
    text = imported.decoded.text
    assert "Côte d’Ivoire" in text
    for broken in ("C™te", "Cªte", "CÍte", "CouncilÕs", "womenÕs", "womenÍs", "womenís"):
        assert broken not in text
    odd = {char for rec in imported.recommendations for char in rec.text if char in "ÕÍªîÓ™ˆÔ\ufffd"}
    assert odd == set()
    states = {state for rec in imported.recommendations for state in rec.recommending_states}
    assert "Turkey" in states
    assert "Cote d'Ivoire" in states  # the From column is plain ASCII
    assert all(state.isascii() for state in states)


def test_real_2012_and_2013_details(shared_dir: Path) -> None:
    twelve = read_upr(_dataset(shared_dir, 2012).read_bytes())
    assert "Curaçao" in twelve.decoded.text  # Mac Roman ç, not re-coded
    assert "Guaraní Kaiowá" in twelve.decoded.text
    moved = [f for f in twelve.findings if f.code == "UPR005"]  # one finding for both rows
    assert [f.location for f in moved] == ["row 2319, column text"]  # "(Pakistan). Annex [English only] ...": removed
    assert "2 rows (row 2319, column text (" in moved[0].message
    assert "row 3397, column text (" in moved[0].message
    thirteen = read_upr(_dataset(shared_dir, 2013).read_bytes())
    assert "Hissène Habr" in thirteen.decoded.text  # Mac Roman è kept while the rest is repaired
    assert "Oswaldo Payá" in thirteen.decoded.text
    duplicated = [f for f in thirteen.findings if f.code == "UPR009"]
    assert len(duplicated) == 1
    assert ": 9 rows (" in duplicated[0].message
    ids = {rec.id for rec in thirteen.recommendations}
    assert {"upr-mali-2013-111", "upr-mali-2013-111-2", "upr-mali-2013-111-3", "upr-mali-2013-111-4"} <= ids
    assert len(ids) == len(thirteen.recommendations) == 7270


# -- line endings and encodings, on small files ----------------------------------------------------------------

ROWS = (
    '"109.3. Ratify CPED (Brazil, Chile);",azerbaijan,consider,Brazil,2013,',
    '"109.3. Ratify CPED (Brazil, Chile);",azerbaijan,consider,Chile,2013,',
    "109.4. Abolish the death penalty (France);,azerbaijan,support,France,2013,",
)


@pytest.mark.parametrize(("newline", "name"), [("\r", "CR"), ("\r\n", "CRLF"), ("\n", "LF")])
def test_line_endings(newline: str, name: str) -> None:
    data = _file(*ROWS, newline=newline)
    assert decode_upr(data).line_endings == name
    result = _read(data)
    assert [rec.paragraph for rec in result.program.recommendations] == ["109.3", "109.4"]
    assert result.program.recommendations[0].recommending_states == ("Brazil", "Chile")


def test_mixed_line_endings() -> None:
    data = (HEADER + "\r" + ROWS[0] + "\r\n" + ROWS[1] + "\n" + ROWS[2] + "\r").encode()
    assert decode_upr(data).line_endings == "mixed"
    result = _read(data)
    assert len(result.program.recommendations) == 2
    assert ("UPR012", "decoded as utf-8, mixed line endings") in [(f.code, f.message) for f in result.findings]


def test_line_break_inside_a_quoted_cell_is_one_row() -> None:
    data = _file('"109.1. Ratify\rthe Convention (Chile);",chile,support,Chile,2013,',
                 "no number,chile,noted,Peru,2013,")
    result = _read(data)
    assert result.program.recommendations[0].text == "Ratify the Convention"
    assert [f.location for f in result.findings if f.code == "UPR004"] == ["row 3, column text"]


IVOIRE = "109.5. Ensure women’s rights, “all of them” – now (Côte d’Ivoire, Türkiye);"


@pytest.mark.parametrize("encoding", ["cp1252", "mac_roman", "utf-8", "utf-8-sig"])
def test_encodings(encoding: str) -> None:
    data = _file(f'"{IVOIRE}",ghana,support,Côte d’Ivoire,2012,', f'"{IVOIRE}",ghana,support,Türkiye,2012,',
                 encoding=encoding)
    decoded = decode_upr(data)
    assert decoded.encoding == encoding
    assert decoded.repaired == 0
    rec = _read(data).program.recommendations[0]
    assert rec.text == "Ensure women’s rights, “all of them” – now"
    assert rec.recommending_states == ("Côte d’Ivoire", "Türkiye")
    assert rec.id == "upr-ghana-2012-109.5"


def test_windows_1252_with_undefined_byte_is_mac_roman() -> None:
    # 0x8D is undefined in Windows-1252: in Mac Roman it is ç
    data = _file("109.1. Protect Cura\u00e7ao workers (Netherlands);,ghana,support,Netherlands,2012,",
                 encoding="mac_roman")
    assert b"\x8d" in data
    assert decode_upr(data).encoding == "mac_roman"
    assert "Curaçao" in _read(data).program.recommendations[0].text


def test_mac_roman_once_read_as_windows_1252_is_repaired() -> None:
    original = "109.2. Protect the Council’s “mandate” in Côte d’Ivoire (Chile);"
    # what happened to the 2012 and 2013 files: Mac Roman bytes read as Windows-1252, saved as Mac Roman
    garbled = original.encode("mac_roman").decode("cp1252")
    assert garbled == "109.2. Protect the CouncilÕs ÒmandateÓ in C™te dÕIvoire (Chile);"
    data = _file(f'"{garbled}",ghana,support,Chile,2012,', encoding="mac_roman")
    decoded = decode_upr(data)
    assert (decoded.encoding, decoded.mojibake, decoded.repaired) == ("mac_roman", "mac_roman read as cp1252", 5)
    assert _read(data).program.recommendations[0].text == "Protect the Council’s “mandate” in Côte d’Ivoire"


def test_utf8_read_as_windows_1252_is_repaired() -> None:
    text, repaired = repair_mojibake("Ã‰cole and cafÃ© in Bogotá")
    assert (text, repaired) == ("École and café in Bogotá", 2)


def test_plausibility() -> None:
    assert plausibility("plain ASCII") == 0
    assert plausibility("women’s") > plausibility("womenÕs")
    assert plausibility("Côte") > plausibility("C™te")
    assert plausibility("vis-à-vis") > plausibility("vis-ˆ-vis")
    assert plausibility("bad \ufffd byte") < 0


def test_legitimate_text_is_left_alone() -> None:
    for text in ("Hissène Habré", "São Tomé and Príncipe", "Türkiye", "ÉCOLE", "1º de mayo", "Łódź", "Москва"):
        assert repair_mojibake(text) == (text, 0)


def test_line_endings_function() -> None:
    texts = ("a", "a\nb", "a\r\nb", "a\rb", "a\rb\nc")
    assert [line_endings(t) for t in texts] == ["none", "LF", "CRLF", "CR", "mixed"]


def test_encoding_option_forces_a_codec() -> None:
    data = _file("109.1. Ensure women’s rights (Chile);,ghana,support,Chile,2012,", encoding="cp1252")
    forced = _read(data, encoding="mac_roman").program.recommendations[0]
    assert forced.text == "Ensure womenís rights"  # what the user asked for: no detection, no repair
    with pytest.raises(hrplan.InputError, match="not utf-8 text") as caught:
        _read(data, encoding="utf-8")
    assert caught.value.problems[0].location == "line 2"
    with pytest.raises(hrplan.FormatError, match="upr-csv: option 'encoding': unknown encoding 'no-such-codec'"):
        _read(data, encoding="no-such-codec")


# -- merging and the cells -------------------------------------------------------------------------------------


def test_merging_keeps_every_state_once_in_order() -> None:
    text = '"109.7. Ratify OP-CAT (Chile, Peru, Chile);"'
    data = _file(f"{text},ghana,support,Peru,2012,", f"{text},ghana,support,Chile,2012,",
                 "109.8. Other (Chile);,ghana,noted,Chile,2012,", f"{text},ghana,support,Peru,2012,")
    result = _read(data)
    first, second = result.program.recommendations
    assert first.recommending_states == ("Peru", "Chile")
    assert first.position is hrplan.Position.SUPPORTED
    assert second.position is hrplan.Position.NOTED
    assert _codes(result) == []


def test_same_paragraph_other_state_or_year_is_another_recommendation() -> None:
    data = _file("109.1. Act (Chile);,ghana,support,Chile,2012,", "109.1. Act (Chile);,Ghana,support,Chile,2017,",
                 "109.1. Act (Chile);,togo,support,Chile,2012,")
    ids = [rec.id for rec in _read(data).program.recommendations]
    assert ids == ["upr-ghana-2012-109.1", "upr-ghana-2017-109.1", "upr-togo-2012-109.1"]


@pytest.mark.parametrize(
    ("decision", "position"),
    [
        ("support", hrplan.Position.SUPPORTED),
        ("Supported", hrplan.Position.SUPPORTED),
        ("noted", hrplan.Position.NOTED),
        ("consider", hrplan.Position.PENDING),
        ("pending", hrplan.Position.PENDING),
        ("reject", hrplan.Position.REJECTED),
        ("implemented", hrplan.Position.ALREADY_IMPLEMENTED),
        ("already implemented", hrplan.Position.ALREADY_IMPLEMENTED),
        ("already-implemented", hrplan.Position.ALREADY_IMPLEMENTED),
        ("partially", hrplan.Position.PARTIALLY_SUPPORTED),
        ("partially supported", hrplan.Position.PARTIALLY_SUPPORTED),
        ("maybe", None),
        ("", None),
    ],
)
def test_positions(decision: str, position: hrplan.Position | None) -> None:
    assert position_of(decision) is position


@pytest.mark.parametrize(
    ("year", "cycle"),
    [(2007, None), (2008, "1"), (2011, "1"), (2012, "2"), (2016, "2"), (2017, "3"), (2021, "3"), (2022, "4"),
     (2030, "4"), (None, None)],
)
def test_cycles(year: int | None, cycle: str | None) -> None:
    assert upr_cycle(year) == cycle


@pytest.mark.parametrize(
    ("text", "paragraph", "rest"),
    [
        ("109.3. Ratify CPED", "109.3", "Ratify CPED"),
        ("96.1   Accede", "96.1", "Accede"),
        ("109.9..1 accede", "109.9.1", "accede"),
        ("112.9.3..1  Issue", "112.9.3.1", "Issue"),
        ("137 1. Implement", "137.1", "Implement"),
        ("111. 29 Strengthen", "111.29", "Strengthen"),
        ("111. Organize", "111", "Organize"),
        ("111.11.1 / Continue", "111.11.1", "Continue"),
        ("  Ratify", None, "Ratify"),
    ],
)
def test_split_paragraph(text: str, paragraph: str | None, rest: str) -> None:
    assert split_paragraph(text) == (paragraph, rest)


@pytest.mark.parametrize(
    ("text", "body", "states", "dropped"),
    [
        ("Ratify CPED (Brazil, Chile);", "Ratify CPED", "Brazil, Chile", None),
        ("Act now (Sri Lanka). );", "Act now", "Sri Lanka", None),
        ("Act on the (ICCPR) (Canada)4; );", "Act on the (ICCPR)", "Canada", None),
        ("Act (Venezuela (Bolivarian Republic of))4; );", "Act", "Venezuela (Bolivarian Republic of)", None),
        ("Act  now (UAE): );", "Act now", "UAE", None),
        ("Act (Pakistan).  Annex  [English only]);", "Act", "Pakistan", "Annex [English only]"),
        ("Act without States", "Act without States", None, None),
    ],
)
def test_split_states(text: str, body: str, states: str | None, dropped: str | None) -> None:
    split = split_states(text, ("Pakistan",))
    assert (split.text, split.states, split.dropped) == (body, states, dropped)


def test_state_slug() -> None:
    assert state_slug("Côte d'Ivoire") == "cote-d-ivoire"
    assert state_slug("  United  Kingdom ") == "united-kingdom"
    assert state_slug("???") == "unknown"


# -- findings: nothing is dropped silently --------------------------------------------------------------------


def test_bad_rows_become_findings() -> None:
    data = _file(
        "109.1. Good (Chile);,ghana,support,Chile,2012,",  # row 2
        "109.2. Too short (Chile);,ghana",  # row 3: UPR001
        ",ghana,support,Chile,2012,",  # row 4: UPR001 no text
        "109.3. Nobody (Chile);,,support,Chile,2012,",  # row 5: UPR001 no State under review
        "109.4. Extra (Chile);,ghana,support,Chile,2012,,surplus",  # row 6: UPR002
        "109.5. Bad year (Chile);,ghana,support,Chile,twenty,",  # row 7: UPR003
        "No number (Chile);,ghana,support,Chile,2012,",  # row 8: UPR004
        "109.6. No States;,ghana,support,Chile,2012,",  # row 9: UPR005
        "109.7. Shrug (Chile);,ghana,maybe,Chile,2012,",  # row 10: UPR006
        "109.8. Anonymous (Chile);,ghana,support,,2012,",  # row 11: UPR007
        '"109.9. Twice (Chile, Peru);",ghana,support,Chile,2012,',  # row 12
        '"109.9. Twice (Chile, Peru);",ghana,reject,Peru,2012,',  # row 13: UPR008
        "109.10. One text (Chile);,ghana,support,Chile,2012,",  # row 14
        "109.10. Another text (Peru);,ghana,support,Peru,2012,",  # row 15: UPR009
        "",
        ",,,,,",  # blank rows: not data
    )
    result = _read(data)
    found = [(f.code, f.location, f.severity.value) for f in result.findings]
    assert found == [
        ("UPR001", "row 3", "error"),
        ("UPR001", "row 4, column text", "error"),
        ("UPR001", "row 5, column to", "error"),
        ("UPR002", "row 6", "warning"),
        ("UPR003", "row 7, column year", "warning"),
        ("UPR004", "row 8, column text", "warning"),
        ("UPR005", "row 9, column text", "warning"),
        ("UPR006", "row 10, column decision", "warning"),
        ("UPR007", "row 11, column From", "warning"),
        ("UPR008", "row 13, column decision", "warning"),
        ("UPR009", "row 15, column text", "warning"),
    ]
    assert all(f.source == "test.upr.csv" for f in result.findings)
    recs = {rec.id: rec for rec in result.program.recommendations}
    assert list(recs) == [
        "upr-ghana-2012-109.1", "upr-ghana-2012-109.4", "upr-ghana-109.5", "upr-ghana-2012-row8",
        "upr-ghana-2012-109.6", "upr-ghana-2012-109.7", "upr-ghana-2012-109.8", "upr-ghana-2012-109.9",
        "upr-ghana-2012-109.10", "upr-ghana-2012-109.10-2",
    ]  # fmt: skip
    assert recs["upr-ghana-109.5"].year is None
    assert recs["upr-ghana-2012-row8"].paragraph is None
    assert recs["upr-ghana-2012-109.6"].text == "No States"
    assert recs["upr-ghana-2012-109.7"].position is None
    assert recs["upr-ghana-2012-109.8"].recommending_states == ()
    assert recs["upr-ghana-2012-109.9"].position is hrplan.Position.SUPPORTED
    assert recs["upr-ghana-2012-109.9"].recommending_states == ("Chile", "Peru")
    assert set(CODES) >= {f.code for f in result.findings}


def test_every_code_is_documented() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "recommendations.md").read_text("utf-8")
    for code in CODES:
        assert f"`{code}`" in docs


def test_state_option() -> None:
    data = _file("109.1. A (Chile);,Ghana,support,Chile,2012,", "90.1. B (Chile);,togo,support,Chile,2012,")
    result = _read(data, state="  GHANA ")
    assert [rec.id for rec in result.program.recommendations] == ["upr-ghana-2012-109.1"]
    assert (result.program.id, result.program.title, result.program.country) == (
        "upr-ghana", "UPR recommendations to Ghana", "Ghana")
    everything = _read(data)
    assert (everything.program.id, everything.program.title) == ("upr", "UPR recommendations")
    missing = _read(data, state="mali")
    assert missing.program.recommendations == ()
    assert [(f.code, f.message) for f in missing.findings] == [
        ("UPR011", "no row for the State 'mali' (the file has 2 States under review)")]


def test_lower_case_state_is_capitalised() -> None:
    data = _file("109.1. A (Chile);,united kingdom of great britain,support,Chile,2012,")
    program = _read(data).program
    assert program.title == "UPR recommendations to United Kingdom of Great Britain"
    assert program.id == "upr-united-kingdom-of-great-britain"


def test_program_option(tmp_path: Path) -> None:
    base = hrplan.read(EXAMPLE)
    data = _file("109.1. A (Chile);,azerbaijan,support,Chile,2013,", "109.2. B (Peru);,azerbaijan,noted,Peru,2013,")
    result = _read(data, program=base)
    assert result.program.id == base.id
    assert result.program.chapters == base.chapters
    ids = [rec.id for rec in result.program.recommendations]
    assert ids == ["upr-azerbaijan-2013-109.1", "upr-azerbaijan-2013-109.2"]
    # read again into the result: the ids are there already, the program's ones are kept
    plan = tmp_path / "plan.json"
    hrplan.write(result.program, plan)
    again = _read(data, program=str(plan))
    assert len(again.program.recommendations) == 2
    assert [f.code for f in again.findings] == ["UPR010"]
    assert "2 recommendations (upr-azerbaijan-2013-109.1, upr-azerbaijan-2013-109.2)" in again.findings[0].message
    with pytest.raises(hrplan.FormatError, match="option 'program'"):
        _read(data, program=42)


def test_bad_options() -> None:
    data = _file(*ROWS)
    with pytest.raises(hrplan.FormatError, match="unknown option 'colour'"):
        _read(data, colour="red")
    with pytest.raises(hrplan.FormatError, match="option 'state'"):
        _read(data, state="")


def test_not_a_upr_file() -> None:
    with pytest.raises(hrplan.InputError, match="no column decision, From"):
        _read(b"text,to,year\r\nx,y,2012\r\n")
    with pytest.raises(hrplan.InputError, match="empty"):
        _read(b"")


# -- through hrplan ----------------------------------------------------------------------------------------------


def test_registered_and_chosen_by_extension_or_sniffing(tmp_path: Path) -> None:
    assert isinstance(get_manager().importers()["upr-csv"], UprCsvImporter)
    data = _file(*ROWS, newline="\r", encoding="mac_roman")
    path = tmp_path / "az.upr.csv"
    path.write_bytes(data)
    assert len(hrplan.read(path).recommendations) == 2
    assert len(hrplan.read(io.BytesIO(data)).recommendations) == 2  # no name: sniffed


def test_sniff() -> None:
    assert UPR_CSV.sniff(b"text,to,decision,From,year,notes\r109.1")
    assert UPR_CSV.sniff(b'\xef\xbb\xbf"text","to","decision","From"\n')
    assert not UPR_CSV.sniff(b"id,parent,chapter,title\r\n")
    assert not UPR_CSV.sniff(b"text,to,year\n")


def test_imported_program_validates_and_round_trips(tmp_path: Path) -> None:
    program = _read(_file(*ROWS)).program
    assert [f for f in hrplan.validate(program) if f.severity is hrplan.Severity.ERROR] == []
    path = tmp_path / "upr.json"
    hrplan.write(program, path)
    assert hrplan.read(path) == program


def _one_state(rows: int) -> bytes:
    """``rows`` rows all made to one State (the case that used to be quadratic)."""
    return _file(*(f'"109.{i}. Do thing {i} (Chile, Peru);",ghana,support,Chile,2012,' for i in range(rows)))


def test_one_state_doubling_rows_roughly_doubles_time() -> None:
    assert_linear(_read, _one_state, n=2000, repeat=3, attempts=3)


def test_many_bad_rows_give_one_finding_per_kind() -> None:
    data = _file(*(f"No number {i} and no States;,ghana,maybe,,2012," for i in range(300)))
    found = _read(data).findings
    assert sorted(f.code for f in found) == ["UPR004", "UPR005", "UPR006", "UPR007"]
    assert all(": 300 rows (row 2, column " in f.message for f in found)
