"""Export a generated 100,000-measure program to CSV, against ``csv.writer`` and ``pandas``.

The first baseline is ``csv.writer`` writing the same rows from prepared tuples
(the floor: no row to build); the second ``pandas.DataFrame.to_csv`` of a frame
built beforehand. Both must write the same bytes as hrplan. Then the growth
check: time per measure at N/10 and at N::

    python benchmarks/csv_export.py [--measures N] [--runs R]
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
    """The export of a generated program of ``count`` measures, ready to time."""
    return exporting("csv", count, as_of=AS_OF)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = generate(args.measures)
    exporter = get_manager().exporters()["csv"]
    rows = list(exporter.rows(program, as_of=AS_OF))
    ours = export(args.measures)

    def baseline() -> bytes:
        buffer = io.BytesIO()
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        csv.writer(text, lineterminator="\r\n").writerows(rows)
        text.flush()
        return buffer.getvalue()

    assert ours() == baseline(), "the baseline must write the same bytes"
    mine, plain = interleaved(ours, baseline, args.runs)
    record("CSV export / csv.writer writing the same rows", mine / plain, "<= 1.3x", mine / plain <= 1.3)
    import pandas

    frame = pandas.DataFrame(rows[1:], columns=rows[0])

    def with_pandas() -> bytes:
        buffer = io.BytesIO()
        frame.to_csv(buffer, index=False, lineterminator="\r\n", encoding="utf-8")
        return buffer.getvalue()

    assert with_pandas() == ours(), "pandas must write the same bytes"
    mine, panda = interleaved(ours, with_pandas, args.runs)
    record("CSV export / pandas.DataFrame.to_csv of a prebuilt frame", mine / panda, "< 0.8x", mine / panda < 0.8)
    record_growth("exporter", "csv", growth(export, args.measures // 10), args.measures // 10)


if __name__ == "__main__":
    main()
