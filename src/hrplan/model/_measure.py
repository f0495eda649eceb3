"""Measures, the chapters that hold them, and provisions that are not measures."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from hrplan.errors import ModelError
from hrplan.limits import check_number
from hrplan.model._ids import MeasureId, to_measure_id
from hrplan.timelimits import TimeLimit

__all__ = ["Chapter", "Implementer", "Measure", "Provision", "Role", "Tags"]


class Role(enum.Enum):
    """The part an institution plays in implementing a measure."""

    LEAD = "lead"
    CO_IMPLEMENTER = "co-implementer"
    PARTNER = "partner"
    #: Named "(upon consent)": a body the executive cannot order, such as a court or an NGO.
    UPON_CONSENT = "upon-consent"


@attrs.frozen
class Implementer:
    """An institution named for a measure, with its role.

    :ivar institution: the institution id, resolving in ``Program.institutions``.
    :ivar role: its part in the measure.
    """

    institution: str
    role: Role = Role.LEAD


@attrs.frozen
class Tags:
    """Classification of a measure, for filtering and for treaty reports.

    :ivar themes: subjects such as ``"detention"`` or ``"education"``.
    :ivar target_groups: people the measure is for (``"children"``, ``"judges"``).
    :ivar treaties: treaties it serves (``"CAT"``, ``"CRC"``, ``"OPCAT"``).
    :ivar sdgs: Sustainable Development Goal numbers (1-17).
    """

    themes: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    treaties: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = attrs.field(default=())

    @sdgs.validator
    def _check_sdgs(self, _attribute: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]) -> None:
        bad = [n for n in value if not 1 <= n <= 17]
        if bad:
            raise ModelError(f"SDG numbers run from 1 to 17, got {bad}")

    def __bool__(self) -> bool:
        return bool(self.themes or self.target_groups or self.treaties or self.sdgs)


@attrs.frozen
class Measure:
    """A numbered measure of a program, possibly with sub-measures.

    :ivar id: its number (``1.2.10``).
    :ivar title: a short title.
    :ivar description: the rationale or longer text, if any.
    :ivar implementers: the institutions that implement it, each with a role.
    :ivar time_limit: when it is due; ``None`` when the plan gives none (a measure
        with sub-measures often has none and is judged by them).
    :ivar children: its sub-measures, in document order.
    :ivar tags: themes, target groups, treaties and SDGs.
    :ivar indicators: how progress is judged, as free text.
    :ivar expected_results: the outcomes or outputs the plan expects, as free text.
    :ivar funding: where the money comes from, as written ("State budget").
    :ivar budget: what it costs, as written ("USD 20,000").
    :ivar line: the line of the source document it was read from, if known.
    """

    id: MeasureId = attrs.field(converter=to_measure_id)
    title: str
    description: str | None = None
    implementers: tuple[Implementer, ...] = ()
    time_limit: TimeLimit | None = None
    children: tuple[Measure, ...] = ()
    tags: Tags = Tags()
    indicators: tuple[str, ...] = ()
    expected_results: tuple[str, ...] = ()
    funding: str | None = None
    budget: str | None = None
    line: int | None = attrs.field(default=None, eq=False)

    @property
    def institutions(self) -> tuple[str, ...]:
        """The ids of the implementing institutions, in the order named."""
        return tuple(i.institution for i in self.implementers)

    def walk(self) -> Iterator[Measure]:
        """Yield this measure, then every sub-measure, depth-first in document order."""
        stack = [self]
        while stack:
            measure = stack.pop()
            yield measure
            stack.extend(reversed(measure.children))


@attrs.frozen
class Provision:
    """A numbered clause of a program that is not a measure (coordination, reporting).

    :ivar id: its number (``6.1``).
    :ivar text: what it says.
    :ivar chapter: the number of the chapter it stands in, if any.
    :ivar line: the line of the source document it was read from, if known.
    """

    id: MeasureId = attrs.field(converter=to_measure_id)
    text: str
    chapter: int | None = attrs.field(
        default=None, validator=lambda _s, _a, value: value is None or check_number(value, "chapter number")
    )
    line: int | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Chapter:
    """A chapter of a program.

    :ivar number: its number as an integer (``4``).
    :ivar title: its title.
    :ivar label: the number as written (``"IV"``, ``"Four"``, ``"4"``); defaults to
        the digits.
    :ivar intro: the introductory text, if any.
    :ivar measures: its top-level measures, in document order.
    :ivar line: the line of the source document it was read from, if known.
    """

    number: int = attrs.field(validator=lambda _s, _a, value: check_number(value, "chapter number"))
    title: str
    label: str = attrs.field()
    intro: str | None = None
    measures: tuple[Measure, ...] = ()
    line: int | None = attrs.field(default=None, eq=False)

    @label.default
    def _label(self) -> str:
        return str(self.number)

    def iter_measures(self) -> Iterator[Measure]:
        """Yield every measure of the chapter depth-first in document order."""
        for measure in self.measures:
            yield from measure.walk()
