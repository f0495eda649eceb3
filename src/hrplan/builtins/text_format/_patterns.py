"""What the text format recognises: labels, chapter headings, measure numbers, escapes.

Every regular expression is compiled once, here. The exporter escapes with the
same patterns the importer reads, so that what one writes the other reads back.
"""

from __future__ import annotations

import re

import attrs

from hrplan.labels import Labels
from hrplan.limits import LimitError, parse_number
from hrplan.model import MeasureId

__all__ = [
    "BULLET_CLASS",
    "NO_TIME_LIMIT",
    "PAGE_NUMBER",
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


#: A page number on a line of its own: "Page 2", "Page 2 of 7", "2/7", "- 3 -" (dropped).
PAGE_NUMBER = re.compile(
    r"(?i:page[ \t]+\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?|\d{1,4}[ \t]*(?:of|/)[ \t]*\d{1,4})"
    r"|[-\u2013\u2014][ \t]*\d{1,4}[ \t]*[-\u2013\u2014]"
)

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
    if label.isdecimal():
        number = parse_number(label, "chapter number")
        return number if number > 0 else None
    if label and _ROMAN.fullmatch(label):  # the pattern takes the empty string too
        return _roman(label)
    if label in (label.capitalize(), label.upper()):
        return _WORD_NUMBER.get(label.lower())
    return None


#: Words that open a chapter-level heading besides "Chapter" (Title or upper case):
#: ``Part II``, ``Pillar 1: ...``, ``Goal 2``, ``Outcome 1``.
_SECTION_WORDS = ("Part", "Section", "Pillar", "Goal", "Outcome", "Component", "Priority area", "Strategic goal")
_HEADING_WORD = "|".join(
    alternative for word in ("Chapter", *_SECTION_WORDS) for alternative in (word, word.upper())
)
_HEADING = re.compile(
    rf"(?P<word>{_HEADING_WORD})[ \t]+(?P<label>[A-Za-z]+|\d+)(?:[ \t]*[.:\-\u2013\u2014])?(?:[ \t]+(?P<title>\S.*))?"
)
_GLUED_HEADING = re.compile(rf"[ \t]{_CHAPTER_WORD}[ \t]+(?:[A-Za-z]+|\d+)\b")
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
_NUMBER = re.compile(
    rf"[ \t]*(?:(?P<bullet>{BULLET_CLASS})[ \t]*)?(?P<number>\d{{1,4}}(?:\.\d{{1,4}})+)(?P<dot>\.\.?|\))?"
    r"(?:[ \t]+(?P<text>.*))?"
)
#: Words that may stand before an item's number, in any case: ``Objective 25.4.1:``, ``ACTIVITY 3.``
_ITEM_WORDS = (
    "Objective", "Specific objective", "Sub-objective", "Activity", "Measure", "Action", "Task", "Article",
    "Output", "Result", "Intervention",
)  # fmt: skip
_KEYWORD = re.compile(
    rf"[ \t]*(?:(?P<bullet>{BULLET_CLASS})[ \t]*)?(?P<word>(?i:{'|'.join(map(re.escape, _ITEM_WORDS))}))"
    r"[ \t]+(?P<number>\d{1,4}(?:\.\d{1,4})*)\.?(?:[ \t]*(?:[:.)\-\u2013\u2014]|$))[ \t]*(?P<text>.*)"
)
#: A section word before a number of two parts or more is an item, not a heading: ``Goal 1.1: Fair
#: trials`` under ``Pillar 1`` is measure 1.1 (Title or upper case, as headings).
_SECTION_ITEM = re.compile(
    rf"[ \t]*(?P<word>{'|'.join(w for word in _SECTION_WORDS for w in (word, word.upper()))})[ \t]+"
    r"(?P<number>\d{1,4}(?:\.\d{1,4})+)\.?(?:[ \t]*[:.)\-\u2013\u2014])?(?:[ \t]+(?P<text>.*))?"
)
#: One-level numbers and list markers: ``15.``, ``1)``, ``(1)``, ``a)``, ``(b)``, ``iv.``, ``B.``
_MARKER = re.compile(
    r"[ \t]*(?P<marker>(?P<open>\()?(?P<value>\d{1,3}|[a-z]|[A-Z]|[ivx]{1,5}|[IVX]{1,5})(?P<close>[.)]))"
    r"(?:[ \t]+(?P<text>.*))?"
)
_SMALL_ROMAN = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})")


