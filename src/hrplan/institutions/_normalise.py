"""Institution names as plans write them, reduced to a form that can be compared.

``normalise_name`` collapses whitespace, strips the punctuation around a name,
a leading article and the jurisdiction suffix ("of the Republic of Azerbaijan");
``name_key`` adds case folding, for lookups.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

__all__ = ["JURISDICTION_SUFFIXES", "WILDCARD", "name_key", "normalise_name", "strip_jurisdiction", "tidy"]

#: In a jurisdiction phrase, stands for a country name: one to three capitalised words.
WILDCARD = "*"

#: Phrases a name may end with that only say whose institution it is. Matched
#: case-insensitively as whole words; ``*`` stands for a country name, so
#: ``"of the Republic of *"`` covers "of the Republic of Azerbaijan" and any other republic.
JURISDICTION_SUFFIXES: tuple[str, ...] = (
    "of the Republic of Azerbaijan",
    "of the Azerbaijan Republic",
    "of the Republic of *",
    "of Azerbaijan",
)

#: Characters stripped from both ends of a name (brackets are handled apart, when unbalanced).
_EDGE = " \t,;:.!?-\u2010\u2011\u2012\u2013\u2014\u2015\u2022\u00b7\u25aa\u25cf*/|\"\u201c\u201d\u00ab\u00bb"
_ARTICLE = re.compile(r"the\s+(?=\S)", re.IGNORECASE)
_COUNTRY = r"[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){0,2}"


def tidy(text: str) -> str:
    """Collapse whitespace and strip separators, bullets and full stops around ``text``."""
    previous = None
    while text != previous:
        previous = text
        text = " ".join(text.split()).strip(_EDGE)
        text = _strip_unbalanced(text)
    return text


def _strip_unbalanced(text: str) -> str:
    if text.endswith(")") and text.count(")") > text.count("("):
        return text[:-1]
    if text.startswith("(") and text.count("(") > text.count(")"):
        return text[1:]
    return text


@functools.lru_cache(maxsize=64)
def _suffix_patterns(suffixes: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    patterns = []
    for phrase in suffixes:
        words = [f"(?P<country>{_COUNTRY})" if word == WILDCARD else re.escape(word) for word in phrase.split()]
        if words:
            patterns.append(re.compile(r"\s+" + r"\s+".join(words) + r"$", re.IGNORECASE))
    return tuple(patterns)


def _is_country(match: re.Match[str]) -> bool:
    """A wildcard matches only capitalised words ("Azerbaijan", not "the family")."""
    country = match.groupdict().get("country")
    return country is None or all(word[0].isupper() for word in country.split())


def strip_jurisdiction(text: str, suffixes: Sequence[str] = JURISDICTION_SUFFIXES) -> str:
    """``text`` without one jurisdiction suffix at its end (unchanged when it has none)."""
    for pattern in _suffix_patterns(tuple(suffixes)):
        match = pattern.search(text)
        if match and match.start() > 0 and _is_country(match):
            return text[: match.start()]
    return text


def normalise_name(text: str, suffixes: Sequence[str] = JURISDICTION_SUFFIXES) -> str:
    """The name in ``text`` without what does not tell institutions apart.

    Collapses whitespace and line breaks, strips surrounding punctuation, bullets
    and trailing full stops, a leading "the" and a jurisdiction suffix from
    ``suffixes`` ("of the Republic of Azerbaijan"); keeps the inner text and the
    case. Idempotent: normalising a normalised name changes nothing.
    """
    previous = None
    while text != previous:
        previous = text
        text = tidy(text)
        text = _ARTICLE.sub("", text, count=1) if _ARTICLE.match(text) else text
        text = strip_jurisdiction(text, suffixes)
    return text


def name_key(text: str, suffixes: Sequence[str] = JURISDICTION_SUFFIXES) -> str:
    """The normalised name, case-folded, with one kind of apostrophe: what lookups compare."""
    name = unicodedata.normalize("NFC", normalise_name(text, suffixes))
    return name.replace("\u2019", "'").replace("\u2018", "'").casefold()
