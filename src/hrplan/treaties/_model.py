"""What a State has joined, what committees decided, what it sent, and what falls due."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

import attrs

from hrplan.errors import ModelError
from hrplan.model import FrozenMap
from hrplan.treaties._catalogue import get_treaty

__all__ = ["DueReport", "Override", "Ratification", "ReportKind", "StateReporting", "Submission", "UprReview"]

#: What a :class:`DueReport` is: the initial or a periodic treaty report, the
#: designation of the national preventive mechanism (OPCAT art. 17), its annual
#: report (OPCAT art. 23), or a Universal Periodic Review.
ReportKind = Literal["initial", "periodic", "npm-designation", "npm-annual", "upr-review"]


def _known_treaty(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    get_treaty(value)


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        raise ModelError(f"{attribute.name} must be 1 or more, not {value}")


def _frozen_dates(value: Mapping[str, date]) -> FrozenMap[str, date]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


@attrs.frozen
class Ratification:
    """A State is bound by a treaty from a day on.

    :ivar treaty: the treaty's code in :data:`~hrplan.treaties.TREATIES`.
    :ivar entry_into_force: the day the treaty entered into force for the State;
        reporting periods are counted from it.
    :ivar deposit: the day the State deposited its instrument of ratification or
        accession, if known.
    :ivar instrument: ``"ratification"``, ``"accession"`` or ``"succession"``, if known.
    :ivar note: anything else (the kind of instrument, where the dates come from).
    :ivar computed: whether ``entry_into_force`` was computed from ``deposit`` by
        the treaty's rule (:func:`~hrplan.treaties.entry_into_force`) rather than given.
    """

    treaty: str = attrs.field(validator=_known_treaty)
    entry_into_force: date
    deposit: date | None = None
    instrument: str | None = attrs.field(default=None, eq=False)
    note: str | None = attrs.field(default=None, eq=False)
    computed: bool = attrs.field(default=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.deposit is not None and self.deposit > self.entry_into_force:
            raise ModelError(
                f"{self.treaty}: deposit ({self.deposit}) is after entry into force ({self.entry_into_force})"
            )


@attrs.frozen
class Override:
    """A due date the committee fixed, usually at the end of its concluding observations.

    The report it applies to is due on ``due`` instead of its default date, and the
    reports after it follow the periodicity from ``due``; reports before it keep
    their dates. Which report that is: report ``number`` when given, else the report
    whose default due date is nearest to ``due``. See
    :func:`~hrplan.treaties.due_reports` for the exact rule.

    :ivar treaty: the treaty's code.
    :ivar due: the due date set.
    :ivar source: the document that set it (``"CRC/C/AZE/CO/3-4"``).
    :ivar number: the number of the report it applies to (1 = initial), when known.
    """

    treaty: str = attrs.field(validator=_known_treaty)
    due: date
    source: str | None = None
    number: int | None = attrs.field(default=None, validator=_positive)


@attrs.frozen
class Submission:
    """A report that was sent: a combined report is one submission per number it combines.

    :ivar treaty: the treaty's code (``"UPR"`` is not used: reviews are not submitted).
    :ivar number: the report's number (1 = initial; for OPCAT 1 = the NPM's designation).
    :ivar on: the day it was submitted, or ``None`` when only the fact is known.
    :ivar document: its UN symbol (``"CRC/C/AZE/3-4"``), if known.
    """

    treaty: str
    number: int = attrs.field(validator=_positive)
    on: date | None = None
    document: str | None = attrs.field(default=None, eq=False)


@attrs.frozen
class DueReport:
    """One report (or review) that falls due.

    :ivar treaty: the treaty's code, or ``"UPR"`` for a Universal Periodic Review.
    :ivar due: the day it is due (for a review: the day it is expected to take place).
    :ivar kind: what it is (see :data:`ReportKind`).
    :ivar number: 1 for the initial report (or the NPM designation), 2 for the next,
        and so on; for the UPR, the cycle.
    :ivar basis: why it is due that day, citing the provision or the document
        (``"art. 44(1)(a): 2 years after entry into force (1992-09-12)"``).
    """

    treaty: str
    due: date
    kind: ReportKind
    number: int
    basis: str

    @property
    def key(self) -> tuple[str, int]:
        """``(treaty, number)``, the way submissions name it."""
        return (self.treaty, self.number)


@attrs.frozen
class UprReview:
    """A Universal Periodic Review that took place.

    :ivar cycle: the cycle it belongs to (1 = first).
    :ivar held: the day of the review in the UPR Working Group.
    :ivar session: the Working Group session, if known.
    :ivar source: the document that reports it (``"A/HRC/11/20"``).
    """

    cycle: int = attrs.field(validator=_positive)
    held: date
    session: int | None = None
    source: str | None = None


@attrs.frozen
class StateReporting:
    """Everything a ratifications file says about one State.

    :ivar state: the State's name.
    :ivar ratifications: one per treaty.
    :ivar overrides: due dates set by the committees.
    :ivar submitted: reports already sent.
    :ivar upr_review: the day of a Universal Periodic Review the cycle is counted from.
    :ivar upr_cycle: the cycle of that review.
    :ivar upr_held: reviews that took place, for the record.
    :ivar cycle_from: per treaty code, the day its predictable review cycle starts
        (``cycle_from`` of :func:`~hrplan.treaties.due_reports`); used only when the
        predictable cycle is asked for.
    """

    state: str
    ratifications: tuple[Ratification, ...] = ()
    overrides: tuple[Override, ...] = ()
    submitted: tuple[Submission, ...] = ()
    upr_review: date | None = None
    upr_cycle: int = attrs.field(default=1, validator=_positive)
    upr_held: tuple[UprReview, ...] = ()
    cycle_from: FrozenMap[str, date] = attrs.field(factory=FrozenMap, converter=_frozen_dates)
