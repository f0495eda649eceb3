"""Findings: what validators and importers report instead of raising."""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Iterable, Sequence

import attrs

from hrplan.errors import UnknownCodeError

__all__ = ["Finding", "Severity", "check_code", "check_selection", "select_findings"]


class Severity(enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for information (for sorting)."""
        return ("error", "warning", "info").index(self.value)


@attrs.frozen
class Finding:
    """One thing a validator or importer noticed.

    :ivar severity: error, warning or info.
    :ivar code: a stable code such as ``HP101`` (letters, then digits).
    :ivar message: what is wrong, in words.
    :ivar location: where: a JSON path (``$.chapters[0].measures[3]``), a measure
        (``measure 1.2.10``), or ``line 12`` / ``row 4, column date`` in a source file.
    :ivar source: the file it concerns, if any.
    """

    severity: Severity
    code: str
    message: str
    location: str = ""
    source: str | None = None

    def __str__(self) -> str:
        where = ":".join(part for part in (self.source, self.location) if part)
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.code} [{self.severity.value}] {self.message}"


_CODE = re.compile(r"[A-Z]+[0-9]*")


def _matches(code: str, prefixes: Sequence[str]) -> int:
    """The length of the longest prefix in ``prefixes`` that ``code`` starts with (-1: none)."""
    lengths = [0 if p == "ALL" else len(p) for p in prefixes if p == "ALL" or code.startswith(p)]
    return max(lengths, default=-1)


def select_findings(
    findings: Iterable[Finding], select: Sequence[str] | None = (), ignore: Sequence[str] | None = ()
) -> list[Finding]:
    """Keep the findings whose code is selected and not ignored, as ruff does.

    A code is selected by a prefix (``HP1`` selects ``HP101``; ``ALL`` everything);
    with no ``select`` every code is. When a code matches both lists, the longer
    (more specific) prefix wins; on a tie ``ignore`` wins. A single code may be
    given as a string; ``None`` is no code.
    """
    select = [select] if isinstance(select, str) else select or ()
    ignore = [ignore] if isinstance(ignore, str) else ignore or ()
    kept = []
    for finding in findings:
        chosen = _matches(finding.code, select) if select else 0
        dropped = _matches(finding.code, ignore)
        if chosen >= 0 and chosen > dropped:
            kept.append(finding)
    return kept


def check_selection(codes: str | Iterable[str] | None, known: Collection[str]) -> None:
    """Refuse a code to select or ignore that no code in ``known`` starts with (``ALL`` is always known;
    ``None`` is no code).

    :raises UnknownCodeError: naming the code, the known prefixes and the closest one.
    """
    for code in [codes] if isinstance(codes, str) else codes or ():
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise UnknownCodeError(code, known)


def check_code(code: str) -> None:
    """Raise :class:`ValueError` unless ``code`` looks like ``HP101``."""
    if not _CODE.fullmatch(code):
        raise ValueError(f"finding code {code!r} must be capital letters followed by digits")
