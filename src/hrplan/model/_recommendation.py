"""Recommendations of UN mechanisms that a plan follows up."""

from __future__ import annotations

import datetime
import enum

import attrs

from hrplan.limits import optional_year
from hrplan.model._ids import MeasureId, measure_ids

__all__ = ["Position", "Recommendation", "RecommendationKind"]


class Position(enum.Enum):
    """The State's response to a recommendation."""

    SUPPORTED = "supported"
    PARTIALLY_SUPPORTED = "partially-supported"
    NOTED = "noted"
    PENDING = "pending"
    REJECTED = "rejected"
    ALREADY_IMPLEMENTED = "already-implemented"


class RecommendationKind(enum.Enum):
    """What a recommendation record is: made to the State, or the State's own pledge."""

    RECOMMENDATION = "recommendation"
    #: A commitment the State under review made itself (UPR Info ``Voluntary Pledge``).
    VOLUNTARY_PLEDGE = "voluntary-pledge"


@attrs.frozen
class Recommendation:
    """A recommendation made to the State by a UN mechanism.

    :ivar id: unique in its program (``upr2-109.3``).
    :ivar mechanism: who made it: ``"UPR"``, or a treaty body (``"CRC"``, ``"CAT"``,
        ``"CEDAW"``...), or a special procedure.
    :ivar text: the recommendation.
    :ivar cycle: the UPR cycle or the reporting cycle (``"2"``), if known.
    :ivar session: the session (``"16"``), if known.
    :ivar year: the year it was made, if known.
    :ivar symbol: the UN document symbol (``A/HRC/24/13``).
    :ivar paragraph: its paragraph in that document (``109.3``).
    :ivar recommending_states: for UPR, the States that made it.
    :ivar position: the State's response, if known.
    :ivar themes: subjects it is about.
    :ivar sdgs: Sustainable Development Goal numbers.
    :ivar affected_persons: groups it concerns.
    :ivar measures: numbers of the measures that implement it.
    :ivar kind: a recommendation, or a voluntary pledge of the State itself.
    :ivar position_text: the response as the source wrote it (``Accepted``,
        ``Supported``, ``Noted``), kept beside ``position``.
    :ivar countries: the States it is addressed to (the State under review),
        by their names in :mod:`hrplan.countries`.
    :ivar body: the recommending body as the source names it, when it says more
        than ``mechanism`` (``Special Rapporteur on the right to food``).
    :ivar action: UPR Info's action category, 1 (minimal action) to 5 (specific action).
    :ivar position_source: where the State gave its position
        (``A/HRC/28/15/Add.1 - Para. 3``).
    :ivar document_type: the kind of document it comes from (``Concluding Observations``).
    :ivar published: the day that document was published.
    :ivar source_id: its id in the database it was exported from (an OHCHR annotation id).
    """

    id: str
    mechanism: str
    text: str
    cycle: str | None = None
    session: str | None = None
    year: int | None = attrs.field(default=None, validator=optional_year)
    symbol: str | None = None
    paragraph: str | None = None
    recommending_states: tuple[str, ...] = ()
    position: Position | None = None
    themes: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    affected_persons: tuple[str, ...] = ()
    measures: tuple[MeasureId, ...] = attrs.field(default=(), converter=measure_ids)
    kind: RecommendationKind = RecommendationKind.RECOMMENDATION
    position_text: str | None = None
    countries: tuple[str, ...] = ()
    body: str | None = None
    action: int | None = None
    position_source: str | None = None
    document_type: str | None = None
    published: datetime.date | None = None
    source_id: str | None = None

    @property
    def is_pledge(self) -> bool:
        """Whether it is the State's own voluntary pledge rather than a recommendation."""
        return self.kind is RecommendationKind.VOLUNTARY_PLEDGE

    @property
    def reference(self) -> tuple[str, str] | None:
        """``(symbol, paragraph)``, what identifies it across sources, or ``None`` without both."""
        if self.symbol and self.paragraph:
            return (self.symbol, self.paragraph)
        return None
