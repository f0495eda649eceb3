"""Tests of the report as a document to send: labels, provisions, units, notes, the issuing body,
the compact form and its size bound, and the printed pages (in headless Chromium, skipped without it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from datetime import date
from pathlib import Path

import hrplan
import pytest

from hrplan_html import render
from hrplan_html._labels import chapter_labels, label_style, roman, words
from hrplan_html._markup import days_text, wrap
from test_html_report import _FLAGS, AS_OF, CHROMIUM, EXAMPLE, HOSTILE, _measure, _parse, _program, _render

#: The size a report of 10,000 measures must stay under.
SIZE_BOUND = 4_000_000


def _chapter(number: int, label: str, *measures: hrplan.Measure) -> hrplan.Chapter:
    return hrplan.Chapter(number, f"Title {number}", label=label, measures=measures)


def _big_program(count: int) -> hrplan.Program:
    """``count`` measures in 20 chapters, with realistic lengths: long titles, two institutions each."""
    limits = [hrplan.parse_time_limit(t) for t in ("2012", "2012-2015", "March-April 2013", "permanently", "2016")]
    words_ = ("legal", "reform", "training", "detention", "prisons", "courts", "children", "women", "disability")
    registry = [hrplan.Institution(f"inst-{i}", f"State Committee for Example Affairs no. {i}") for i in range(40)]
    per, k, chapters = count // 20, 0, []
    for c in range(1, 21):
        measures = []
        for m in range(1, per + 1):
            k += 1
            title = " ".join(words_[(k + j) % len(words_)] for j in range(9)).capitalize() + f" {k}"
            who = dict.fromkeys((f"inst-{k % 40}", f"inst-{k * 7 % 40}"))
            implementers = tuple(hrplan.Implementer(i) for i in who)
            measures.append(hrplan.Measure(f"{c}.{m}", title, implementers=implementers, time_limit=limits[k % 5]))
        chapters.append(hrplan.Chapter(c, f"Chapter about subject {c}", measures=tuple(measures)))
    events = tuple(
        hrplan.Event(f"ev{i}", f"Training {i}", hrplan.EventKind.TRAINING,
                     hrplan.DateSpan(date(2012, 1 + i % 12, 1 + i % 28)), measures=(f"{1 + i % 20}.{1 + i % per}",))
        for i in range(300)
    )  # fmt: skip
    return hrplan.Program("big", "A big program", period=hrplan.parse_time_limit("2012-2015"),
                          chapters=tuple(chapters), institutions=registry, events=events)  # fmt: skip


# -- chapter labels in one style ------------------------------------------------------------------------------


def test_numbers_in_words_and_roman() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    assert [words(n) for n in (1, 12, 20, 21, 99, 100)] == ["One", "Twelve", "Twenty", "Twenty-one", "Ninety-nine",
                                                              None]
    assert [label_style(label, 4) for label in ("IV", "iv", "Four", "four.", "4", "D", "Vier")] == [
        "roman", "roman", "words", "words", "digits", None, None]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["I", "Two", "Three", "Four"], ["One", "Two", "Three", "Four"]),  # words win
        (["I", "II", "Three"], ["I", "II", "III"]),  # roman wins
        (["1", "II"], ["1", "2"]),  # a tie: the first chapter's style
        (["A", "B"], ["A", "B"]),  # no known style: as written
        (["I", "B"], ["I", "B"]),  # one label in no known style: all as written
    ],
)
def test_chapter_labels_take_the_most_used_style(labels: list[str], expected: list[str]) -> None:
    chapters = [_chapter(n, label) for n, label in enumerate(labels, start=1)]
    assert list(chapter_labels(chapters).values()) == expected


def test_headings_use_one_style_in_the_tables_and_the_timeline() -> None:
    program = hrplan.read(EXAMPLE)
    root = _parse(_render(program))
    headings = [h.all_text() for h in root.find("section", id="chapters").find_all("h3")]
    assert headings[:2] == ["Chapter One. Legal framework", "Chapter Two. Rights of population groups"]
    assert root.find("section", id="chapter-1").attrs["data-label"] == "I"  # as the program writes it
    titles = [t.all_text() for t in root.find("svg", id="timeline").find_all("text", cls="chapter-title")]
    assert titles[0].startswith("Chapter One. Legal framework")


# -- provisions, units, notes --------------------------------------------------------------------------------


def test_provisions_stand_under_their_chapter() -> None:
    program = hrplan.read(EXAMPLE)
    six = _parse(_render(program)).find("section", id="chapter-6")
    assert [li.attrs["data-provision"] for li in six.find_all("li")] == ["6.1", "6.2", "6.3", "6.4"]
    assert "No measures; its provisions follow." in six.all_text()
    assert "has no measures" not in six.all_text()


def test_provisions_outside_the_chapters_get_their_own_section() -> None:
    program = hrplan.Program("p", "P", chapters=(_chapter(1, "1", _measure("1.1", "M", "2012")),),
                             provisions=(hrplan.Provision("1.2", "Within", chapter=1), hrplan.Provision("9", "Loose")))
    chapters = _parse(_render(program)).find("section", id="chapters")
    assert chapters.find("section", id="chapter-1").find("li").attrs["data-provision"] == "1.2"
    assert chapters.find("section", id="provisions").find("li").attrs["data-provision"] == "9"


def test_day_counts_have_units() -> None:
    status = hrplan.Status
    assert days_text(-246, status.OVERDUE) == "246 days overdue"
    assert days_text(-1, status.OVERDUE) == "1 day overdue"
    assert days_text(-3, status.COMPLETED) == "ended 3 days ago"
    assert days_text(0, status.DUE_SOON) == "last day"
    assert days_text(1, status.DUE_SOON) == "1 day left"
    assert days_text(1094, status.IN_PROGRESS) == "1,094 days left"
    assert days_text(None, status.ONGOING) == "\u2014"


def test_a_long_repeated_time_limit_is_written_once() -> None:
    program = hrplan.read(EXAMPLE)
    page = _render(program)
    wording = "this activity shall be implemented permanently"
    assert page.count(wording) == 1  # in the note, and nowhere else
    notes = _parse(page).find("ul", cls="limit-notes").find_all("li")
    assert len(notes) == 1
    assert "\u201cpermanently\u201d stands for the plan's wording" in notes[0].all_text()
    assert "(36 measures)" in notes[0].all_text()
    row = _parse(page).find("tr", data_measure="1.1")
    assert row.children[3].all_text() == "permanentlya"  # the short form and the note's letter


# -- the timeline --------------------------------------------------------------------------------------------


def test_wrap_keeps_every_word_up_to_its_lines() -> None:
    assert wrap("a b c", 10, 3) == ["a b c"]
    assert wrap("one two three four", 9, 3) == ["one two", "three", "four"]
    assert wrap("one two three four five six", 9, 2) == ["one two", "three fo\u2026"]
    assert wrap("", 5, 2) == [""]


def test_long_titles_wrap_in_the_timeline() -> None:
    long = "A measure whose title runs on for far longer than the label column of the timeline has room for"
    program = hrplan.Program("p", "P", chapters=(_chapter(1, "1", _measure("1.1", long, "2012")),))
    row = _parse(_render(program)).find("svg", id="timeline").find("g", cls="row")
    lines = [t.all_text() for t in row.find("text", cls="label").find_all("tspan")]
    assert len(lines) == 3
    assert " ".join(lines) == long


def test_close_events_share_a_mark_with_their_count() -> None:
    def event(key: str, title: str, day: date) -> hrplan.Event:
        return hrplan.Event(key, title, hrplan.EventKind.MEETING, hrplan.DateSpan(day), measures=("1.1",))

    close = (event(f"e{d}", f"Event {d}", date(2012, 11, d)) for d in (1, 3, 5))
    events = (*close, event("far", "Far", date(2012, 2, 1)))
    program = hrplan.Program("p", "P", period=hrplan.parse_time_limit("2012-2015"), events=events,
                             chapters=(_chapter(1, "1", _measure("1.1", "M", "2012-2015")),))
    marks = _parse(_render(program)).find("svg", id="timeline").find_all("g", cls="event-mark")
    assert [m.attrs["data-events"] for m in marks] == ["far", "e1 e3 e5"]
    assert marks[1].find("text", cls="event-count").all_text() == "3"
    assert "Event 3" in marks[1].find("title").all_text()


# -- title and issuing body ----------------------------------------------------------------------------------


def test_title_and_organisation() -> None:
    organisation = f"Ombudsman {HOSTILE} \"office\" \\ </style>"
    page = _render(title="Legal awareness in 2024", organisation=organisation)
    root = _parse(page)
    assert root.find("h1").all_text() == "Legal awareness in 2024"
    assert root.find("title").all_text().startswith("Legal awareness in 2024 \u2014 status as of 2013-01-01")
    assert root.find("p", cls="issuer").all_text() == organisation
    assert organisation in root.find("footer").all_text()
    style = root.find("style").all_text()
    assert "</style" not in style.lower()
    assert "@top-left" in style
    escaped = r'"Ombudsman \3c script\3e alert(1)\3c \2f script\3e  \22 office\22  \5c  \3c \2f style\3e "'
    assert escaped in style
    assert 'counter(page) " of " counter(pages)' in style


def test_without_organisation_no_issuer() -> None:
    root = _parse(_render())
    assert not root.find_all("p", cls="issuer")
    assert "@top-left { content" not in root.find("style").all_text()


@pytest.mark.parametrize(("option", "value"), [("organisation", 3), ("compact", "sometimes")])
def test_bad_new_options_name_the_option(option: str, value: object) -> None:
    with pytest.raises(hrplan.FormatError, match=f"'{option}'"):
        _render(**{option: value})


# -- the compact form and the size bound ---------------------------------------------------------------------


def test_compact_draws_a_bar_per_chapter_and_folds_the_tables() -> None:
    program = _program()
    root = _parse(_render(program, compact="true"))
    bars = root.find("svg", id="timeline").find_all("g", cls="chapter-bar")
    assert [b.attrs["data-chapter"] for b in bars] == ["1", "2", "3"]
    for bar, chapter in zip(bars, program.chapters, strict=True):
        counted = sum(int(r.attrs["data-count"]) for r in bar.find_all("rect", cls="band"))
        assert counted == sum(1 for _ in chapter.iter_measures())
    chapters = root.find("section", id="chapters")
    assert len(chapters.find_all("details")) == 2  # the empty chapter has nothing to fold
    assert len(chapters.find_all("tr")) == 16 + 2  # every measure is still listed, and two header rows
    assert "compact" in root.find("body").attrs["class"]


def _bars(page: str) -> int:
    return len(_parse(page).find("svg", id="timeline").find_all("g", cls="chapter-bar"))


def test_compact_is_chosen_by_size() -> None:
    assert _bars(_render(_program())) == 0
    assert _bars(_render(_big_program(400))) == 20
    full = _render(_big_program(400), compact=False)
    assert _bars(full) == 0
    # Too tall for a page: the print layout gets the timeline by chapter, hidden on screen.
    assert len(_parse(full).find("svg", id="timeline-print").find_all("g", cls="chapter-bar")) == 20


def test_ten_thousand_measures_stay_under_the_size_bound() -> None:
    program = _big_program(10_000)
    page = render(program, AS_OF)
    size = len(page.encode("utf-8"))
    assert size < SIZE_BOUND, f"{size:,} bytes for 10,000 measures"
    svg = re.search(r'<svg id="timeline".*?</svg>', page, re.S)
    assert svg is not None
    assert len(svg.group(0)) < 100_000  # its size follows the chapters, not the measures
    assert page.count("<tr data-measure=") == 10_000


# -- printed, in a browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Path:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is absent: run .ci/install-browser (Debian packages chromium, chromium-driver)")
    return CHROMIUM


def _chromium(browser: Path, profile: Path, *args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(browser), *_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=timeout, check=False,
    )


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_browser_prints_a4_pages_with_numbers(browser: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    hrplan.export(hrplan.read(EXAMPLE), page, as_of="2013-01-01", organisation="Office of the Ombudsman")
    pdf = tmp_path / "report.pdf"
    done = _chromium(browser, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.is_file(), done.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert re.search(rb"/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 841(\.\d+)?\s*\]", data), "not A4"
    pages = _pages(data)
    assert 6 <= pages <= 30
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is absent: the page texts are not checked")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout.split("\f")  # fmt: skip
    assert f"Page 1 of {pages}" in text[0]
    assert f"Page {pages} of {pages}" in text[pages - 1]
    assert all("Office of the Ombudsman" in t for t in text[1:pages])  # the issuing body on every page
    assert "Timeline" in text[1]
    assert "Summary" not in text[1]  # a section starts a page
    assert "One bar per chapter" in text[1]  # the timeline by chapter: the full one is taller than a page
    institutions = next(i for i, t in enumerate(text) if "Measures by institution" in t)
    assert all("Institution" in t for t in text[institutions:pages])  # the table's header on every page


def test_browser_opens_ten_thousand_measures_quickly(browser: Path, tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_text(render(_big_program(10_000), AS_OF), encoding="utf-8")
    started = time.monotonic()
    done = _chromium(browser, tmp_path / "profile", "--window-size=1280,900", "--dump-dom", page.as_uri(), timeout=120)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("<details>") == 20
    assert took < 60, f"Chromium took {took:.1f} s to open the page"
