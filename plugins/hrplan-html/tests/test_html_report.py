"""Tests of the hrplan-html plugin, through hrplan's public API only.

The structure is checked by parsing the page with ``html.parser`` (and the
timeline, which is well-formed XML, with ``xml.etree``). The browser tests render
it in headless Chromium (``/usr/bin/chromium``, installed by ``.ci/install-browser``)
and skip when it is absent. Set ``HRPLAN_HTML_SCREENSHOTS=<folder>`` to keep the
screenshots; they go to pytest's temporary folder otherwise.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import hrplan
import pytest
from hrplan.monitoring import snapshot
from hrplan.plugins import get_manager
from hrplan.testing import check_exporter

import hrplan_html
from hrplan_html import HtmlExporter

AS_OF = date(2013, 1, 1)
PLUGIN = Path(__file__).resolve().parents[1]
EXAMPLE = PLUGIN.parents[1] / "examples" / "data" / "az-2012.json"
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "<script>alert(1)</script>"
SVG = "{http://www.w3.org/2000/svg}"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Inside inline SVG, elements may close themselves (<rect/>); in HTML only void ones are empty.
SVG_EMPTY = {"rect", "path", "line", "circle", "stop"}


def _measure(number: str, title: str, limit: str | hrplan.TimeLimit | None, *institutions: str,
             children: tuple[hrplan.Measure, ...] = ()) -> hrplan.Measure:
    parsed = hrplan.parse_time_limit(limit) if isinstance(limit, str) else limit
    return hrplan.Measure(
        number,
        title,
        implementers=tuple(hrplan.Implementer(i) for i in institutions),
        time_limit=parsed,
        children=children,
    )


def _program() -> hrplan.Program:
    """A program with every kind of time-limit and status; comments give the status on 2013-01-01."""
    justice = (
        _measure("1.1", "Pre-trial detention law", "March-April 2012", "moj"),  # overdue, 246 days
        _measure("1.2", HOSTILE, "2012-2015", "moj", "evil"),  # in progress
        _measure("1.3", "Prison rules", "by 15 January 2013", "moj"),  # due soon (a deadline)
        _measure("1.4", "Hearings", "permanently", "mej"),  # ongoing (open bar)
        _measure("1.5", "Legal aid", "2014", "moj"),  # not started
        _measure("1.6", "Training of judges", "2012", "moj"),  # completed
        _measure("1.7", "Prison inspection report", "2011", "moj"),  # completed late
        _measure("1.8", "Human rights month", "18 May - 18 June", "mej"),  # recurring, ongoing between windows
        _measure("1.9", "Whenever funds allow", hrplan.TimeLimit.unparsed("when funds allow"), "moj"),  # no dates
        _measure("1.10", "Victim support", "2012", "moj"),  # overdue, 1 day
        _measure("1.11", "Court statistics", "from 2013 on", "moj"),  # ongoing (from its first day), open bar
    )
    services = (
        _measure("3.1", "E-services", "2012-2013", "moj", children=(
            _measure("3.1.1", "Portal", None, "mej"),  # inherits 2012-2013: in progress
            _measure("3.1.2", "Signatures", "2012", "moj"),  # overdue
        )),
        _measure("3.2", "No dates at all", None, children=(_measure("3.2.1", "Nor here", None),)),
    )
    return hrplan.Program(
        "demo",
        "Demo <b>program</b> & co",
        country="AZ",
        period=hrplan.parse_time_limit("2012-2015"),
        chapters=(
            hrplan.Chapter(1, "Justice", measures=justice),
            hrplan.Chapter(2, "Empty chapter"),
            hrplan.Chapter(3, f"Services {HOSTILE}", label="III", measures=services),
        ),
        institutions=[
            hrplan.Institution("moj", "Ministry of Justice"),
            hrplan.Institution("mej", "Milli Məclis"),
            hrplan.Institution("evil", f"Evil {HOSTILE} & Co"),
        ],
        events=(
            hrplan.Event("ev-1", "Training on detention", hrplan.EventKind.TRAINING, hrplan.DateSpan(date(2012, 3, 10)),
                         measures=("1.1",)),
            hrplan.Event("ev-2", f"Conference {HOSTILE}", hrplan.EventKind.CONFERENCE,
                         hrplan.DateSpan(date(2012, 5, 20), date(2012, 5, 22)), measures=("1.1", "1.4")),
            hrplan.Event("ev-3", "Later", hrplan.EventKind.MEETING, hrplan.DateSpan(date(2013, 5, 1)),
                         measures=("1.4",)),  # after as_of: not shown
        ),
        progress=(
            hrplan.ProgressUpdate("1.6", date(2012, 6, 1), hrplan.Progress.COMPLETED),
            hrplan.ProgressUpdate("1.7", date(2012, 6, 1), hrplan.Progress.COMPLETED),
        ),
    )


def _render(program: hrplan.Program | None = None, **options: Any) -> str:
    buffer = io.BytesIO()
    HtmlExporter().export(program or _program(), buffer, **{"as_of": AS_OF, **options})
    return buffer.getvalue().decode("utf-8")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    content: list[Element | str] = field(default_factory=list)

    @property
    def children(self) -> list[Element]:
        return [c for c in self.content if isinstance(c, Element)]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e for e in self.iter()
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes)
            and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]

    def all_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.all_text() for c in self.content)


class Tree(HTMLParser):
    """A strict little tree builder: fails on unbalanced or misnested tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.content.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in VOID or tag in SVG_EMPTY, f"<{tag}/> is not a void element"
        self.current.content.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}> closes a void element"
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.content.append(data)


