"""Recommendations of UN mechanisms that a plan follows up."""

from __future__ import annotations

import enum

import attrs

from hrplan.limits import optional_year
from hrplan.model._ids import MeasureId, measure_ids

__all__ = ["Position", "Recommendation"]


class Position(enum.Enum):
    """The State's response to a recommendation."""

    SUPPORTED = "supported"
    PARTIALLY_SUPPORTED = "partially-supported"
    NOTED = "noted"
    PENDING = "pending"
    REJECTED = "rejected"
    ALREADY_IMPLEMENTED = "already-implemented"


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
