"""The fuzzing targets: one per importer, per exporter, for ``parse_time_limit`` and for the CLI.

A target takes bytes and either accepts them, refuses them with an
:class:`~hrplan.HrplanError`, or crashes (any other exception, including a bare
exception a plugin guard wrapped in a :class:`~hrplan.PluginError`). The
Hypothesis tests in ``tests/fuzz`` and the ``make fuzz`` runner (``fuzz/run.py``)
share these definitions.

Exporter targets read their input with the text importer (which accepts almost
any text) or, when it is JSON, with the JSON importer, and write what was
accepted: so every exporter meets every program some importer accepts.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shlex
import shutil
import signal
import tempfile
import threading
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import attrs
import orjson

import hrplan
from fuzz.mutators import mutate_document, mutate_either
from hrplan import jsonio
from hrplan.cli import main
from hrplan.plugins import get_manager

__all__ = ["ACCEPTED", "REJECTED", "Crash", "Target", "all_targets", "classify", "run_one", "time_box"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "examples" / "data"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"

ACCEPTED, REJECTED = "accepted", "rejected"


class Crash(Exception):  # noqa: N818 (it is an outcome, not an error of the harness)
    """A target crashed: the original exception is the ``__cause__``."""


@attrs.frozen
class Target:
    """A function of bytes to fuzz, with seed inputs and words worth inserting.

    :ivar name: ``import-json``, ``export-csv``, ``parse-time-limit``, ``cli``...
    :ivar run: takes the input; returns normally when it was accepted.
    :ivar seeds: makes the seed inputs.
    :ivar words: byte strings the mutation engine inserts (format keywords, nasty values).
    :ivar mutator: how the mutation engine makes an input from the corpus
        (default :func:`fuzz.mutators.mutate`, bytes changed at random).
    """

    name: str
    run: Callable[[bytes], object]
    seeds: Callable[[], list[bytes]]
    words: tuple[bytes, ...] = ()
    mutator: Callable[[random.Random, list[bytes], tuple[bytes, ...]], bytes] | None = None


def classify(exc: BaseException) -> str:
    """``rejected`` for a documented refusal; raises :class:`Crash` for anything else."""
    if isinstance(exc, hrplan.HrplanError):
        cause = exc.__cause__
        if isinstance(exc, hrplan.PluginError) and cause is not None and not isinstance(cause, hrplan.HrplanError):
            raise Crash(f"{type(cause).__name__}: {cause}") from cause
        return REJECTED
    raise Crash(f"{type(exc).__name__}: {exc}") from exc


def run_one(target: Target, data: bytes) -> str:
    """Run ``target`` on ``data``: ``accepted`` or ``rejected``; raises :class:`Crash`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            target.run(data)
    except (Exception, SystemExit, RecursionError) as exc:  # every outcome is classified
        return classify(exc)
    return ACCEPTED


# --- seeds -----------------------------------------------------------------


@cache
def small_program() -> hrplan.Program:
    """The example plan cut to three measures in each of two chapters, with the provisions of those chapters."""
    return _cut(hrplan.read(DATA / "az-2012.json"), chapters=2, measures=3)


@cache
def followed_program() -> hrplan.Program:
    """A cut of the example plan with its follow-up: the Ombudsman's events and campaigns, a progress
    update and UPR recommendations linked to measures, for the exporters that write them."""
    full = hrplan.read(DATA / "az-2012.json")
    events = hrplan.load(DATA / "ombudsman-2024.events.csv", format="events-csv", program=full).program.events
    campaigns = hrplan.data.from_data(list[hrplan.Campaign], orjson.loads((DATA / "ombudsman-2024-campaigns.json")
                                                                        .read_bytes()))
    upr = hrplan.load(io.BytesIO(UPR), format="upr-csv", state="Azerbaijan").program.recommendations
    recommendations = tuple(attrs.evolve(r, measures=("1.1",)) for r in upr)
    progress = (hrplan.ProgressUpdate("1.1", date(2013, 3, 1), hrplan.Progress.IN_PROGRESS, note="Drafted"),)
    with hrplan.lenient():
        followed = attrs.evolve(full, events=events, campaigns=tuple(campaigns), progress=progress,
                                recommendations=recommendations)
    return _cut(followed, chapters=len(full.chapters), measures=1)


