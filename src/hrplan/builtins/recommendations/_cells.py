"""Reading the cells recommendation sources hold: positions, States, themes, SDGs, dates, bodies."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence

import attrs

from hrplan.builtins.upr_csv._rows import POSITIONS, opening_parenthesis
from hrplan.countries import Country, lookup
from hrplan.model import Position

__all__ = [
    "PLEDGE_WORDS",
    "ascii_digits",
    "POSITION_WORDS",
    "Labelled",
    "StatesSplit",
    "excel_date",
    "is_position_word",
    "mechanism_of",
    "position_of",
    "sdg_numbers",
    "split_labelled",
    "split_list",
    "split_paragraph",
    "split_trailing_states",
]

#: Response words (lower case, single spaces) and the position each means: the
#: research year files' words, and those other exports and thematic lists use.
POSITION_WORDS: dict[str, Position] = {
    **POSITIONS,
    "not supported": Position.NOTED,
    "not accepted": Position.NOTED,
    "no response": Position.PENDING,
    "supported/noted": Position.PARTIALLY_SUPPORTED,
}

#: Response words that mark a voluntary pledge, not a recommendation.
PLEDGE_WORDS = frozenset({"voluntary pledge", "voluntary pledges", "pledge", "voluntary commitment"})

_SPACES = re.compile(r"\s+")


def ascii_digits(text: str) -> bool:
    """Whether ``text`` is a number in ASCII digits (``str.isdigit`` also accepts ``³``, which ``int`` refuses)."""
    return text.isascii() and text.isdigit()


def _word(text: str) -> str:
    word = _SPACES.sub(" ", text.strip().lower().replace("_", " ").replace("-", " ")).strip(" .")
    return word.replace(" / ", "/").replace("/ ", "/").replace(" /", "/")


def position_of(text: str) -> Position | None:
    """The position a response word means (``Accepted`` -> supported), or ``None``."""
    return POSITION_WORDS.get(_word(text))


def is_position_word(text: str) -> bool:
    """Whether ``text`` is a response word or a pledge mark."""
    word = _word(text)
    return word in POSITION_WORDS or word in PLEDGE_WORDS


_NUMBER = re.compile(
    r"\s*(\d{1,3}(?:\.\d{1,3})+|\d{1,3})(?:\.(?!\d))?(?:\s*\((?P<sub>[a-z]|[ivx]{1,5})\))?"
    r"(?:\s+[-\u2013\u2014:](?=\s))?\s+(?=\S)")


def split_paragraph(text: str) -> tuple[str | None, str]:
    """The paragraph number at the start of ``text`` and the rest.

    ``115.16 Ratify`` -> ``115.16``; a sub-paragraph right after it belongs to it:
    ``12. (a) Strengthen`` -> ``12(a)``, as treaty bodies cite them.
    """
    match = _NUMBER.match(text)
    if match is None:
        return None, text.strip()
    sub = match.group("sub")
    return match.group(1) + (f"({sub})" if sub else ""), text[match.end() :].strip()


_SESSION = re.compile(
    r"^(?:(?:upr|session|wg|working group)\s*)*(?:no\.?\s*)?0*(\d{1,3})(?:st|nd|rd|th)?(?:\.0+)?(?:\s*session)?$", re.I)


def session_number(text: str) -> str | None:
    """The UPR session number however it is written (``30``, ``30th``, ``Session 30``, ``UPR 30``, ``30.0``)."""
    match = _SESSION.match(text.strip())
    return str(int(match.group(1))) if match else None


_SYMBOL_PARAGRAPH = re.compile(
    r"^(?P<symbol>[A-Z]{1,8}(?:/[A-Za-z0-9.\-()]+){2,}?)\s*[-\u2013,]?\s*(?:paras?\.?|paragraphs?|\u00a7)\s*"
    r"(?P<para>\d[\w.()\-]*)\s*$", re.I)


def split_symbol(value: str) -> tuple[str, str | None]:
    """A document symbol and the paragraph written after it (``CRC/C/AZE/CO/5-6 para. 12(a)``), else ``None``."""
    match = _SYMBOL_PARAGRAPH.match(value.strip())
    if match is None:
        return value.strip(), None
    return match.group("symbol"), match.group("para")


@attrs.frozen
class StatesSplit:
    """A recommendation's text without the trailing groups of recommending States.

    :ivar text: the text without them (spaces collapsed, trailing ``;`` gone).
    :ivar states: the States, canonical names where the registry knows them, in order.
    :ivar unknown: names taken as States that the registry does not know.
    """

    text: str
    states: tuple[str, ...]
    unknown: tuple[str, ...] = ()


_JUNK = " \t\n;:,."


@functools.lru_cache(maxsize=8192)
def _group_states(content: str) -> tuple[tuple[Country | None, str], ...]:
    """The names in one parenthesised group, each with its country (``None``: unknown)."""
    whole = lookup(content)
    if whole is not None:
        return ((whole, content),)
    parts = [p.strip() for p in re.split(r",|;|\band\b", content) if p.strip()]
    return tuple((lookup(part), part) for part in parts)


def _looks_like_names(names: tuple[tuple[Country | None, str], ...]) -> bool:
    """Whether a group reads as names of States (``Phillipines``), not an acronym or number (``OP-CAT``, ``No. 29``)."""
    return 0 < len(names) <= 8 and all(
        name[:1].isupper() and any(c.islower() for c in name) and not any(c.isdecimal() for c in name)
        for _, name in names
    )


def split_trailing_states(text: str, *, lenient: bool = False) -> StatesSplit:
    """Split the groups of recommending States off the end of ``text``.

    ``Ratify it (France) (Lithuania);`` -> ``Ratify it`` and ``France``,
    ``Lithuania``; ``(Brazil, Chile)`` gives both. The last group is always
    taken as States when at least half its names are known States (the others
    are kept as written and reported as unknown); groups before it only when
    every name is a known State, so ``Convention (No. 29) (Ghana)`` keeps
    ``(No. 29)`` in its text. With ``lenient`` (sources whose texts always end
    with the States), a last group of capitalised names is taken even when the
    registry knows none of them (a misspelt ``(Phillipines)``), but never an
    acronym or a number.
    """
    end = len(text.rstrip(_JUNK))
    groups: list[tuple[tuple[Country | None, str], ...]] = []
    while end > 0 and text[end - 1] == ")":
        start = opening_parenthesis(text, end - 1)
        if start is None:
            break
        names = _group_states(text[start + 1 : end - 1].strip())
        known = sum(1 for country, _ in names if country is not None)
        needed = len(names) if groups else (len(names) + 1) // 2
        if (not names or known < max(needed, 1)) and not (lenient and not groups and _looks_like_names(names)):
            break
        groups.append(names)
        end = len(text[:start].rstrip(_JUNK))
    if not groups:
        return StatesSplit(_SPACES.sub(" ", text).strip().rstrip(_JUNK), ())
    states: list[str] = []
    unknown: list[str] = []
    for names in reversed(groups):
        for country, name in names:
            states.append(country.name if country is not None else name)
            if country is None:
                unknown.append(name)
    body = _SPACES.sub(" ", text[:end]).strip()
    return StatesSplit(body, tuple(dict.fromkeys(states)), tuple(unknown))


@functools.lru_cache(maxsize=16384)
def split_list(cell: str) -> tuple[str, ...]:
    """The values of a cell holding several: ``- a`` lines, one per line, or ``;``-separated.

    Exports repeat the same cells on many rows: each distinct cell is split once.
    """
    lines = [line.strip() for line in cell.replace("\r", "\n").split("\n") if line.strip()]
    if len(lines) == 1 and lines[0].count(";"):
        lines = [part.strip() for part in lines[0].split(";") if part.strip()]
    return tuple(line[1:].strip() if line[:1] in "-•\u2022*" else line for line in lines if line.strip("-•* "))


@attrs.frozen
class Labelled:
    """What a themes cell holds, section by section."""

    themes: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()


_PERSONS_LABEL = re.compile(
    r"^(affected persons|groups? of persons|persons affected|affected groups)\s*:?\s*(.*)$", re.I
)
_SDG_LABEL = re.compile(r"^(sdgs?|sustainable development goals?)\s*:?\s*(.*)$", re.I)
_THEMES_LABEL = re.compile(r"^(themes?|full list of themes|issues?)\s*:\s*(.*)$", re.I)
_SDG_NUMBER = re.compile(r"^(?:sdg|goal)?\s*(\d{1,2})\b(?!\.\d)", re.I)


def sdg_numbers(values: Sequence[str]) -> tuple[int, ...]:
    """The goal numbers in ``values`` (``16 - PEACE, JUSTICE...``, ``SDG 5``, ``Goal 4``), 1 to 17."""
    found: list[int] = []
    for value in values:
        match = _SDG_NUMBER.match(value.strip(" -"))
        if match and 1 <= int(match.group(1)) <= 17:
            found.append(int(match.group(1)))
    return tuple(dict.fromkeys(found))


def split_labelled(cell: str, default: str = "themes") -> Labelled:
    """Read a cell of themes with ``Affected persons:`` / ``Groups of persons:`` and ``SDGs:`` sections.

    Lines before any label belong to ``default`` (``themes``, ``persons`` or ``sdgs``).
    """
    sections: dict[str, list[str]] = {"themes": [], "persons": [], "sdgs": []}
    current = default
    for raw in cell.replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        for label, pattern in (("persons", _PERSONS_LABEL), ("sdgs", _SDG_LABEL), ("themes", _THEMES_LABEL)):
            match = pattern.match(line)
            if match:
                current, line = label, match.group(2).strip()
                break
        if line:
            sections[current].extend(split_list(line) if current != "themes" or line[:1] in "-•" else [line])
    return Labelled(
        tuple(dict.fromkeys(sections["themes"])),
        tuple(dict.fromkeys(sections["persons"])),
        sdg_numbers(sections["sdgs"]),
    )


_EXCEL_EPOCH = datetime.date(1899, 12, 30)


@functools.lru_cache(maxsize=16384)
def excel_date(value: object) -> datetime.date | None:
    """A date from a cell: a date, an ISO or ``DD/MM/YYYY`` text, or an Excel serial (``44562`` -> 2022-01-01)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip() if value is not None else ""
    number = text.split(".", 1)[0] if ascii_digits(text.replace(".", "", 1)) else ""
    if number and 20000 <= int(number) <= 80000:
        return _EXCEL_EPOCH + datetime.timedelta(days=int(number))
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.datetime.strptime(text[:19], form).date()
        except ValueError:
            continue
    return None


