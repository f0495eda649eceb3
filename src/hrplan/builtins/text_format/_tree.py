"""Tokens to a draft tree: chapters holding numbered items, each with paragraphs and parts.

The draft is still text: which items are measures and which are provisions, and
what the parts mean (institutions, dates), is decided by :mod:`._assemble`.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from hrplan.builtins.text_format._roman import roman_headings
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
    parent: DraftItem | None = None
    #: numbered by the importer (an unnumbered activity), not by the plan
    assigned: bool = False
    paragraph_lines: list[int] = attrs.Factory(list)
    #: for an item numbered within its chapter (``15.``, ``Objective 2:``): its style and number
    style: str = ""
    ordinal: int = 0

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
        #: the word of the first heading ("chapter", "pillar"): headings with another word are sections
        self.chapter_word: str | None = None
        #: the last item with a full number: the parent of items numbered within it
        self.anchor: DraftItem | None = None
        #: items numbered within their parent, outermost first, with the style of their numbers
        self.levels: list[tuple[str, DraftItem]] = []
        #: paragraphs after the parts of the current item: the next activity when parts follow them
        self.pending: list[tuple[int, str]] = []
        #: items numbered within their chapter, by style, with their chapter, in document order
        self.chapter_level: dict[str, list[tuple[DraftChapter, DraftItem]]] = {}
        #: styles whose numbers are the plan's own (``3.`` is measure 3, not 2.3 in chapter 2), and
        #: styles found not to be (their numbers start again in each chapter)
        self.plain: set[str] = set()
        self.not_plain: set[str] = set()
        #: this chapter's items numbered within it, by number (``Objective 2`` under 2)
        self.by_ordinal: dict[int, DraftItem] = {}
        #: every number given so far, in every chapter
        self.everywhere: set[MeasureId] = set()
        #: the highest last part given under each prefix: the next free number in one step
        self.highest: dict[tuple[int, ...], int] = {}

    def finding(self, code: str, line: int, message: str, severity: Severity = Severity.WARNING) -> None:
        self.findings.append(Finding(severity, code, message, f"line {line}", self.source))

    def feed(self, token: Token) -> None:
        if isinstance(token, Text):
            self.text(token)
            return
        if isinstance(token, Item) and self.list_line(token):
            return
        if self.pending and isinstance(token, Part) and token.field is not Meaning.TITLE:
            self.activity(self.pending[0][0], self.pending)
        else:
            self.flush()
        self.open = None
        self.can_continue = False
        if isinstance(token, Heading):
            self.heading(token)
        elif isinstance(token, Item):
            self.numbered_item(token)
        else:
            self.part(token)

    def list_line(self, token: Item) -> bool:
        """``1) ...`` under a label in list form (``Indicators:``) is a line of its list."""
        part = self.open
        if part is None or not token.style or token.keyword or part.pieces or part.field is Meaning.TITLE:
            return False
        part.items = (*(part.items or ()), (token.line, token.text))
        return True

    def heading(self, token: Heading) -> None:
        if self.chapter_word is None:
            self.chapter_word = token.keyword
        if token.keyword != self.chapter_word:  # "Pillar 2" inside "Chapter I": a section
            item = Item(token.line, None, token.title, False, token.keyword, token.keyword, token.number)
            self.relative_item(item)
            return
        self.chapter = DraftChapter(token.line, token.number, token.label)
        self.chapters.append(self.chapter)
        self.item = None
        self.anchor = None
        self.levels = []
        self.numbered = {}
        self.by_ordinal = {}
        if token.title:
            self.add_paragraph(token.line, token.title)

    def numbered_item(self, token: Item) -> None:
        if token.number is None:
            self.relative_item(token)
            return
        parent = token.number.parent
        container = self.container(token, parent) if parent is not None else None
        item = self.place(token.line, self.unique(token.number, token.line), token.bulleted, container)
        self.anchor = item
        self.levels = []
        if token.text:
            self.add_paragraph(token.line, token.text)

    def container(self, token: Item, parent: MeasureId) -> DraftItem | None:
        """The item a full number goes under: its parent (``1.2`` for ``1.2.3.``), or ``Objective 2``
        for ``Action 2.1`` once items of that style carry the plan's own numbers."""
        if parent.depth == 1:
            if parent not in self.numbered:
                self.numbered_by_the_plan(parent.parts[0])
            found = self.numbered.get(parent)
            return found if found is not None and found.style in self.plain else None
        if parent in self.numbered:
            return self.numbered[parent]
        if not token.keyword:
            message = f"measure {token.number}: measure {parent} does not come before it; put at the chapter level"
            self.finding("TX001", token.line, message)
        return None

    def relative_item(self, token: Item) -> None:
        """``15.``, ``a)``, ``Activity 3:``: numbered within the item above (or the chapter)."""
        style, ordinal = token.style, token.ordinal
        styles = [level for level, _ in self.levels]
        if token.roman is not None and style not in styles and (token.roman[0] in styles or ordinal == 9):
            style, ordinal = token.roman  # "i)" opens a Roman list; after "h)" it is a letter
        if style in styles:
            del self.levels[styles.index(style) :]
        if style in self.plain:  # "Objective 2:" after "Action 1.1:": a measure of the chapter again
            self.levels, self.anchor = [], None
        parent = self.levels[-1][1] if self.levels else self.anchor
        if parent is not None:
            number = parent.number.child(ordinal)
        elif self.chapter.number is not None and not self.runs_on(style, ordinal):
            number = MeasureId((self.chapter.number, ordinal))
        else:
            number = MeasureId((ordinal,))
        item = self.place(token.line, self.unique(number, token.line), token.bulleted, parent)
        if parent is None and self.chapter.number is not None:
            item.style, item.ordinal = style, ordinal
            self.chapter_level.setdefault(style, []).append((self.chapter, item))
            self.by_ordinal[ordinal] = item
        self.levels.append((style, item))
        if token.text:
            self.add_paragraph(token.line, token.text)

    def runs_on(self, style: str, ordinal: int) -> bool:
        """Whether items of ``style`` carry the plan's own numbers: already known, or the first
        one of a chapter goes on from the last one of the chapter before (``3.`` after ``2.``)."""
        if style in self.plain:
            return True
        placed = self.chapter_level.get(style)
        if not placed or placed[-1][0] is self.chapter or ordinal != placed[-1][1].ordinal + 1:
            return False
        return self.make_plain(style)

    def numbered_by_the_plan(self, number: int) -> None:
        """``Action 2.1`` under ``Objective 2`` (or ``2.1.`` under ``2.``) of this chapter: the items of
        that style carry the plan's own numbers."""
        item = self.by_ordinal.get(number)
        if item is not None:
            self.make_plain(item.style)

    def make_plain(self, style: str) -> bool:
        """Number the items of ``style`` by their own numbers (``2.3`` becomes ``3``), unless
        their numbers start again in each chapter or are taken; whether it was done."""
        if style in self.not_plain:
            return False
        placed = [item for _, item in self.chapter_level.get(style, ())]
        moves = [(node, MeasureId((item.ordinal, *node.number.parts[len(item.number.parts) :])))
                 for item in placed for node in _subtree(item)]  # fmt: skip
        moving = {node.number for node, _ in moves}
        targets = [number for _, number in moves]
        if len(set(targets)) != len(targets) or any(n in self.everywhere and n not in moving for n in targets):
            self.not_plain.add(style)
            return False
        here = {id(node) for node, _ in moves if self.numbered.get(node.number) is node}  # in this chapter
        for node, _ in moves:
            if id(node) in here:
                del self.numbered[node.number]
        self.everywhere.difference_update(moving)
        for node, number in moves:
            if id(node) in here:
                self.numbered[number] = node
            node.number = number
        for number in targets:
            self.take(number)
        self.plain.add(style)
        return True

    def unique(self, number: MeasureId, line: int) -> MeasureId:
        """``number``, or the next free number under its parent's when it is taken (``TX012``)."""
        if number not in self.everywhere:
            return number
        free = MeasureId((*number.parts[:-1], self.highest.get(number.parts[:-1], 0) + 1))
        while free in self.everywhere:
            free = MeasureId((*free.parts[:-1], free.parts[-1] + 1))
        where = "in this chapter" if number in self.numbered else "in an earlier chapter"
        self.finding("TX012", line, f"number {number} is used already {where}: numbered {free}")
        return free

    def take(self, number: MeasureId) -> None:
        """Mark ``number`` as given."""
        self.everywhere.add(number)
        prefix = number.parts[:-1]
        if number.parts[-1] > self.highest.get(prefix, 0):
            self.highest[prefix] = number.parts[-1]

    def place(self, line: int, number: MeasureId, bulleted: bool, parent: DraftItem | None) -> DraftItem:
        """A new item under ``parent`` (or at the chapter level), made the current one."""
        chapter = self.chapter
        if not chapter.paragraphs:
            chapter.paragraphs.append([])  # no title (or, before any chapter, no program title)
            chapter.lines.append(line)
        item = DraftItem(line, number, bulleted, parent=parent)
        (parent.children if parent is not None else chapter.top).append(item)
        chapter.items.append(item)
        self.numbered[number] = item
        self.take(number)
        self.item = item
        return item

    def flush(self) -> None:
        """Paragraphs after the parts that no parts followed: the current item's description."""
        pending, self.pending = self.pending, []
        item = self.item
        for line, text in pending:
            if item is not None:
                item.paragraphs.append([text])
                item.paragraph_lines.append(line)

    def finish(self) -> None:
        """The end of the document."""
        self.flush()

    def activity(self, line: int, paragraphs: list[tuple[int, str]]) -> None:
        """An unnumbered activity of the current item (from ``line``, with ``paragraphs``):
        a sub-measure numbered in order (``TX013``)."""
        self.pending = []
        owner = self.item
        assert owner is not None
        parent = owner.parent if owner.assigned and owner.parent is not None else owner
        if parent is owner and not owner.children and owner.parts and len(owner.paragraphs) > 1:
            self.split_first_activity(owner)
        number = self.unique(parent.number.child(len(parent.children) + 1), line)
        child = DraftItem(line, number, False, parent=parent, assigned=True)
        parent.children.append(child)
        self.chapter.items.append(child)
        self.numbered[number] = child
        self.take(number)
        self.item = child
        self.assigned(child)
        for at, text in paragraphs:
            self.add_paragraph(at, text)

    def split_first_activity(self, owner: DraftItem) -> None:
        """The text and parts an item had before its second activity are its first activity."""
        line = owner.paragraph_lines[1] if len(owner.paragraph_lines) > 1 else owner.line
        first = DraftItem(line, owner.number.child(1), False, parent=owner, assigned=True)
        first.paragraphs, owner.paragraphs = owner.paragraphs[1:], owner.paragraphs[:1]
        first.paragraph_lines, owner.paragraph_lines = owner.paragraph_lines[1:], owner.paragraph_lines[:1]
        first.parts, owner.parts = owner.parts, []
        owner.children.append(first)
        self.chapter.items.append(first)
        self.numbered.setdefault(first.number, first)
        self.take(first.number)
        self.assigned(first)

    def assigned(self, item: DraftItem) -> None:
        parent = item.parent.number if item.parent is not None else ""
        message = f"an activity with no number of its own under {parent}: numbered {item.number} in order"
        self.finding("TX013", item.line, message, Severity.INFO)

    def part(self, token: Part) -> None:
        if self.item is None:
            where = "before the first chapter" if self.chapter is self.front else f"in chapter {self.chapter.label}"
            value = token.value or "; ".join(text for _, text in token.items or ())
            message = f"'{token.label}: {value}' stands {where}, outside any measure; it is not kept"
            self.finding("TX004", token.line, message)
            return
        if token.field is Meaning.TITLE:
            self.titles(token)
            return
        if not self.item.paragraphs:
            self.item.paragraphs.append([])  # the label came before any title
            self.item.paragraph_lines.append(token.line)
        part = DraftPart(token.line, token.field, token.label, [token.value] if token.value else [], token.items)
        self.item.parts.append(part)
        self.open = part if token.open else None

    def titles(self, token: Part) -> None:
        """``Activity: ...``: the title of the current item if it has none yet, else a new activity."""
        assert self.item is not None
        texts = list(token.items or ()) or [(token.line, token.value)]
        for line, text in texts:
            item = self.item
            if not any(item.texts) and not item.children:  # "1) Indicator: ..." / "Activity: ...": its title
                if text:
                    item.paragraphs[:1], item.paragraph_lines[:1] = [[text]], [line]
            else:
                self.activity(line, [(line, text)] if text else [])
        self.can_continue = False

    def text(self, token: Text) -> None:
        if self.open is not None and not token.escaped:
            self.extend_part(self.open, token.text)
            return
        self.open = None
        if self.pending and self.can_continue and not token.escaped and token.text[:1].islower():
            line, text = self.pending[-1]
            self.pending[-1] = (line, f"{text} {token.text}")
            self.can_continue = not token.text.endswith(_TERMINAL)
            return
        item = self.item
        paragraphs = item.paragraphs if item is not None else self.chapter.paragraphs
        if paragraphs and self.can_continue and not token.escaped and token.text[:1].islower():
            paragraphs[-1].append(token.text)
            self.can_continue = not token.text.endswith(_TERMINAL)
            return
        if token.unknown_label:
            self.flush()
            self.unknown_label(token)
        elif item is not None and item.parts and not token.escaped:
            self.pending.append((token.line, token.text))  # the next activity, if parts follow
            self.can_continue = not token.text.endswith(_TERMINAL)
            return
        self.add_paragraph(token.line, token.text)

    def unknown_label(self, token: Text) -> None:
        label = token.unknown_label
        where = f"measure {self.item.number}" if self.item is not None else "the text around it"
        message = (
            f"'{label}:' is not a label hrplan knows: kept as text of {where}. If it introduces institutions, "
            f"a time-limit or another part, give it to the import (labels={{'{label}': 'lead'}}, "
            f"or -I labels=lead:{label}) or register it in a plugin (register_labels)"
        )
        self.finding("TX014", token.line, message)

    def add_paragraph(self, line: int, text: str) -> None:
        target = self.item if self.item is not None else self.chapter
        target.paragraphs.append([text])
        if isinstance(target, DraftChapter):
            target.lines.append(line)
        else:
            target.paragraph_lines.append(line)
        self.can_continue = bool(text) and not text.endswith(_TERMINAL)

    def extend_part(self, part: DraftPart, text: str) -> None:
        """A name broken across a blank line ("State" / "Committee for ..."), or a value
        given on the paragraph after its label."""
        part.pieces.append(text)
        still_open = part.field.institutions and not text.endswith((".", ";"))
        self.open = part if still_open else None


def _subtree(item: DraftItem) -> list[DraftItem]:
    """``item`` and every item under it."""
    found, stack = [], [item]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.children)
    return found


def build_draft(tokens: Iterable[Token], source: str | None) -> Draft:
    """Place every token of a document in a draft tree."""
    builder = _Builder(source)
    for token in roman_headings(list(tokens)):
        builder.feed(token)
    builder.finish()
    return Draft(builder.front, builder.chapters, builder.findings)
