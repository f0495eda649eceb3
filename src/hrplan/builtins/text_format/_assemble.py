"""The draft tree to a :class:`~hrplan.Program`: measures, provisions, institutions, time-limits.

The provisions rule: in a chapter none of whose numbered items has a labelled
part, every item is a provision; in a chapter with labelled parts, a bulleted
item with no labelled part and no sub-items is a provision; every other item
is a measure. Numbered items before the first chapter heading follow the same
rule: provisions of no chapter, or, when they have labelled parts, measures of
a chapter made from their numbers (``TX005``).
"""

from __future__ import annotations

from collections.abc import Sequence

from hrplan.builtins.text_format._patterns import NO_TIME_LIMIT
from hrplan.builtins.text_format._tree import Draft, DraftChapter, DraftItem, DraftPart
from hrplan.findings import Finding, Severity
from hrplan.institutions import Registry, Resolution, Resolver
from hrplan.labels import Meaning
from hrplan.model import Chapter, Implementer, Institution, Measure, Provision, Role
from hrplan.timelimits import TimeLimit
from hrplan.timelimits.planned import Outcome, PlanDates, PlanTimeLimit, read_plan_time_limit

__all__ = ["Assembler"]


def _is_provision(item: DraftItem) -> bool:
    return item.bulleted and not item.parts and not item.children


def _labelled(chapter: DraftChapter) -> bool:
    return any(item.parts for item in chapter.items)


def _joined(paragraphs: Sequence[str]) -> str | None:
    return "\n\n".join(paragraphs) or None


def _one(texts: Sequence[str] | None) -> str | None:
    return "; ".join(texts) if texts else None


#: Labelled parts kept in a field of their own (the others stay in the description).
_AS_TEXT = frozenset({Meaning.INDICATORS, Meaning.EXPECTED_RESULTS, Meaning.FUNDING, Meaning.BUDGET})


