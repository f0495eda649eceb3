"""The report's style sheet, inlined in ``<style>``: no fonts, images or scripts to fetch."""

from __future__ import annotations

from hrplan_html._markup import LOOKS, STATUSES, shorten

__all__ = ["stylesheet"]

_BASE = """
:root {
  color-scheme: light;
  --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5cad;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans",
    Arial, sans-serif;
  line-height: 1.5; color: var(--fg); background: #fff;
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; overflow-wrap: break-word; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
.page { max-width: 1200px; margin: 0 auto; padding: 0 1rem 2rem; }
a { color: var(--accent); }
a:focus-visible, .table-wrap:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 1; }
.skip:focus { left: 1rem; }
header.report { padding: 1.25rem 0 .75rem; border-bottom: 1px solid var(--line); }
h1 { font-size: clamp(1.35rem, 1rem + 1.6vw, 2rem); line-height: 1.2; margin: 0 0 .35rem; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .35rem; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0; display: flex; flex-wrap: wrap; gap: .15rem 1.25rem; font-size: .95rem; }
.meta b { color: var(--fg); font-weight: 600; }
nav.toc ul { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem .5rem; padding: 0; margin: .75rem 0 0; }
nav.toc a { display: inline-block; padding: .2rem .7rem; border: 1px solid var(--line); border-radius: 999px;
  text-decoration: none; font-size: .9rem; }
nav.toc a:hover { background: var(--soft); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem; margin: 0; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .85rem; background: #fff;
  border-top: 5px solid var(--c, var(--fg)); }
.figure dt { font-size: .9rem; color: var(--muted); display: flex; align-items: center; gap: .4rem; }
.figure dd { margin: 0; }
.figure .count { font-size: 2rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.figure .note { font-size: .8rem; color: var(--muted); }
.badge { display: inline-block; min-width: 1.45em; padding: 0 .3em; border-radius: 4px; font-weight: 700;
  font-size: .8rem; line-height: 1.45; text-align: center; background: var(--c); color: var(--ink);
  border: 1px solid rgba(0, 0, 0, .25); }
.status { white-space: nowrap; }
figure.timeline { margin: 0; }
.timeline-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
#timeline { display: block; width: 100%; height: auto; min-width: 760px; }
svg.tl text { font-family: inherit; font-size: 11px; }
svg.tl .chapter-band { fill: #eaeef2; }
svg.tl .chapter-title { font-size: 12px; font-weight: 700; }
svg.tl .stripe { fill: #000; fill-opacity: .035; }
svg.tl .number { font-weight: 600; font-variant-numeric: tabular-nums; }
svg.tl .letter { font-size: 10px; font-weight: 700; }
svg.tl .no-dates { font-style: italic; fill: var(--muted); }
svg.tl .year { fill: var(--muted); font-size: 11px; }
svg.tl .grid .major { stroke: #c3cad2; stroke-width: 1; }
svg.tl .grid .minor { stroke: #e3e7eb; stroke-width: 1; }
svg.tl .grid .edge { stroke: #c3cad2; stroke-dasharray: 2 3; }
svg.tl .row:hover .stripe, svg.tl .row:hover { fill-opacity: .08; }
svg.tl .as-of line { stroke: #1b1f24; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg.tl .as-of text { font-weight: 700; font-size: 11px; }
.event { fill: #fff; stroke: #1b1f24; stroke-width: 1.6; }
svg.tl .event-count { font-size: 10px; font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px;
  stroke-linejoin: round; }
svg.tl .band { stroke: #fff; stroke-width: .5; }
.as-of-line { stroke: #1b1f24; stroke-width: 1.5; stroke-dasharray: 5 3; }
figcaption, .hint { color: var(--muted); font-size: .9rem; margin: .4rem 0; }
.hint { display: none; }
.print-only { display: none; }
.legend { list-style: none; padding: 0; margin: .75rem 0 0; display: grid;
  grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .3rem 1rem; font-size: .9rem; }
.legend li { display: flex; align-items: center; gap: .5rem; }
.legend .swatch { flex: none; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.measures { min-width: 48rem; }
table.institutions { width: auto; min-width: 0; border-collapse: separate; border-spacing: 0; }
th, td { padding: .45rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; white-space: nowrap; }
tbody tr:last-child > * { border-bottom: 0; }
tbody tr:nth-child(even) { background: #fafbfc; }
th.number { font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.title { min-width: 14rem; overflow-wrap: anywhere; }
td.institutions { min-width: 11rem; color: #333a42; }
td.limit { min-width: 8rem; }
.origin { color: var(--muted); font-size: .85em; }
.detail { color: var(--muted); font-size: .85em; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.zero { color: #656d76; }
td.total { font-weight: 700; }
table.institutions tbody th { min-width: 16rem; max-width: 26rem; font-weight: 600; }
table.institutions td.num { min-width: 4.5rem; }
.table-wrap.fit { display: inline-block; max-width: 100%; vertical-align: top; }
td.mix-cell { width: 9rem; min-width: 7rem; vertical-align: middle; }
.mix { display: flex; height: .8rem; border-radius: 3px; overflow: hidden; border: 1px solid rgba(0, 0, 0, .2); }
.mix i { display: block; height: 100%; background: var(--c); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
td.st { white-space: nowrap; }
td.st::before { content: var(--l) / ""; display: inline-block; min-width: 1.45em; padding: 0 .3em; margin-right: .35em;
  border-radius: 4px; font-weight: 700; font-size: .8rem; line-height: 1.45; text-align: center; background: var(--c);
  color: var(--ink); border: 1px solid rgba(0, 0, 0, .25); }
.issuer { margin: 0 0 .25rem; font-weight: 600; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; font-size: .85rem; }
.provisions { margin: .5rem 0 1rem; }
.provisions h4 { margin: .5rem 0 .25rem; font-size: 1rem; }
.provisions ol { list-style: none; padding: 0; margin: 0; }
.provisions li { display: grid; grid-template-columns: 3.5rem 1fr; gap: .5rem; padding: .3rem 0;
  border-bottom: 1px solid var(--line); }
.provisions .number { font-weight: 600; font-variant-numeric: tabular-nums; }
.limit-notes { list-style: none; padding: 0; margin: .25rem 0 .75rem; color: var(--muted); font-size: .9rem; }
.note-mark a { text-decoration: none; font-weight: 700; padding: 0 .1em; }
details > summary { cursor: pointer; list-style: none; }
details > summary::-webkit-details-marker { display: none; }
details > summary h3 { display: inline; }
details > summary h3::before { content: "\\25B8"; display: inline-block; width: 1.2em; color: var(--muted); }
details[open] > summary h3::before { content: "\\25BE"; }
details > summary .counts { margin: .2rem 0 .6rem 1.2em; }
section.chapter { margin-top: 1rem; }
table.institutions th:first-child { position: sticky; left: 0; z-index: 1; background: #fff;
  border-right: 1px solid var(--line); }
table.institutions thead th:first-child { background: var(--soft); }
table.institutions tbody tr:nth-child(even) th { background: #fafbfc; }
table.measures tbody th { font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.measures td:nth-child(2) { min-width: 14rem; overflow-wrap: anywhere; }
table.measures td:nth-child(3) { min-width: 11rem; color: #333a42; }
table.measures td:nth-child(4) { min-width: 8rem; }
table.measures td:nth-child(n+6) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.depth-2 td:nth-child(2) { padding-left: 1.6rem; }
tr.depth-3 td:nth-child(2), tr.depth-4 td:nth-child(2) { padding-left: 2.6rem; }
tr.depth-2 > th, tr.depth-3 > th, tr.depth-4 > th { font-weight: 400; color: var(--muted); }
tr.s-overdue td:nth-child(6) { color: #a5281b; font-weight: 600; }
.counts { color: var(--muted); margin: 0; font-size: .95rem; }
.overdue-list { padding-left: 0; list-style: none; counter-reset: late; margin: .5rem 0; }
.overdue-list li { counter-increment: late; display: grid; grid-template-columns: 4.5rem 1fr; gap: 0 .75rem;
  padding: .45rem .75rem; border: 1px solid var(--line); border-left: 6px solid #c0392b; border-radius: 6px;
  margin-bottom: .5rem; }
.overdue-list .number { font-weight: 700; grid-row: span 3; font-variant-numeric: tabular-nums; }
.overdue-list .title { font-weight: 600; overflow-wrap: anywhere; }
.overdue-list .institutions { color: var(--muted); font-size: .9rem; }
.overdue-list .days { font-size: .9rem; }
.empty { color: var(--muted); font-style: italic; }
footer.report { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--line); color: var(--muted);
  font-size: .85rem; }
@media (max-width: 820px) {
  .hint { display: block; }
}
@media (max-width: 600px) {
  :root { font-size: 93.75%; }
  .page { padding: 0 .75rem 1.5rem; }
  h2 { font-size: 1.2rem; }
  .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .5rem; }
  .figure .count { font-size: 1.6rem; }
  .legend { grid-template-columns: 1fr; }
  .overdue-list li { grid-template-columns: 1fr; }
  .overdue-list .number { grid-row: auto; }
  table.institutions tbody th { min-width: 10rem; }
  td.mix-cell { width: 5rem; min-width: 4rem; }
}
@media print {
  :root { font-size: 10pt; }
  body { background: #fff; }
  .page { max-width: none; padding: 0; }
  nav.toc, .skip, .hint, figcaption.screen-only, span.screen-only { display: none; }
  /* Out of sight but drawn: the other timeline and the legend use its fill patterns. */
  .timeline-wrap.screen-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .print-only { display: block; }
  .print-only p { color: var(--muted); font-size: 9pt; margin: .3rem 0; }
  #timeline-print { display: block; width: 100%; height: auto; }
  .table-wrap.fit { display: block; }
  h1 { font-size: 20pt; }
  main > section { break-before: page; }
  main > section#summary { break-before: auto; }
  h2, h3, h4, summary { break-after: avoid; }
  .figure, .overdue-list li, .provisions li, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap, .timeline-wrap:not(.screen-only) { overflow: visible; border: 0; border-radius: 0; }
  table.measures, table.institutions { min-width: 0; width: 100%; font-size: 8.5pt; }
  th, td { padding: .25rem .35rem; }
  #timeline { min-width: 0; width: 100%; height: auto; }
  details > summary h3::before { content: none; }
  details::details-content { content-visibility: visible; display: contents; }
  a { color: inherit; text-decoration: none; }
  *, *::before { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the ``<style>`` element."""
    clean = " ".join(text.split())
    return '"' + "".join(c if c.isalnum() or c in " .,;:-()'" else f"\\{ord(c):x} " for c in clean) + '"'


