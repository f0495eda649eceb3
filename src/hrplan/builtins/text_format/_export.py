"""A program back to text, in the layout the importer reads.

Text that the importer would take for structure is escaped with a backslash: a
label anywhere (``\\Time-limit:``), "Chapter" inside a label's value, and a
paragraph that does not start with a capital letter or reads as a heading
(``\\2.5 million ...``, ``\\and so on``, ``\\Chapter Two ...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from hrplan.builtins.text_format._patterns import PAGE_NUMBER, chapter_number, classify_start, escape
from hrplan.labels import Labels
from hrplan.limits import LimitError
from hrplan.model import Chapter, Measure, Program, Provision, Role

__all__ = ["render"]

_LINE_BREAKS = re.compile(r"[ \t]*\n\s*")
_PARAGRAPH_BREAKS = re.compile(r"\n[ \t]*\n\s*")


_LABELS: list[Labels] = [Labels.default()]  # the vocabulary of the render under way


def _escaped(text: str, value: bool = False) -> str:
    """``text`` on one line, escaped (``value``: as the value of a label)."""
    return escape(_LINE_BREAKS.sub(" ", text.strip()), _LABELS[-1], value=value)


def _lead(text: str) -> str:
    """A paragraph, escaped; a backslash first unless it starts with a capital letter
    and is no chapter heading or numbered line."""
    line = _escaped(text)
    if line and (not line[0].isupper() or _structural(line) or PAGE_NUMBER.fullmatch(line)):
        return f"\\{line}"
    return line


def _structural(line: str) -> bool:
    """Whether the reader would take ``line`` for a heading or a numbered line."""
    try:
        return classify_start(line) is not None
    except LimitError:  # a number beyond the limits is still a number to the reader
        return True


def _label(chapter: Chapter) -> str:
    """The chapter's label as written when it stands for its number, else the number."""
    try:
        same = chapter_number(chapter.label) == chapter.number
    except LimitError:
        same = False
    return chapter.label if same else str(chapter.number)


def _after_number(text: str) -> str:
    """The text after a measure number or chapter label (a leading backslash doubled)."""
    line = _escaped(text)
    return f"\\{line}" if line.startswith("\\") else line


def _paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [_lead(p) for p in _PARAGRAPH_BREAKS.split(text.strip()) if p.strip()]


def _numbered(prefix: str, text: str) -> list[str]:
    """``1.2. Title`` and the paragraphs after it (a title is one paragraph)."""
    first, *rest = _PARAGRAPH_BREAKS.split(text.strip()) if text.strip() else [""]
    line = f"{prefix} {_after_number(first)}".rstrip()
    return [line, *(_lead(p) for p in rest if p.strip())]


#: The label each role is written under (upon consent: the lead's, with its marker).
_ROLE_LABELS = {
    Role.LEAD: ("Implementing institution", "Implementing institutions"),
    Role.UPON_CONSENT: ("Implementing institution", "Implementing institutions"),
    Role.CO_IMPLEMENTER: ("Co-implementer", "Co-implementers"),
    Role.PARTNER: ("Partner", "Partners"),
}


def _institutions(program: Program, measure: Measure) -> Iterator[str]:
    """One labelled list per run of implementers under the same label, in order."""
    runs: list[tuple[tuple[str, str], list[str]]] = []
    for implementer in measure.implementers:
        institution = program.institutions.get(implementer.institution)
        name = _escaped(institution.name if institution is not None else implementer.institution, value=True)
        name = f"{name} (upon consent)" if implementer.role is Role.UPON_CONSENT else name
        label = _ROLE_LABELS[implementer.role]
        if runs and runs[-1][0] == label:
            runs[-1][1].append(name)
        else:
            runs.append((label, [name]))
    for (one, many), names in runs:
        yield f"{one if len(names) == 1 else many}: {', '.join(names)}."


def _has_parts(measure: Measure) -> bool:
    return bool(
        measure.implementers or measure.time_limit is not None or measure.indicators or measure.expected_results
        or measure.funding is not None or measure.budget is not None
    )  # fmt: skip


def _measure(program: Program, measure: Measure, marker: bool) -> Iterator[str]:
    yield f"{measure.id}. {_after_number(measure.title)}".rstrip()
    yield from _paragraphs(measure.description)
    yield from _institutions(program, measure)
    if measure.time_limit is not None:
        limit = measure.time_limit
        yield f"Time-limit: {_escaped(limit.text if limit.text is not None else str(limit), value=True)}"
    elif marker:
        yield "Time-limit: none"  # else the chapter would read as provisions
    for indicator in measure.indicators:
        yield f"Indicator: {_escaped(indicator, value=True)}"
    for result in measure.expected_results:
        yield f"Expected result: {_escaped(result, value=True)}"
    if measure.funding is not None:
        yield f"Source of funding: {_escaped(measure.funding, value=True)}"
    if measure.budget is not None:
        yield f"Budget: {_escaped(measure.budget, value=True)}"
    for child in measure.children:
        yield from _measure(program, child, False)


def _provisions(provisions: Sequence[Provision], bullet: bool) -> Iterator[str]:
    for provision in provisions:
        yield from _numbered(f"{'- ' if bullet else ''}{provision.id}.", provision.text)


def _chapter(program: Program, chapter: Chapter, provisions: Sequence[Provision]) -> Iterator[str]:
    label = _label(chapter)
    title = _lead(chapter.title)
    yield f"Chapter {label} {title}" if title else f"Chapter {label}"
    yield from _paragraphs(chapter.intro)
    marker = bool(chapter.measures) and not any(_has_parts(m) for m in chapter.iter_measures())
    for i, measure in enumerate(chapter.measures):
        yield from _measure(program, measure, marker and i == 0)
    yield from _provisions(provisions, bullet=bool(chapter.measures))


def render(program: Program, labels: Labels | None = None) -> str:
    """The text of ``program``: title, provisions of no chapter, then each chapter.

    :param labels: the vocabulary the text will be read with: every label in it is
        escaped where it would be taken for structure (default: hrplan's own).
    """
    _LABELS.append(labels if labels is not None else Labels.default())
    try:
        return _render(program)
    finally:
        _LABELS.pop()


def _render(program: Program) -> str:
    numbers = {chapter.number for chapter in program.chapters}
    grouped: dict[int | None, list[Provision]] = {}
    for provision in program.provisions:
        key = provision.chapter if provision.chapter in numbers else None
        grouped.setdefault(key, []).append(provision)
    paragraphs = [_lead(program.title), *_provisions(grouped.pop(None, []), bullet=False)]
    for chapter in program.chapters:
        paragraphs += _chapter(program, chapter, grouped.pop(chapter.number, []))
    return "\n\n".join(paragraphs) + "\n"
