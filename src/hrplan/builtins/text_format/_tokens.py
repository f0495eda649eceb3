"""Blocks to tokens: chapter headings, numbered items, labelled parts and plain text.

A block opens with a heading, a numbered item or text (its *lead*), and may hold
labelled parts anywhere after that: ``... is to be adopted Implementing
institutions: X. Time-limit: 2012`` is a text token and two parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from hrplan.builtins.text_format._blocks import Block
from hrplan.builtins.text_format._patterns import BULLET_CLASS, Start, glued_heading, unescape
from hrplan.institutions import has_head_noun
from hrplan.labels import LabelMatch, Labels, Meaning
from hrplan.model import MeasureId

__all__ = ["Heading", "Item", "Part", "Text", "Token", "tokens", "unwrap"]


@attrs.frozen
class Heading:
    """``Chapter Four`` (title on the next paragraph), ``Chapter I Title``, ``Pillar 2: Title``."""

    line: int
    label: str
    number: int
    title: str
    keyword: str = "chapter"


@attrs.frozen
class Item:
    """A numbered line: ``1.2.10. Title``, ``- 6.1. Text``, ``Objective 2.1: Title``, ``15. Title``, ``a) Text``.

    :ivar number: the full number, when the line gives one; else the item is numbered
        within its parent (``style`` and ``ordinal``, see :class:`._patterns.Start`).
    """

    line: int
    number: MeasureId | None
    text: str
    bulleted: bool
    keyword: str = ""
    style: str = ""
    ordinal: int = 0
    roman: tuple[str, int] | None = None


@attrs.frozen
class Text:
    """A paragraph of plain text; ``escaped`` when it began with a backslash.

    :ivar unknown_label: the ``Label`` it starts with (``Focal point:``) when that is
        not in the vocabulary, else empty.
    """

    line: int
    text: str
    escaped: bool = False
    unknown_label: str = ""


@attrs.frozen
class Part:
    """A labelled part: ``Time-limit: 2012``.

    :ivar value: the text after the label, lines joined (empty in list form).
    :ivar items: in list form (the label alone on its line), each following line
        with its line number; otherwise ``None``.
    :ivar open: whether the next paragraph may continue it (an institutions list
        that does not end with a full stop, or a label with nothing after it).
    """

    line: int
    field: Meaning
    label: str
    value: str
    items: tuple[tuple[int, str], ...] | None = None
    open: bool = False


Token = Heading | Item | Text | Part

#: Words a line may end with when the name or sentence goes on in the next line.
_CONNECTORS = frozenset(("of", "the", "and", "for", "on", "in", "under", "to", "with", "at", "by", "a", "an"))
#: Prefixes whose hyphen is kept when a word is broken after it ("non-governmental").
_KEEP_HYPHEN = frozenset((
    "non", "self", "co", "pre", "post", "anti", "ex", "inter", "intra", "multi", "cross", "well", "follow",
    "long", "short", "mid", "socio", "semi", "sub", "vice", "full", "part", "child", "human", "gender", "law",
    "decision", "policy", "community", "age", "time", "cost", "state",
))
_BULLET = re.compile(rf"(?:{BULLET_CLASS}|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}})\))[ \t]+")


def _glue(left: str, right: str) -> tuple[str, str]:
    """How two lines of one paragraph join: ``left`` (its break hyphen dropped when a
    word was broken there) and the separator to put before ``right``."""
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].islower():
        word = left.rsplit(None, 1)[-1][:-1]
        if not word[:1].isupper() and word.lower() not in _KEEP_HYPHEN:
            return left[:-1], ""
        return left, ""
    return left, " "


def _joined(left: str, right: str) -> str:
    left, separator = _glue(left, right)
    return f"{left}{separator}{right}"


def unwrap(raw: str) -> str:
    """The lines of ``raw`` joined with blanks, hyphenated breaks mended (in linear time)."""
    parts: list[str] = []
    for line in raw.split("\n"):
        piece = line.strip()
        if not piece:
            continue
        if parts:
            parts[-1], separator = _glue(parts[-1], piece)
            parts.append(separator)
        parts.append(piece)
    return "".join(parts)


def _continues(previous: str, line: str, names: bool) -> bool:
    """Whether ``line`` goes on with the list item ``previous``: after a connecting word
    or a hyphen; in a list of names, also before a small letter or a bracket.
    """
    last = previous.rsplit(None, 1)[-1] if previous else ""  # "of" connects, "Group A" ends a name
    if last in _CONNECTORS or previous.endswith("-"):
        return True
    return names and (line[:1].islower() or line.startswith("("))


def _list_items(
    first_line: int, lines: Sequence[str], names: bool, labels: Labels
) -> tuple[tuple[int, str], ...]:
    """One item per line (bullets dropped), wrapped lines joined to their item.

    :param names: whether the items are institution names (which start with a capital).
    """
    numbers: list[int] = []
    texts: list[str] = []
    for offset, raw in enumerate(lines):
        line = _BULLET.sub("", raw.strip(), count=1).rstrip(",;").strip()
        if not line:
            continue
        if texts and _continues(texts[-1], line, names):
            texts[-1] = _joined(texts[-1], line)
        else:
            numbers.append(first_line + offset)
            texts.append(line)
    return tuple((number, unescape(text, labels)) for number, text in zip(numbers, texts, strict=True))


def _part(match: LabelMatch, raw_value: str, line: int, last: bool, labels: Labels, width: int) -> Iterator[Token]:
    label = match.written
    field = match.meaning
    names = field.institutions
    first, _, rest = raw_value.partition("\n")
    if not first.strip() and rest.strip():
        yield Part(line, field, label, "", _list_items(line + 1, rest.split("\n"), names, labels))
        return
    (_, raw), *after = _segments(raw_value, width, names)
    value = unwrap(raw)
    glued = glued_heading(value)
    if glued is not None:
        value, start = glued
        yield Part(line, field, label, unescape(value, labels))
        yield _heading(line, start, labels)
    else:
        dangling = names and last and not after and not value.endswith((".", ";"))
        yield Part(line, field, label, unescape(value, labels), open=dangling or not value)
    for offset, text in after:  # lines after the value that start paragraphs of their own
        lead = unescape(unwrap(text), labels)
        yield Text(line + offset, lead, unknown_label=_unknown_label(lead))


def _segments(raw: str, width: int, names: bool = False) -> list[tuple[int, str]]:
    """``raw`` cut where a line ends its paragraph though no blank line follows (text
    pasted from a table: one cell a line), each piece with its line offset."""
    lines = raw.split("\n")
    pieces: list[tuple[int, str]] = []
    start = 0
    for k in range(1, len(lines)):
        if _hard_break(lines[k - 1].strip(), lines[k].strip(), width, names):
            pieces.append((start, "\n".join(lines[start:k])))
            start = k
    pieces.append((start, "\n".join(lines[start:])))
    return pieces


def _hard_break(previous: str, line: str, width: int, names: bool) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous`` in one block: it starts
    with a capital letter, ``previous`` does not lead on to it, and ``previous`` is
    short (not wrapped at the width of the text) or ends a sentence."""
    if not previous or not line[:1].isupper() or previous.endswith((",", "-", "(", "/", "&")):
        return False
    if previous.rsplit(None, 1)[-1].lower() in _CONNECTORS:
        return False
    if names and has_head_noun(line) and len(line.split()) <= 8:
        return False  # one name a line
    return len(previous) < 0.75 * width or previous.endswith((".", "!", "?", ";"))


