"""The subcommands of ``hrplan`` that read plans: convert, validate, status, codes."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

import hrplan
from hrplan.cli import _report
from hrplan.cli._calendar import add_calendar
from hrplan.cli._flags import STDIO, check_codes, flags, source
from hrplan.cli._options import days_count, iso_date, key_value
from hrplan.cli._plugins import PLUGIN_COMMANDS
from hrplan.plugins import get_manager

__all__ = ["COMMANDS", "version"]

_IN_HELP = "the plan file to read ('-' for standard input)"


def version() -> str:
    """The installed hrplan version."""
    return hrplan.__version__


def _add_convert(sub: Any) -> None:
    p = sub.add_parser(
        "convert", help="convert a plan file from one format to another",
        description="Read IN with one importer and write OUT with one exporter.",
    )
    p.add_argument("source", metavar="IN", help=_IN_HELP)
    p.add_argument("target", metavar="OUT", help="the file to write ('-' for standard output, JSON unless --to)")
    _add_from(p)
    p.add_argument("--to", dest="to_format", metavar="F",
                   help="output format (default: by the extension of OUT; see `hrplan formats`)")
    p.add_argument("-O", dest="options", action="append", type=key_value, default=[], metavar="KEY=VALUE",
                   help="an option for the exporter (repeatable), e.g. -O as_of=2013-01-01")
    _add_read_options(p)
    p.set_defaults(run=_convert)


def _add_from(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_format", metavar="F",
                        help="input format (default: by extension, else by content; see `hrplan formats`)")


def _add_read_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-I", dest="read_options", action="append", type=key_value, default=[],
                        metavar="KEY=VALUE", help="an option for the importer (repeatable), e.g. -I program=plan.json")


def _load(args: argparse.Namespace) -> hrplan.ImportResult:
    with flags("--from", "-I"):
        return hrplan.load(source(args.source), args.from_format, **dict(args.read_options))


def _convert(args: argparse.Namespace) -> int:
    result = _load(args)
    _report.print_findings(result.findings, "text", sys.stderr)
    options = dict(args.options)
    with flags("--to", "-O"):
        if args.target == STDIO:
            hrplan.export(result.program, sys.stdout.buffer, args.to_format or "json", **options)
        else:
            hrplan.export(result.program, args.target, args.to_format, **options)
    return 0


def _add_validate(sub: Any) -> None:
    p = sub.add_parser(
        "validate", help="check a plan file; exit 1 when an error is found",
        description="Run every validator on IN and print the findings, with what the importer could not read.",
    )
    p.add_argument("source", metavar="IN", help=_IN_HELP)
    _add_from(p)
    p.add_argument("--select", action="append", default=[], metavar="CODES",
                   help="only these codes or prefixes (comma list, e.g. HP1,HP203; ALL for every code)")
    p.add_argument("--ignore", action="append", default=[], metavar="CODES",
                   help="not these codes or prefixes (comma list)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="how to print the findings (default: text)")
    p.add_argument("-V", dest="validator_options", action="append", type=key_value, default=[],
                   metavar="KEY=VALUE", help="an option for the validators (repeatable), e.g. -V as_of=2013-01-01")
    _add_read_options(p)
    p.set_defaults(run=_validate)


def _codes(values: list[str]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _validate(args: argparse.Namespace) -> int:
    select, ignore = _codes(args.select), _codes(args.ignore)
    known = get_manager().finding_codes()
    check_codes("--select", select, known)
    check_codes("--ignore", ignore, known)
    with flags("--from", "-I"):
        findings = hrplan.validate(
            source(args.source), select, ignore,
            format=args.from_format, read_options=dict(args.read_options), **dict(args.validator_options),
        )
    _report.print_findings(findings, args.format, sys.stdout, summary=True)
    return 1 if any(f.severity is hrplan.Severity.ERROR for f in findings) else 0


def _add_status(sub: Any) -> None:
    p = sub.add_parser(
        "status", help="the status of every measure on a date",
        description="The status of every measure of IN on a day, with its time-limit and the days left.",
    )
    p.add_argument("source", metavar="IN", help=_IN_HELP)
    _add_from(p)
    p.add_argument("--as-of", type=iso_date, default=None, metavar="DATE", help="the day to judge on (default: today)")
    p.add_argument("--due-within", type=days_count, default=30, metavar="DAYS",
                   help="a measure ending within DAYS is due soon (default: 30)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                   help="text table, JSON (null for what is missing) or CSV (default: text)")
    _add_read_options(p)
    p.set_defaults(run=_status)


def _status(args: argparse.Namespace) -> int:
    result = _load(args)
    _report.print_findings(result.findings, "text", sys.stderr)  # what was not read, a deadline among it
    as_of = args.as_of or date.today()
    rows = _report.status_rows(result.program, as_of, args.due_within)
    unread = sum(1 for m in result.program.iter_measures()
                 if m.time_limit is not None and m.time_limit.kind is hrplan.TimeLimitKind.UNPARSED)  # fmt: skip
    _report.print_status(rows, args.format, sys.stdout, as_of, unread)
    return 0


def _add_codes(sub: Any) -> None:
    p = sub.add_parser("codes", help="list the finding codes that --select and --ignore take",
                       description="Every finding code of the installed validators and importers.")
    p.add_argument("--json", action="store_true", help="print JSON: a list of {code, meaning}")
    p.set_defaults(run=_list_codes)


def _list_codes(args: argparse.Namespace) -> int:
    rows = [{"code": code, "meaning": meaning} for code, meaning in get_manager().finding_codes().items()]
    _report.print_rows(rows, ["code", "meaning"], args.json, sys.stdout)
    return 0


#: Each function adds one subcommand to the parser.
COMMANDS = (_add_convert, _add_validate, _add_status, add_calendar, _add_codes, *PLUGIN_COMMANDS)
