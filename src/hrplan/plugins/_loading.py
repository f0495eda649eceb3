"""Finding plugins: the built-in modules and the ``hrplan`` entry points."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING

import attrs

from hrplan._version import __version__

if TYPE_CHECKING:
    from importlib import metadata

__all__ = ["BUILTIN_PLUGINS", "ENTRY_POINT_GROUP", "Candidate", "PluginSettings", "candidates"]

#: The entry-point group third-party plugins declare.
ENTRY_POINT_GROUP = "hrplan"

#: Built-in plugins: registered through the same hooks as third-party ones.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("hrplan.json", "hrplan.builtins.json_format"),
    ("hrplan.csv", "hrplan.builtins.csv_format"),
    ("hrplan.markdown", "hrplan.builtins.markdown_format"),
    ("hrplan.text", "hrplan.builtins.text_format"),
    ("hrplan.validators", "hrplan.builtins.validators"),
    ("hrplan.events-csv", "hrplan.builtins.events_csv"),
    ("hrplan.upr-csv", "hrplan.builtins.upr_csv"),
    ("hrplan.recommendations", "hrplan.builtins.recommendations"),
    ("hrplan.plan-table", "hrplan.builtins.plan_table"),
    ("hrplan.csv-table", "hrplan.builtins.csv_table"),
)


def _names(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(name.strip() for name in value.split(",") if name.strip())


@attrs.frozen
class PluginSettings:
    """Which plugins to load, from the environment.

    :ivar allowed: ``HRPLAN_PLUGINS``: only these third-party plugins load
        (``None``: all; an empty set: none).
    :ivar blocked: ``HRPLAN_DISABLE_PLUGINS``: these never load (built-ins included).
    :ivar strict: ``HRPLAN_STRICT_PLUGINS=1``: a broken plugin is an error.
    :ivar trace: ``HRPLAN_TRACE_PLUGINS=1``: print every hook call to stderr.
    """

    allowed: frozenset[str] | None = None
    blocked: frozenset[str] = frozenset()
    strict: bool = False
    trace: bool = False

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> PluginSettings:
        """Read the ``HRPLAN_*`` variables (from ``os.environ`` by default)."""
        env = os.environ if environ is None else environ
        return cls(
            allowed=_names(env.get("HRPLAN_PLUGINS")),
            blocked=_names(env.get("HRPLAN_DISABLE_PLUGINS")) or frozenset(),
            strict=env.get("HRPLAN_STRICT_PLUGINS", "") not in ("", "0"),
            trace=env.get("HRPLAN_TRACE_PLUGINS", "") not in ("", "0"),
        )

    def wants(self, name: str, *, builtin: bool) -> bool:
        """Whether the plugin called ``name`` should load."""
        if name in self.blocked:
            return False
        return builtin or self.allowed is None or name in self.allowed


@attrs.frozen
class Candidate:
    """A plugin that may be loaded.

    :ivar name: its name: the entry-point name, or ``hrplan.<x>`` for a built-in.
    :ivar target: the module (or ``module:object``) that holds its hook implementations.
    :ivar builtin: whether it ships with hrplan.
    :ivar distribution: the distribution that declares it.
    :ivar version: that distribution's version.
    """

    name: str
    target: str
    builtin: bool
    distribution: str | None = None
    version: str | None = None
    entry_point: metadata.EntryPoint | None = attrs.field(default=None, eq=False, repr=False)

    def load(self) -> object:
        """Import the plugin object (a module, usually)."""
        if self.entry_point is not None:
            loaded: object = self.entry_point.load()
            return loaded
        module: ModuleType = importlib.import_module(self.target)
        return module


def candidates(load_entry_points: bool = True) -> Iterator[Candidate]:
    """The built-in plugins, then the entry points of the ``hrplan`` group by name."""
    for name, module in BUILTIN_PLUGINS:
        yield Candidate(name, module, True, "hrplan", __version__)
    if not load_entry_points:
        return
    # Imported here: importlib.metadata costs tens of milliseconds, paid only when plugins load.
    from importlib import metadata

    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = ep.dist
        yield Candidate(
            ep.name,
            ep.value,
            False,
            dist.metadata["Name"] if dist else None,
            dist.version if dist else None,
            ep,
        )
