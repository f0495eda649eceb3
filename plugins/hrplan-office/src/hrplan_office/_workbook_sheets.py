"""The sheets of an hrplan workbook: their names, columns, cell types and rows.

The measures, institutions and events sheets hold exactly the rows of the CSV
format's tables (:func:`hrplan.table_rows`), with typed cells. The other sheets
hold the model's other collections field by field, as hrplan's converter
(:mod:`hrplan.convert`) unstructures them, so that reading them back goes
through the same converter.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

import attrs
import hrplan
from hrplan.cells import join, split
from hrplan.convert import make_converter

__all__ = [
    "CONVERTER",
    "MARKER",
    "PROGRAM_SHEET",
    "SHEETS",
    "Column",
    "Sheet",
    "cell_value",
    "json_value",
    "program_rows",
    "sheet_rows",
]

#: The value of the ``format`` field on the ``hrplan`` sheet: what says a workbook is an hrplan workbook.
MARKER = "hrplan-workbook"
#: The version of the workbook layout.
FORMAT_VERSION = 1
#: The sheet holding the program's own fields (and the marker).
PROGRAM_SHEET = "hrplan"

CONVERTER = make_converter()

#: Cell kinds: ``text``, ``int``, ``date``, ``list`` (values joined with `` | ``), ``ints`` (numbers joined).
KINDS = ("text", "int", "date", "list", "ints")


@attrs.frozen
class Column:
    """One column of a sheet.

    :ivar name: its header.
    :ivar kind: how its cells are typed (:data:`KINDS`).
    :ivar path: where its value sits in the converter's data (``("dates", "start")``);
        empty for a column that is derived (a status) and not read back.
    """

    name: str
    kind: str = "text"
    at: tuple[str, ...] | None = None

    @property
    def path(self) -> tuple[str, ...]:
        """Where the value sits: ``at``, else the column's name."""
        return (self.name,) if self.at is None else self.at

    @property
    def derived(self) -> bool:
        """Whether the column is computed (a status) and not read back."""
        return self.at == ()


@attrs.frozen
class Sheet:
    """A sheet: its name, columns and what it holds."""

    name: str
    columns: tuple[Column, ...]
    description: str

    @property
    def header(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)


def _derived(name: str, kind: str = "text") -> Column:
    return Column(name, kind, ())


def _text(*names: str) -> tuple[Column, ...]:
    return tuple(Column(n) for n in names)


def _kind(type_: Any) -> str | None:
    """The cell kind of a model field's type; ``None`` for a nested object (not flattened generically)."""
    if typing.get_origin(type_) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(type_) if a is not type(None)]
        type_ = inner[0] if len(inner) == 1 else str
    if typing.get_origin(type_) is tuple:
        return "ints" if typing.get_args(type_)[:1] == (int,) else "list"
    if type_ is int:
        return "int"
    if type_ is date:
        return "date"
    return None if attrs.has(type_) else "text"


def _model_sheet(name: str, cls: type[Any], columns: tuple[Column, ...], description: str,
                 skip: tuple[str, ...] = ()) -> Sheet:  # fmt: skip
    """A sheet of ``columns``, then one column for every other field of ``cls`` (new fields are carried too)."""
    named = {c.path[0] for c in columns} | set(skip) | {"line"}
    extra = []
    for field in attrs.fields(attrs.resolve_types(cls)):
        kind = _kind(field.type)
        if field.name not in named and kind is not None:
            extra.append(Column(field.name, kind))
    return Sheet(name, (*columns, *extra), description)


