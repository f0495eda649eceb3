"""Hypothesis strategies for hrplan objects, for tests of hrplan and of plugins.

Needs the ``hypothesis`` package (``pip install hrplan[test]``)::

    from hypothesis import given
    from hrplan.testing import plugin_settings, programs

    @plugin_settings()
    @given(programs())
    def test_my_exporter_never_crashes(program):
        ...

:func:`plugin_settings` turns off the deadline and the health checks that whole
programs trip on busy machines; ``settings.load_profile(hrplan.testing.PROFILE)``
in a ``conftest.py`` does the same for every test.
"""

from hrplan.testing._conformance import check_exporter
from hrplan.testing._differences import byte_difference, program_differences
from hrplan.testing._plan_tables import ExpectedMeasure, PlanTable, plan_tables
from hrplan.testing._scaling import assert_linear, best_time, growth
from hrplan.testing._settings import PROFILE, plugin_settings
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
    "PROFILE",
    "PlanTable",
    "byte_difference",
    "assert_linear",
    "best_time",
    "plan_tables",
    "campaigns",
    "check_exporter",
    "events",
    "growth",
    "institutions",
    "measure_trees",
    "measures",
    "plugin_settings",
    "program_differences",
    "programs",
    "progress_updates",
    "recommendations",
    "time_limits",
    "yearly_windows",
]
