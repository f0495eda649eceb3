"""The column lists of the CSV tables (the cell rules they use live in :mod:`hrplan.cells`)."""

from __future__ import annotations

__all__ = ["EVENT_COLUMNS", "INSTITUTION_COLUMNS", "LONG_COLUMNS", "MEASURE_COLUMNS", "OPTIONAL_COLUMNS"]

#: The columns of the default ``measures`` layout, in order.
MEASURE_COLUMNS: tuple[str, ...] = (
    "id", "parent", "chapter", "chapter_label", "chapter_title", "title", "description",
    "institutions", "institution_names", "roles",
    "time_limit", "kind", "precision", "start", "end", "window", "edtf", "status",
    "themes", "target_groups", "treaties", "sdgs", "indicators",
    "expected_results", "funding", "budget",
)  # fmt: skip

#: Columns of the measures tables that a file may lack (tables written before they
#: existed): read as empty.
OPTIONAL_COLUMNS: frozenset[str] = frozenset({"expected_results", "funding", "budget"})

#: The ``long`` layout: one implementing institution per row.
LONG_COLUMNS: tuple[str, ...] = tuple(
    {"institutions": "institution", "institution_names": "institution_name", "roles": "role"}.get(c, c)
    for c in MEASURE_COLUMNS
)

#: The ``institutions`` table.
INSTITUTION_COLUMNS: tuple[str, ...] = ("id", "name", "kind", "short_name", "aliases", "parent")

#: The ``events`` table.
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "title", "kind", "start", "end", "organiser", "participants", "audiences",
    "participant_count", "location", "remote_participants", "measures", "recommendations",
    "campaign", "source_url", "notes",
)  # fmt: skip
