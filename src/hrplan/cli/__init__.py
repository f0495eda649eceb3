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


EPILOG = """\
examples:
  hrplan convert plan.json plan.csv -O as_of=2013-01-01   write a plan as CSV with statuses
  hrplan convert - plan.md --from json < plan.json         read standard input
  hrplan validate plan.json --select HP1,HP2                check numbering and time-limits
  hrplan status plan.json --as-of 2013-01-01 --format json
  hrplan calendar ratifications.json --since 2024-01-01     treaty reports due
  hrplan formats                                            what can be read and written
  hrplan install hrplan-workload                            add a plugin

environment:
  HRPLAN_PLUGINS=a,b          load only these third-party plugins (empty: none)
  HRPLAN_DISABLE_PLUGINS=a,b  never load these plugins (built-ins too, e.g. hrplan.csv)
  HRPLAN_STRICT_PLUGINS=1     a broken plugin is an error, not a warning
  HRPLAN_TRACE_PLUGINS=1      print each hook call to standard error
  HRPLAN_DEBUG=1              show tracebacks of errors, as --debug does

`hrplan COMMAND --help` describes one command; docs/cli.md all of them.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``hrplan`` command."""
    parser = argparse.ArgumentParser(
        prog="hrplan", description="Work with human-rights action plans.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_commands.version()}",
                        help="print the version of hrplan and exit")
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
