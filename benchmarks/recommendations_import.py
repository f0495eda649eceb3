"""Import a UPR Info-sized export and a UHRI-sized export; time per 10,000 rows, ratio to pandas.

Generates a UPR Info export of ``--rows`` rows (default 37,000: every UPR Info
session together) and a UHRI export of ``--uhri`` records (default 300,000),
each at 1/10 and at full size, as CSV; reads each with its layout (after
turning the CSV into a table, as the CSV container does) and with
``pandas.read_csv``. Linear when 10x the rows take about 10x the time::

    python benchmarks/recommendations_import.py [--rows N] [--uhri N]
"""

from __future__ import annotations

import argparse
import csv
import io
import time
from collections.abc import Callable

from hrplan.builtins.recommendations import UhriLayout, UprInfoLayout
from hrplan.context import ReadContext
from hrplan.decoding import decode, normalise_newlines
from hrplan.tables import Table

STATES = ["France", "Chile", "Ghana", "Japan", "Peru", "Norway", "Brazil", "Kenya", "India", "Mexico"]
BODIES = ["Committee on the Rights of the Child", "Committee against Torture", "UPR",
          "Special Rapporteur on the right to food"]


def upr_info(rows: int) -> bytes:
    """A UPR Info export: 190 States under review, Mac Roman, CR line endings."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r")
    writer.writerow(["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action",
                     "Issue", "Session"])
    for i in range(rows):
        writer.writerow([f"State {i % 190}" if i % 7 else STATES[i % 10], "WEOG", "EU",
                         f"Take measure number {i} to protect the rights of persons in detention.",
                         STATES[(i * 7) % 10], "GRULAC", "OAS", ("Accepted", "Noted")[i % 3 == 0], str(1 + i % 5),
                         "Detention,Justice", str(1 + (i // 400) % 47)])
    return out.getvalue().encode("mac_roman")


def uhri(rows: int) -> bytes:
    """A UHRI export with ``- `` multi-value cells and Excel date serials."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Text", "Countries Concerned", "Recommending Body", "Document Symbol", "Themes",
                     "Affected Persons", "Sdgs", "Type", "OHCHR Annotation Id", "Document Publication Date"])
    for i in range(rows):
        writer.writerow([f"Strengthen the protection of children, item {i}.", f"- {STATES[i % 10]}",
                         BODIES[i % 4], f"CRC/C/X{i % 500}/CO/{i % 9}", "- Child rights\n- Justice", "- children",
                         "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "Concluding Observations", f"id-{i}",
                         str(40000 + i % 5000)])
    return out.getvalue().encode()


def table(data: bytes) -> Table:
    """What a CSV container gives a layout."""
    return Table(list(csv.reader(io.StringIO(normalise_newlines(decode(data).text), newline=""))), source="bench.csv")


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run(name: str, make: Callable[[int], bytes], layout: UprInfoLayout | UhriLayout, rows: int) -> None:
    """Print the figures of one source at 1/10 and at full size."""
    import pandas

    per: dict[int, float] = {}
    for count in (rows // 10, rows):
        data = make(count)
        ours = timed(lambda d=data: layout.read([table(d)], context=ReadContext()))  # type: ignore[misc]
        theirs = timed(lambda d=data: pandas.read_csv(io.BytesIO(d), encoding="mac_roman"))  # type: ignore[misc]
        per[count] = ours / count * 10_000
        print(f"{name:9} {count:>8,} rows: {ours:7.2f} s, {per[count]:.3f} s per 10,000 rows, "
              f"{ours / theirs:5.1f}x pandas.read_csv")
    print(f"{name:9} 10x the rows took {per[rows] / per[rows // 10] * 10:.1f}x the time (linear: about 10x)")


def main() -> None:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=37_000)
    parser.add_argument("--uhri", type=int, default=300_000)
    args = parser.parse_args()
    run("upr-info", upr_info, UprInfoLayout(), args.rows)
    run("uhri", uhri, UhriLayout(), args.uhri)


if __name__ == "__main__":
    main()
