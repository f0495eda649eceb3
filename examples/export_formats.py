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


def show_text_round_trip(program: hrplan.Program, path: Path) -> None:
    """Read back the plain text written above and compare its measures with the program's."""
    if not path.exists():
        return
    result = hrplan.load(path, registry=program.institutions.values())

    def outline(plan: hrplan.Program) -> list[tuple[object, ...]]:
        return [(m.id, m.title, m.implementers, m.time_limit) for m in plan.iter_measures()]

    same = "the same" if outline(result.program) == outline(program) else "DIFFERENT"
    count = sum(1 for _ in result.program.iter_measures())
    print(f"\nRead {path.name} back: {count} measures, numbers, titles, institutions and time-limits {same};")
    print(f"  {len(result.findings)} finding(s) from the text importer")
    for finding in result.findings:
        print(f"  {finding}")


def show_datasette_hint(database: Path, metadata: Path) -> None:
    """Say how to browse the SQLite database, when the hrplan-sqlite plugin wrote one."""
    if database.exists():
        print("\nBrowse the database with Datasette (pip install 'datasette<1'):")
        print(f"  datasette {database} --metadata {metadata}")


def main(argv: list[str]) -> int:
    """Write one file per exporter and print the validation findings."""
    as_of = argv[0] if argv else "2013-01-01"
    out = Path(argv[1] if len(argv) > 1 else "out")
    out.mkdir(parents=True, exist_ok=True)
    program = hrplan.read(DATA)
    print(f"Exporting {program.id} as of {as_of} to {out}/")
    for name, exporter in sorted(get_manager().exporters().items()):
        target = out / f"{program.id}{exporter.extensions[0]}"
        options: dict[str, object] = {} if name in ("json", "text") else {"as_of": as_of}
        if name == "sqlite":  # the database has no day; its Datasette metadata goes beside it
            options = {"metadata": out / f"{program.id}.metadata.json"}
        hrplan.export(program, target, format=name, **options)
        print(f"  {name:<10} {target}  ({target.stat().st_size:,} bytes)  {exporter.description}")
    show_text_round_trip(program, out / f"{program.id}.txt")
    show_datasette_hint(out / f"{program.id}.db", out / f"{program.id}.metadata.json")
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