def _parse(page: str) -> Element:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.current is tree.root, f"<{tree.current.tag}> is never closed"
    assert tree.doctype.lower() == "doctype html"
    return tree.root


def _timeline_xml(page: str) -> ET.Element:
    found = re.search(r'<svg id="timeline".*?</svg>', page, re.S)
    assert found is not None
    return ET.fromstring(found.group(0))


def _bars(row: Element) -> list[Element]:
    return [e for e in row.iter() if "bar" in e.classes]


def _measures_with_dates(program: hrplan.Program) -> list[str]:
    return [
        str(m.id) for m in program.iter_measures()
        if (limit := hrplan.effective_time_limit(m, program)) is not None
        and limit.kind is not hrplan.TimeLimitKind.UNPARSED
    ]


# -- the exporter and the plugin ----------------------------------------------------------------------------


def test_exporter_attributes() -> None:
    exporter = HtmlExporter()
    assert (exporter.name, exporter.extensions, exporter.media_type) == ("html", (".html", ".htm"), "text/html")
    assert isinstance(exporter, hrplan.Exporter)
    assert hrplan_html.OPTIONS == ("as_of", "compact", "due_within", "organisation", "title")


def test_installed_entry_point_is_loaded() -> None:
    assert isinstance(get_manager().exporters()["html"], HtmlExporter)


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_export_by_extension(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"report{suffix}"
    hrplan.export(_program(), target, as_of="2013-01-01")
    assert target.read_bytes().startswith(b"<!DOCTYPE html>\n<html lang=\"en\">")


# -- the document --------------------------------------------------------------------------------------------


def test_valid_self_contained_html5() -> None:
    page = _render()
    root = _parse(page)
    html = root.find("html")
    assert html.attrs["lang"] == "en"
    head = html.find("head")
    assert head.find("meta", charset="utf-8")
    assert head.find("meta", name="viewport").attrs["content"] == "width=device-width, initial-scale=1"
    assert head.find("title").all_text().startswith("Demo <b>program</b> & co")
    assert head.find("style")
    assert not root.find_all("script")
    assert not root.find_all("link")
    assert not root.find_all("img")
    assert not re.search(r"(?:src|href)=\"(?!#)|url\((?!#)|@import|https?://(?!www\.w3\.org/2000/svg)", page)
    ids = [e.attrs["id"] for e in root.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids)), "ids are unique"
    for link in root.find_all("a"):
        assert link.attrs["href"][1:] in ids, f"{link.attrs['href']} points at an element of the page"
    main = html.find("main")
    assert [s.attrs["id"] for s in main.children if s.tag == "section"] == [
        "summary", "timeline-section", "overdue", "chapters", "institutions"
    ]
    assert html.find("h1").all_text() == "Demo <b>program</b> & co"


def test_timeline_is_well_formed_svg() -> None:
    svg = _timeline_xml(_render())
    assert svg.tag == f"{SVG}svg"
    assert svg.get("id") == "timeline"
    assert svg.get("viewBox", "").startswith("0 0 1000 ")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "timeline-title timeline-desc"
    assert svg.find(f"{SVG}title") is not None
    assert svg.find(f"{SVG}desc") is not None
    patterns = {p.get("id") for p in svg.iter(f"{SVG}pattern")}
    assert patterns == {f"fill-{s.value}" for s in hrplan.Status}


