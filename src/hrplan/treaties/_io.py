"""Reading a State's ratifications, the committees' due dates and its submissions from JSON.

The format (``docs/treaty-calendar.md`` describes it; :func:`ratifications_schema`
gives it as a JSON Schema)::

    {
      "state": "Azerbaijan",
      "ratifications": [
        {"treaty": "CRC", "deposit": "1992-08-13", "instrument": "accession",
         "entry_into_force": "1992-09-12"},
        {"treaty": "OPCAT", "deposit": "2009-01-28", "instrument": "ratification"}
      ],
      "overrides": [{"treaty": "CRC", "number": 5, "due": "2019-10-11", "source": "CRC/C/XXX/CO/3-4"}],
      "submitted": [{"treaty": "CRC", "number": [3, 4], "date": "2011-03-01", "document": "CRC/C/XXX/3-4"}],
      "upr": {"review": "2009-02-04", "cycle": 1,
              "held": [{"cycle": 1, "date": "2009-02-04", "session": 4, "source": "A/HRC/11/20"}]},
      "cycle_from": {"CRC": "2029-09-12"}
    }

``entry_into_force`` may be left out when ``deposit`` is given: it is then computed
with the treaty's rule (:func:`~hrplan.treaties.entry_into_force`) and the
ratification is marked ``computed``.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from hrplan.errors import FormatError, InputError, ModelError, Problem
from hrplan.treaties._catalogue import TREATIES, entry_into_force
from hrplan.treaties._model import Override, Ratification, StateReporting, Submission, UprReview
from hrplan.treaties._schedule import due_reports

__all__ = ["ratifications_from_data", "ratifications_schema", "read_ratifications"]

_T = TypeVar("_T")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INSTRUMENTS = ("ratification", "accession", "succession")


def read_ratifications(path: str | os.PathLike[str]) -> StateReporting:
    """Read a ratifications file.

    :raises FormatError: when the file cannot be opened.
    :raises InputError: listing every problem with its JSON path
        (``$.ratifications[2].entry_into_force``), or the line and column of a JSON
        syntax error.
    """
    source = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise FormatError(f"cannot read {source}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise InputError(source, [Problem("$", f"not UTF-8 text: {exc.reason}")]) from None
    except json.JSONDecodeError as exc:
        raise InputError(source, [Problem(f"line {exc.lineno}, column {exc.colno}", f"not JSON: {exc.msg}")]) \
            from None
    return ratifications_from_data(data, source)


def ratifications_from_data(data: Any, source: str = "<data>") -> StateReporting:
    """Build a :class:`StateReporting` from parsed JSON.

    Besides the form of each field, it checks that every treaty code is known, that
    a treaty is ratified once, that overrides and submissions name ratified
    treaties, and that the overrides of each treaty can be applied
    (:func:`~hrplan.treaties.due_reports`, without the predictable cycle).

    :raises InputError: listing every problem with its JSON path.
    """
    reader = _Reader()
    state = reader.build(data)
    if reader.problems:
        raise InputError(source, reader.problems)
    assert state is not None
    return state


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, location: str, message: str, kind: str) -> None:
        self.problems.append(Problem(location, message, kind))

    def build(self, data: Any) -> StateReporting | None:
        top = self.fields(data, "$", required=("state", "ratifications"),
                          optional=("overrides", "submitted", "upr", "cycle_from", "notes", "$schema"))
        if top is None:
            return None
        state = self.get(top, "state", "$", self.text)
        self.get(top, "notes", "$", self.text)
        ratifications = [self.ratification(item, path) for item, path in self.items(top, "ratifications")]
        overrides = [self.override(item, path) for item, path in self.items(top, "overrides")]
        submitted = [s for item, path in self.items(top, "submitted") for s in self.submission(item, path)]
        review, cycle, held = self.upr(top["upr"], "$.upr") if "upr" in top else (None, 1, [])
        cycle_from = self.cycle_from(top["cycle_from"], "$.cycle_from") if "cycle_from" in top else {}
        if self.problems or state is None:
            return None
        chosen = [r for r in ratifications if r is not None]
        self.cross_check(chosen, overrides, submitted, cycle_from)
        return StateReporting(
            state,
            tuple(chosen),
            tuple(o for o, _ in overrides if o is not None),
            tuple(s for s, _ in submitted),
            review,
            cycle,
            tuple(held),
            {code: day for code, day in cycle_from.items() if day is not None},
        )

    # --- the parts of the file

    def ratification(self, data: Any, path: str) -> Ratification | None:
        fields = self.fields(data, path, required=("treaty",),
                             optional=("entry_into_force", "deposit", "instrument", "note"))
        if fields is None:
            return None
        treaty = self.get(fields, "treaty", path, self.treaty)
        in_force = self.get(fields, "entry_into_force", path, self.day)
        deposit = self.get(fields, "deposit", path, self.day)
        instrument = self.get(fields, "instrument", path, self.instrument)
        note = self.get(fields, "note", path, self.text)
        if "entry_into_force" not in fields and "deposit" not in fields:
            self.problem(path, "give entry_into_force, or deposit to compute it from", "missing-field")
        if treaty is None or (in_force is None and deposit is None):
            return None
        computed = in_force is None
        if in_force is None:
            assert deposit is not None
            in_force = entry_into_force(treaty, deposit)
        if deposit is not None and deposit > in_force:
            self.problem(f"{path}.deposit", f"{deposit} is after entry into force ({in_force})", "bad-date")
            return None
        return Ratification(treaty, in_force, deposit, instrument, note, computed)

    def override(self, data: Any, path: str) -> tuple[Override | None, str]:
        fields = self.fields(data, path, required=("treaty", "due"), optional=("number", "source", "note"))
        if fields is None:
            return None, path
        treaty = self.get(fields, "treaty", path, self.treaty)
        due = self.get(fields, "due", path, self.day)
        number = self.get(fields, "number", path, self.number)
        source = self.get(fields, "source", path, self.text)
        self.get(fields, "note", path, self.text)
        if treaty is None or due is None or ("number" in fields and number is None):
            return None, path
        return Override(treaty, due, source, number), path

    def submission(self, data: Any, path: str) -> list[tuple[Submission, str]]:
        fields = self.fields(data, path, required=("treaty", "number"), optional=("date", "document", "note"))
        if fields is None:
            return []
        treaty = self.get(fields, "treaty", path, self.treaty)
        value = fields.get("number")
        if "number" not in fields:
            numbers: list[int | None] = [None]
        elif isinstance(value, list):
            numbers = [self.number(n, f"{path}.number[{i}]") for i, n in enumerate(value)]
            if not value:
                self.problem(f"{path}.number", "an empty list: give the numbers the report combines", "bad-value")
        else:
            numbers = [self.number(value, f"{path}.number")]
        on = self.get(fields, "date", path, self.day)
        document = self.get(fields, "document", path, self.text)
        self.get(fields, "note", path, self.text)
        if treaty is None or any(n is None for n in numbers) or ("date" in fields and on is None):
            return []
        return [(Submission(treaty, n, on, document), path) for n in numbers if n is not None]

    def upr(self, data: Any, path: str) -> tuple[date | None, int, list[UprReview]]:
        fields = self.fields(data, path, required=(), optional=("review", "cycle", "held", "note"))
        if fields is None:
            return None, 1, []
        review = self.get(fields, "review", path, self.day)
        cycle = self.get(fields, "cycle", path, self.number)
        self.get(fields, "note", path, self.text)
        held = []
        for item, item_path in self.items(fields, "held", path):
            entry = self.fields(item, item_path, required=("cycle", "date"), optional=("session", "source"))
            if entry is None:
                continue
            number = self.get(entry, "cycle", item_path, self.number)
            day = self.get(entry, "date", item_path, self.day)
            session = self.get(entry, "session", item_path, self.number)
            source = self.get(entry, "source", item_path, self.text)
            if number is not None and day is not None:
                held.append(UprReview(number, day, session, source))
        return review, cycle or 1, held

    def cycle_from(self, data: Any, path: str) -> dict[str, date | None]:
        if not isinstance(data, dict):
            self.problem(path, f"expected an object, not {_kind(data)}", "bad-type")
            return {}
        found: dict[str, date | None] = {}
        for key, value in data.items():
            code = self.treaty(key, f"{path}.{key}")
            day = self.day(value, f"{path}.{key}")
            if code is not None:
                found[code] = day
        return found

    def cross_check(
        self,
        ratifications: list[Ratification],
        overrides: list[tuple[Override | None, str]],
        submitted: list[tuple[Submission, str]],
        cycle_from: dict[str, date | None],
    ) -> None:
        ratified: dict[str, Ratification] = {}
        for index, ratification in enumerate(ratifications):
            if ratification.treaty in ratified:
                self.problem(f"$.ratifications[{index}].treaty", f"{ratification.treaty} is listed twice",
                             "duplicate-treaty")
            ratified.setdefault(ratification.treaty, ratification)
        for override, path in overrides:
            if override is not None and override.treaty not in ratified:
                self.problem(f"{path}.treaty", f"{override.treaty} is not among the ratifications", "not-ratified")
        for submission, path in submitted:
            if submission.treaty not in ratified:
                self.problem(f"{path}.treaty", f"{submission.treaty} is not among the ratifications", "not-ratified")
        for code in cycle_from:
            if code not in ratified:
                self.problem(f"$.cycle_from.{code}", f"{code} is not among the ratifications", "not-ratified")
        for code, ratification in ratified.items():
            own = sorted(((o, p) for o, p in overrides if o is not None and o.treaty == code),
                         key=lambda pair: (pair[0].due, pair[0].number or 0))
            for count, (_, path) in enumerate(own, start=1):
                try:
                    due_reports(ratification, until=ratification.entry_into_force,
                                overrides=[o for o, _ in own[:count]])
                except ModelError as exc:
                    self.problem(path, str(exc), "bad-override")
                    break

    # --- values

    def get(self, fields: dict[str, Any], key: str, path: str, check: Callable[[Any, str], _T]) -> _T | None:
        """``check`` applied to ``fields[key]``, or ``None`` when the key is absent."""
        return check(fields[key], f"{path}.{key}") if key in fields else None

    def fields(
        self, data: Any, path: str, *, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Any] | None:
        if not isinstance(data, dict):
            self.problem(path, f"expected an object, not {_kind(data)}", "bad-type")
            return None
        for key in required:
            if key not in data:
                self.problem(path, f"missing {key!r}", "missing-field")
        for key in data:
            if key not in required and key not in optional:
                known = ", ".join(required + optional)
                self.problem(f"{path}.{key}", f"unknown field (known: {known})", "unknown-field")
        return data

    def items(self, data: dict[str, Any], key: str, path: str = "$") -> list[tuple[Any, str]]:
        if key not in data:
            return []
        value = data[key]
        if not isinstance(value, list):
            self.problem(f"{path}.{key}", f"expected a list, not {_kind(value)}", "bad-type")
            return []
        return [(item, f"{path}.{key}[{index}]") for index, item in enumerate(value)]

    def text(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.problem(path, f"expected a non-empty string, not {_kind(value)}", "bad-type")
            return None
        return value

    def treaty(self, value: Any, path: str) -> str | None:
        code = self.text(value, path)
        if code is not None and code not in TREATIES:
            self.problem(path, f"unknown treaty {code!r} (known: {', '.join(TREATIES)})", "unknown-treaty")
            return None
        return code

    def instrument(self, value: Any, path: str) -> str | None:
        if value not in _INSTRUMENTS:
            self.problem(path, f"expected one of {', '.join(_INSTRUMENTS)}, not {value!r}", "bad-value")
            return None
        return str(value)

    def day(self, value: Any, path: str) -> date | None:
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            self.problem(path, f"expected a date as YYYY-MM-DD, not {value!r}", "bad-date")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            self.problem(path, f"not a date: {value!r} ({exc})", "bad-date")
            return None

    def number(self, value: Any, path: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem(path, f"expected a whole number from 1, not {value!r}", "bad-value")
            return None
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


_DATE_SCHEMA: dict[str, Any] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TEXT: dict[str, Any] = {"type": "string", "minLength": 1}
_NUMBER: dict[str, Any] = {"type": "integer", "minimum": 1}
_TREATY: dict[str, Any] = {"enum": list(TREATIES)}

_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "hrplan ratifications file",
    "type": "object",
    "required": ["state", "ratifications"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string"},
        "state": _TEXT,
        "notes": _TEXT,
        "ratifications": {"type": "array", "items": {
            "type": "object",
            "required": ["treaty"],
            "anyOf": [{"required": ["entry_into_force"]}, {"required": ["deposit"]}],
            "additionalProperties": False,
            "properties": {
                "treaty": _TREATY, "entry_into_force": _DATE_SCHEMA, "deposit": _DATE_SCHEMA,
                "instrument": {"enum": list(_INSTRUMENTS)}, "note": _TEXT,
            },
        }},
        "overrides": {"type": "array", "items": {
            "type": "object",
            "required": ["treaty", "due"],
            "additionalProperties": False,
            "properties": {"treaty": _TREATY, "due": _DATE_SCHEMA, "number": _NUMBER, "source": _TEXT, "note": _TEXT},
        }},
        "submitted": {"type": "array", "items": {
            "type": "object",
            "required": ["treaty", "number"],
            "additionalProperties": False,
            "properties": {
                "treaty": _TREATY,
                "number": {"oneOf": [_NUMBER, {"type": "array", "items": _NUMBER, "minItems": 1}]},
                "date": _DATE_SCHEMA, "document": _TEXT, "note": _TEXT,
            },
        }},
        "cycle_from": {
            "type": "object",
            "propertyNames": _TREATY,
            "additionalProperties": _DATE_SCHEMA,
        },
        "upr": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "review": _DATE_SCHEMA, "cycle": _NUMBER, "note": _TEXT,
                "held": {"type": "array", "items": {
                    "type": "object",
                    "required": ["cycle", "date"],
                    "additionalProperties": False,
                    "properties": {"cycle": _NUMBER, "date": _DATE_SCHEMA, "session": _NUMBER, "source": _TEXT},
                }},
            },
        },
    },
}


def ratifications_schema() -> dict[str, Any]:
    """The ratifications file format as a JSON Schema (draft 2020-12).

    The reader checks more than the schema can say: that treaties are ratified once,
    that overrides and submissions name ratified treaties, that dates exist.
    """
    return copy.deepcopy(_SCHEMA)
