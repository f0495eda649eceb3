"""Read and write a generated 100,000-measure program as hrplan JSON.

- read: ``hrplan.loads`` against ``orjson.loads`` of the same bytes (the parse
  alone: the floor, with no model built);
- write: peak memory traced by ``tracemalloc`` while writing, over the file's size;
- read: peak resident memory of a fresh interpreter that reads the file, over
  the file's size (the interpreter's own start-up resident set subtracted);
- the growth check of the importer and of the exporter::

    python benchmarks/json_roundtrip.py [--measures N] [--runs R]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import orjson
from harness import growth, interleaved, record, record_growth
from plans import generate

from hrplan import jsonio

# VmHWM, not ru_maxrss: a child started from a large process inherits the parent's ru_maxrss.
RSS = """
import sys
import hrplan
from hrplan import jsonio
path = sys.argv[1]
if sys.argv[2] == "read":
    with open(path, "rb") as f:
        program = jsonio.loads(f.read())
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:")))
"""


def peak_rss(path: Path, action: str) -> int:
    """Peak resident bytes of a fresh interpreter that imports hrplan and does ``action``."""
    out = subprocess.run([sys.executable, "-c", RSS, str(path), action], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[-1])


def read(count: int) -> Callable[[], object]:
    """The read of a generated program of ``count`` measures, ready to time."""
    data = jsonio.dumps(generate(count))
    return lambda: jsonio.loads(data)


def write(count: int) -> Callable[[], object]:
    """The write of a generated program of ``count`` measures, ready to time."""
    program = generate(count)
    return lambda: jsonio.dumps(program)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = generate(args.measures)
    data = jsonio.dumps(program)
    assert jsonio.dumps(jsonio.loads(data)) == data, "a round trip must give the same bytes"
    mine, floor = interleaved(lambda: jsonio.loads(data), lambda: orjson.loads(data), args.runs)
    record("JSON read / orjson.loads of the same bytes", mine / floor, "<= 1.3x", mine / floor <= 1.3)

    tracemalloc.start()
    jsonio.dumps(program)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    record("JSON write: peak traced memory / file size", peak / len(data), "<= 1.5x", peak / len(data) <= 1.5)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "program.json"
        path.write_bytes(data)
        extra = peak_rss(path, "read") - peak_rss(path, "none")
    record("JSON read: peak RSS / file size", extra / len(data), "<= 3x", extra / len(data) <= 3,
           note=f"({len(data) / 1e6:.1f} MB file)")
    size = args.measures // 10
    record_growth("importer", "json", growth(read, size), size)
    record_growth("exporter", "json", growth(write, size), size)


if __name__ == "__main__":
    main()