def test_one_bar_per_measure_with_dates() -> None:
    program = _program()
    root = _parse(_render(program))
    svg = root.find("svg", id="timeline")
    rows = svg.find_all("g", cls="row")
    assert [r.attrs["data-measure"] for r in rows] == [str(m.id) for m in program.iter_measures()]
    with_bar = [r.attrs["data-measure"] for r in rows if _bars(r)]
    assert with_bar == _measures_with_dates(program)
    for row in rows:
        bars = _bars(row)
        assert len(bars) <= 1
        if bars:
            assert bars[0].attrs["data-measure"] == row.attrs["data-measure"]
            assert bars[0].attrs["data-status"] == row.attrs["data-status"]
        else:
            assert row.find("text", cls="no-dates").all_text().startswith("no ")
        assert row.find("title").all_text().startswith(row.attrs["data-measure"] + " ")


def test_bar_shapes_by_kind_of_time_limit() -> None:
    svg = _parse(_render()).find("svg", id="timeline")

    def bar(number: str) -> Element:
        (found,) = _bars(svg.find("g", cls="row", data_measure=number))
        return found

    assert bar("1.1").tag == "rect"
    assert bar("1.1").classes == {"bar"}
    assert bar("1.3").tag == "rect"
    assert bar("1.3").classes == {"bar", "deadline"}
    assert bar("1.4").tag == "path"
    assert bar("1.4").classes == {"bar", "open"}
    assert bar("1.11").tag == "path"
    assert bar("1.11").classes == {"bar", "open"}
    recurring = bar("1.8")
    assert recurring.tag == "g"
    assert recurring.classes == {"bar", "recurring"}
    assert (svg.attrs["data-first"], svg.attrs["data-last"]) == ("2011-01-01", "2015-12-31")  # 1.7 is "2011"
    assert len(recurring.find_all("rect", cls="occurrence")) == 5  # one a year of the axis
    # The open bar of "from 2013 on" starts later than the one of "permanently" (the program's start).
    start = re.compile(r"M([\d.]+),")
    x_perm = float(start.match(bar("1.4").attrs["d"]).group(1))  # type: ignore[union-attr]
    x_2013 = float(start.match(bar("1.11").attrs["d"]).group(1))  # type: ignore[union-attr]
    assert x_perm < x_2013 == pytest.approx(float(svg.find("g", cls="as-of").find("line").attrs["x1"]), abs=1)
    # An interval: a one-year bar is a fifth of the five-year axis wide.
    year = float(bar("1.10").attrs["width"])
    assert year == pytest.approx((988 - 352) / 5, abs=1)


def test_status_is_not_told_by_colour_alone() -> None:
    root = _parse(_render())
    svg = root.find("svg", id="timeline")
    for row in svg.find_all("g", cls="row"):
        look = hrplan_html.LOOKS[hrplan.Status(row.attrs["data-status"])]
        assert row.find("text", cls="letter").all_text() == look.letter
        assert look.label in row.find("title").all_text()
    letters = [look.letter for look in hrplan_html.LOOKS.values()]
    assert len(set(letters)) == len(letters)
    legend = root.find("ul", cls="legend")
    for status in hrplan.Status:
        item = legend.find("li", data_legend=status.value)
        assert hrplan_html.LOOKS[status].label in item.all_text()
    assert {"open", "recurring", "event", "as-of"} <= {li.attrs["data-legend"] for li in legend.find_all("li")}


def test_events_and_as_of_line() -> None:
    svg = _parse(_render()).find("svg", id="timeline")
    marks = {
        row.attrs["data-measure"]: [
            i for g in row.find_all("g", cls="event-mark") for i in g.attrs["data-events"].split()
        ]
        for row in svg.find_all("g", cls="row")
    }
    assert marks["1.1"] == ["ev-1", "ev-2"]
    assert marks["1.4"] == ["ev-2"]  # ev-3 comes after as_of
    assert sum(len(v) for v in marks.values()) == 3
    assert svg.find("g", cls="as-of").attrs["data-date"] == "2013-01-01"
    assert "as of 2013-01-01" in svg.find("g", cls="as-of").all_text()


