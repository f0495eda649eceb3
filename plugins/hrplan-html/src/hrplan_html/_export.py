"""The ``html`` exporter: options, then :func:`~hrplan_html.render` written as UTF-8."""

from __future__ import annotations

from typing import Any, BinaryIO

import hrplan
from hrplan.options import as_date, check_names, days

from hrplan_html._page import render

__all__ = ["OPTIONS", "HtmlExporter"]

#: The options :meth:`HtmlExporter.export` takes.
OPTIONS: tuple[str, ...] = ("as_of", "due_within", "title")


def _title(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise hrplan.FormatError(f"html: option 'title' must be text, got {value!r}")


class HtmlExporter:
    """Writes a self-contained HTML status report: figures, timeline, tables, overdue measures."""

    name: str = "html"
    extensions: tuple[str, ...] = (".html", ".htm")
    media_type: str = "text/html"
    description: str = "HTML status report: headline figures, timeline, tables by chapter and institution"

    def render(self, program: hrplan.Program, **options: Any) -> str:
        """The report as a string (options as for :meth:`export`); every option is checked first."""
        check_names("html", options, OPTIONS)
        as_of = as_date("html", "as_of", options.get("as_of"))
        due_within = days("html", "due_within", options.get("due_within", 30))
        title = _title(options.get("title"))
        return render(program, as_of, due_within=due_within, title=title)

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the report as one UTF-8 HTML5 file.

        :param as_of: the day statuses are judged on: a date or ``YYYY-MM-DD`` (default today).
        :param due_within: days before its end a measure is "due soon" (default 30).
        :param title: the page's heading (default the program's title).
        :raises hrplan.FormatError: for an unknown option or a bad value; nothing is written then.
        """
        fp.write(self.render(program, **options).encode("utf-8"))