@attrs.frozen
class Start:
    """How a line opens: a chapter heading or a numbered item.

    :ivar text: the rest of the line: the chapter title or the item's text.
    :ivar label: the chapter label as written (chapters only).
    :ivar chapter: the chapter number (chapters only, else 0).
    :ivar measure: the item's full number (``1.2.10.``, ``Objective 25.4.1:``), if it has one.
    :ivar bulleted: whether a bullet came before the item's number.
    :ivar keyword: the word before the number, lower case (``"chapter"``, ``"goal"``, ``"activity"``).
    :ivar style: for an item numbered within its parent (``15.``, ``a)``, ``Activity 3:``),
        how its siblings are numbered (``"1."``, ``"a)"``, ``"activity"``); else empty.
    :ivar ordinal: that item's number among its siblings (``c)`` is 3).
    :ivar roman: for ``i)``, ``v)``, ``x)``: the style and ordinal if read as a Roman numeral.
    """

    text: str
    label: str = ""
    chapter: int = 0
    measure: MeasureId | None = None
    bulleted: bool = False
    keyword: str = ""
    style: str = ""
    ordinal: int = 0
    roman: tuple[str, int] | None = None

    @property
    def is_heading(self) -> bool:
        """Whether it opens a chapter (or a section of the same rank)."""
        return self.chapter > 0


def _heading(line: str) -> Start | None:
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    number = chapter_number(match["label"])
    title = match["title"] or ""
    if number is None or title[:1].islower():  # "Chapter 3 of the Code ..." is a sentence
        return None
    return Start(title, label=match["label"], chapter=number, keyword=match["word"].lower())


def _item(line: str, paragraph_start: bool) -> Start | None:
    match = _NUMBER.fullmatch(line)
    if match is None:
        return None
    text = match["text"] or ""
    # "2.5 million ..." is a sentence: without a full stop a number needs a capital after it
    # (inside a paragraph, and with three parts or more: "1.1.2 Train ...").
    if not match["dot"] and not (text[:1].isupper() and (paragraph_start or match["number"].count(".") > 1)):
        return None
    if _DATE.fullmatch(match["number"]):  # "12.03.2024. The training ..."
        return None
    return Start(text, measure=MeasureId.parse(match["number"]), bulleted=match["bullet"] is not None)


def _keyword_item(line: str) -> Start | None:
    match = _KEYWORD.fullmatch(line) or _SECTION_ITEM.fullmatch(line)
    if match is None:
        return None
    word = " ".join(match["word"].lower().split())
    number = MeasureId.parse(match["number"])
    bulleted = match.groupdict().get("bullet") is not None
    if number.depth > 1:
        return Start(match["text"] or "", measure=number, bulleted=bulleted, keyword=word)
    return Start(match["text"], bulleted=bulleted, keyword=word, style=word, ordinal=number.parts[0])


def _roman_value(text: str) -> int:
    return _roman(text.upper())


def _marker_item(line: str, paragraph_start: bool) -> Start | None:
    """``15. Title`` (anywhere) and list markers ``1)``, ``(a)``, ``iv.`` (at a paragraph start)."""
    match = _MARKER.fullmatch(line)
    if match is None:
        return None
    text, value, close = match["text"] or "", match["value"], match["close"]
    if match["open"] and close != ")":
        return None
    shape = f"{'(' if match['open'] else ''}{{}}{close}"
    if not paragraph_start:  # inside a paragraph only "15. Title" starts an item
        if value.isdecimal() and close == "." and not match["open"] and text[:1].isupper():
            return Start(text, style="1.", ordinal=int(value))
        return None
    if value.isdecimal():
        return Start(text, style=shape.format("1"), ordinal=int(value))
    if close == "." and not text[:1].isupper():  # "e. coli", "A." alone
        return None
    lower = value.lower()
    case = "a" if value.islower() else "A"
    roman_style = shape.format("i" if value.islower() else "I")
    if len(value) > 1:  # "iv)", "XII."
        if not _SMALL_ROMAN.fullmatch(lower):
            return None
        return Start(text, style=roman_style, ordinal=_roman_value(value))
    roman = (roman_style, _roman_value(value)) if lower in "ivx" else None
    return Start(text, style=shape.format(case), ordinal=ord(lower) - ord("a") + 1, roman=roman)


def classify_start(line: str, paragraph_start: bool = True) -> Start | None:
    """The chapter heading or numbered item ``line`` opens with, if any.

    A number without its full stop (``1.2 Title``) counts only at the start of a
    paragraph; mid-paragraph only ``1.2.`` does. List markers (``1)``, ``a)``,
    ``(iv)``) count only at the start of a paragraph.
    """
    first = line[:1]
    if not first:
        return None
    found: Start | None = None
    if first.isalpha():
        found = _heading(line) or _keyword_item(line)
    if found is None and (first.isdecimal() or first in BULLETS):
        found = _item(line, paragraph_start)
    if found is None and (first.isalnum() or first == "("):
        found = _marker_item(line, paragraph_start)
    return found


def start_or_none(line: str, paragraph_start: bool = True) -> Start | None:
    """:func:`classify_start`, but ``None`` for a number beyond :mod:`hrplan.limits`
    (for guessing; the reader itself reports such a number with its line)."""
    try:
        return classify_start(line, paragraph_start)
    except LimitError:
        return None


def glued_heading(text: str) -> tuple[str, Start] | None:
    """Split ``"2012 Chapter Three Title"`` into ``"2012"`` and the heading, if one is glued on."""
    for match in _GLUED_HEADING.finditer(text):
        start = _heading(text[match.start() + 1 :])
        if start is not None:
            return text[: match.start()].rstrip(), start
    return None
