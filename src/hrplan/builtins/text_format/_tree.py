"""Tokens to a draft tree: chapters holding numbered items, each with paragraphs and parts.

The draft is still text: which items are measures and which are provisions, and
what the parts mean (institutions, dates), is decided by :mod:`._assemble`.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from hrplan.builtins.text_format._tokens import Heading, Item, Part, Text, Token
from hrplan.findings import Finding, Severity
from hrplan.labels import Meaning
from hrplan.model import MeasureId

__all__ = ["Draft", "DraftChapter", "DraftItem", "DraftPart", "build_draft"]

#: A paragraph ending with one of these is complete: the next one does not continue it.
_TERMINAL = (".", "!", "?", ":", ";")


@attrs.define
class DraftPart:
    """A labelled part of an item; ``pieces`` grows when the next paragraph continues it."""

    line: int
    field: Meaning
    label: str
    pieces: list[str]
    items: tuple[tuple[int, str], ...] | None

    @property
    def value(self) -> str:
        """The text after the label."""
        return " ".join(self.pieces)


@attrs.define
class DraftItem:
    """A numbered item: its first paragraph is its title (or text), the rest its description.

    Each paragraph is kept as pieces, joined by :attr:`texts`: a paragraph continued
    after a blank line grows by a piece (joining the strings each time would be
    quadratic in a long paragraph broken at every line).
    """

    line: int
    number: MeasureId
    bulleted: bool
    paragraphs: list[list[str]] = attrs.Factory(list)
    parts: list[DraftPart] = attrs.Factory(list)
    children: list[DraftItem] = attrs.Factory(list)

    @property
    def texts(self) -> list[str]:
        """The paragraphs as text."""
        return [" ".join(pieces) for pieces in self.paragraphs]


@attrs.define
class DraftChapter:
    """A chapter (or, with no number, the text before the first chapter heading).

    The first paragraph is its title (the program's title before the first chapter),
    the rest its introduction (the preamble); ``lines`` holds their line numbers.
    """

    line: int | None
    number: int | None
    label: str
    paragraphs: list[list[str]] = attrs.Factory(list)
    lines: list[int] = attrs.Factory(list)
    items: list[DraftItem] = attrs.Factory(list)
    top: list[DraftItem] = attrs.Factory(list)

    @property
    def texts(self) -> list[str]:
        """The paragraphs as text."""
        return [" ".join(pieces) for pieces in self.paragraphs]


@attrs.define
class Draft:
    """The whole document: the front matter, the chapters and what could not be placed."""

    front: DraftChapter
    chapters: list[DraftChapter]
    findings: list[Finding]

    @property
    def is_plan(self) -> bool:
        """Whether it has a chapter heading or a numbered item at all."""
        return bool(self.chapters or self.front.items)


class _Builder:
    """Places each token: the state machine of the importer."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.front = DraftChapter(None, None, "")
        self.chapters: list[DraftChapter] = []
        self.findings: list[Finding] = []
        self.chapter = self.front
        self.item: DraftItem | None = None
        self.numbered: dict[MeasureId, DraftItem] = {}
        self.open: DraftPart | None = None
        self.can_continue = False

    def finding(self, code: str, line: int, message: str) -> None:
        self.findings.append(Finding(Severity.WARNING, code, message, f"line {line}", self.source))

    def feed(self, token: Token) -> None:
        if isinstance(token, Text):
            self.text(token)
            return
        self.open = None
        self.can_continue = False
        if isinstance(token, Heading):
            self.heading(token)
        elif isinstance(token, Item):
            self.numbered_item(token)
        else:
            self.part(token)

    def heading(self, token: Heading) -> None:
        self.chapter = DraftChapter(token.line, token.number, token.label)
        self.chapters.append(self.chapter)
        self.item = None
        self.numbered = {}
        if token.title:
            self.add_paragraph(token.line, token.title)

    def numbered_item(self, token: Item) -> None:
        chapter = self.chapter
        if not chapter.paragraphs:
            chapter.paragraphs.append([])  # no title (or, before any chapter, no program title)
            chapter.lines.append(token.line)
        item = DraftItem(token.line, token.number, token.bulleted)
        parent = token.number.parent
        if parent is None or parent.depth < 2:
            chapter.top.append(item)
        elif parent in self.numbered:
            self.numbered[parent].children.append(item)
        else:
            message = f"measure {token.number}: measure {parent} does not come before it; put at the chapter level"
            self.finding("TX001", token.line, message)
            chapter.top.append(item)
        chapter.items.append(item)
        self.numbered[token.number] = item
        self.item = item
        if token.text:
            self.add_paragraph(token.line, token.text)

    def part(self, token: Part) -> None:
        if self.item is None:
            where = "before the first chapter" if self.chapter is self.front else f"in chapter {self.chapter.label}"
            value = token.value or "; ".join(text for _, text in token.items or ())
            message = f"'{token.label}: {value}' stands {where}, outside any measure; it is not kept"
            self.finding("TX004", token.line, message)
            return
        if not self.item.paragraphs:
            self.item.paragraphs.append([])  # the label came before any title
        part = DraftPart(token.line, token.field, token.label, [token.value] if token.value else [], token.items)
        self.item.parts.append(part)
        self.open = part if token.open else None

    def text(self, token: Text) -> None:
        if self.open is not None and not token.escaped:
            self.extend_part(self.open, token.text)
            return
        self.open = None
        paragraphs = self.item.paragraphs if self.item is not None else self.chapter.paragraphs
        if paragraphs and self.can_continue and not token.escaped and token.text[:1].islower():
            paragraphs[-1].append(token.text)
            self.can_continue = not token.text.endswith(_TERMINAL)
            return
        self.add_paragraph(token.line, token.text)

    def add_paragraph(self, line: int, text: str) -> None:
        target = self.item if self.item is not None else self.chapter
        target.paragraphs.append([text])
        if target is self.chapter:
            self.chapter.lines.append(line)
        self.can_continue = bool(text) and not text.endswith(_TERMINAL)

    def extend_part(self, part: DraftPart, text: str) -> None:
        """A name broken across a blank line ("State" / "Committee for ..."), or a value
        given on the paragraph after its label."""
        part.pieces.append(text)
        still_open = part.field.institutions and not text.endswith((".", ";"))
        self.open = part if still_open else None


def build_draft(tokens: Iterable[Token], source: str | None) -> Draft:
    """Place every token of a document in a draft tree."""
    builder = _Builder(source)
    for token in tokens:
        builder.feed(token)
    return Draft(builder.front, builder.chapters, builder.findings)
