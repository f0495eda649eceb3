"""Splitting a list of institutions, as a plan writes it, into single names."""

from __future__ import annotations

import re
from collections.abc import Callable

from hrplan.institutions._consent import split_consent_marker, strip_consent_marker
from hrplan.institutions._heads import PluralHead, continues_complement, has_head_noun, plural_head, standalone
from hrplan.institutions._lines import chunks
from hrplan.institutions._normalise import strip_jurisdiction, tidy
from hrplan.institutions._pieces import Pieces, cut
from hrplan.institutions._registry import Registry

__all__ = ["MAX_NAME_PIECES", "split_names"]

Knows = Callable[[str], bool]

#: The most pieces (parts between commas, semicolons and "and") one institution's name
#: is read across: the registry is asked about runs of at most this many pieces, which
#: keeps splitting linear in the length of the list.
MAX_NAME_PIECES = 8


def split_names(text: str, registry: Registry | None = None) -> list[str]:
    """Split a list of institutions as written in a plan into single names.

    Cuts at commas, semicolons, "and" and line breaks, then re-joins what belongs
    together: pieces whose joined text the ``registry`` knows ("Ministry of
    Culture and Tourism"), and pieces with no head noun of their own ("State
    Committee for Standardization, Metrology and Patents"). A plural head
    ("Ministries of Justice, Internal Affairs of the Republic of Azerbaijan")
    is shared by the pieces that follow it, up to the jurisdiction that closes
    the list. Names broken across lines are joined; bullets and one name per
    line are understood; "(upon consent)" stays on the name it follows. Nothing
    but separators, footnote numbers glued to a word ("Justice2") and the
    jurisdiction of a plural list is dropped.

    It takes time linear in the length of ``text``: a name is read across at most
    :data:`MAX_NAME_PIECES` pieces.
    """
    knows = _knower(registry)
    names: list[str] = []
    for line in chunks(_FOOTNOTE.sub("", text), knows):
        names.extend(_split_line(cut(line), knows))
    return [name for name in map(tidy, names) if name]


#: A footnote number glued to the end of a word of a name ("Ministry of Justice2,").
_FOOTNOTE = re.compile(r"(?<=[a-z]{3})\d{1,2}(?=$|[\s,;.)])", re.MULTILINE)


def _knower(registry: Registry | None) -> Knows:
    if registry is None:
        return lambda _name: False
    return lambda name: registry.knows(strip_consent_marker(name)[0])


def _split_line(pieces: Pieces, knows: Knows) -> list[str]:
    names: list[str] = []
    first = 0
    while first < len(pieces):
        head = plural_head(pieces.texts[first])
        last = _group_end(pieces, first, knows) if head else first
        if head and last > first:
            names.extend(_distribute(head, pieces, first, last, knows))
        else:
            run = _known_run(pieces, first, knows)
            last = run if run is not None else _glued(pieces, first, knows)
            names.append(pieces.join(first, last))
        first = last + 1
    return names


def _known_run(pieces: Pieces, first: int, knows: Knows) -> int | None:
    """The last piece of the longest run from ``first`` (two pieces or more, at most
    :data:`MAX_NAME_PIECES`) the registry knows."""
    for last in range(min(len(pieces), first + MAX_NAME_PIECES) - 1, first, -1):
        if knows(pieces.join(first, last)):
            return last
    return None


def _glued(pieces: Pieces, first: int, knows: Knows) -> int:
    """The last piece of the name that starts at ``first``: pieces with no head noun stay on."""
    last = first
    left = _Left(pieces, first, knows)
    while last + 1 < len(pieces) and not _separate(pieces, left, last + 1, knows):
        last += 1
        left.add(last)
    return last


