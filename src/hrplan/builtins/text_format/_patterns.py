"""What the text format recognises: labels, chapter headings, measure numbers, escapes.

Every regular expression is compiled once, here. The exporter escapes with the
same patterns the importer reads, so that what one writes the other reads back.
"""

from __future__ import annotations

import re

import attrs

from hrplan.labels import Labels
from hrplan.model import MeasureId

__all__ = [
    "BULLET_CLASS",
    "NO_TIME_LIMIT",
    "Start",
    "chapter_number",
    "classify_start",
    "escape",
    "glued_heading",
    "unescape",
]


#: Bullets seen before numbers and list items: hyphen, en and em dash, bullet, asterisk,
#: middle dot, small square.
BULLETS = "-\u2013\u2014\u2022*\u00b7\u25aa"
#: A regular-expression character class of :data:`BULLETS`.
BULLET_CLASS = "[" + re.escape(BULLETS) + "]"
_CHAPTER_WORD = r"(?:Chapter|CHAPTER)"
#: "Chapter" after a backslash (so that the importer's unescaping gives that backslash back).
_ESCAPED_CHAPTER = re.compile(rf"(?<=\\){_CHAPTER_WORD}[ \t]")
#: ... and in a label's value, also "Chapter" after a blank, which could read as a glued heading.
_CHAPTER_IN_VALUE = re.compile(rf"(?<=\\){_CHAPTER_WORD}[ \t]|(?<=[ \t]){_CHAPTER_WORD}[ \t]")
_UNESCAPE_CHAPTER = re.compile(rf"\\(?={_CHAPTER_WORD}[ \t])")


def escape(text: str, labels: Labels, *, value: bool = False) -> str:
    """``text`` with a backslash before every label (in any case) and before "Chapter"
    where the importer would take it for structure (``value``: in a label's value)."""
    starts = {match.start for match in labels.find(text, any_case=True)}
    chapters = _CHAPTER_IN_VALUE if value else _ESCAPED_CHAPTER
    starts.update(match.start() for match in chapters.finditer(text))
    if not starts:
        return text
    pieces = []
    previous = 0
    for start in sorted(starts):
        pieces += [text[previous:start], "\\"]
        previous = start
    pieces.append(text[previous:])
    return "".join(pieces)


def unescape(text: str, labels: Labels) -> str:
    """Remove the backslash the exporter put before a label or the word "Chapter"."""
    if "\\" not in text:
        return text
    text = _UNESCAPE_CHAPTER.sub("", text)
    drop = [i for i, char in enumerate(text) if char == "\\" and labels.at(text, i + 1) is not None]
    for i in reversed(drop):
        text = text[:i] + text[i + 1 :]
    return text


#: Time-limit texts that say there is none.
NO_TIME_LIMIT = frozenset({"-", "\u2013", "\u2014", "none", "n/a", "not set", "not specified"})

_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)
_WORD_NUMBER = {word: n for n, word in enumerate(_WORDS, 1)}
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman(text: str) -> int:
    total = 0
    for here, after in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[here]
        total += -value if after and _ROMAN_VALUES[after] > value else value
    return total


def chapter_number(label: str) -> int | None:
    """The number a chapter label stands for (``IV``, ``Four``, ``FOUR``, ``4``), else ``None``."""
    if label.isdigit():
        return int(label) if int(label) > 0 else None
    if _ROMAN.fullmatch(label):
        return _roman(label)
    if label in (label.capitalize(), label.upper()):
        return _WORD_NUMBER.get(label.lower())
    return None


_HEADING = re.compile(
    rf"{_CHAPTER_WORD}[ \t]+(?P<label>[A-Za-z]+|\d+)(?:[ \t]*[.:\-\u2013\u2014])?(?:[ \t]+(?P<title>\S.*))?"
)
_GLUED_HEADING = re.compile(rf"[ \t]{_CHAPTER_WORD}[ \t]+(?:[A-Za-z]+|\d+)\b")
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
_NUMBER = re.compile(
    rf"[ \t]*(?:(?P<bullet>{BULLET_CLASS})[ \t]*)?(?P<number>\d{{1,4}}(?:\.\d{{1,4}})+)(?P<dot>\.\.?|\))?"
    r"(?:[ \t]+(?P<text>.*))?"
)


@attrs.frozen
class Start:
    """How a line opens: a chapter heading or a numbered item.

    :ivar text: the rest of the line: the chapter title or the item's text.
    :ivar label: the chapter label as written (chapters only).
    :ivar chapter: the chapter number (chapters only, else 0).
    :ivar measure: the item's number (items only).
    :ivar bulleted: whether a bullet came before the item's number.
    """

    text: str
    label: str = ""
    chapter: int = 0
    measure: MeasureId | None = None
    bulleted: bool = False


def _heading(line: str) -> Start | None:
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    number = chapter_number(match["label"])
    title = match["title"] or ""
    if number is None or title[:1].islower():  # "Chapter 3 of the Code ..." is a sentence
        return None
    return Start(title, label=match["label"], chapter=number)


def _item(line: str, paragraph_start: bool) -> Start | None:
    match = _NUMBER.fullmatch(line)
    if match is None:
        return None
    text = match["text"] or ""
    # "2.5 million ..." is a sentence: without a full stop a number needs a capital after it.
    if not match["dot"] and not (paragraph_start and text[:1].isupper()):
        return None
    if _DATE.fullmatch(match["number"]):  # "12.03.2024. The training ..."
        return None
    return Start(text, measure=MeasureId.parse(match["number"]), bulleted=match["bullet"] is not None)


def classify_start(line: str, paragraph_start: bool = True) -> Start | None:
    """The chapter heading or numbered item ``line`` opens with, if any.

    A number without its full stop (``1.2 Title``) counts only at the start of a
    paragraph; mid-paragraph only ``1.2.`` does.
    """
    if line.startswith(("Chapter", "CHAPTER")):
        return _heading(line)
    if line[:1].isdigit() or (line[:1] and line[0] in BULLETS):
        return _item(line, paragraph_start)
    return None


def glued_heading(text: str) -> tuple[str, Start] | None:
    """Split ``"2012 Chapter Three Title"`` into ``"2012"`` and the heading, if one is glued on."""
    for match in _GLUED_HEADING.finditer(text):
        start = _heading(text[match.start() + 1 :])
        if start is not None:
            return text[: match.start()].rstrip(), start
    return None