def _page_rules(heading: str, as_of: str, organisation: str | None) -> str:
    """A4 pages with the issuing body and the report's title at the top, page numbers at the bottom."""
    top_left = f"@top-left {{ content: {_css_string(organisation)}; }}" if organisation else ""
    running = shorten(heading, 70)
    return (
        "@page { size: A4; margin: 18mm 15mm 18mm 15mm;\n"
        f"  {top_left}\n"
        f"  @top-right {{ content: {_css_string(running)}; }}\n"
        f"  @bottom-left {{ content: {_css_string('Status as of ' + as_of)}; }}\n"
        '  @bottom-right { content: "Page " counter(page) " of " counter(pages); }\n}\n'
        "@page :first { @top-right { content: none; } }\n"
        "@page { @top-left { font-size: 8pt; color: #57606a; } @top-right { font-size: 8pt; color: #57606a; }\n"
        "  @bottom-left { font-size: 8pt; color: #57606a; } @bottom-right { font-size: 8pt; color: #57606a; } }\n"
    )


def stylesheet(heading: str = "", as_of: str = "", organisation: str | None = None) -> str:
    """The whole CSS: the base rules, one class per status (``st-overdue``) with its colours and letter,
    then the printed page's size, margins and running texts."""
    statuses = "\n".join(
        f".st-{status.value}, .s-{status.value} {{ --c: {LOOKS[status].colour}; --ink: {LOOKS[status].ink}; "
        f"--l: {_css_string(LOOKS[status].letter)}; }}"
        for status in STATUSES
    )
    figures = "\n".join(
        f'.figure[data-figure="{status.value}"] {{ --c: {LOOKS[status].colour}; }}' for status in STATUSES
    )
    return _BASE.strip() + "\n" + statuses + "\n" + figures + "\n" + _page_rules(heading, as_of, organisation)
