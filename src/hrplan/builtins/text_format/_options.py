"""The importer's options, and the institution registry they choose."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import PurePath
from typing import Any

import attrs

from hrplan.errors import FormatError
from hrplan.findings import Finding, Severity
from hrplan.institutions import Registry
from hrplan.labels import Label, as_labels
from hrplan.model import Institution
from hrplan.options import as_date, as_year, check_names

__all__ = ["ReadOptions", "choose_registry", "default_program_id", "read_options"]

_READ_OPTIONS = ("adopted", "country", "default_year", "encoding", "labels", "program_id", "registry")
_SLUG_GAPS = re.compile(r"[^a-z0-9]+")
#: Countries recognised in a title ("... in the Republic of Azerbaijan"), when a
#: registry is installed for them.
_COUNTRY_NAMES = {
    "armenia": "AM",
    "azerbaijan": "AZ",
    "georgia": "GE",
    "kazakhstan": "KZ",
    "moldova": "MD",
    "uzbekistan": "UZ",
}
_REPUBLIC = re.compile(r"\bRepublic of (?:the )?(\w+)")


@attrs.frozen
class ReadOptions:
    """The importer's options, checked.

    :ivar program_id: the program's id (``None``: from the file name).
    :ivar country: an ISO 3166-1 alpha-2 code, upper-case (``None``: see :func:`choose_registry`).
    :ivar encoding: the text encoding of the file.
    :ivar registry: institutions given directly, if any.
    :ivar labels: labels added for this import (the ``labels`` option).
    :ivar default_year: the year of time-limits that name none (``Third quarter``).
    :ivar adopted: the adoption day, from which ``within 6 months`` counts.
    """

    program_id: str | None = None
    country: str | None = None
    encoding: str = "utf-8"
    registry: Registry | None = None
    labels: tuple[Label, ...] = ()
    default_year: int | None = None
    adopted: date | None = None


def _text(name: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value.strip() if value else None
    raise FormatError(f"text: option {name!r} must be a string, got {value!r}")


def _registry(value: object) -> Registry | None:
    if value is None or isinstance(value, Registry):
        return value
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping):
        institutions = tuple(value)
        if all(isinstance(i, Institution) for i in institutions):
            return Registry(institutions)
    raise FormatError(f"text: option 'registry' must be a Registry or Institution objects, got {value!r}")


def read_options(options: Mapping[str, Any]) -> ReadOptions:
    """Check the options given to the importer.

    :raises FormatError: for an unknown option or a value of the wrong sort.
    """
    check_names("text", options, _READ_OPTIONS)
    encoding = _text("encoding", options.get("encoding")) or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise FormatError(f"text: option 'encoding': unknown encoding {encoding!r}") from None
    country = _text("country", options.get("country"))
    return ReadOptions(
        program_id=_text("program_id", options.get("program_id")),
        country=country.upper() if country else None,
        encoding=encoding,
        registry=_registry(options.get("registry")),
        labels=_labels(options.get("labels")),
        default_year=as_year("text", "default_year", options.get("default_year")),
        adopted=None if options.get("adopted") is None else as_date("text", "adopted", options["adopted"]),
    )


def _labels(value: object) -> tuple[Label, ...]:
    """The labels the ``labels`` option adds for this import."""
    if value is None:
        return ()
    try:
        return tuple(as_labels(value))
    except ValueError as exc:
        raise FormatError(f"text: option 'labels': {exc}") from None


def default_program_id(source: str | None) -> str:
    """A slug of the file's name without its extension (``imported`` when there is none)."""
    stem = PurePath(source).stem.lower() if source else ""
    return _SLUG_GAPS.sub("-", stem).strip("-") or "imported"


def _country_in(title: str) -> str | None:
    for match in _REPUBLIC.finditer(title):
        code = _COUNTRY_NAMES.get(match[1].lower())
        if code is not None:
            return code
    return None


def choose_registry(
    options: ReadOptions, title: str, source: str | None, registries: Mapping[str, Iterable[Institution]]
) -> tuple[Registry, str | None, list[Finding]]:
    """The registry to resolve names with, the program's country, and a finding if the
    country has no registry (``TX010``).

    The country is the ``country`` option; without it and without a ``registry``
    option, a country named in the title ("Republic of Azerbaijan") is used when a
    plugin registers institutions for it.
    """
    country = options.country
    if country is None and options.registry is None:
        guess = _country_in(title)
        country = guess if guess in registries else None
    found: list[Finding] = []
    chosen = [options.registry] if options.registry is not None else []
    if country is not None and country in registries:
        chosen.append(Registry(tuple(registries[country]), country))
    elif country is not None:
        message = f"no institution registry is installed for country {country}: every institution is new"
        found.append(Finding(Severity.WARNING, "TX010", message, "", source))
    registry = Registry.merge(*chosen) if chosen else Registry((), country)
    return registry, country, found
