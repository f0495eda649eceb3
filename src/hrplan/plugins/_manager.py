"""The plugin manager: loads plugins, collects what they register, reports problems."""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pluggy

from hrplan.labels import Labels, as_labels
from hrplan.model import Institution
from hrplan.plugins._collect import Registered, call_register_hook
from hrplan.plugins._hookspecs import HookSpecs
from hrplan.plugins._loading import Candidate, PluginSettings, candidates
from hrplan.plugins._problems import PluginError, PluginProblem, PluginWarning
from hrplan.plugins._protocols import Exporter, Importer, Validator
from hrplan.timelimits import Vocabulary

__all__ = ["PluginInfo", "PluginManager"]

_REQUIRED = {
    "register_exporters": ("name", "extensions", "export"),
    "register_importers": ("name", "extensions", "read"),
    "register_validators": ("name", "codes", "validate"),
}


@attrs.frozen
class PluginInfo:
    """One row of ``hrplan plugins``.

    :ivar name: the plugin's name.
    :ivar version: its distribution's version.
    :ivar distribution: the distribution that provides it.
    :ivar builtin: whether it ships with hrplan.
    :ivar loaded: whether it is loaded (False when blocked, not allowed or broken).
    :ivar hooks: the hooks it implements.
    :ivar problems: what went wrong with it.
    """

    name: str
    version: str | None
    distribution: str | None
    builtin: bool
    loaded: bool
    hooks: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


