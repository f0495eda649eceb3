"""Problems with plugins: reported by name, fatal only in strict mode."""

from __future__ import annotations

import attrs

from hrplan.errors import HrplanError

__all__ = ["PluginError", "PluginProblem", "PluginWarning"]


class PluginError(HrplanError):
    """A plugin could not be loaded or used, in strict mode (``HRPLAN_STRICT_PLUGINS=1``),
    or a format name that no plugin provides."""


class PluginWarning(UserWarning):
    """Warned when a plugin is skipped because it failed to import or raised in a hook."""


@attrs.frozen
class PluginProblem:
    """Something wrong with one plugin.

    :ivar plugin: the plugin's name (its entry-point name, or ``hrplan.csv`` for a built-in).
    :ivar message: what went wrong.
    """

    plugin: str
    message: str

    def __str__(self) -> str:
        return f"plugin {self.plugin!r}: {self.message}"
