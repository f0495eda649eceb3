"""Hierarchical measure numbers such as ``1.2.10``."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from hrplan.errors import ModelError
from hrplan.limits import MAX_DEPTH, MAX_NUMBER, MAX_NUMBER_DIGITS, LimitError

__all__ = ["MeasureId", "MeasureIdLike", "measure_ids", "to_measure_id"]

_ID = re.compile(r"\d+(?:\.\d+)*")


@functools.total_ordering
@attrs.frozen(eq=True, order=False, repr=False)
class MeasureId:
    """The number of a measure, ordered numerically (``1.2.9 < 1.2.10``).

    >>> MeasureId.parse("1.2.10").parts
    (1, 2, 10)
    >>> str(MeasureId.parse("1.2.10."))
    '1.2.10'
    """

    parts: tuple[int, ...] = attrs.field()

    @parts.validator
    def _check(self, _attribute: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]) -> None:
        if not value or min(value) < 0:
            raise ModelError(f"invalid measure number {value!r}")
        if max(value) > MAX_NUMBER or len(value) > MAX_DEPTH:
            limits = f"{MAX_DEPTH} parts of at most {MAX_NUMBER_DIGITS} digits"
            raise LimitError(f"measure number beyond the limits ({limits})")

    @classmethod
    def parse(cls, text: str) -> MeasureId:
        """Read ``"1.2.10"`` (a trailing full stop is allowed).

        :raises ModelError: when ``text`` is not dot-separated numbers.
        """
        cleaned = text.strip().rstrip(".")
        if not _ID.fullmatch(cleaned):
            raise ModelError(f"invalid measure number {text!r}: expected numbers like '1.2.10'")
        parts = cleaned.split(".")
        if len(parts) > MAX_DEPTH or max(map(len, parts)) > MAX_NUMBER_DIGITS:
            raise LimitError(f"measure number {text[:40]!r}... is beyond the limits "
                             f"({MAX_DEPTH} parts of at most {MAX_NUMBER_DIGITS} digits)")
        return cls(tuple(map(int, parts)))

    @classmethod
    def of(cls, value: MeasureIdLike) -> MeasureId:
        """Return ``value`` as a :class:`MeasureId`, parsing it when it is a string."""
        return value if isinstance(value, MeasureId) else cls.parse(value)

    @property
    def depth(self) -> int:
        """How many levels deep the number is (``1.2.10`` is 3)."""
        return len(self.parts)

    @property
    def parent(self) -> MeasureId | None:
        """The number one level up (``1.2`` for ``1.2.10``), or ``None`` at the top."""
        return MeasureId(self.parts[:-1]) if len(self.parts) > 1 else None

    def extends(self, other: MeasureId) -> bool:
        """Whether this number lies strictly below ``other`` (``1.2.10`` extends ``1.2``)."""
        n = len(other.parts)
        return len(self.parts) > n and self.parts[:n] == other.parts

    def child(self, number: int) -> MeasureId:
        """The number of sub-measure ``number`` of this one."""
        return MeasureId((*self.parts, number))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, MeasureId):
            return NotImplemented
        return self.parts < other.parts

    def __str__(self) -> str:
        return ".".join(map(str, self.parts))

    def __repr__(self) -> str:
        return f"MeasureId('{self}')"


MeasureIdLike = MeasureId | str


def to_measure_id(value: MeasureIdLike) -> MeasureId:
    """Convert a number given as a string or :class:`MeasureId` to a :class:`MeasureId`."""
    return MeasureId.of(value)


def measure_ids(values: Iterable[MeasureIdLike]) -> tuple[MeasureId, ...]:
    """Convert numbers given as strings or :class:`MeasureId` to a tuple of ids."""
    return tuple(MeasureId.of(v) for v in values)
