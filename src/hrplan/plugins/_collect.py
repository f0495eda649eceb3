"""Calling the ``register_*`` hooks one plugin at a time, so one failure stays local."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import attrs
import pluggy

from hrplan.plugins._guard import describe
from hrplan.plugins._problems import PluginProblem

__all__ = ["Registered", "call_register_hook"]


@attrs.frozen
class Registered:
    """Something a plugin registered, and which plugin did.

    :ivar item: the exporter, importer, validator, vocabulary...
    :ivar plugin: the name of the plugin that registered it.
    """

    item: Any
    plugin: str


def call_register_hook(
    pm: pluggy.PluginManager,
    hook_name: str,
    accept: Callable[[Registered], None],
    report: Callable[[PluginProblem], None],
    trace: bool = False,
) -> None:
    """Call ``hook_name`` on every plugin, in the order they were loaded (built-ins first).

    Each call gets its own ``register`` callback that tags what it receives with
    the plugin's name and hands it to ``accept``. A plugin that raises is
    reported through ``report`` and the others still run.
    """
    caller = getattr(pm.hook, hook_name)
    for impl in caller.get_hookimpls():
        name = impl.plugin_name

        def register(item: Any, *args: Any, _plugin: str = name) -> None:
            accept(Registered(item if not args else (item, *args), _plugin))

        if trace:
            print(f"hrplan: calling {hook_name} of plugin {name!r}", file=sys.stderr)
        arguments = {"register": register}
        try:
            impl.function(*(arguments[a] for a in impl.argnames))
        except (Exception, SystemExit) as exc:  # a plugin's bug (even sys.exit) must not end the host
            report(PluginProblem(name, f"raised in {hook_name}: {describe(exc)}"))
