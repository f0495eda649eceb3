"""The whole page: head, header, sections in reading order, footer."""

from __future__ import annotations

from datetime import date, timedelta

import hrplan
from hrplan.monitoring import Snapshot, snapshot

from hrplan_html._markup import esc, lang_tag, plural, time_limit_text
from hrplan_html._styles import stylesheet
from hrplan_html._svg import has_bar, legend, timeline
from hrplan_html._tables import chapter_tables, figures, institution_table, overdue_list

__all__ = ["render", "render_snapshot"]

VERSION = "0.1.0"

_SECTIONS = (
    ("summary", "Summary"),
    ("timeline-section", "Timeline"),
    ("overdue", "Overdue"),
    ("chapters", "Measures by chapter"),
    ("institutions", "By institution"),
)


def _meta(program: hrplan.Program, as_of: date, heading: str) -> str:
    items = [("Status as of", as_of.isoformat()), ("Program", program.id)]
    if heading != program.title:
        items.append(("Title", program.title))
    if program.period is not None:
        items.append(("Period", time_limit_text(program.period)))
    if program.adoption is not None:
        adopted = f"{program.adoption.date.isoformat()}, {program.adoption.instrument}"
        if program.adoption.number:
            adopted += f" No. {program.adoption.number}"
        items.append(("Adopted", adopted))
    if program.country:
        items.append(("Country", program.country))
    return "".join(f"<span>{esc(label)}: <b>{esc(value)}</b></span>" for label, value in items)


def _section(key: str, heading: str, body: str, intro: str = "") -> str:
    lead = f'<p class="intro">{intro}</p>' if intro else ""
    return f'<section id="{key}" aria-labelledby="{key}-h"><h2 id="{key}-h">{esc(heading)}</h2>{lead}{body}</section>'


def render_snapshot(snap: Snapshot, *, title: str | None = None, due_within: int | timedelta = 30) -> str:
    """The report for a snapshot, as a string (an HTML5 document)."""
    program = snap.program
    lang = lang_tag(program.language)
    plan_lang = lang if lang is not None and lang.split("-")[0].lower() != "en" else None
    heading = title if title is not None else program.title
    as_of = snap.as_of.isoformat()
    margin = due_within.days if isinstance(due_within, timedelta) else due_within
    dated = sum(1 for state in snap.measures if has_bar(state.time_limit))
    late = len(snap.overdue())
    nav = "".join(f'<li><a href="#{key}">{esc(label)}</a></li>' for key, label in _SECTIONS)
    timeline_body = (
        '<figure class="timeline">'
        '<p class="hint">The timeline is wider than the screen: scroll it sideways.</p>'
        f'<div class="timeline-wrap" tabindex="0" role="region" aria-label="Timeline">{timeline(snap)}</div>'
        f"<figcaption>{esc(plural(dated, 'measure'))} with dates of {len(snap.measures)}. Hover a row for the "
        "measure's title, status and time-limit; the tables below give the same information as text.</figcaption>"
        f"</figure>{legend()}"
    )
    body = [
        _section(
            "summary",
            "Summary",
            figures(snap),
            esc(f"Where the {plural(len(snap.measures), 'measure')} stand on {as_of}; "
                f"\u201cdue soon\u201d means ending within {plural(margin, 'day')}."),
        ),
        _section("timeline-section", "Timeline", timeline_body),
        _section(
            "overdue",
            f"Overdue measures ({late})",
            overdue_list(snap, plan_lang),
            "Most overdue first." if late else "",
        ),
        _section("chapters", "Measures by chapter", chapter_tables(snap, plan_lang)),
        _section(
            "institutions",
            "Measures by institution",
            institution_table(snap),
            "How many of its measures each institution has in each status (a measure counts for every "
            "institution it names).",
        ),
    ]
    title_attr = f' lang="{esc(plan_lang)}"' if plan_lang and title is None else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="hrplan-html {VERSION}">\n'
        f"<title>{esc(heading)} \u2014 status as of {as_of}</title>\n"
        f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to the report</a>\n<div class="page">\n'
        f'<header class="report"><h1{title_attr}>{esc(heading)}</h1>'
        f'<p class="meta">{_meta(program, snap.as_of, heading)}</p>'
        f'<nav class="toc" aria-label="Sections"><ul>{nav}</ul></nav></header>\n'
        f'<main id="main">\n{chr(10).join(body)}\n</main>\n'
        f'<footer class="report"><p>Made by hrplan-html {VERSION} from program {esc(program.id)}, as of {as_of}. '
        "Statuses follow hrplan's deadline rules: a measure is judged by its own time-limit, else its "
        "nearest ancestor's, else the span of its sub-measures'; a reported completion counts.</p></footer>\n"
        "</div>\n</body>\n</html>\n"
    )


def render(
    program: hrplan.Program,
    as_of: date,
    *,
    due_within: int | timedelta = 30,
    title: str | None = None,
) -> str:
    """The HTML report of ``program`` on ``as_of``, as a string.

    :param due_within: how close to its end a measure is "due soon" (days or a timedelta).
    :param title: the page's heading (default: the program's title).
    :raises ValueError: when ``due_within`` is negative.
    """
    return render_snapshot(snapshot(program, as_of, due_soon=due_within), title=title, due_within=due_within)
