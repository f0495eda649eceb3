"""``import hrplan`` against importing the dependency modules it loads, each in a fresh interpreter.

The baseline imports exactly the modules of hrplan's dependencies (attrs, cattrs,
pluggy, python-dateutil, orjson) that ``import hrplan`` ends up loading; the
figure is the median import time of hrplan over the median of that baseline,
interpreter start-up excluded from both::

    python benchmarks/import_time.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

from harness import record

DEPENDENCIES = ("attr", "attrs", "cattrs", "pluggy", "dateutil", "orjson")
TIMER = "import time; s = time.perf_counter(); {}; print(time.perf_counter() - s)"


def _seconds(statement: str) -> float:
    out = subprocess.run([sys.executable, "-c", TIMER.format(statement)], check=True, capture_output=True, text=True)
    return float(out.stdout.split()[-1])


def dependency_modules() -> list[str]:
    """The dependency modules ``import hrplan`` loads, in load order."""
    script = "import sys, json, hrplan; print(json.dumps(list(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    return [m for m in json.loads(out.stdout) if m.split(".")[0] in DEPENDENCIES]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    baseline = "import " + ", ".join(dependency_modules())
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(_seconds("import hrplan"))
        theirs.append(_seconds(baseline))
    ratio = statistics.median(ours) / statistics.median(theirs)
    eager = subprocess.run([sys.executable, "-c", "import sys, hrplan; print('importlib.metadata' in sys.modules)"],
                           check=True, capture_output=True, text=True).stdout.strip()
    record("import hrplan / import of its dependencies alone", ratio, "<= 1.3x", ratio <= 1.3,
           note=f"(importlib.metadata loaded: {eager})")


if __name__ == "__main__":
    main()
