"""The clusters of the CRC reporting guidelines (CRC/C/58/Rev.3) and the tags that place items in them.

Tagging scheme (a measure's ``tags.themes``, a recommendation's ``themes``):

- ``crc:<cluster>``: the cluster itself, e.g. ``crc:violence`` (keys in :data:`CLUSTERS`);
- ``crc:art<N>``: an article of the Convention, e.g. ``crc:art19``; it places the
  item in the clusters that list the whole article, else in every cluster that
  lists a part of it (``crc:art37`` -> violence and special protection);
- ``crc:art<N>(<p>)`` (also ``crc:art<N>.<p>`` and ``crc:art<N><letter>``): a
  paragraph, e.g. ``crc:art24(3)`` -> violence, ``crc:art37(b)`` -> special
  protection; a paragraph no cluster lists counts as its article
  (``crc:art28(1)`` -> education).

An item that concerns the Convention (a measure whose ``tags.treaties`` name
``CRC`` or one of its protocols, a recommendation of mechanism ``CRC``, or any
``crc:`` tag) but falls in no cluster goes under general measures of implementation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import hrplan

__all__ = [
    "CLUSTERS",
    "CRC_TREATIES",
    "Cluster",
    "cluster",
    "clusters_of",
    "concerns_crc",
    "has_crc_content",
    "measure_clusters",
    "recommendation_clusters",
    "unknown_crc_tags",
]


@attrs.frozen
class Cluster:
    """A cluster of the CRC reporting guidelines.

    :ivar key: its tag without ``crc:`` (``violence``).
    :ivar number: its Roman numeral in the guidelines (``V``).
    :ivar title: its heading.
    :ivar articles: the articles it covers, as written in the guidelines: ``"19"``,
        ``"24(3)"``, ``"37(a)"``.
    """

    key: str
    number: str
    title: str
    articles: tuple[str, ...]

    @property
    def tag(self) -> str:
        """``crc:<key>``."""
        return f"crc:{self.key}"

    def heading(self) -> str:
        """``V. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)``."""
        shown = [re.sub(r"\(", " (", a) for a in self.articles]
        listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
        return f"{self.number}. {self.title} ({'art.' if len(shown) == 1 else 'arts.'} {listed})"


def _span(first: int, last: int) -> tuple[str, ...]:
    return tuple(str(n) for n in range(first, last + 1))


#: The nine clusters, in the order of the guidelines.
CLUSTERS: tuple[Cluster, ...] = (
    Cluster("general-measures", "I", "General measures of implementation", ("4", "42", "44(6)")),
    Cluster("definition", "II", "Definition of the child", ("1",)),
    Cluster("general-principles", "III", "General principles", ("2", "3", "6", "12")),
    Cluster("civil-rights", "IV", "Civil rights and freedoms", ("7", "8", *_span(13, 17))),
    Cluster("violence", "V", "Violence against children", ("19", "24(3)", "28(2)", "34", "37(a)", "39")),
    Cluster(
        "family-environment", "VI", "Family environment and alternative care",
        ("5", "9", "10", "11", "18(1)", "18(2)", "20", "21", "25", "27(4)"),
    ),
    Cluster(
        "disability-health", "VII", "Disability, basic health and welfare",
        ("6", "18(3)", "23", "24", "26", "27(1)", "27(2)", "27(3)", "33"),
    ),
    Cluster("education", "VIII", "Education, leisure and cultural activities", _span(28, 31)),
    Cluster(
        "special-protection", "IX", "Special protection measures",
        ("22", "30", *_span(32, 36), "37(b)", "37(c)", "37(d)", *_span(38, 40)),
    ),
)  # fmt: skip

_BY_KEY = {c.key: c for c in CLUSTERS}

#: Treaty names (upper case) that make a measure concern the Convention.
CRC_TREATIES: frozenset[str] = frozenset({"CRC", "OPSC", "OPAC", "OPIC", "CRC-OPSC", "CRC-OPAC", "CRC-OPIC"})

_ARTICLE = re.compile(r"art(?:icle)?[-_ ]?(\d{1,2})(?:\s*(?:\((\w+)\)|\.(\w+)|([a-d])))?", re.IGNORECASE)


def cluster(key: str) -> Cluster:
    """The cluster with key ``key`` (``violence``; ``crc:violence`` works too).

    :raises KeyError: when there is none.
    """
    return _BY_KEY[key.removeprefix("crc:")]


def _article_clusters(number: str, part: str | None) -> list[str]:
    if part is not None:
        wanted = f"{number}({part.lower()})"
        exact = [c.key for c in CLUSTERS if wanted in c.articles]
        if exact:
            return exact
    whole = [c.key for c in CLUSTERS if number in c.articles]
    if whole:
        return whole
    return [c.key for c in CLUSTERS if any(a.startswith(f"{number}(") for a in c.articles)]


def _tag_clusters(tag: str) -> list[str] | None:
    """The cluster keys a ``crc:`` tag names; ``None`` when it is not a known cluster or article tag."""
    body = tag.strip()[4:].strip().lower()
    if body in _BY_KEY:
        return [body]
    match = _ARTICLE.fullmatch(body)
    if match is None or not 1 <= int(match.group(1)) <= 54:
        return None
    part = match.group(2) or match.group(3) or match.group(4)
    return _article_clusters(str(int(match.group(1))), part)


def _crc_tags(themes: Iterable[str]) -> list[str]:
    return [t for t in themes if t.strip().lower().startswith("crc:")]


def clusters_of(themes: Iterable[str]) -> tuple[str, ...]:
    """The keys of the clusters ``themes`` place an item in, in the guidelines' order."""
    found: set[str] = set()
    for tag in _crc_tags(themes):
        found.update(_tag_clusters(tag) or ())
    return tuple(c.key for c in CLUSTERS if c.key in found)


def unknown_crc_tags(themes: Iterable[str]) -> tuple[str, ...]:
    """The ``crc:`` tags among ``themes`` that name no cluster and no article of the Convention."""
    return tuple(tag for tag in _crc_tags(themes) if _tag_clusters(tag) is None)


def concerns_crc(themes: Iterable[str], treaties: Iterable[str] = (), mechanism: str | None = None) -> bool:
    """Whether an item concerns the Convention: a ``crc:`` tag, a CRC treaty tag, or mechanism CRC."""
    if _crc_tags(themes):
        return True
    if any(t.strip().upper() in CRC_TREATIES for t in treaties):
        return True
    return mechanism is not None and mechanism.strip().upper() == "CRC"


def measure_clusters(measure: hrplan.Measure) -> tuple[str, ...]:
    """The clusters a measure belongs to (general measures when it concerns the CRC but names none)."""
    keys = clusters_of(measure.tags.themes)
    if not keys and concerns_crc(measure.tags.themes, measure.tags.treaties):
        return ("general-measures",)
    return keys


def recommendation_clusters(rec: hrplan.Recommendation) -> tuple[str, ...]:
    """The clusters a recommendation belongs to (general measures when it concerns the CRC but names none)."""
    keys = clusters_of(rec.themes)
    if not keys and concerns_crc(rec.themes, mechanism=rec.mechanism):
        return ("general-measures",)
    return keys


def has_crc_content(program: hrplan.Program) -> bool:
    """Whether a measure or a recommendation of ``program`` belongs to a CRC cluster."""
    return any(measure_clusters(m) for m in program.iter_measures()) or any(
        recommendation_clusters(r) for r in program.recommendations
    )
