"""The whole page: head, header, sections in reading order, footer."""

from __future__ import annotations

from datetime import date, timedelta

import hrplan
from hrplan.monitoring import Snapshot, snapshot

from hrplan_html._context import Context, make_context
from hrplan_html._markup import esc, lang_tag, plural, time_limit_text
from hrplan_html._styles import stylesheet
from hrplan_html._svg import has_bar, legend
from hrplan_html._tables import chapter_tables, figures, institution_table, overdue_list
from hrplan_html._timeline import fits_a_page, timeline

__all__ = ["render", "render_snapshot"]

VERSION = "0.1.0"
#: In a compact report, the overdue list shows this many measures (the tables show them all).
OVERDUE_SHOWN = 100

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


def _timeline_figure(ctx: Context) -> str:
    snap = ctx.snap
    if ctx.compact:
        caption = (
            f"One bar per chapter for its {plural(len(snap.measures), 'measure')}: from the earliest start to the "
            "latest end of their time-limits, split from top to bottom by status, each band as thick as its share. "
            "Hover a bar for the counts; the tables below list every measure."
        )
    else:
        dated = sum(1 for state in snap.measures if has_bar(state.time_limit))
        caption = (
            f"{plural(dated, 'measure')} with dates of {len(snap.measures):,}. Hover a row for the measure's title, "
            "status and time-limit; the tables below give the same information as text."
        )
    printed = ""
    if not fits_a_page(ctx):  # too tall for a sheet of paper: print a bar per chapter instead
        printed = (
            f'<div class="print-only">{timeline(ctx, by_chapter=True, svg_id="timeline-print")}'
            "<p>One bar per chapter, split by the statuses of its measures; the tables list every measure.</p></div>"
        )
    screen = " screen-only" if printed else ""
    return (
        '<figure class="timeline">'
        '<p class="hint">The timeline is wider than the screen: scroll it sideways.</p>'
        f'<div class="timeline-wrap{screen}" tabindex="0" role="region" aria-label="Timeline">{timeline(ctx)}</div>'
        f'{printed}<figcaption class="caption{screen}">{esc(caption)}</figcaption></figure>{legend()}'
    )


def _overdue(ctx: Context) -> str:
    late = len(ctx.snap.overdue())
    intro = "Most overdue first." if late else ""
    if ctx.compact and late > OVERDUE_SHOWN:
        intro = f"The {OVERDUE_SHOWN} most overdue of {late:,}; the tables by chapter show every measure's status."
    listed = overdue_list(ctx, OVERDUE_SHOWN if ctx.compact else None)
    return _section("overdue", f"Overdue measures ({late:,})", listed, esc(intro))


def _header(ctx: Context, heading: str, title_attr: str) -> str:
    nav = "".join(f'<li><a href="#{key}">{esc(label)}</a></li>' for key, label in _SECTIONS)
    issuer = f'<p class="issuer">{esc(ctx.organisation)}</p>' if ctx.organisation else ""
    return (
        f'<header class="report">{issuer}<h1{title_attr}>{esc(heading)}</h1>'
        f'<p class="meta">{_meta(ctx.program, ctx.snap.as_of, heading)}</p>'
        f'<nav class="toc" aria-label="Sections"><ul>{nav}</ul></nav></header>\n'
    )


def render_snapshot(
    snap: Snapshot,
    *,
    title: str | None = None,
    due_within: int | timedelta = 30,
    organisation: str | None = None,
    compact: bool | None = None,
) -> str:
    """The report for a snapshot, as a string (an HTML5 document).

    :param title: the page's heading (default: the program's title).
    :param organisation: the issuing body, named above the heading and on every printed page.
    :param compact: one timeline bar per chapter and tables folded by chapter; ``None`` (the
        default) chooses it above :data:`COMPACT_ABOVE` measures.
    """
    program = snap.program
    lang = lang_tag(program.language)
    plan_lang = lang if lang is not None and lang.split("-")[0].lower() != "en" else None
    ctx = make_context(snap, plan_lang, compact=compact, organisation=organisation)
    heading = title if title is not None else program.title
    as_of = snap.as_of.isoformat()
    margin = due_within.days if isinstance(due_within, timedelta) else due_within
    body = [
        _section(
            "summary",
            "Summary",
            figures(snap),
            esc(f"Where the {plural(len(snap.measures), 'measure')} stand on {as_of}; "
                f"\u201cdue soon\u201d means ending within {plural(margin, 'day')}."),
        ),
        _section("timeline-section", "Timeline", _timeline_figure(ctx)),
        _overdue(ctx),
        _section("chapters", "Measures by chapter", chapter_tables(ctx),
                 '<span class="screen-only">Each chapter folds open: click its heading.</span>' if ctx.compact else ""),
        _section(
            "institutions",
            "Measures by institution",
            institution_table(snap),
            "How many of its measures each institution has in each status (a measure counts for every "
            "institution it names), most overdue first; empty cells are zeros.",
        ),
    ]
    title_attr = f' lang="{esc(plan_lang)}"' if plan_lang and title is None else ""
    issuer = f"{esc(ctx.organisation)}. " if ctx.organisation else ""
    body_class = ' class="compact"' if ctx.compact else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="hrplan-html {VERSION}">\n'
        f"<title>{esc(heading)} \u2014 status as of {as_of}</title>\n"
        f"<style>\n{stylesheet(heading=heading, as_of=as_of, organisation=organisation)}</style>\n</head>\n"
        f"<body{body_class}>\n"
        '<a class="skip" href="#main">Skip to the report</a>\n<div class="page">\n'
        f"{_header(ctx, heading, title_attr)}"
        f'<main id="main">\n{chr(10).join(body)}\n</main>\n'
        f'<footer class="report"><p>{issuer}Made by hrplan-html {VERSION} from program {esc(program.id)}, '
        f"as of {as_of}. Statuses follow hrplan's deadline rules: a measure is judged by its own time-limit, "
        "else its nearest ancestor's, else the span of its sub-measures'; a reported completion counts.</p></footer>\n"
        "</div>\n</body>\n</html>\n"
    )


def render(
    program: hrplan.Program,
    as_of: date,
    *,
    due_within: int | timedelta = 30,
    title: str | None = None,
    organisation: str | None = None,
    compact: bool | None = None,
) -> str:
    """The HTML report of ``program`` on ``as_of``, as a string.

    :param due_within: how close to its end a measure is "due soon" (days or a timedelta).
    :param title: the page's heading (default: the program's title).
    :param organisation: the issuing body, named above the heading and on every printed page.
    :param compact: the compact form (see :func:`render_snapshot`); ``None`` chooses by size.
    :raises ValueError: when ``due_within`` is negative.
    """
    snap = snapshot(program, as_of, due_soon=due_within)
    return render_snapshot(snap, title=title, due_within=due_within, organisation=organisation, compact=compact)
