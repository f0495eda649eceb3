"""Shared test configuration: Hypothesis profiles and paths to shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The ``../shared`` folder beside the project; the test skips when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent (it sits beside the project in CI)")
    return SHARED
