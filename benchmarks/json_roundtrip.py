"""Write and read a generated 100,000-measure program as hrplan JSON.

Prints the time of each step and its ratio to plain ``cattrs`` + ``json`` on
flat attrs classes holding the same values (the target: at most 1.5x). The
baseline uses the standard library's compact C encoder; hrplan writes indented,
diff-friendly JSON. The baseline's read time depends on when Python's cyclic
garbage collector happens to run, so the ratio moves between runs: use a few
``--repeat``::

    python benchmarks/json_roundtrip.py [--measures N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date

import attrs
import cattrs
from cattrs.preconf.json import make_converter
from plans import generate

import hrplan
from hrplan import jsonio


@attrs.frozen
class FlatMeasure:
    """The baseline: one measure with plain fields, no nesting, no checks."""

    id: str
    title: str
    institutions: tuple[str, ...]
    time_limit_text: str
    time_limit_kind: str
    time_limit_start: date | None
    time_limit_end: date | None


@attrs.frozen
class FlatProgram:
    """The baseline program: a flat list of measures."""

    id: str
    measures: tuple[FlatMeasure, ...]


def flatten(program: hrplan.Program) -> FlatProgram:
    """The same values in the baseline's flat classes."""
    measures = []
    for m in program.iter_measures():
        t = m.time_limit
        assert t is not None
        measures.append(
            FlatMeasure(str(m.id), m.title, m.institutions, t.text or "", t.kind.value, t.start, t.end)
        )
    return FlatProgram(program.id, tuple(measures))


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    program = generate(args.measures)
    flat = flatten(program)
    converter: cattrs.Converter = make_converter()
    data = jsonio.dumps(program)
    flat_data = json.dumps(converter.unstructure(flat)).encode()
    rows = [
        ("write", best_of(args.repeat, lambda: jsonio.dumps(program)),
         best_of(args.repeat, lambda: json.dumps(converter.unstructure(flat)).encode())),
        ("read", best_of(args.repeat, lambda: jsonio.loads(data)),
         best_of(args.repeat, lambda: converter.structure(json.loads(flat_data), FlatProgram))),
    ]
    print(f"{sum(1 for _ in program.iter_measures()):,} measures, {len(data) / 1e6:.1f} MB of hrplan JSON")
    print(f"{'step':<6} {'hrplan':>9} {'baseline':>9} {'ratio':>6}")
    for step, ours, baseline in rows:
        print(f"{step:<6} {ours:8.3f}s {baseline:8.3f}s {ours / baseline:5.2f}x")
    total = sum(r[1] for r in rows) / sum(r[2] for r in rows)
    print(f"{'total':<6} {'':>9} {'':>9} {total:5.2f}x   (target: at most 1.50x)")


if __name__ == "__main__":
    main()
