"""The xlsx exporter and the workbook reader, checked by opening the files with openpyxl."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import hrplan
import openpyxl
import pytest
from hrplan.testing import programs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrplan_office._xml_text import escape_text, unescape_text

ROOT = Path(__file__).resolve().parents[3]
AS_OF = date(2013, 1, 1)


@pytest.fixture(scope="module")
def az() -> hrplan.Program:
    return hrplan.read(ROOT / "examples" / "data" / "az-2012.json")


def _small() -> hrplan.Program:
    measures = (
        hrplan.Measure("2.10", "=HYPERLINK(\"x\")", implementers=(hrplan.Implementer("moj"),),
                       time_limit=hrplan.parse_time_limit("March-April 2012")),
        hrplan.Measure("2.1", "Train _x0041_ judges\ufffe", time_limit=hrplan.parse_time_limit("2014")),
    )  # fmt: skip
    return hrplan.Program(
        "demo", "Demo", chapters=(hrplan.Chapter(2, "Courts", "II", measures=measures),),
        institutions=[hrplan.Institution("moj", "Ministry of Justice", hrplan.InstitutionKind.MINISTRY)],
        events=(hrplan.Event("ev-1", "Training", hrplan.EventKind.TRAINING, hrplan.DateSpan(date(2012, 3, 1)),
                             participant_count=40, measures=("2.10",)),),
        progress=(hrplan.ProgressUpdate("2.1", date(2012, 5, 1), hrplan.Progress.COMPLETED, note="done"),),
    )  # fmt: skip


def _write(program: hrplan.Program, **options: object) -> bytes:
    buffer = io.BytesIO()
    hrplan.export(program, buffer, format="xlsx", as_of=options.pop("as_of", AS_OF), **options)
    return buffer.getvalue()


def _read(data: bytes) -> hrplan.ImportResult:
    return hrplan.load(io.BytesIO(data), format="xlsx")


def test_cells_are_typed() -> None:
    book = openpyxl.load_workbook(io.BytesIO(_write(_small())))
    measures = book["measures"]
    header = [c.value for c in measures[1]]
    first = {h: c for h, c in zip(header, measures[2], strict=True)}
    assert (first["id"].value, first["id"].data_type, first["id"].number_format) == ("2.10", "s", "@")
    assert (first["title"].value, first["title"].data_type) == ('=HYPERLINK("x")', "s")  # text, not a formula
    assert (first["chapter"].value, first["chapter"].data_type) == (2, "n")
    assert (first["start"].value, first["start"].is_date) == (datetime(2012, 3, 1), True)
    assert first["status"].value == "overdue"
    events = book["events"]
    row = {h.value: c.value for h, c in zip(events[1], events[2], strict=True)}
    assert (row["participant_count"], row["start"]) == (40, datetime(2012, 3, 1))
    assert book["progress"]["B2"].is_date


def test_every_sheet_has_a_frozen_filtered_header(az: hrplan.Program) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_write(az)))
    assert book.sheetnames == ["measures", "chapters", "institutions", "implementers", "events", "recommendations",
                               "recommendation_links", "progress", "provisions", "hrplan"]  # fmt: skip
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.b
        assert ws.column_dimensions["A"].width >= 4
    rules = book["measures"].conditional_formatting
    assert {r.formula[0] for cf in rules for r in cf.rules} >= {'$R2="overdue"', '$R2="completed"'}


def test_the_workbook_carries_its_marker(az: hrplan.Program) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_write(az)))
    fields = dict(book["hrplan"].iter_rows(min_row=2, values_only=True))
    assert (fields["format"], fields["id"]) == ("hrplan-workbook", "az-2012")
    assert fields["as_of"] == datetime(2013, 1, 1)
    assert [p.name for p in book.custom_doc_props] == ["hrplan-workbook"]


def test_same_program_same_bytes(az: hrplan.Program) -> None:
    first, second = _write(az), _write(az)
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert b"2000-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_round_trip_of_the_2012_program(az: hrplan.Program) -> None:
    result = _read(_write(az))
    assert result.findings == ()
    assert result.program == az


def test_round_trip_keeps_text_that_looks_like_numbers_and_escapes() -> None:
    program = _small()
    result = _read(_write(program))
    assert result.program == program
    assert [str(m.id) for m in result.program.iter_measures()] == ["2.10", "2.1"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_round_trip_property(program: hrplan.Program) -> None:
    result = _read(_write(program))
    assert result.findings == ()
    assert result.program == program


@given(st.text())
def test_xml_escapes_round_trip(text: str) -> None:
    assert unescape_text(escape_text(text)) == text


def test_load_chooses_the_workbook_reader_by_content(tmp_path: Path, az: hrplan.Program) -> None:
    target = tmp_path / "plan.xlsx"
    hrplan.export(az, target, as_of=AS_OF)
    assert hrplan.read(target) == az
    unnamed = io.BytesIO(target.read_bytes())
    assert hrplan.read(unnamed) == az  # sniffed: no file name


def test_damaged_cells_are_reported_with_sheet_row_and_column(az: hrplan.Program) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_write(az)))
    book["events"].title = "old events"
    ws = book["progress"]
    ws["B2"] = "soon"  # not a date
    measures = book["measures"]
    measures["A3"] = 1.2  # a measure number typed as a number
    buffer = io.BytesIO()
    book.save(buffer)
    result = _read(buffer.getvalue())
    by_code = {f.code: f for f in result.findings}
    assert "no sheet 'events'" in by_code["XLSX001"].message
    assert by_code["XLSX003"].location == "sheet 'progress', row 2, column B"
    assert by_code["XLSX006"].location == "sheet 'measures', row 3"
    assert result.program.find_measure("1.2") is not None


def test_not_a_workbook_is_an_input_error() -> None:
    with pytest.raises(hrplan.InputError, match="not an Excel workbook"):  # the container says so
        _read(b"PK\x03\x04 not really a zip")


def test_another_workbook_names_the_layouts_known() -> None:
    book = openpyxl.Workbook()
    book.active.append(["Colour", "Shape"])  # no layout knows these headers
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(hrplan.InputError, match="hrplan-workbook"):
        hrplan.load(io.BytesIO(buffer.getvalue()), format="xlsx")


def test_unknown_option_is_refused(az: hrplan.Program) -> None:
    with pytest.raises(hrplan.FormatError, match="as_of"):
        _write(az, sheets="all")


def test_tables_shared_with_csv_have_the_csv_rows(az: hrplan.Program) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_write(az)), read_only=True)
    for table in ("measures", "institutions", "events"):
        expected = list(hrplan.table_rows(az, table, as_of=AS_OF, sanitize=False))
        shown = [
            tuple("" if v is None else v.date().isoformat() if isinstance(v, datetime) else str(v) for v in row)
            for row in book[table].iter_rows(values_only=True)
        ]
        assert shown == expected


def test_control_characters_round_trip() -> None:
    program = hrplan.Program("odd", "Plan \ufffe of \x01 2012 & <more>", source="_x0041_\x1f")
    assert _read(_write(program)).program == program


def test_columns_may_be_moved_and_extra_ones_are_ignored(az: hrplan.Program) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_write(az)))
    for ws in book.worksheets:
        if ws.title != "hrplan":
            ws.insert_cols(1)  # every column moves one to the right...
            ws["A1"] = "note"  # ...behind a column hrplan does not know
            if ws.max_row > 1:
                ws["A2"] = 3.5
    buffer = io.BytesIO()
    book.save(buffer)
    result = _read(buffer.getvalue())
    assert result.findings == ()
    assert result.program == az


def test_a_missing_column_is_named(az: hrplan.Program) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_write(az)))
    book["measures"]["B1"] = "comment"  # 'parent' is gone: sub-measures go to the top level
    buffer = io.BytesIO()
    book.save(buffer)
    result = _read(buffer.getvalue())
    assert [f.code for f in result.findings] == ["XLSX002"]
    assert result.findings[0].message == "sheet 'measures' has no column 'parent': left empty"
    assert result.program.find_measure("1.2.1") is not None
