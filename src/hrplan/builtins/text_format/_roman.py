"""Roman numerals that head the parts of a plan with no ``Chapter`` headings.

Many plans open each part with ``I. Women in the labour market`` or
``II. ACCESS TO REMEDY`` and number the measures under it ``1.``, ``2.`` or
``Objective 1:``. Read as list items, such parts became measures holding the
whole plan. In a document with no heading of its own, upper-case Roman items
are chapter headings when they run ``I``, ``II``, ``III``... in order, each is
a title (no full stop at its end, no labelled part right after it) and
numbered items stand under them.
"""

from __future__ import annotations

from collections.abc import Sequence

from hrplan.builtins.text_format._tokens import Heading, Item, Part, Text, Token

__all__ = ["roman_headings"]

_UPPER_ROMAN = frozenset({"I.", "I)"})
_NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
             (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def numeral(number: int) -> str:
    """``4`` -> ``IV``."""
    written = []
    for value, letters in _NUMERALS:
        count, number = divmod(number, value)
        written.append(letters * count)
    return "".join(written)


def _ordinal(token: Token) -> int:
    """The ordinal of an upper-case Roman item (``II.`` is 2), else 0."""
    if not isinstance(token, Item) or token.number is not None or token.keyword or token.bulleted:
        return 0
    if token.style in _UPPER_ROMAN:
        return token.ordinal
    if token.roman is not None and token.roman[0] in _UPPER_ROMAN:
        return token.roman[1]
    return 0


def _titled(token: Item) -> bool:
    """Whether an item reads as a title: a capital first, no full stop, semicolon or comma last."""
    text = token.text.strip()
    return text[:1].isupper() and not text.endswith((".", ";", ",", ":"))


def roman_headings(tokens: Sequence[Token]) -> list[Token]:
    """``tokens`` with Roman part headings made :class:`Heading` tokens (see the module).

    The plan has no heading of its own and no numbered item before ``I.``; the headings
    run ``I``, ``II``, ``III``... in order, each reads as a title, none has a labelled part
    right after it, and numbered items stand under them. A Roman list inside a measure
    (``I.`` again after the first heading, then ``II.``...) is left as it is; any other
    Roman item out of order means the plan does not use Roman headings at all.
    """
    if any(isinstance(t, Heading) for t in tokens):
        return list(tokens)
    parts_follow = _parts_follow(tokens)
    found: list[int] = []
    inner = 0  # the ordinal the Roman list inside a measure expects next (0: none open)
    for i, token in enumerate(tokens):
        ordinal = _ordinal(token)
        if not ordinal:
            continue
        heading = ordinal == len(found) + 1 and isinstance(token, Item) and _titled(token) and not parts_follow[i]
        if heading and not (found and ordinal == 1):
            found.append(i)
            inner = 0
        elif found and ordinal in (1, inner):
            inner = ordinal + 1
        else:
            return list(tokens)
    if len(found) < 2 or any(isinstance(t, Item) for t in tokens[: found[0]]):
        return list(tokens)
    if not any(isinstance(t, Item) and not _ordinal(t) for t in tokens[found[0] :]):
        return list(tokens)
    result = list(tokens)
    for ordinal, i in enumerate(found, 1):
        item = result[i]
        assert isinstance(item, Item)
        result[i] = Heading(item.line, numeral(ordinal), ordinal, item.text.strip(), "part")
    return result


def _parts_follow(tokens: Sequence[Token]) -> list[bool]:
    """For each token, whether the next token that is not text is a labelled part."""
    found = [False] * len(tokens)
    following: Token | None = None
    for i in range(len(tokens) - 1, -1, -1):
        found[i] = isinstance(following, Part)
        if not isinstance(tokens[i], Text):
            following = tokens[i]
    return found