def _with_parents(registry: hrplan.FrozenMap[str, hrplan.Institution],
                  ids: set[str | None]) -> tuple[hrplan.Institution, ...]:
    """The institutions of ``registry`` named in ``ids``, and their parents."""
    kept: dict[str, hrplan.Institution] = {}
    todo = [i for i in ids if i in registry]
    while todo:
        institution = registry[todo.pop()]
        kept[institution.id] = institution
        if institution.parent is not None and institution.parent not in kept:
            todo.append(institution.parent)
    return tuple(kept[i] for i in registry if i in kept)


def _cut(program: hrplan.Program, *, chapters: int, measures: int) -> hrplan.Program:
    """``program`` with its first ``measures`` measures of its first ``chapters`` chapters (and those
    its follow-up names), and only the follow-up and provisions that still have their measure or chapter."""
    named = {m for item in (*program.events, *program.campaigns, *program.recommendations) for m in item.measures}
    named |= {u.measure for u in program.progress}
    kept = tuple(attrs.evolve(c, measures=tuple(m for i, m in enumerate(c.measures) if i < measures or m.id in named))
                 for c in program.chapters[:chapters])
    ids = {m.id for c in kept for top in c.measures for m in top.walk()}
    named_institutions = {i.institution for c in kept for top in c.measures for m in top.walk() for i in m.implementers}
    named_institutions |= {item.organiser for item in (*program.events, *program.campaigns)}
    with hrplan.lenient():
        return attrs.evolve(
            program, chapters=kept,
            institutions=_with_parents(program.institutions, named_institutions),
            provisions=tuple(p for p in program.provisions if p.chapter in {c.number for c in kept}),
            events=tuple(e for e in program.events if set(e.measures) <= ids),
            campaigns=tuple(c for c in program.campaigns if set(c.measures) <= ids),
            progress=tuple(u for u in program.progress if u.measure in ids),
            recommendations=tuple(r for r in program.recommendations if set(r.measures) <= ids))


