"""Word documents made with python-docx: page set-up, page numbers, shaded cells, fixed bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from hrplan_office._package import core_properties, fixed_package
from hrplan_office._xlsx_export import STATUS_FILLS
from hrplan_office._xml_text import escape_text

__all__ = [
    "STATUS_COLOURS",
    "add_table",
    "document",
    "document_bytes",
    "heading",
    "new_row",
    "page_number_footer",
    "repeat_header",
    "set_widths",
    "shade",
    "styled",
    "text",
]

#: Cell shading by status: the workbook's status fills.
STATUS_COLOURS: dict[str, str] = STATUS_FILLS


def text(value: str) -> str:
    """``value`` with the characters a Word document cannot hold escaped as Word does."""
    return escape_text(value)


def document(*, landscape: bool = False) -> Document:
    """A new A4 document (landscape for wide tables), 2 cm margins, a page number in the footer."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(3)
    page_number_footer(doc)
    return doc


def heading(doc: Document, content: str, level: int) -> Paragraph:
    """``doc.add_heading(content, level)``, the style set by its id (see :func:`styled`)."""
    return styled(doc.add_paragraph(content), "Title" if level == 0 else f"Heading {level}")


def styled(paragraph: Paragraph, style: str) -> Paragraph:
    """``paragraph`` in the paragraph style named ``style``, set by its id: python-docx finds a
    style by name by reading every style of the document, a fifth of a report's time."""
    paragraph._p.style = _style_ids()[style]
    return paragraph


@cache
def _style_ids() -> dict[str, str]:
    """The id of each style of python-docx's template (every document here starts from it), by name."""
    return {style.name: style.style_id for style in docx.Document().styles if style.name is not None}


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) that Word fills in when it lays out the page."""
    run = paragraph.add_run()
    for kind, extra in (("begin", None), ("instr", instruction), ("separate", None), ("text", shown), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {extra} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = shown
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def page_number_footer(doc: Document) -> None:
    """``Page N of M`` centred in the footer of every section."""
    for section in doc.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = 1  # centre
        paragraph.add_run("Page ")
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" of ")
        _field(paragraph, "NUMPAGES", "1")


def shade(cell: _Cell, colour: str) -> None:
    """Fill ``cell`` with ``colour`` (hex ``RRGGBB``)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def repeat_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs over, and never split it."""
    properties = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        properties.append(OxmlElement(tag))


def add_table(doc: Document, header: Sequence[str]) -> Table:
    """A bordered table with a bold, shaded header row repeated on every page."""
    table: Table = doc.add_table(rows=1, cols=len(header))
    table._tbl.tblStyle_val = _style_ids()["Table Grid"]
    for cell, title in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(text(title)).bold = True
        shade(cell, "D9D9D9")
    repeat_header(table.rows[0])
    return table


def new_row(table: Table) -> list[_Cell]:
    """The cells of a row added at the end of ``table``."""
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it untyped
    return list(row.cells)


def set_widths(table: Table, widths: Sequence[float]) -> None:
    """Fix the column widths of ``table`` in cm: the grid and the first row (a fixed layout reads those)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)
    if table.rows:
        for cell, width in zip(table.rows[0].cells, widths, strict=False):
            cell.width = Cm(width)


def document_bytes(doc: Document, title: str, subject: str) -> bytes:
    """The bytes of ``doc``, with fixed core properties and zip times (same document, same bytes)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    first = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
    return fixed_package(buffer.getvalue(), core_properties(title, subject), first)
