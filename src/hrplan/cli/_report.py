"""Turning results into text, JSON or CSV for the terminal."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TextIO

import hrplan

__all__ = ["print_findings", "print_rows", "print_status", "print_table", "status_rows"]


def print_findings(findings: Sequence[hrplan.Finding], style: str, out: TextIO, summary: bool = False) -> None:
    """Findings one per line (``text``) or as a JSON list."""
    if style == "json":
        rows = [
            {"severity": f.severity.value, "code": f.code, "message": f.message, "location": f.location or None,
             "source": f.source}
            for f in findings
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False), file=out)
        return
    for finding in findings:
        print(finding, file=out)
    if summary:
        counts = Counter(f.severity.value for f in findings)
        parts = [f"{counts[s.value]} {s.value}(s)" for s in hrplan.Severity if counts[s.value]]
        print(", ".join(parts) if parts else "no findings", file=out)


def status_rows(program: hrplan.Program, as_of: date, due_within: int) -> list[dict[str, Any]]:
    """One row per measure: number, status, time-limit, end, days left, title (``None`` when missing)."""
    return [
        {
            "id": record["id"],
            "status": record["status"],
            "time_limit": record["time_limit"],
            "end": record["end"].isoformat() if record["end"] else None,
            "days_left": record["days_left"],
            "title": record["title"],
        }
        for record in hrplan.records(program, as_of=as_of, due_soon=due_within)
    ]


def print_status(rows: list[dict[str, Any]], style: str, out: TextIO, as_of: date, unread: int = 0) -> None:
    """The status table as text, JSON or CSV; the text says how many time-limits (``unread``) were
    not read as dates."""
    if style == "json":
        print(json.dumps({"as_of": as_of.isoformat(), "measures": rows}, indent=2, ensure_ascii=False), file=out)
    elif style == "csv":
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        print(f"status as of {as_of}", file=out)
        print_table(["id", "status", "time_limit", "days_left", "title"], rows, out)
        counts = Counter(row["status"] for row in rows)
        print(", ".join(f"{n} {s}" for s, n in counts.most_common()), file=out)
        if unread:
            print(f"{unread} time-limit(s) could not be read as dates: kept as written, judged ongoing", file=out)


def print_rows(rows: list[dict[str, Any]], columns: Sequence[str], as_json: bool, out: TextIO) -> None:
    """Rows as JSON (every key) or as a text table (``columns``)."""
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False), file=out)
    else:
        print_table(columns, rows, out)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def print_table(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """A plain aligned text table; the last column is not padded."""
    cells = [[_cell(row.get(c, "")) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    for line in [list(columns), *cells]:
        padded = [text.ljust(widths[i]) for i, text in enumerate(line[:-1])]
        print("  ".join([*padded, line[-1]]).rstrip(), file=out)
