"""The ``html`` exporter: options, then :func:`~hrplan_html.render` written as UTF-8."""

from __future__ import annotations

from typing import Any, BinaryIO

import hrplan
from hrplan.options import as_date, check_names, choice, days

from hrplan_html._page import render

__all__ = ["OPTIONS", "HtmlExporter"]

#: The options :meth:`HtmlExporter.export` takes.
OPTIONS: tuple[str, ...] = ("as_of", "compact", "due_within", "organisation", "title")
_COMPACT = {"auto": None, "true": True, "yes": True, "1": True, "on": True,
            "false": False, "no": False, "0": False, "off": False}  # fmt: skip


def _text(name: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise hrplan.FormatError(f"html: option {name!r} must be text, got {value!r}")


def _compact(value: object) -> bool | None:
    """``auto`` (``None``: by size), or true/false."""
    if value is None or isinstance(value, bool):
        return value
    word = choice("html", "compact", value.strip().lower() if isinstance(value, str) else value, tuple(_COMPACT))
    return _COMPACT[word]


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
        title = _text("title", options.get("title"))
        organisation = _text("organisation", options.get("organisation"))
        compact = _compact(options.get("compact"))
        return render(program, as_of, due_within=due_within, title=title, organisation=organisation, compact=compact)

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the report as one UTF-8 HTML5 file.

        :param as_of: the day statuses are judged on: a date or ``YYYY-MM-DD`` (default today).
        :param due_within: days before its end a measure is "due soon" (default 30).
        :param title: the page's heading (default the program's title).
        :param organisation: the issuing body: named above the heading, in the footer and at the top
            of every printed page.
        :param compact: ``auto`` (default: compact above 300 measures), ``true`` or ``false``. A
            compact report draws one timeline bar per chapter and folds the tables by chapter.
        :raises hrplan.FormatError: for an unknown option or a bad value; nothing is written then.
        """
        fp.write(self.render(program, **options).encode("utf-8"))
