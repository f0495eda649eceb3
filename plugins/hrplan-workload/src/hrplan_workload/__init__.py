"""hrplan-workload: an hrplan plugin that shows who is behind on what.

For each institution of a program: its measures by status on a day, and the
numbers of its overdue measures, most overdue first. As a CSV table through the
``workload`` exporter (files named ``*.workload.csv``)::

    hrplan.export(program, "out.workload.csv", as_of="2013-01-01")

or as Python objects for dashboards::

    for load in hrplan_workload.workload(program, date(2013, 1, 1), role="lead"):
        print(load.name, load.counts[hrplan.Status.OVERDUE], load.behind)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

from hrplan_workload._export import COLUMNS, OPTIONS, WorkloadExporter
from hrplan_workload._workload import STATUSES, InstitutionLoad, workload

__version__ = "0.1.0"

__all__ = [
    "COLUMNS",
    "OPTIONS",
    "STATUSES",
    "InstitutionLoad",
    "WorkloadExporter",
    "__version__",
    "register_exporters",
    "workload",
]


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the ``workload`` exporter (hrplan calls this when it loads the plugin)."""
    register(WorkloadExporter())
