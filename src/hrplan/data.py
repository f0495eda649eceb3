"""Plain data in and out for any model object: :func:`to_data` and :func:`from_data`.

The data has the shapes of the JSON format (``docs/json-format.md``): dicts,
lists, strings, numbers, booleans and ``None``, ready for ``json.dumps`` or any
web framework. A :class:`~hrplan.Program` gives the whole JSON document
(``format_version`` included); any other object gives the part of the document
that holds it::

    >>> import hrplan
    >>> measure = hrplan.Measure("1.2", "Law drafting", time_limit=hrplan.parse_time_limit("2012"))
    >>> data = hrplan.to_data(measure)
    >>> data["id"], data["time_limit"]["end"]
    ('1.2', '2012-12-31')
    >>> hrplan.from_data(hrplan.Measure, data) == measure
    True
    >>> hrplan.from_data(hrplan.Measure, {"id": "1.2", "title": "Law drafting", "time_limit": "2012"}) == measure
    True

Serialization itself lives in :mod:`hrplan.convert` (and :mod:`hrplan.jsonio` for
whole documents); this module only chooses between them and turns every failure
into an :class:`~hrplan.InputError` whose problem paths point into the data given.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import cattrs

from hrplan import jsonio
from hrplan.convert import make_converter, problems_from
from hrplan.errors import CrossReferenceError, InputError
from hrplan.model import Program

__all__ = ["from_data", "to_data"]

T = TypeVar("T")


@functools.lru_cache(maxsize=1)
def _converter() -> cattrs.Converter:
    return make_converter()


def to_data(obj: Any) -> Any:
    """JSON-ready data for a model object (or a list or tuple of them).

    A program gives its JSON document, exactly what :func:`hrplan.write` writes
    as JSON; fields that hold their default value are left out, as in the file.
    """
    if isinstance(obj, Program):
        return jsonio.program_to_data(obj)
    return _converter().unstructure(obj)


def from_data(cls: type[T], data: Any, *, source: str = "<data>") -> T:
    """Build a ``cls`` (a model class, or a type such as ``list[hrplan.Event]``) from plain data.

    Time-limits may be given as text (``"March-April 2012"``), measure numbers as
    strings, dates as ISO strings. For a :class:`~hrplan.Program`,
    ``format_version`` may be left out, and every cross-reference is checked
    (inside :func:`hrplan.lenient` broken references are kept instead).

    :param source: names the data in error messages (a file name, ``request body``).
    :raises InputError: listing every problem, each located by a JSON path into
        ``data`` (``$.chapters[0].measures[3].time_limit``).
    """
    if cls is Program:
        if isinstance(data, dict) and "format_version" not in data:
            data = {"format_version": jsonio.FORMAT_VERSION, **data}
        program: T = jsonio.program_from_data(data, source)  # type: ignore[assignment]
        return program
    try:
        return _converter().structure(data, cls)
    except CrossReferenceError as exc:
        raise InputError(source, exc.problems) from None
    except Exception as exc:  # cattrs and the model's validators: reported with paths
        raise InputError(source, problems_from(exc, type_=cls)) from None
