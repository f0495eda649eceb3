"""Findings from ``Program.broken_references()``: ids used twice, references to nothing."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hrplan.findings import Finding, Severity
from hrplan.model import Program

__all__ = ["ReferencesValidator", "reference_findings"]


def reference_findings(
    program: Program, codes: Mapping[str | None, str | None], default: str | None = None
) -> Iterator[Finding]:
    """One error finding per broken reference, coded by its kind.

    ``codes`` maps a problem kind to a code (``None``: not reported here); other
    kinds get ``default`` (``None``: skipped). The message and JSON path are the
    problem's own.
    """
    for problem in program.broken_references():
        code = codes.get(problem.kind, default)
        if code is not None:
            yield Finding(Severity.ERROR, code, problem.message, problem.location)


class ReferencesValidator:
    """Events, campaigns, recommendations, progress updates and provisions pointing at nothing."""

    name = "references"
    codes: Mapping[str, str] = {
        "HP401": "an event, campaign, recommendation or progress update names a measure "
        "that does not exist",
        "HP402": "a reference to an event, campaign, recommendation or chapter that does not exist",
    }

    def validate(self, program: Program, **options: Any) -> Iterator[Finding]:
        """Dangling references, except institutions (HP302) and ids used twice (HP101).

        A kind of problem the model may add later counts as HP402.
        """
        kinds: dict[str | None, str | None] = {
            "duplicate-id": None,
            "unknown-institution": None,
            "unknown-measure": "HP401",
        }
        return reference_findings(program, kinds, "HP402")
