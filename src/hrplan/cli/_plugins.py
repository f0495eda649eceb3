"""The subcommands about plugins: ``formats``, ``plugins``, ``install`` and ``uninstall``."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

from hrplan.cli._flags import CommandLineError
from hrplan.cli._report import print_rows
from hrplan.plugins import PluginManager, Registered, get_manager

__all__ = ["PLUGIN_COMMANDS", "format_rows", "pip_command", "plugin_rows"]


def _add_formats(sub: Any) -> None:
    p = sub.add_parser("formats", help="list the formats that can be read and written",
                       description="Each format's importer and exporter, with their extensions and descriptions.")
    p.add_argument("--json", action="store_true",
                   help="print JSON: one object per format, extensions as a list, importer and exporter apart")
    p.set_defaults(run=_formats)


def _side(entry: Registered) -> dict[str, Any]:
    item = entry.item
    description = getattr(item, "description", "")
    return {"plugin": entry.plugin, "extensions": list(item.extensions), "description": description}


def format_rows(manager: PluginManager) -> list[dict[str, Any]]:
    """One dict per format name: ``read``, ``write``, ``extensions``, and its ``importer`` and ``exporter``.

    ``importer`` and ``exporter`` are ``None`` when the format has none, else
    ``{"plugin", "extensions", "description"}``.
    """
    rows: dict[str, dict[str, Any]] = {}
    for hook, side in (("register_importers", "importer"), ("register_exporters", "exporter")):
        for entry in manager.registered(hook):
            row = rows.setdefault(entry.item.name, {"name": entry.item.name, "importer": None, "exporter": None})
            row[side] = _side(entry)
    return [_format_row(rows[name]) for name in sorted(rows)]


def _format_row(sides: dict[str, Any]) -> dict[str, Any]:
    importer, exporter = sides["importer"], sides["exporter"]
    extensions = {e for side in (importer, exporter) if side is not None for e in side["extensions"]}
    return {
        "name": sides["name"], "read": importer is not None, "write": exporter is not None,
        "extensions": sorted(extensions), "importer": importer, "exporter": exporter,
    }


def _format_lines(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per importer and per exporter, for the text table."""
    lines = []
    for row in rows:
        for side, verb in (("importer", "read"), ("exporter", "write")):
            if row[side] is not None:
                lines.append({"name": row["name"], "does": verb, **row[side]})
    return lines


def _formats(args: argparse.Namespace) -> int:
    rows = format_rows(get_manager())
    if args.json:
        print_rows(rows, [], True, sys.stdout)
    else:
        print_rows(_format_lines(rows), ["name", "does", "extensions", "plugin", "description"], False, sys.stdout)
    return 0


def _add_plugins(sub: Any) -> None:
    p = sub.add_parser("plugins", help="list installed plugins, their versions, hooks and problems",
                       description="The third-party plugins hrplan found (the built-in ones too with --all).")
    p.add_argument("--all", action="store_true", help="include the built-in plugins")
    p.add_argument("--json", action="store_true", help="print JSON: one object per plugin")
    p.set_defaults(run=_plugins)


def plugin_rows(manager: PluginManager, *, builtins: bool = False) -> list[dict[str, Any]]:
    """One row per plugin: name, version, distribution, builtin, status, hooks, problems."""
    rows = []
    for info in manager.infos():
        if info.builtin and not builtins:
            continue
        status = "loaded" if info.loaded else ("broken" if info.problems else "disabled")
        rows.append({
            "name": info.name,
            "version": info.version,
            "distribution": info.distribution,
            "builtin": info.builtin,
            "status": status,
            "hooks": list(info.hooks),
            "problems": list(info.problems),
        })
    return rows


def _plugins(args: argparse.Namespace) -> int:
    rows = plugin_rows(get_manager(), builtins=args.all)
    if not rows and not args.json:
        print("no third-party plugins installed (`hrplan plugins --all` shows the built-in ones)")
        return 0
    print_rows(rows, ["name", "version", "status", "hooks", "problems"], args.json, sys.stdout)
    return 0


def _add_install(sub: Any) -> None:
    p = sub.add_parser("install", help="install plugins (or any package) into hrplan's own environment",
                       description="Run pip install in the Python environment hrplan runs in, so that hrplan "
                                   "finds what it installs.")
    p.add_argument("packages", nargs="*", metavar="PACKAGE", help="what to install: a name, a path or a URL")
    p.add_argument("-U", "--upgrade", action="store_true", help="upgrade what is already installed")
    p.add_argument("-e", "--editable", metavar="PATH", help="install the project at PATH in editable mode")
    p.add_argument("--force-reinstall", action="store_true", help="reinstall even when already up to date")
    p.set_defaults(run=_install)


def _install(args: argparse.Namespace) -> int:
    if not args.packages and not args.editable:
        raise CommandLineError("install: name at least one PACKAGE, or -e PATH")
    extra = ["--upgrade"] * args.upgrade + ["--force-reinstall"] * args.force_reinstall
    extra += ["--editable", args.editable] if args.editable else []
    return _run_pip(pip_command("install", *extra, *args.packages))


def _add_uninstall(sub: Any) -> None:
    p = sub.add_parser("uninstall", help="uninstall plugins from hrplan's own environment",
                       description="Run pip uninstall in the Python environment hrplan runs in.")
    p.add_argument("packages", nargs="+", metavar="PACKAGE", help="the distribution names to remove")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(run=_uninstall)


def _uninstall(args: argparse.Namespace) -> int:
    return _run_pip(pip_command("uninstall", *(["--yes"] if args.yes else []), *args.packages))


def pip_command(*args: str) -> list[str]:
    """The pip command line for hrplan's own interpreter (``python -m pip ...``)."""
    return [sys.executable, "-m", "pip", *args]


def _run_pip(command: list[str]) -> int:
    try:
        return subprocess.run(command, check=False).returncode
    except OSError as exc:
        raise CommandLineError(f"cannot run {' '.join(command[:3])}: {exc.strerror or exc}") from exc


#: Each function adds one subcommand to the parser.
PLUGIN_COMMANDS = (_add_formats, _add_plugins, _add_install, _add_uninstall)
