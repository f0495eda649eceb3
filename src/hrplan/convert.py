"""Serialization of the model: a cattrs converter and nothing else.

The model classes know nothing of JSON; this module teaches a
:class:`cattrs.Converter` how to turn them into JSON-ready data (dicts, lists,
strings, numbers) and back. Plugins that need the same representation reuse it::

    from hrplan.convert import make_converter
    converter = make_converter()
    data = converter.unstructure(measure)

Representation:

- dates are ISO 8601 strings, enums their values, measure numbers strings
  (``"1.2.10"``), yearly window days ``--MM-DD``;
- a time-limit is an object (``text``, ``kind``, ``precision``, ``start``,
  ``end``, ``window``); when reading, a plain string is accepted too and parsed
  with :func:`hrplan.parse_time_limit`;
- the institution registry is an object keyed by institution id;
- fields that hold their default value are left out, unknown fields are refused.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationNote
from cattrs.preconf.json import make_converter as make_json_converter

from hrplan.errors import CrossReferenceError, HrplanError, Problem
from hrplan.limits import MAX_DEPTH, MAX_NUMBER_DIGITS
from hrplan.model import FrozenMap, Implementer, Institution, MeasureId
from hrplan.timelimits import MonthDay, TimeLimit, parse_time_limit

__all__ = ["configure_converter", "make_converter", "problems_from"]

T = TypeVar("T")


def make_converter() -> cattrs.Converter:
    """A new converter configured for the hrplan model."""
    converter = make_json_converter(omit_if_default=True, forbid_extra_keys=True)
    configure_converter(converter)
    return converter


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach ``converter`` the hrplan types (measure numbers, time-limits, registries)."""
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(MeasureId, str)
    converter.register_structure_hook(MeasureId, _structure_measure_id)
    converter.register_unstructure_hook(MonthDay, str)
    converter.register_structure_hook(MonthDay, _structure_month_day)
    converter.register_unstructure_hook(TimeLimit, _time_limit_unstructurer(converter))
    converter.register_structure_hook(TimeLimit, _time_limit_structurer(converter))
    converter.register_structure_hook(Implementer, _implementer_structurer(converter))
    converter.register_unstructure_hook_func(_is_registry, _registry_unstructurer(converter))
    converter.register_structure_hook_func(_is_registry, _registry_structurer(converter))


def _is_registry(type_: Any) -> bool:
    return type_ is FrozenMap or get_origin(type_) is FrozenMap


def _structure_date(value: Any, _type: type) -> date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string such as '2012-03-31', got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _structure_measure_id(value: Any, _type: type) -> MeasureId:
    if not isinstance(value, str):
        raise TypeError(f"expected a measure number such as '1.2.10', got {value!r}")
    # The canonical form hrplan writes ("1.2.10", ASCII digits, within the limits) without
    # a regular expression per number; anything else goes through the full parser.
    parts = value.split(".")
    if (value.isascii() and value.replace(".", "").isdigit() and "" not in parts and len(parts) <= MAX_DEPTH
            and max(map(len, parts)) <= MAX_NUMBER_DIGITS):
        return MeasureId(tuple(map(int, parts)))
    return MeasureId.parse(value)


def _structure_month_day(value: Any, _type: type) -> MonthDay:
    if not isinstance(value, str) or len(value) != 7 or not value.startswith("--"):
        raise ValueError(f"expected a day of the year such as '--05-18', got {value!r}")
    month, day = value[2:].split("-")
    return MonthDay(int(month), int(day))


def _time_limit_unstructurer(converter: cattrs.Converter) -> Callable[[TimeLimit], dict[str, Any]]:
    # A plan repeats a few time-limits many times: build each one's data once
    # and hand out copies, so callers may change what they get.
    @functools.lru_cache(maxsize=4096)
    def cached(value: TimeLimit) -> dict[str, Any]:
        data: dict[str, Any] = {"text": value.text, "kind": value.kind.value}
        if value.precision is not None:
            data["precision"] = value.precision.value
        if value.start is not None:
            data["start"] = value.start.isoformat()
        if value.end is not None:
            data["end"] = value.end.isoformat()
        if value.window is not None:
            data["window"] = converter.unstructure(value.window)
        if value.text is None:
            del data["text"]
        return data

    def unstructure(value: TimeLimit) -> dict[str, Any]:
        return dict(cached(value))

    return unstructure


