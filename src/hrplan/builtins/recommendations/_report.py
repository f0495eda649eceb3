"""UPR Working Group reports as text: the numbered recommendations of their last section.

A report (``A/HRC/NN/NN``) ends with paragraphs that introduce the State's
responses (``118. The following recommendations enjoy the support of ...``,
``... will be examined by ..., which will provide responses in due time``,
``... have been noted``) and, under each, numbered recommendations:
``118.1 Ratify the Convention (France) (Lithuania);``. Text copied from a PDF
wraps lines anywhere and may lose every line break; both are read. The rest of
the report is not read, and says so (``REC016``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import attrs

from hrplan.builtins.recommendations._build import import_result, upr_id
from hrplan.builtins.recommendations._cells import split_trailing_states
from hrplan.builtins.recommendations._codes import CODES
from hrplan.builtins.recommendations._options import read_options
from hrplan.builtins.recommendations._timing import timing
from hrplan.context import ReadContext
from hrplan.countries import lookup
from hrplan.decoding import decode, decode_as, normalise_newlines
from hrplan.errors import InputError, Problem
from hrplan.findings import Severity
from hrplan.model import Position, Recommendation
from hrplan.plugins import ImportResult
from hrplan.tally import FindingTally

__all__ = ["UprReportImporter", "report_paragraphs"]

#: The start of a recommendation: a paragraph number of two levels, then a capital letter.
_RECOMMENDATION = re.compile(r"(?:^|[;.:]\s)\s*\d{1,3}\.\d{1,3}\.?\s+[A-Z]", re.MULTILINE)
#: The end of one: the recommending States in brackets, then a semicolon or a full stop.
_STATES_END = re.compile(r"\)\s*[;.](?:\s|$)")
#: Where a paragraph starts: a number at the start of a line (``118. The``, ``118.1 Ratify``, ``118.1`` alone);
#: one level needs its full stop, and no small letter follows (``189 on domestic workers`` goes on a line).
_PARAGRAPH = re.compile(r"^\s*(?P<number>\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=\.))\.?(?:\s+(?![a-z])|$)")
#: Lines of a PDF copy that are no text: a page number, the symbol, the document's job number.
_FURNITURE = re.compile(r"\d{1,4}|A/HRC/\d{1,2}/\d{1,3}(?:/Add\.\s?\d+)?|GE\.\d{2}-\d{4,6}(?:\s*\(E\))?")
#: A paragraph glued to the one before (line breaks lost): ``...(Chile); 118.2 Adopt`` and
#: ``...; 119. The following``, and ``... recommendations 118. The following recommendations``.
#: A run of blanks is entered at its start only (``(?<!\s)``): trying every blank of a long run
#: made the search quadratic. ``No. 189 on`` is no paragraph: a small letter follows.
_GLUED = re.compile(
    r"(?<=[;.):])(?<!\s)\s+(?=\d{1,3}\.(?:\d{1,3}\.?)?\s+[A-Z])"
    r"|(?<!\s)\s+(?=\d{1,3}\.\s+[Tt]he\s+following\s+recommendations)"
)
_INTRO = re.compile(r"A/HRC/\d|[Tt]he\s+following\s+recommendations")
_SYMBOL = re.compile(r"\bA/HRC/(\d{1,2})/(\d{1,3})(?:/Add\.\s?\d+)?")
_TITLE_STATE = re.compile(r"Universal\s+Periodic\s+Review\W+(?P<state>[A-Z][^\n]{1,80}?)\s*$", re.MULTILINE)
_EXAMINED_BY = re.compile(
    r"\b(?:support|examined|noted)\s+(?:of|by)\s+(?P<state>[A-Z][\w'()\- ]{1,60}?)(?=[,.]|\s+which\b|\s+and\b)"
)

#: Words of a section's introduction, and the response they give its recommendations (``None``: pending).
_RESPONSES: tuple[tuple[re.Pattern[str], Position, str], ...] = (
    (re.compile(r"did\s+not\s+enjoy|not\s+supported|will\s+be\s+noted|have\s+been\s+noted|\bnoted\b", re.I),
     Position.NOTED, "noted"),
    (re.compile(r"enjoy(?:s|ed)?\s+(?:the|its|their)\s+support|\bsupported\b|\baccepted\b", re.I),
     Position.SUPPORTED, "supported"),
    (re.compile(r"will\s+be\s+examined|will\s+provide\s+responses|\bpending\b", re.I), Position.PENDING, "pending"),
)  # fmt: skip


@attrs.frozen
class Paragraph:
    """One numbered paragraph of a report: its number, text and first line."""

    number: str
    text: str
    line: int


def report_paragraphs(text: str) -> Iterator[Paragraph]:
    """The numbered paragraphs of ``text``, lines wrapped inside one joined, paragraphs glued
    on one line (a copy that lost its line breaks) cut apart. Across blank lines and page
    furniture (a page break), a paragraph goes on when it does not end with ``;``, ``.`` or
    ``:``; unnumbered text is left out."""
    number, first, gap = "", 0, False
    parts: list[str] = []
    for index, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or _FURNITURE.fullmatch(line):
            gap = True
            continue
        match = _PARAGRAPH.match(line)
        if match is None and number and not (gap and parts[-1].endswith((";", ".", ":"))):
            parts.append(line)  # a wrapped line; after a gap, only when the sentence goes on
            gap = False
            continue
        yield from _cut(number, " ".join(parts), first)
        number, parts, first = (match["number"], [line[match.end() :]], index) if match else ("", [line], index)
        gap = False
    yield from _cut(number, " ".join(parts), first)


def _cut(number: str, text: str, line: int) -> Iterator[Paragraph]:
    """The paragraph ``number`` (``""``: text before any number) and those glued after it."""
    pieces = _GLUED.split(text)
    if number:
        yield Paragraph(number, pieces[0].strip(), line)
    for piece in pieces[1:]:
        match = _PARAGRAPH.match(piece)
        if match is not None:
            yield Paragraph(match["number"], piece[match.end() :].strip(), line)


def _response(text: str) -> tuple[Position, str] | None:
    if "recommendation" not in text.lower():
        return None
    for pattern, position, word in _RESPONSES:
        if pattern.search(text):
            return position, word
    return None


def _state_in(text: str) -> str | None:
    """The State under review a report names in its title or its responses."""
    for pattern in (_TITLE_STATE, _EXAMINED_BY):
        for match in pattern.finditer(text[:200_000]):
            country = lookup(match["state"].strip(" .,:-\u2013\u2014"))
            if country is not None:
                return country.name
    return None


class UprReportImporter:
    """Reads the recommendations of a UPR Working Group report saved as text."""

    name = "upr-report"
    extensions: tuple[str, ...] = (".upr.txt",)
    description = "UPR Working Group report as text: numbered recommendations '118.1 Ratify ... (France);'"
    codes = CODES

    def sniff(self, head: bytes) -> bool:
        """A report's symbol (``A/HRC/44/12``) or a paragraph that opens a list of them (``The following
        recommendations``), three two-level paragraph numbers (``118.1 Ratify``) and two brackets that
        end a sentence (``(France);``)."""
        text = head.decode("utf-8", errors="replace")
        return (_INTRO.search(text) is not None and len(_RECOMMENDATION.findall(text)) >= 3
                and len(_STATES_END.findall(text)) >= 2)  # fmt: skip

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> ImportResult:
        """Read the recommendations and the response each section gives them.

        :param state: the State under review (default: the one the report names).
        :param session: the Working Group session (default: from the report's symbol).
        :param base: a program to add the recommendations to.
        :param encoding: the text encoding (default: UTF-8, else Windows-1252 or Mac Roman).
        :raises InputError: when the text holds no numbered recommendation with recommending States.
        """
        source = str(getattr(fp, "name", "<stream>"))
        encoding = options.pop("encoding", None)
        settings = read_options(self.name, options, context or ReadContext())
        data = fp.read()
        raw = decode(data).text if encoding is None else decode_as(data, str(encoding), fmt=self.name, source=source)
        text = normalise_newlines(raw)
        tally = FindingTally(source)
        symbol_match = _SYMBOL.search(text)
        symbol = f"A/HRC/{symbol_match[1]}/{symbol_match[2]}" if symbol_match else None
        found = lookup(settings.state) if settings.state else None
        state = found.name if found is not None else settings.state or _state_in(text)
        if state is None:
            tally.add(Severity.WARNING, "REC012", "the report does not name its State and option 'state' is not "
                      "given: the recommendations have no State under review")  # fmt: skip
        recommendations = list(self._recommendations(text, state, settings.session, symbol, tally))
        if recommendations and recommendations[0].session is None and recommendations[0].year is None:
            tally.add(Severity.WARNING, "REC013", "no UPR session or year (no option 'session', no A/HRC symbol in "
                      "the report): the ids hold 'x' in its place")  # fmt: skip
        if not recommendations:
            problem = Problem("line 1", "no numbered recommendation ending with its recommending States "
                              "('118.1 Ratify ... (France);') was found")  # fmt: skip
            raise InputError(source, [problem])
        return import_result(settings.base, [state] if state else [], recommendations, tally)

    def _recommendations(self, text: str, state: str | None, session: str | None, symbol: str | None,
                         tally: FindingTally) -> Iterator[Recommendation]:  # fmt: skip
        number, session, cycle, year = "", *timing(session, symbol)[:3]
        response: tuple[Position, str] | None = None
        for paragraph in report_paragraphs(text):
            where = f"line {paragraph.line}"
            answer = _response(paragraph.text) if "." not in paragraph.number else None
            if answer is not None:
                number, response = paragraph.number, answer
                continue
            split = split_trailing_states(paragraph.text, lenient=True)
            within = response if number and paragraph.number.startswith(f"{number}.") else None
            if "." not in paragraph.number:
                tally.add(Severity.INFO, "REC016", "a numbered paragraph that is no recommendation (the body of "
                          "the report): not read", where)  # fmt: skip
                continue
            if not (split.states or within):
                tally.add(Severity.WARNING, "REC017", f"paragraph {paragraph.number} has no recommending States "
                          "and stands under no paragraph that gives the response: not read", where)  # fmt: skip
                continue
            if not split.states:
                tally.add(Severity.WARNING, "REC002", "no recommending States in parentheses at the end of the "
                          "text (the text is kept whole)", where)  # fmt: skip
            for name in split.unknown:
                tally.add(Severity.WARNING, "REC004", "a State not in hrplan's country registry (kept as written)",
                          where, detail=repr(name))  # fmt: skip
            if within is None:
                tally.add(Severity.WARNING, "REC015", "a recommendation under no paragraph that gives the State's "
                          "response: position left empty", where)  # fmt: skip
            yield Recommendation(
                id=upr_id(state, year, session, paragraph.number),
                mechanism="UPR",
                text=split.text,
                cycle=cycle,
                session=session,
                year=year,
                symbol=symbol,
                paragraph=paragraph.number,
                recommending_states=split.states,
                position=within[0] if within else None,
                position_text=within[1] if within else None,
                countries=(state,) if state else (),
            )
