"""The ``recommendations`` validator: supported recommendations that no measure implements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from hrplan.findings import Finding, Severity
from hrplan.model import Position, Program
from hrplan.options import check_names
from hrplan.tally import FindingTally

__all__ = ["RecommendationsValidator"]

_SUPPORTED = (Position.SUPPORTED, Position.PARTIALLY_SUPPORTED)


class RecommendationsValidator:
    """Flags supported recommendations (and voluntary pledges) that no measure implements.

    A recommendation is implemented when its ``measures`` name a measure. One
    finding per kind, with the count and the first ids, so that a program of
    thousands of recommendations gets one line, not thousands.
    """

    name = "recommendations"
    codes: ClassVar[dict[str, str]] = {
        "REC101": "supported recommendations that no measure implements",
        "REC102": "voluntary pledges that no measure implements",
    }

    def validate(self, program: Program, **options: Any) -> Iterator[Finding]:
        """Yield one finding per code with the count and the first recommendations."""
        check_names(self.name, {k: v for k, v in options.items() if k == "shown"}, ("shown",))
        shown = options.get("shown", 5)
        tally = FindingTally(shown=shown if isinstance(shown, int) else 5, noun="recommendations")
        for i, rec in enumerate(program.recommendations):
            if rec.measures:
                continue
            if rec.is_pledge:
                tally.add(Severity.WARNING, "REC102", "voluntary pledges that no measure implements",
                          f"$.recommendations[{i}]", detail=rec.id)
            elif rec.position in _SUPPORTED:
                tally.add(Severity.WARNING, "REC101", "supported recommendations that no measure implements",
                          f"$.recommendations[{i}]", detail=rec.id)
        yield from tally.findings()
