"""Every input the fuzzers found crashing or slow, kept as a file, now accepted or refused in time.

A reproducer is a file ``reproducers/TARGET/NAME`` (as ``make fuzz`` keeps it in
``fuzz/findings/TARGET/``); its target runs it like any fuzzing input.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fuzz.run import SLOW_SECONDS_PER_100KB
from fuzz.targets import ACCEPTED, REJECTED, all_targets, run_one

HERE = Path(__file__).resolve().parent / "reproducers"
FILES = sorted(p for p in HERE.glob("*/*") if p.is_file() and p.suffix != ".txt")


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_reproducer(path: Path) -> None:
    data = path.read_bytes()
    target = all_targets()[path.parent.name]
    assert run_one(target, data) in (ACCEPTED, REJECTED)
    best = float("inf")
    for _ in range(2):  # timed after a first run, as make fuzz does: not a first-call warm-up
        start = time.perf_counter()
        run_one(target, data)
        best = min(best, time.perf_counter() - start)
    assert best <= SLOW_SECONDS_PER_100KB * max(1.0, len(data) / 100_000)