def test_headline_figures() -> None:
    root = _parse(_render())
    cards = root.find_all("div", cls="figure")
    figures = {d.attrs["data-figure"]: int(d.find("dd", cls="count").all_text()) for d in cards}
    assert figures == {
        "measures": 16, "overdue": 3, "due-soon": 1, "in-progress": 3, "not-started": 1, "completed": 2, "ongoing": 6
    }


def test_chapter_tables() -> None:
    program = _program()
    root = _parse(_render(program))
    chapters = root.find("section", id="chapters")
    rows = {r.attrs["data-measure"]: r for r in chapters.find_all("tr") if "data-measure" in r.attrs}
    assert list(rows) == [str(m.id) for m in program.iter_measures()]
    cells = [c.all_text().strip() for c in rows["1.1"].children]
    assert cells == ["1.1", "Pre-trial detention law", "Ministry of Justice", "March-April 2012", "Overdue",
                     "246 days overdue", "2"]
    assert rows["3.1.1"].attrs["class"] == "depth-2 s-in-progress"
    assert "(from 3.1)" in rows["3.1.1"].children[3].all_text()
    assert rows["1.3"].children[5].all_text() == "14 days left"
    assert rows["1.6"].children[5].all_text() == "ended 1 day ago"  # completed: no longer "overdue"
    assert chapters.find("section", id="chapter-2").find("p", cls="empty")
    # Labels "1", "2", "III": written in the style most of them use (digits); the label as written is kept.
    assert chapters.find("h3", id="chapter-3-h").all_text() == "Chapter 3. Services " + HOSTILE
    assert chapters.find("section", id="chapter-3").attrs["data-label"] == "III"


def test_institution_table() -> None:
    root = _parse(_render())
    table = root.find("section", id="institutions").find("table")
    heads = [th.all_text().strip() for th in table.find("thead").find_all("th")]
    first = (hrplan.Status.OVERDUE, *(s for s in hrplan.Status if s is not hrplan.Status.OVERDUE))
    looks = [hrplan_html.LOOKS[s] for s in first]
    assert heads == ["Institution", "Measures", "Share by status", *(f"{look.letter} {look.label}" for look in looks)]
    rows = {r.attrs["data-institution"]: [c.all_text() for c in r.children] for r in table.find_all("tr")[1:]}
    assert list(rows) == ["moj", "mej", "evil"]  # most overdue first, then most measures
    assert rows["moj"] == ["Ministry of Justice", "11", "", "3", "1", "2", "1", "1", "1", "2"]
    assert rows["mej"] == ["Milli Məclis", "3", "", "", "", "1", "", "", "", "2"]  # zeros left blank
    assert rows["evil"][0] == f"Evil {HOSTILE} & Co"


def test_overdue_list() -> None:
    root = _parse(_render())
    overdue = root.find("section", id="overdue")
    items = overdue.find_all("li")
    assert [li.attrs["data-measure"] for li in items] == ["1.1", "1.10", "3.1.2"]
    assert [li.attrs["data-days-overdue"] for li in items] == ["246", "1", "1"]
    first = items[0]
    assert first.find("span", cls="title").all_text() == "Pre-trial detention law"
    assert first.find("span", cls="institutions").all_text() == "Ministry of Justice"
    assert "246 days overdue" in first.find("span", cls="days").all_text()
    assert "(3)" in overdue.find("h2").all_text()


def test_example_program_overdue_measures() -> None:
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} is absent (the plugin is tested outside the hrplan repository)")
    program = hrplan.read(EXAMPLE)
    root = _parse(_render(program))
    expected = [str(m.id) for m in program.iter_measures() if hrplan.status(m, AS_OF, program=program)
                is hrplan.Status.OVERDUE]
    items = root.find("section", id="overdue").find_all("li")
    assert len(items) == 15
    listed = [li.attrs["data-measure"] for li in items]
    assert sorted(listed) == sorted(expected)
    assert listed[0] == "1.2.1"  # March-April 2012 ended eight months before the others
    assert listed == [str(s.measure.id) for s in snapshot(program, AS_OF).overdue()]
    svg = root.find("svg", id="timeline")
    with_bar = [r.attrs["data-measure"] for r in svg.find_all("g", cls="row") if _bars(r)]
    assert with_bar == _measures_with_dates(program)
    assert len(with_bar) == 71


# -- safety, determinism, options -----------------------------------------------------------------------------


