"""The hrplan JSON format: a versioned, deterministic document for one program.

A document is the program's fields with ``format_version`` first::

    {"format_version": 1, "id": "az-2012", "title": "...", "chapters": [...]}

Output is stable (fields in model order, registry in insertion order, two-space
indent, UTF-8, a final newline) so that plan files diff well in version control.
``orjson`` writes it: with indentation, the standard library's encoder falls back
to pure Python and is several times slower.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import cattrs
import orjson

from hrplan.convert import make_converter, problems_from
from hrplan.errors import CrossReferenceError, InputError, Problem
from hrplan.model import Program

__all__ = ["FORMAT_VERSION", "dumps", "loads", "program_from_data", "program_to_data", "schema"]

#: The version of the JSON format this release writes (and the newest it reads).
FORMAT_VERSION = 1


@lru_cache(maxsize=1)
def _converter() -> cattrs.Converter:
    return make_converter()


def program_to_data(program: Program) -> dict[str, Any]:
    """The JSON-ready document for ``program``."""
    data: dict[str, Any] = {"format_version": FORMAT_VERSION}
    with _collection_paused():
        data.update(_converter().unstructure(program))
    return data


def program_from_data(data: Any, source: str = "<data>") -> Program:
    """Build a :class:`~hrplan.Program` from a parsed JSON document.

    :raises InputError: listing every problem with its JSON path.
    """
    if not isinstance(data, dict):
        raise InputError(source, [Problem("$", "expected a JSON object holding a program")])
    body = dict(data)
    _check_version(body.pop("format_version", None), source)
    try:
        with _collection_paused():
            return _converter().structure(body, Program)
    except CrossReferenceError as exc:
        raise InputError(source, exc.problems) from None
    except Exception as exc:
        raise InputError(source, problems_from(exc)) from None


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while converting a large, acyclic program.

    Converting a plan allocates millions of small objects without reference
    cycles; letting the collector scan them again and again more than doubles
    the time. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_version(version: Any, source: str) -> None:
    if version is None:
        raise InputError(source, [Problem("$.format_version", "missing: is this an hrplan JSON file?")])
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(source, [Problem("$.format_version", f"expected a positive integer, got {version!r}")])
    if version > FORMAT_VERSION:
        message = f"version {version} is newer than this hrplan reads ({FORMAT_VERSION}): upgrade hrplan"
        raise InputError(source, [Problem("$.format_version", message)])


def dumps(program: Program) -> bytes:
    """``program`` as deterministic, UTF-8 encoded hrplan JSON."""
    return orjson.dumps(program_to_data(program), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def loads(data: bytes | str, source: str = "<data>") -> Program:
    """Read a program from hrplan JSON text.

    :raises InputError: when the text is not JSON (with line and column) or does
        not describe a valid program (with JSON paths).
    """
    try:
        with _collection_paused():
            document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise InputError(source, [Problem(_where(exc), _reason(exc))]) from None
    return program_from_data(document, source)


def _where(exc: orjson.JSONDecodeError) -> str:
    if isinstance(exc.__cause__, UnicodeDecodeError) or "utf-8" in exc.msg.lower():
        return f"byte {exc.pos}"
    return f"line {exc.lineno}, column {exc.colno}"


def _reason(exc: orjson.JSONDecodeError) -> str:
    return "not UTF-8 text" if "utf-8" in exc.msg.lower() else exc.msg


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format this release writes."""
    text = resources.files("hrplan.schema").joinpath("program.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
