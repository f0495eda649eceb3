"""Reading the cells of an events spreadsheet: days, kinds, lists, counts, measure numbers.

Each reader returns the value, or raises :class:`ValueError` whose message says
what was expected; the importer turns that into a finding.
"""

from __future__ import annotations

import re
from datetime import date

from hrplan.cells import split
from hrplan.model import EventKind

__all__ = ["parse_count", "parse_day", "parse_kind", "split_list", "split_numbers"]

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
#: A time of day a spreadsheet may add after a date ("2024-03-12 00:00:00"); it is ignored.
_TIME = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_COUNT = re.compile(r"\d+|\d{1,3}(?:([ ,.\u00a0\u202f])\d{3})(?:\1\d{3})*")

#: Words a secretariat may write for a kind of event, besides the kinds' own values.
KIND_WORDS: dict[str, EventKind] = {
    **{kind.value.replace("-", " "): kind for kind in EventKind},
    "seminar": EventKind.TRAINING,
    "workshop": EventKind.TRAINING,
    "course": EventKind.TRAINING,
    "campaign": EventKind.CAMPAIGN_ACTIVITY,
    "hearing": EventKind.PUBLIC_HEARING,
    "round table": EventKind.MEETING,
    "roundtable": EventKind.MEETING,
    "forum": EventKind.CONFERENCE,
}

def parse_day(text: str) -> date:
    """A day written ISO (``2024-03-12``) or day first (``12.03.2024``, ``12-03-2024``, ``12/03/2024``)."""
    if (iso := _ISO.match(text)) and _TIME.fullmatch(text, iso.end()):
        year, month, day = (int(part) for part in iso.groups())
    elif (dmy := _DAY_FIRST.match(text)) and _TIME.fullmatch(text, dmy.end()):
        day, month, year = int(dmy[1]), int(dmy[3]), int(dmy[4])
    else:
        raise ValueError(f"{text!r} is not a day: write 2024-03-12 or 12.03.2024")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a day of the calendar") from None


def parse_kind(text: str) -> EventKind:
    """An event kind from its value (``public-hearing``) or a close word (``seminar``, ``Hearings``)."""
    key = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    found = KIND_WORDS.get(key) or (KIND_WORDS.get(key[:-1]) if key.endswith("s") else None)
    if found is None:
        known = ", ".join(kind.value for kind in EventKind)
        raise ValueError(f"unknown kind of event {text!r} (known: {known}, or seminar, hearing, campaign...)")
    return found


def parse_count(text: str) -> int:
    """A number of participants: ``40``, ``1200``, ``1,200`` or ``1 200``."""
    if not _COUNT.fullmatch(text):
        raise ValueError(f"{text!r} is not a whole number")
    return int(re.sub(r"\D", "", text))


def split_list(cell: str) -> list[str]:
    """The values of a ``" | "``-separated cell, stripped, empty ones dropped (see :mod:`hrplan.cells`)."""
    return [value.strip() for value in split(cell) if value.strip()]


def split_numbers(cell: str) -> list[str]:
    """The items of a cell of measure numbers or ids separated by ``|``, ``,`` or ``;``."""
    return [item.strip() for item in re.split(r"[|,;]", cell) if item.strip()]
