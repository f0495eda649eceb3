"""Built-in plugin ``hrplan.recommendations``: recommendations from every source officials hold.

Three table layouts, chosen by what the cells hold in any container (CSV, Excel, Word):

- ``upr-info``: UPR Info database exports (State under review, text, recommending
  State, response, action category, issue, session; voluntary pledges mixed in);
- ``uhri``: Universal Human Rights Index exports (treaty bodies, special
  procedures and the UPR), and the ``uhri-json`` importer for its JSON exports;
- ``ohchr-thematic-list``: OHCHR thematic lists of UPR recommendations;

the ``upr-report`` importer for UPR Working Group reports saved as text, and the
``recommendations`` validator (``REC101``: a supported recommendation
that no measure implements). ``docs/recommendations.md`` documents them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hrplan.builtins.recommendations._build import merge_into, new_program
from hrplan.builtins.recommendations._cells import (
    excel_date,
    mechanism_of,
    position_of,
    sdg_numbers,
    split_labelled,
    split_list,
    split_paragraph,
    split_trailing_states,
)
from hrplan.builtins.recommendations._codes import CODES
from hrplan.builtins.recommendations._report import UprReportImporter
from hrplan.builtins.recommendations._thematic import ThematicListLayout
from hrplan.builtins.recommendations._uhri import UhriJsonImporter, UhriLayout, table_from_json
from hrplan.builtins.recommendations._upr_info import UprInfoLayout
from hrplan.builtins.recommendations._validate import RecommendationsValidator
from hrplan.plugins import hookimpl

__all__ = [
    "CODES",
    "RecommendationsValidator",
    "ThematicListLayout",
    "UhriJsonImporter",
    "UhriLayout",
    "UprInfoLayout",
    "UprReportImporter",
    "excel_date",
    "mechanism_of",
    "merge_into",
    "new_program",
    "position_of",
    "register_importers",
    "register_table_layouts",
    "register_validators",
    "sdg_numbers",
    "split_labelled",
    "split_list",
    "split_paragraph",
    "split_trailing_states",
    "table_from_json",
]

LAYOUTS = (ThematicListLayout(), UhriLayout(), UprInfoLayout())


@hookimpl
def register_table_layouts(register: Callable[[Any], None]) -> None:
    """Register the three recommendations layouts."""
    for layout in LAYOUTS:
        register(layout)


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the UHRI JSON importer and the Working Group report importer."""
    register(UhriJsonImporter())
    register(UprReportImporter())


@hookimpl
def register_validators(register: Callable[[Any], None]) -> None:
    """Register the follow-up validator."""
    register(RecommendationsValidator())
