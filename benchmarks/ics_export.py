"""Export a generated program to iCalendar (the ``ics`` exporter of hrplan-ical), against the CSV floor.

The floor is ``csv.writer`` writing the program's CSV measure rows, prepared
beforehand (the cheapest way to write one line per measure). Then the growth
check of the ``ics`` exporter::

    python benchmarks/ics_export.py [--measures N] [--runs R]
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable

from harness import growth, interleaved, record, record_growth
from plans import exporting, generate

from hrplan.plugins import get_manager

AS_OF = "2013-01-01"


def export(count: int) -> Callable[[], bytes]:
    """The ICS export of a generated program of ``count`` measures, ready to time."""
    return exporting("ics", count, as_of=AS_OF)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = list(get_manager().exporters()["csv"].rows(generate(args.measures), as_of=AS_OF))

    def floor() -> bytes:
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        return buffer.getvalue().encode()

    mine, plain = interleaved(export(args.measures), floor, args.runs)
    record("ICS export / the CSV floor (csv.writer, same measures)", mine / plain, "<= 30x", mine / plain <= 30,
           note=f"({args.measures:,} measures)")
    size = args.measures // 10
    record_growth("exporter", "ics", growth(export, size, runs=2), size)


if __name__ == "__main__":
    main()