MEASURES = Sheet(
    "measures",
    (
        *_text("id", "parent"), Column("chapter", "int"), *_text("chapter_label", "chapter_title", "title",
        "description", "institutions"), _derived("institution_names"), *_text("roles", "time_limit", "kind",
        "precision"), Column("start", "date"), Column("end", "date"), Column("window"), _derived("edtf"),
        _derived("status"), *_text("themes", "target_groups", "treaties", "sdgs", "indicators",
        "expected_results", "funding", "budget"),
    ),
    "one row per measure, depth-first (the CSV measures table); status as of the as_of day",
)
INSTITUTIONS = Sheet(
    "institutions",
    (*_text("id", "name", "kind", "short_name"), Column("aliases", "list"), Column("parent")),
    "the institution registry (the CSV institutions table)",
)
IMPLEMENTERS = Sheet(
    "implementers",
    (_derived("measure"), _derived("chapter", "int"), _derived("institution"), _derived("institution_name"),
     _derived("role"), _derived("position", "int")),
    "one row per measure and implementing institution (a view of the measures sheet, not read back)",
)
EVENTS = Sheet(
    "events",
    (
        *_text("id", "title", "kind"), Column("start", "date", ("dates", "start")),
        Column("end", "date", ("dates", "end")), Column("organiser"), Column("participants", "list"),
        Column("audiences", "list"), Column("participant_count", "int"), Column("location"),
        Column("remote_participants", "list"), Column("measures", "list"), Column("recommendations", "list"),
        *_text("campaign", "source_url", "notes"),
    ),
    "events that implement measures (the CSV events table)",
)
CHAPTERS = _model_sheet(
    "chapters",
    hrplan.Chapter,
    (Column("number", "int"), *_text("label", "title", "intro")),
    "the chapters, in document order",
    skip=("measures",),
)
PROVISIONS = _model_sheet(
    "provisions",
    hrplan.Provision,
    (Column("id"), Column("chapter", "int"), Column("text")),
    "numbered clauses that are not measures",
)
CAMPAIGNS = _model_sheet(
    "campaigns",
    hrplan.Campaign,
    (
        *_text("id", "title"), Column("window_start", "text", ("window", "start")),
        Column("window_end", "text", ("window", "end")), *_text("purpose", "organiser"),
        Column("measures", "list"), Column("first_year", "int"), Column("last_year", "int"),
    ),
    "campaigns repeated every year in a window (--MM-DD)",
)
RECOMMENDATIONS = _model_sheet(
    "recommendations",
    hrplan.Recommendation,
    (
        *_text("id", "mechanism", "text", "cycle", "session"), Column("year", "int"), *_text("symbol", "paragraph"),
        Column("recommending_states", "list"), Column("position"), Column("themes", "list"),
        Column("sdgs", "ints"), Column("affected_persons", "list"),
    ),
    "recommendations of UN mechanisms",
    skip=("measures",),  # on the recommendation_links sheet
)
LINKS = Sheet(
    "recommendation_links",
    (Column("recommendation"), Column("measure"), _derived("measure_title"), _derived("status")),
    "which measures implement each recommendation, in its order; status as of the as_of day",
)
PROGRESS = _model_sheet(
    "progress",
    hrplan.ProgressUpdate,
    (Column("measure"), Column("date", "date"), Column("progress"), Column("note"), Column("evidence", "list"),
     Column("reported_by")),
    "dated progress updates on measures",
)

#: Every sheet but the program's own, in the order a workbook holds them.
SHEETS: tuple[Sheet, ...] = (
    MEASURES, CHAPTERS, INSTITUTIONS, IMPLEMENTERS, EVENTS, RECOMMENDATIONS, LINKS, PROGRESS, PROVISIONS, CAMPAIGNS,
)  # fmt: skip

#: Sheets written only when the program has something to put in them.
OPTIONAL = frozenset({"provisions", "campaigns"})


def cell_value(kind: str, value: Any) -> Any:
    """A value of the converter's data (or a CSV cell) as a typed cell value."""
    if value is None or value == "" or value == []:
        return None
    if kind == "int":
        return int(value)
    if kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(value)
    if kind in ("list", "ints") and isinstance(value, list | tuple):
        return join([str(v) for v in value])
    return str(value)


