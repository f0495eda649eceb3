"""One registry of States, so that a State has one identity whatever file it came from.

Sources spell States their own way: ``United Kingdom of Great Britain and
Northern Ireland``, ``United Kingdom``, ``UK``; ``Bolivarian Republic of
Venezuela``, ``Venezuela (Bolivarian Republic of)``, ``Venezuela``. The
registry (shipped as ``countries.tsv`` beside this module: the 193 UN member
States and the 2 observer States, with ISO 3166-1 codes and common variants)
maps every spelling to one :class:`Country`::

    >>> from hrplan.countries import lookup
    >>> lookup("UK").alpha3
    'GBR'
    >>> lookup("Bolivarian Republic of Venezuela") is lookup("Venezuela (Bolivarian Republic of)")
    True
    >>> lookup("Trinidad & Tobago").name
    'Trinidad and Tobago'
    >>> lookup("Atlantis") is None
    True

Names are compared after :func:`name_key`: accents, case, punctuation, ``&``
and ``St.`` do not matter. A name ``X (Y)`` also matches as ``Y X`` and ``X``,
and a name ``X, Y`` as ``Y X``.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs

__all__ = ["Country", "CountryRegistry", "canonical_name", "lookup", "name_key", "registry"]

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_PARENS = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<tail>[^()]+)\)$")


@attrs.frozen
class Country:
    """A State in the registry.

    :ivar alpha2: its ISO 3166-1 alpha-2 code (``GB``).
    :ivar alpha3: its ISO 3166-1 alpha-3 code (``GBR``).
    :ivar name: its name as the United Nations write it (the canonical name).
    :ivar observer: whether it is a UN observer State (Holy See, State of Palestine).
    :ivar variants: other names it goes by (``United Kingdom``, ``UK``).
    """

    alpha2: str
    alpha3: str
    name: str
    observer: bool = False
    variants: tuple[str, ...] = ()


def name_key(name: str) -> str:
    """``name`` folded for comparison: ``Côte d\u2019Ivoire`` and ``cote d'ivoire`` give the same key.

    HTML entities are decoded, accents, case and punctuation dropped, ``&`` read
    as ``and``, ``St`` as ``Saint``, and a leading ``the`` ignored.
    """
    text = unicodedata.normalize("NFKD", html.unescape(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    words = _NOT_WORD.sub(" ", text).split()
    words = ["saint" if w == "st" else w for w in words]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _spellings(name: str) -> Iterator[str]:
    yield name
    match = _PARENS.match(name)
    if match:  # Venezuela (Bolivarian Republic of) -> Bolivarian Republic of Venezuela, Venezuela
        yield f"{match['tail']} {match['head']}"
        yield match["head"]
    if name.count(",") == 1:  # Korea, Republic of -> Republic of Korea
        head, tail = (part.strip() for part in name.split(","))
        yield f"{tail} {head}"


class CountryRegistry:
    """Countries by code and by every spelling of their names.

    :raises ValueError: when two countries share a code or a spelling.
    """

    def __init__(self, countries: Iterable[Country]) -> None:
        self._countries = tuple(countries)
        self._by_key: dict[str, Country] = {}
        self._by_code: dict[str, Country] = {}
        for country in self._countries:
            for code in (country.alpha2, country.alpha3):
                if code.upper() in self._by_code:
                    raise ValueError(f"country code {code!r} is used twice")
                self._by_code[code.upper()] = country
            for spelling in (country.name, *country.variants):
                for variant in _spellings(spelling):
                    key = name_key(variant)
                    other = self._by_key.setdefault(key, country)
                    if other is not country:
                        raise ValueError(f"{variant!r} names both {other.name!r} and {country.name!r}")
        self.lookup = functools.lru_cache(maxsize=4096)(self._lookup)

    def _lookup(self, name: str) -> Country | None:
        """The country ``name`` (any spelling) or code (``GB``, ``GBR``) stands for, or ``None``."""
        stripped = name.strip()
        if 2 <= len(stripped) <= 3 and stripped.isupper() and stripped in self._by_code:
            return self._by_code[stripped]
        for spelling in _spellings(stripped):
            found = self._by_key.get(name_key(spelling))
            if found is not None:
                return found
        return None

    def __iter__(self) -> Iterator[Country]:
        return iter(self._countries)

    def __len__(self) -> int:
        return len(self._countries)

    def __getitem__(self, code: str) -> Country:
        """The country with ISO code ``code`` (alpha-2 or alpha-3, any case)."""
        return self._by_code[code.upper()]


def _parse(text: str) -> Iterator[Country]:
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alpha2, alpha3, name, status, *rest = line.split("\t")
        variants = tuple(v.strip() for v in (rest[0] if rest else "").split("|") if v.strip())
        yield Country(alpha2, alpha3, name, status == "observer", variants)


@functools.cache
def registry() -> CountryRegistry:
    """The registry shipped with hrplan (UN member and observer States)."""
    from importlib import resources  # loaded on first use: it costs import time

    text = resources.files(__name__).joinpath("countries.tsv").read_text(encoding="utf-8")
    return CountryRegistry(_parse(text))


def lookup(name: str) -> Country | None:
    """The country of the shipped registry that ``name`` (or an ISO code) stands for, or ``None``."""
    return registry().lookup(name)


def canonical_name(name: str) -> str:
    """The UN name of the State ``name`` stands for, or ``name`` itself (spaces collapsed) when unknown."""
    country = lookup(name)
    return country.name if country is not None else " ".join(html.unescape(name).split())
