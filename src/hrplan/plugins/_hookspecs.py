"""The hooks a plugin can implement: the contract between hrplan and its plugins.

Every hook receives a ``register`` callback; the plugin calls it once per thing
it provides. hrplan owns names, collisions and ordering, so hooks can gain new
keyword arguments later without breaking plugins (pluggy passes each
implementation only the arguments it names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pluggy

__all__ = ["HookSpecs", "hookimpl", "hookspec"]

#: Marks a hook specification (hrplan's side of the contract).
hookspec = pluggy.HookspecMarker("hrplan")
#: Marks a hook implementation in a plugin: ``@hrplan.hookimpl``.
hookimpl = pluggy.HookimplMarker("hrplan")


class HookSpecs:
    """The hook specifications. Each method documents one hook."""

    @hookspec
    def register_exporters(self, register: Callable[[Any], None]) -> None:
        """Register exporters: objects with ``name``, ``extensions``, ``media_type``,
        ``description`` and ``export(program, fp, **options)`` writing bytes to ``fp``.
        """

    @hookspec
    def register_importers(self, register: Callable[[Any], None]) -> None:
        """Register importers: objects with ``name``, ``extensions``, ``description``,
        an optional ``sniff(head: bytes) -> bool`` and ``read(fp, **options)``
        returning a ``Program`` or an ``ImportResult``.
        """

    @hookspec
    def register_validators(self, register: Callable[[Any], None]) -> None:
        """Register validators: objects with ``name``, ``codes`` (a mapping of each
        code they may emit to a one-line description) and
        ``validate(program, **options) -> Iterable[Finding]``.
        """

    @hookspec
    def register_time_limit_vocabularies(self, register: Callable[[Any], None]) -> None:
        """Register :class:`hrplan.Vocabulary` objects: extra time-limit phrasings
        or languages for :func:`hrplan.parse_time_limit`.
        """

    @hookspec
    def register_institution_registries(self, register: Callable[[str, Iterable[Any]], None]) -> None:
        """Register known institutions for a country: ``register(country, institutions)``
        with an ISO 3166-1 alpha-2 code and :class:`hrplan.Institution` objects
        (name, aliases, kind, parent) used to recognise names in imported plans.
        """

    @hookspec
    def register_table_layouts(self, register: Callable[[Any], None]) -> None:
        """Register table layouts (:class:`hrplan.tables.TableLayout`): ways of laying
        out a plan or a list of recommendations as a table, recognised by what the
        cells hold and read by every container importer (CSV, Excel, Word).
        """

    @hookspec
    def register_labels(self, register: Callable[[Any], None]) -> None:
        """Register labels plans use: :class:`hrplan.labels.Label` objects, a
        :class:`hrplan.labels.Labels` vocabulary, or a mapping of label to meaning
        (``{"Focal point": "lead"}``), read by the text and table importers.
        """
