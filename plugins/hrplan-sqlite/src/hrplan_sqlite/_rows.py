"""A program as rows: one list of dicts per table of :data:`~hrplan_sqlite.TABLES`, in document order."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import hrplan

__all__ = ["Row", "rows"]

#: One row: column name -> value (``None`` for NULL).
Row = dict[str, Any]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _array(values: Iterable[object]) -> str:
    """A list as JSON text (Datasette facets and renders these)."""
    return json.dumps([str(v) if isinstance(v, hrplan.MeasureId) else v for v in values], ensure_ascii=False)


def _limit_text(limit: hrplan.TimeLimit | None) -> str | None:
    if limit is None:
        return None
    return limit.text if limit.text else str(limit)


def _edtf(limit: hrplan.TimeLimit | None) -> str | None:
    if limit is None or limit.kind is hrplan.TimeLimitKind.UNPARSED:
        return None
    return limit.edtf()


def _program(program: hrplan.Program) -> Row:
    adoption, period = program.adoption, program.period
    return {
        "id": program.id,
        "title": program.title,
        "country": program.country,
        "language": program.language,
        "source": program.source,
        "adoption_date": _iso(adoption.date) if adoption else None,
        "adoption_instrument": adoption.instrument if adoption else None,
        "adoption_number": adoption.number if adoption else None,
        "period": _limit_text(period),
        "period_start": _iso(period.start) if period else None,
        "period_end": _iso(period.end) if period else None,
    }


def _walk(chapter: hrplan.Chapter) -> Iterator[tuple[hrplan.Measure, hrplan.MeasureId | None, int]]:
    """Each measure of ``chapter`` with its parent's number and its depth, depth-first."""
    stack: list[tuple[hrplan.Measure, hrplan.MeasureId | None, int]]
    stack = [(m, None, 1) for m in reversed(chapter.measures)]
    while stack:
        measure, parent, depth = stack.pop()
        yield measure, parent, depth
        stack.extend((child, measure.id, depth + 1) for child in reversed(measure.children))


def _measure(program: hrplan.Program, chapter: hrplan.Chapter, item: tuple[Any, Any, int], position: int) -> Row:
    measure, parent, depth = item
    own, judged = measure.time_limit, hrplan.effective_time_limit(measure, program)
    return {
        "id": str(measure.id),
        "chapter": chapter.number,
        "parent": str(parent) if parent is not None else None,
        "depth": depth,
        "position": position,
        "title": measure.title,
        "description": measure.description,
        "time_limit": _limit_text(own),
        "time_limit_kind": own.kind.value if own else None,
        "time_limit_start": _iso(own.start) if own else None,
        "time_limit_end": _iso(own.end) if own else None,
        "time_limit_edtf": _edtf(own),
        "effective_kind": judged.kind.value if judged else None,
        "effective_start": _iso(judged.start) if judged else None,
        "effective_end": _iso(judged.end) if judged else None,
        "themes": _array(measure.tags.themes),
        "target_groups": _array(measure.tags.target_groups),
        "treaties": _array(measure.tags.treaties),
        "sdgs": _array(measure.tags.sdgs),
        "indicators": _array(measure.indicators),
        "expected_results": _array(measure.expected_results),
        "funding": measure.funding,
        "budget": measure.budget,
    }


def _measures(program: hrplan.Program, out: dict[str, list[Row]]) -> None:
    position = 0
    for chapter in program.chapters:
        for item in _walk(chapter):
            position += 1
            out["measures"].append(_measure(program, chapter, item, position))
            measure = item[0]
            for i, implementer in enumerate(measure.implementers, start=1):
                out["implementers"].append(
                    {"measure": str(measure.id), "position": i, "institution": implementer.institution,
                     "role": implementer.role.value}
                )


def _links(owner: str, key: str, column: str, values: Iterable[object]) -> list[Row]:
    """One row per distinct value, in the order first given (a repeated link says nothing more)."""
    return [{owner: key, column: str(v)} for v in dict.fromkeys(values)]


