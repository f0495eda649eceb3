"""Generated programs for the benchmarks."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import attrs

import hrplan
from hrplan.plugins import get_manager

LIMITS = ["permanently", "2012", "2012-2015", "March-April 2012", "by 31 December 2013"]


def generate(count: int) -> hrplan.Program:
    """A program of ``count`` measures: 10 chapters, each top-level measure with 4 sub-measures."""
    limits = [hrplan.parse_time_limit(t) for t in LIMITS]
    registry = [hrplan.Institution(f"inst-{i}", f"Institution {i}") for i in range(50)]
    per_chapter = count // 10
    chapters = []
    for c in range(1, 11):
        measures = []
        for m in range(1, per_chapter // 5 + 1):
            children = tuple(_measure(f"{c}.{m}.{k}", limits, k + m) for k in range(1, 5))
            measures.append(attrs.evolve(_measure(f"{c}.{m}", limits, m), children=children))
        chapters.append(hrplan.Chapter(c, f"Chapter {c}", measures=tuple(measures)))
    return hrplan.Program("bench", "Benchmark", chapters=tuple(chapters), institutions=registry)


def exporting(name: str, count: int, **options: Any) -> Callable[[], bytes]:
    """Exporter ``name`` writing a generated program of ``count`` measures, ready to time."""
    program = generate(count)
    exporter = get_manager().exporters()[name]

    def run() -> bytes:
        buffer = io.BytesIO()
        exporter.export(program, buffer, **options)
        return buffer.getvalue()

    return run


def _measure(number: str, limits: list[hrplan.TimeLimit], seed: int) -> hrplan.Measure:
    implementers = tuple(hrplan.Implementer(f"inst-{(seed * k) % 50}") for k in range(1, 3))
    return hrplan.Measure(number, f"Measure {number}", implementers=implementers, time_limit=limits[seed % 5])
