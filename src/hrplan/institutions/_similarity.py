"""How close two name keys are, for near misses ("Ministry Educaton")."""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher

__all__ = ["WORD_CUTOFF", "similarity"]

#: Every word of either name needs a counterpart at least this close in the other.
WORD_CUTOFF = 0.8
#: Words that do not tell two institutions apart.
_FILLERS = frozenset({"of", "the", "for", "on", "and", "to", "in", "at", "under", "with", "by", "və"})
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _could_reach(a: str, b: str, cutoff: float) -> bool:
    """Whether the score of ``a`` and ``b`` can reach ``cutoff`` (the word ratio is at most 1)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() + 1) / 2 >= cutoff and (matcher.quick_ratio() + 1) / 2 >= cutoff


def _words(key: str) -> list[str]:
    return [word for word in _WORD.findall(key) if word not in _FILLERS]


def _closest(words: list[str], others: list[str]) -> list[tuple[str, float]]:
    """Each of ``words`` with the ratio of its closest counterpart in ``others``."""
    return [(word, max((_ratio(word, other) for other in others), default=0.0)) for word in words]


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """A score from 0 to 1: the mean of a character ratio and a word ratio.

    The character ratio is :class:`difflib.SequenceMatcher`'s on the whole keys.
    The word ratio pairs each word (other than "of", "the", "and"...) of either
    name with its closest word in the other and averages their ratios, weighted
    by length. A word with no counterpart at least :data:`WORD_CUTOFF` close
    makes the score 0: "North Regional Centre" is no near miss of "South Regional
    Centre", nor "Ministry of Finance" of "Ministry of Defence", however alike the
    rest. ``a`` and ``b`` are keys: normalised and case-folded. A pair that
    cannot reach ``cutoff`` scores 0 without being compared in full.
    """
    if a == b:
        return 1.0
    if cutoff > 0 and not _could_reach(a, b, cutoff):
        return 0.0
    words_a, words_b = _words(a), _words(b)
    pairs = _closest(words_a, words_b) + _closest(words_b, words_a)
    if not pairs or min(ratio for _, ratio in pairs) < WORD_CUTOFF:
        return 0.0
    total = sum(len(word) for word, _ in pairs)
    by_words = sum(len(word) * ratio for word, ratio in pairs) / total
    return (_ratio(a, b) + by_words) / 2
