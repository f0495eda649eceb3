"""What a label means: the part of a measure (or the table column) it introduces."""

from __future__ import annotations

import enum

from hrplan.model import Role

__all__ = ["Meaning"]

_ROLES = {"lead": Role.LEAD, "co-implementer": Role.CO_IMPLEMENTER, "partner": Role.PARTNER,
          "upon-consent": Role.UPON_CONSENT}  # fmt: skip

_DESCRIPTIONS = {
    "lead": "institutions, role `lead`",
    "co-implementer": "institutions, role `co-implementer`",
    "partner": "institutions, role `partner`",
    "upon-consent": "institutions, role `upon-consent`",
    "time-limit": "the time-limit (`Measure.time_limit`)",
    "indicators": "`Measure.indicators`, one per line",
    "expected-results": "`Measure.expected_results`, one per line",
    "funding": "`Measure.funding`, as written",
    "budget": "`Measure.budget`, as written",
    "keep": "kept as written at the end of the description",
    "number": "the measure's number (a table column)",
    "title": "the activity itself: its title; in text, a new sub-measure",
    "issue": "the issue, area or objective a group of measures serves",
}


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
    #: Kept with the measure as written (in its description), not interpreted.
    KEEP = "keep"
    #: The measure's number (a table column).
    NUMBER = "number"
    #: The measure's title: the activity itself.
    TITLE = "title"
    #: The issue, area, goal or objective a group of measures serves.
    ISSUE = "issue"

    @property
    def description(self) -> str:
        """What hrplan does with the part a label of this meaning introduces."""
        return _DESCRIPTIONS[self.value]

    @property
    def role(self) -> Role | None:
        """The role of the institutions this label names; ``None`` when it names none."""
        return _ROLES.get(self.value)

    @property
    def institutions(self) -> bool:
        """Whether the label introduces institutions."""
        return self.value in _ROLES

    @classmethod
    def parse(cls, value: object) -> Meaning:
        """A meaning from itself or its value (``"partner"``; any case, ``_`` for ``-``).

        :raises ValueError: naming the meanings there are.
        """
        if isinstance(value, Meaning):
            return value
        text = str(value).strip().lower().replace("_", "-")
        for meaning in cls:
            if meaning.value == text or meaning.name.lower().replace("_", "-") == text:
                return meaning
        known = ", ".join(m.value for m in cls)
        raise ValueError(f"unknown label meaning {value!r} (meanings: {known})")
