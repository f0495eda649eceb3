"""Head nouns: the words that make a piece of a list a name of its own.

"Ministry of Culture and Tourism" is one name because "Tourism" has no head noun;
"Milli Mejlis, Cabinet of Ministers" is two because "Cabinet" is one. A plural
head ("Ministries of") is shared by the pieces that follow it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

__all__ = ["PluralHead", "continues_complement", "has_head_noun", "is_acronym", "plural_head", "standalone"]

_HEAD_NOUNS = (
    # English
    "ministry", "ministries", "committee", "committees", "commission", "commissions", "commissioner",
    "council", "councils", "service", "services", "agency", "agencies", "office", "offices", "court",
    "courts", "academy", "academies", "institute", "institutes", "university", "universities",
    "association", "bank", "fund", "foundation", "administration", "cabinet", "mejlis", "meilis",
    "majlis", "parliament", "assembly", "government", "agent", "ombudsman", "centre", "center",
    "centers", "centres", "department", "departments", "authority", "authorities", "body", "bodies",
    "inspectorate", "prosecutor", "procuracy", "police", "union", "network", "alliance", "organization",
    "organisation", "organizations", "organisations", "board", "bureau", "chamber", "directorate",
    "unit", "secretariat", "school", "college", "library", "hospital", "company", "corporation",
    "society", "federation", "confederation", "institution", "institutions", "trust", "museum",
    "guild", "guilds", "associations", "unions", "networks", "societies", "registry", "tribunal", "tribunals",
    "forum", "coalition", "clinic", "group",
    "ngo", "ngos", "unicef", "unesco", "undp", "unhcr", "osce", "ennhri", "ganhri",
    # Azerbaijani (\u0131 is the dotless i)
    "nazirliyi", "nazirlikləri", "komitəsi", "komissiyas\u0131", "məclis", "məclisi", "aparat\u0131", "xidməti",
    "agentliyi", "şuras\u0131", "məhkəməsi", "prokurorluğu", "akademiyas\u0131", "universiteti", "institutu",
    "fondu", "mərkəzi", "kabineti", "müvəkkili", "idarəsi", "kollegiyas\u0131", "assosiasiyas\u0131",
)  # fmt: skip
_HEAD = re.compile(r"\b(?:" + "|".join(_HEAD_NOUNS) + r")\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
_OTHER = re.compile(r"\s*(?:and\s+)?other\b", re.IGNORECASE)

#: Plural heads and the singular each member of the list gets.
_PLURALS = {
    "ministries": "Ministry", "state committees": "State Committee", "committees": "Committee",
    "state agencies": "State Agency", "agencies": "Agency", "state services": "State Service",
    "services": "Service", "commissions": "Commission", "councils": "Council",
    "departments": "Department", "courts": "Court", "institutes": "Institute",
    "universities": "University", "academies": "Academy",
}  # fmt: skip
_JURISDICTION = r"the\s+Republic\s+of\s+[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}?"
_PLURAL = re.compile(
    r"(?:the\s+)?(?P<head>" + "|".join(p.replace(" ", r"\s+") for p in _PLURALS) + r")"
    rf"\s+(?:(?:of|for|on)\s+{_JURISDICTION}\s+)?(?P<prep>of|for|on)\s+(?=\S)",
    re.IGNORECASE,
)


@attrs.frozen
class PluralHead:
    """A plural head at the start of a piece: ``singular`` ("Ministry of") and the ``rest``."""

    singular: str
    rest: str


def plural_head(piece: str) -> PluralHead | None:
    """The plural head ``piece`` starts with ("Ministries of Justice"), if any."""
    match = _PLURAL.match(piece)
    if match is None:
        return None
    head = _PLURALS[" ".join(match.group("head").split()).casefold()]
    return PluralHead(f"{head} {match.group('prep').casefold()}", piece[match.end() :])


def has_head_noun(text: str) -> bool:
    """Whether ``text`` holds a word such as "Ministry", "Council" or "Court"."""
    return _HEAD.search(text) is not None


def is_acronym(text: str) -> bool:
    """Whether ``text`` holds an acronym ("UNICEF", "ENNHRI")."""
    return _ACRONYM.search(text) is not None


def standalone(text: str, knows: Callable[[str], bool], *, strong: bool = False) -> bool:
    """Whether ``text`` can be a name by itself: known, with a head noun, "other ...",
    or (unless ``strong``) with an acronym.
    """
    if knows(text) or has_head_noun(text) or _OTHER.match(text):
        return True
    return not strong and is_acronym(text)


#: "... of the Securities" at the end of a piece: a named complement may go on after "and".
_OF_THE = re.compile(r"\bof\s+the\s+(?P<rest>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s*$")
#: Words that open the name of a body of its own ("State Committee ...", "National Bank").
_OPENERS = frozenset((
    "state", "national", "supreme", "central", "general", "constitutional", "republican", "regional",
    "local", "federal", "high", "independent", "public",
))  # fmt: skip


def continues_complement(left: str, right: str) -> bool:
    """Whether ``right``, after a bare "and", goes on with the named complement ``left``
    ends with: "Office of the Securities" and "Exchange Commission" are one name, while
    "Ministry of Justice" and "Ministry of Health" are two.

    Capitalisation is the cue: ``left`` ends with "of the" and capitalised words with
    no head noun, and ``right`` is capitalised, ends with its head noun and does not
    open with one (nor with a word such as "State" or "National", nor an acronym).
    """
    match = _OF_THE.search(left)
    if match is None or has_head_noun(match["rest"]):
        return False
    words = right.split()
    if not words or not all(word[:1].isupper() for word in words if word.lower() not in ("of", "the", "for")):
        return False
    first = words[0]
    if has_head_noun(first) or first.lower() in _OPENERS or is_acronym(first):
        return False
    return has_head_noun(words[-1])
