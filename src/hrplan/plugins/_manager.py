"""The plugin manager: loads plugins, collects what they register, reports problems."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import pluggy

from hrplan.context import ReadContext
from hrplan.labels import Labels, as_labels
from hrplan.model import Institution
from hrplan.plugins._collect import Registered, call_register_hook
from hrplan.plugins._guard import Guarded, describe
from hrplan.plugins._hookspecs import HookSpecs
from hrplan.plugins._loading import Candidate, PluginSettings, candidates
from hrplan.plugins._problems import PluginError, PluginProblem, PluginWarning
from hrplan.plugins._protocols import Exporter, Importer, Validator
from hrplan.tables import TableLayout
from hrplan.timelimits import Vocabulary

__all__ = ["PluginInfo", "PluginManager"]

_REQUIRED = {
    "register_exporters": ("name", "extensions", "export"),
    "register_importers": ("name", "extensions", "read"),
    "register_validators": ("name", "codes", "validate"),
    "register_table_layouts": ("name", "recognise", "read"),
}


@attrs.frozen
class PluginInfo:
    """One row of ``hrplan plugins``.

    :ivar name: the plugin's name.
    :ivar version: its distribution's version.
    :ivar distribution: the distribution that provides it.
    :ivar builtin: whether it ships with hrplan.
    :ivar loaded: whether it is loaded and working (False when blocked, not allowed, or broken:
        it failed to import, a hook raised or registered the wrong kind of object; see ``problems``).
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
        self._collecting = threading.RLock()  # threads that ask at once collect a hook once
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
        except (Exception, SystemExit) as exc:  # a broken plugin must not break (or end) the host
            self._report(PluginProblem(candidate.name, f"failed to import: {describe(exc)}"))
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
            import difflib  # only to suggest a name for a misspelt hook

            close = difflib.get_close_matches(attribute, sorted(hooks), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            self._report(PluginProblem(name, f"implementation {attribute!r} matches no hook{hint}"))

    def registered(self, hook_name: str) -> list[Registered]:
        """Everything registered through ``hook_name``, in loading order."""
        with self._collecting:
            if self._collected is None:
                self._collected = {}
            if hook_name not in self._collected:
                items: list[Registered] = []
                accept = self._acceptor(hook_name, items)
                call_register_hook(self.pm, hook_name, accept, self._report, self.settings.trace)
                self._collected[hook_name] = items
            return self._collected[hook_name]

    def _acceptor(self, hook_name: str, items: list[Registered]) -> Callable[[Registered], None]:
        required = _REQUIRED.get(hook_name, ())

        def accept(entry: Registered) -> None:
            if hook_name == "register_institution_registries":
                entry = _listed(entry)
            missing = [a for a in required if not hasattr(entry.item, a)]
            if missing:
                message = f"registered {_shown(entry.item)} in {hook_name} without {', '.join(missing)}"
                self._report(PluginProblem(entry.plugin, message))
                return
            wrong = _wrong_kind(hook_name, entry.item)
            if wrong:
                self._report(PluginProblem(entry.plugin, f"registered {wrong} in {hook_name}: ignored"))
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
            loaded=plugin is not None and not problems,
            hooks=hooks,
            problems=problems,
        )

    def items(self, hook_name: str) -> list[Any]:
        """The objects registered through ``hook_name`` (without plugin names)."""
        return [entry.item for entry in self.registered(hook_name)]

    def _guarded(self, hook_name: str, kind: str) -> dict[str, Any]:
        """Registered objects by name, each wrapped so that its faults name its plugin (see ``_guard``)."""
        return {e.item.name: Guarded(e.item, e.plugin, kind) for e in self.registered(hook_name)}

    def exporters(self) -> dict[str, Exporter]:
        """Registered exporters by name."""
        return self._guarded("register_exporters", "exporter")

    def importers(self) -> dict[str, Importer]:
        """Registered importers by name."""
        return self._guarded("register_importers", "importer")

    def validators(self) -> dict[str, Validator]:
        """Registered validators by name."""
        return self._guarded("register_validators", "validator")

    def finding_codes(self) -> dict[str, str]:
        """Every finding code of the loaded validators and importers, with its meaning, sorted.

        ``HP000`` (a validator that raised) is always there. Importers list
        theirs in an optional ``codes`` mapping, as validators do.
        """
        codes = {"HP000": "a validator failed: it raised instead of returning findings"}
        for hook in ("register_validators", "register_importers", "register_table_layouts"):
            for item in self.items(hook):
                declared = getattr(item, "codes", None)
                if isinstance(declared, Mapping):
                    codes.update((str(code), str(meaning)) for code, meaning in declared.items())
        return dict(sorted(codes.items()))

    def vocabularies(self) -> list[Vocabulary]:
        """Registered time-limit vocabularies, in loading order."""
        return list(self.items("register_time_limit_vocabularies"))

    def table_layouts(self) -> list[TableLayout]:
        """Registered table layouts, in loading order (built-ins first)."""
        return list(self.items("register_table_layouts"))

    def context(self) -> ReadContext:
        """The read context importers get: what the plugins registered."""
        return ReadContext(
            vocabularies=self.vocabularies(),
            registries=self.institution_registries(),
            table_layouts=self.table_layouts(),
            labels=self.labels(),
        )

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

    def institution_registries(self) -> dict[str, list[Institution]]:
        """Known institutions registered for each country code (upper case)."""
        result: dict[str, list[Institution]] = {}
        for country, institutions in self.items("register_institution_registries"):
            result.setdefault(str(country).upper(), []).extend(institutions)
        return result


def _listed(entry: Registered) -> Registered:
    """A registry entry with its institutions in a tuple, so that checking them does not use them up."""
    item = entry.item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Iterable) and not isinstance(item[1], str):
        try:
            return Registered((item[0], tuple(item[1])), entry.plugin)
        except Exception:  # a plugin's broken iterable: reported as the wrong kind
            return Registered((item[0], None), entry.plugin)
    return entry


def _wrong_kind(hook_name: str, item: Any) -> str | None:
    """What is wrong with an object of the wrong kind registered through ``hook_name``, or ``None``."""
    if hook_name == "register_time_limit_vocabularies" and not isinstance(item, Vocabulary):
        return f"{_shown(item)}, which is not a hrplan.Vocabulary,"
    if hook_name == "register_institution_registries":
        country, institutions = item if isinstance(item, tuple) and len(item) == 2 else (None, None)
        if not isinstance(country, str) or not isinstance(institutions, Iterable) or isinstance(institutions, str):
            return f"{_shown(item)}, which is not (country, institutions),"
        bad = [i for i in institutions if not isinstance(i, Institution)]
        if bad:
            return f"{_shown(bad[0])} for {country!r}, which is not a hrplan.Institution,"
    if hook_name in _REQUIRED and not isinstance(getattr(item, "name", None), str):
        return f"{_shown(item)} whose name is not a string,"
    return None


def _shown(item: Any) -> str:
    try:
        text = repr(item)
    except Exception:  # a plugin's broken __repr__
        text = f"<{type(item).__name__} object>"
    return text if len(text) <= 80 else text[:77] + "..."
