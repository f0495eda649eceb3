"""Container-neutral tables, table layouts and the read context."""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hrplan
from hrplan.context import ReadContext
from hrplan.plugins import ImportResult, PluginManager
from hrplan.tables import Table, choose_layout, column_letter, read_tables


class _Layout:
    description = "test layout"

    def __init__(self, name: str, score: float, program: hrplan.Program | None = None) -> None:
        self.name = name
        self.score = score
        self.program = program

    def recognise(self, tables: Sequence[Table]) -> float:
        return self.score

    def read(self, tables: Sequence[Table], *, context: ReadContext, **options: Any) -> ImportResult:
        assert self.program is not None
        return ImportResult(self.program)


class _Broken(_Layout):
    def recognise(self, tables: Sequence[Table]) -> float:
        raise RuntimeError("boom")


@given(st.integers(min_value=0, max_value=20_000))
def test_column_letters_are_bijective_base_26(index: int) -> None:
    letters = column_letter(index)
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - ord("A") + 1
    assert value - 1 == index


def test_column_letter_examples() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_cells_read_as_text_and_locations_use_the_containers_words() -> None:
    sheet = Table((("No.", None), (3.0, datetime.date(2024, 5, 1))), source="plan.xlsx", sheet="Plan", spreadsheet=True)
    assert sheet.text(1, 0) == "3"
    assert sheet.text(1, 1) == "2024-05-01"
    assert sheet.text(0, 1) == "" == sheet.text(0, 9)
    assert sheet.location(1, 1) == "sheet 'Plan', row 2, column B"
    word = Table((("a",),), sheet="table 2", first_row=1)
    assert word.location(0, 0) == "table 2, row 1, column 1"
    assert Table(()).width == 0


def test_the_most_certain_layout_wins_and_ties_go_to_the_first() -> None:
    general, specific, other = _Layout("general", 0.3), _Layout("specific", 0.9), _Layout("other", 0.9)
    assert choose_layout([Table((("x",),))], [general, specific, other]) is specific
    assert choose_layout([Table((("x",),))], [general, specific], "general") is general


def test_the_context_goes_to_the_layouts_that_take_it() -> None:
    seen: list[object] = []

    class Aware(_Layout):
        def recognise(self, tables: Sequence[Table], *, context: ReadContext | None = None) -> float:
            seen.append(context)
            return 0.5

    context = ReadContext()
    table = [Table((("x",),))]
    on_instance = SimpleNamespace(name="ns", description="d", recognise=lambda tables: 0.9, read=None)
    assert choose_layout(table, [Aware("aware", 0), on_instance], context=context) is on_instance  # type: ignore[list-item]
    assert choose_layout(table, [_Layout("old", 0.2), Aware("aware", 0)], context=context).name == "aware"
    assert seen == [context, context]


def test_a_layout_that_raises_is_skipped_with_a_warning() -> None:
    fallback = _Layout("fallback", 0.1)
    with pytest.warns(UserWarning, match="broken"):
        assert choose_layout([Table((("x",),))], [_Broken("broken", 1.0), fallback]) is fallback


def test_no_fitting_layout_names_the_columns_found_and_the_layouts_known() -> None:
    table = Table(((None, None), ("Country", "Text")), source="odd.csv")
    with pytest.raises(hrplan.InputError) as caught:
        choose_layout([table], [_Layout("plan-table", 0.0)])
    message = str(caught.value)
    assert "odd.csv" in message
    assert "plan-table (test layout)" in message
    assert "row 2: found: Country | Text" in message


def test_unknown_layout_name_and_empty_input_are_errors() -> None:
    with pytest.raises(hrplan.FormatError, match="no table layout called 'nope'"):
        choose_layout([Table((("x",),))], [_Layout("a", 1.0)], "nope")
    with pytest.raises(hrplan.InputError, match="no table with any row"):
        read_tables([Table((), source="empty.csv")], context=ReadContext())


def test_read_tables_reads_with_the_chosen_layout() -> None:
    program = hrplan.Program(id="p", title="P")
    context = ReadContext(table_layouts=[_Layout("a", 0.5, program)])
    assert read_tables([Table((("x",),))], context=context).program == program


def test_context_defaults_and_evolve() -> None:
    context = ReadContext(registries={"az": []})
    assert list(context.registries) == ["AZ"]
    assert "English only" in repr(context)
    base = hrplan.Program(id="p", title="P")
    assert context.evolve(base=base).base is base


class _ContextImporter:
    name = "ctx-probe"
    extensions = (".ctxprobe",)
    description = "records the context it is given"
    seen: ClassVar[list[ReadContext | None]] = []

    def read(self, fp: Any, *, context: ReadContext | None = None, **options: Any) -> hrplan.Program:
        self.seen.append(context)
        return hrplan.Program(id="p", title="P")


class _ContextPlugin:
    @hrplan.hookimpl
    def register_importers(self, register: Any) -> None:
        register(_ContextImporter())


def test_load_passes_a_context_to_importers_that_name_it() -> None:
    manager = PluginManager(load_entry_points=False)
    manager.register(_ContextPlugin(), "ctx-probe")
    hrplan.plugins.reset_manager(manager)
    try:
        _ContextImporter.seen.clear()
        hrplan.load(io.BytesIO(b"x"), "ctx-probe")
        mine = ReadContext()
        hrplan.load(io.BytesIO(b"x"), "ctx-probe", context=mine)
    finally:
        hrplan.plugins.reset_manager()
    assert isinstance(_ContextImporter.seen[0], ReadContext)
    assert _ContextImporter.seen[1] is mine