def _exported(fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    hrplan.export(small_program(), buffer, format=fmt, **options)
    return buffer.getvalue()


def _shared_seeds() -> list[bytes]:
    """The plans among the original documents (the others are not plans), cut to 20,000 bytes."""
    if not SHARED_SEEDS.is_dir():
        return []
    return [data for p in sorted(SHARED_SEEDS.glob("*.txt")) if _is_plan(data := p.read_bytes()[:20_000])]


def _is_plan(data: bytes) -> bool:
    try:
        hrplan.load(io.BytesIO(data), format="text")
    except hrplan.HrplanError:
        return False
    return True


def _json_seeds() -> list[bytes]:
    return [_exported("json"), hrplan.dumps(followed_program()),
            b'{"format_version": 1, "id": "p", "title": "P", "chapters": [{"number": 1, "title": "C", '
            b'"measures": [{"id": "1.1", "title": "M", "time_limit": "2012", "children": [{"id": "1.1.1", '
            b'"title": "S"}]}]}]}']


def _text_seeds() -> list[bytes]:
    return [_exported("text"), b"A plan\n\nChapter I. Rights\n\n1.1. Train judges.\nImplementing institutions: "
            b"Ministry of Justice, Supreme Court (upon consent)\nTime-limit: 2012-2013\n", *_shared_seeds()]


def _export_seeds() -> list[bytes]:
    return [*_json_seeds(), *_text_seeds()[1:2]]


TIME_LIMITS = ("permanently", "2012", "March-April 2012", "2012-2015", "by March 2013", "Q1 2015",
               "annually, 18 May - 18 June", "during 2013", "from 2014 onwards", "Third quarter 2012",
               "2012-2013 (every year)", "I-II quarters of 2013", "31 December 2014")

UPR = (b"text,to,decision,From,year,notes\r\n"
       b"Ratify the optional protocol,Azerbaijan,Supported,Exampleland,2013,\r\n"
       b"\"Strengthen the ombudsman, as planned\",Azerbaijan,Noted,Otherland,2013,see 1.1\r\n")

#: Tables in the layouts the table importers know, in the fuzzer's own words: a plan table,
#: a UPR Info export and a Universal Human Rights Index export.
PLAN_TABLE = (b"National plan, annex\r\nNo.,Issue,Activity,Responsible agencies,Partners,Time-frame (2024-2026)\r\n"
              b"1,Detention,Audit places of detention,Ministry of Justice; Prison Service,Ombudsman,2024\r\n"
              b",,Train prison staff,Prison Service,,Third quarter\r\n"
              b"2,Courts,Publish judgments online,Supreme Court,,2025-2026 (annually)\r\n")
UPR_INFO = (b"To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
            b"Azerbaijan,EEG,OIC,Ratify the optional protocol,Exampleland,WEOG,EU,Accepted,4,\"Torture, Detention\",4\r"
            b"Azerbaijan,EEG,OIC,Strengthen the ombudsman,Otherland,GRULAC,,Noted,3,NHRI,17\r")
UHRI = (b"Text,Countries Concerned,Recommending Body,Document Symbol,Themes,Affected Persons,Sdgs,"
        b"UPR Recommending States,UPR Position,UPR Session,Type,OHCHR Annotation Id,Document Publication Date\r\n"
        b"\"Adopt a law against discrimination\",Azerbaijan,CRC,CRC/C/AZE/CO/5-6 para. 12,\"- Equality\n- Children\","
        b"- children,- 10,,,,Concluding observations,abc-1,43500\r\n"
        b"\"Ratify the convention (No. 189)\",Azerbaijan,UPR,A/HRC/24/13 para. 109.1,- Labour,- migrants,- 8,"
        b"Exampleland,Supported,16,UPR recommendation,abc-2,41600\r\n")
UHRI_JSON = (b'[{"Text": "Adopt a law against discrimination", "Countries Concerned": ["Azerbaijan"], '
             b'"Recommending Body": "CRC", "Document Symbol": "CRC/C/AZE/CO/5-6 para. 12", '
             b'"Themes": ["Equality"], "Sdgs": ["10"], "Document Publication Date": 43500}]')
#: A UPR Working Group report's last section, as text copied from its PDF.
UPR_REPORT = (b"A/HRC/24/13\nConclusions and recommendations\n\n109. The following recommendations enjoy the "
              b"support of Azerbaijan:\n109.1 Ratify the optional protocol (France) (Chile);\n109.2 Strengthen the "
              b"ombudsman,\nas planned (Ghana, Peru);\n110. The following recommendations have been noted:\n"
              b"110.1 Abolish the death penalty (Norway).\n")

NASTY = (b"1" * 5000, b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf", b"- " * 200, b"[" * 300, b"1." * 60,
         b"\r\n", b"\"", b"\\u0000", b"\\ud800", b"1e30", b"-1", b"18446744073709551616", b"9999-12-31",
         b"=cmd|", b" @SUM(A1)", b"javascript:", b"\n", b"\t")


# --- targets ---------------------------------------------------------------


def _importer(name: str, **options: object) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        stream = io.BytesIO(data)
        stream.name = "<fuzz>"
        return hrplan.load(stream, format=name, **options)

    return run


def _cells(data: bytes) -> list[list[str]]:
    """``data`` as rows of cells (lines cut at commas), without the characters a workbook cannot hold."""
    text = "".join(c for c in data.decode("utf-8", errors="replace")
                   if (c in "\t\n" or ord(c) >= 32) and c not in "\ufffe\uffff")
    return [line.split(",") for line in text.split("\n")[:200]]


def _office(fmt: str) -> Callable[[bytes], object]:
    """A target that lays ``data`` out as a workbook or a Word table, then reads it with the container."""
    def run(data: bytes) -> object:
        stream = io.BytesIO(_workbook(_cells(data)) if fmt == "xlsx" else _document(_cells(data)))
        return hrplan.load(stream, format=fmt)

    return run


def _workbook(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _document(rows: list[list[str]]) -> bytes:
    """A Word document holding ``rows`` as one table.

    The table is written as XML into python-docx's own empty document: building
    it through python-docx's cell API costs more than the read being fuzzed.
    """
    width = min(max((len(row) for row in rows), default=1), 20)
    padded = [[*row[:20], *[""] * (width - len(row[:20]))] for row in rows] or [[""]]
    body = "".join("<w:tr>" + "".join(_word_cell(value) for value in row) + "</w:tr>" for row in padded)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
           f'<w:tbl><w:tblPr/><w:tblGrid>{"<w:gridCol/>" * width}</w:tblGrid>{body}</w:tbl><w:sectPr/>'
           "</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, part in _word_template().items():
            package.writestr(name, xml.encode() if name == "word/document.xml" else part)
    return buffer.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def _word_template() -> dict[str, bytes]:
    """The parts of python-docx's empty document, by name."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


def _word_cell(value: str) -> str:
    return f'<w:tc><w:p><w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r></w:p></w:tc>'


def _sniffed(data: bytes) -> object:
    return hrplan.load(io.BytesIO(data))


def _program_of(data: bytes) -> hrplan.Program:
    """What an importer accepts from ``data``: the JSON importer for a JSON document, else the text importer."""
    if data.lstrip()[:1] == b"{":  # a JSON document is refused by the JSON importer, not read as text
        return jsonio.loads(data, "<fuzz>")
    return hrplan.load(io.BytesIO(data), format="text").program


#: How long an exporter target lets the importers take to make its program.
IMPORT_SECONDS = 0.5

EXPORT_OPTIONS: dict[str, dict[str, object]] = {
    "csv": {"as_of": "2013-01-01"}, "markdown": {"as_of": "2013-01-01"}, "html": {"as_of": "2013-01-01"},
    "workload": {"as_of": "2013-01-01"}, "ics": {"as_of": "2013-01-01"},
}


def time_box(seconds: float) -> contextlib.AbstractContextManager[None]:
    """Raise :class:`TimeoutError` inside the block after ``seconds`` (main thread, where signals exist)."""
    return _TimeBox(seconds)


class _TimeBox(contextlib.ContextDecorator):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        self.active = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            self.outer, _ = signal.setitimer(signal.ITIMER_REAL, self.seconds)  # an enclosing box's time left
            self.started = time.monotonic()

    def _expire(self, _signum: int, _frame: object) -> None:
        raise TimeoutError(f"more than {self.seconds} s")

    def __exit__(self, *_exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            if self.outer:
                signal.setitimer(signal.ITIMER_REAL, max(0.01, self.outer - (time.monotonic() - self.started)))


def _exporter(name: str) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        try:
            with time_box(IMPORT_SECONDS):
                program = _program_of(data)
        except Exception as exc:  # refused by the importers (their crashes and slowness count in their targets)
            raise hrplan.FormatError(f"no importer accepts this input: {type(exc).__name__}") from None
        sink = io.BytesIO()
        hrplan.export(program, sink, format=name, **EXPORT_OPTIONS.get(name, {}))
        return sink

    return run


def _time_limit(data: bytes) -> object:
    return hrplan.parse_time_limit(data.decode("utf-8", errors="replace"))


#: Commands the CLI target never runs: they call pip on the environment hrplan runs in.
_NEVER = frozenset({"install", "uninstall"})

CLI_SEEDS = (b"status plan.json --as-of 2013-01-01", b"validate plan.json --format json",
             b"convert plan.json out.csv", b"convert plan.json out.txt --to text", b"formats", b"plugins --json",
             b"status plan.json --due-within 30 --format csv", b"convert plan.json - --to markdown",
             b"validate plan.json --select HP1 --ignore HP103", b"calendar --help")


@cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="hrplan-fuzz-"))
    (folder / "plan.json").write_bytes(_exported("json"))
    return folder


@contextlib.contextmanager
def _workdir() -> Iterator[Path]:
    """A folder holding ``plan.json`` only, as the working directory."""
    before = os.getcwd()
    folder = _folder()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)
        for path in folder.iterdir():
            if path.name != "plan.json":
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        (folder / "plan.json").write_bytes(_exported("json"))


def _cli(data: bytes) -> object:
    text = data.decode("utf-8", errors="replace").replace("\0", "")
    try:
        argv = shlex.split(text)
    except ValueError:
        argv = text.split()
    argv = [os.path.basename(a) if os.sep in a else a for a in argv]  # stay inside the working folder
    if any(a.lstrip("-") in _NEVER or a.startswith("@") for a in argv):
        raise hrplan.FormatError("not fuzzed: commands that change the environment or read argument files")
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # with a .buffer, as sys.stdout has
    with _workdir(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()) as err:
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse refusing a command line, or --help/--version
            status = 2 if exc.code not in (0, None) else 0
    if status == 3:  # hrplan's own "internal error"
        raise RuntimeError(err.getvalue().strip())
    if status == 2:
        raise hrplan.FormatError("refused")
    return status


def _targets() -> dict[str, Target]:
    events_program = hrplan.read(DATA / "az-2012.json")
    found: dict[str, Target] = {
        "import-json": Target("import-json", _importer("json"), _json_seeds, (b'"children": [', b'"number": '),
                              mutate_either),
        "import-csv": Target("import-csv", _importer("csv"), lambda: [_exported("csv")], (b",", b" | ")),
        "import-text": Target("import-text", _importer("text"), _text_seeds,
                              (b"\nChapter ", b"\n1.1.1.1. ", b"Time-limit: ", b"Implementing institutions: ")),
        "import-events-csv": Target(
            "import-events-csv", _importer("events-csv", program=events_program),
            lambda: [(DATA / "ombudsman-2024.events.csv").read_bytes()[:1500]], (b",", b" | ", b"13.02.2020")),
        "import-upr-csv": Target("import-upr-csv", _importer("upr-csv", state="Azerbaijan"), lambda: [UPR],
                                 (b",", b"Supported", b"\r\n")),
        "import-csv-table": Target("import-csv-table", _importer("csv-table"),
                                   lambda: [PLAN_TABLE, UPR_INFO, UHRI], (b",", b";", b"\r\n", b"No.", b"Supported")),
        "import-upr-report": Target("import-upr-report", _importer("upr-report"), lambda: [UPR_REPORT],
                                    (b"(France);", b"\n", b"109.", b" The following recommendations ")),
        "import-uhri-json": Target("import-uhri-json", _importer("uhri-json", state="Azerbaijan"),
                                   lambda: [UHRI_JSON], (b'"Text": ', b", {", b'"Sdgs": ')),
        "import-xlsx": Target("import-xlsx", _office("xlsx"), lambda: [PLAN_TABLE, UPR_INFO, UHRI],
                              (b",", b"\n", b"No.", b"Activity", b"Supported")),
        "import-docx": Target("import-docx", _office("docx"), lambda: [PLAN_TABLE, UHRI],
                              (b",", b"\n", b"Theme: ", b"Source of position: A/HRC/1/1 - Para 1")),
        "sniff": Target("sniff", _sniffed, lambda: [*_json_seeds()[:1], _exported("csv"), UPR, PLAN_TABLE, UPR_INFO,
                                                     UPR_REPORT]),
        "parse-time-limit": Target("parse-time-limit", _time_limit, lambda: [t.encode() for t in TIME_LIMITS],
                                   (b"-", b" - ", b"quarter", b"annually", b"by ", b"onwards")),
        "cli": Target("cli", _cli, lambda: list(CLI_SEEDS),
                      (b" --as-of ", b" --due-within ", b" --to ", b" --from ", b" -O ", b" json", b" csv")),
    }
    for name in sorted(get_manager().exporters()):
        found[f"export-{name}"] = Target(f"export-{name}", _exporter(name), _export_seeds, (b"\n1.1.1. ", b"Chapter "),
                                         mutate_document)
    return found


@cache
def all_targets() -> dict[str, Target]:
    """Every target, by name (exporters as installed)."""
    return _targets()

