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
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, TypeVar, get_args, get_origin

import cattrs
import orjson

from hrplan.convert import make_converter, problems_from
from hrplan.errors import CrossReferenceError, InputError, Problem
from hrplan.limits import MAX_DEPTH, check_integer
from hrplan.model import Implementer, Measure, Program

__all__ = ["FORMAT_VERSION", "dumps", "loads", "program_from_data", "program_to_data", "schema"]

T = TypeVar("T")

#: The version of the JSON format this release writes (and the newest it reads).
FORMAT_VERSION = 1


@lru_cache(maxsize=1)
def _converter() -> cattrs.Converter:
    converter = make_converter()
    # JSON has its own types: a value of the wrong one is an error, never converted.
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(str, _strict(str, "a string"))
    for cls in (Measure, Implementer):
        converter.register_structure_hook_func(_tuple_of(cls), _tuple_structurer(converter, cls))
    return converter


def _tuple_of(cls: type) -> Callable[[Any], bool]:
    return lambda type_: get_origin(type_) is tuple and get_args(type_) == (cls, Ellipsis)


def _tuple_structurer(converter: cattrs.Converter, cls: type[T]) -> Callable[[Any, type], tuple[T, ...]]:
    """Lists of ``cls`` straight to a tuple; cattrs' own tuple hook only to report what is wrong.

    The generic hook tracks each element's index for error messages, which is
    most of its cost on a valid document (a plan has a list of measures and
    of implementers per measure); on any error this one hands over to it, so
    the problems reported are the same.
    """
    hooks: list[Callable[[Any, type], T]] = []

    def structure(value: Any, type_: type) -> tuple[T, ...]:
        if not hooks:
            hooks.append(converter.get_structure_hook(cls))
        if isinstance(value, list):
            element = hooks[0]
            try:
                return tuple([element(item, cls) for item in value])
            except Exception:  # reported below by the generic hook, with its place
                pass
        return converter._structure_tuple(value, type_)

    return structure


def _strict_int(value: Any, _type: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer, got {_json_type(value)} {_shown(value)}")
    return check_integer(value)


def _strict(cls: type[T], expected: str) -> Callable[[Any, type], T]:
    def structure(value: Any, _type: type) -> T:
        if not isinstance(value, cls):
            raise TypeError(f"expected {expected}, got {_json_type(value)} {_shown(value)}")
        return value

    return structure


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
             dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, bool | float | str | type(None)) else "..."
    return shown if len(shown) <= 40 else shown[:37] + "..."


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
    _check_nesting(body, source)
    try:
        with _collection_paused():
            return _converter().structure(body, Program)
    except CrossReferenceError as exc:
        raise InputError(source, exc.problems) from None
    except Exception as exc:
        raise InputError(source, problems_from(exc)) from None


def _check_nesting(body: dict[str, Any], source: str) -> None:
    """Refuse measures nested deeper than :data:`~hrplan.limits.MAX_DEPTH` before building anything.

    Building the model recurses once per level; this walk does not.
    """
    chapters = body.get("chapters")
    if not isinstance(chapters, list):
        return
    stack: list[tuple[Any, str, int]] = []
    for c, chapter in enumerate(chapters):
        measures = chapter.get("measures") if isinstance(chapter, dict) else None
        if isinstance(measures, list):
            stack.extend((m, f"$.chapters[{c}].measures[{i}]", 1) for i, m in enumerate(measures))
    while stack:
        measure, path, depth = stack.pop()
        children = measure.get("children") if isinstance(measure, dict) else None
        if not isinstance(children, list) or not children:
            continue
        if depth + 1 > MAX_DEPTH:
            message = f"measures are nested more than {MAX_DEPTH} levels deep (the limit)"
            raise InputError(source, [Problem(f"{path}.children", message, "limit")])
        stack.extend((m, f"{path}.children[{i}]", depth + 1) for i, m in enumerate(children))


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
    if isinstance(data, str):
        data = data.removeprefix("\ufeff")
    elif data[:3] == _BOM:
        data = data[3:]
    with _collection_paused():  # once around parse and build: both allocate without cycles
        try:
            document = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise InputError(source, [Problem(_where(exc), _reason(exc))]) from None
        return program_from_data(document, source)


_BOM = b"\xef\xbb\xbf"


def _where(exc: orjson.JSONDecodeError) -> str:
    if isinstance(exc.__cause__, UnicodeDecodeError) or "utf-8" in exc.msg.lower():
        return f"byte {exc.pos}"
    return f"line {exc.lineno}, column {exc.colno}"


def _reason(exc: orjson.JSONDecodeError) -> str:
    return "not UTF-8 text" if "utf-8" in exc.msg.lower() else exc.msg


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format this release writes."""
    from importlib import resources  # loaded on first use: it costs import time

    text = resources.files("hrplan.schema").joinpath("program.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
