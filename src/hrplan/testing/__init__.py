"""Hypothesis strategies for hrplan objects, for tests of hrplan and of plugins.

Needs the ``hypothesis`` package (``pip install hrplan[test]``)::

    from hypothesis import given
    from hrplan.testing import programs

    @given(programs())
    def test_my_exporter_never_crashes(program):
        ...
"""

from hrplan.testing._conformance import check_exporter
from hrplan.testing._plan_tables import ExpectedMeasure, PlanTable, plan_tables
from hrplan.testing._strategies import (
    campaigns,
    events,
    institutions,
    measure_trees,
    measures,
    programs,
    progress_updates,
    recommendations,
    time_limits,
    yearly_windows,
)

__all__ = [
    "ExpectedMeasure",
    "PlanTable",
    "plan_tables",
    "campaigns",
    "check_exporter",
    "events",
    "institutions",
    "measure_trees",
    "measures",
    "programs",
    "progress_updates",
    "recommendations",
    "time_limits",
    "yearly_windows",
]
