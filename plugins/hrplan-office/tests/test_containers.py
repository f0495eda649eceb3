"""The xlsx and docx containers: Office files as tables, handed to the layout that fits."""

from __future__ import annotations

import contextlib
import datetime
import io
import re
import time
import warnings
import zipfile
from collections.abc import Sequence
from typing import Any, ClassVar

import docx
import hrplan
import openpyxl
import pytest
from hrplan.context import ReadContext
from hrplan.plugins import ImportResult
from hrplan.tables import Table

from hrplan_office import DocxImporter, XlsxImporter, document_tables, workbook_tables


class _Recorder:
    """A layout that accepts anything and keeps the tables it was given."""

    name = "recorder"
    description = "keeps what it reads"
    seen: ClassVar[list[Sequence[Table]]] = []

    def recognise(self, tables: Sequence[Table]) -> float:
        return 1.0

    def read(self, tables: Sequence[Table], *, context: ReadContext, **options: Any) -> ImportResult:
        self.seen.append(tables)
        return ImportResult(hrplan.Program(id="p", title=str(options.get("title", "read"))))


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Plan"
    sheet["A1"] = "National plan, annex"
    sheet.append([])
    sheet.append(["Notes: figures are indicative"])
    sheet.append(["No.", "Issue", "Activity", "Deadline"])
    sheet.append([1, "Detention", "Audit places of detention", datetime.datetime(2025, 3, 31)])
    sheet.append([None, None, "Train staff", "2025-2026"])
    sheet.merge_cells("A5:A6")
    sheet.merge_cells("B5:B6")
    book.create_sheet("Empty")
    other = book.create_sheet("Second")
    other.append(["Activity"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _document() -> bytes:
    document = docx.Document()
    document.add_paragraph("Annex")
    table = document.add_table(rows=3, cols=3)
    for row, values in enumerate([("No.", "Activity", "Lead"), ("1", "Open offices", "Ministry of Justice")]):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    table.cell(2, 1).text = "Hire lawyers"
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = "inner"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_each_sheet_is_a_table_with_merged_cells_filled_and_dates_as_dates() -> None:
    tables = workbook_tables(_workbook(), "plan.xlsx")
    assert [t.sheet for t in tables] == ["Plan", "Second"]
    plan = tables[0]
    assert plan.rows[4] == (1, "Detention", "Audit places of detention", datetime.date(2025, 3, 31))
    assert plan.rows[5] == (1, "Detention", "Train staff", "2025-2026")
    assert plan.location(5, 2) == "sheet 'Plan', row 6, column C"
    assert plan.rows[1] == ()


def test_each_word_table_is_a_table_with_merged_cells_repeated_and_nested_tables_after() -> None:
    tables = document_tables(_document(), "plan.docx")
    assert [t.sheet for t in tables] == ["table 1", "table 2"]
    assert tables[0].rows[2] == ("1", "Hire lawyers", "Ministry of Justice")
    assert tables[0].location(2, 1) == "table 1, row 3, column 2"
    assert tables[1].rows == (("inner",),)


@pytest.mark.parametrize(("importer", "data"), [(XlsxImporter(), _workbook()), (DocxImporter(), _document())])
def test_containers_sniff_their_own_package_and_hand_tables_to_the_layout(importer: Any, data: bytes) -> None:
    other = _document() if importer.name == "xlsx" else _workbook()
    assert importer.sniff(data[:4096])
    assert not importer.sniff(other[:4096])
    assert not importer.sniff(b"No.,Activity\n")
    stream = io.BytesIO(data)
    stream.name = f"plan.{importer.name}"
    result = importer.read(stream, context=ReadContext(table_layouts=[_Recorder()]), title="from options")
    assert result.program.title == "from options"
    assert _Recorder.seen[-1][0].source == stream.name


def test_hrplan_load_chooses_the_container_by_extension_and_by_content(tmp_path: Any) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(_workbook())
    with pytest.raises(hrplan.InputError, match=re.escape("row 4: found: No. | Issue | Activity | Deadline")):
        hrplan.load(path, context=ReadContext())
    with pytest.raises(hrplan.FormatError, match="no table layout called 'nope'"):
        hrplan.load(path, layout="nope")
    nameless = io.BytesIO(_document())
    result = hrplan.load(nameless, context=ReadContext(table_layouts=[_Recorder()]))
    assert result.program.title == "read"


@pytest.mark.parametrize("importer", [XlsxImporter(), DocxImporter()])
@pytest.mark.parametrize("data", [b"", b"PK\x03\x04xl/word/ broken", b"not a zip at all"])
def test_a_damaged_file_is_an_input_error_naming_it(importer: Any, data: bytes) -> None:
    stream = io.BytesIO(data)
    stream.name = "broken.bin"
    with pytest.raises(hrplan.InputError, match=r"broken\.bin"):
        importer.read(stream, context=ReadContext(table_layouts=[_Recorder()]))


def test_a_column_map_chooses_the_plan_table_layout() -> None:
    data = _workbook()
    stream = io.BytesIO(data)
    stream.name = "plan.xlsx"
    result = hrplan.load(stream, columns="title:Activity")
    assert [m.title for m in result.program.iter_measures()][-2:] == ["Audit places of detention", "Train staff"]


def test_superscript_digits_in_cells_do_not_break_recognising() -> None:
    stream = io.BytesIO(_workbook_with(["Text", "Session", "Response"], ["Do X", "³", "Accepted"]))
    stream.name = "odd.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with contextlib.suppress(hrplan.InputError):
            hrplan.load(stream)


def _workbook_with(*rows: list[Any]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with_merge(data: bytes, ref: str) -> bytes:
    """``data`` with a merged range written into its first sheet's XML (openpyxl would make every cell)."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in source.namelist():
            part = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = part.replace(b"</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/>'
                                    "</mergeCells>".encode())  # fmt: skip
            package.writestr(name, part)
    return out.getvalue()


def _plan_with_a_value_in_the_last_cell() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No.", "Activity", "Responsible agencies", "Deadline"])
    sheet.append([1, "Train judges", "Ministry of Justice", "2025"])
    sheet["XFD1048576"] = "stray"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_only_the_cells_a_sheet_holds_are_read() -> None:
    # one value in the last cell made openpyxl's rectangle 17 billion cells
    tables = workbook_tables(_plan_with_a_value_in_the_last_cell(), "plan.xlsx")
    assert [(t.first_row, len(t.rows)) for t in tables] == [(1, 2), (1_048_576, 1)]
    assert tables[1].location(0, 16_383) == "sheet 'Sheet', row 1048576, column XFD"
    result = hrplan.load(io.BytesIO(_plan_with_a_value_in_the_last_cell()), format="xlsx")
    assert [m.title for m in result.program.iter_measures()] == ["Train judges"]


@pytest.mark.parametrize("ref", ["A1:XFD1048576", "B2:B1048576"])
def test_a_merged_range_over_the_whole_sheet_is_read_in_time(ref: str) -> None:
    # openpyxl makes an object per merged cell in full mode: such a workbook is streamed instead
    start = time.perf_counter()
    tables = workbook_tables(_with_merge(_plan_with_a_value_in_the_last_cell(), ref), "plan.xlsx")
    assert time.perf_counter() - start < 10
    assert tables[0].rows[1][1] == "Train judges"