def json_value(kind: str, value: Any) -> Any:
    """A cell read from a sheet as the converter's data; ``None`` for an empty cell.

    :raises ValueError: when the cell does not hold a value of its kind.
    """
    if value is None or value == "":
        return None
    if kind == "int":
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(f"expected a whole number, got {value!r}")
        return int(value)
    if kind == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        return date.fromisoformat(str(value).strip()).isoformat()
    text = value if isinstance(value, str) else _number_text(value)
    if kind == "list":
        return split(text)
    if kind == "ints":
        return [int(v) for v in split(text)]
    return text


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _typed(sheet: Sheet, rows: Iterator[tuple[str, ...]]) -> Iterator[tuple[Any, ...]]:
    next(rows)  # the header: the sheet's own
    kinds = [c.kind for c in sheet.columns]
    for row in rows:
        yield tuple(cell_value(kind, cell) for kind, cell in zip(kinds, row, strict=True))


def _dig(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _records(sheet: Sheet, objects: Sequence[Any], **extra: Any) -> Iterator[tuple[Any, ...]]:
    for obj in objects:
        data = CONVERTER.unstructure(obj)
        data.update(extra)
        yield tuple(cell_value(c.kind, _dig(data, c.path)) for c in sheet.columns)


def _implementers(program: hrplan.Program) -> Iterator[tuple[Any, ...]]:
    names = {key: i.name for key, i in program.institutions.items()}
    for chapter in program.chapters:
        for measure in chapter.iter_measures():
            for position, implementer in enumerate(measure.implementers, 1):
                key = implementer.institution
                yield str(measure.id), chapter.number, key, names.get(key), implementer.role.value, position


def _links(program: hrplan.Program, as_of: date) -> Iterator[tuple[Any, ...]]:
    for rec in program.recommendations:
        for number in rec.measures:
            measure = program.find_measure(number)
            if measure is None:
                yield rec.id, str(number), None, None
            else:
                yield rec.id, str(number), measure.title, hrplan.status(measure, as_of, program=program).value


def sheet_rows(sheet: Sheet, program: hrplan.Program, as_of: date) -> Iterator[tuple[Any, ...]]:
    """The data rows of ``sheet`` for ``program`` (without the header), as typed cell values."""
    name = sheet.name
    if name in ("measures", "institutions", "events"):
        return _typed(sheet, hrplan.table_rows(program, name, as_of=as_of, sanitize=False))
    if name == "implementers":
        return _implementers(program)
    if name == "recommendation_links":
        return _links(program, as_of)
    objects: dict[str, Sequence[Any]] = {
        "chapters": program.chapters, "recommendations": program.recommendations, "progress": program.progress,
        "provisions": program.provisions, "campaigns": program.campaigns,
    }  # fmt: skip
    return _records(sheet, objects[name])


#: The fields of the ``hrplan`` sheet after ``format`` and ``format_version``, with their kinds.
PROGRAM_FIELDS: tuple[Column, ...] = (
    Column("id"), Column("title"), Column("country"),
    Column("adoption.date", "date", ("adoption", "date")),
    Column("adoption.instrument", "text", ("adoption", "instrument")),
    Column("adoption.number", "text", ("adoption", "number")),
    Column("period.text", "text", ("period", "text")), Column("period.kind", "text", ("period", "kind")),
    Column("period.precision", "text", ("period", "precision")),
    Column("period.start", "date", ("period", "start")), Column("period.end", "date", ("period", "end")),
    Column("period.window_start", "text", ("period", "window", "start")),
    Column("period.window_end", "text", ("period", "window", "end")),
    Column("language"), Column("source"),
)  # fmt: skip


def program_rows(program: hrplan.Program, as_of: date) -> list[tuple[Any, ...]]:
    """The rows of the ``hrplan`` sheet: field, value (the marker first, then the program's fields)."""
    data = CONVERTER.unstructure(attrs.evolve(program, chapters=(), provisions=(), institutions={}, events=(),
                                              campaigns=(), recommendations=(), progress=()))  # fmt: skip
    data.setdefault("language", program.language)
    rows: list[tuple[Any, ...]] = [("field", "value"), ("format", MARKER), ("format_version", FORMAT_VERSION)]
    rows += [(c.name, cell_value(c.kind, _dig(data, c.path))) for c in PROGRAM_FIELDS]
    rows.append(("as_of", as_of))
    return rows
