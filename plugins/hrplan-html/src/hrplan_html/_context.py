"""What every part of the report needs besides the snapshot: labels, notes, language, size mode."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import hrplan
from hrplan.monitoring import MeasureState, Snapshot

from hrplan_html._labels import chapter_labels
from hrplan_html._markup import time_limit_text

__all__ = ["COMPACT_ABOVE", "Context", "LimitNote", "make_context"]

#: Above this many measures the report is compact: one timeline bar per chapter, tables folded.
COMPACT_ABOVE = 300
#: A time-limit text at least this long, written for this many measures, is shown short with a note.
_LONG, _REPEATED = 25, 3


@dataclass(frozen=True)
class LimitNote:
    """A long time-limit wording that many measures repeat, shown as ``short`` with a note mark.

    :ivar mark: the note's letter (``a``).
    :ivar short: what the tables show (the canonical wording, ``permanently``).
    :ivar text: the plan's wording.
    :ivar count: how many measures are judged by it.
    """

    mark: str
    short: str
    text: str
    count: int


@dataclass(frozen=True)
class Context:
    """The snapshot and what the report derives from it once.

    :ivar snap: the snapshot.
    :ivar lang: the plan's language when it is not the page's (English), else ``None``.
    :ivar labels: chapter number -> its label in one style.
    :ivar notes: long repeated time-limit wordings, by wording.
    :ivar compact: whether the report is in its compact form.
    :ivar organisation: the issuing body, if given.
    """

    snap: Snapshot
    lang: str | None
    labels: dict[int, str]
    notes: dict[str, LimitNote] = field(default_factory=dict)
    compact: bool = False
    organisation: str | None = None

    @property
    def program(self) -> hrplan.Program:
        """The program of the snapshot."""
        return self.snap.program

    def heading(self, chapter: hrplan.Chapter) -> str:
        """``Chapter One. Legal framework``: the label in the report's one style."""
        return f"Chapter {self.labels.get(chapter.number, chapter.label)}. {chapter.title}"

    def states(self, chapter: hrplan.Chapter) -> list[MeasureState]:
        """The states of the chapter's measures, depth-first in document order."""
        return [self.snap.state(m.id) for m in chapter.iter_measures()]


def _notes(snap: Snapshot) -> dict[str, LimitNote]:
    counts = Counter(time_limit_text(s.time_limit) for s in snap.measures if s.time_limit is not None)
    canonical = {time_limit_text(s.time_limit): str(s.time_limit) for s in snap.measures if s.time_limit is not None}
    notes: dict[str, LimitNote] = {}
    for text, count in counts.items():
        short = canonical[text]
        if len(text) >= _LONG and count >= _REPEATED and len(short) < len(text):
            mark = "abcdefghijklmnopqrstuvwxyz"[len(notes) % 26]
            notes[text] = LimitNote(mark, short, text, count)
    return notes


def make_context(
    snap: Snapshot, lang: str | None, *, compact: bool | None = None, organisation: str | None = None
) -> Context:
    """The context of a report; ``compact=None`` chooses by size (above :data:`COMPACT_ABOVE` measures)."""
    fold = len(snap.measures) > COMPACT_ABOVE if compact is None else compact
    return Context(snap, lang, chapter_labels(snap.program.chapters), _notes(snap), fold, organisation)
