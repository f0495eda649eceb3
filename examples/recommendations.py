"""Recommendations from three sources for one State, in one program, and what no measure implements yet.

Reads Slovenia's recommendations from an OHCHR thematic list (Word, second UPR
cycle), from a UPR Info database export (CSV, first cycle) and from the last
section of a Working Group report saved as text, adds them to one program (a
recommendation repeated in a later file is merged, not added twice), and prints
how many supported recommendations no measure implements (the ``REC101``
finding of ``hrplan validate``).

The real files come from ``../shared/datasets`` when present; otherwise the
example writes small files of its own in the same layouts and reads those.

Usage::

    python examples/recommendations.py [OUT_DIR]      # default: ./out
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from pathlib import Path

import hrplan
from hrplan.plugins import get_manager
from hrplan.tables import Table, read_tables

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "datasets"
THEMATIC = SHARED / "ohchr-thematic-lists" / "UPR20_Slovenia_ThematicListRecommendations.docx"
UPR_INFO = SHARED / "upr-info-database" / "sessions-06-09.csv"
STATE = "Slovenia"

#: A thematic list's rows, in our own words, when the real .docx is absent.
OWN_LIST = [
    ["Recommendation", "Position", "Full list of themes", "Assessment"],
    ["Theme: A12 Acceptance of international norms"] * 4,
    ["115.1 Ratify the convention on enforced disappearance (Spain) (Uruguay);\n"
     "Source of position: A/HRC/28/15/Add.1 - Para. 3", "Supported",
     "A12 Acceptance of international norms\nAffected persons:\n- disappeared persons", ""],
    ["115.2 Strengthen the equality body (Venezuela (Bolivarian Republic of));\n"
     "Source of position: A/HRC/28/15/Add.1 - Para. 4", "Noted", "B31 Equality\nAffected persons:\n- general", ""],
]

#: A UPR Info export's rows, in our own words, when the real one is absent.
OWN_EXPORT = [
    ["To", "To-Rgrp", "Text", "From", "Response", "Action", "Issue", "Session"],
    ["Slovenia", "EEG", "Adopt a plan against domestic violence.", "Spain", "Accepted", "4", "Women's rights", "7"],
    ["Slovenia", "EEG", "Adopt a plan against domestic violence.", "UK", "Accepted", "4", "Women's rights", "7"],
    ["Slovenia", "EEG", "Review the status of the erased persons.", "Serbia", "Noted", "3", "Minorities", "7"],
]

#: The last section of a Working Group report, in our own words, as text copied from its PDF.
OWN_REPORT = """A/HRC/28/15
Report of the Working Group on the Universal Periodic Review - Slovenia

140. The following recommendations enjoy the support of Slovenia:
140.1 Adopt measures against hate speech on the internet
(Canada);
140.2 Train police officers on the rights of Roma (Hungary).

141. The following recommendations have been noted by Slovenia:
141.1 Lower the threshold for the registration of religious communities (Holy See).
"""  # paragraphs 140 and 141 are our own: the real report has none, so nothing merges into its texts


def thematic_list(workdir: Path) -> hrplan.ImportResult:
    """The thematic list: the real .docx through hrplan.load, or our own rows as a table."""
    if THEMATIC.is_file() and "docx" in get_manager().importers():
        return hrplan.load(THEMATIC, state=STATE)
    return read_tables([Table(OWN_LIST, source="thematic-list")], context=get_manager().context(), state=STATE)


def upr_info_export(workdir: Path) -> Path:
    """The UPR Info export: the real one, or ours written as UPR Info writes them (Mac Roman, CR)."""
    if UPR_INFO.is_file():
        return UPR_INFO
    path = workdir / "upr-info.csv"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r").writerows(OWN_EXPORT)
    path.write_bytes(out.getvalue().encode("mac_roman"))
    return path


def main() -> None:
    """Import both sources into one program, write it, and count what no measure implements."""
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out")
    workdir = Path(tempfile.mkdtemp())
    listed = thematic_list(workdir)
    program = listed.program
    print(f"{program.title}: {len(program.recommendations)} from the thematic list")
    exported = hrplan.load(upr_info_export(workdir), state=STATE, base=program)
    program = exported.program
    print(f"{len(program.recommendations)} after the UPR Info export")
    report_file = workdir / "wg-report.txt"
    report_file.write_text(OWN_REPORT, encoding="utf-8")
    reported = hrplan.load(report_file, base=program)  # recognised as a report by its first lines
    program = reported.program
    print(f"{len(program.recommendations)} after the Working Group report")
    for finding in (*listed.findings, *exported.findings, *reported.findings):
        print(" ", finding)
    cycles = sorted({(r.cycle, r.year) for r in program.recommendations}, key=str)
    print("cycles and years:", ", ".join(f"cycle {c} ({y})" for c, y in cycles))
    out_dir.mkdir(parents=True, exist_ok=True)
    hrplan.write(program, out_dir / "slovenia-recommendations.json")
    supported = [r for r in program.recommendations if r.position is hrplan.Position.SUPPORTED]
    unimplemented = [f for f in hrplan.validate(program, select=["REC101"])]
    missing = sum(1 for r in supported if not r.measures)
    print(f"{len(supported)} supported recommendations, {missing} implemented by no measure")
    for finding in unimplemented:
        print(" ", finding.message[:160])


if __name__ == "__main__":
    main()
