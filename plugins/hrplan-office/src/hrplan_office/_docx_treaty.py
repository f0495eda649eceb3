"""The CRC periodic report and the NPM annual report skeletons as Word documents.

The text is the Markdown the ``crc-report`` and ``npm-annual`` exporters of
hrplan-treaty-reports write, with the same options: this module renders that
Markdown (headings, paragraphs, numbered paragraphs, lists, tables, bold and
italic) into Word, and ends the document with the word count of each part
(:func:`hrplan_treaty_reports.word_count`, as the UN counts words).
"""

from __future__ import annotations

import io
import re
from typing import Any, BinaryIO, Protocol

import hrplan
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.text.paragraph import Paragraph
from hrplan_treaty_reports import CrcReportExporter, NpmAnnualExporter, word_count

from hrplan_office._docx_common import add_table, document, document_bytes, heading, new_row, styled, text

__all__ = ["CrcReportDocxExporter", "NpmAnnualDocxExporter", "markdown_document", "parts"]

_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_NUMBERED = re.compile(r"^(\d{1,9})\. (.*)$")
_RULE = re.compile(r"^(-{3,}|\|[\s:|-]+\|)$")


class _Exporter(Protocol):
    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None: ...


def _inline(paragraph: Paragraph, markdown: str) -> None:
    """Runs for ``**bold**``, ``_italic_`` and backslash escapes (the Markdown the treaty reports use)."""
    bold = italic = False
    current: list[str] = []

    def flush() -> None:
        if current:
            run = paragraph.add_run(text("".join(current)))
            run.bold, run.italic = bold or None, italic or None
            current.clear()

    index = 0
    while index < len(markdown):
        char = markdown[index]
        if char == "\\" and index + 1 < len(markdown):
            current.append(markdown[index + 1])
            index += 2
            continue
        if markdown.startswith("**", index):
            flush()
            bold = not bold
            index += 2
            continue
        if char == "_":
            flush()
            italic = not italic
        else:
            current.append(char)
        index += 1
    flush()


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def _table(doc: Document, lines: list[str]) -> None:
    rows = [_cells(line) for line in lines if not _RULE.match(line.strip())]
    if not rows:
        return
    table = add_table(doc, [""] * len(rows[0]))
    for cell, markdown in zip(table.rows[0].cells, rows[0], strict=False):
        cell.paragraphs[0].clear()
        _inline(cell.paragraphs[0], f"**{markdown}**" if markdown else "")
    for row in rows[1:]:
        for cell, markdown in zip(new_row(table), row, strict=False):
            _inline(cell.paragraphs[0], markdown)


def markdown_document(markdown: str) -> Document:
    """A Word document holding the Markdown of a treaty-report skeleton."""
    doc = document()
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip() or _RULE.match(line.strip()):
            continue
        if line.startswith("|"):
            block = [line]
            while index < len(lines) and lines[index].startswith("|"):
                block.append(lines[index])
                index += 1
            _table(doc, block)
        elif title := _HEADING.match(line):
            level = len(title.group(1))
            _inline(heading(doc, "", 0 if level == 1 else level - 1), title.group(2))
        elif line.startswith("- "):
            _inline(styled(doc.add_paragraph(), "List Bullet"), line[2:])
        elif numbered := _NUMBERED.match(line):
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{numbered.group(1)}. ")
            _inline(paragraph, numbered.group(2))
        else:
            _inline(doc.add_paragraph(), line)
    return doc


def parts(markdown: str) -> list[tuple[str, int]]:
    """Each part of a skeleton (the text before the first ``##`` heading, then each ``##`` section)
    with its word count; the closing word-count line is left out."""
    body = markdown.rsplit("\n---\n", 1)[0]
    found: list[tuple[str, list[str]]] = [("Title and introduction", [])]
    for line in body.splitlines():
        if line.startswith("## "):
            found.append((line[3:].replace("\\", ""), []))
        found[-1][1].append(line)
    return [(title, word_count("\n".join(lines))) for title, lines in found]


def _word_counts(doc: Document, markdown: str) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    heading(doc, "Word count by part", 1)
    table = add_table(doc, ("Part", "Words"))
    found = parts(markdown)
    for title, count in [*found, ("Total", sum(c for _, c in found))]:
        cells = new_row(table)
        cells[0].text = text(title)
        cells[1].text = f"{count:,}"


def _export(markdown_exporter: _Exporter, program: hrplan.Program, fp: BinaryIO, subject: str,
            options: dict[str, Any]) -> None:  # fmt: skip
    buffer = io.BytesIO()
    markdown_exporter.export(program, buffer, **options)
    markdown = buffer.getvalue().decode("utf-8")
    doc = markdown_document(markdown)
    _word_counts(doc, markdown)
    title = next((line[2:].replace("\\", "") for line in markdown.splitlines() if line.startswith("# ")), subject)
    fp.write(document_bytes(doc, title, subject))


class CrcReportDocxExporter:
    """Writes the CRC report skeleton as a Word document, with the word count of each cluster."""

    name = "crc-report-docx"
    extensions = (".crc-report.docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description = "Skeleton of a CRC periodic report (Word), by cluster, with the word count of each part"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the skeleton as .docx; the options are those of ``crc-report`` (``as_of``, ``report``...)."""
        _export(CrcReportExporter(), program, fp, "CRC report skeleton", options)


class NpmAnnualDocxExporter:
    """Writes the NPM annual report skeleton as a Word document, with the word count of each part."""

    name = "npm-annual-docx"
    extensions = (".npm-annual.docx",)
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description = "Skeleton of an OPCAT NPM annual report (Word), with the word count of each part"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the skeleton as .docx; the options are those of ``npm-annual`` (``year``, ``as_of``...)."""
        _export(NpmAnnualExporter(), program, fp, "NPM annual report skeleton", options)
