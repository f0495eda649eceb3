"""Built-in plugin ``hrplan.upr-csv``: UPR recommendations from a UPR Info-style CSV file.

The importer ``upr-csv`` (files named ``*.upr.csv``, or ``format="upr-csv"``;
recognised by a header with ``text``, ``to``, ``decision`` and ``From``) reads
files with one row per (recommendation, recommending State), in whatever
encoding and line endings they come (UTF-8, Windows-1252, Mac Roman, mojibake
of those; LF, CRLF, CR, mixed), and merges the rows of each recommendation into
one :class:`~hrplan.Recommendation` with all its recommending States::

    result = hrplan.load("upr-2013.csv", format="upr-csv", state="azerbaijan")
    for rec in result.program.recommendations:
        print(rec.paragraph, rec.position, rec.recommending_states, rec.text)

The recommendations are added to the program given as option ``program`` (a
:class:`~hrplan.Program` or the path of a plan file), else to a new empty
program ``upr-<state>``. ``docs/recommendations.md`` documents the encodings,
the merging rules and the ``UPR`` finding codes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

import attrs

from hrplan.builtins._base import base_program
from hrplan.builtins.upr_csv._import import CODES, REQUIRED, UprImport, read_upr
from hrplan.builtins.upr_csv._rows import POSITIONS, position_of, split_paragraph, split_states, state_slug, upr_cycle
from hrplan.context import ReadContext
from hrplan.decoding import Decoded, line_endings, plausibility, repair_mojibake
from hrplan.decoding import decode as decode_upr
from hrplan.errors import FormatError
from hrplan.findings import Severity
from hrplan.model import Program
from hrplan.options import check_names
from hrplan.plugins import ImportResult, hookimpl
from hrplan.tally import FindingTally

__all__ = [
    "CODES",
    "POSITIONS",
    "Decoded",
    "UPR_CSV",
    "UprCsvImporter",
    "UprImport",
    "decode_upr",
    "line_endings",
    "plausibility",
    "position_of",
    "read_upr",
    "register_importers",
    "repair_mojibake",
    "split_paragraph",
    "split_states",
    "state_slug",
    "upr_cycle",
]

_OPTIONS = ("encoding", "program", "state")


def _text_option(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise FormatError(f"upr-csv: option {name!r} must be a non-empty string, got {value!r}")


class UprCsvImporter:
    """Reads UPR recommendations (one row per recommending State) and merges them."""

    name: str = "upr-csv"
    extensions: tuple[str, ...] = (".upr.csv",)
    description: str = "UPR recommendations, one row per recommending State (UPR Info CSV: text, to, decision, From)"
    codes: dict[str, str] = CODES

    def sniff(self, head: bytes) -> bool:
        """A header row naming the columns ``text``, ``to``, ``decision`` and ``From``."""
        first = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1").replace("\r", "\n").split("\n", 1)[0]
        names = {cell.strip().strip('"').strip().lower() for cell in first.split(",")}
        return all(name in names for name in REQUIRED)

    def read(self, fp: BinaryIO, *, context: ReadContext | None = None, **options: Any) -> ImportResult:
        """Read the recommendations in ``fp`` and return them in a program.

        :param state: keep only the recommendations made to this State under
            review, compared case-insensitively (``"azerbaijan"``). Default: all.
        :param program: the plan to add them to: a :class:`~hrplan.Program` or the
            path of a plan file. Default: a new empty program ``upr-<state>``
            titled "UPR recommendations to <State>".
        :param encoding: a Python codec name to decode with, instead of detecting
            the encoding (no mojibake repair then).
        :raises InputError: when the file is empty, not CSV, or lacks a required column.
        :raises FormatError: for an unknown option or a bad value.
        """
        check_names(self.name, options, _OPTIONS)
        state = _text_option("state", options.get("state"))
        encoding = _text_option("encoding", options.get("encoding"))
        base = base_program(self.name, options.get("program"), context)
        name = getattr(fp, "name", None)
        source = name if isinstance(name, str) else None
        imported = read_upr(fp.read(), state=state, source=source, encoding=encoding)
        findings = list(imported.findings)
        if base is None:
            base = _empty_program(imported.states)
        known = {rec.id for rec in base.recommendations}
        added = []
        repeated = FindingTally(source, noun="recommendations")
        for rec in imported.recommendations:
            if rec.id in known:
                repeated.add(Severity.WARNING, "UPR010", f"already in program {base.id!r}; the program's one is kept",
                             detail=rec.id)
                continue
            added.append(rec)
        findings += repeated.findings()
        program = attrs.evolve(base, recommendations=(*base.recommendations, *added))
        return ImportResult(program, tuple(findings))


def _empty_program(states: tuple[str, ...]) -> Program:
    if len(states) == 1:
        return Program(f"upr-{state_slug(states[0])}", f"UPR recommendations to {states[0]}", country=states[0])
    return Program("upr", "UPR recommendations")


UPR_CSV = UprCsvImporter()


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the UPR recommendations importer."""
    register(UPR_CSV)