#: Treaty bodies by words of their names, and the acronym hrplan uses as mechanism.
_TREATY_BODIES: tuple[tuple[str, str], ...] = (
    ("subcommittee on prevention of torture", "SPT"),
    ("rights of the child", "CRC"),
    ("against torture", "CAT"),
    ("discrimination against women", "CEDAW"),
    ("racial discrimination", "CERD"),
    ("human rights committee", "CCPR"),
    ("economic, social and cultural", "CESCR"),
    ("migrant workers", "CMW"),
    ("persons with disabilities", "CRPD"),
    ("enforced disappearances", "CED"),
)
_ACRONYMS = frozenset({"CRC", "CAT", "CEDAW", "CERD", "CCPR", "HRCTEE", "CESCR", "CMW", "CRPD", "CED", "SPT", "UPR"})
_SPECIAL = (
    "special rapporteur", "independent expert", "working group on", "special procedure", "special representative",
)


def mechanism_of(body: str) -> str:
    """The mechanism a recommending body belongs to: ``UPR``, a treaty body's acronym, or ``SP``.

    ``Committee on the Rights of the Child`` -> ``CRC``; ``Special Rapporteur on
    the right to food`` -> ``SP`` (a special procedure); ``Universal Periodic
    Review`` -> ``UPR``; anything else is kept as written.
    """
    text = " ".join(body.split())
    upper = text.upper()
    if upper in _ACRONYMS:
        return "CCPR" if upper == "HRCTEE" else upper
    lower = text.lower()
    if "universal periodic review" in lower or lower.startswith("upr"):
        return "UPR"
    if any(word in lower for word in _SPECIAL):
        return "SP"
    for words, acronym in _TREATY_BODIES:
        if words in lower:
            return acronym
    return text
