"""Checking that a function's time grows linearly with its input: doubling the input roughly doubles the time.

A function that is quadratic takes four times as long on twice the input, a
cubic one eight times; a linear one about twice. :func:`assert_linear` measures
the function at ``n`` and ``2n`` (the best of several runs, so that a busy
machine only ever makes a run slower, never faster) and fails when the ratio is
above ``max_ratio``::

    from hrplan.testing import assert_linear

    def test_splitting_is_linear():
        assert_linear(split_names, lambda n: ", ".join(["Ministry of Justice"] * n), n=100)

``n`` is first doubled until one call takes at least ``min_seconds``, so that
timer noise does not decide; a failing ratio is measured again at the next
doubling (up to ``attempts`` times: a step in memory behaviour, such as the
allocator switching strategy at some size, affects one doubling only) before the
test fails. A quadratic function fails every attempt.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

__all__ = ["assert_linear", "best_time", "growth"]

T = TypeVar("T")


def best_time(func: Callable[[T], object], argument: T, repeat: int = 5) -> float:
    """The shortest of ``repeat`` timed calls ``func(argument)``, in seconds."""
    best = float("inf")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            func(argument)
            best = min(best, time.perf_counter() - start)
    finally:
        if was_enabled:
            gc.enable()
    return best


def growth(func: Callable[[T], object], make_input: Callable[[int], T], n: int, repeat: int = 5) -> float:
    """How many times longer ``func`` takes on ``make_input(2 * n)`` than on ``make_input(n)``.

    The two sizes are timed in turn, so that a machine that gets busier or
    quieter during the measurement affects both alike; the best of each counts.
    """
    small, large = make_input(n), make_input(2 * n)
    best_small = best_large = float("inf")
    for _ in range(repeat):
        best_small = min(best_small, best_time(func, small, 1))
        best_large = min(best_large, best_time(func, large, 1))
    return best_large / max(best_small, 1e-9)


def assert_linear(
    func: Callable[[T], object],
    make_input: Callable[[int], T],
    n: int = 100,
    *,
    max_ratio: float = 3.0,
    repeat: int = 15,
    min_seconds: float = 0.0005,
    attempts: int = 4,
    max_n: int = 1 << 22,
) -> float:
    """Fail unless doubling the input of ``func`` at most multiplies its time by ``max_ratio``.

    :param make_input: builds an input of size ``n`` (characters, names, measures...).
    :param n: the size to start from; doubled until a call takes ``min_seconds``.
    :returns: the ratio measured (about 2 for a linear function).
    :raises AssertionError: when the best of ``attempts`` ratios is above ``max_ratio``.
    """
    while n < max_n and best_time(func, make_input(n), 1) < min_seconds:
        n *= 2
    ratios = []
    for _ in range(attempts):
        ratios.append((n, growth(func, make_input, n, repeat)))
        if ratios[-1][1] <= max_ratio:
            return ratios[-1][1]
        n *= 2  # a size where memory changes behaviour (a cache, the allocator) only affects one doubling
    shown = ", ".join(f"{r:.1f} from {size} to {2 * size}" for size, r in ratios)
    raise AssertionError(
        f"{getattr(func, '__name__', func)!s} is not linear: doubling its input multiplied its time by "
        f"{shown} (at most {max_ratio} allowed)"
    )