class Assembler:
    """Builds the model objects of one document, collecting findings and institutions.

    :param registry: the institutions known beforehand; new ones are added as found.
    :param dates: what time-limits are read against (vocabularies, the plan's year, adoption).
    :param source: the file name, for findings.
    """

    def __init__(self, registry: Registry, dates: PlanDates, source: str | None) -> None:
        self._resolver = Resolver(registry)
        self.dates = dates
        self.source = source
        self.findings: list[Finding] = []
        self.used: dict[str, Institution] = {}
        self._time_limits: dict[str, PlanTimeLimit] = {}

    def finding(self, code: str, line: int | None, message: str, severity: Severity = Severity.WARNING) -> None:
        """Report ``message`` about ``line``."""
        where = f"line {line}" if line is not None else ""
        self.findings.append(Finding(severity, code, message, where, self.source))

    # chapters and provisions

    def chapters(self, draft: Draft) -> tuple[list[Chapter], list[Provision]]:
        """Every chapter, front matter items included, and every provision in document order."""
        chapters: list[Chapter] = []
        provisions: list[Provision] = []
        for draft_chapter in [*self._front_chapters(draft.front, provisions), *draft.chapters]:
            chapter, found = self.chapter(draft_chapter)
            chapters.append(chapter)
            provisions += found
        return chapters, provisions

    def _front_chapters(self, front: DraftChapter, provisions: list[Provision]) -> list[DraftChapter]:
        """Items before the first heading: provisions, or chapters made from their numbers
        (one chapter for numbers of one level: ``1.``, ``2.``, ``15.``)."""
        if not _labelled(front):
            provisions += [self.provision(item, None) for item in front.items]
            return []
        made: dict[int, DraftChapter] = {}
        single = all(item.number.depth == 1 for item in front.top)
        for item in front.top:
            number = 1 if single else item.number.parts[0]
            if number not in made:
                made[number] = DraftChapter(None, number, str(number), [[]], [item.line])
                what = "measures numbered on one level" if single else f"measure {item.number}"
                message = f"{what} before any chapter heading: put in a new chapter {number}"
                self.finding("TX005", item.line, message)
            made[number].top.append(item)
            made[number].items += [item, *_descendants(item)]
        return list(made.values())

    def chapter(self, draft: DraftChapter) -> tuple[Chapter, list[Provision]]:
        """One chapter and the provisions that stand in it."""
        assert draft.number is not None
        texts = draft.texts
        title = texts[0] if texts else ""
        if not title and draft.line is not None:
            self.finding("TX009", draft.line, f"chapter {draft.label} has no title")
        if not _labelled(draft):
            measures: list[Measure] = []
            provisions = [self.provision(item, draft.number) for item in draft.items]
        else:
            measures = [self.measure(item) for item in draft.top if not _is_provision(item)]
            provisions = [self.provision(item, draft.number) for item in draft.items if _is_provision(item)]
        intro = _joined(texts[1:])
        if intro and not draft.items and draft.line is not None:
            message = (
                f"chapter {draft.label} has text but no numbered measure: its text is kept as the chapter's "
                "introduction. If it holds measures, number them (1.1., 15., a), Activity 2:) or label their parts"
            )
            self.finding("TX016", draft.line, message)
        chapter = Chapter(draft.number, title, draft.label, intro, tuple(measures), draft.line)
        return chapter, provisions

    def provision(self, item: DraftItem, chapter: int | None) -> Provision:
        """A numbered clause that is not a measure: its paragraphs are its text."""
        text = "\n\n".join(p for p in item.texts if p)
        if not text:
            self.finding("TX002", item.line, f"provision {item.number} has no text")
        return Provision(item.number, text, chapter, item.line)

    # measures

    def measure(self, item: DraftItem) -> Measure:
        """One measure and its sub-measures."""
        texts = item.texts
        title = texts[0] if texts else ""
        if not title:
            self.finding("TX002", item.line, f"measure {item.number} has no title")
        implementers: list[Implementer] = []
        kept: dict[Meaning, list[str]] = {}
        notes: list[str] = []
        times: list[DraftPart] = []
        for part in item.parts:
            if part.field.institutions:
                implementers += self.implementers(part)
            elif part.field is Meaning.TIME_LIMIT:
                times.append(part)
            elif part.field in _AS_TEXT:
                kept.setdefault(part.field, []).extend(self.texts(part))
            else:  # kept as written, in the description
                notes.append(f"{part.label}: {'; '.join(self.texts(part))}")
        return Measure(
            id=item.number,
            title=title,
            description=_joined([*texts[1:], *notes]),
            implementers=tuple(dict.fromkeys(implementers)),  # a body named twice counts once
            time_limit=self.time_limit(item, times),
            children=tuple(self.measure(child) for child in item.children if not _is_provision(child)),
            indicators=tuple(kept.get(Meaning.INDICATORS, ())),
            expected_results=tuple(kept.get(Meaning.EXPECTED_RESULTS, ())),
            funding=_one(kept.get(Meaning.FUNDING)),
            budget=_one(kept.get(Meaning.BUDGET)),
            line=item.line,
        )

    def texts(self, part: DraftPart) -> list[str]:
        """The texts of a part with their lines: one per list line, else its value."""
        return [text for _, text in self.lined(part)]

    def lined(self, part: DraftPart) -> list[tuple[int, str]]:
        """The texts of a part, each with its line (empty parts are reported, ``TX011``)."""
        texts = list(part.items) if part.items is not None else [(part.line, part.value)] if part.value else []
        if not texts:
            self.finding("TX011", part.line, f"'{part.label}:' is followed by nothing")
        return texts

    def implementers(self, part: DraftPart) -> list[Implementer]:
        """The institutions a part names, resolved against the registry."""
        implementers = []
        for line, text in self.lined(part):
            resolution = self.resolve(text, f"line {line}")
            self.findings += resolution.findings
            for resolved in resolution.resolved:
                institution = resolved.institution
                self.used.setdefault(institution.id, institution)
                role = resolved.role if resolved.role is Role.UPON_CONSENT else resolved.marked or part.field.role
                implementers.append(Implementer(institution.id, role or Role.LEAD))
        return implementers

    @property
    def registry(self) -> Registry:
        """The registry given, plus the new institutions met so far."""
        return self._resolver.registry

    def resolve(self, text: str, location: str) -> Resolution:
        """:meth:`~hrplan.institutions.Resolver.resolve`: repeated lists are resolved once."""
        return self._resolver.resolve(text, location=location, source=self.source)

    def time_limit(self, item: DraftItem, parts: list[DraftPart]) -> TimeLimit | None:
        """The first time-limit given; later ones are reported (``TX006``)."""
        found: list[tuple[int, str]] = []
        for part in parts:
            lined = self.lined(part)
            if lined:
                found.append((lined[0][0], " ".join(text for _, text in lined)))
        for line, text in found[1:]:
            message = f"measure {item.number}: a second time-limit '{text}' is not kept (the first is '{found[0][1]}')"
            self.finding("TX006", line, message)
        return self.read_time_limit(*found[0]) if found else None

    def read_time_limit(self, line: int, text: str) -> TimeLimit | None:
        """Read a time-limit, trailing full stops dropped; unreadable text is kept (``TX003``), a
        year taken from the plan is reported (``TX017``)."""
        text = text.strip().rstrip(".").rstrip()
        if text.lower() in NO_TIME_LIMIT:
            return None
        found = self._time_limits.get(text)
        if found is None:
            found = self._time_limits[text] = read_plan_time_limit(text, self.dates)
        if found.outcome is Outcome.YEAR_TAKEN:
            self.finding("TX017", line, found.message, Severity.INFO)
        elif found.outcome is not Outcome.READ:
            self.finding("TX003", line, found.message, Severity.ERROR)
        return found.time_limit

    def institutions(self) -> list[Institution]:
        """Every institution used, in order of first use, then the parents they name."""
        return self.registry.with_parents(self.used.values())


def _descendants(item: DraftItem) -> list[DraftItem]:
    found = []
    stack = list(reversed(item.children))
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(reversed(child.children))
    return found
