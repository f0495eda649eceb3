"""Splitting a list of institutions, as a plan writes it, into single names."""

from __future__ import annotations

from collections.abc import Callable

from hrplan.institutions._consent import split_consent_marker, strip_consent_marker
from hrplan.institutions._heads import PluralHead, plural_head, standalone
from hrplan.institutions._lines import chunks
from hrplan.institutions._normalise import strip_jurisdiction, tidy
from hrplan.institutions._pieces import Pieces, cut
from hrplan.institutions._registry import Registry

__all__ = ["split_names"]

Knows = Callable[[str], bool]


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
    but separators and the jurisdiction of a plural list is dropped.
    """
    knows = _knower(registry)
    names: list[str] = []
    for line in chunks(text, knows):
        names.extend(_split_line(cut(line), knows))
    return [name for name in map(tidy, names) if name]


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
    """The last piece of the longest run from ``first`` (two pieces or more) the registry knows."""
    for last in range(len(pieces) - 1, first, -1):
        if knows(pieces.join(first, last)):
            return last
    return None


def _glued(pieces: Pieces, first: int, knows: Knows) -> int:
    """The last piece of the name that starts at ``first``: pieces with no head noun stay on."""
    last = first
    while last + 1 < len(pieces) and not _separate(pieces, first, last + 1, knows):
        last += 1
    return last


def _separate(pieces: Pieces, first: int, following: int, knows: Knows) -> bool:
    """Whether piece ``following`` starts a new name (the name so far starts at ``first``)."""
    if _known_run(pieces, following, knows) is not None:
        return True
    if pieces.is_and(following):
        left = pieces.join(first, following - 1)
        return standalone(pieces.texts[following], knows, strong=True) and standalone(left, knows, strong=True)
    return standalone(pieces.join(following, _and_run(pieces, following)), knows)


def _and_run(pieces: Pieces, first: int) -> int:
    """The last piece joined to ``first`` by bare "and"s ("National Television and Radio Council")."""
    last = first
    while last + 1 < len(pieces) and pieces.is_and(last + 1):
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
        for candidate in range(len(members) - 1, start, -1):
            if knows(f"{head.singular} {members.join(start, candidate)}"):
                end = candidate
                break
        names.append(f"{head.singular} {_without_jurisdiction(members.join(start, end))}")
        start = end + 1
    return names


def _without_jurisdiction(member: str) -> str:
    name, marker = split_consent_marker(member)
    return f"{strip_jurisdiction(tidy(name))}{marker}"
