"""Built-in plugin ``hrplan.markdown``: a program as a readable Markdown document.

The document has the program's title, adoption and period, a table counting
the measures per status (as of the option ``as_of``, default today), then one
section per chapter with a table of its measures (number, title, implementing
institutions by name, time-limit, status), and the provisions. Text taken from
the plan is escaped, so a ``|`` cannot break a table and ``<script>`` shows as
text. See ``docs/formats.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, BinaryIO

from hrplan.deadlines import Status, status
from hrplan.model import Chapter, Measure, MeasureId, Program, Role
from hrplan.options import as_date, check_names
from hrplan.plugins import hookimpl
from hrplan.timelimits import TimeLimit

__all__ = ["MarkdownFormat", "escape", "register_exporters"]

#: Characters escaped with a backslash wherever they appear in plan text.
_INLINE = re.compile(r"([\\`*_\[\]<>|#~&])")
#: Line starts that would open a block: a bullet, a rule or a setext underline, an ordered list
#: (headings, quotes and the other markers are escaped everywhere by ``_INLINE``).
_BLOCK_START = re.compile(r"^(\s*)([-+=])|^(\s*\d+)([.)])")
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n)\s*")
_NBSP = "\u00a0"
_OPTIONS = ("as_of",)


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text, on one line.

    >>> escape("<script>a|b</script>")
    '\\\\<script\\\\>a\\\\|b\\\\</script\\\\>'
    """
    flat = _NEWLINES.sub(" ", text)
    return _BLOCK_START.sub(_block, _INLINE.sub(r"\\\1", flat))


def _block(match: re.Match[str]) -> str:
    lead, mark = (match[1], match[2]) if match[2] else (match[3], match[4])
    return f"{lead}\\{mark}"


def _paragraphs(text: str) -> list[str]:
    """Each paragraph (separated by blank lines) of ``text``, escaped, on one line."""
    return [escape(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _details(measure: Measure) -> list[tuple[str, str]]:
    """The expected results, funding and budget of a measure, those it has, as (label, text)."""
    shown = []
    if measure.expected_results:
        shown.append(("Expected results", "; ".join(measure.expected_results)))
    if measure.funding is not None:
        shown.append(("Funding", measure.funding))
    if measure.budget is not None:
        shown.append(("Budget", measure.budget))
    return shown


def _time_limit(limit: TimeLimit | None) -> str:
    if limit is None:
        return "—"
    return escape(limit.text or str(limit))


class _Document:
    """The lines of the document for one program."""

    def __init__(self, program: Program, as_of: date) -> None:
        self.program = program
        self.as_of = as_of
        self.statuses: dict[MeasureId, Status] = {}
        for measure in program.iter_measures():
            self.statuses.setdefault(measure.id, status(measure, as_of, program=program))

    def lines(self) -> Iterator[str]:
        program = self.program
        yield f"# {escape(program.title)}"
        yield ""
        yield from self.facts()
        yield ""
        yield from self.summary()
        for chapter in program.chapters:
            yield ""
            yield from self.chapter(chapter)
        if program.provisions:
            yield ""
            yield "## Provisions"
            yield ""
            for provision in program.provisions:
                yield f"- **{provision.id}** {escape(provision.text)}"

    def facts(self) -> Iterator[str]:
        program = self.program
        if program.country:
            yield f"- **Country:** {escape(program.country)}"
        if program.adoption is not None:
            adoption = program.adoption
            number = f" No. {escape(adoption.number)}" if adoption.number else ""
            yield f"- **Adopted:** {adoption.date.isoformat()} by {escape(adoption.instrument)}{number}"
        if program.period is not None:
            yield f"- **Period:** {_time_limit(program.period)}"
        yield f"- **Measures:** {len(self.statuses)}"
        yield f"- **Status as of:** {self.as_of.isoformat()}"

    def summary(self) -> Iterator[str]:
        counts = dict.fromkeys(Status, 0)
        for value in self.statuses.values():
            counts[value] += 1
        yield "## Status summary"
        yield ""
        yield "| Status | Measures |"
        yield "| --- | ---: |"
        for value, count in counts.items():
            yield f"| {value.value} | {count} |"
        yield f"| **total** | **{len(self.statuses)}** |"

    def chapter(self, chapter: Chapter) -> Iterator[str]:
        label, title = escape(chapter.label), escape(chapter.title)
        yield f"## {label}. {title}" if label else f"## {title}"
        if chapter.intro:
            for paragraph in _paragraphs(chapter.intro):
                yield ""
                yield paragraph
        yield ""
        if not chapter.measures:
            yield "*No measures.*"
            return
        yield "| No. | Measure | Institutions | Time-limit | Status |"
        yield "| --- | --- | --- | --- | --- |"
        stack = [(m, 0) for m in reversed(chapter.measures)]
        while stack:
            measure, depth = stack.pop()
            yield self.row(measure, depth)
            stack.extend((c, depth + 1) for c in reversed(measure.children))

    def row(self, measure: Measure, depth: int) -> str:
        indent = (_NBSP * 2 * (depth - 1) + "↳ ") if depth else ""
        status = self.statuses.get(measure.id)
        cells = (
            f"{indent}{measure.id}",
            escape(measure.title) + "".join(f" · *{label}:* {escape(value)}" for label, value in _details(measure)),
            self.institutions(measure) or "—",
            _time_limit(measure.time_limit),
            status.value if status is not None else "—",
        )
        return f"| {' | '.join(cells)} |"

    def institutions(self, measure: Measure) -> str:
        names = []
        for implementer in measure.implementers:
            known = self.program.institutions.get(implementer.institution)
            name = escape(known.name if known is not None else implementer.institution)
            if implementer.role is not Role.LEAD:
                name += f" ({implementer.role.value})"
            names.append(name)
        return "; ".join(names)


class MarkdownFormat:
    """Writes a program as a Markdown document for people to read (no importer)."""

    name = "markdown"
    extensions = (".md", ".markdown")
    media_type = "text/markdown"
    description = "Markdown document: status summary and a table of measures per chapter"

    def render(self, program: Program, **options: Any) -> str:
        """The document as text (options as for :meth:`export`)."""
        check_names("markdown", options, _OPTIONS)
        as_of = as_date("markdown", "as_of", options.get("as_of"))
        return "\n".join(_Document(program, as_of).lines()) + "\n"

    def export(self, program: Program, fp: BinaryIO, **options: Any) -> None:
        """Write ``program`` as UTF-8 Markdown.

        :param as_of: the day statuses are judged on (a date or ISO string; default today).
        """
        fp.write(self.render(program, **options).encode("utf-8"))


MARKDOWN = MarkdownFormat()


@hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the Markdown exporter."""
    register(MARKDOWN)
