"""``hrplan.status(m, day, program=p)`` for every measure against a plain loop doing the same.

The program is the generated one of ``plans.py`` with the sub-measures of every
other measure left without a time-limit (they inherit their parent's). The
baseline walks the tree passing each parent's time-limit down and compares the
dates itself; it must give the same statuses::

    python benchmarks/status.py [--measures N] [--runs R]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

import attrs
from harness import interleaved, record
from plans import generate

import hrplan
from hrplan.deadlines import Status

DAY = date(2013, 6, 1)
BOUNDED = (hrplan.TimeLimitKind.INTERVAL, hrplan.TimeLimitKind.DEADLINE)


def inheriting(count: int) -> hrplan.Program:
    """The generated program, half of its sub-measures inheriting their time-limit."""
    program = generate(count)
    chapters = []
    for chapter in program.chapters:
        measures = tuple(
            attrs.evolve(m, children=tuple(attrs.evolve(c, time_limit=None) for c in m.children)) if i % 2 else m
            for i, m in enumerate(chapter.measures)
        )
        chapters.append(attrs.evolve(chapter, measures=measures))
    return attrs.evolve(program, chapters=tuple(chapters))


def plain(program: hrplan.Program, day: date) -> list[Status]:
    """The floor: inherited time-limits passed down the tree, dates compared inline."""
    margin = timedelta(days=30)
    out: list[Status] = []

    def judge(limit: hrplan.TimeLimit | None) -> Status:
        if limit is None or limit.kind not in BOUNDED:
            return hrplan.status(limit, day)  # ongoing and recurring kinds: not the hot case here
        if limit.start is not None and day < limit.start:
            return Status.NOT_STARTED
        assert limit.end is not None
        if day > limit.end:
            return Status.OVERDUE
        return Status.DUE_SOON if limit.end - day < margin else Status.IN_PROGRESS

    def walk(measures: tuple[hrplan.Measure, ...], inherited: hrplan.TimeLimit | None) -> None:
        for m in measures:
            limit = m.time_limit or inherited
            out.append(judge(limit))
            walk(m.children, limit)

    for chapter in program.chapters:
        walk(chapter.measures, None)
    return out


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = inheriting(args.measures)
    measures = list(program.iter_measures())

    def ours() -> list[Status]:
        return [hrplan.status(m, DAY, program=program) for m in measures]

    assert ours() == plain(program, DAY), "the baseline must give the same statuses"
    mine, theirs = interleaved(ours, lambda: plain(program, DAY), args.runs)
    record("hrplan.status for every measure / a plain loop", mine / theirs, "<= 1.5x", mine / theirs <= 1.5)


if __name__ == "__main__":
    main()
