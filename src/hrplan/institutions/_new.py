"""New institutions for names no registry knows: an id and a guessed kind."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from hrplan.model import Institution, InstitutionKind

__all__ = ["guess_kind", "new_institution", "slugify", "unique_id"]

_MAX_SLUG = 60
#: Letters NFKD does not take apart into a Latin letter and an accent.
_LETTERS = str.maketrans({"ə": "e", "Ə": "e", "\u0131": "i", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "œ": "oe"})

_K = InstitutionKind
#: (pattern, kind); the pattern found earliest in a name decides, the longest on a tie.
_KINDS: tuple[tuple[re.Pattern[str], InstitutionKind], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\bministr(?:y|ies)\b", _K.MINISTRY),
        (r"\bstate committee\b", _K.STATE_COMMITTEE),
        (r"\bcourts?\b", _K.COURT),
        (r"\bprosecutor", _K.PROSECUTION),
        (r"\bombudsman\b|\bcommissioner for human rights\b", _K.OMBUDSMAN),
        (r"\bbar association\b", _K.BAR),
        (r"\b(?:academy|academies|institute|university|universities)\b", _K.ACADEMIC),
        (r"\b(?:parliament|milli m[ea][jy]lis|milli meilis|milli məclis)\b", _K.PARLIAMENT),
        (r"\bcabinet of ministers\b|\bgovernment\b", _K.GOVERNMENT),
        (r"\badministration of the president\b|\bpresidential administration\b", _K.PRESIDENTIAL_ADMINISTRATION),
        (r"\b(?:service|agency|agencies|commission|council|fund|agent)\b", _K.AGENCY),
        (r"\b(?:executive authorities of (?:cities|districts)|(?:city|district|local) executive authorit)",
         _K.LOCAL_AUTHORITY),
    )
)  # fmt: skip


def slugify(name: str) -> str:
    """A lower-case id for ``name``: ASCII letters and digits joined by hyphens.

    Accents are dropped ("Milli Məclis" -> ``milli-meclis``); a long name is cut at
    a hyphen to at most 60 characters; a name with no letters or digits gives
    ``institution``.
    """
    ascii_ = unicodedata.normalize("NFKD", name.translate(_LETTERS)).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_.lower()))
    while len(slug) > _MAX_SLUG and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:_MAX_SLUG] or "institution"


def guess_kind(name: str) -> InstitutionKind:
    """The kind a name suggests ("Ministry of ..." -> MINISTRY), else OTHER."""
    found = [
        (match.start(), -len(match.group(0)), kind)
        for pattern, kind in _KINDS
        if (match := pattern.search(name)) is not None
    ]
    return min(found, key=lambda item: item[:2])[2] if found else _K.OTHER


def unique_id(name: str, taken: Collection[str]) -> str:
    """``slugify(name)``, with ``-2``, ``-3``... added when it is already ``taken``."""
    base = slugify(name)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def new_institution(name: str, written: str, taken: Collection[str]) -> Institution:
    """An institution for the unknown ``name`` (normalised), with ``written`` as an alias."""
    aliases = (written,) if written != name else ()
    return Institution(unique_id(name, taken), name, guess_kind(name), aliases=aliases)
