"""The label vocabulary that ships with hrplan: what each label of a plan means.

One row per meaning, with every spelling seen in published plans. Spellings are
compared after :func:`hrplan.labels.normalise` (case, punctuation, hyphens,
blanks, plurals and ``(s)`` do not matter), so each is written once here.
``docs/text-format.md`` shows this table; a test keeps the two the same.
"""

from __future__ import annotations

from hrplan.labels._meaning import Meaning

__all__ = ["TABLE", "markdown_table"]

#: Each meaning and the labels that carry it.
TABLE: tuple[tuple[Meaning, tuple[str, ...]], ...] = (
    (Meaning.LEAD, (
        "Responsible", "Responsible institution", "Responsible agency", "Responsible body",
        "Responsible authority", "Responsible ministry", "Responsible organisation",
        "Responsible organization", "Responsible entity", "Responsible party", "Responsible unit",
        "Responsible for implementation", "Responsible executor", "Implementing institution",
        "Implementing agency", "Implementing body", "Implementing entity", "Implementer",
        "Executor", "Executing agency", "Executing body", "Lead agency", "Lead institution",
        "Lead ministry", "Lead body", "Lead", "Corresponding body", "Main implementer",
        "Responsibility", "Responsible ministry/department", "Implementing ministry", "Implementing authority",
        "Responsible department", "Responsible actor", "Lead actor", "Lead organisation", "Lead organization",
        "Lead responsibility", "Main responsible",
    )),
    (Meaning.CO_IMPLEMENTER, (
        "Co-implementer", "Co-implementing agency", "Co-executor", "Co-responsible",
        "Other implementers", "Supporting agency", "Supporting institution", "Contributing agency",
        "Participating institution", "Involved institution",
    )),
    (Meaning.PARTNER, (
        "Partner", "Partner agency", "Partner institution", "Partner organisation",
        "Partner organization", "Partnership agency", "Implementing partner", "Cooperating agency",
        "In cooperation with", "In collaboration with", "In partnership with", "Stakeholder",
        "Other partner", "Key partner", "Other stakeholder", "Collaborating institution", "Collaborating agency",
    )),
    (Meaning.UPON_CONSENT, ("Upon consent", "Subject to consent", "With the consent of")),
    (Meaning.TIME_LIMIT, (
        "Time-limit", "Timeframe", "Deadline", "Deadline for implementation", "Implementation deadline",
        "Term", "Execution term", "Execution period", "Implementation period", "Period of implementation",
        "Implementation timeframe", "Implementation term", "Term of implementation", "Timeline",
        "Schedule", "Due date", "Target date", "Completion date", "Duration", "Time frame for implementation",
        "Implementation timeline", "Timing", "Period", "End date", "Target year", "Year of implementation",
    )),
    (Meaning.INDICATORS, (
        "Indicator", "Objective indicator", "Performance indicator", "Evaluation indicator",
        "Key performance indicator", "Success indicator", "Progress indicator", "Output indicator",
        "Outcome indicator", "Monitoring indicator", "Indicator of achievement", "Verifiable indicator",
        "Objectively verifiable indicator", "Indicator of progress", "Measurable indicator", "KPI",
    )),
    (Meaning.EXPECTED_RESULTS, (
        "Expected outcome", "Expected result", "Expected output", "Expected impact",
        "Anticipated result", "Planned result", "Result", "Deliverable", "Output",
        "Outcome",
    )),
    (Meaning.FUNDING, (
        "Source of funding", "Funding source", "Funding", "Financing", "Source of financing",
        "Financing source", "Financial source", "Source of finance", "Funded by", "Source of funds",
        "Budget source",
    )),
    (Meaning.BUDGET, (
        "Budget", "Estimated budget", "Budget estimate", "Allocated budget", "Cost", "Estimated cost",
        "Cost estimate", "Resources required", "Required resources",
    )),
    (Meaning.KEEP, (
        "Baseline", "Target", "Means of verification", "Source of verification", "Risk", "Assumption",
        "Remark", "Note", "Comment", "Status", "Compliance with", "Link to SDG", "SDG",
        "Related recommendation", "Legal basis", "Priority", "Recommendation", "Target group",
        "Beneficiaries",
    )),
    (Meaning.NUMBER, (
        "No.", "Nr", "Number", "#", "\u2116", "Item", "Sr. No.", "S. No.", "Sl. No.", "S/N", "Serial number",
        "Ref. No.",
    )),
    (Meaning.TITLE, (
        "Activity", "Measure", "Action", "Task", "Activity/measure", "Description of activity",
        "Action point", "Planned activity", "Key activity", "Measures to be taken", "Actions to be undertaken",
        "Action to be taken", "Specific action", "Planned action", "Proposed action", "Proposed activity",
        "Activity description", "Results chain", "Result chain", "Intervention logic", "Narrative summary",
    )),
    (Meaning.ISSUE, (
        "Issue", "Area", "Thematic area", "Priority area", "Problem", "Objective", "Goal", "Theme",
        "Field", "Topic", "Strategic objective", "Specific objective", "Strategic goal", "Pillar",
        "Thematic priority", "Strategic priority", "Strategic direction",
    )),
)  # fmt: skip


def markdown_table() -> str:
    """:data:`TABLE` as the Markdown table ``docs/text-format.md`` shows."""
    rows = ["| meaning | what hrplan does with it | labels |", "| --- | --- | --- |"]
    for meaning, texts in TABLE:
        labels = ", ".join(f"`{text}`" for text in texts)
        rows.append(f"| `{meaning.value}` | {meaning.description} | {labels} |")
    return "\n".join(rows) + "\n"
