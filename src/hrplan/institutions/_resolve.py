"""From a list of institutions as written to institutions of a registry, with findings."""

from __future__ import annotations

import attrs

from hrplan.findings import Finding, Severity
from hrplan.institutions._consent import strip_consent_marker
from hrplan.institutions._new import new_institution
from hrplan.institutions._normalise import name_key, normalise_name
from hrplan.institutions._registry import Registry
from hrplan.institutions._roles import split_role_mark
from hrplan.institutions._split import split_names
from hrplan.model import Implementer, Institution, Role

__all__ = ["CODES", "Resolution", "Resolved", "Resolver", "resolve_names"]

#: The finding codes :func:`resolve_names` reports, with what each means.
CODES = {
    "IN001": "a name read as a known institution whose name is close to it (near miss)",
    "IN002": "an unknown institution, kept as a new institution",
}


@attrs.frozen
class Resolved:
    """One name of a list and the institution it stands for.

    :ivar institution: the institution, from the registry or new.
    :ivar role: ``UPON_CONSENT`` when the name is marked "(upon consent)"
        ("(by consent)", "(with consent)"), else ``LEAD``.
    :ivar written: the name as written (after splitting).
    :ivar how: ``"exact"``, ``"near-miss"`` or ``"new"``.
    :ivar marked: the role written in brackets after the name (``Ombudsman (partner)``),
        else ``None``: the caller's role for the list applies.
    """

    institution: Institution
    role: Role
    written: str
    how: str
    marked: Role | None = None


@attrs.frozen
class Resolution:
    """What :func:`resolve_names` made of a list.

    :ivar resolved: one per institution named, in the order named (repeats dropped).
    :ivar findings: near misses (``IN001``) and unknown names (``IN002``).
    :ivar registry: the registry given, plus the new institutions.
    """

    resolved: tuple[Resolved, ...]
    findings: tuple[Finding, ...]
    registry: Registry

    @property
    def implementers(self) -> tuple[Implementer, ...]:
        """The resolved names as implementers of a measure: institution id and role."""
        return tuple(Implementer(r.institution.id, r.role) for r in self.resolved)


def resolve_names(text: str, registry: Registry, *, location: str = "", source: str | None = None) -> Resolution:
    """Split ``text`` with :func:`split_names` and find each name in ``registry``.

    An exact name (or alias) is taken as is; a near miss is taken and reported
    as ``IN001``; an unknown name becomes a new institution (a slug id, a kind
    guessed from the name), added to the returned registry and reported as
    ``IN002``. Nothing is dropped, except an institution named twice in the list.
    ``location`` and ``source`` go into the findings.
    """
    resolved: list[Resolved] = []
    findings: list[Finding] = []
    seen: set[str] = set()
    new = _New(registry)
    for written in split_names(text, registry):
        name, consent = strip_consent_marker(written)
        name, marked = split_role_mark(name)
        if not normalise_name(name):
            continue
        one, finding = _resolve_one(name, written, registry, new)
        one = attrs.evolve(one, role=Role.UPON_CONSENT if consent else Role.LEAD, marked=marked)
        if one.institution.id not in seen:
            seen.add(one.institution.id)
            resolved.append(one)
        if finding is not None:
            findings.append(attrs.evolve(finding, location=location, source=source))
    return Resolution(tuple(resolved), tuple(findings), new.registry())


class Resolver:
    """:func:`resolve_names` against a registry that grows with every new name, each text's
    resolution remembered while the registry is unchanged (plans repeat the same lists
    of institutions many times).

    :ivar registry: the registry given, plus the new institutions met so far.
    """

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._known: dict[str, Resolution] = {}

    def resolve(self, text: str, *, location: str = "", source: str | None = None) -> Resolution:
        """:func:`resolve_names` of ``text``; new institutions are added to :attr:`registry`."""
        known = self._known.get(text)
        if known is not None:
            findings = tuple(attrs.evolve(finding, location=location, source=source) for finding in known.findings)
            return attrs.evolve(known, findings=findings)
        resolution = resolve_names(text, self.registry, location=location, source=source)
        if resolution.registry is self.registry:
            self._known[text] = resolution
        else:  # new institutions: a name read before may now read otherwise
            self._known.clear()
            self.registry = resolution.registry
        return resolution


class _New:
    """The institutions one list adds, found again by name without rebuilding the registry
    for each (which made long lists of new names quadratic)."""

    def __init__(self, registry: Registry) -> None:
        self.base = registry
        self.added: list[Institution] = []
        self.by_key: dict[str, Institution] = {}
        self.taken: set[str] = set(registry.ids)

    def get(self, name: str) -> Institution | None:
        return self.by_key.get(name_key(name))

    def add(self, institution: Institution) -> None:
        self.added.append(institution)
        self.taken.add(institution.id)
        for name in institution.names:
            self.by_key.setdefault(name_key(name), institution)

    def registry(self) -> Registry:
        if not self.added:
            return self.base
        return Registry((*self.base.institutions, *self.added), self.base.country)


def _resolve_one(name: str, written: str, registry: Registry, new: _New) -> tuple[Resolved, Finding | None]:
    normalised = normalise_name(name)
    added = new.get(name)
    if added is not None:  # named earlier in the same list
        return Resolved(added, Role.LEAD, written, "new"), None
    match = registry.match(name)
    if match is not None and match.exact:
        return Resolved(match.institution, Role.LEAD, written, "exact"), None
    if match is not None:
        message = f"'{normalised}' read as '{match.institution.name}' (near miss, {match.score:.2f})"
        finding = Finding(Severity.WARNING, "IN001", message)
        return Resolved(match.institution, Role.LEAD, written, "near-miss"), finding
    institution = new_institution(normalised, " ".join(name.split()), new.taken)
    new.add(institution)
    message = f"unknown institution '{normalised}' kept as new institution '{institution.id}'"
    finding = Finding(Severity.WARNING, "IN002", message)
    return Resolved(institution, Role.LEAD, written, "new"), finding
