"""Export the bundled program with every installed exporter, then validate it.

Usage::

    python examples/export_formats.py [AS_OF] [OUT_DIR]   # defaults: 2013-01-01, ./out
"""

from __future__ import annotations

import sys
from pathlib import Path

import hrplan
from hrplan.plugins import get_manager

DATA = Path(__file__).parent / "data" / "az-2012.json"


def main(argv: list[str]) -> int:
    """Write one file per exporter and print the validation findings."""
    as_of = argv[0] if argv else "2013-01-01"
    out = Path(argv[1] if len(argv) > 1 else "out")
    out.mkdir(parents=True, exist_ok=True)
    program = hrplan.read(DATA)
    print(f"Exporting {program.id} as of {as_of} to {out}/")
    for name, exporter in sorted(get_manager().exporters().items()):
        target = out / f"{program.id}{exporter.extensions[0]}"
        options = {} if name in ("json", "text") else {"as_of": as_of}
        hrplan.export(program, target, format=name, **options)
        print(f"  {name:<10} {target}  ({target.stat().st_size:,} bytes)  {exporter.description}")
    findings = hrplan.validate(program)
    print(f"\nValidation: {len(findings)} finding(s)")
    for finding in findings:
        print(f"  {finding}")
    workload = out / f"{program.id}.workload.csv"
    if workload.exists():
        print(f"\nWho is behind on what ({workload.name}):")
        for line in workload.read_text(encoding="utf-8").splitlines()[:6]:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
