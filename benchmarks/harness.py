"""Shared measuring for the benchmarks: interleaved medians, growth checks, one result format.

Every benchmark compares hrplan with a baseline doing the same work in the same
process, the two runs interleaved (ours, theirs, ours, theirs, ...) and each side
summarised by its median, so that a machine shared with other work moves both
sides alike. Each figure is printed as a line and, when ``HRPLAN_BENCH_RESULTS``
names a file, appended to it as one JSON object for ``run.py`` to tabulate.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import time
from collections.abc import Callable

__all__ = ["best_of", "growth", "interleaved", "record", "record_growth", "timed"]


def timed(action: Callable[[], object]) -> float:
    """Seconds one call of ``action`` takes, the cyclic collector run beforehand."""
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleaved(ours: Callable[[], object], baseline: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    """Median seconds of ``ours`` and of ``baseline``, run alternately ``runs`` times each."""
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(timed(ours))
        theirs.append(timed(baseline))
    return statistics.median(mine), statistics.median(theirs)


def growth(action: Callable[[int], Callable[[], object]], size: int, runs: int = 3) -> float:
    """Time per row at ``10 * size`` over time per row at ``size`` (1.0: linear).

    ``action(n)`` prepares an input of ``n`` rows and returns the call to time.
    """
    small, large = action(size), action(size * 10)
    per_small = statistics.median(timed(small) for _ in range(runs)) / size
    per_large = statistics.median(timed(large) for _ in range(max(1, runs - 1))) / (size * 10)
    return per_large / per_small


def record(path: str, figure: float, goal: str, met: bool, unit: str = "x", note: str = "") -> None:
    """Print one figure and hand it to the runner."""
    shown = f"{figure:.2f}{unit}" if unit == "x" else f"{figure:.2f} {unit}"
    print(f"{path:<58} {shown:>10}   goal {goal:<10} {'met' if met else 'NOT MET'}  {note}".rstrip())
    target = os.environ.get("HRPLAN_BENCH_RESULTS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            row = {"path": path, "figure": shown, "goal": goal, "met": met, "note": note}
            out.write(json.dumps(row) + "\n")


def record_growth(kind: str, name: str, ratio: float, size: int) -> None:
    """Record a growth check: per-row time at 10x over 1x; linear within 1.5x."""
    record(f"{kind} {name}: per-row time at {size * 10:,} / at {size:,}", ratio, "<= 1.5x", ratio <= 1.5)


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``action``, in seconds."""
    return min(timed(action) for _ in range(repeat))
