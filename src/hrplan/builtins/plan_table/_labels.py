"""A small stand-in for the label vocabulary (``hrplan.labels``), replaced when it lands."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from hrplan.model import Role

__all__ = ["LabelMatch", "Labels", "Meaning", "normalise"]

_WORD = re.compile(r"[#\u2116]|[^\W_]+")
_OPTIONAL_S = re.compile(r"\(\s*(?:s|es)\s*\)", re.IGNORECASE)


class Meaning(enum.Enum):
    """The part of a measure a label introduces (or a table column holds)."""

    LEAD = "lead"
    CO_IMPLEMENTER = "co-implementer"
    PARTNER = "partner"
    UPON_CONSENT = "upon-consent"
    TIME_LIMIT = "time-limit"
    INDICATORS = "indicators"
    EXPECTED_RESULTS = "expected-results"
    FUNDING = "funding"
    BUDGET = "budget"
    KEEP = "keep"
    NUMBER = "number"
    TITLE = "title"
    ISSUE = "issue"

    @property
    def role(self) -> Role | None:
        """The role of the institutions this label names."""
        return {"lead": Role.LEAD, "co-implementer": Role.CO_IMPLEMENTER, "partner": Role.PARTNER,
                "upon-consent": Role.UPON_CONSENT}.get(self.value)  # fmt: skip

    @classmethod
    def parse(cls, value: object) -> Meaning:
        """A meaning from its value."""
        text = str(value).strip().lower().replace("_", "-")
        for meaning in cls:
            if text in (meaning.value, meaning.name.lower().replace("_", "-")):
                return meaning
        raise ValueError(f"unknown label meaning {value!r} (meanings: {', '.join(m.value for m in cls)})")


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_singular(w) for w in _WORD.findall(_OPTIONAL_S.sub("", text).casefold())]


def normalise(text: str) -> str:
    """What two spellings of one label share."""
    return "".join(_words(text))


@attrs.frozen
class LabelMatch:
    """A label found at the start of a header."""

    meaning: Meaning
    qualifier: str


_TABLE: dict[Meaning, tuple[str, ...]] = {
    Meaning.LEAD: ("Responsible", "Responsible agency", "Responsible body", "Responsible institution",
                   "Lead agency", "Lead", "Implementing agency", "Executing agency", "Corresponding body",
                   "Responsible authority", "Responsible ministry", "Implementer", "Executor"),
    Meaning.PARTNER: ("Partner", "Partnership agency", "In cooperation with", "Partner agency"),
    Meaning.TIME_LIMIT: ("Time-limit", "Timeframe", "Deadline", "Term", "Timeline", "Implementation period",
                         "Period of implementation", "Schedule", "Execution period"),
    Meaning.INDICATORS: ("Indicator", "Performance indicator", "Objective indicator"),
    Meaning.EXPECTED_RESULTS: ("Expected outcome", "Expected result", "Result"),
    Meaning.FUNDING: ("Source of funding", "Funding", "Financing"),
    Meaning.BUDGET: ("Budget", "Cost", "Estimated cost"),
    Meaning.KEEP: ("Baseline", "Target", "Note", "Remark", "Status", "Compliance with", "Priority"),
    Meaning.NUMBER: ("No.", "Nr", "Number", "#", "\u2116"),
    Meaning.TITLE: ("Activity", "Measure", "Action", "Task"),
    Meaning.ISSUE: ("Issue", "Area", "Thematic area", "Objective", "Goal", "Theme"),
}  # fmt: skip


class Labels:
    """Labels and their meanings, found at the start of header cells."""

    def __init__(self, pairs: Iterable[tuple[str, Meaning]]) -> None:
        self._by_key = {normalise(text): meaning for text, meaning in pairs}

    @classmethod
    def default(cls) -> Labels:
        """The built-in labels."""
        return cls((text, meaning) for meaning, texts in _TABLE.items() for text in texts)

    def meaning(self, text: str) -> Meaning | None:
        """The meaning of ``text`` taken whole."""
        return self._by_key.get(normalise(text))

    def header(self, text: str) -> LabelMatch | None:
        """The longest label ``text`` starts with; the rest is its qualifier."""
        tokens = list(re.finditer(r"[^\s:]+", text))
        for count in range(len(tokens), 0, -1):
            end = tokens[count - 1].end()
            meaning = self._by_key.get(normalise(text[:end]))
            rest = text[end:].strip()
            if meaning is not None and (not rest or rest[0] in "([/" or meaning is Meaning.KEEP):
                return LabelMatch(meaning, rest)
        return None
