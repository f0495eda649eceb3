"""Built-in plugin ``hrplan.text``: plans as plain text, the way governments publish them.

The importer reads the layout of a plan copied from a PDF or a web page: a title,
a preamble, chapters (``Chapter I ...``, ``Chapter Four``), numbered measures
nested to any depth (``1.2.10.``), rationale paragraphs, labelled parts
(``Implementing institutions:``, ``Time-limit:`` and their variants) and numbered
provisions. It is a pipeline of small steps::

    bytes -> lines -> blocks (_blocks) -> tokens (_tokens) -> draft tree (_tree) -> Program (_assemble)

The exporter (:mod:`._export`) writes the same layout back. ``docs/text-format.md``
describes the layout, the traps survived, the options and the finding codes.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from hrplan.builtins.text_format._assemble import Assembler
from hrplan.builtins.text_format._blocks import blocks, decode
from hrplan.builtins.text_format._export import render
from hrplan.builtins.text_format._options import ReadOptions, choose_registry, default_program_id, read_options
from hrplan.builtins.text_format._patterns import BULLET_CLASS, start_or_none
from hrplan.builtins.text_format._resplit import resplit
from hrplan.builtins.text_format._tokens import Token, tokens
from hrplan.builtins.text_format._tree import Draft, build_draft
from hrplan.context import ReadContext
from hrplan.errors import FormatError, InputError, ModelError, Problem
from hrplan.findings import Finding, Severity
from hrplan.institutions import CODES as NAME_CODES
from hrplan.labels import Labels, Meaning
from hrplan.model import Program, lenient
from hrplan.options import check_names
from hrplan.plugins import ImportResult, hookimpl
from hrplan.timelimits.planned import PlanDates, period_in

__all__ = ["CODES", "TEXT", "TextFormat", "register_exporters", "register_importers"]

#: The codes of the findings the importer reports, ``IN...`` from name resolution included.
CODES: dict[str, str] = {
    "TX001": "a numbered item whose parent (the number one level up) does not come before it: "
    "put at the chapter level",
    "TX002": "a measure with no title, or a provision with no text",
    "TX003": "a time-limit that cannot be read: kept as text (TimeLimit.unparsed)",
    "TX004": "a labelled part (institutions, time-limit, indicator) outside any measure: not kept",
    "TX005": "numbered measures before the first chapter heading: put in a chapter made from their number",
    "TX006": "a second time-limit for one measure: the first is kept",
    "TX007": "the preamble (text between the title and the first chapter): not kept, a program has no field for it",
    "TX008": "no title line before the first chapter or measure: the file name is used",
    "TX009": "a chapter heading with no title",
    "TX010": "no institution registry is installed for the country asked for: every institution is new",
    "TX011": "a label followed by nothing",
    "TX012": "a number used already (in its chapter or an earlier one): the item gets the next free number",
    "TX013": "an activity with no number of its own: numbered in order under its item (info)",
    "TX014": "a paragraph that starts with a label not in the vocabulary: kept as text",
    "TX015": "no measure at all in the file",
    "TX016": "a chapter (or section) with text but no numbered measure",
    "TX017": "a time-limit without a year: the first year of the plan's period (its title), else of adoption (info)",
    **NAME_CODES,
}

_HEAD_CHAPTER = re.compile(r"^Chapter ", re.MULTILINE)
_HEAD_MEASURE = re.compile(rf"^[ \t]*(?:{BULLET_CLASS}[ \t]*)?\d{{1,3}}\.\d{{1,3}}\.", re.MULTILINE)


def _tokens(lines: Iterable[tuple[int, str]], labels: Labels, source: str) -> Iterator[Token]:
    for block in blocks(lines, source):
        yield from tokens(block, labels)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause CPython's cycle collector while a plan is read.

    Reading builds hundreds of thousands of objects and no reference cycles; the
    collector would traverse the growing heap again and again, which makes a
    large import superlinear (10x the measures took 14x the time with it, 8.5x
    without). Reference counting frees everything as usual; the collector's state
    is restored afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _source(fp: BinaryIO) -> str | None:
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) and not name.startswith("<") else None


class TextFormat:
    """Reads and writes action plans as plain text (``docs/text-format.md``)."""

    name = "text"
    extensions = (".txt",)
    media_type = "text/plain"
    description = "Plain text as plans are published: chapters, numbered measures, labelled parts"
    codes = CODES

    def export(self, program: Program, fp: BinaryIO, **options: Any) -> None:
        """Write ``program`` in the layout the importer reads (UTF-8, LF line endings)."""
        check_names("text", options, ())
        fp.write(render(program).encode("utf-8"))

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> ImportResult:
        """Read a plan; what cannot be read becomes findings with their line.

        :param country: ISO code of the country whose institution registry resolves
            names (default: a country named in the title, if a registry is installed).
        :param registry: a :class:`hrplan.institutions.Registry` or Institution objects.
        :param program_id: the program's id (default: a slug of the file name).
        :param encoding: the text encoding (default ``utf-8``; a byte-order mark is dropped).
        :param labels: extra labels for this import: a mapping of label to meaning
            (``{"Focal point": "lead"}``), :class:`hrplan.labels.Label` objects, or
            ``"lead:Focal point,budget:Cost estimate"``.
        :param default_year: the year of time-limits that name none (``Third quarter``;
            default: the first year of a period in the title, ``... Plan 2024-2027``).
        :param adopted: the adoption day (``YYYY-MM-DD``), from which ``within 6 months`` counts.
        :param context: the vocabularies, institution registries and labels to read with
            (default: English alone, no registry, hrplan's own labels).
        :raises InputError: when the text has neither a chapter heading nor a numbered measure.
        """
        settings = read_options(options)
        source = _source(fp)
        lines = decode(fp.read(), settings.encoding, source or "<stream>")
        context = context or ReadContext()
        labels = context.labels.extended(settings.labels) if settings.labels else context.labels
        with _no_cycle_collection():
            draft = build_draft(_tokens(resplit(lines, labels), labels, source or "<stream>"), source)
            if not draft.is_plan:
                problem = Problem("line 1", "not an action plan: no chapter heading ('Chapter I ...') "
                                  "and no numbered measure ('1.1. ...')", "not-a-plan")
                raise InputError(source or "<stream>", [problem])
            return _program(draft, settings, source, context)

    def sniff(self, head: bytes) -> bool:
        """A line starting ``Chapter `` and a line starting with a measure number (``1.1.``);
        or a numbered line (``15.``, ``Objective 2.1:``, ``Pillar 1:``) and a line that
        starts with a label for institutions or a time-limit (``Responsible agencies:``)."""
        text = head.decode("utf-8", errors="replace")
        if _HEAD_CHAPTER.search(text) and _HEAD_MEASURE.search(text):
            return True
        lines = [line.strip() for line in text.splitlines()]
        numbered = any(start_or_none(line) is not None for line in lines if line)
        return numbered and any(_labelled_line(line) for line in lines)


_SNIFF_MEANINGS = frozenset({Meaning.LEAD, Meaning.TIME_LIMIT, Meaning.PARTNER, Meaning.CO_IMPLEMENTER})


def _labelled_line(line: str) -> bool:
    match = next(iter(_DEFAULT_LABELS.find(line)), None)
    return match is not None and match.start <= 2 and match.meaning in _SNIFF_MEANINGS


_DEFAULT_LABELS = Labels.default()


def _front(draft: Draft, source: str | None) -> tuple[str, list[Finding]]:
    """The program's title and the findings about the front matter."""
    paragraphs, lines = draft.front.texts, draft.front.lines
    found = []
    title = paragraphs[0] if paragraphs else ""
    if not title:
        title = default_program_id(source) if source else "Imported plan"
        message = f"no title before the first chapter or measure; titled {title!r}"
        found.append(Finding(Severity.WARNING, "TX008", message, "line 1", source))
    if len(paragraphs) > 1:
        message = f"the preamble ({len(paragraphs) - 1} paragraph(s)) is not kept: a program has no field for it"
        found.append(Finding(Severity.INFO, "TX007", message, f"line {lines[1]}", source))
    return title, found


def _program(draft: Draft, settings: ReadOptions, source: str | None, context: ReadContext) -> ImportResult:
    """The program of a draft, and every finding in line order."""
    title, found = _front(draft, source)
    registry, country, registry_findings = choose_registry(settings, title, source, context.registries)
    # The title's years date time-limits that name none; they are not the program's period, which
    # the text layout does not write (a title naming a year would not read back as written).
    dates = PlanDates(tuple(context.vocabularies), settings.default_year, period_in(title), settings.adopted)
    assembler = Assembler(registry, dates, source)
    chapters, provisions = assembler.chapters(draft)
    program_id = settings.program_id or default_program_id(source)
    try:
        with lenient():
            program = Program(
                program_id,
                title,
                country=country,
                chapters=tuple(chapters),
                provisions=tuple(provisions),
                institutions=assembler.institutions(),
            )
    except ModelError as exc:
        raise FormatError(f"text: cannot build the program: {exc}") from exc
    findings = [*registry_findings, *found, *draft.findings, *assembler.findings]
    if not any(True for _ in program.iter_measures()):
        findings.append(_no_measure(program, source))
    findings.sort(key=lambda f: _line_of(f.location))
    return ImportResult(program, tuple(findings))


def _no_measure(program: Program, source: str | None) -> Finding:
    what = f"{len(program.chapters)} chapter(s) and {len(program.provisions)} provision(s)"
    message = (
        f"no measure read: the file has {what} but no numbered item with labelled parts. Number the measures "
        "(1.1., 15., a), Objective 2.1:) and label their parts (Responsible:, Time-frame:), or pass the labels "
        "the plan uses (-I labels=lead:Focal point); see docs/text-format.md"
    )
    return Finding(Severity.ERROR, "TX015", message, "line 1", source)


def _line_of(location: str) -> int:
    number = location.removeprefix("line ")
    return int(number) if number.isdecimal() else 0


TEXT = TextFormat()


@hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the text exporter."""
    register(TEXT)


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the text importer."""
    register(TEXT)

