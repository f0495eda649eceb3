"""Reading an hrplan workbook back: the ``hrplan-workbook`` table layout.

The workbook's sheets reach this layout as :class:`hrplan.tables.Table` objects
(from the ``xlsx`` container importer). It recognises them by the ``hrplan``
sheet whose ``format`` field is ``hrplan-workbook``, rebuilds each row as the
data hrplan's converter reads, and reports what it cannot read with the sheet,
row and column.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import hrplan
from hrplan.cells import split
from hrplan.context import ReadContext
from hrplan.convert import problems_from
from hrplan.options import check_names
from hrplan.tables import Table

from hrplan_office._workbook_sheets import (
    CAMPAIGNS,
    CHAPTERS,
    CONVERTER,
    EVENTS,
    FORMAT_VERSION,
    INSTITUTIONS,
    LINKS,
    MARKER,
    MEASURES,
    PROGRAM_FIELDS,
    PROGRAM_SHEET,
    PROGRESS,
    PROVISIONS,
    RECOMMENDATIONS,
    Sheet,
    json_value,
)
from hrplan_office._xml_text import unescape_text

__all__ = ["WORKBOOK_CODES", "WORKBOOK_LAYOUT", "WorkbookLayout"]

#: The codes of the findings the workbook reader reports.
WORKBOOK_CODES: dict[str, str] = {
    "XLSX001": "a sheet of the workbook is missing (what it holds is not read)",
    "XLSX002": "a column of a sheet is missing (that field is left empty)",
    "XLSX003": "a cell cannot be read as its column's type (left empty)",
    "XLSX004": "a row cannot be read (skipped)",
    "XLSX005": "a measure's parent or chapter is not in the workbook (put at the top level / chapter made)",
    "XLSX006": "a measure number is stored as a number, not text (2.10 may have become 2.1)",
    "XLSX007": "a reference does not resolve (kept; hrplan validate reports it too)",
}

_OPTIONS = ("program_id", "title")


def _finding(code: str, message: str, where: str, source: str, severity: str = "warning") -> hrplan.Finding:
    return hrplan.Finding(hrplan.Severity(severity), code, message, where, source or None)


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _raw(table: Table, row: int, column: int) -> Any:
    value = table.value(row, column)
    return unescape_text(value) if isinstance(value, str) else value


class _Reader:
    """Reads the tables of one workbook; collects findings as it goes."""

    def __init__(self, tables: Sequence[Table]) -> None:
        self.tables = {t.sheet: t for t in tables if t.sheet}
        self.source = next((t.source for t in tables if t.source), "")
        self.findings: list[hrplan.Finding] = []
        self._headers: dict[int, list[str]] = {}

    def note(self, code: str, message: str, where: str = "", severity: str = "warning") -> None:
        self.findings.append(_finding(code, message, where, self.source, severity))

    def records(self, sheet: Sheet, required: bool = True) -> Iterator[tuple[Table, int, dict[str, Any]]]:
        """Each data row of ``sheet`` as the converter's data, with its table and 0-based row."""
        table = self.tables.get(sheet.name)
        if table is None:
            if required:
                self.note("XLSX001", f"no sheet {sheet.name!r} ({sheet.description}): nothing of it is read")
            return
        header = self.header(table)
        positions: list[tuple[int, Any]] = []
        for column in sheet.columns:
            if column.derived:
                continue
            if column.name not in header:
                self.note("XLSX002", f"sheet {sheet.name!r} has no column {column.name!r}: left empty",
                          table.location(0))  # fmt: skip
                continue
            positions.append((header.index(column.name), column))
        for row in range(1, len(table.rows)):
            if all(v is None or v == "" for v in table.rows[row]):
                continue
            data: dict[str, Any] = {}
            for index, column in positions:
                try:
                    value = json_value(column.kind, _raw(table, row, index))
                except ValueError as exc:
                    self.note("XLSX003", f"{column.name}: {exc}", table.location(row, index))
                    continue
                if value is not None and value != []:
                    _set(data, column.path, value)
            yield table, row, data

    def header(self, table: Table) -> list[str]:
        """The column names of ``table`` (its first row)."""
        key = id(table)
        if key not in self._headers:
            self._headers[key] = [table.text(0, c) for c in range(table.width)] if table.rows else []
        return self._headers[key]

    def structure(self, table: Table, row: int, data: dict[str, Any], cls: type[Any]) -> Any:
        """``data`` as a ``cls``, or ``None`` with a finding naming the row."""
        try:
            return CONVERTER.structure(data, cls)
        except Exception as exc:  # a cattrs error group: turned into a message below
            messages = "; ".join(f"{p.message} ({p.location.removeprefix('$.')})" for p in problems_from(exc))
            self.note("XLSX004", f"{cls.__name__} not read: {messages}", table.location(row))
            return None

    def objects(self, sheet: Sheet, cls: type[Any], required: bool = True) -> list[Any]:
        """Every readable row of ``sheet`` as a ``cls``."""
        found = (self.structure(t, r, d, cls) for t, r, d in self.records(sheet, required))
        return [obj for obj in found if obj is not None]


