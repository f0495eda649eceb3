"""Bytes to lines, lines to blocks: the paragraphs of a plan with their line numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from hrplan.builtins.text_format._patterns import BULLETS, Start, classify_start
from hrplan.decoding import decode_as, normalise_newlines
from hrplan.errors import InputError, Problem
from hrplan.limits import LimitError

__all__ = ["Block", "blocks", "decode"]


@attrs.frozen
class Block:
    """A paragraph: lines between blank lines, or cut before a heading or numbered line.

    :ivar line: the 1-based number of its first line.
    :ivar lines: its lines, stripped of surrounding blanks.
    :ivar start: the heading or numbered item its first line opens with, if any.
    """

    line: int
    lines: tuple[str, ...]
    start: Start | None


def decode(data: bytes, encoding: str, source: str) -> list[str]:
    """The lines of ``data`` (a byte-order mark dropped, any line ending accepted)."""
    return normalise_newlines(decode_as(data, encoding, fmt="text", source=source)).split("\n")


def _list_line(line: str) -> bool:
    """A line of a list: a bullet, or a list marker (``1)``, ``a)``, ``- text``)."""
    if line[:1] in BULLETS:
        return True
    start = classify_start(line)
    return start is not None and bool(start.style) and not start.keyword


#: A line that opens with a label (``Responsible agency:``), as far as blocks can tell without the vocabulary.
_LABEL_LINE = re.compile(r"[^\W\d][^:]{0,40}:(?:\s|$)")
#: How far a list is looked into to tell a list of a measure from its sub-measures.
_LOOK_AHEAD = 40


def _list_follows(lines: Sequence[tuple[int, str]], at: int) -> bool:
    """Whether the lines from ``at`` are one list (a second list line before any label line)."""
    seen = 0
    for _, raw in lines[at : at + _LOOK_AHEAD]:
        line = raw.strip()
        if not line:
            break
        if _list_line(line):
            seen += 1
            if seen == 2:
                return True
        elif seen and _LABEL_LINE.match(line):
            return False
    return True


def blocks(lines: Iterable[tuple[int, str]], source: str = "<stream>") -> Iterator[Block]:
    """Cut numbered ``lines`` into blocks: at blank lines, before every chapter heading or
    numbered line (``- 6.2.`` right under ``- 6.1.`` starts a block of its own), and
    before a list marker (``2)``) unless it is a line of a list under a label that ends
    its line (``Indicators:`` / ``1) ...`` / ``2) ...``; a numbered title ending with a
    colon is no such label).

    :raises InputError: naming ``source`` and the line, for a number beyond :mod:`hrplan.limits`.
    """
    current: list[str] = []
    first = 0
    start: Start | None = None
    in_list = False
    numbered = list(lines)
    for index, (number, raw) in enumerate(numbered):
        line = raw.strip()
        if not line:
            if current:
                yield Block(first, tuple(current), start)
                current = []
            in_list = False
            continue
        try:
            found = classify_start(line, paragraph_start=not current)
            if found is None and current and not in_list and _list_line(line) and line[:1] not in BULLETS:
                found = classify_start(line)
        except LimitError as exc:  # a number beyond hrplan.limits cannot be read past
            raise InputError(source, [Problem(f"line {number}", str(exc), "limit")]) from None
        if found is not None and current:
            yield Block(first, tuple(current), start)
            current = []
        if not current:
            first, start = number, found
        current.append(line)
        # A label ending its line (``Indicators:``) opens a list; a numbered item's title ending
        # with a colon does when a second list line comes before any label (``1.1. The Ministry
        # will:`` / ``1) draft a law;`` / ``2) train staff.``), not when each list line has parts
        # of its own (``2. Strengthen the response:`` / ``(a) ...`` / ``Responsible: ...``).
        try:
            opens = line.endswith(":") and (found is None or _list_follows(numbered, index + 1))
        except LimitError:  # a list line past hrplan.limits: its own line reports it
            opens = True
        in_list = opens or (in_list and _list_line(line))
    if current:
        yield Block(first, tuple(current), start)
