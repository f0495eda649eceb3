"""A line of a list cut at its separators (commas, semicolons, " / ", "and"), kept to be re-joined."""

from __future__ import annotations

import re

import attrs

__all__ = ["Pieces", "cut"]

_SEPARATOR = re.compile(
    r"\s*[,;](?:\s*(?:and|as\s+well\s+as|və)(?=\s))?\s*|\s+/\s+|\s+(?:and|as\s+well\s+as|və)\s+",
    re.IGNORECASE,
)


@attrs.frozen
class Pieces:
    """The pieces of a line and the separators between them, as written.

    ``seps[k]`` stands between ``texts[k]`` and ``texts[k + 1]``.
    """

    texts: tuple[str, ...]
    seps: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.texts)

    def join(self, first: int, last: int) -> str:
        """Pieces ``first`` to ``last`` (inclusive) with their separators, as written."""
        parts = [self.texts[first]]
        for k in range(first + 1, last + 1):
            parts += [self.seps[k - 1], self.texts[k]]
        return "".join(parts)

    def is_and(self, k: int) -> bool:
        """Whether the separator before piece ``k`` is a bare "and" (no comma, semicolon or slash)."""
        return not any(mark in self.seps[k - 1] for mark in ",;/")


def cut(line: str) -> Pieces:
    """``line`` cut at every separator outside brackets; empty pieces are dropped (linear time)."""
    texts: list[str] = []
    seps: list[str] = []
    start = 0
    depth = 0  # brackets open before the current separator
    counted = 0
    for match in _SEPARATOR.finditer(line):
        head = line[counted : match.start()]
        depth += head.count("(") - head.count(")")
        counted = match.start()
        if depth > 0:
            continue
        _add(texts, seps, line[start : match.start()], match.group(0))
        start = match.end()
    _add(texts, seps, line[start:], "")
    return Pieces(tuple(texts), tuple(seps[: max(len(texts) - 1, 0)]))


def _add(texts: list[str], seps: list[str], text: str, sep: str) -> None:
    if text.strip(" .,;"):
        texts.append(text)
        seps.append(sep)
    elif seps:
        seps[-1] += text + sep
