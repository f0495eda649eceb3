"""Findings that scale: one finding per kind of problem, with a count and the first rows.

An importer that meets the same problem on 9,000 rows should say so once, not
9,000 times. It reports each problem to a :class:`FindingTally`, which keeps
one finding per kind (its code and a message that does not name the row) with
how many rows had it and where the first few are::

    >>> from hrplan.findings import Severity
    >>> from hrplan.tally import FindingTally
    >>> tally = FindingTally(source="export.csv", shown=2)
    >>> for row in (4, 9, 12):
    ...     tally.add(Severity.WARNING, "X001", "no position; left empty", f"row {row}", detail="'Maybe'")
    >>> [str(f) for f in tally.findings()]
    ["export.csv:row 4: X001 [warning] no position; left empty: 3 rows (row 4 ('Maybe'), row 9 ('Maybe'), and 1 more)"]
    >>> tally.count("X001")
    3

A kind seen once reads like an ordinary finding. Any importer or validator may
use it; findings come out in the order their kinds were first seen.
"""

from __future__ import annotations

import attrs

from hrplan.findings import Finding, Severity

__all__ = ["FindingTally"]


@attrs.define
class _Kind:
    severity: Severity
    code: str
    message: str
    count: int = 0
    places: list[str] = attrs.field(factory=list)


class FindingTally:
    """Collects findings by kind (severity, code and message) and counts them.

    :param source: the file the findings concern (``Finding.source``).
    :param shown: how many places (rows) each finding names.
    :param noun: what a place is, for the count (``rows``, ``recommendations``).
    """

    def __init__(self, source: str | None = None, *, shown: int = 5, noun: str = "rows") -> None:
        self.source = source
        self.shown = shown
        self.noun = noun
        self._kinds: dict[tuple[Severity, str, str], _Kind] = {}

    def add(self, severity: Severity, code: str, message: str, location: str = "", *, detail: str = "") -> None:
        """Count one occurrence of a problem at ``location`` (``detail``: what was there, shown with it)."""
        key = (severity, code, message)
        kind = self._kinds.get(key)
        if kind is None:
            kind = self._kinds[key] = _Kind(severity, code, message)
        kind.count += 1
        if len(kind.places) < self.shown:
            kind.places.append(f"{location} ({detail})" if detail and location else location or detail)

    def count(self, code: str | None = None) -> int:
        """How many occurrences were added (of ``code`` only, when given)."""
        return sum(k.count for k in self._kinds.values() if code is None or k.code == code)

    def findings(self) -> list[Finding]:
        """One finding per kind, located at its first place, in the order kinds were first seen."""
        return [self._finding(kind) for kind in self._kinds.values()]

    def _finding(self, kind: _Kind) -> Finding:
        first = kind.places[0] if kind.places else ""
        location = first.split(" (", 1)[0]
        if kind.count == 1:
            detail = first[len(location) :].strip()
            message = f"{kind.message} {detail}".rstrip() if detail else kind.message
            return Finding(kind.severity, kind.code, message, location, self.source)
        listed = ", ".join(kind.places)
        rest = kind.count - len(kind.places)
        more = f", and {rest} more" if rest else ""
        message = f"{kind.message}: {kind.count} {self.noun} ({listed}{more})"
        return Finding(kind.severity, kind.code, message, location, self.source)
