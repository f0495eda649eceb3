"""Built-in plugin ``hrplan.recommendations``: recommendations from every source officials hold.

Three table layouts, chosen by what the cells hold in any container (CSV, Excel, Word):

- ``upr-info``: UPR Info database exports (State under review, text, recommending
  State, response, action category, issue, session; voluntary pledges mixed in);
- ``uhri``: Universal Human Rights Index exports (treaty bodies, special
  procedures and the UPR), and the ``uhri-json`` importer for its JSON exports;
- ``ohchr-thematic-list``: OHCHR thematic lists of UPR recommendations;

and the ``recommendations`` validator (``REC101``: a supported recommendation
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

#: The finding codes the recommendations layouts report, with their meaning.
CODES: dict[str, str] = {
    "REC001": "a row without State under review or text (skipped)",
    "REC002": "no recommending States in parentheses at the end of the text (kept whole)",
    "REC003": "an unknown or empty response (position left empty)",
    "REC004": "a State not in hrplan's country registry (kept as written)",
    "REC005": "an action category that is not 1 to 5 (left empty)",
    "REC006": "a UPR session hrplan's table does not hold (no year)",
    "REC007": "no paragraph number at the start of a thematic list's recommendation",
    "REC008": "a publication date that cannot be read (left empty)",
    "REC010": "a recommendation already in the program (merged into it)",
    "REC011": "no row for the State asked for with option 'state'",
    "REC012": "a thematic list that names no State, without option 'state'",
}

LAYOUTS = (ThematicListLayout(), UhriLayout(), UprInfoLayout())


@hookimpl
def register_table_layouts(register: Callable[[Any], None]) -> None:
    """Register the three recommendations layouts."""
    for layout in LAYOUTS:
        register(layout)


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register the UHRI JSON importer."""
    register(UhriJsonImporter())


@hookimpl
def register_validators(register: Callable[[Any], None]) -> None:
    """Register the follow-up validator."""
    register(RecommendationsValidator())
