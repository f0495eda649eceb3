"""Chapter labels in one style: the style most of the program's chapters are written in.

A plan numbers its chapters "I", "II"... or "One", "Two"... or "1", "2"..., and a
copy-paste sometimes mixes them ("Chapter I", then "Chapter Two"). The report keeps
the program's own way of numbering but writes every chapter in the style most of its
labels use: with "I", "Two", "Three", "Four", "Five", "Six" the first becomes "One".
A label in no known style (a letter, another language) leaves every label as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import hrplan

__all__ = ["chapter_labels", "label_style", "roman", "words"]

_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def roman(n: int) -> str:
    """``n`` (1 or more) in Roman numerals: ``4`` is ``IV``."""
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def words(n: int) -> str | None:
    """``n`` (1-99) in English words, capitalised (``Twenty-one``); ``None`` outside that range."""
    if not 1 <= n <= 99:
        return None
    text = _ONES[n] if n < 20 else _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")
    return text.capitalize()


def label_style(label: str, number: int) -> str | None:
    """``roman``, ``words`` or ``digits`` when ``label`` writes ``number`` in that style, else ``None``."""
    text = label.strip().rstrip(".")
    if text == str(number):
        return "digits"
    if number >= 1 and re.fullmatch(r"[IVXLCDM]+", text.upper()) and text.upper() == roman(number):
        return "roman"
    spelled = words(number)
    if spelled is not None and text.lower() == spelled.lower():
        return "words"
    return None


def _write(number: int, style: str, label: str) -> str:
    if style == "roman" and number >= 1:
        return roman(number)
    if style == "words":
        return words(number) or label
    return str(number) if style == "digits" else label


def chapter_labels(chapters: Sequence[hrplan.Chapter]) -> dict[int, str]:
    """Chapter number -> its label in the style most labels are written in (ties: the first chapter's).

    Every label stays as written when one of them is in no known style.
    """
    styles = [label_style(c.label, c.number) for c in chapters]
    if not chapters or None in styles:
        return {c.number: c.label for c in chapters}
    counts = Counter(styles)
    best = max(counts.values())
    style = next(s for s in styles if counts[s] == best)
    assert style is not None
    return {c.number: _write(c.number, style, c.label) for c in chapters}
