"""The size of the HTML report (hrplan-html) of a generated 10,000-measure program::

    python benchmarks/html_report.py [--measures N]
"""

from __future__ import annotations

import argparse
import io

from harness import record
from plans import generate

from hrplan.plugins import get_manager


def main() -> None:
    """Export the report and record its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=10_000)
    args = parser.parse_args()
    buffer = io.BytesIO()
    get_manager().exporters()["html"].export(generate(args.measures), buffer, as_of="2013-01-01")
    size = len(buffer.getvalue()) / 1e6
    record(f"HTML report at {args.measures:,} measures", size, "<= 4 MB", size <= 4, unit="MB")


if __name__ == "__main__":
    main()