def test_every_plan_text_is_escaped() -> None:
    page = _render()
    assert "<script" not in page.lower()
    assert "<b>program</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    root = _parse(page)
    assert not root.find_all("script")
    assert all(b.parent is not None and b.parent.parent is root.find("p", cls="meta") for b in root.find_all("b"))
    texts = [e.all_text() for e in root.iter() if e.tag in {"td", "h3", "title", "th"}]
    assert any(HOSTILE in text for text in texts)


def test_forbidden_characters_do_not_break_the_page() -> None:
    program = hrplan.Program("odd", "Nul \x00 and \x0b", chapters=(
        hrplan.Chapter(1, "C \x1f", measures=(_measure("1.1", "Lone \ud800 surrogate", "2012"),)),
    ))
    page = _render(program)
    assert "\x00" not in page
    assert "\ud800" not in page
    _parse(page)


def test_deterministic() -> None:
    assert _render() == _render()
    assert _render(_program(), as_of="2013-01-01") == _render(_program(), as_of=date(2013, 1, 1))
    assert _render(as_of="2014-06-01") != _render()


def test_options_as_strings_and_objects_agree() -> None:
    assert _render(due_within="20") == _render(due_within=20) == _render(due_within=timedelta(days=20))


def test_due_within() -> None:
    figures = _parse(_render(due_within=10)).find("div", cls="figure", data_figure="due-soon")
    assert figures.find("dd", cls="count").all_text() == "0"  # 1.3 ends in 14 days


def test_title_option() -> None:
    root = _parse(_render(title="Status report <2013>"))
    assert root.find("h1").all_text() == "Status report <2013>"
    assert "Demo <b>program</b> & co" in root.find("p", cls="meta").all_text()


def test_as_of_defaults_to_today() -> None:
    buffer = io.BytesIO()
    HtmlExporter().export(_program(), buffer)
    assert f"as of {date.today().isoformat()}" in buffer.getvalue().decode()


@pytest.mark.parametrize(
    ("option", "value"),
    [("as_of", "yesterday"), ("as_of", 2013), ("due_within", "-1"), ("due_within", -3), ("title", 42),
     ("colour", "red")],
)
def test_bad_options_name_the_option(option: str, value: object) -> None:
    buffer = io.BytesIO()
    with pytest.raises(hrplan.FormatError, match=f"'{option}'"):
        HtmlExporter().export(_program(), buffer, **{option: value})
    assert buffer.getvalue() == b""


def test_empty_program() -> None:
    root = _parse(_render(hrplan.Program("empty", "Nothing yet")))
    assert root.find("svg", id="timeline")
    assert root.find("section", id="overdue").find("p", cls="empty")
    assert root.find("section", id="institutions").find("p", cls="empty")


def test_module_is_a_plugin() -> None:
    registered: list[Any] = []
    hrplan_html.register_exporters(registered.append)
    assert [type(x) for x in registered] == [HtmlExporter]


def test_conformance() -> None:
    check_exporter(HtmlExporter(), options={"as_of": "2013-01-01"})


# -- in a browser ---------------------------------------------------------------------------------------------

_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
)
_PROBE = """<script>
(function () {
  var d = document.documentElement, t = document.getElementById("timeline").getBoundingClientRect();
  var wraps = Array.prototype.map.call(document.querySelectorAll(".table-wrap, .timeline-wrap"),
    function (w) { return w.getBoundingClientRect().right; });
  console.log("hrplan-probe " + JSON.stringify({width: window.innerWidth, client: d.clientWidth,
    scroll: d.scrollWidth, timeline: t.width, wraps: Math.max.apply(null, wraps)}));
})();
</script>"""


@pytest.fixture(scope="module")
def browser() -> Path:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent: run .ci/install-browser (Debian packages chromium, chromium-driver)")
    return CHROMIUM


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keep = os.environ.get("HRPLAN_HTML_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _chromium(browser: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(browser), *_FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args],
        capture_output=True, text=True, timeout=180, check=False,
    )


def _page_errors(stderr: str, page: Path) -> list[str]:
    """Console messages, uncaught errors and failed loads that concern the page."""
    return [
        line for line in stderr.splitlines()
        if ("CONSOLE" in line and page.name in line and "hrplan-probe" not in line)
        or "Uncaught" in line or "Failed to load resource" in line or "Refused to" in line
    ]


def _example(tmp_path: Path) -> tuple[hrplan.Program, Path]:
    program = hrplan.read(EXAMPLE) if EXAMPLE.is_file() else _program()
    target = tmp_path / "report.html"
    hrplan.export(program, target, as_of="2013-01-01")
    return program, target


