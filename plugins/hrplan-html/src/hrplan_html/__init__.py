"""hrplan-html: an hrplan plugin that writes a self-contained HTML status report.

One file with inline CSS and SVG (no scripts, nothing fetched): headline figures,
a timeline of the measures by chapter, a table per chapter, counts per
institution and the overdue measures. Through the ``html`` exporter (files named
``*.html`` or ``*.htm``)::

    hrplan.export(program, "report.html", as_of="2013-01-01")

or as a string::

    page = hrplan_html.render(program, date(2013, 1, 1), title="Status report")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

from hrplan_html._export import OPTIONS, HtmlExporter
from hrplan_html._markup import LOOKS, Look
from hrplan_html._page import VERSION, render, render_snapshot

__version__ = VERSION

__all__ = [
    "LOOKS",
    "OPTIONS",
    "HtmlExporter",
    "Look",
    "__version__",
    "register_exporters",
    "render",
    "render_snapshot",
]


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the ``html`` exporter (hrplan calls this when it loads the plugin)."""
    register(HtmlExporter())
