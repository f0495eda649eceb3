"""What a registered exporter, importer or validator looks like."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO, Protocol, runtime_checkable

import attrs

from hrplan.findings import Finding
from hrplan.model import Program

__all__ = ["Exporter", "ImportResult", "Importer", "Validator"]


@runtime_checkable
class Exporter(Protocol):
    """Writes a program as bytes in one format.

    ``name`` is what ``format=`` / ``--to`` choose; ``extensions`` (with the dot,
    longest match wins: ``.workload.csv`` beats ``.csv``) choose it by file name.
    """

    name: str
    extensions: tuple[str, ...]
    media_type: str
    description: str

    def export(self, program: Program, fp: BinaryIO, **options: Any) -> None:
        """Write ``program`` to the binary file object ``fp``."""


@runtime_checkable
class Importer(Protocol):
    """Reads a program from bytes in one format.

    An importer may also define ``sniff(head: bytes) -> bool`` to recognise its
    format from the first bytes of a file whose name says nothing.
    """

    name: str
    extensions: tuple[str, ...]
    description: str

    def read(self, fp: BinaryIO, **options: Any) -> Program | ImportResult:
        """Read a program from the binary file object ``fp``."""


@runtime_checkable
class Validator(Protocol):
    """Checks a program and reports findings; never raises for problems in the plan."""

    name: str
    codes: Mapping[str, str]

    def validate(self, program: Program, **options: Any) -> Iterable[Finding]:
        """Yield a :class:`~hrplan.Finding` for each problem in ``program``."""


@attrs.frozen
class ImportResult:
    """A program read from a source, with what the importer could not read.

    :ivar program: the program.
    :ivar findings: one finding per part of the input that was skipped or guessed.
    """

    program: Program
    findings: tuple[Finding, ...] = ()
