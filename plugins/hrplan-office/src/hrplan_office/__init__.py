"""hrplan-office: an hrplan plugin for the formats officials work in, Excel (.xlsx) and Word (.docx).

It registers its importers and exporters through hrplan's ordinary hooks, so they are
chosen by ``format=`` or by a file's extension and content like any other format.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

__version__ = "0.1.0"

__all__ = ["__version__", "register_exporters", "register_importers"]


@hrplan.hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the office importers (hrplan calls this when it loads the plugin)."""


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the office exporters (hrplan calls this when it loads the plugin)."""
