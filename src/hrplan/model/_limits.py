"""The limits of :mod:`hrplan.limits` applied to a whole program.

Building a program checks how deep its measures nest (cheap: the measure index
already walks them). :func:`limit_problems` checks every string and integer of a
program; it walks every value, so it runs only when an exporter has failed, to
tell a program built in Python with text no format can encode (a lone
surrogate) or a number no format can write from a bug in the exporter.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from hrplan.errors import Problem
from hrplan.limits import MAX_DEPTH, LimitError, check_depth, check_integer, check_text

if TYPE_CHECKING:
    from hrplan.model._references import IndexEntry

__all__ = ["check_nesting", "limit_problems"]


def check_nesting(entries: Iterable[IndexEntry]) -> None:
    """Raise :class:`~hrplan.limits.LimitError` for a measure nested deeper than ``MAX_DEPTH``."""
    for entry in entries:
        if len(entry.position) - 1 > MAX_DEPTH:  # the first position is the chapter's
            check_depth(len(entry.position) - 1, f"measure {entry.measure.id} at {entry.path}")


def limit_problems(value: object, path: str = "$") -> list[Problem]:
    """Every string that is not Unicode text and every integer beyond the limits in ``value``."""
    return list(_walk(value, path))


def _walk(value: object, path: str) -> Iterator[Problem]:
    stack: list[tuple[object, str]] = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            yield from _check(check_text, item, where)
        elif isinstance(item, bool | enum.Enum | date) or item is None:
            continue
        elif isinstance(item, int):
            yield from _check(check_integer, item, where)
        elif isinstance(item, Mapping):
            stack.extend((v, f"{where}[{k!r}]") for k, v in reversed(list(item.items())))
            stack.extend((k, f"{where} key {k!r}") for k in item if isinstance(k, str))
        elif isinstance(item, tuple | list):
            stack.extend((v, f"{where}[{i}]") for i, v in reversed(list(enumerate(item))))
        elif attrs.has(type(item)):
            fields = [(f.name.lstrip("_"), getattr(item, f.name)) for f in _init_fields(type(item))]
            stack.extend((v, f"{where}.{name}") for name, v in reversed(fields))


def _init_fields(cls: Any) -> list[Any]:
    return [f for f in attrs.fields(cls) if f.init]


def _check(check: Any, item: Any, where: str) -> Iterator[Problem]:
    try:
        check(item, where)
    except LimitError as exc:
        yield Problem(where, str(exc).removeprefix(f"{where} "), "limit")
