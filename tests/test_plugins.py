"""The plugin manager: built-ins, registration, isolation of broken plugins, control."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any, BinaryIO, ClassVar

import pytest

import hrplan
from hrplan.plugins import (
    PluginError,
    PluginManager,
    PluginSettings,
    PluginWarning,
    get_manager,
    hookimpl,
    reset_manager,
)

from .test_model import small_program


class UpperExporter:
    """A test exporter: the program title in capitals."""

    name = "upper"
    extensions = (".upper.txt",)
    media_type = "text/plain"
    description = "Title in capitals"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        fp.write(program.title.upper().encode())


class UpperPlugin:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        register(UpperExporter())


@pytest.fixture
def manager() -> Iterator[PluginManager]:
    """A fresh manager with the built-ins only, installed process-wide for the test."""
    fresh = PluginManager(PluginSettings(), load_entry_points=False)
    reset_manager(fresh)
    try:
        yield fresh
    finally:
        reset_manager()


def test_builtins_are_plugins(manager: PluginManager) -> None:
    names = {info.name: info for info in manager.infos()}
    assert names["hrplan.json"].builtin
    assert names["hrplan.json"].loaded
    assert "register_exporters" in names["hrplan.json"].hooks
    assert {"json"} <= set(manager.exporters()) & set(manager.importers())


def test_registered_plugin_is_used_by_extension_and_name(manager: PluginManager, tmp_path: Any) -> None:
    name = manager.register(UpperPlugin(), "upper-plugin")
    try:
        hrplan.export(small_program(), tmp_path / "out.upper.txt")
        assert (tmp_path / "out.upper.txt").read_bytes() == b"DEMO"
        buffer = io.BytesIO()
        hrplan.export(small_program(), buffer, format="upper")
        assert buffer.getvalue() == b"DEMO"
    finally:
        assert name is not None
        manager.unregister(name)
    assert "upper" not in manager.exporters()


def test_unknown_format_lists_the_choices(manager: PluginManager) -> None:
    with pytest.raises(hrplan.UnknownFormatError, match=r"no exporter called 'nope'; .* \(available: .*json"):
        hrplan.export(small_program(), io.BytesIO(), format="nope")


def test_plugin_raising_in_a_hook_is_skipped_and_reported(manager: PluginManager) -> None:
    class Broken:
        @hookimpl
        def register_exporters(self, register: Any) -> None:
            raise RuntimeError("boom")

    manager.register(Broken(), "broken")
    with pytest.warns(PluginWarning, match="plugin 'broken': raised in register_exporters: RuntimeError: boom"):
        exporters = manager.exporters()
    assert "json" in exporters
    (info,) = [i for i in manager.infos() if i.name == "broken"]
    assert info.problems == ("raised in register_exporters: RuntimeError: boom",)


def test_implementation_matching_no_hook_is_reported(manager: PluginManager) -> None:
    class Typo:
        @hookimpl
        def register_exporter(self, register: Any) -> None:
            """Misspelt: no such hook."""

    with pytest.warns(PluginWarning, match="matches no hook \\(did you mean register_exporters\\?\\)"):
        manager.register(Typo(), "typo")


def test_two_plugins_with_one_format_name_names_both(manager: PluginManager) -> None:
    manager.register(UpperPlugin(), "first")
    manager.register(UpperPlugin(), "second")
    with pytest.warns(PluginWarning, match="'upper' is already registered by plugin 'first'; plugin 'second'"):
        manager.exporters()


def test_exporter_missing_attributes_is_refused(manager: PluginManager) -> None:
    class Half:
        @hookimpl
        def register_exporters(self, register: Any) -> None:
            register(object())

    manager.register(Half(), "half")
    with pytest.warns(PluginWarning, match="without name, extensions, export"):
        assert "half" not in manager.exporters()


def test_strict_mode_makes_problems_fatal() -> None:
    strict = PluginManager(PluginSettings(strict=True), load_entry_points=False)

    class Broken:
        @hookimpl
        def register_validators(self, register: Any) -> None:
            raise ValueError("bad")

    strict.register(Broken(), "broken")
    with pytest.raises(PluginError, match="plugin 'broken': raised in register_validators"):
        strict.validators()


def test_blocked_builtin_is_not_loaded() -> None:
    blocked = PluginManager(PluginSettings(blocked=frozenset({"hrplan.csv"})), load_entry_points=False)
    info = {i.name: i for i in blocked.infos()}["hrplan.csv"]
    assert not info.loaded
    assert not info.problems
    assert "csv" not in blocked.exporters()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, PluginSettings()),
        ({"HRPLAN_PLUGINS": ""}, PluginSettings(allowed=frozenset())),
        ({"HRPLAN_PLUGINS": "a, b"}, PluginSettings(allowed=frozenset({"a", "b"}))),
        ({"HRPLAN_DISABLE_PLUGINS": "x"}, PluginSettings(blocked=frozenset({"x"}))),
        ({"HRPLAN_STRICT_PLUGINS": "1", "HRPLAN_TRACE_PLUGINS": "0"}, PluginSettings(strict=True)),
    ],
)
def test_settings_from_environment(environ: dict[str, str], expected: PluginSettings) -> None:
    assert PluginSettings.from_environment(environ) == expected


def test_allow_list_never_hides_builtins() -> None:
    settings = PluginSettings(allowed=frozenset())
    assert settings.wants("hrplan.json", builtin=True)
    assert not settings.wants("workload", builtin=False)


def test_process_wide_manager_is_reused() -> None:
    reset_manager()
    try:
        assert get_manager() is get_manager()
    finally:
        reset_manager()


def test_validator_that_raises_becomes_a_finding(manager: PluginManager) -> None:
    class Crashing:
        name = "crashing"
        codes: ClassVar[dict[str, str]] = {"XX001": "never emitted"}

        def validate(self, program: hrplan.Program, **options: Any) -> list[hrplan.Finding]:
            raise ZeroDivisionError("oops")

    class Plugin:
        @hookimpl
        def register_validators(self, register: Any) -> None:
            register(Crashing())

    manager.register(Plugin(), "crashing")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        findings = hrplan.validate(small_program(), select=["HP000"])
    assert [(f.code, f.severity) for f in findings] == [("HP000", hrplan.Severity.ERROR)]
    assert "validator 'crashing' failed: ZeroDivisionError: oops" in findings[0].message


def test_vocabulary_hook_extends_parse_time_limit(manager: PluginManager) -> None:
    german = hrplan.Vocabulary(name="de", ongoing=("ständig",))

    class Plugin:
        @hookimpl
        def register_time_limit_vocabularies(self, register: Any) -> None:
            register(german)

    with pytest.raises(hrplan.TimeLimitError):
        hrplan.parse_time_limit("ständig")
    manager.register(Plugin(), "german")
    assert hrplan.parse_time_limit("ständig").is_ongoing
    with pytest.raises(hrplan.TimeLimitError):
        hrplan.parse_time_limit("ständig", vocabularies=())


def test_institution_registry_hook(manager: PluginManager) -> None:
    known = [hrplan.Institution("moj", "Ministry of Justice", hrplan.InstitutionKind.MINISTRY)]

    class Plugin:
        @hookimpl
        def register_institution_registries(self, register: Any) -> None:
            register("az", known)

    manager.register(Plugin(), "registry")
    assert manager.institution_registries() == {"AZ": known}


def test_content_wins_when_the_extension_importer_refuses_it(manager: PluginManager, tmp_path: Any) -> None:
    """A UPR export saved as .csv is read by upr-csv, not by the CSV importer."""
    upr = tmp_path / "upr-2013.csv"
    upr.write_bytes(
        b"text,to,decision,From,year,notes\r\n"
        b'"109.1. Ratify the protocol (Chile);",azerbaijan,support,Chile,2013,\r\n'
    )
    result = hrplan.load(upr)
    assert [r.paragraph for r in result.program.recommendations] == ["109.1"]


def test_extension_importer_is_kept_when_nothing_else_recognises_the_content(
    manager: PluginManager, tmp_path: Any
) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text('{"id": "x", "title": "X"}')
    with pytest.raises(hrplan.InputError, match="format_version"):
        hrplan.read(plan)