def _lead(text: str, labels: Labels) -> str:
    return unescape(text[1:] if text.startswith("\\") else text, labels)


def _heading(line: int, start: Start, labels: Labels) -> Heading:
    return Heading(line, start.label, start.chapter, _lead(start.text, labels), start.keyword or "chapter")


#: A paragraph that opens like a label: up to four words and a colon, then text.
_LABEL_LIKE = re.compile(r"(?P<label>[A-Z][\w'/()&-]*(?:[ \t]+[\w'/()&-]+){0,3})[ \t]*:(?:[ \t]|$)")
#: Words a sentence starts with that make "The following:" no label.
_NOT_LABELS = frozenset(("the", "this", "these", "that", "it", "in", "to", "for", "as", "a", "an", "we", "our", "its"))


def _unknown_label(text: str) -> str:
    match = _LABEL_LIKE.match(text)
    if match is None or match["label"].split()[0].lower() in _NOT_LABELS or "//" in text[: match.end() + 2]:
        return ""
    return match["label"]


def _paragraph(line: int, lines: Sequence[str], item: Start | None, labels: Labels, width: int) -> Iterator[Token]:
    raw = "\n".join(lines)
    escaped = raw.startswith("\\")
    if escaped:
        raw = raw[1:]
    matches = list(labels.find(raw))
    head = raw[: matches[0].start] if matches else raw
    segments = _segments(head, width) if head.strip() else [(0, "")]
    for k, (offset, text) in enumerate(segments):
        lead = unescape(unwrap(text), labels)
        if k == 0 and item is not None and not item.is_heading:
            yield Item(line, item.measure, lead, item.bulleted, item.keyword, item.style, item.ordinal, item.roman)
        elif lead:
            quoted = escaped and k == 0
            yield Text(line + offset, lead, quoted, "" if quoted else _unknown_label(lead))
    position = 0
    for i, match in enumerate(matches):
        line += raw.count("\n", position, match.start)
        position = match.start
        end = matches[i + 1].start if i + 1 < len(matches) else len(raw)
        yield from _part(match, raw[match.end : end], line, i + 1 == len(matches), labels, width)


def tokens(block: Block, labels: Labels) -> Iterator[Token]:
    """The tokens of one block, in order, labels found with ``labels``."""
    start = block.start
    width = max(map(len, block.lines))
    if start is None:
        yield from _paragraph(block.line, block.lines, None, labels, width)
    elif start.is_heading:
        yield _heading(block.line, start, labels)
        if len(block.lines) > 1:
            yield from _paragraph(block.line + 1, block.lines[1:], None, labels, width)
    else:
        yield from _paragraph(block.line, (start.text, *block.lines[1:]), start, labels, width)
