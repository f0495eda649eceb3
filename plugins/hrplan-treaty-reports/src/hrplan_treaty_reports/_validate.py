"""The ``treaty-reports`` validator: word limits, recommendations without measures or with overdue ones."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import hrplan
from hrplan.monitoring import snapshot
from hrplan.options import as_date

from hrplan_treaty_reports._clusters import has_crc_content, unknown_crc_tags
from hrplan_treaty_reports._crc import crc_body
from hrplan_treaty_reports._text import DOCUMENTS, document_key, word_count, word_limit

__all__ = ["TR_CODES", "TreatyReportsValidator"]

#: The codes the validator may emit.
TR_CODES: Mapping[str, str] = hrplan.FrozenMap(
    {
        "TR001": "a document is longer than the word limit of its type (the CRC report the program gives, "
        "or the text given as option)",
        "TR002": "a recommendation (not noted or rejected) is linked to no measure",
        "TR003": "a supported recommendation whose linked measures are all overdue",
        "TR004": "a crc: tag that names no cluster and no article of the Convention",
        "TR005": "a validator option that cannot be read",
    }
)

_NO_MEASURE_NEEDED = frozenset({hrplan.Position.NOTED, hrplan.Position.REJECTED})
_SUPPORTED = frozenset({hrplan.Position.SUPPORTED, hrplan.Position.PARTIALLY_SUPPORTED})


def _measure_paths(program: hrplan.Program) -> Iterator[tuple[str, hrplan.Measure]]:
    def walk(path: str, measure: hrplan.Measure) -> Iterator[tuple[str, hrplan.Measure]]:
        yield path, measure
        for i, child in enumerate(measure.children):
            yield from walk(f"{path}.children[{i}]", child)

    for c, chapter in enumerate(program.chapters):
        for m, measure in enumerate(chapter.measures):
            yield from walk(f"$.chapters[{c}].measures[{m}]", measure)


class TreatyReportsValidator:
    """Checks what treaty reports need: word limits, and recommendations followed up by measures.

    Options (``hrplan.validate(program, as_of=..., document=..., text=...)``; other
    validators' options are ignored):

    - ``as_of``: the day statuses are judged on (default today), for TR001 and TR003;
    - ``document``: a document type (``periodic``, ``crc-periodic``, ``initial``,
      ``common-core``, ``loi-replies``, ``upr-national``...);
    - ``text``: a draft to check against the limit of ``document`` (TR001).

    Without ``text``, TR001 checks the CRC report skeleton the ``crc-report``
    exporter makes of the program (when the program holds anything for the CRC),
    against the limit of ``document`` when it is ``initial`` or ``periodic``
    (with or without ``crc-``), else of a periodic report.
    """

    name: str = "treaty-reports"
    codes: Mapping[str, str] = TR_CODES

    def validate(self, program: hrplan.Program, **options: Any) -> Iterator[hrplan.Finding]:
        """Yield the ``TR`` findings of ``program``."""
        try:
            as_of = as_date(self.name, "as_of", options.get("as_of"))
        except hrplan.FormatError as exc:
            yield hrplan.Finding(hrplan.Severity.ERROR, "TR005", str(exc), "option as_of")
            as_of = date.today()
        yield from self._word_limits(program, as_of, options)
        yield from self._recommendations(program, as_of)
        yield from self._tags(program)

    def _word_limits(
        self, program: hrplan.Program, as_of: date, options: Mapping[str, Any]
    ) -> Iterator[hrplan.Finding]:
        document = options.get("document")
        text = options.get("text")
        key = None
        if document is not None:
            try:
                if not isinstance(document, str):
                    raise ValueError(f"must be a document type such as crc-periodic, got {document!r}")
                key = document_key(document)
            except ValueError as exc:
                yield hrplan.Finding(hrplan.Severity.ERROR, "TR005", f"{self.name}: option 'document': {exc}",
                                     "option document")
                return
        if text is not None:
            if not isinstance(text, str):
                yield hrplan.Finding(hrplan.Severity.ERROR, "TR005",
                                     f"{self.name}: option 'text' must be a string, got {type(text).__name__}",
                                     "option text")
                return
            if key is None:
                yield hrplan.Finding(hrplan.Severity.ERROR, "TR005",
                                     f"{self.name}: option 'text' needs option 'document' (such as crc-periodic)",
                                     "option text")
                return
            yield from self._limit(word_count(text), key, f"the text given ({DOCUMENTS[key]})", "option text")
            return
        if not has_crc_content(program):
            return
        report = key if key in ("initial", "periodic") else "periodic"
        body = crc_body(program, as_of, report=report)
        yield from self._limit(word_count(body), report, f"the CRC {DOCUMENTS[report]} skeleton (crc-report)",
                               "crc-report")

    @staticmethod
    def _limit(count: int, key: str, what: str, location: str) -> Iterator[hrplan.Finding]:
        limit = word_limit(key)
        if count > limit:
            yield hrplan.Finding(
                hrplan.Severity.WARNING, "TR001",
                f"{what} has {count:,} words, {count - limit:,} over the limit of {limit:,} for a {DOCUMENTS[key]}",
                location,
            )  # fmt: skip

    @staticmethod
    def _recommendations(program: hrplan.Program, as_of: date) -> Iterator[hrplan.Finding]:
        snap = None
        for i, rec in enumerate(program.recommendations):
            where = f"$.recommendations[{i}]"
            label = f"recommendation {rec.id!r}"
            linked = [n for n in rec.measures if program.find_measure(n) is not None]
            if not rec.measures:
                if rec.position not in _NO_MEASURE_NEEDED:
                    about = [rec.mechanism + (f" {rec.paragraph}" if rec.paragraph else "")]
                    about.append(rec.position.value if rec.position is not None else "no position")
                    yield hrplan.Finding(hrplan.Severity.WARNING, "TR002",
                                         f"{label} ({', '.join(about)}) is linked to no measure", where)
                continue
            if rec.position in _SUPPORTED and linked:
                snap = snap or snapshot(program, as_of)
                if all(snap.state(n).rolled_up is hrplan.Status.OVERDUE for n in linked):
                    numbers = ", ".join(str(n) for n in linked)
                    position = rec.position.value if rec.position else "supported"
                    yield hrplan.Finding(
                        hrplan.Severity.WARNING, "TR003",
                        f"{label} is {position} but every measure linked to it is overdue on {as_of}: {numbers}",
                        f"{where}.measures",
                    )  # fmt: skip

    @staticmethod
    def _tags(program: hrplan.Program) -> Iterator[hrplan.Finding]:
        for path, measure in _measure_paths(program):
            for tag in unknown_crc_tags(measure.tags.themes):
                yield hrplan.Finding(hrplan.Severity.INFO, "TR004",
                                     f"measure {measure.id}: tag {tag!r} names no CRC cluster or article",
                                     f"{path}.tags.themes")
        for i, rec in enumerate(program.recommendations):
            for tag in unknown_crc_tags(rec.themes):
                yield hrplan.Finding(hrplan.Severity.INFO, "TR004",
                                     f"recommendation {rec.id!r}: tag {tag!r} names no CRC cluster or article",
                                     f"$.recommendations[{i}].themes")
