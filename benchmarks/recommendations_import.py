"""Import recommendations: UPR year files, a UPR Info export and a UHRI export, against pandas.

Generates a UPR year file (the ``upr-csv`` importer) of ``--upr`` rows, a UPR
Info export of ``--rows`` rows (default 37,000: every UPR Info session
together) and a UHRI export of ``--uhri`` records (default 100,000; the whole
index holds about 270,000), each at 1/10 and at full size, as CSV; reads each
with hrplan (the layouts after turning the CSV into a table, as the CSV
container does) and with ``pandas.read_csv``. Linear when the time per row at
full size is about the time per row at 1/10::

    python benchmarks/recommendations_import.py [--upr N] [--rows N] [--uhri N]
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable

from harness import record, record_growth, timed

from hrplan.builtins.recommendations import UhriLayout, UprInfoLayout
from hrplan.context import ReadContext
from hrplan.decoding import decode, normalise_newlines
from hrplan.plugins import get_manager
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


def upr_year(rows: int) -> bytes:
    """A UPR year file: one row per recommending State, paragraph numbers in the text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["text", "to", "decision", "From", "year", "notes"])
    for i in range(rows):
        paragraph = i // 2
        writer.writerow([f"{100 + paragraph // 200}.{paragraph % 200 + 1}. Ratify the convention number {paragraph} "
                         f"({STATES[paragraph % 10]}, {STATES[(paragraph + 3) % 10]});",
                         f"State {paragraph % 190}", ("Accepted", "Noted")[paragraph % 3 == 0],
                         STATES[(paragraph + 3 * (i % 2)) % 10], str(2008 + paragraph % 15), ""])
    return out.getvalue().encode("utf-8")


def table(data: bytes) -> Table:
    """What a CSV container gives a layout."""
    return Table(list(csv.reader(io.StringIO(normalise_newlines(decode(data).text), newline=""))), source="bench.csv")


def read_upr_year(data: bytes) -> object:
    """The ``upr-csv`` importer on one file."""
    stream = io.BytesIO(data)
    stream.name = "upr-2012.csv"
    return get_manager().importers()["upr-csv"].read(stream)


def run(name: str, make: Callable[[int], bytes], read: Callable[[bytes], object], rows: int, encoding: str) -> None:
    """Record the ratio to pandas at full size and the growth from 1/10 to full size."""
    import pandas

    per: dict[int, float] = {}
    ratio = 0.0
    for count in (rows // 10, rows):
        data = make(count)
        ours = [timed(lambda d=data: read(d)) for _ in range(2)]  # type: ignore[misc]
        theirs = [timed(lambda d=data: pandas.read_csv(io.BytesIO(d), encoding=encoding)) for _ in range(2)]  # type: ignore[misc]
        per[count] = min(ours) / count
        ratio = min(ours) / min(theirs)
    record(f"recommendations import ({name}) / pandas.read_csv", ratio, "<= 10x", ratio <= 10,
           note=f"({rows:,} rows)")
    record_growth("importer", name, per[rows] / per[rows // 10], rows // 10)


def main() -> None:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upr", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=37_000)
    parser.add_argument("--uhri", type=int, default=100_000)
    args = parser.parse_args()
    upr_info_layout, uhri_layout = UprInfoLayout(), UhriLayout()
    run("upr-csv", upr_year, read_upr_year, args.upr, "utf-8")
    run("upr-info layout", upr_info, lambda d: upr_info_layout.read([table(d)], context=ReadContext()),
        args.rows, "mac_roman")
    run("uhri layout", uhri, lambda d: uhri_layout.read([table(d)], context=ReadContext()), args.uhri, "utf-8")


if __name__ == "__main__":
    main()
