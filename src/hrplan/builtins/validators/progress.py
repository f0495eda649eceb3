"""Progress updates: out of date order, completions withdrawn, same-day disagreements (HP5xx)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hrplan.findings import Finding
from hrplan.model import Program
from hrplan.monitoring import PROGRESS_CODES, progress_findings

__all__ = ["ProgressValidator"]


class ProgressValidator:
    """Checks each measure's progress updates against each other (``hrplan.monitoring``)."""

    name = "progress"
    codes: Mapping[str, str] = PROGRESS_CODES

    def validate(self, program: Program, **options: Any) -> Iterator[Finding]:
        """Yield the HP501-HP503 warnings in the order of ``program.progress``."""
        yield from progress_findings(program)
