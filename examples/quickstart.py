"""Load the bundled 2012 program and show where every measure stands.

Usage::

    python examples/quickstart.py [AS_OF]      # AS_OF as YYYY-MM-DD; default: today
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import hrplan

DATA = Path(__file__).parent / "data" / "az-2012.json"


def main(argv: list[str]) -> int:
    """Print measures per chapter, then each measure's status grouped by status."""
    try:
        as_of = date.fromisoformat(argv[0]) if argv else date.today()
    except ValueError:
        print(f"usage: quickstart.py [YYYY-MM-DD]; {argv[0]!r} is not a date", file=sys.stderr)
        return 2
    program = hrplan.read(DATA)
    print(program.title)
    print(f"adopted {program.adoption.date} by {program.adoption.instrument}" if program.adoption else "")
    print("\nMeasures per chapter")
    for chapter in program.chapters:
        count = sum(1 for _ in chapter.iter_measures())
        print(f"  {chapter.label:>5}  {count:3d}  {chapter.title}")
    print(f"\nStatus as of {as_of}")
    by_status: dict[hrplan.Status, list[hrplan.Measure]] = defaultdict(list)
    for measure in program.iter_measures():
        by_status[hrplan.status(measure, as_of, program=program)].append(measure)
    for state in hrplan.Status:
        measures = by_status.get(state, [])
        if measures:
            print(f"\n  {state.value} ({len(measures)})")
            for measure in measures:
                limit = hrplan.effective_time_limit(measure, program)
                print(f"    {measure.id!s:<7} {str(limit) if limit else '-':<24} {measure.title}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