@pytest.mark.parametrize("width", [1280, 390])
def test_browser_screenshot(browser: Path, shots: Path, tmp_path: Path, width: int) -> None:
    _, page = _example(tmp_path)
    shot = shots / f"report-{width}.png"
    shot.unlink(missing_ok=True)
    done = _chromium(browser, tmp_path / "profile", f"--window-size={width},2000", f"--screenshot={shot}",
                     page.as_uri())
    assert shot.is_file(), done.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(shot.read_bytes()[16:20], "big") == width
    assert _page_errors(done.stderr, page) == []


def test_browser_dom(browser: Path, tmp_path: Path) -> None:
    program, page = _example(tmp_path)
    done = _chromium(browser, tmp_path / "profile", "--window-size=1280,2000", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert _page_errors(done.stderr, page) == []
    root = _parse(done.stdout)
    svg = root.find("svg", id="timeline")
    rows = svg.find_all("g", cls="row")
    with_bar = [r.attrs["data-measure"] for r in rows if _bars(r)]
    assert with_bar == _measures_with_dates(program)
    expected = [str(s.measure.id) for s in snapshot(program, AS_OF).overdue()]
    assert [li.attrs["data-measure"] for li in root.find("section", id="overdue").find_all("li")] == expected


@pytest.mark.parametrize("width", [1280, 390])
def test_browser_layout(browser: Path, tmp_path: Path, width: int) -> None:
    """No page-wide sideways scrolling: only the timeline and the tables scroll, inside their wrappers.

    A copy of the report gets a probe script (the report itself has none) and is shown
    in an iframe of the width asked for: Chromium's windows are at least 500 px wide.
    """
    _, page = _example(tmp_path)
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text("utf-8").replace("</body>", _PROBE + "</body>"), "utf-8")
    frame = tmp_path / "frame.html"
    frame.write_text(
        f'<!DOCTYPE html><html lang="en"><title>frame</title><body style="margin:0">'
        f'<iframe src="{probe.name}" width="{width}" height="2000" style="border:0"></iframe></body></html>',
        "utf-8",
    )
    done = _chromium(browser, tmp_path / "profile", "--window-size=1400,2100", "--dump-dom", frame.as_uri())
    found = re.search(r'"hrplan-probe (\{.*?\})"', done.stderr)
    assert found is not None, done.stderr[-2000:]
    measured = json.loads(found.group(1))
    assert measured["width"] == width
    assert measured["scroll"] <= measured["client"], f"the page scrolls sideways: {measured}"
    assert measured["wraps"] <= measured["client"] + 1
    assert measured["timeline"] >= 760  # stays legible: it scrolls inside its wrapper rather than shrinking
    assert _page_errors(done.stderr, probe) == []


def test_browser_errors_are_seen(browser: Path, tmp_path: Path) -> None:
    """The console check of the tests above does catch a page's errors."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><title>bad</title><script>notDefined()</script></html>', "utf-8")
    done = _chromium(browser, tmp_path / "profile", "--dump-dom", bad.as_uri())
    assert any("Uncaught ReferenceError" in line for line in _page_errors(done.stderr, bad))


def test_browser_is_the_one_ci_installs() -> None:
    script = PLUGIN.parents[1] / ".ci" / "install-browser"
    if not script.is_file():
        pytest.skip(f"{script} is absent (the plugin is tested outside the hrplan repository)")
    text = script.read_text("utf-8")
    assert "chromium" in text
    assert "chromium-driver" in text
    assert os.access(script, os.X_OK)
    assert shutil.which("bash") is not None


def test_a_measure_row_shows_expected_results_funding_and_budget() -> None:
    measure = hrplan.Measure("1.1", "Shelters", expected_results=("Two <shelters>", "Staff trained"),
                             funding="State budget", budget="USD 20,000")  # fmt: skip
    program = hrplan.Program("p", "P", chapters=(hrplan.Chapter(1, "C", measures=(measure,)),))
    page = _render(program)
    assert ('Shelters<br><span class="detail">Expected results: Two &lt;shelters&gt;; Staff trained</span>'
            '<br><span class="detail">Funding: State budget</span>'
            '<br><span class="detail">Budget: USD 20,000</span></td>') in page  # fmt: skip
    assert 'class="detail"' not in _render()
