"""Measure numbering: ids used twice, order, gaps, numbers that do not fit their place."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from hrplan.builtins.validators.references import reference_findings
from hrplan.builtins.validators.walk import Site, descend, top_level
from hrplan.findings import Finding, Severity
from hrplan.model import Program

__all__ = ["NumberingValidator"]

#: Up to this many missing numbers are listed one by one; more are shown as a range.
_LISTED = 3


class NumberingValidator:
    """Checks the numbers of measures against each other and against their place."""

    name = "numbering"
    codes: Mapping[str, str] = {
        "HP101": "an id is used twice (measure numbers, event, campaign or recommendation ids)",
        "HP102": "a measure is numbered lower than or equal to the sibling before it",
        "HP103": "a gap in the numbering of sibling measures",
        "HP104": "a sub-measure's number does not extend its parent's",
        "HP105": "a top-level measure's first number is not its chapter's number (numbers of two parts or more)",
    }

    def validate(self, program: Program, **options: Any) -> Iterator[Finding]:
        """Yield the numbering findings in document order (ids used twice first)."""
        yield from reference_findings(program, {"duplicate-id": "HP101"})
        for sites in top_level(program):
            yield from _siblings(sites, None)
            for site in descend(sites):
                yield from _place(site)
                if site.measure.children:
                    yield from _siblings(site.children(), site)


def _place(site: Site) -> Iterator[Finding]:
    number = site.measure.id
    if site.parent is not None:
        above = site.parent.measure.id
        if not number.extends(above):
            message = (
                f"{site.label}: its number does not extend {above}, "
                "the number of the measure it is under"
            )
            yield Finding(Severity.ERROR, "HP104", message, f"{site.path}.id")
    elif len(number.parts) > 1 and number.parts[0] != site.chapter.number:  # `15.` counts within its chapter
        chapter = site.chapter
        label = f" ({chapter.label})" if chapter.label != str(chapter.number) else ""
        message = (
            f"{site.label}: its first number is not {chapter.number}, "
            f"the number of its chapter{label}"
        )
        yield Finding(Severity.WARNING, "HP105", message, f"{site.path}.id")


def _siblings(sites: Sequence[Site], parent: Site | None) -> Iterator[Finding]:
    """Order (HP102) and gaps (HP103) among the sub-measures of one parent or chapter."""
    for before, site in itertools.pairwise(sites):
        if site.measure.id == before.measure.id:
            message = f"{site.label}: numbered the same as the measure before it"
        elif site.measure.id < before.measure.id:
            message = f"{site.label}: numbered out of order, after {before.measure.id}"
        else:
            continue
        yield Finding(Severity.WARNING, "HP102", message, f"{site.path}.id")
    if not sites:
        return
    prefix = parent.measure.id.parts if parent else (sites[0].chapter.number,)
    yield from _gaps(sites, prefix)


def _gaps(sites: Sequence[Site], prefix: tuple[int, ...]) -> Iterator[Finding]:
    """One HP103 finding per run of numbers missing below the highest sibling.

    Only siblings numbered ``prefix.n`` count (the others get HP104 or HP105);
    the finding stands at the first sibling numbered above the gap.
    """
    present: dict[int, Site] = {}
    for site in sites:
        parts = site.measure.id.parts
        if len(parts) == len(prefix) + 1 and parts[: len(prefix)] == prefix:
            present.setdefault(parts[-1], site)
    last = 0
    for n in sorted(present):
        if n > last + 1:
            missing = _missing(prefix, last + 1, n - 1)
            site = present[n]
            message = f"{site.label}: numbering gap, {missing} before it"
            yield Finding(Severity.WARNING, "HP103", message, f"{site.path}.id")
        last = n


def _missing(prefix: tuple[int, ...], first: int, last: int) -> str:
    """``1.2 is missing``, ``1.2 and 1.3 are missing``, ``1.2 to 1.9 (8 numbers) are missing``."""
    stem = "".join(f"{p}." for p in prefix)
    count = last - first + 1
    if count == 1:
        return f"{stem}{first} is missing"
    if count <= _LISTED:
        numbers = [f"{stem}{n}" for n in range(first, last + 1)]
        return f"{', '.join(numbers[:-1])} and {numbers[-1]} are missing"
    return f"{stem}{first} to {stem}{last} ({count} numbers) are missing"
