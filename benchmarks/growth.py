"""The growth check of the importers and exporters that no other benchmark times.

Each exporter writes a generated program of N/10 and of N measures; each
importer that has an exporter of the same format reads what that exporter
wrote. Linear when the time per measure at N is about the time per measure at
N/10 (goal: within 1.5x)::

    python benchmarks/growth.py [--measures N]
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable

from harness import growth, record_growth
from plans import generate

from hrplan import HrplanError
from hrplan.plugins import get_manager

AS_OF = "2013-01-01"
#: Timed by their own benchmark (csv_export, json_roundtrip, ics_export, text_import, recommendations_import).
ELSEWHERE = frozenset({"csv", "json", "ics", "text", "upr-csv"})


def written(name: str, count: int) -> bytes:
    """What exporter ``name`` writes for a generated program of ``count`` measures."""
    buffer = io.BytesIO()
    exporter = get_manager().exporters()[name]
    try:
        exporter.export(generate(count), buffer, as_of=AS_OF)
    except Exception:  # an exporter without as_of
        buffer = io.BytesIO()
        exporter.export(generate(count), buffer)
    return buffer.getvalue()


def export(name: str) -> Callable[[int], Callable[[], object]]:
    def prepare(count: int) -> Callable[[], object]:
        program = generate(count)
        exporter = get_manager().exporters()[name]
        try:
            exporter.export(program, io.BytesIO(), as_of=AS_OF)
            options = {"as_of": AS_OF}
        except Exception:
            options = {}
        return lambda: exporter.export(program, io.BytesIO(), **options)

    return prepare


def read(name: str) -> Callable[[int], Callable[[], object]]:
    def prepare(count: int) -> Callable[[], object]:
        data = written(name, count)
        importer = get_manager().importers()[name]
        return lambda: importer.read(io.BytesIO(data))

    return prepare


def main() -> None:
    """Record the growth of every exporter, then of every importer with an exporter of its format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=5_000)
    args = parser.parse_args()
    size = args.measures // 10
    manager = get_manager()
    for name in sorted(set(manager.exporters()) - ELSEWHERE):
        record_growth("exporter", name, growth(export(name), size, runs=2), size)
    for name in sorted(set(manager.importers()) - ELSEWHERE):
        try:
            read(name)(size)()
        except (KeyError, HrplanError):
            print(f"importer {name}: reads a layout no exporter writes; timed by recommendations_import.py "
                  "or not at all")
            continue
        record_growth("importer", name, growth(read(name), size, runs=2), size)


if __name__ == "__main__":
    main()