class _Left:
    """Whether the name read so far (pieces ``first`` to ``last``) can stand alone, kept
    up to date piece by piece instead of asking again about the whole name."""

    def __init__(self, pieces: Pieces, first: int, knows: Knows) -> None:
        self.pieces, self.first, self.last, self.knows = pieces, first, first, knows
        self.head = standalone(pieces.texts[first], lambda _name: False, strong=True)
        self.complement = _COMPLEMENT.search(pieces.texts[first]) is not None

    def add(self, last: int) -> None:
        self.last = last
        self.head = self.head or has_head_noun(self.pieces.texts[last])
        self.complement = self.complement or _COMPLEMENT.search(self.pieces.texts[last]) is not None

    def standalone(self) -> bool:
        """:func:`standalone` (strong) of the joined name."""
        if self.head:
            return True
        if self.last - self.first < MAX_NAME_PIECES:
            return self.knows(self.pieces.join(self.first, self.last))
        return False


def _separate(pieces: Pieces, left: _Left, following: int, knows: Knows) -> bool:
    """Whether piece ``following`` starts a new name after the name ``left`` holds."""
    if _known_run(pieces, following, knows) is not None:
        return True
    if ";" in pieces.seps[following - 1] and left.standalone():  # a semicolon ends a whole name
        return True
    if pieces.is_and(following):
        if continues_complement(pieces.texts[following - 1], pieces.texts[following]):
            return False
        return standalone(pieces.texts[following], knows, strong=True) and left.standalone()
    if standalone(pieces.join(following, _and_run(pieces, following)), knows):
        return True
    # After a comma, a piece without a head noun goes on with an enumeration of the name's
    # complement ("State Committee for Standardization, Metrology and Patents"): there must be a
    # complement, and the enumeration closes with "and". "Police, Prosecutors" and "Ministry of
    # Education, Municipalities" are two bodies each.
    return not left.complement or (left.standalone() and not _closes_with_and(pieces, following))


#: A preposition that opens the complement of a name ("Ministry of ...", "Committee for ...").
_COMPLEMENT = re.compile(r"\b(?:of|for|on)\s", re.IGNORECASE)


def _closes_with_and(pieces: Pieces, following: int) -> bool:
    """Whether the pieces from ``following`` reach a piece joined by "and" (or holding ``&``:
    ``Youth & Sports``) before a piece that can stand alone (at most :data:`MAX_NAME_PIECES` on)."""
    for k in range(following, min(len(pieces), following + MAX_NAME_PIECES)):
        if k > following and has_head_noun(pieces.texts[k]):
            return False
        if (k > following and pieces.is_and(k)) or "&" in pieces.texts[k]:
            return True
    return False


def _and_run(pieces: Pieces, first: int) -> int:
    """The last piece joined to ``first`` by bare "and"s ("National Television and Radio
    Council"), at most :data:`MAX_NAME_PIECES` pieces."""
    last = first
    while last + 1 < len(pieces) and last + 1 - first < MAX_NAME_PIECES and pieces.is_and(last + 1):
        last += 1
    return last


def _group_end(pieces: Pieces, first: int, knows: Knows) -> int:
    """The last member of the plural list starting at ``first``: up to its jurisdiction."""
    last = first
    while last + 1 < len(pieces) and not _has_jurisdiction(pieces.texts[last]):
        if standalone(pieces.texts[last + 1], knows):
            break
        last += 1
    return last


def _has_jurisdiction(text: str) -> bool:
    name = tidy(strip_consent_marker(text)[0])
    return strip_jurisdiction(name) != name


def _distribute(head: PluralHead, pieces: Pieces, first: int, last: int, knows: Knows) -> list[str]:
    members = Pieces((head.rest, *pieces.texts[first + 1 : last + 1]), pieces.seps[first:last])
    names: list[str] = []
    start = 0
    while start < len(members):
        end = start
        for candidate in range(min(len(members), start + MAX_NAME_PIECES) - 1, start, -1):
            if knows(f"{head.singular} {members.join(start, candidate)}"):
                end = candidate
                break
        names.append(f"{head.singular} {_without_jurisdiction(members.join(start, end))}")
        start = end + 1
    return names


def _without_jurisdiction(member: str) -> str:
    name, marker = split_consent_marker(member)
    return f"{strip_jurisdiction(tidy(name))}{marker}"
