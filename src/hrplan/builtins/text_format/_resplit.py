"""Lines as the importer reads them: page furniture dropped, lost line breaks restored.

Text copied from a PDF carries the running header (the title again) and page numbers
on lines of their own; they are dropped, wherever they fall.

Plans re-published on the web often come with every line break removed: the whole
program is one line. A line longer than :data:`LONG` characters (or the only line
of the text) is cut before
every chapter heading (``Chapter II ...``), numbered measure (``1.2.10. ...``, with
its full stop) and numbered keyword (``Objective 2.1: ...``, ``Pillar 3: ...``) found
inside it; the pieces become paragraphs of their own, keeping the line number. A
measure's first sentence is its title, the rest its description, as in the
original layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from hrplan.builtins.text_format._patterns import PAGE_NUMBER, Start, start_or_none
from hrplan.labels import Labels

__all__ = ["LONG", "resplit"]

#: Lines longer than this (in characters) are searched for starts inside them.
LONG = 2000
#: Where a start may be: after a blank, before "Chapter", a numbered keyword with its
#: separator, or a number of two parts or more with its full stop.
_CANDIDATE = re.compile(
    r"(?<=\s)(?=Chapter\s|CHAPTER\s"
    r"|(?:[-\u2013\u2014\u2022][ \t]*)?\d{1,4}(?:\.\d{1,4})+\.[ \t]"
    r"|(?i:objective|activity|measure|action|task|output|outcome|goal|pillar|part|section)[ \t]+\d[\d.]*[ \t]*:)"
)
_SENTENCE_END = re.compile(r"[.!?][ \t]+(?=[A-Z])")



def resplit(lines: Sequence[str], labels: Labels) -> Iterator[tuple[int, str]]:
    """Each line with its 1-based number; a long line cut into paragraphs at the starts
    inside it; page furniture dropped: page numbers on lines of their own, and the
    title line repeated as a running header inside a paragraph (next to a line of text)."""
    title: str | None = None
    alone = sum(1 for line in lines if line.strip()) == 1  # the whole plan on one line, however short
    for index, line in enumerate(lines):
        number = index + 1
        bare = line.strip()
        if title is None and bare:
            title = bare
        elif bare and (PAGE_NUMBER.fullmatch(bare) or (bare == title and _inside(lines, index))):
            continue
        if len(line) <= LONG and not alone:
            yield number, line
            continue
        for piece in _pieces(line, labels):
            yield number, piece
            yield number, ""


def _inside(lines: Sequence[str], index: int) -> bool:
    """Whether the line at ``index`` has text right before or after it."""
    before = lines[index - 1].strip() if index > 0 else ""
    after = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return bool(before or after)


def _pieces(line: str, labels: Labels) -> Iterator[str]:
    cuts = [match.start() for match in _CANDIDATE.finditer(line)]
    previous = 0
    for i, cut in enumerate(cuts):
        stop = cuts[i + 1] if i + 1 < len(cuts) else len(line)
        start = start_or_none(line[cut:stop].rstrip(), paragraph_start=False)
        if start is None or not _strong(start):
            continue
        yield from _paragraphs(line[previous:cut].strip(), labels)
        previous = cut
    yield from _paragraphs(line[previous:].strip(), labels)


def _strong(start: Start) -> bool:
    """A start that running text does not make by chance: a heading, a full number, a keyword."""
    return start.is_heading or start.measure is not None or bool(start.keyword)


def _paragraphs(piece: str, labels: Labels) -> Iterator[str]:
    """A numbered piece as its title (first sentence, before any label) and the rest."""
    if not piece:
        return
    start = start_or_none(piece, paragraph_start=False)
    if start is None or start.is_heading:
        yield piece
        return
    label = next(iter(labels.find(piece)), None)
    limit = label.start if label is not None else len(piece)
    offset = len(piece) - len(start.text)
    end = _SENTENCE_END.search(piece, offset, limit)
    if end is None:
        yield piece
        return
    yield piece[: end.start() + 1]
    yield piece[end.end() :]
