"""The plugin system: hooks, loading, and the process-wide plugin manager.

Plugins are modules (or objects) with functions marked ``@hrplan.hookimpl``,
declared by an entry point in the ``hrplan`` group::

    [project.entry-points.hrplan]
    workload = "hrplan_workload"

The built-in formats and checks are plugins too, registered through the same hooks.
"""

from __future__ import annotations

import threading

from hrplan.plugins._collect import Registered
from hrplan.plugins._hookspecs import HookSpecs, hookimpl, hookspec
from hrplan.plugins._loading import BUILTIN_PLUGINS, ENTRY_POINT_GROUP, PluginSettings
from hrplan.plugins._manager import PluginInfo, PluginManager
from hrplan.plugins._problems import PluginError, PluginProblem, PluginWarning
from hrplan.plugins._protocols import Exporter, Importer, ImportResult, Validator

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "Exporter",
    "HookSpecs",
    "ImportResult",
    "Importer",
    "PluginError",
    "PluginInfo",
    "PluginManager",
    "PluginProblem",
    "PluginSettings",
    "PluginWarning",
    "Registered",
    "Validator",
    "get_manager",
    "hookimpl",
    "hookspec",
    "reset_manager",
]

_lock = threading.Lock()
_manager: PluginManager | None = None


def get_manager() -> PluginManager:
    """The process-wide plugin manager, created (and plugins loaded) on first use."""
    global _manager
    with _lock:
        if _manager is None:
            _manager = PluginManager()
        return _manager


def reset_manager(manager: PluginManager | None = None) -> None:
    """Replace the process-wide manager (``None``: load afresh on next use).

    For tests and for programs that change ``HRPLAN_*`` variables at run time.
    """
    global _manager
    with _lock:
        _manager = manager
