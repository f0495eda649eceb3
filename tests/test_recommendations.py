"""Recommendations from UPR Info exports, OHCHR thematic lists and UHRI exports."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import warnings
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hrplan
from hrplan.builtins.recommendations import (
    ThematicListLayout,
    UhriLayout,
    UprInfoLayout,
    split_labelled,
    split_trailing_states,
)
from hrplan.context import ReadContext
from hrplan.decoding import decode, normalise_newlines
from hrplan.tables import Table, choose_layout
from hrplan.testing import assert_linear

UPR_INFO = Path("datasets/upr-info-database")
THEMATIC = Path("datasets/ohchr-thematic-lists/UPR20_Slovenia_ThematicListRecommendations.docx")
LAYOUTS = [ThematicListLayout(), UhriLayout(), UprInfoLayout()]


def csv_table(data: bytes, source: str = "export.csv") -> Table:
    """A table from CSV bytes in any encoding, as a CSV container would give it."""
    text = normalise_newlines(decode(data).text)
    return Table(list(csv.reader(io.StringIO(text, newline=""))), source=source)


def read(table: Table, **options: object) -> hrplan.ImportResult:
    layout = choose_layout([table], LAYOUTS)
    return layout.read([table], context=ReadContext(), **options)


# Our own UPR Info-style export: other titles and another column order than the real one,
# Mac Roman bytes, CR line endings, a pledge mixed in.
UPR_INFO_ROWS = [
    ["Recommending State", "Reviewed State", "Recommendation text", "State's response", "Category", "Topics",
     "UPR session", "Region"],
    ["France", "Utopia", "Set up an independent body that visits every place of detention.", "Accepted", "5",
     "Detention,Torture and other CID treatment", "4", "WEOG"],
    ["Lithuania", "Utopia", "Set up an independent body that visits every place of detention.", "Noted", "4",
     "Detention", "4", "EEG"],
    ["UK", "Azerbaijan", "Train judges on the State\u2019s duties to the child.", "Accepted", "3",
     "Rights of the Child,Justice", "4", "WEOG"],
    ["Bolivarian Republic of Venezuela", "Azerbaijan", "Adopt a law on domestic violence.", "Noted", "2",
     "Women's rights", "4", "GRULAC"],
    ["Azerbaijan", "Azerbaijan", "The Government will present a mid-term report.", "Voluntary Pledge", "3",
     "UPR process", "4", "EEG"],
    ["United Kingdom of Great Britain and Northern Ireland", "Azerbaijan", "Publish prison statistics yearly.",
     "maybe", "9", "Detention", "44", "WEOG"],
]


def _csv_bytes(rows: list[list[str]], encoding: str = "mac_roman", newline: str = "\r") -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue().encode(encoding)


def test_upr_info_export_read_by_what_cells_hold() -> None:
    table = csv_table(_csv_bytes(UPR_INFO_ROWS))
    assert isinstance(choose_layout([table], LAYOUTS), UprInfoLayout)
    result = read(table, state="Azerbaijan")
    recs = result.program.recommendations
    assert result.program.id == "recommendations-azerbaijan"
    assert result.program.country == "AZ"
    assert [r.recommending_states for r in recs] == [
        ("United Kingdom of Great Britain and Northern Ireland",),
        ("Venezuela (Bolivarian Republic of)",),
        (),
        ("United Kingdom of Great Britain and Northern Ireland",),
    ]
    first = recs[0]
    assert first.text == "Train judges on the State\u2019s duties to the child."
    assert (first.position, first.position_text, first.action) == (hrplan.Position.SUPPORTED, "Accepted", 3)
    assert (first.session, first.cycle, first.year) == ("4", "1", 2009)
    assert first.themes == ("Rights of the Child", "Justice")
    assert first.countries == ("Azerbaijan",)
    pledge = recs[2]
    assert pledge.is_pledge
    assert pledge.position is None
    assert pledge.id.startswith("pledge-azerbaijan-s4")
    last = recs[3]
    assert (last.position, last.action, last.session, last.cycle, last.year) == (None, None, "44", "4", 2023)
    codes = {f.code for f in result.findings}
    assert {"REC003", "REC005"} <= codes


def test_two_rows_with_the_same_text_are_two_recommendations() -> None:
    result = read(csv_table(_csv_bytes(UPR_INFO_ROWS)), state="Utopia")
    assert len(result.program.recommendations) == 2
    assert [f.code for f in result.findings if f.code == "REC004"]  # Utopia is no State hrplan knows


def test_findings_scale_one_per_kind_with_a_count() -> None:
    rows = [UPR_INFO_ROWS[0]] + [
        ["France", "Chad", f"Do thing {i}.", ("Perhaps", "Accepted")[i % 2], "3" if i % 10 else "x", "", "9", ""]
        for i in range(1000)
    ]
    result = read(csv_table(_csv_bytes(rows, "utf-8", "\n")))
    by_code = {f.code: f for f in result.findings}
    assert sorted(by_code) == ["REC003", "REC005"]
    assert "500 rows" in by_code["REC003"].message
    assert by_code["REC003"].location == "row 2"
    assert "100 rows (row 2 ('x'), row 12 ('x')" in by_code["REC005"].message


@pytest.mark.parametrize("path", ["sessions-01-05.csv", "sessions-06-09.csv"])
def test_real_upr_info_sessions(shared_dir: Path, path: str) -> None:
    table = csv_table((shared_dir / UPR_INFO / path).read_bytes(), path)
    assert isinstance(choose_layout([table], LAYOUTS), UprInfoLayout)
    result = read(table)
    recs = result.program.recommendations
    assert len(recs) == len(table.rows) - 1
    assert len(result.findings) <= 5
    assert all(r.year is not None and r.cycle == "1" and r.action in range(1, 6) for r in recs)
    azerbaijan = read(table, state="azerbaijan").program
    assert azerbaijan.country == "AZ"
    assert all(r.countries == ("Azerbaijan",) for r in azerbaijan.recommendations)


def test_real_voluntary_pledges_are_kept_apart(shared_dir: Path) -> None:
    table = csv_table((shared_dir / UPR_INFO / "voluntary-pledges.csv").read_bytes())
    recs = read(table).program.recommendations
    assert recs
    assert all(r.is_pledge and not r.recommending_states for r in recs)


def _thematic_rows(sdg_column: bool) -> list[list[str]]:
    header = ["Recommendation", "Position", "Full list of themes", "Assessment"]
    if sdg_column:
        header = ["Text of the recommendation", "Response", "Themes", "Groups of persons", "SDG", "Notes"]
    theme = ["Theme: A1 International instruments"] * len(header)
    first = ("98.1 Ratify the ILO Forced Labour Convention (No. 29) and its Protocol (France) (Lithuania);\n"
             "Source of position: A/HRC/43/15/Add.1 - Para 121")
    second = ("98.2 Strengthen the ombudsman's office (Venezuela (Bolivarian Republic of));\n"
              "Source of position: A/HRC/43/15/Add.1 - Para 122")
    if sdg_column:
        return [header, theme,
                [first, "Supported", "A12 Acceptance of international norms", "- migrants\n- workers",
                 "- 8 - DECENT WORK AND ECONOMIC GROWTH", ""],
                [second, "Noted", "A41 Constitutional and legislative framework", "- general",
                 "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", ""]]
    return [header, theme,
            [first, "Supported", "A12 Acceptance of international norms\nAffected persons:\n- migrants\n- workers\n"
             "SDGs:\n- 8 - DECENT WORK AND ECONOMIC GROWTH", ""],
            [second, "Noted", "A41 Constitutional and legislative framework\nGroups of persons:\n- general\nSDGs:\n"
             "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", ""]]


@pytest.mark.parametrize("sdg_column", [False, True])
def test_thematic_list_with_sdgs_in_the_themes_or_their_own_column(sdg_column: bool) -> None:
    table = Table(_thematic_rows(sdg_column), source="UPR34_Utopia_list.docx", sheet="table 1")
    assert isinstance(choose_layout([table], LAYOUTS), ThematicListLayout)
    result = read(table, state="Azerbaijan")
    first, second = result.program.recommendations
    assert first.text == "Ratify the ILO Forced Labour Convention (No. 29) and its Protocol"
    assert first.recommending_states == ("France", "Lithuania")
    assert (first.symbol, first.paragraph) == ("A/HRC/43/15", "98.1")
    assert first.position_source == "A/HRC/43/15/Add.1 - Para 121"
    assert (first.session, first.cycle, first.year) == ("34", "3", 2019)
    assert first.sdgs == (8,)
    assert first.affected_persons == ("migrants", "workers")
    assert second.recommending_states == ("Venezuela (Bolivarian Republic of)",)
    assert second.position is hrplan.Position.NOTED
    assert second.sdgs == (16,)
    assert first.id == "upr-azerbaijan-2019-98.1"


def test_real_thematic_list_through_load(shared_dir: Path) -> None:
    pytest.importorskip("hrplan_office")
    result = hrplan.load(shared_dir / THEMATIC)
    recs = result.program.recommendations
    assert result.program.id == "recommendations-slovenia"
    assert len(recs) == 163
    assert not result.findings
    assert all(r.symbol == "A/HRC/28/15" and r.session == "20" and r.year == 2014 and r.cycle == "2" for r in recs)
    multi = next(r for r in recs if r.paragraph == "115.16")
    assert multi.recommending_states == ("Belgium", "France", "Tunisia", "Sierra Leone", "Argentina")
    assert all(")" not in r.text[-2:] or "(" in r.text for r in recs)


UHRI_RECORDS = [
    {"Text": "Adopt a comprehensive child protection law.", "Countries Concerned": "- Azerbaijan",
     "Recommending Body": "Committee on the Rights of the Child", "Document Symbol": "CRC/C/AZE/CO/5-6",
     "Paragraph": "12", "Themes": "- Child rights\n- Legislation", "Affected Persons": "- children",
     "Sdgs": "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "Type": "Concluding Observations",
     "OHCHR Annotation Id": "a-1", "Document Publication Date": 44562},
    {"Text": "Ratify the Optional Protocol (France) (Lithuania)", "Countries Concerned": "- Azerbaijan",
     "Recommending Body": "UPR", "Document Symbol": "A/HRC/44/12", "Paragraph": "140.3",
     "UPR Recommending States": "- France\n- Lithuania", "UPR Position": "Supported", "UPR Session": "44",
     "Themes": "- International instruments", "Type": "UPR Recommendation", "OHCHR Annotation Id": "a-2",
     "Document Publication Date": 45300},
    {"Text": "Investigate every allegation of ill-treatment.", "Countries Concerned": "- Chad",
     "Recommending Body": "Special Rapporteur on torture", "Document Symbol": "A/HRC/52/3/Add.1",
     "Paragraph": "88", "Themes": "- Torture", "Type": "Special Procedures", "OHCHR Annotation Id": "a-3",
     "Document Publication Date": "2023-02-01"},
]


def test_uhri_json_through_load_and_the_same_records_from_a_table(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(orjson.dumps(UHRI_RECORDS))
    result = hrplan.load(path, state="Azerbaijan")
    crc, upr = result.program.recommendations
    assert (crc.mechanism, crc.body, crc.symbol, crc.paragraph) == (
        "CRC", "Committee on the Rights of the Child", "CRC/C/AZE/CO/5-6", "12")
    assert crc.published is not None
    assert crc.published.isoformat() == "2022-01-01"
    assert (crc.sdgs, crc.affected_persons, crc.document_type, crc.source_id) == (
        (16,), ("children",), "Concluding Observations", "a-1")
    assert (upr.mechanism, upr.recommending_states, upr.session, upr.cycle, upr.year) == (
        "UPR", ("France", "Lithuania"), "44", "4", 2023)
    header = list(UHRI_RECORDS[1])
    rows = [header, *[[str(r.get(k, "")) for k in header] for r in UHRI_RECORDS]]
    table = Table(rows, source="export.csv")
    assert isinstance(choose_layout([table], LAYOUTS), UhriLayout)
    everything = read(table).program.recommendations
    assert [r.mechanism for r in everything] == ["CRC", "UPR", "SP"]


def test_merging_sources_into_one_program_without_duplicates(tmp_path: Path) -> None:
    thematic = Table(_thematic_rows(False), source="list.docx")
    first = read(thematic, state="Azerbaijan").program
    again = read(thematic, state="Azerbaijan", base=first)
    assert again.program.recommendations == first.recommendations
    assert [f.code for f in again.findings] == ["REC010"]
    path = tmp_path / "uhri.json"
    path.write_bytes(orjson.dumps(UHRI_RECORDS))
    merged = hrplan.load(path, state="Azerbaijan", base=first).program
    assert len(merged.recommendations) == 4
    context = ReadContext(base=merged)
    assert len(UhriLayout().read([Table([list(UHRI_RECORDS[0]), [str(v) for v in UHRI_RECORDS[0].values()]])],
                                 context=context).program.recommendations) == 4


def test_validator_flags_supported_recommendations_without_measures() -> None:
    program = read(Table(_thematic_rows(False)), state="Azerbaijan").program
    findings = [f for f in hrplan.validate(program) if f.code.startswith("REC")]
    assert [(f.code, f.location) for f in findings] == [("REC101", "$.recommendations[0]")]


def test_no_layout_names_the_columns_found() -> None:
    with pytest.raises(hrplan.InputError, match="found: Name \\| Age \\| Town"):
        choose_layout([Table([["Name", "Age", "Town"], ["Ann", "3", "Baku"]], source="odd.csv")], LAYOUTS)


def test_state_groups_and_labelled_cells() -> None:
    split = split_trailing_states("Ratify Convention (No. 29) (Ghana, Chile) (Holy See);")
    assert (split.text, split.states) == ("Ratify Convention (No. 29)", ("Ghana", "Chile", "Holy See"))
    assert split_trailing_states("Join the Protocol (OP-CAT)").states == ()
    assert split_trailing_states("Join the Protocol (OP-CAT)", lenient=True).states == ()
    typo = split_trailing_states("Act now (Phillipines) ;", lenient=True)
    assert (typo.text, typo.states, typo.unknown) == ("Act now", ("Phillipines",), ("Phillipines",))
    assert split_trailing_states("Act now (Phillipines)").states == ()
    cell = split_labelled("B31 Equality\nAffected persons:\n- women\nSDGs:\n- 5 - GENDER EQUALITY\n- 10 - REDUCED")
    assert (cell.themes, cell.persons, cell.sdgs) == (("B31 Equality",), ("women",), (5, 10))


_STATES = ["France", "Chile", "Ghana", "Japan", "Peru", "Norway"]
_words = st.text(alphabet="abcdefghij ", min_size=3, max_size=30).map(lambda s: " ".join(s.split()) or "x")


@settings(max_examples=25)
@given(st.lists(st.tuples(st.sampled_from(_STATES), st.sampled_from(_STATES), _words,
                          st.sampled_from(["Accepted", "Noted", "Voluntary Pledge"]), st.integers(1, 5),
                          st.integers(1, 47)), min_size=1, max_size=30))
def test_generated_upr_info_exports_read_back(rows: list[tuple[str, str, str, str, int, int]]) -> None:
    header = ["To", "Text", "From", "Response", "Action", "Issue", "Session"]
    body = [[to, f"Recommend that {text} be done", frm, resp, str(act), "Justice,Detention", str(ses)]
            for to, frm, text, resp, act, ses in rows]
    recs = read(csv_table(_csv_bytes([header, *body], "mac_roman", "\r"))).program.recommendations
    assert len(recs) == len(rows)
    assert len({r.id for r in recs}) == len(recs)
    for rec, (to, frm, _text, resp, act, ses) in zip(recs, rows, strict=True):
        assert rec.countries == (to,)
        assert rec.action == act
        assert rec.session == str(ses)
        assert rec.is_pledge == (resp == "Voluntary Pledge")
        assert rec.recommending_states == (() if rec.is_pledge else (frm,))
        assert rec.themes == ("Justice", "Detention")


def _upr_info_table(rows: int) -> Table:
    body = [["Chad", f"Do thing {i} now", _STATES[i % 6], "Accepted", "3", "Justice", str(1 + i % 40)]
            for i in range(rows)]
    return csv_table(_csv_bytes([["To", "Text", "From", "Response", "Action", "Issue", "Session"], *body]))


def test_doubling_rows_roughly_doubles_time() -> None:
    assert_linear(lambda table: UprInfoLayout().read([table], context=ReadContext()), _upr_info_table,
                  n=1500, repeat=3, attempts=3)


def test_example_script_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "examples" / "recommendations.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=True)
    assert "implemented by no measure" in done.stdout
    assert "after the Working Group report" in done.stdout
    assert (tmp_path / "slovenia-recommendations.json").is_file()


def test_upr_info_csv_through_load_needs_no_format(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(_csv_bytes(UPR_INFO_ROWS, "mac_roman", "\r"))
    result = hrplan.load(path, state="Azerbaijan")
    assert len(result.program.recommendations) == 4
    assert result.program.recommendations[0].text == "Train judges on the State\u2019s duties to the child."


def test_real_upr_info_through_load(shared_dir: Path) -> None:
    result = hrplan.load(shared_dir / UPR_INFO / "sessions-01-05.csv", state="Azerbaijan")
    recs = result.program.recommendations
    assert len(recs) == 91
    assert all(r.session == "4" and r.year == 2009 for r in recs if not r.is_pledge)


def test_excel_exports_with_title_rows_and_date_serials(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("hrplan_office")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Recommendations database, exported for the ministry"])
    sheet.append([])
    for row in UPR_INFO_ROWS:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    upr_path = tmp_path / "upr-info.xlsx"
    book.save(upr_path)
    recs = hrplan.load(upr_path, state="Azerbaijan").program.recommendations
    assert [r.action for r in recs] == [3, 2, 3, None]
    book = openpyxl.Workbook()
    sheet = book.active
    header = list(UHRI_RECORDS[1])
    sheet.append(header)
    for record in UHRI_RECORDS:
        sheet.append([record.get(k) for k in header])
    uhri_path = tmp_path / "uhri.xlsx"
    book.save(uhri_path)
    crc, upr, sp = hrplan.load(uhri_path).program.recommendations
    assert crc.published is not None
    assert crc.published.isoformat() == "2022-01-01"
    assert upr.published is not None
    assert upr.published.year == 2024
    assert (sp.mechanism, sp.body, sp.countries) == ("SP", "Special Rapporteur on torture", ("Chad",))


def test_imported_programs_round_trip_through_json_and_fit_the_schema(tmp_path: Path) -> None:
    import jsonschema

    from hrplan import jsonio

    path = tmp_path / "uhri.json"
    path.write_bytes(orjson.dumps(UHRI_RECORDS))
    program = hrplan.load(path).program
    program = read(csv_table(_csv_bytes(UPR_INFO_ROWS)), base=program).program
    written = tmp_path / "program.json"
    hrplan.write(program, written)
    validator = jsonschema.Draft202012Validator(jsonio.schema(), format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(orjson.loads(written.read_bytes()))) == []
    assert hrplan.read(written) == program
    kinds = {r.kind for r in program.recommendations}
    assert kinds == {hrplan.RecommendationKind.RECOMMENDATION, hrplan.RecommendationKind.VOLUNTARY_PLEDGE}


_thematic_rows_strategy = st.lists(
    st.tuples(
        _words,
        st.booleans(),
        st.lists(st.sampled_from(_STATES), min_size=1, max_size=3, unique=True),
        st.booleans(),
        st.sampled_from(["Supported", "Noted"]),
        st.lists(st.integers(1, 17), max_size=3, unique=True),
        st.lists(st.sampled_from(["women", "children", "migrants"]), max_size=2, unique=True),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25)
@given(_thematic_rows_strategy, st.booleans())
def test_generated_thematic_lists_read_back(rows: list[tuple], sdg_column: bool) -> None:  # type: ignore[type-arg]
    header = ["Recommendation", "Position", "Themes", *(["SDGs"] if sdg_column else []), "Assessment"]
    table_rows: list[list[str]] = [header, ["Theme: A1 Generated"] * len(header)]
    for n, (text, numbered, states, separate, position, sdgs, persons) in enumerate(rows, start=1):
        body = f"{text} of the Convention (No. {n})" if numbered else text
        groups = " ".join(f"({s})" for s in states) if separate else f"({', '.join(states)})"
        cell = f"120.{n} {body} {groups};\nSource of position: A/HRC/52/9/Add.1 - Para. {n}"
        sdg_lines = "".join(f"\n- {g} - GOAL" for g in sdgs)
        themes = "A1 Generated" + ("\nAffected persons:" + "".join(f"\n- {p}" for p in persons) if persons else "")
        if sdg_column:
            table_rows.append([cell, position, themes, sdg_lines.strip(), ""])
        else:
            table_rows.append([cell, position, themes + (f"\nSDGs:{sdg_lines}" if sdgs else ""), ""])
    recs = read(Table(table_rows, source="generated.docx"), state="Chad").program.recommendations
    assert len(recs) == len(rows)
    for rec, (text, numbered, states, _, position, sdgs, persons) in zip(recs, rows, strict=True):
        assert rec.text == (f"{text} of the Convention (No. {rec.paragraph.split('.')[1]})" if numbered else text)
        assert rec.recommending_states == tuple(states)
        assert rec.position_text == position
        assert rec.sdgs == tuple(sdgs)
        assert rec.affected_persons == tuple(persons)
        assert (rec.symbol, rec.session, rec.year) == ("A/HRC/52/9", "41", 2022)


def test_hrplan_validate_on_the_command_line_flags_unimplemented_recommendations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hrplan.cli import main

    path = tmp_path / "recommendations.json"
    hrplan.write(read(Table(_thematic_rows(False)), state="Azerbaijan").program, path)
    main(["validate", str(path), "--select", "REC"])
    out = capsys.readouterr().out
    assert "REC101" in out
    assert "upr-azerbaijan-2019-98.1" in out


def test_uhri_export_without_upr_columns_keeps_its_states_concerned() -> None:
    header = ["Recommendation", "State", "Body", "Symbol", "Date"]
    rows = [header, ["Adopt a juvenile justice law.", "Chad", "Committee on the Rights of the Child",
                     "CRC/C/TCD/CO/3-5", "2017-11-06"],
            ["Close the detention centres.", "Mali", "Committee against Torture", "CAT/C/MLI/CO/2", "44000"]]
    chad, mali = read(Table(rows, source="uhri.csv")).program.recommendations
    assert (chad.countries, chad.mechanism, chad.recommending_states) == (("Chad",), "CRC", ())
    assert (mali.countries, mali.mechanism, mali.published) == (("Mali",), "CAT", datetime.date(2020, 6, 18))


def test_digits_that_are_not_ascii_do_not_break_recognition() -> None:
    rows = [row[:] for row in UPR_INFO_ROWS]
    rows[1][4] = "\u00b3"  # a superscript three: str.isdigit() says yes, int() says no
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = read(csv_table(_csv_bytes(rows, "utf-8", "\n")))
    assert len(result.program.recommendations) == len(rows) - 1


_CELLS = st.one_of(
    st.sampled_from(["France", "UK", "Accepted", "Noted", "Voluntary Pledge", "3", "44", "A/HRC/28/15", "- a\n- b",
                     "Theme: A1 X", "Source of position: A/HRC/1/2/Add.1 - Para. 3", "120.1 Do it (Chile);", "",
                     "44562", "\u00b3", "(", ")"]),
    st.text(max_size=40),
    st.integers(-5, 50_000),
    st.none(),
)


@settings(max_examples=40)
@given(st.lists(st.lists(_CELLS, max_size=7), max_size=8))
def test_any_table_is_recognised_or_refused_without_a_crash(rows: list[list[object]]) -> None:
    table = Table(rows, source="fuzz.csv")  # type: ignore[arg-type]
    for layout in LAYOUTS:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            if layout.recognise([table]) > 0:
                with contextlib.suppress(hrplan.HrplanError):
                    layout.read([table], context=ReadContext())


def test_a_upr_info_row_repeating_a_thematic_list_recommendation_is_merged_into_it() -> None:
    listed = read(Table(_thematic_rows(False)), state="Azerbaijan").program
    rows = [["To", "Text", "From", "Response", "Action", "Issue", "Session"],
            ["Azerbaijan", "Ratify the ILO Forced Labour Convention (No. 29) and its Protocol", "Lithuania",
             "Accepted", "5", "Labour", "34"],
            ["Azerbaijan", "Something else entirely", "Lithuania", "Accepted", "2", "Labour", "34"]]
    result = read(csv_table(_csv_bytes(rows, "utf-8", "\n")), base=listed)
    recs = result.program.recommendations
    assert len(recs) == 3
    assert recs[0].action == 5
    assert recs[0].recommending_states == ("France", "Lithuania")
    assert recs[0].themes == ("A12 Acceptance of international norms", "Labour")
    assert [f.code for f in result.findings] == ["REC010"]


def _list_without_session(*texts: str) -> Table:
    rows = [["Recommendation", "Position", "Theme"]]
    rows += [[f"121.{i} {text} (Ghana);", "Supported", "Justice"] for i, text in enumerate(texts, 1)]
    return Table(rows, source="list.csv")


def test_two_lists_without_session_keep_their_recommendations_apart() -> None:
    first = read(_list_without_session("Ratify the Optional Protocol.", "Establish a mechanism."), state="Uganda")
    assert [f.code for f in first.findings] == ["REC013"]
    assert first.program.recommendations[0].id == "upr-uganda-x-121.1"
    second = read(_list_without_session("Increase the budget of the commission.", "Establish a mechanism."),
                  state="Uganda", base=first.program)
    recs = second.program.recommendations
    assert [r.id for r in recs] == ["upr-uganda-x-121.1", "upr-uganda-x-121.2", "upr-uganda-x-121.1-2"]
    assert recs[2].text == "Increase the budget of the commission"
    assert recs[0].recommending_states == ("Ghana",)
    assert sorted(f.code for f in second.findings) == ["REC010", "REC013", "REC014"]
