"""Reading the cells of one UPR row: paragraph number, text, States, decision, cycle."""

from __future__ import annotations

import re
import unicodedata

import attrs

from hrplan.model import Position

__all__ = [
    "opening_parenthesis",
    "POSITIONS",
    "StatesSplit",
    "display_state",
    "position_of",
    "split_paragraph",
    "split_states",
    "split_states_at_end",
    "state_slug",
    "upr_cycle",
]

#: ``decision`` values (lower case, spaces for ``-`` and ``_``) and the position each means.
POSITIONS: dict[str, Position] = {
    "support": Position.SUPPORTED,
    "supported": Position.SUPPORTED,
    "accept": Position.SUPPORTED,
    "accepted": Position.SUPPORTED,
    "noted": Position.NOTED,
    "note": Position.NOTED,
    "consider": Position.PENDING,
    "considered": Position.PENDING,
    "under consideration": Position.PENDING,
    "pending": Position.PENDING,
    "reject": Position.REJECTED,
    "rejected": Position.REJECTED,
    "implemented": Position.ALREADY_IMPLEMENTED,
    "already implemented": Position.ALREADY_IMPLEMENTED,
    "partially": Position.PARTIALLY_SUPPORTED,
    "partial": Position.PARTIALLY_SUPPORTED,
    "partially supported": Position.PARTIALLY_SUPPORTED,
    "partially accepted": Position.PARTIALLY_SUPPORTED,
}

_NUMBER = re.compile(r"\s*(\d+(?:\.+\d+)*)")
#: A second level split from a one-level number: ``137 1. Implement``, ``111. 29 Strengthen``.
_SPLIT_LEVEL = re.compile(r"\.?\s*(\d{1,3})(?=\.?\s)")
_LEAD = re.compile("^[\\s.:;,/)\\-\u2013\u2014]+")  # dashes: hyphen, en, em
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.+")
#: What may follow the closing parenthesis of the States: ``;``, `` );``, ``)1; );``, ``: );``.
_JUNK = frozenset(" \t\n;:,.)0123456789")
_TRAILING = " \t\n;:,"


def position_of(decision: str) -> Position | None:
    """The position a ``decision`` cell means (``support`` -> supported), or ``None`` when unknown."""
    key = _SPACES.sub(" ", decision.strip().lower().replace("-", " ").replace("_", " "))
    return POSITIONS.get(key)


def upr_cycle(year: int | None) -> str | None:
    """The UPR cycle of a review held in ``year``.

    2008-2011: ``"1"``; 2012-2016: ``"2"``; 2017-2021: ``"3"``; 2022 on: ``"4"``
    (the sessions of early 2022 still closed the third cycle: an approximation);
    ``None`` before 2008 or when the year is unknown.
    """
    if year is None or year < 2008:
        return None
    if year <= 2011:
        return "1"
    if year <= 2016:
        return "2"
    if year <= 2021:
        return "3"
    return "4"


def split_paragraph(text: str) -> tuple[str | None, str]:
    """The paragraph number at the start of ``text`` and the text after it.

    ``109.3. Ratify CPED`` -> ``("109.3", "Ratify CPED")``. Repeated dots are
    read as one (``109.9..1`` -> ``109.9.1``); a one-level number followed by a
    second number is joined to it (``137 1. Implement`` -> ``137.1``,
    ``111. 29 Strengthen`` -> ``111.29``), as UPR recommendations always have two
    levels at least. Without a number: ``(None, text)``.
    """
    match = _NUMBER.match(text)
    if match is None:
        return None, text.strip()
    levels = _DOTS.split(match.group(1))
    rest = text[match.end() :]
    if len(levels) == 1:
        extra = _SPLIT_LEVEL.match(rest)
        if extra is not None:
            levels.append(extra.group(1))
            rest = rest[extra.end() :]
    return ".".join(levels), _LEAD.sub("", rest)


@attrs.frozen
class StatesSplit:
    """A recommendation's text split from the States in parentheses at its end.

    :ivar text: the recommendation without them (whitespace collapsed).
    :ivar states: what stood in the parentheses (``Brazil, Chile``), or ``None``
        when no parentheses were found at the end.
    :ivar dropped: text that stood after them and was removed (``Annex [English
        only]``), if any beyond punctuation and footnote numbers.
    """

    text: str
    states: str | None
    dropped: str | None = None


def opening_parenthesis(text: str, close: int) -> int | None:
    """The index of the ``(`` that the ``)`` at ``close`` closes, or ``None``."""
    nearest = text.rfind("(", 0, close)
    if nearest >= 0 and ")" not in text[nearest:close]:
        return nearest  # nothing nested: the nearest one
    depth = 0
    for i in range(close, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


def _clean(text: str) -> str:
    # str.split() and the regex \s both split on what str.isspace() calls whitespace.
    return " ".join(text.split()).rstrip(_TRAILING).strip()


def split_states_at_end(text: str) -> tuple[str, str] | None:
    """The first rule of :func:`split_states`: ``(text, states)`` when States in parentheses end it, else ``None``.

    It does not depend on the hints: an importer may keep its result per distinct text.
    """
    for close in range(len(text) - 1, -1, -1):
        char = text[close]
        if char == ")":
            start = opening_parenthesis(text, close)
            if start is not None and text[start + 1 : close].strip():
                return _clean(text[:start]), _clean(text[start + 1 : close])
        elif char not in _JUNK:
            break
    return None


def split_states(text: str, hints: tuple[str, ...] = ()) -> StatesSplit:
    """Split the recommending States in parentheses off the end of ``text``.

    The States are the last parenthesised group (nested parentheses allowed:
    ``(Venezuela (Bolivarian Republic of))``) that only punctuation, closing
    parentheses and footnote digits follow (``(Canada)4; );``). When there is
    none, the last group that names one of ``hints`` (the States of the ``From``
    column) is taken and what follows it is reported as ``dropped``.
    """
    at_end = split_states_at_end(text)
    if at_end is not None:
        return StatesSplit(*at_end)
    lowered = text.casefold()
    for hint in hints:
        needle = hint.casefold().strip()
        if not needle:
            continue
        for close in range(len(text) - 1, -1, -1):
            if text[close] != ")":
                continue
            start = opening_parenthesis(text, close)
            if start is not None and needle in lowered[start + 1 : close]:
                dropped = _clean(text[close + 1 :].strip(" ;:,.)\t\n"))
                return StatesSplit(_clean(text[:start]), _clean(text[start + 1 : close]), dropped or None)
    return StatesSplit(_clean(text), None)


def state_slug(state: str) -> str:
    """``Côte d'Ivoire`` -> ``cote-d-ivoire``: ASCII lower-case letters and digits joined by ``-``."""
    folded = unicodedata.normalize("NFKD", state)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unknown"


_SMALL = frozenset({"of", "the", "and", "da", "de", "del", "la", "le", "du", "des"})


def display_state(spellings: list[str]) -> str:
    """The name to show for a State: its first spelling with a capital letter, else a capitalised one.

    ``["azerbaijan"]`` -> ``Azerbaijan``; ``["united kingdom"]`` -> ``United Kingdom``.
    """
    for spelling in spellings:
        if spelling != spelling.lower():
            return _SPACES.sub(" ", spelling.strip())
    words = _SPACES.sub(" ", spellings[0].strip()).split(" ") if spellings else []
    return " ".join(
        w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
