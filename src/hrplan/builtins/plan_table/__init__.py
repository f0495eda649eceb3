"""Built-in plugin ``hrplan.plan-table``: a plan laid out as a table, in any container.

The table layout ``plan-table`` reads the tables a container importer (CSV,
Excel, Word) hands it: one row per activity, columns found by their headers
with the label vocabulary (``No.``, ``Issue``, ``Activity``, ``Responsible
agencies``, ``Partners``, ``Time-frame (2019-2022)``, ``Indicators``,
``Expected result``, ``Budget``, ``Source of funding``...) or named by the
``columns`` option. ``docs/tables.md`` describes the layout, the options and
the ``TB`` finding codes::

    bytes -> Table (container) -> header row (_columns) -> activities (_rows) -> Program (_build)
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

import attrs

from hrplan.builtins.plan_table._build import Builder, Settings
from hrplan.builtins.plan_table._columns import FIELDS, ColumnMap, Header, find_header, header_score, parse_columns
from hrplan.builtins.plan_table._rows import read_grid
from hrplan.context import ReadContext
from hrplan.errors import FormatError, ModelError
from hrplan.findings import Finding, Severity
from hrplan.institutions import CODES as NAME_CODES
from hrplan.institutions import Registry
from hrplan.labels import Labels, normalise
from hrplan.model import Program, lenient
from hrplan.model._institution import check_slug
from hrplan.options import as_date, as_year, check_names
from hrplan.plugins import ImportResult, hookimpl
from hrplan.tables import Table
from hrplan.timelimits.planned import period_in

__all__ = ["CODES", "FIELDS", "PLAN_TABLE", "PlanTableLayout", "register_table_layouts"]

#: The codes of the findings the layout reports, ``IN...`` from name resolution included.
CODES: dict[str, str] = {
    "TB001": "a column whose title is not a plan column: its cells are kept in the description",
    "TB002": "a table with no header row naming the activity (or issue) column: skipped",
    "TB003": "a row with text that belongs to no activity: skipped",
    "TB004": "a time-limit that cannot be read: kept as text (TimeLimit.unparsed)",
    "TB005": "an activity with no number, or a number that is used twice or is not a number: a number assigned",
    "TB006": "several activities of one numbered group: sub-measures numbered in order (numbers assigned)",
    "TB007": "a time-limit that names no year: the year of the plan's period (or adoption) taken",
    "TB008": "a table (or the whole input) with no measure row",
    "TB009": "text above the header row: the first line titles the program, the rest is not kept",
    "TB010": "a column named in the option 'columns' that no table has",
    "TB011": "no institution registry is installed for the country asked for: every institution is new",
    "TB012": "a length of time counted from the adoption ('within 6 months') with no adoption date known",
    "TB013": "rows that repeat the header row (a header on every page): skipped",
    "TB014": "rows that hold only a page mark ('Page 2 of 3'): skipped",
    **NAME_CODES,
}

_OPTIONS = ("adopted", "columns", "country", "default_year", "labels", "program_id", "title")


@attrs.frozen
class _Options:
    columns: ColumnMap
    country: str | None
    program_id: str | None
    title: str | None
    default_year: int | None
    adopted: datetime.date | None
    labels: Labels


def _text(name: str, value: object) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value.strip() if value else None
    raise FormatError(f"plan-table: option {name!r} must be a non-empty string, got {value!r}")


def _options(options: Mapping[str, Any], context: ReadContext) -> _Options:
    check_names("plan-table", options, _OPTIONS)
    adopted = options.get("adopted")
    if adopted is None and context.base is not None and context.base.adoption is not None:
        adopted = context.base.adoption.date
    program_id = _text("program_id", options.get("program_id"))
    if program_id is not None:
        try:
            check_slug(program_id, "program id")
        except ModelError as exc:
            raise FormatError(f"plan-table: option 'program_id': {exc}") from None
    country = _text("country", options.get("country"))
    labels = context.labels
    if options.get("labels") is not None:
        try:
            labels = labels.extended(options["labels"])
        except ValueError as exc:
            raise FormatError(f"plan-table: option 'labels': {exc}") from None
    return _Options(
        columns=parse_columns(options.get("columns")),
        country=country.upper() if country else None,
        program_id=program_id,
        title=_text("title", options.get("title")),
        default_year=as_year("plan-table", "default_year", options.get("default_year")),
        adopted=None if adopted is None else as_date("plan-table", "adopted", adopted),
        labels=labels,
    )


def _slug(source: str) -> str:
    stem = PurePath(source).stem.lower() if source and not source.startswith("<") else ""
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in stem).split()) or "imported"


class PlanTableLayout:
    """Reads a plan laid out as a table: one row per activity (``docs/tables.md``)."""

    name = "plan-table"
    description = "a plan as a table: a row per activity, columns found by their headers (No., Activity, ...)"
    codes = CODES

    def recognise(self, tables: Sequence[Table], *, context: ReadContext | None = None) -> float:
        """0.1 per kind of column the best header row names (in the context's labels, those
        plugins register included; else hrplan's own), at most 0.5 (a general layout)."""
        return min(0.5, 0.1 * header_score(tables, context.labels if context is not None else Labels.default()))

    def read(self, tables: Sequence[Table], *, context: ReadContext, **options: Any) -> ImportResult:
        """Read the tables into one program; what cannot be read becomes findings.

        :param columns: column titles by field, overriding the headers' labels:
            ``{"title": "Activities", "lead": "Responsible agencies"}`` or the
            string ``"title:Activities,lead:Responsible agencies"``.
        :param country: ISO code of the institution registry that resolves names.
        :param program_id: the program's id (default: from the file name).
        :param title: the program's title (default: the text above the header row, else the file name).
        :param default_year: the year of time-limits that name none (``Third quarter``).
        :param adopted: the adoption day (``YYYY-MM-DD``), from which ``within 6 months`` counts.
        :param labels: extra labels for this import (``"partner:Focal points"``), added to
            the context's vocabulary (``hrplan.labels``).
        :raises FormatError: for an unknown option or a bad value.
        """
        settings = _options(options, context)
        findings: list[Finding] = []
        registry = self._registry(settings.country, context, findings, tables)
        labels = settings.labels
        headers = [find_header(table, labels, settings.columns) for table in tables]
        title = settings.title or self._title(tables, headers) or PurePath(tables[0].source or "plan").stem
        base = Settings(labels, tuple(context.vocabularies), settings.default_year, settings.adopted,
                        period_in(title))  # fmt: skip
        builder = Builder(base, registry)
        for table, header in zip(tables, headers, strict=True):
            self._table(builder, table, header, title if len(tables) == 1 else table.sheet or title)
        findings += builder.findings
        findings += self._missing_columns(settings.columns, headers, tables)
        if not any(chapter.measures for chapter in builder.chapters):
            source = next((t.source for t in tables if t.source), None)
            message = "no measure was read: no table has a row with an activity under a header row"
            findings.append(Finding(Severity.ERROR, "TB008", message, "", source))
        source = next((t.source for t in tables if t.source), "")
        with lenient():
            program = Program(settings.program_id or _slug(source), title, country=settings.country,
                              period=base.period, chapters=tuple(builder.chapters),
                              institutions=builder.institutions(), source=source or None)  # fmt: skip
        return ImportResult(program, tuple(findings))

    @staticmethod
    def _registry(country: str | None, context: ReadContext, findings: list[Finding],
                  tables: Sequence[Table]) -> Registry:  # fmt: skip
        if country is None:
            return Registry(())
        if country in context.registries:
            return Registry(context.registries[country], country)
        source = next((t.source for t in tables if t.source), None)
        message = f"no institution registry is installed for country {country}: every institution is new"
        findings.append(Finding(Severity.WARNING, "TB011", message, "", source))
        return Registry((), country)

    @staticmethod
    def _title(tables: Sequence[Table], headers: Sequence[Header | None]) -> str | None:
        for table, header in zip(tables, headers, strict=True):
            if header is None:
                continue
            for index, line in table.leading_rows(header.row):
                if index < header.row:
                    return " ".join(dict.fromkeys(line.split(" | ")))
        return None

    @staticmethod
    def _table(builder: Builder, table: Table, header: Header | None, title: str) -> None:
        builder.start(table)
        if header is None:
            shown = "; ".join(line for _, line in table.leading_rows()) or "nothing"
            message = (f"no header row names the activity or issue column (found: {shown}); the table is "
                       "skipped (name its columns with the option 'columns')")
            builder.finding(Severity.WARNING, "TB002", message)
            return
        above = [(i, line) for i, line in table.leading_rows(header.row) if i < header.row]
        if len(above) > 1:
            kept = " / ".join(line for _, line in above[1:])
            builder.finding(Severity.INFO, "TB009", f"text above the header row is not kept: {kept}", above[1][0])
        for column in header.columns:
            if column.meaning is None:
                builder.finding(Severity.INFO, "TB001", f"column {column.title!r} is not a plan column: its "
                                "cells are kept in the description", header.row, column.index)  # fmt: skip
        grid = read_grid(table, header)
        if grid.repeated_headers:
            builder.finding(Severity.INFO, "TB013", f"{len(grid.repeated_headers)} row(s) repeat the header and "
                            "are skipped", grid.repeated_headers[0])  # fmt: skip
        if grid.page_marks:
            builder.finding(Severity.INFO, "TB014", f"{len(grid.page_marks)} row(s) hold only a page mark "
                            "('Page 2 of 3') and are skipped", grid.page_marks[0])  # fmt: skip
        for row in grid.unreadable:
            builder.finding(Severity.WARNING, "TB003", "a row with text but no activity, number or issue, "
                            "below no activity: skipped", row)  # fmt: skip
        count = builder.add_table(table, header, grid.entries, title)
        if not count:
            builder.finding(Severity.WARNING, "TB008", "the table has a header row but no activity row")

    @staticmethod
    def _missing_columns(columns: ColumnMap, headers: Sequence[Header | None],
                         tables: Sequence[Table]) -> list[Finding]:  # fmt: skip
        present = {normalise(c.title) for h in headers if h is not None for c in h.columns}
        source = next((t.source for t in tables if t.source), None)
        return [Finding(Severity.WARNING, "TB010", f"the option 'columns' names a column {title!r} "
                        f"({meaning.value}) that no table has", "", source)
                for key, (title, meaning) in columns.items() if key not in present]  # fmt: skip


PLAN_TABLE = PlanTableLayout()


@hookimpl
def register_table_layouts(register: Callable[[Any], None]) -> None:
    """Register the plan-table layout."""
    register(PLAN_TABLE)

