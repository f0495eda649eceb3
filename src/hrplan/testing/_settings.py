"""Hypothesis settings for tests that draw whole programs, and the ``hrplan`` profile."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings

__all__ = ["PROFILE", "plugin_settings"]

#: The name of the Hypothesis profile ``hrplan.testing`` registers
#: (``settings.load_profile(hrplan.testing.PROFILE)`` in a ``conftest.py``).
PROFILE = "hrplan"

#: Health checks that whole programs trip on a slow or busy machine: a program
#: takes a few hundred draws (``too_slow``) and can be large (``data_too_large``).
RELAXED = (HealthCheck.too_slow, HealthCheck.data_too_large)


def plugin_settings(**changes: Any) -> settings:
    """Settings for tests that draw from :func:`hrplan.testing.programs`, as a decorator.

    The current profile's settings (``max_examples``, the database...) with no
    deadline (exporters may take longer than 200 ms on a busy machine) and the
    health checks that generated programs trip on slow machines turned off;
    ``changes`` override any of them::

        @plugin_settings(max_examples=25)
        @given(programs())
        def test_exporter_never_crashes(program): ...
    """
    current = settings()
    relaxed = tuple(dict.fromkeys([*current.suppress_health_check, *RELAXED]))
    return settings(current, **{"deadline": None, "suppress_health_check": relaxed, **changes})


settings.register_profile(PROFILE, plugin_settings())
