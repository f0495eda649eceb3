"""The database's tables: columns, keys, full-text search and descriptions, as data.

One place says what the database holds; :mod:`hrplan_sqlite._database` creates it,
:mod:`hrplan_sqlite._metadata` describes it to Datasette, the docs list it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TABLES", "Column", "Table", "table"]


@dataclass(frozen=True)
class Column:
    """One column.

    :ivar name: its name.
    :ivar type: its Python type for sqlite-utils (``str`` is TEXT, ``int`` INTEGER).
    :ivar description: what it holds, shown by Datasette.
    :ivar required: whether it is ``NOT NULL``.
    """

    name: str
    type: type
    description: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    """One table.

    :ivar name: its name.
    :ivar description: what a row is, shown by Datasette.
    :ivar columns: its columns, in order.
    :ivar pk: its primary key column(s).
    :ivar foreign_keys: ``(column, other table, other column)`` for each reference; each
        such column is indexed.
    :ivar fts: the columns searched by full text (a ``<name>_fts`` FTS5 table), if any.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    fts: tuple[str, ...] = ()


def _c(name: str, kind: type, description: str, *, required: bool = False) -> Column:
    return Column(name, kind, description, required)


_JSON = "a JSON array"

TABLES: tuple[Table, ...] = (
    Table(
        "programs",
        "The program (one row): title, State, adoption and period.",
        (
            _c("id", str, "The program's id (a slug such as az-2012).", required=True),
            _c("title", str, "The program's title.", required=True),
            _c("country", str, "The State, as an ISO 3166-1 alpha-2 code or a name."),
            _c("language", str, "The language of its texts, as a BCP 47 tag."),
            _c("source", str, "Where the text came from."),
            _c("adoption_date", str, "The day it was adopted (YYYY-MM-DD)."),
            _c("adoption_instrument", str, "The act that adopted it."),
            _c("adoption_number", str, "That act's number."),
            _c("period", str, "The period it covers, as written."),
            _c("period_start", str, "The period's first day (YYYY-MM-DD)."),
            _c("period_end", str, "The period's last day (YYYY-MM-DD)."),
        ),
        ("id",),
        fts=("title",),
    ),
    Table(
        "chapters",
        "The program's chapters, in document order.",
        (
            _c("number", int, "The chapter's number as an integer.", required=True),
            _c("program", str, "The program it belongs to.", required=True),
            _c("label", str, "The number as the program writes it (IV, Four, 4)."),
            _c("title", str, "The chapter's title.", required=True),
            _c("intro", str, "Its introductory text."),
            _c("position", int, "Its place in the program, from 1.", required=True),
        ),
        ("number",),
        (("program", "programs", "id"),),
        fts=("title", "intro"),
    ),
    Table(
        "measures",
        "Every measure, sub-measures included, depth-first in document order.",
        (
            _c("id", str, "The measure's number (1.2.10).", required=True),
            _c("chapter", int, "The number of the chapter it stands in.", required=True),
            _c("parent", str, "The measure it is a sub-measure of (empty at the top)."),
            _c("depth", int, "1 for a top-level measure, 2 for its sub-measures, and so on.", required=True),
            _c("position", int, "Its place in document order, from 1.", required=True),
            _c("title", str, "Its title.", required=True),
            _c("description", str, "Its longer text."),
            _c("time_limit", str, "Its own time-limit as the plan writes it (empty when it has none)."),
            _c("time_limit_kind", str, "ongoing, interval, deadline, recurring or unparsed."),
            _c("time_limit_start", str, "Its own time-limit's first day."),
            _c("time_limit_end", str, "Its own time-limit's last day."),
            _c("time_limit_edtf", str, "Its own time-limit in EDTF (ISO 8601-2)."),
            _c("effective_kind", str, "The kind of the time-limit it is judged by: its own, else its nearest "
               "ancestor's, else the span of its sub-measures'."),
            _c("effective_start", str, "The first day of the time-limit it is judged by."),
            _c("effective_end", str, "The last day of the time-limit it is judged by: its deadline."),
            _c("themes", str, f"Its themes, {_JSON}."),
            _c("target_groups", str, f"The people it is for, {_JSON}."),
            _c("treaties", str, f"The treaties it serves, {_JSON}."),
            _c("sdgs", str, f"Sustainable Development Goal numbers, {_JSON}."),
            _c("indicators", str, f"How progress is judged, {_JSON}."),
            _c("expected_results", str, f"The outcomes or outputs the plan expects, {_JSON}."),
            _c("funding", str, "Where the money comes from, as written (State budget)."),
            _c("budget", str, "What it costs, as written (USD 20,000)."),
        ),
        ("id",),
        (("chapter", "chapters", "number"), ("parent", "measures", "id")),
        fts=("title", "description"),
    ),
    Table(
        "provisions",
        "Numbered clauses that are not measures (coordination, reporting), in document order.",
        (
            _c("id", str, "The provision's number (6.1).", required=True),
            _c("chapter", int, "The number of the chapter it stands in."),
            _c("position", int, "Its place in the program, from 1.", required=True),
            _c("text", str, "What it says.", required=True),
        ),
        ("id",),
        (("chapter", "chapters", "number"),),
        fts=("text",),
    ),
    Table(
        "institutions",
        "The institutions named as implementers, organisers or participants.",
        (
            _c("id", str, "The institution's id (a slug).", required=True),
            _c("name", str, "Its canonical name.", required=True),
            _c("kind", str, "What sort of body it is (ministry, court, ngo...)."),
            _c("short_name", str, "Its abbreviation."),
            _c("aliases", str, f"Other spellings seen in documents, {_JSON}."),
            _c("parent", str, "The institution it belongs to."),
            _c("position", int, "Its place in the registry, from 1.", required=True),
        ),
        ("id",),
        (("parent", "institutions", "id"),),
        fts=("name", "short_name", "aliases"),
    ),
    Table(
        "implementers",
        "Which institution implements which measure, and in what role.",
        (
            _c("measure", str, "The measure.", required=True),
            _c("position", int, "The institution's place in the measure's list, from 1.", required=True),
            _c("institution", str, "The institution.", required=True),
            _c("role", str, "lead, co-implementer, partner or upon-consent.", required=True),
        ),
        ("measure", "position"),
        (("measure", "measures", "id"), ("institution", "institutions", "id")),
    ),
    Table(
        "campaigns",
        "Yearly recurring campaigns.",
        (
            _c("id", str, "The campaign's id.", required=True),
            _c("title", str, "Its name.", required=True),
            _c("window_start", str, "The first day of its yearly window (--MM-DD)."),
            _c("window_end", str, "The last day of its yearly window (--MM-DD)."),
            _c("purpose", str, "What it is for."),
            _c("organiser", str, "The organising institution."),
            _c("first_year", int, "The first year it ran."),
            _c("last_year", int, "The last year it runs."),
            _c("position", int, "Its place in the program's list, from 1.", required=True),
        ),
        ("id",),
        (("organiser", "institutions", "id"),),
        fts=("title", "purpose"),
    ),
    Table(
        "campaign_measures",
        "Which campaign implements which measure.",
        (
            _c("campaign", str, "The campaign.", required=True),
            _c("measure", str, "The measure.", required=True),
        ),
        ("campaign", "measure"),
        (("campaign", "campaigns", "id"), ("measure", "measures", "id")),
    ),
    Table(
        "recommendations",
        "Recommendations of UN mechanisms (UPR, treaty bodies) that the program follows up.",
        (
            _c("id", str, "The recommendation's id (upr2-109.3).", required=True),
            _c("mechanism", str, "Who made it: UPR, CRC, CAT...", required=True),
            _c("text", str, "The recommendation.", required=True),
            _c("position", str, "The State's response: supported, partially-supported, noted..."),
            _c("cycle", str, "The UPR or reporting cycle."),
            _c("session", str, "The session."),
            _c("year", int, "The year it was made."),
            _c("symbol", str, "The UN document symbol (A/HRC/24/13)."),
            _c("paragraph", str, "Its paragraph in that document."),
            _c("recommending_states", str, f"For the UPR, the States that made it, {_JSON}."),
            _c("themes", str, f"Subjects it is about, {_JSON}."),
            _c("sdgs", str, f"Sustainable Development Goal numbers, {_JSON}."),
            _c("affected_persons", str, f"Groups it concerns, {_JSON}."),
            _c("kind", str, "recommendation, or voluntary-pledge for the State's own pledge.", required=True),
            _c("position_text", str, "The response as the source wrote it (Accepted, Supported, Noted)."),
            _c("countries", str, f"The States it is addressed to, {_JSON}."),
            _c("body", str, "The recommending body as the source names it."),
            _c("action", int, "UPR Info's action category, 1 (minimal action) to 5 (specific action)."),
            _c("position_source", str, "Where the State gave its position (A/HRC/28/15/Add.1 - Para. 3)."),
            _c("document_type", str, "The kind of document it comes from (Concluding Observations)."),
            _c("published", str, "The day that document was published (YYYY-MM-DD)."),
            _c("source_id", str, "Its id in the database it was exported from."),
            _c("ordinal", int, "Its place in the program's list, from 1.", required=True),
        ),
        ("id",),
        fts=("text",),
    ),
    Table(
        "recommendation_measures",
        "Which measure implements which recommendation.",
        (
            _c("recommendation", str, "The recommendation.", required=True),
            _c("measure", str, "The measure.", required=True),
        ),
        ("recommendation", "measure"),
        (("recommendation", "recommendations", "id"), ("measure", "measures", "id")),
    ),
    Table(
        "events",
        "Events held to implement measures: trainings, meetings, visits...",
        (
            _c("id", str, "The event's id.", required=True),
            _c("title", str, "What it was.", required=True),
            _c("kind", str, "training, meeting, conference, visit...", required=True),
            _c("start_date", str, "Its first day (YYYY-MM-DD).", required=True),
            _c("end_date", str, "Its last day (YYYY-MM-DD).", required=True),
            _c("days", int, "How many days it lasted.", required=True),
            _c("organiser", str, "The organising institution."),
            _c("audiences", str, f"Who it was for, {_JSON}."),
            _c("participant_count", int, "How many took part."),
            _c("location", str, "Where it took place."),
            _c("remote_participants", str, f"Places or bodies that joined remotely, {_JSON}."),
            _c("campaign", str, "The campaign it belongs to."),
            _c("source_url", str, "Where it is reported."),
            _c("notes", str, "Anything else."),
            _c("position", int, "Its place in the program's list, from 1.", required=True),
        ),
        ("id",),
        (("organiser", "institutions", "id"), ("campaign", "campaigns", "id")),
        fts=("title", "notes", "location"),
    ),
    Table(
        "event_measures",
        "Which event implements which measure.",
        (
            _c("event", str, "The event.", required=True),
            _c("measure", str, "The measure.", required=True),
        ),
        ("event", "measure"),
        (("event", "events", "id"), ("measure", "measures", "id")),
    ),
    Table(
        "event_participants",
        "Which institutions took part in which event.",
        (
            _c("event", str, "The event.", required=True),
            _c("institution", str, "The participating institution.", required=True),
        ),
        ("event", "institution"),
        (("event", "events", "id"), ("institution", "institutions", "id")),
    ),
    Table(
        "event_recommendations",
        "Which event follows up which recommendation.",
        (
            _c("event", str, "The event.", required=True),
            _c("recommendation", str, "The recommendation.", required=True),
        ),
        ("event", "recommendation"),
        (("event", "events", "id"), ("recommendation", "recommendations", "id")),
    ),
    Table(
        "progress",
        "Dated progress reports on measures, in the program's order.",
        (
            _c("id", int, "The update's place in the program's list, from 1 (a later one wins a tie).",
               required=True),
            _c("measure", str, "The measure it reports on.", required=True),
            _c("date", str, "When the state it reports was reached (YYYY-MM-DD).", required=True),
            _c("progress", str, "not-started, in-progress, completed, suspended or cancelled.", required=True),
            _c("note", str, "What was done, in words."),
            _c("reported_by", str, "The reporting institution."),
        ),
        ("id",),
        (("measure", "measures", "id"), ("reported_by", "institutions", "id")),
        fts=("note",),
    ),
    Table(
        "progress_evidence",
        "The events that show a progress update.",
        (
            _c("progress", int, "The progress update.", required=True),
            _c("event", str, "The event.", required=True),
        ),
        ("progress", "event"),
        (("progress", "progress", "id"), ("event", "events", "id")),
    ),
)


def table(name: str) -> Table:
    """The table called ``name``.

    :raises KeyError: when there is none.
    """
    for candidate in TABLES:
        if candidate.name == name:
            return candidate
    raise KeyError(name)