def _institutions(program: hrplan.Program) -> list[Row]:
    return [
        {"id": i.id, "name": i.name, "kind": i.kind.value, "short_name": i.short_name,
         "aliases": _array(i.aliases), "parent": i.parent, "position": n}
        for n, i in enumerate(program.institutions.values(), start=1)
    ]


def _events(program: hrplan.Program, out: dict[str, list[Row]]) -> None:
    for n, e in enumerate(program.events, start=1):
        out["events"].append({
            "id": e.id, "title": e.title, "kind": e.kind.value, "start_date": _iso(e.dates.start),
            "end_date": _iso(e.dates.end), "days": e.dates.days, "organiser": e.organiser,
            "audiences": _array(e.audiences), "participant_count": e.participant_count, "location": e.location,
            "remote_participants": _array(e.remote_participants), "campaign": e.campaign,
            "source_url": e.source_url, "notes": e.notes, "position": n,
        })  # fmt: skip
        out["event_measures"] += _links("event", e.id, "measure", e.measures)
        out["event_participants"] += _links("event", e.id, "institution", e.participants)
        out["event_recommendations"] += _links("event", e.id, "recommendation", e.recommendations)


def _campaigns(program: hrplan.Program, out: dict[str, list[Row]]) -> None:
    for n, c in enumerate(program.campaigns, start=1):
        out["campaigns"].append({
            "id": c.id, "title": c.title, "window_start": str(c.window.start), "window_end": str(c.window.end),
            "purpose": c.purpose, "organiser": c.organiser, "first_year": c.first_year,
            "last_year": c.last_year, "position": n,
        })  # fmt: skip
        out["campaign_measures"] += _links("campaign", c.id, "measure", c.measures)


def _recommendations(program: hrplan.Program, out: dict[str, list[Row]]) -> None:
    for n, r in enumerate(program.recommendations, start=1):
        out["recommendations"].append({
            "id": r.id, "mechanism": r.mechanism, "text": r.text,
            "position": r.position.value if r.position else None, "cycle": r.cycle, "session": r.session,
            "year": r.year, "symbol": r.symbol, "paragraph": r.paragraph,
            "recommending_states": _array(r.recommending_states), "themes": _array(r.themes),
            "sdgs": _array(r.sdgs), "affected_persons": _array(r.affected_persons), "kind": r.kind.value,
            "position_text": r.position_text, "countries": _array(r.countries), "body": r.body,
            "action": r.action, "position_source": r.position_source, "document_type": r.document_type,
            "published": _iso(r.published), "source_id": r.source_id, "ordinal": n,
        })  # fmt: skip
        out["recommendation_measures"] += _links("recommendation", r.id, "measure", r.measures)


def _progress(program: hrplan.Program, out: dict[str, list[Row]]) -> None:
    for n, u in enumerate(program.progress, start=1):
        out["progress"].append({
            "id": n, "measure": str(u.measure), "date": _iso(u.date), "progress": u.progress.value,
            "note": u.note, "reported_by": u.reported_by,
        })  # fmt: skip
        out["progress_evidence"] += [{"progress": n, "event": e} for e in dict.fromkeys(u.evidence)]


def rows(program: hrplan.Program, tables: Iterable[str]) -> dict[str, list[Row]]:
    """Every row of ``program``, per table name (every name of ``tables`` is a key)."""
    out: dict[str, list[Row]] = {name: [] for name in tables}
    out["programs"].append(_program(program))
    out["chapters"] = [
        {"number": c.number, "program": program.id, "label": c.label, "title": c.title, "intro": c.intro,
         "position": n}
        for n, c in enumerate(program.chapters, start=1)
    ]
    _measures(program, out)
    out["provisions"] = [
        {"id": str(p.id), "chapter": p.chapter, "position": n, "text": p.text}
        for n, p in enumerate(program.provisions, start=1)
    ]
    out["institutions"] = _institutions(program)
    _campaigns(program, out)
    _recommendations(program, out)
    _events(program, out)
    _progress(program, out)
    return out