def _measure_data(data: dict[str, Any]) -> dict[str, Any]:
    """A measures-sheet row (CSV columns) as the converter's data for one measure."""
    measure: dict[str, Any] = {k: data[k] for k in ("id", "title", "description") if k in data}
    ids = split(data.get("institutions", ""))
    roles = split(data.get("roles", "")) or ["lead"] * len(ids)
    if len(roles) != len(ids):
        raise ValueError(f"{len(ids)} institution(s) but {len(roles)} role(s)")
    measure["implementers"] = [{"institution": i, "role": r} for i, r in zip(ids, roles, strict=True)]
    limit: dict[str, Any] = {k: data[k] for k in ("kind", "precision", "start", "end") if k in data}
    if "window" in data:
        start, _, end = data["window"].partition("/")
        limit["window"] = {"start": start, "end": end}
    if "time_limit" in data:
        limit["text"] = data["time_limit"]
    if limit:
        measure["time_limit"] = limit
    tags: dict[str, Any] = {k: split(data[k]) for k in ("themes", "target_groups", "treaties") if k in data}
    if "sdgs" in data:
        tags["sdgs"] = [int(n) for n in split(data["sdgs"])]
    measure["tags"] = tags
    measure["indicators"] = split(data.get("indicators", ""))
    measure["expected_results"] = split(data.get("expected_results", ""))
    measure.update({k: data[k] for k in ("funding", "budget") if data.get(k)})
    return measure


class _Measures:
    """The measure tree and chapters rebuilt from the measures and chapters sheets."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.measures: dict[str, hrplan.Measure] = {}
        self.children: dict[str, list[str]] = {}
        self.top: dict[int, list[str]] = {}
        self.heads: dict[int, dict[str, Any]] = {}

    def read(self) -> tuple[hrplan.Chapter, ...]:
        reader = self.reader
        for table, row, data in reader.records(MEASURES):
            self.add(table, row, data)
        self.orphans()
        chapters = {c.number: c for c in reader.objects(CHAPTERS, hrplan.Chapter)}
        for number in self.top:
            if number not in chapters:
                head = self.heads.get(number, {})
                reader.note("XLSX005", f"chapter {number} is not on the chapters sheet: made from the measures sheet")
                chapters[number] = hrplan.Chapter(number, head.get("chapter_title", ""),
                                                  head.get("chapter_label", str(number)))  # fmt: skip
        return tuple(
            attrs.evolve(chapter, measures=tuple(self.tree(m) for m in self.top.get(number, [])))
            for number, chapter in chapters.items()
        )

    def add(self, table: Table, row: int, data: dict[str, Any]) -> None:
        reader = self.reader
        if "id" not in data:
            if "chapter" in data:
                self.heads.setdefault(data["chapter"], data)
            return
        id_cell = table.value(row, reader.header(table).index("id"))
        if not isinstance(id_cell, str):
            reader.note("XLSX006", f"measure number {data['id']!r} is a number in the sheet; store it as text",
                        table.location(row))  # fmt: skip
        try:
            shaped = _measure_data(data)
        except ValueError as exc:
            reader.note("XLSX004", f"measure not read: {exc}", table.location(row))
            return
        measure = reader.structure(table, row, shaped, hrplan.Measure)
        if measure is None:
            return
        key = str(measure.id)
        if key in self.measures:
            reader.note("XLSX004", f"measure {key} appears twice: the second row is skipped", table.location(row))
            return
        self.measures[key] = attrs.evolve(measure, line=table.first_row + row)
        parent = data.get("parent")
        if parent is not None:
            self.children.setdefault(parent, []).append(key)
        else:
            chapter = data.get("chapter", measure.id.parts[0])
            self.heads.setdefault(chapter, data)
            self.top.setdefault(chapter, []).append(key)

    def tree(self, key: str) -> hrplan.Measure:
        measure = self.measures[key]
        kids = tuple(self.tree(k) for k in self.children.get(key, ()) if k in self.measures)
        return attrs.evolve(measure, children=kids) if kids else measure

    def orphans(self) -> None:
        """Sub-measures whose parent is not in the sheet go to the top level of their chapter."""
        for parent, kids in self.children.items():
            if parent not in self.measures:
                for key in kids:
                    number = self.measures[key].id.parts[0]
                    self.reader.note("XLSX005", f"measure {key}: its parent {parent} is not in the workbook; "
                                     "put at the top level")  # fmt: skip
                    self.top.setdefault(number, []).append(key)



def _program_fields(reader: _Reader) -> dict[str, Any]:
    """The ``hrplan`` sheet as the converter's data for the program's own fields."""
    table = reader.tables.get(PROGRAM_SHEET)
    data: dict[str, Any] = {}
    if table is None:
        return data
    kinds = {c.name: c for c in PROGRAM_FIELDS}
    for row in range(1, len(table.rows)):
        column = kinds.get(table.text(row, 0))
        if column is None:
            continue
        try:
            value = json_value(column.kind, _raw(table, row, 1))
        except ValueError as exc:
            reader.note("XLSX003", f"{column.name}: {exc}", table.location(row, 1))
            continue
        if value is not None:
            _set(data, column.path, value)
    return data


def _part(reader: _Reader, data: dict[str, Any], key: str, cls: type[Any]) -> Any:
    if key not in data:
        return None
    try:
        return CONVERTER.structure(data[key], cls)
    except Exception as exc:  # a cattrs error: reported, the field left empty
        message = "; ".join(p.message for p in problems_from(exc))
        reader.note("XLSX003", f"{key} not read: {message}", f"sheet {PROGRAM_SHEET!r}")
        return None


def _version(tables: Sequence[Table]) -> Any:
    """The ``format_version`` of an hrplan workbook's ``hrplan`` sheet, or ``None`` for another workbook."""
    for table in tables:
        if table.sheet != PROGRAM_SHEET:
            continue
        fields = {table.text(r, 0): table.value(r, 1) for r in range(len(table.rows))}
        if fields.get("format") == MARKER:
            return fields.get("format_version")
    return None


