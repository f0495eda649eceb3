"""A program back to text, in the layout the importer reads.

Text that the importer would take for structure is escaped with a backslash: a
label anywhere (``\\Time-limit:``), "Chapter" inside a label's value, and a
paragraph that does not start with a capital letter or reads as a heading
(``\\2.5 million ...``, ``\\and so on``, ``\\Chapter Two ...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from hrplan.builtins.text_format._patterns import ESCAPABLE, ESCAPABLE_IN_VALUE, chapter_number, classify_start
from hrplan.model import Chapter, Measure, Program, Provision, Role

__all__ = ["render"]

_LINE_BREAKS = re.compile(r"[ \t]*\n\s*")
_PARAGRAPH_BREAKS = re.compile(r"\n[ \t]*\n\s*")


def _escaped(text: str, value: bool = False) -> str:
    """``text`` on one line, escaped (``value``: as the value of a label)."""
    pattern = ESCAPABLE_IN_VALUE if value else ESCAPABLE
    return pattern.sub(r"\\\g<0>", _LINE_BREAKS.sub(" ", text.strip()))


def _lead(text: str) -> str:
    """A paragraph, escaped; a backslash first unless it starts with a capital letter
    and is no chapter heading or numbered line."""
    line = _escaped(text)
    if line and (not line[0].isupper() or classify_start(line) is not None):
        return f"\\{line}"
    return line


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


def _institutions(program: Program, measure: Measure) -> str:
    names = []
    for implementer in measure.implementers:
        institution = program.institutions.get(implementer.institution)
        name = _escaped(institution.name if institution is not None else implementer.institution, value=True)
        names.append(f"{name} (upon consent)" if implementer.role is Role.UPON_CONSENT else name)
    label = "Implementing institution" if len(names) == 1 else "Implementing institutions"
    return f"{label}: {', '.join(names)}."


def _has_parts(measure: Measure) -> bool:
    return bool(measure.implementers or measure.time_limit is not None or measure.indicators)


def _measure(program: Program, measure: Measure, marker: bool) -> Iterator[str]:
    yield f"{measure.id}. {_after_number(measure.title)}".rstrip()
    yield from _paragraphs(measure.description)
    if measure.implementers:
        yield _institutions(program, measure)
    if measure.time_limit is not None:
        limit = measure.time_limit
        yield f"Time-limit: {_escaped(limit.text if limit.text is not None else str(limit), value=True)}"
    elif marker:
        yield "Time-limit: none"  # else the chapter would read as provisions
    for indicator in measure.indicators:
        yield f"Indicator: {_escaped(indicator, value=True)}"
    for child in measure.children:
        yield from _measure(program, child, False)


def _provisions(provisions: Sequence[Provision], bullet: bool) -> Iterator[str]:
    for provision in provisions:
        yield from _numbered(f"{'- ' if bullet else ''}{provision.id}.", provision.text)


def _chapter(program: Program, chapter: Chapter, provisions: Sequence[Provision]) -> Iterator[str]:
    label = chapter.label if chapter_number(chapter.label) == chapter.number else str(chapter.number)
    title = _lead(chapter.title)
    yield f"Chapter {label} {title}" if title else f"Chapter {label}"
    yield from _paragraphs(chapter.intro)
    marker = bool(chapter.measures) and not any(_has_parts(m) for m in chapter.iter_measures())
    for i, measure in enumerate(chapter.measures):
        yield from _measure(program, measure, marker and i == 0)
    yield from _provisions(provisions, bullet=bool(chapter.measures))


def render(program: Program) -> str:
    """The text of ``program``: title, provisions of no chapter, then each chapter."""
    numbers = {chapter.number for chapter in program.chapters}
    grouped: dict[int | None, list[Provision]] = {}
    for provision in program.provisions:
        key = provision.chapter if provision.chapter in numbers else None
        grouped.setdefault(key, []).append(provision)
    paragraphs = [_lead(program.title), *_provisions(grouped.pop(None, []), bullet=False)]
    for chapter in program.chapters:
        paragraphs += _chapter(program, chapter, grouped.pop(chapter.number, []))
    return "\n\n".join(paragraphs) + "\n"
