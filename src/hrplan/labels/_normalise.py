"""How labels are compared: case, punctuation, blanks, plurals and ``(s)`` do not matter."""

from __future__ import annotations

import functools
import re

__all__ = ["key", "words"]

_WORD = re.compile(r"[#\u2116]|[^\W_]+")
_OPTIONAL_S = re.compile(r"\(\s*(?:s|es)\s*\)", re.IGNORECASE)
_KEEP_S = ("ss", "us", "is", "ous")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded and singular (``"Partner(s):"`` -> ``["partner"]``)."""
    return [_singular(w) for w in _WORD.findall(_OPTIONAL_S.sub("", text).casefold())]


@functools.lru_cache(maxsize=8192)
def key(text: str) -> str:
    """What two spellings of one label share: ``Time-frames``, ``time frame:`` and
    ``TIMEFRAME`` all give ``"timeframe"``."""
    return "".join(words(text))