class PluginManager:
    """Loads hrplan plugins and gives typed access to what they register.

    Most code uses the process-wide instance from :func:`hrplan.plugins.get_manager`.
    """

    def __init__(self, settings: PluginSettings | None = None, *, load_entry_points: bool = True) -> None:
        self.settings = settings if settings is not None else PluginSettings.from_environment()
        self.pm = pluggy.PluginManager("hrplan")
        self.pm.add_hookspecs(HookSpecs)
        self.problems: list[PluginProblem] = []
        self._candidates: dict[str, Candidate] = {}
        self._collected: dict[str, list[Registered]] | None = None
        self._labels: Labels | None = None
        for candidate in candidates(load_entry_points):
            self._load(candidate)

    def _report(self, problem: PluginProblem) -> None:
        if self.settings.strict:
            raise PluginError(str(problem))
        self.problems.append(problem)
        warnings.warn(str(problem), PluginWarning, stacklevel=3)

    def _load(self, candidate: Candidate) -> None:
        self._candidates[candidate.name] = candidate
        if not self.settings.wants(candidate.name, builtin=candidate.builtin):
            self.pm.set_blocked(candidate.name)
            return
        try:
            plugin = candidate.load()
        except Exception as exc:  # a broken plugin must not break the host
            self._report(PluginProblem(candidate.name, f"failed to import: {type(exc).__name__}: {exc}"))
            return
        self.register(plugin, candidate.name)

    def register(self, plugin: object, name: str | None = None) -> str | None:
        """Register a plugin object (a module or an instance with hook implementations).

        Tests use this to add a plugin for one test; pair it with :meth:`unregister`.
        Returns the name it was registered under, or ``None`` when it was refused.
        """
        try:
            registered = self.pm.register(plugin, name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            self._report(PluginProblem(name or repr(plugin), f"cannot be registered: {exc}"))
            return None
        if registered is not None:
            self._check_unknown_hooks(plugin, registered)
        self._collected = None
        self._labels = None
        return registered

    def unregister(self, name: str) -> None:
        """Remove the plugin registered under ``name``."""
        self.pm.unregister(name=name)
        self._collected = None
        self._labels = None

    def _check_unknown_hooks(self, plugin: object, name: str) -> None:
        hooks = {n for n in dir(HookSpecs) if n.startswith("register_")}
        for attribute in dir(plugin):
            if attribute in hooks or self.pm.parse_hookimpl_opts(plugin, attribute) is None:
                continue
            close = difflib.get_close_matches(attribute, sorted(hooks), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            self._report(PluginProblem(name, f"implementation {attribute!r} matches no hook{hint}"))

    def registered(self, hook_name: str) -> list[Registered]:
        """Everything registered through ``hook_name``, in loading order."""
        if self._collected is None:
            self._collected = {}
        if hook_name not in self._collected:
            items: list[Registered] = []
            call_register_hook(self.pm, hook_name, self._acceptor(hook_name, items), self._report, self.settings.trace)
            self._collected[hook_name] = items
        return self._collected[hook_name]

    def _acceptor(self, hook_name: str, items: list[Registered]) -> Callable[[Registered], None]:
        required = _REQUIRED.get(hook_name, ())

        def accept(entry: Registered) -> None:
            missing = [a for a in required if not hasattr(entry.item, a)]
            if missing:
                message = f"registered {entry.item!r} in {hook_name} without {', '.join(missing)}"
                self._report(PluginProblem(entry.plugin, message))
                return
            if required and self._conflicts(hook_name, entry, items):
                return
            items.append(entry)

        return accept

    def _conflicts(self, hook_name: str, entry: Registered, items: Iterable[Registered]) -> bool:
        for other in items:
            if other.item.name == entry.item.name:
                what = hook_name.removeprefix("register_").rstrip("s")
                message = (
                    f"{what} name {entry.item.name!r} is already registered by plugin "
                    f"{other.plugin!r}; plugin {entry.plugin!r}'s is ignored"
                )
                self._report(PluginProblem(entry.plugin, message))
                return True
        return False

    def infos(self) -> list[PluginInfo]:
        """One :class:`PluginInfo` per known plugin, loaded or not."""
        for hook in ("register_exporters", "register_importers", "register_validators"):
            self.registered(hook)
        rows = []
        for name, candidate in self._candidates.items():
            rows.append(self._info(name, candidate))
        known = set(self._candidates)
        for name, plugin in self.pm.list_name_plugin():
            if name not in known and plugin is not None:
                rows.append(self._info(name, None))
        return rows

    def _info(self, name: str, candidate: Candidate | None) -> PluginInfo:
        plugin = self.pm.get_plugin(name)
        hooks = tuple(sorted(c.name for c in self.pm.get_hookcallers(plugin) or ())) if plugin else ()
        problems = tuple(p.message for p in self.problems if p.plugin == name)
        return PluginInfo(
            name=name,
            version=candidate.version if candidate else None,
            distribution=candidate.distribution if candidate else None,
            builtin=candidate.builtin if candidate else False,
            loaded=plugin is not None,
            hooks=hooks,
            problems=problems,
        )

    def items(self, hook_name: str) -> list[Any]:
        """The objects registered through ``hook_name`` (without plugin names)."""
        return [entry.item for entry in self.registered(hook_name)]

    def exporters(self) -> dict[str, Exporter]:
        """Registered exporters by name."""
        return {e.name: e for e in self.items("register_exporters")}

    def importers(self) -> dict[str, Importer]:
        """Registered importers by name."""
        return {i.name: i for i in self.items("register_importers")}

    def validators(self) -> dict[str, Validator]:
        """Registered validators by name."""
        return {v.name: v for v in self.items("register_validators")}

    def vocabularies(self) -> list[Vocabulary]:
        """Registered time-limit vocabularies, in loading order."""
        return [v for v in self.items("register_time_limit_vocabularies") if isinstance(v, Vocabulary)]

    def institution_registries(self) -> dict[str, list[Institution]]:
        """Known institutions registered for each country code (upper case)."""
        result: dict[str, list[Institution]] = {}
        for country, institutions in self.items("register_institution_registries"):
            result.setdefault(str(country).upper(), []).extend(institutions)
        return result

    def labels(self) -> Labels:
        """The label vocabulary: hrplan's own, extended by every registered label."""
        if self._collected is not None and self._labels is not None:
            return self._labels
        extra = []
        for entry in self.registered("register_labels"):
            try:
                extra += as_labels(entry.item)
            except ValueError as exc:
                self._report(PluginProblem(entry.plugin, f"registered labels that cannot be read: {exc}"))
        self._labels = Labels.default().extended(extra)
        return self._labels