class WorkbookLayout:
    """Reads the workbook the ``xlsx`` exporter writes back into the program it holds."""

    name = "hrplan-workbook"
    description = "an hrplan workbook (the xlsx exporter's sheets, marked by its 'hrplan' sheet)"
    codes = WORKBOOK_CODES

    def recognise(self, tables: Sequence[Table]) -> float:
        """Certain (1.0) when an ``hrplan`` sheet says ``format: hrplan-workbook``; else 0."""
        return 1.0 if _version(tables) is not None else 0.0

    def read(
        self, tables: Sequence[Table], *, context: ReadContext | None = None, **options: Any
    ) -> hrplan.ImportResult:
        """Read the program, with a finding for each sheet, row or cell that could not be read.

        :param program_id: the program's id when the workbook gives none.
        :param title: the program's title when the workbook gives none.
        """
        check_names(self.name, options, _OPTIONS)
        reader = _Reader(tables)
        version = _version(tables)
        if isinstance(version, int | float) and version > FORMAT_VERSION:
            reader.note("XLSX001", f"workbook format version {version} is newer than this reader's "
                        f"({FORMAT_VERSION}): sheets or columns it does not know are ignored")  # fmt: skip
        fields = _program_fields(reader)
        chapters = _Measures(reader).read()
        links: dict[str, list[str]] = {}
        for _table, _row, data in reader.records(LINKS):
            if "recommendation" in data and "measure" in data:
                links.setdefault(data["recommendation"], []).append(data["measure"])
        recommendations = [
            rec for table, row, data in reader.records(RECOMMENDATIONS)
            if (rec := reader.structure(table, row, {**data, "measures": links.get(data.get("id", ""), [])},
                                        hrplan.Recommendation)) is not None
        ]  # fmt: skip
        parts = {
            "country": fields.get("country"), "source": fields.get("source"),
            "adoption": _part(reader, fields, "adoption", hrplan.Adoption),
            "period": _part(reader, fields, "period", hrplan.TimeLimit),
            "language": fields.get("language", "en"),
            "chapters": chapters,
            "provisions": tuple(reader.objects(PROVISIONS, hrplan.Provision, required=False)),
            "institutions": reader.objects(INSTITUTIONS, hrplan.Institution),
            "events": tuple(reader.objects(EVENTS, hrplan.Event)),
            "campaigns": tuple(reader.objects(CAMPAIGNS, hrplan.Campaign, required=False)),
            "recommendations": tuple(recommendations),
            "progress": tuple(reader.objects(PROGRESS, hrplan.ProgressUpdate)),
        }  # fmt: skip
        program_id = str(fields.get("id") or options.get("program_id") or "imported")
        title = str(fields.get("title") or options.get("title") or "Imported program")
        try:
            with hrplan.lenient():
                program = hrplan.Program(program_id, title, **parts)
        except (hrplan.HrplanError, ValueError, TypeError) as exc:
            raise hrplan.InputError(reader.source or "<workbook>", [hrplan.Problem(f"sheet {PROGRAM_SHEET!r}",
                                    f"cannot build the program: {exc}")]) from None  # fmt: skip
        for problem in program.broken_references():
            reader.note("XLSX007", problem.message, problem.location)
        return hrplan.ImportResult(program, tuple(reader.findings))


#: The layout the plugin registers.
WORKBOOK_LAYOUT = WorkbookLayout()
