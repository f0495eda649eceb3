"""Saying where two exports or two programs differ, for failures that help."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

__all__ = ["byte_difference", "program_differences"]

#: How many bytes of context to show on each side of the first difference.
CONTEXT = 30


def byte_difference(first: bytes, second: bytes) -> str | None:
    """Where ``second`` first differs from ``first``: offset, line and column, and the bytes around it.

    For two zip archives (XLSX, DOCX, ODF...) it names the member that differs,
    or says that only the members' timestamps do. ``None`` when they are equal.
    """
    if first == second:
        return None
    if first[:4] == second[:4] == b"PK\x03\x04":
        inside = _zip_difference(first, second)
        if inside is not None:
            return inside
    shorter = min(len(first), len(second))
    offset = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), shorter)
    line = first.count(b"\n", 0, offset) + 1
    column = offset - (first.rfind(b"\n", 0, offset) + 1) + 1
    start = max(0, offset - CONTEXT)
    return (
        f"the outputs differ first at byte {offset} (line {line}, column {column}; sizes {len(first)} and "
        f"{len(second)}):\n  first:  {first[start:offset + CONTEXT]!r}\n  second: {second[start:offset + CONTEXT]!r}"
    )


def _zip_difference(first: bytes, second: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
            names_a, names_b = a.namelist(), b.namelist()
            if names_a != names_b:
                return f"zip archives with different members: {names_a} and {names_b}"
            for name in names_a:
                data_a, data_b = a.read(name), b.read(name)
                if data_a != data_b:
                    where = byte_difference(data_a, data_b) or ""
                    return f"zip member {name!r} differs: {where}"
            stamps = [n for n in names_a if a.getinfo(n).date_time != b.getinfo(n).date_time]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if stamps:
        return (f"zip archives with the same contents but different timestamps (first: {stamps[0]!r}): "
                "give every member a fixed date_time (see docs/plugins/tutorial.md)")
    return None


def program_differences(expected: Any, actual: Any, *, limit: int = 10) -> list[str]:
    """The fields in which ``actual`` differs from ``expected``, as JSON paths with both values.

    Compares model objects field by field (fields that do not take part in
    equality, such as source line numbers, are skipped), tuples item by item and
    registries key by key; at most ``limit`` differences.
    """
    found: list[str] = []
    for difference in _walk(expected, actual, "$"):
        found.append(difference)
        if len(found) >= limit:
            break
    return found


def _walk(a: Any, b: Any, path: str) -> Iterator[str]:
    if a == b:
        return
    if type(a) is type(b) and attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            if field.eq and field.init:
                yield from _walk(getattr(a, field.name), getattr(b, field.name), f"{path}.{field.name}")
        return
    if isinstance(a, tuple) and isinstance(b, tuple):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            yield from _walk(x, y, f"{path}[{i}]")
        if len(a) > len(b):
            yield f"{path}: {len(a)} item(s) expected, {len(b)} read back (missing: {_short(a[len(b):])})"
        elif len(b) > len(a):
            yield f"{path}: {len(a)} item(s) expected, {len(b)} read back (extra: {_short(b[len(a):])})"
        return
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in dict.fromkeys([*a, *b]):
            if key not in b or key not in a:
                yield f"{path}.{key}: {'missing' if key not in b else 'not expected'} in what was read back"
            else:
                yield from _walk(a[key], b[key], f"{path}.{key}")
        return
    yield f"{path}: expected {_short(a)}, read back {_short(b)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
