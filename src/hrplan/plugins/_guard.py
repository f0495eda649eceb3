"""Containing the faults of plugins: what an exporter, importer or validator raises.

The manager hands out each registered object wrapped in a :class:`Guarded`,
which behaves as the object itself (attributes, ``isinstance``) except that its
``export``, ``read``, ``sniff`` and ``validate`` cannot end the host with a bare
Python exception:

- an :class:`~hrplan.HrplanError` passes unchanged (it is the documented way to refuse);
- an exporter that fails on a program holding values no format can write (a
  lone surrogate, a number beyond the limits, both only possible through the
  Python API) raises :class:`~hrplan.limits.LimitError` naming their places;
- any other exception, ``sys.exit()`` included, becomes a :class:`PluginError`
  naming the plugin and what it was doing, the original as its ``__cause__``;
- a ``sniff`` that raises counts as "not my format", with a :class:`PluginWarning`;
- a ``validate`` that raises gives one ``HP000`` error finding naming the plugin,
  and the other validators still run.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any

from hrplan.errors import HrplanError
from hrplan.findings import Finding, Severity
from hrplan.limits import LimitError
from hrplan.model import Program
from hrplan.model._limits import limit_problems
from hrplan.plugins._problems import PluginError, PluginWarning

__all__ = ["Guarded", "describe"]

_DOING = {
    "export": "writing a program",
    "read": "reading a file",
    "validate": "checking a program",
}


class Guarded:
    """A registered exporter, importer or validator whose faults are contained."""

    def __init__(self, item: Any, plugin: str, kind: str) -> None:
        object.__setattr__(self, "_item", item)
        object.__setattr__(self, "_plugin", plugin)
        object.__setattr__(self, "_kind", kind)

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # so that isinstance() sees the plugin's own class
        return type(self._item)

    @property
    def unwrapped(self) -> Any:
        """The object exactly as the plugin registered it."""
        return self._item

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._item, name)
        if name == "sniff" and callable(value):
            return self._sniff(value)
        if name in _DOING and callable(value):
            return self._guard(name, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._item, name, value)

    def __repr__(self) -> str:
        return repr(self._item)

    def __eq__(self, other: object) -> bool:
        return bool(self._item == (other.unwrapped if isinstance(other, Guarded) else other))

    def __hash__(self) -> int:
        return hash(self._item)

    def _what(self) -> str:
        return f"plugin {self._plugin!r}: {self._kind} {getattr(self._item, 'name', '?')!r}"

    def _guard(self, action: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                result = method(*args, **kwargs)
                return list(result) if action == "validate" else result
            except HrplanError:
                raise
            except (Exception, SystemExit) as exc:
                if action == "validate":
                    return [Finding(Severity.ERROR, "HP000", f"{self._what()} failed: {describe(exc)}")]
                if action == "export" and args and isinstance(args[0], Program):
                    _refuse_unwritable(args[0], exc)
                raise PluginError(f"{self._what()} failed while {_DOING[action]}: {describe(exc)}") from exc

        return call

    def _sniff(self, method: Callable[[bytes], Any]) -> Callable[[bytes], bool]:
        @functools.wraps(method)
        def sniff(head: bytes) -> bool:
            try:
                return bool(method(head))
            except (Exception, SystemExit) as exc:
                warnings.warn(f"{self._what()} failed to recognise a file, skipped: {describe(exc)}",
                              PluginWarning, stacklevel=2)
                return False

        return sniff


def describe(exc: BaseException) -> str:
    """An exception in one line: its type and the first line of its message."""
    if isinstance(exc, SystemExit):
        return f"called sys.exit({exc.code!r})"
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


def _refuse_unwritable(program: Program, exc: BaseException) -> None:
    problems = limit_problems(program)
    if problems:
        lines = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise LimitError(f"the program holds values no format can write:\n{lines}{more}") from exc
