"""The finding codes of the recommendations layouts and the UHRI JSON importer."""

from __future__ import annotations

__all__ = ["CODES"]

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
    "REC013": "a thematic list without UPR session or year (its ids hold 'x')",
    "REC014": "a recommendation whose id another one with a different text has (kept, with a new id)",
    "REC015": "a recommendation of a Working Group report under no paragraph that gives the response",
    "REC016": "numbered paragraphs of a Working Group report that are not recommendations (not read, information)",
    "REC017": "a two-level paragraph of a Working Group report with no States, under no response (not read)",
}
