"""Datasette's ``metadata.json`` for the database: descriptions, sort orders, facets and canned queries."""

from __future__ import annotations

import json
from typing import Any

import hrplan

from hrplan_sqlite._schema import TABLES

__all__ = ["QUERIES", "metadata", "metadata_json"]

# The day a query judges on: its ``as_of`` parameter, today when left empty.
_AS_OF = "coalesce(nullif(:as_of, ''), date('now'))"

# Measures overdue on the day, by hrplan's rule: the time-limit they are judged by is an
# interval or a deadline that ended before the day, and their latest progress update up to
# that day (of two on one day, the later listed) does not report them completed.
_OVERDUE = f"""with overdue as (
  select m.id, m.title, m.effective_end, m.position,
    julianday({_AS_OF}) - julianday(m.effective_end) as days_overdue
  from measures m
  where m.effective_kind in ('interval', 'deadline')
    and m.effective_end < {_AS_OF}
    and coalesce((select p.progress from progress p
                  where p.measure = m.id and p.date <= {_AS_OF}
                  order by p.date desc, p.id desc limit 1), '') <> 'completed'
),
pairs as (
  select distinct im.institution, o.id, o.title, o.effective_end, o.days_overdue, o.position
  from overdue o join implementers im on im.measure = o.id
)"""

#: The canned queries: name -> title, description and SQL (``:as_of`` is a ``YYYY-MM-DD`` day).
QUERIES: dict[str, dict[str, str]] = {
    "overdue_by_institution": {
        "title": "Overdue measures by institution",
        "description": "How many measures each institution implements that are overdue on a day "
        "(as_of, YYYY-MM-DD; empty for today), most first. A measure counts for every institution it names.",
        "sql": f"""{_OVERDUE}
select i.id as institution, i.name, count(*) as overdue_measures,
  group_concat(pairs.id, ', ') as measures
from (select * from pairs order by position) as pairs
join institutions i on i.id = pairs.institution
group by i.id
order by overdue_measures desc, i.position""",
    },
    "overdue_measures": {
        "title": "Overdue measures",
        "description": "Each measure overdue on a day (as_of, YYYY-MM-DD; empty for today) with each "
        "institution that implements it, most overdue first.",
        "sql": f"""{_OVERDUE}
select i.name as institution, pairs.id as measure, pairs.title, pairs.effective_end as deadline,
  cast(pairs.days_overdue as integer) as days_overdue
from pairs join institutions i on i.id = pairs.institution
order by pairs.days_overdue desc, pairs.position, i.position""",
    },
    "supported_without_measure": {
        "title": "Supported recommendations with no measure",
        "description": "Recommendations the State supported (fully or partially) that no measure of the "
        "program implements.",
        "sql": """select r.id, r.mechanism, r.position, r.symbol, r.paragraph, r.text, r.recommending_states
from recommendations r
where r.position in ('supported', 'partially-supported')
  and not exists (select 1 from recommendation_measures rm where rm.recommendation = r.id)
order by r.ordinal""",
    },
}

# How Datasette shows each table: document order where there is one, facets worth a click.
_SHOW: dict[str, dict[str, Any]] = {
    "chapters": {"sort": "position", "label_column": "title"},
    "measures": {"sort": "position", "label_column": "title", "facets": ["chapter", "effective_kind", "depth"]},
    "provisions": {"sort": "position"},
    "institutions": {"sort": "position", "label_column": "name", "facets": ["kind"]},
    "implementers": {"facets": ["role", "institution"]},
    "campaigns": {"sort": "position", "label_column": "title"},
    "events": {"sort": "position", "label_column": "title", "facets": ["kind", "organiser"]},
    "recommendations": {"sort": "ordinal", "facets": ["mechanism", "kind", "position"]},
    "progress": {"sort": "id", "facets": ["progress"]},
}


def _tables() -> dict[str, Any]:
    return {
        spec.name: {
            "description": spec.description,
            **_SHOW.get(spec.name, {}),
            "columns": {c.name: c.description for c in spec.columns},
        }
        for spec in TABLES
    }


def metadata(program: hrplan.Program, database: str | None = None) -> dict[str, Any]:
    """Datasette metadata for the database of ``program``.

    :param database: the database's name in Datasette, which is its file name without the
        extension (default: the program's id, as for ``az-2012.db``).
    """
    name = database if database is not None else program.id
    about = f"{program.title}, as a database written by hrplan-sqlite: chapters, measures, institutions, events, " \
        "recommendations, progress and how they link. Search titles and texts with the search box of a table."
    info: dict[str, Any] = {"title": program.title, "description": about}
    if program.source:
        info["source"] = program.source
        if program.source.startswith(("http://", "https://")):
            info["source_url"] = program.source
    info["databases"] = {name: {"description": about, "tables": _tables(), "queries": QUERIES}}
    return info


def metadata_json(program: hrplan.Program, database: str | None = None) -> str:
    """:func:`metadata` as JSON text (indented, keys in a fixed order, ending in a newline)."""
    return json.dumps(metadata(program, database), indent=2, ensure_ascii=False) + "\n"
