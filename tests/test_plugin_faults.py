"""Faults of plugins are contained: one line naming the plugin, exit status 2, never a traceback."""

from __future__ import annotations

import io
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import pytest

import hrplan
from hrplan.cli import main
from hrplan.errors import UnknownFormatError
from hrplan.plugins import PluginError, PluginManager, PluginSettings, PluginWarning, hookimpl, reset_manager

PLAN = Path(__file__).resolve().parent.parent / "examples" / "data" / "az-2012.json"


def _boom() -> None:
    raise ZeroDivisionError("boom")


def _leave() -> None:
    sys.exit(4)


FAULTS: dict[str, Callable[[], None]] = {"raises": _boom, "exits": _leave}


def _format(fault: Callable[[], None]) -> Any:
    class Faulty:
        name = "faulty"
        extensions = (".faulty",)
        codes: ClassVar[dict[str, str]] = {"FA001": "never given"}

        def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
            fault()

        def read(self, fp: BinaryIO, **options: Any) -> hrplan.Program:
            fault()
            raise AssertionError

        def sniff(self, head: bytes) -> bool:
            fault()
            return True

        def validate(self, program: hrplan.Program, **options: Any) -> list[hrplan.Finding]:
            fault()
            return []

    return Faulty()


def _plugin(fault: Callable[[], None]) -> object:
    item = _format(fault)

    class Plugin:
        @hookimpl
        def register_exporters(self, register: Any) -> None:
            register(item)

        @hookimpl
        def register_importers(self, register: Any) -> None:
            register(item)

        @hookimpl
        def register_validators(self, register: Any) -> None:
            register(item)

    return Plugin()


@pytest.fixture(params=sorted(FAULTS))
def faulty(request: pytest.FixtureRequest) -> Iterator[PluginManager]:
    """The built-ins and a plugin ``faulty-plugin`` whose every method raises (or calls sys.exit)."""
    manager = PluginManager(PluginSettings(), load_entry_points=False)
    manager.register(_plugin(FAULTS[request.param]), "faulty-plugin")
    reset_manager(manager)
    try:
        yield manager
    finally:
        reset_manager()


def test_an_exporter_fault_is_one_line_naming_the_plugin(
    faulty: PluginManager, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.faulty"
    assert main(["convert", str(PLAN), str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "plugin 'faulty-plugin': exporter 'faulty' failed while writing a program" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_an_importer_fault_is_one_line_naming_the_plugin(
    faulty: PluginManager, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", "--from", "faulty", str(PLAN), str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err
    assert "plugin 'faulty-plugin': importer 'faulty' failed while reading a file" in err
    assert "Traceback" not in err


def test_debug_shows_the_plugin_s_own_traceback(
    faulty: PluginManager, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRPLAN_DEBUG", "1")
    assert main(["convert", str(PLAN), str(tmp_path / "out.faulty")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "in export" in err


def test_a_sniffer_fault_skips_that_importer_with_a_warning(faulty: PluginManager) -> None:
    with (
        pytest.warns(PluginWarning, match="faulty-plugin.*failed to recognise a file, skipped"),
        pytest.raises(UnknownFormatError, match="cannot tell its format"),
    ):
        hrplan.read(io.BytesIO(b"\x00\x01 nothing anyone reads"))
    source = io.BytesIO(PLAN.read_bytes())
    source.name = "plan.faulty"  # the extension names the faulty importer, the content is JSON
    with pytest.warns(PluginWarning, match="faulty-plugin"):
        assert hrplan.read(source).id == "az-2012"


def test_a_validator_fault_is_a_finding_naming_the_plugin(faulty: PluginManager) -> None:
    findings = hrplan.validate(hrplan.read(PLAN), select=["HP000"])
    assert len(findings) == 1
    assert "plugin 'faulty-plugin': validator 'faulty' failed" in findings[0].message


def test_the_api_raises_a_plugin_error_with_the_fault_as_its_cause(faulty: PluginManager) -> None:
    with pytest.raises(PluginError, match="exporter 'faulty' failed") as caught:
        hrplan.export(hrplan.read(PLAN), io.BytesIO(), format="faulty")
    assert isinstance(caught.value.__cause__, ZeroDivisionError | SystemExit)


def test_guarded_objects_are_still_the_plugin_s_objects(faulty: PluginManager) -> None:
    exporter = faulty.exporters()["faulty"]
    assert type(exporter).__name__ != "Faulty"
    assert isinstance(exporter, type(exporter.unwrapped))  # type: ignore[attr-defined]
    assert exporter.extensions == (".faulty",)


class _Exits:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        sys.exit(1)


class _WrongKinds:
    @hookimpl
    def register_time_limit_vocabularies(self, register: Any) -> None:
        register("not a vocabulary")

    @hookimpl
    def register_institution_registries(self, register: Any) -> None:
        register("AZ", ["not an institution"])


def test_sys_exit_in_a_hook_is_reported_and_the_plugin_shown_broken(capsys: pytest.CaptureFixture[str]) -> None:
    manager = PluginManager(PluginSettings(), load_entry_points=False)
    manager.register(_Exits(), "exits")
    with pytest.warns(PluginWarning, match=r"exits.*register_exporters: called sys.exit\(1\)"):
        assert "json" in manager.exporters()
    reset_manager(manager)
    try:
        assert main(["plugins"]) == 0
    finally:
        reset_manager()
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("exits"))
    assert "broken" in row
    assert "sys.exit" in row


def test_wrong_kinds_of_objects_are_reported() -> None:
    manager = PluginManager(PluginSettings(), load_entry_points=False)
    manager.register(_WrongKinds(), "wrong")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert manager.vocabularies() == []
        assert "AZ" not in manager.institution_registries()
    messages = [str(w.message) for w in caught]
    assert any("not a hrplan.Vocabulary" in m for m in messages)
    assert any("not a hrplan.Institution" in m for m in messages)
    assert not next(i for i in manager.infos() if i.name == "wrong").loaded


def test_wrong_kinds_of_objects_are_fatal_in_strict_mode() -> None:
    manager = PluginManager(PluginSettings(strict=True), load_entry_points=False)
    manager.register(_WrongKinds(), "wrong")
    with pytest.raises(PluginError, match=r"not a hrplan\.Vocabulary"):
        manager.vocabularies()


def test_a_bug_in_hrplan_is_one_line_with_status_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hrplan, "read", lambda *a, **k: _boom())
    monkeypatch.setattr("hrplan.api.read", lambda *a, **k: _boom())
    status = main(["status", str(PLAN)])
    err = capsys.readouterr().err
    if status == 3:
        assert err.startswith("hrplan: internal error: ZeroDivisionError: boom")
        assert "Traceback" not in err
