"""hrplan-office is loaded through the entry-point group like any third-party plugin."""

from __future__ import annotations

from hrplan.plugins import PluginManager


def test_plugin_is_loaded_through_its_entry_point() -> None:
    infos = {info.name: info for info in PluginManager().infos()}
    assert infos["office"].loaded
    assert infos["office"].distribution == "hrplan-office"
    assert not infos["office"].builtin
