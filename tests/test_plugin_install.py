"""Real plugin distributions, installed with pip, seen (or not) by the ``hrplan`` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "1.2.3"

[project.entry-points.hrplan]
{name} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["{module}"]
"""

MODULES = {
    # A working plugin: one exporter.
    "good": """
        import hrplan

        class Shout:
            name = "shout"
            extensions = (".shout",)
            media_type = "text/plain"
            description = "The title, loudly"

            def export(self, program, fp, **options):
                fp.write(program.title.upper().encode())

        @hrplan.hookimpl
        def register_exporters(register):
            register(Shout())
    """,
    # A plugin that cannot even be imported.
    "broken": """
        raise ImportError("this plugin needs a library that is not installed")
    """,
    # A plugin that leaves a mark when imported: it must not load when blocked.
    "blocked": """
        import os, pathlib
        pathlib.Path(os.environ["HRPLAN_TEST_MARKER"]).write_text("imported")
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the three plugin distributions installed by pip."""
    root = tmp_path_factory.mktemp("plugins")
    projects = []
    for name, code in MODULES.items():
        project = root / f"hrplan-{name}"
        module = f"hrplan_test_{name}"
        (project / module).mkdir(parents=True)
        (project / module / "__init__.py").write_text(textwrap.dedent(code))
        (project / "pyproject.toml").write_text(PYPROJECT.format(dist=f"hrplan-test-{name}", name=name, module=module))
        projects.append(str(project))
    target = root / "site"
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
               "--no-build-isolation", "--target", str(target), *projects]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot build test plugins here: {done.stderr.strip()[-300:]}")
    return target


def hrplan_cli(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]), **env}
    for key in ("HRPLAN_PLUGINS", "HRPLAN_DISABLE_PLUGINS", "HRPLAN_STRICT_PLUGINS"):
        if key not in env:
            environ.pop(key, None)
    command = [sys.executable, "-m", "hrplan.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=environ, check=False, timeout=120)


def plugins_by_name(site: Path, tmp_path: Path, **env: str) -> dict[str, dict[str, object]]:
    done = hrplan_cli(site, "plugins", "--all", "--json", HRPLAN_TEST_MARKER=str(tmp_path / "marker"), **env)
    assert done.returncode == 0, done.stderr
    return {row["name"]: row for row in json.loads(done.stdout)}


def test_installed_plugin_is_listed_and_used(site: Path, tmp_path: Path) -> None:
    rows = plugins_by_name(site, tmp_path, HRPLAN_DISABLE_PLUGINS="blocked")
    assert rows["good"]["status"] == "loaded"
    assert rows["good"]["version"] == "1.2.3"
    assert rows["good"]["distribution"] == "hrplan-test-good"
    assert rows["good"]["hooks"] == ["register_exporters"]
    plan = Path(__file__).parent.parent / "examples" / "data" / "az-2012.json"
    out = tmp_path / "plan.shout"
    done = hrplan_cli(site, "convert", str(plan), str(out), HRPLAN_DISABLE_PLUGINS="blocked")
    assert done.returncode == 0, done.stderr
    assert out.read_text().startswith("NATIONAL PROGRAM")


def test_broken_plugin_does_not_break_formats(site: Path, tmp_path: Path) -> None:
    done = hrplan_cli(site, "formats", HRPLAN_TEST_MARKER=str(tmp_path / "marker"))
    assert done.returncode == 0
    assert "shout" in done.stdout
    assert "json" in done.stdout
    assert "plugin 'broken': failed to import: ImportError: this plugin needs a library" in done.stderr
    rows = plugins_by_name(site, tmp_path)
    assert rows["broken"]["status"] == "broken"


def test_strict_mode_makes_a_broken_plugin_fatal(site: Path, tmp_path: Path) -> None:
    done = hrplan_cli(site, "formats", HRPLAN_STRICT_PLUGINS="1", HRPLAN_TEST_MARKER=str(tmp_path / "m"))
    assert done.returncode == 2
    assert "plugin 'broken': failed to import" in done.stderr


def test_blocked_plugin_is_not_imported(site: Path, tmp_path: Path) -> None:
    rows = plugins_by_name(site, tmp_path, HRPLAN_DISABLE_PLUGINS="blocked")
    assert rows["blocked"]["status"] == "disabled"
    assert not (tmp_path / "marker").exists()


def test_allow_list_loads_only_named_plugins(site: Path, tmp_path: Path) -> None:
    rows = plugins_by_name(site, tmp_path, HRPLAN_PLUGINS="good")
    assert rows["good"]["status"] == "loaded"
    assert rows["broken"]["status"] == "disabled"
    assert rows["blocked"]["status"] == "disabled"
    assert rows["hrplan.json"]["status"] == "loaded"
    assert not (tmp_path / "marker").exists()


def test_empty_allow_list_loads_no_third_party_plugin(site: Path, tmp_path: Path) -> None:
    rows = plugins_by_name(site, tmp_path, HRPLAN_PLUGINS="")
    assert {name for name, row in rows.items() if row["status"] == "loaded"} <= {
        name for name, row in rows.items() if row["builtin"]
    }
