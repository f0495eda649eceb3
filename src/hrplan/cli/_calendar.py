"""``hrplan calendar``: the treaty reports and UPR reviews due in a period, and those overdue."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import warnings
from collections.abc import Sequence
from datetime import date
from typing import Any, TextIO

from dateutil.relativedelta import relativedelta

from hrplan.cli._flags import STDIO
from hrplan.cli._options import iso_date
from hrplan.cli._report import print_table
from hrplan.errors import InputError, ModelError, Problem
from hrplan.treaties import (
    DueReport,
    StateReporting,
    Submission,
    calendar,
    due_between,
    get_treaty,
    overdue,
    ratifications_from_data,
    read_ratifications,
)

__all__ = ["add_calendar"]

#: How far the period reaches when ``--until`` is not given.
DEFAULT_SPAN = relativedelta(years=5)

_DUE_COLUMNS = ["due", "treaty", "body", "number", "kind", "submitted", "basis"]
_OVERDUE_COLUMNS = ["due", "treaty", "body", "number", "kind", "days_overdue", "basis"]
_CSV_COLUMNS = ["list", "due", "treaty", "body", "number", "kind", "submitted", "days_overdue", "basis"]


def add_calendar(sub: Any) -> None:
    """Add the ``calendar`` subcommand to an argparse subparsers object."""
    p = sub.add_parser(
        "calendar",
        help="treaty reports and UPR reviews due in a period, and those overdue",
        description="List what falls due from --since to --until under the treaties in a ratifications "
                    "file, and what was due before --as-of but is not in the file's 'submitted' list.",
    )
    p.add_argument("source", metavar="RATIFICATIONS.json", help="a ratifications file ('-' for standard input)")
    p.add_argument("--since", dest="start", type=iso_date, default=None, metavar="DATE",
                   help="the first day of the period (default: the --as-of day)")
    # The old name of --since, which clashed with the --from (a format) of the other commands.
    p.add_argument("--from", dest="start_deprecated", type=iso_date, default=None, help=argparse.SUPPRESS)
    p.add_argument("--until", type=iso_date, default=None, metavar="DATE",
                   help="the last day of the period (default: 5 years after --since)")
    p.add_argument("--as-of", type=iso_date, default=None, metavar="DATE",
                   help="the day to judge what is overdue on (default: today)")
    p.add_argument("--predictable-cycle", action="store_true",
                   help="periodic reports every 8 years (simplified procedure), from the file's cycle_from day "
                        "for a treaty, else from the initial report")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                   help="text tables, one JSON document, or one CSV table with a 'list' column (default: text)")
    p.set_defaults(run=_calendar)


def _read(path: str) -> StateReporting:
    if path != STDIO:
        return read_ratifications(path)
    try:
        data = json.loads(sys.stdin.buffer.read())
    except ValueError as exc:
        raise InputError("<stdin>", [Problem("$", f"not JSON: {exc}")]) from None
    return ratifications_from_data(data, "<stdin>")


def _calendar(args: argparse.Namespace) -> int:
    state = _read(args.source)
    if args.start_deprecated is not None:
        warnings.warn("calendar --from is deprecated: it is now --since", DeprecationWarning, stacklevel=1)
    as_of: date = args.as_of or date.today()
    start: date = args.start or args.start_deprecated or as_of
    until: date = args.until or start + DEFAULT_SPAN
    if until < start:
        raise ModelError(f"--until {until} is before --since {start}")
    reports = calendar(
        state.ratifications, until=max(until, as_of), overrides=state.overrides, upr_review=state.upr_review,
        upr_cycle=state.upr_cycle, predictable_cycle=args.predictable_cycle, cycle_from=state.cycle_from,
    )
    due = [_row(r, state.submitted, as_of) for r in due_between(reports, start, until)]
    late = [_row(r, state.submitted, as_of) for r in overdue(reports, as_of, state.submitted)]
    out = sys.stdout
    if args.format == "json":
        document = {
            "state": state.state, "from": start.isoformat(), "until": until.isoformat(),
            "as_of": as_of.isoformat(), "predictable_cycle": args.predictable_cycle,
            "due": [{k: row[k] for k in _DUE_COLUMNS} for row in due],
            "overdue": [{k: row[k] for k in _OVERDUE_COLUMNS} for row in late],
        }
        print(json.dumps(document, indent=2, ensure_ascii=False), file=out)
    elif args.format == "csv":
        _print_csv(due, late, out)
    else:
        _print_text(state.state, start, until, as_of, due, late, out)
    return 0


def _row(report: DueReport, submitted: Sequence[Submission], as_of: date) -> dict[str, Any]:
    sent = [s for s in submitted if (s.treaty, s.number) == report.key]
    dates = sorted(s.on for s in sent if s.on is not None)
    return {
        "due": report.due.isoformat(),
        "treaty": report.treaty,
        "body": "HRC" if report.treaty == "UPR" else get_treaty(report.treaty).body,
        "number": report.number,
        "kind": report.kind,
        "submitted": dates[0].isoformat() if dates else ("yes" if sent else None),
        "days_overdue": (as_of - report.due).days if report.due < as_of else 0,
        "basis": report.basis,
    }


def _print_text(
    state: str, start: date, until: date, as_of: date, due: list[dict[str, Any]], late: list[dict[str, Any]],
    out: TextIO,
) -> None:
    print(f"{state}: due from {start} to {until}", file=out)
    if due:
        print_table(_DUE_COLUMNS, due, out)
    else:
        print("nothing due", file=out)
    print(file=out)
    print(f"overdue as of {as_of} (due before it and not listed as submitted)", file=out)
    if late:
        print_table(_OVERDUE_COLUMNS, late, out)
    else:
        print("nothing overdue", file=out)


def _print_csv(due: list[dict[str, Any]], late: list[dict[str, Any]], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=_CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({**row, "list": "due", "days_overdue": None} for row in due)
    writer.writerows({**row, "list": "overdue"} for row in late)
