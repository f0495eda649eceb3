"""The known institutions of one country, found by any name they go by."""

from __future__ import annotations

import collections
from collections.abc import Iterable

import attrs

from hrplan.errors import ModelError
from hrplan.institutions._normalise import name_key
from hrplan.institutions._similarity import similarity
from hrplan.model import Institution

__all__ = ["Match", "Registry"]


def _institutions(value: Iterable[Institution]) -> tuple[Institution, ...]:
    return tuple(value)


@attrs.frozen
class Match:
    """An institution found for a name.

    :ivar institution: the institution.
    :ivar score: 1.0 for an exact match, else the similarity of the closest name (0-1).
    :ivar exact: whether a name of the institution equals the name looked up, once
        both are normalised and case-folded.
    """

    institution: Institution
    score: float
    exact: bool


#: A near miss must beat the closest other institution by this much.
_MARGIN = 0.02


@attrs.frozen
class Registry:
    """Known institutions of one country, with a lookup by every name they go by.

    Names, short names and aliases are compared after :func:`normalise_name` and
    case folding. When two institutions claim the same name, the first one wins.

    :ivar institutions: the institutions, in order; ids are unique.
    :ivar country: an ISO 3166-1 alpha-2 code, if the registry is a country's.
    """

    institutions: tuple[Institution, ...] = attrs.field(converter=_institutions)
    country: str | None = None
    _index: dict[str, Institution] = attrs.field(init=False, repr=False, eq=False)

    @institutions.validator
    def _check_ids(self, _attribute: attrs.Attribute[tuple[Institution, ...]], value: tuple[Institution, ...]) -> None:
        counts = collections.Counter(institution.id for institution in value)
        repeated = sorted(i for i, n in counts.items() if n > 1)
        if repeated:
            raise ModelError(f"institution ids must be unique in a registry, repeated: {', '.join(repeated)}")

    @_index.default
    def _build_index(self) -> dict[str, Institution]:
        index: dict[str, Institution] = {}
        for institution in self.institutions:
            for name in institution.names:
                index.setdefault(name_key(name), institution)
        return index

    @property
    def ids(self) -> frozenset[str]:
        """The ids of the institutions."""
        return frozenset(institution.id for institution in self.institutions)

    def lookup(self, name: str) -> Institution | None:
        """The institution one of whose names is ``name`` (normalised, any case), or ``None``."""
        return self._index.get(name_key(name))

    def knows(self, name: str) -> bool:
        """Whether :meth:`lookup` finds ``name``."""
        return self.lookup(name) is not None

    def match(self, name: str, cutoff: float = 0.88) -> Match | None:
        """An exact match, else the closest name scoring at least ``cutoff``, else ``None``.

        A near miss is refused when another institution scores almost as well
        (within 0.02, both at least ``cutoff``): "North Regional Centre" is not
        guessed between "North" and "Northwest". Ties go to the institution listed first.
        """
        key = name_key(name)
        found = self._index.get(key)
        if found is not None:
            return Match(found, 1.0, True)
        best: dict[str, Match] = {}
        for known, institution in self._index.items():
            score = similarity(key, known, cutoff)
            current = best.get(institution.id)
            if score >= cutoff and (current is None or score > current.score):
                best[institution.id] = Match(institution, score, False)
        ranked = sorted(best.values(), key=lambda m: -m.score)
        if not ranked or (len(ranked) > 1 and ranked[0].score - ranked[1].score < _MARGIN):
            return None
        return ranked[0]

    def with_institution(self, institution: Institution) -> Registry:
        """A copy with ``institution`` added at the end (its id must be new)."""
        return Registry((*self.institutions, institution), self.country)

    def with_parents(self, used: Iterable[Institution]) -> list[Institution]:
        """``used`` in order (first of each id), then the parents they name that this registry knows."""
        chosen: dict[str, Institution] = {}
        for institution in used:
            chosen.setdefault(institution.id, institution)
        known = {institution.id: institution for institution in self.institutions}
        pending = list(chosen.values())
        while pending:
            parent = pending.pop().parent
            if parent is not None and parent not in chosen and parent in known:
                chosen[parent] = known[parent]
                pending.append(known[parent])
        return list(chosen.values())

    @classmethod
    def collect(cls, institutions: Iterable[Institution], country: str | None = None) -> Registry:
        """A registry of ``institutions`` that may repeat an id, as when several plugins
        register the same country: the first keeps its fields, the others add their names.
        """
        return cls.merge(*(cls((institution,)) for institution in institutions), cls((), country))

    @classmethod
    def merge(cls, *registries: Registry) -> Registry:
        """One registry with the institutions of all, in order.

        An id found in several keeps the first one's fields; the names of the
        others become extra aliases. The country is the first one given.
        """
        merged: dict[str, Institution] = {}
        for registry in registries:
            for institution in registry.institutions:
                known = merged.get(institution.id)
                merged[institution.id] = institution if known is None else _combine(known, institution)
        country = next((r.country for r in registries if r.country), None)
        return cls(tuple(merged.values()), country)


def _combine(first: Institution, other: Institution) -> Institution:
    """``first`` with the names of ``other`` it lacks as aliases (and its short name, parent if none)."""
    combined = attrs.evolve(
        first, short_name=first.short_name or other.short_name, parent=first.parent or other.parent
    )
    keys = {name_key(name) for name in combined.names}
    extra: list[str] = []
    for name in other.names:
        if name_key(name) not in keys:
            keys.add(name_key(name))
            extra.append(name)
    return attrs.evolve(combined, aliases=(*first.aliases, *extra))