def _cached_structurer(converter: cattrs.Converter, cls: type[T]) -> Callable[[Any], T]:
    """Structure small immutable values once per distinct input.

    Plans repeat a handful of time-limits and implementers many times; the
    objects are immutable, so one can serve every repetition (and is validated
    once), which saves both time and memory on large plans.
    """
    structure_fields = converter.gen_structure_attrs_fromdict(cls)

    @functools.lru_cache(maxsize=4096)
    def cached(items: tuple[tuple[str, Any], ...]) -> T:
        return structure_fields(dict(items), cls)

    def structure(value: Any) -> T:
        if isinstance(value, dict):
            try:
                return cached(tuple(value.items()))
            except TypeError:  # an unhashable value: let cattrs report it
                pass
        return structure_fields(value, cls)

    return structure


def _implementer_structurer(converter: cattrs.Converter) -> Callable[[Any, type], Implementer]:
    structure = _cached_structurer(converter, Implementer)
    return lambda value, _type: structure(value)


def _time_limit_structurer(converter: cattrs.Converter) -> Callable[[Any, type], TimeLimit]:
    structure_fields = _cached_structurer(converter, TimeLimit)

    def structure(value: Any, _type: type) -> TimeLimit:
        if isinstance(value, str):
            return parse_time_limit(value)
        if isinstance(value, dict) and "kind" not in value and "text" in value:
            return parse_time_limit(value["text"])
        return structure_fields(value)

    return structure


def _registry_unstructurer(converter: cattrs.Converter) -> Callable[[FrozenMap[str, Institution]], dict[str, Any]]:
    def unstructure(value: FrozenMap[str, Institution]) -> dict[str, Any]:
        result = {}
        for key, institution in value.items():
            data = converter.unstructure(institution)
            del data["id"]
            result[key] = data
        return result

    return unstructure


def _registry_structurer(converter: cattrs.Converter) -> Callable[[Any, type], FrozenMap[str, Institution]]:
    def structure(value: Any, _type: type) -> FrozenMap[str, Institution]:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object of institutions keyed by id, got {type(value).__name__}")
        errors: list[Exception] = []
        registry: dict[str, Institution] = {}
        for key, data in value.items():
            try:
                if not isinstance(data, dict):
                    raise TypeError(f"expected an institution object, got {type(data).__name__}")
                if "id" in data and data["id"] != key:
                    raise ValueError(f"institution keyed {key!r} says its id is {data['id']!r}")
                registry[key] = converter.structure({**data, "id": key}, Institution)
            except Exception as exc:  # collected and reported with its path below
                exc.add_note(IterableValidationNote(f"Structuring mapping value @ key {key!r}", key, Institution))
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError("institution registry", errors, dict)
        return FrozenMap(registry)

    return structure


_EXPECTED = {int: "a whole number", float: "a number", str: "a string", bool: "true or false"}


def _describe(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, HrplanError) or str(exc).startswith("expected "):
        return str(exc)
    if type_ is not None and attrs.has(type_) and isinstance(exc, TypeError | AttributeError):
        return f"expected an object holding a {type_.__name__}"  # got a list, string or number
    if type_ in _EXPECTED and isinstance(exc, TypeError | ValueError):
        return f"expected {_EXPECTED[type_]}"
    if isinstance(exc, TypeError) or (isinstance(exc, ValueError) and str(exc)):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def problems_from(exc: BaseException, root: str = "$", type_: type | None = None) -> list[Problem]:
    """Turn a structuring error into :class:`~hrplan.errors.Problem` objects with JSON paths.

    Broken references found when a :class:`~hrplan.Program` is built keep their
    own, more precise, locations. ``type_`` is the type that was being built, for
    the message of an error at the root.
    """
    references: list[Problem] = []
    if isinstance(exc, CrossReferenceError):
        return list(exc.problems)
    if isinstance(exc, BaseExceptionGroup):
        matched, rest = exc.split(CrossReferenceError)
        references = [p for e in _leaves(matched) for p in e.problems]
        if rest is None:
            return references
        exc = rest
    if isinstance(exc, cattrs.BaseValidationError):
        messages = cattrs.transform_error(exc, path=root, format_exception=_describe)
    else:
        messages = [f"{_describe(exc, type_)} @ {root}"]
    problems = []
    for message in messages:
        text, _, location = message.rpartition(" @ ")
        problems.append(Problem(location, text))
    return problems + references


def _leaves(group: BaseExceptionGroup[CrossReferenceError] | None) -> list[CrossReferenceError]:
    if group is None:
        return []
    found: list[CrossReferenceError] = []
    for exc in group.exceptions:
        found += _leaves(exc) if isinstance(exc, BaseExceptionGroup) else [exc]
    return found
