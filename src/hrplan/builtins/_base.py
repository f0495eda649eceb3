"""The plan an importer adds to: option ``program``, else the read context's ``base``.

Importers that add to an existing plan (the events spreadsheet, UPR
recommendations) take it from their caller. :func:`hrplan.load` reads a plan
file named by option ``program`` (in any format) and passes it as
``context.base``; a :class:`~hrplan.Program` given as the option is used as it
is. An importer called directly with a path reads it as a JSON plan, the one
format this layer can read without the plugin manager.
"""

from __future__ import annotations

import os
from pathlib import Path

from hrplan.context import ReadContext
from hrplan.decoding import file_bytes
from hrplan.errors import FormatError
from hrplan.jsonio import loads
from hrplan.model import Program

__all__ = ["base_program"]


def base_program(fmt: str, value: object, context: ReadContext | None) -> Program | None:
    """The plan to add to: ``value`` (option ``program``), else ``context.base``, else ``None``.

    :raises FormatError: when ``value`` is neither a Program nor the path of a
        plan file, or the file cannot be read.
    """
    if isinstance(value, Program):
        return value
    if isinstance(value, str | os.PathLike):
        return _read_json_plan(fmt, Path(value))
    if value is not None:
        raise FormatError(f"{fmt}: option 'program' must be a Program or the path of a plan file, got {value!r}")
    return context.base if context is not None else None


def _read_json_plan(fmt: str, path: Path) -> Program:
    if path.suffix.lower() != ".json":
        raise FormatError(
            f"{fmt}: option 'program': {path} is not a JSON plan; read it with hrplan.load(..., program=path), "
            "which reads a plan in any format, or pass a Program"
        )
    return loads(file_bytes(path), str(path))
