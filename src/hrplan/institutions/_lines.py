"""Line breaks in a list of institutions: where a name wraps, where a new one starts.

A wrapped paragraph ("..., Commissioner\\n\\nfor Human Rights") is read as one
line. A list with one name per line, or with bullets ("- ", "• ", "1. "), is cut
at its lines (a bullet's wrapped continuation lines stay with it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hrplan.institutions._heads import has_head_noun, standalone
from hrplan.institutions._pieces import cut

__all__ = ["chunks"]

_BULLET = re.compile(r"^\s*(?:[-\u2010-\u2015\u2022\u00b7\u25aa\u25cf*]|\d{1,2}[.)]|[a-z][)])\s+")
_GLUE_END = re.compile(r"\b(?:of|the|for|on|and|to|under|with|at|before|in|by|və)$|[-(]$", re.IGNORECASE)
_GLUE_START = re.compile(r"^(?:of|for|on|and|under|at|before|və)\b", re.IGNORECASE)


def chunks(text: str, knows: Callable[[str], bool]) -> list[str]:
    """``text`` cut at its line breaks where they separate names; each chunk on one line."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if any(_BULLET.match(line) for line in lines):
        return _bulleted(lines)
    if _one_per_line(lines, knows):
        return _by_line(lines, knows)
    return [" ".join(lines)] if lines else []


def _bulleted(lines: list[str]) -> list[str]:
    result: list[list[str]] = []
    for line in lines:
        if _BULLET.match(line) or not result:
            result.append([_BULLET.sub("", line, count=1)])
        else:
            result[-1].append(line)
    return [" ".join(parts) for parts in result]


def _one_per_line(lines: list[str], knows: Callable[[str], bool]) -> bool:
    """No line holds a comma or semicolon before a name of its own ("..., Ministry of")."""
    return len(lines) > 1 and not any(_lists_names(line, knows) for line in lines)


def _lists_names(line: str, knows: Callable[[str], bool]) -> bool:
    pieces = cut(line)
    return any(not pieces.is_and(k) and standalone(pieces.texts[k], knows) for k in range(1, len(pieces)))


def _by_line(lines: list[str], knows: Callable[[str], bool]) -> list[str]:
    result = [[lines[0]]]
    for line in lines[1:]:
        if _continues(" ".join(result[-1][-8:]), line, knows):
            result[-1].append(line)
        else:
            result.append([line])
    return [" ".join(parts) for parts in result]


#: How much of the text so far decides whether the next line goes on with it (a name
#: is never this long), so that joining many lines stays linear.
_TAIL = 400


def _continues(previous: str, line: str, knows: Callable[[str], bool]) -> bool:
    """Whether ``line`` carries on the name the last piece of ``previous`` started."""
    if previous.endswith((",", ";")):
        return False
    previous = previous[-_TAIL:]
    pieces = cut(previous)
    last = pieces.texts[-1] if len(pieces) else previous
    if _GLUE_END.search(previous) or knows(f"{last} {line}"):
        return True
    if line[0] == "(" or line[0].islower() or _GLUE_START.match(line):
        return True
    if len(last.split()) > 1 and has_head_noun(line.split()[0]):
        return False  # "... and Social Protection" / "Office of ...": a name ends, a new one starts
    return not standalone(last, knows)
