"""Adding recommendations to a program without duplicates, and the ids they get."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import attrs

from hrplan.countries import lookup
from hrplan.findings import Severity
from hrplan.model import Program, Recommendation
from hrplan.plugins import ImportResult
from hrplan.tally import FindingTally

__all__ = ["import_result", "merge_into", "new_program", "slug", "text_key", "upr_id"]

_NOT_SLUG = re.compile(r"[^a-z0-9.]+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=16384)
def slug(text: str) -> str:
    """``Côte d'Ivoire`` -> ``cote-d-ivoire``; dots kept (``115.1``)."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-.") or "x"


def upr_id(state: str | None, year: int | None, session: str | None, paragraph: str) -> str:
    """The id of a UPR recommendation of a list or report: ``upr-<State>-<year>-<paragraph>``,
    ``s<session>`` without a year, ``x`` without either (``upr-azerbaijan-2020-140.1``)."""
    return f"upr-{slug(state) if state else 'unknown'}-{year or (('s' + session) if session else 'x')}-{paragraph}"


def text_key(text: str) -> str:
    """A recommendation's text folded for comparison across sources (case, punctuation, spaces)."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def new_program(states: Iterable[str]) -> Program:
    """An empty program for the recommendations to ``states`` (one State: its own id and country)."""
    distinct = list(dict.fromkeys(states))
    if len(distinct) == 1:
        country = lookup(distinct[0])
        code = country.alpha2 if country is not None else None
        return Program(f"recommendations-{slug(distinct[0])}", f"Recommendations to {distinct[0]}",
                       country=code or distinct[0])
    return Program("recommendations", "Recommendations")


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))


def _combine(old: Recommendation, new: Recommendation) -> Recommendation:
    """``old`` with what ``new`` adds: its States, themes, SDGs and persons, and fields ``old`` lacks."""
    changes: dict[str, Any] = {
        "recommending_states": _union(old.recommending_states, new.recommending_states),
        "themes": _union(old.themes, new.themes),
        "affected_persons": _union(old.affected_persons, new.affected_persons),
        "sdgs": tuple(dict.fromkeys((*old.sdgs, *new.sdgs))),
        "countries": _union(old.countries, new.countries),
    }
    for name in ("cycle", "session", "year", "symbol", "paragraph", "position", "position_text", "body", "action",
                 "position_source", "document_type", "published", "source_id"):
        if getattr(old, name) is None and getattr(new, name) is not None:
            changes[name] = getattr(new, name)
    return attrs.evolve(old, **changes)


class _Index:
    """Where each recommendation of a program is, by id, by reference and by text."""

    def __init__(self, recommendations: list[Recommendation]) -> None:
        self.items = recommendations
        self.ids: dict[str, int] = {}
        self.references: dict[tuple[str, str], int] = {}
        self.texts: dict[tuple[str, str, str], list[int]] = {}
        for i, rec in enumerate(recommendations):
            self.note(i, rec)

    def note(self, i: int, rec: Recommendation) -> None:
        self.ids.setdefault(rec.id, i)
        if rec.reference is not None:
            self.references.setdefault(rec.reference, i)
        key = (rec.countries[0] if rec.countries else "", rec.kind.value, text_key(rec.text))
        self.texts.setdefault(key, []).append(i)

    def same(self, rec: Recommendation) -> int | None:
        """The recommendation ``rec`` repeats: same symbol and paragraph, or same id and text, or
        (when one side has no paragraph) same State, text and a recommending State in common."""
        if rec.reference is not None and rec.reference in self.references:
            return self.references[rec.reference]
        if rec.id in self.ids and self._same_text(self.items[self.ids[rec.id]], rec):
            return self.ids[rec.id]
        key = (rec.countries[0] if rec.countries else "", rec.kind.value, text_key(rec.text))
        for i in self.texts.get(key, ()):
            old = self.items[i]
            if rec.reference is not None and old.reference is not None:
                continue  # two different paragraphs that say the same thing
            if rec.paragraph is None and old.paragraph is None:
                continue  # UPR Info: two rows with the same text are two recommendations
            if rec.paragraph is not None and old.paragraph is not None and rec.paragraph != old.paragraph:
                continue  # a list without symbols: its numbered paragraphs are distinct
            if not rec.recommending_states or set(rec.recommending_states) & set(old.recommending_states):
                return i
        return None

    @staticmethod
    def _same_text(old: Recommendation, new: Recommendation) -> bool:
        # An id made of State, session and paragraph is shared by two lists without a session
        # (``upr-uganda-x-121.1``): their texts tell them apart.
        return not old.text or not new.text or text_key(old.text) == text_key(new.text)


def merge_into(base: Program, recommendations: Iterable[Recommendation], tally: FindingTally) -> Program:
    """``base`` with ``recommendations`` added; one that repeats a recommendation already there
    (same symbol and paragraph; or same State, text and recommending State) is merged into it."""
    items = list(base.recommendations)
    index = _Index(items)
    for rec in recommendations:
        i = index.same(rec)
        if i is None:
            taken = rec.id in index.ids
            rec = _unique(rec, index)
            if taken:
                tally.add(Severity.WARNING, "REC014", "another recommendation with a different text has this id: "
                          "kept as a new one, with a new id", f"recommendation {rec.id}")
            items.append(rec)
            index.note(len(items) - 1, rec)
            continue
        items[i] = _combine(items[i], rec)
        tally.add(Severity.INFO, "REC010", "already in the program (same symbol and paragraph, or same text and "
                  "State): merged into it", f"recommendation {rec.id}", detail=items[i].id)
    return attrs.evolve(base, recommendations=tuple(items))


def _unique(rec: Recommendation, index: _Index) -> Recommendation:
    if rec.id not in index.ids:
        return rec
    n = 2
    while f"{rec.id}-{n}" in index.ids:
        n += 1
    return attrs.evolve(rec, id=f"{rec.id}-{n}")


def import_result(
    base: Program | None, states: Iterable[str], recommendations: Iterable[Recommendation], tally: FindingTally
) -> ImportResult:
    """What a layout returns: the recommendations merged into ``base`` (else a new program
    for ``states``), with the tally's findings."""
    program = base if base is not None else new_program(states)
    return ImportResult(merge_into(program, recommendations, tally), tuple(tally.findings()))
