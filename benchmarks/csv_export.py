"""Export a generated 100,000-measure program to CSV.

Prints the time and its ratio to ``csv.writer`` writing the same rows from
prepared tuples (the target: at most 1.3x) and to ``pandas.DataFrame.to_csv``
(the target: faster), when pandas is installed (``pip install pandas``)::

    python benchmarks/csv_export.py [--measures N] [--repeat R]
"""

from __future__ import annotations

import argparse
import csv
import io

from json_roundtrip import best_of
from plans import generate

from hrplan.plugins import get_manager

AS_OF = "2013-01-01"


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    program = generate(args.measures)
    exporter = get_manager().exporters()["csv"]
    rows = list(exporter.rows(program, as_of=AS_OF))

    def ours() -> bytes:
        buffer = io.BytesIO()
        exporter.export(program, buffer, as_of=AS_OF)
        return buffer.getvalue()

    def baseline() -> bytes:
        buffer = io.BytesIO()
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        csv.writer(text, lineterminator="\r\n").writerows(rows)
        text.flush()
        return buffer.getvalue()

    assert ours() == baseline(), "the baseline must write the same bytes"
    mine, plain = best_of(args.repeat, ours), best_of(args.repeat, baseline)
    print(f"{len(rows) - 1:,} rows, {len(ours()) / 1e6:.1f} MB of CSV")
    print(f"hrplan csv exporter  {mine:7.3f}s")
    print(f"csv.writer, tuples   {plain:7.3f}s   ratio {mine / plain:5.2f}x   (target: at most 1.30x)")
    try:
        import pandas
    except ImportError:
        print("pandas is not installed: pip install pandas to compare with DataFrame.to_csv")
        return
    frame = pandas.DataFrame(rows[1:], columns=rows[0])

    def with_pandas() -> None:
        frame.to_csv(io.BytesIO(), index=False, lineterminator="\r\n", encoding="utf-8")

    panda = best_of(args.repeat, with_pandas)
    print(f"pandas to_csv        {panda:7.3f}s   ratio {mine / panda:5.2f}x   (target: below 1.00x)")


if __name__ == "__main__":
    main()
