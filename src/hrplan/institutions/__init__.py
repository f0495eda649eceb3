"""Institution registries: recognising the bodies a plan names.

A :class:`Registry` holds the known institutions of a country and finds them by
any name they go by (:meth:`Registry.lookup`, :meth:`Registry.match` with near
misses). :func:`split_names` cuts a list of institutions as a plan writes it into
single names; :func:`resolve_names` maps each to an institution, keeping unknown
names as new institutions and reporting what it guessed as findings (``IN001``
near miss, ``IN002`` unknown name). See ``docs/institutions.md``.

Imports only :mod:`hrplan.model`, :mod:`hrplan.findings` and :mod:`hrplan.errors`.
"""

from hrplan.institutions._consent import has_consent_marker, strip_consent_marker
from hrplan.institutions._heads import has_head_noun
from hrplan.institutions._new import guess_kind, slugify
from hrplan.institutions._normalise import JURISDICTION_SUFFIXES, name_key, normalise_name
from hrplan.institutions._registry import Match, Registry
from hrplan.institutions._resolve import CODES, Resolution, Resolved, Resolver, resolve_names
from hrplan.institutions._roles import split_role_mark
from hrplan.institutions._split import split_names

__all__ = [
    "CODES",
    "JURISDICTION_SUFFIXES",
    "Match",
    "Registry",
    "Resolution",
    "Resolved",
    "Resolver",
    "guess_kind",
    "has_consent_marker",
    "has_head_noun",
    "name_key",
    "normalise_name",
    "resolve_names",
    "slugify",
    "split_names",
    "split_role_mark",
    "strip_consent_marker",
]
