"""The subcommands of ``hrplan``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

import hrplan
from hrplan.cli import _report
from hrplan.cli._calendar import add_calendar
from hrplan.cli._options import days_count, iso_date, key_value
from hrplan.plugins import get_manager

__all__ = ["COMMANDS", "version"]


def version() -> str:
    """The installed hrplan version."""
    return hrplan.__version__


def _add_convert(sub: Any) -> None:
    p = sub.add_parser("convert", help="convert a plan file from one format to another")
    p.add_argument("source", metavar="IN", help="input file")
    p.add_argument("target", metavar="OUT", help="output file ('-' for standard output)")
    p.add_argument("--from", dest="from_format", metavar="F", help="input format (default: by extension or content)")
    p.add_argument("--to", dest="to_format", metavar="F", help="output format (default: by extension)")
    p.add_argument("-O", dest="options", action="append", type=key_value, default=[], metavar="KEY=VALUE",
                   help="an option for the exporter (repeatable)")
    _add_read_options(p)
    p.set_defaults(run=_convert)


def _add_read_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-I", dest="read_options", action="append", type=key_value, default=[],
                        metavar="KEY=VALUE", help="an option for the importer (repeatable)")


def _convert(args: argparse.Namespace) -> int:
    result = hrplan.load(args.source, args.from_format, **dict(args.read_options))
    _report.print_findings(result.findings, "text", sys.stderr)
    options = dict(args.options)
    if args.target == "-":
        hrplan.export(result.program, sys.stdout.buffer, args.to_format or "json", **options)
    else:
        hrplan.export(result.program, args.target, args.to_format, **options)
    return 0


def _add_validate(sub: Any) -> None:
    p = sub.add_parser("validate", help="check a plan file; exit 1 when an error is found")
    p.add_argument("source", metavar="IN")
    p.add_argument("--from", dest="from_format", metavar="F", help="input format")
    p.add_argument("--select", action="append", default=[], metavar="CODES",
                   help="only these codes or prefixes (comma list, e.g. HP1,HP203)")
    p.add_argument("--ignore", action="append", default=[], metavar="CODES", help="not these codes or prefixes")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-V", dest="validator_options", action="append", type=key_value, default=[],
                   metavar="KEY=VALUE", help="an option for the validators (repeatable), e.g. as_of=2013-01-01")
    _add_read_options(p)
    p.set_defaults(run=_validate)


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _validate(args: argparse.Namespace) -> int:
    findings = hrplan.validate(
        args.source, _codes(args.select), _codes(args.ignore),
        format=args.from_format, read_options=dict(args.read_options), **dict(args.validator_options),
    )
    _report.print_findings(findings, args.format, sys.stdout, summary=True)
    return 1 if any(f.severity is hrplan.Severity.ERROR for f in findings) else 0


def _add_status(sub: Any) -> None:
    p = sub.add_parser("status", help="the status of every measure on a date")
    p.add_argument("source", metavar="IN")
    p.add_argument("--from", dest="from_format", metavar="F", help="input format")
    p.add_argument("--as-of", type=iso_date, default=None, metavar="DATE", help="the day to judge on (default: today)")
    p.add_argument("--due-within", type=days_count, default=30, metavar="DAYS",
                   help="a measure ending within DAYS is due soon (default: 30)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    _add_read_options(p)
    p.set_defaults(run=_status)


def _status(args: argparse.Namespace) -> int:
    program = hrplan.read(args.source, args.from_format, **dict(args.read_options))
    as_of = args.as_of or date.today()
    rows = _report.status_rows(program, as_of, args.due_within)
    _report.print_status(rows, args.format, sys.stdout, as_of)
    return 0


def _add_formats(sub: Any) -> None:
    p = sub.add_parser("formats", help="list the formats that can be read and written")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=_formats)


def _formats(args: argparse.Namespace) -> int:
    columns = ["name", "read", "write", "extensions", "plugin", "description"]
    _report.print_rows(_report.format_rows(get_manager()), columns, args.json, sys.stdout)
    return 0


def _add_plugins(sub: Any) -> None:
    p = sub.add_parser("plugins", help="list plugins, their versions, hooks and problems")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=_plugins)


def _plugins(args: argparse.Namespace) -> int:
    columns = ["name", "version", "status", "hooks", "problems"]
    _report.print_rows(_report.plugin_rows(get_manager()), columns, args.json, sys.stdout)
    return 0


#: Each function adds one subcommand to the parser.
COMMANDS = (_add_convert, _add_validate, _add_status, _add_formats, _add_plugins, add_calendar)
