"""The ``hrplan`` command: argument parsing and printing only.

Every subcommand calls the public API; errors from hrplan, and faults of
plugins, become one line on stderr with their location and exit status 2; a bug
in hrplan itself gives one line and status 3 (``--debug`` or ``HRPLAN_DEBUG=1``
shows the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from collections.abc import Sequence

from hrplan.cli import _commands
from hrplan.errors import HrplanError, InputError
from hrplan.plugins._guard import describe

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``hrplan`` command."""
    parser = argparse.ArgumentParser(prog="hrplan", description="Work with human-rights action plans.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_commands.version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in _commands.COMMANDS:
        add_command(sub)
    return parser


def _report(exc: HrplanError) -> None:
    if isinstance(exc, InputError):
        print(f"hrplan: error: {exc.source}: cannot read it:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
    else:
        print(f"hrplan: error: {exc}", file=sys.stderr)


def _show_warning(message: Warning | str, *_args: object, **_kwargs: object) -> None:
    print(f"hrplan: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.showwarning = _show_warning
            status: int = args.run(args)
    except HrplanError as exc:
        if _debugging(args):
            traceback.print_exc()
        _report(exc)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("hrplan: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in hrplan: one line, the traceback with --debug
        if _debugging(args):
            traceback.print_exc()
        print(f"hrplan: internal error: {describe(exc)} (rerun with --debug for the traceback)", file=sys.stderr)
        return 3
    return status


def _debugging(args: argparse.Namespace) -> bool:
    """``--debug`` or ``HRPLAN_DEBUG=1``: show tracebacks (with the plugin's own error as their cause)."""
    return bool(args.debug) or os.environ.get("HRPLAN_DEBUG", "") not in ("", "0")
