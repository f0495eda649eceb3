"""The documentation keeps up with the code: hooks, examples, links."""

from __future__ import annotations

import inspect
import io
import re
from datetime import date
from pathlib import Path

import pytest

import hrplan
from hrplan.plugins import HookSpecs, PluginManager, PluginSettings, reset_manager

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HOOKS = (DOCS / "plugins" / "hooks.md").read_text(encoding="utf-8")


def hook_names() -> list[str]:
    return [name for name, _ in inspect.getmembers(HookSpecs, inspect.isfunction) if not name.startswith("_")]


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_is_documented_with_its_signature(hook: str) -> None:
    parameters = [p for p in inspect.signature(getattr(HookSpecs, hook)).parameters if p != "self"]
    assert f"## {hook}({', '.join(parameters)})" in HOOKS, f"docs/plugins/hooks.md has no section for {hook}"


def test_every_documented_hook_exists() -> None:
    documented = re.findall(r"^## (\w+)\(", HOOKS, re.MULTILINE)
    assert sorted(documented) == sorted(hook_names())


def test_hook_reference_examples_work() -> None:
    namespace: dict[str, object] = {}
    for block in re.findall(r"```python\n(.*?)```", HOOKS, re.DOTALL):
        exec(block, namespace)
    manager = PluginManager(PluginSettings(strict=True), load_entry_points=False)
    reset_manager(manager)
    try:
        plugin = type("DocPlugin", (), {k: staticmethod(v) for k, v in namespace.items() if k.startswith("register_")})
        manager.register(plugin(), "doc-examples")
        program = hrplan.read(ROOT / "examples" / "data" / "az-2012.json")
        buffer = io.BytesIO()
        hrplan.export(program, buffer, format="titles")
        assert buffer.getvalue().startswith(b"1.1 ")
        lines = hrplan.read(io.BytesIO(b"1.1 First\n1.2 Second\n"), format="lines")
        assert [m.title for m in lines.iter_measures()] == ["First", "Second"]
        assert hrplan.validate(program, select=["XT"]) == []
        assert hrplan.parse_time_limit("ständig").is_ongoing
        assert hrplan.parse_time_limit("März 2013").start == date(2013, 3, 1)
        assert "AZ" in manager.institution_registries()
    finally:
        reset_manager()


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: str(p.relative_to(DOCS)))
def test_relative_links_resolve(page: Path) -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        assert (page.parent / target).exists(), f"{page.relative_to(ROOT)} links to missing {target}"
