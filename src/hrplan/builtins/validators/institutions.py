"""Implementing institutions: measures without one, ids missing from the registry."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hrplan.builtins.validators.references import reference_findings
from hrplan.builtins.validators.walk import walk
from hrplan.findings import Finding, Severity
from hrplan.model import Measure, Program

__all__ = ["InstitutionsValidator"]


class InstitutionsValidator:
    """Checks that every measure has an implementer and every institution id resolves."""

    name = "institutions"
    codes: Mapping[str, str] = {
        "HP301": "a measure with no implementing institution (nor sub-measures that all have one)",
        "HP302": "an institution id that is not in the program's registry",
    }

    def validate(self, program: Program, **options: Any) -> Iterator[Finding]:
        """Yield measures without implementers (document order), then unknown institutions."""
        for site in walk(program):
            measure = site.measure
            if measure.implementers or _covered_by_children(measure):
                continue
            if measure.children:
                lacking = ", ".join(str(c.id) for c in measure.children if not _covered(c))
                message = (
                    f"{site.label}: no implementing institution, and not all its "
                    f"sub-measures have one ({lacking})"
                )
            else:
                message = f"{site.label}: no implementing institution"
            yield Finding(Severity.WARNING, "HP301", message, f"{site.path}.implementers")
        yield from reference_findings(program, {"unknown-institution": "HP302"})


def _covered(measure: Measure) -> bool:
    """Whether ``measure`` has implementers, or sub-measures that all are covered."""
    return bool(measure.implementers) or _covered_by_children(measure)


def _covered_by_children(measure: Measure) -> bool:
    return bool(measure.children) and all(_covered(child) for child in measure.children)
