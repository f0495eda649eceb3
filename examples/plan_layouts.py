"""Read plans laid out as other countries publish them, with the labels they use.

Writes three small plans in three layouts (goal -> objective -> activity; numbered
issues with unnumbered activities pasted from a table; one level of numbers with a
label of the plan's own), reads each with the ``text`` importer, and prints every
measure with its implementers, their roles, its time-limit, funding and budget,
and what the importer had to say::

    python examples/plan_layouts.py
"""

from __future__ import annotations

import io

import hrplan

LAYOUTS = {
    "goal, objective, activity": """Plan on access to justice

Goal 1: Justice within reach

Objective 1.1: Better access to free legal aid.
Activity: Open legal aid offices in four regions.
Lead agency: Ministry of Justice
Partners: Bar Association; Regional Councils
Timeline: 2024-2025
Activity: Train paralegals for rural districts.
Lead agency: Legal Aid Service
Timeline: 2025
""",
    "issues with unnumbered activities": """Business and human rights plan

1. Labour rights of migrant workers
Inspect private recruitment agencies every year.
Responsible agencies: Labour Inspectorate; Office of the Securities and Exchange Commission
Time-frame: 2024-2026
Translate model employment contracts.
Responsible agencies: Ministry of Labour
Time-frame: 2024
""",
    "one level, a label of the plan's own": """Plan of measures on equality

Chapter 1. Equal treatment

1. Adopt a law on equal treatment in employment.
Focal point: Ministry of Health Source of funding: No financing is required
Budget: EUR 10,000
Deadline: December 2025
""",
}


def show(name: str, text: str) -> None:
    """Read one plan and print its measures and findings."""
    result = hrplan.load(io.BytesIO(text.encode()), format="text", labels={"Focal point": "lead"})
    program = result.program
    print(f"== {name}: {program.title}")
    for measure in program.iter_measures():
        bodies = ", ".join(f"{program.institutions[i.institution].name} ({i.role.value})" for i in measure.implementers)
        limit = measure.time_limit.text if measure.time_limit is not None else "-"
        money = "; ".join(f"{k}: {v}" for k, v in (("funding", measure.funding), ("budget", measure.budget)) if v)
        extra = f" | {money}" if money else ""
        print(f"  {measure.id!s:<6} {measure.title[:48]:<48} | {limit:<14} | {bodies or '-'}{extra}")
    found = sorted({f.code for f in result.findings if not f.code.startswith("IN")})
    print(f"  findings: {', '.join(found) or 'none'}")


def main() -> None:
    """Read every layout."""
    for name, text in LAYOUTS.items():
        show(name, text)


if __name__ == "__main__":
    main()
