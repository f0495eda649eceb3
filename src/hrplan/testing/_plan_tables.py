"""Plan tables made up for property tests: rows as a container would read them, and the
measures the ``plan-table`` layout should read from them.

Headers are drawn from the label vocabulary's spellings, in any order, with
columns hrplan cannot map among them; a title and notes may sit above the header
row; group cells (number, issue) are left blank below their first row or
repeated on every row; several institutions share a cell one a line, as bullets
or separated by ``;``.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from hrplan.model import Measure, Program, Role
from hrplan.timelimits import parse_time_limit

__all__ = ["ExpectedMeasure", "PlanTable", "plan_tables"]

_HEADERS = {
    "number": ("No.", "Nr", "Number", "#"),
    "issue": ("Issue", "Area", "Thematic area", "Objective", "Goal"),
    "title": ("Activity", "Activities", "Measure", "Measures", "Action", "Tasks"),
    "lead": ("Responsible agency", "Responsible agencies", "Responsible body", "Lead agency",
             "Implementing agencies", "Executing agency", "Corresponding body"),
    "partners": ("Partners", "Partnership agencies", "In cooperation with"),
    "time_limit": ("Time-frame", "Timeframe", "Deadline", "Implementation period", "Timeline", "Schedule"),
    "indicators": ("Indicators", "Performance indicators", "Objective indicators"),
}  # fmt: skip
_UNMAPPED = ("Colour code", "Zone", "Internal reference")
_TITLES = ("Plan of action on equal treatment", "Annex 2", "Notes: the figures are provisional")
_VERBS = ("Train", "Publish", "Review", "Open", "Map", "Fund", "Inspect")
_OBJECTS = ("judges", "shelters", "reports", "clinics", "courts", "schools", "prisons")
_ISSUES = ("Access to justice", "Health care", "Education", "Housing", "Detention", "Labour")
_BODIES = ("Ministry of Justice", "Ombudsman Office", "Police Academy", "Statistics Office",
           "Bar Association", "Labour Inspectorate", "Prison Service")  # fmt: skip
_TIME_LIMITS = ("2020", "2021-2023", "Q2 2022", "by March 2024", "annually", "permanently", "2019-20", "")


@attrs.frozen
class ExpectedMeasure:
    """What a measure of a made-up table should read as.

    :ivar id: its number.
    :ivar title: its title.
    :ivar lead: the names of its lead institutions, in order.
    :ivar partners: the names of its partners, in order.
    :ivar time_limit: the canonical form of its time-limit, or ``None``.
    :ivar children: its sub-measures.
    """

    id: str
    title: str
    lead: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    time_limit: str | None = None
    children: tuple[ExpectedMeasure, ...] = ()

    @classmethod
    def all_read(cls, program: Program) -> list[ExpectedMeasure]:
        """The measures of ``program``, chapter by chapter, in the form of :attr:`PlanTable.expected`."""

        def one(measure: Measure) -> ExpectedMeasure:
            def names(role: Role) -> tuple[str, ...]:
                return tuple(program.institutions[i.institution].name for i in measure.implementers if i.role is role)

            return cls(
                str(measure.id), measure.title, names(Role.LEAD), names(Role.PARTNER),
                str(measure.time_limit) if measure.time_limit else None, tuple(one(c) for c in measure.children),
            )  # fmt: skip

        return [one(m) for chapter in program.chapters for m in chapter.measures]


@attrs.frozen
class PlanTable:
    """A made-up plan table: its rows (header included) and the measures it holds."""

    rows: tuple[tuple[str, ...], ...]
    expected: tuple[ExpectedMeasure, ...]


@attrs.frozen
class _Activity:
    title: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    time_limit: str


def _joined(names: tuple[str, ...], how: str) -> str:
    if how == "bullets":
        return "\n".join(f"- {name}" for name in names)
    return ("\n" if how == "lines" else "; ").join(names)


@st.composite
def _activity(draw: st.DrawFn, index: int) -> _Activity:
    lead = tuple(draw(st.lists(st.sampled_from(_BODIES), min_size=1, max_size=2, unique=True)))
    others = [b for b in _BODIES if b not in lead]
    partners = tuple(draw(st.lists(st.sampled_from(others), max_size=2, unique=True)))
    title = f"{draw(st.sampled_from(_VERBS))} {draw(st.sampled_from(_OBJECTS))} in region {index}"
    return _Activity(title, lead, partners, draw(st.sampled_from(_TIME_LIMITS)))


def _canonical(text: str) -> str | None:
    return str(parse_time_limit(text)) if text else None


def _measure(number: str, activity: _Activity) -> ExpectedMeasure:
    return ExpectedMeasure(number, activity.title, activity.lead, activity.partners, _canonical(activity.time_limit))


@st.composite
def plan_tables(draw: st.DrawFn) -> PlanTable:
    """A plan table with one to four groups of one to three activities."""
    numbered, with_issue = draw(st.booleans()), draw(st.booleans())
    fields = ["title", "lead", "time_limit"]
    fields += [f for f in ("number", "issue", "partners", "indicators") if draw(st.booleans()) or
               (f == "number" and numbered) or (f == "issue" and with_issue)]  # fmt: skip
    fields = [f for f in fields if (f != "number" or numbered) and (f != "issue" or with_issue)]
    columns: list[str] = [*fields, *draw(st.lists(st.sampled_from(_UNMAPPED), max_size=2, unique=True))]
    columns = draw(st.permutations(columns))
    header = tuple(_HEADERS[c][draw(st.integers(0, len(_HEADERS[c]) - 1))] if c in _HEADERS else c for c in columns)
    issues = draw(st.permutations(_ISSUES))
    sizes = draw(st.lists(st.integers(1, 3 if (numbered or with_issue) else 1), min_size=1, max_size=4))
    rows: list[tuple[str, ...]] = [(t, *[""] * (len(columns) - 1)) for t in draw(st.lists(st.sampled_from(_TITLES),
                                                                                         max_size=2))]  # fmt: skip
    rows.append(header)
    expected: list[ExpectedMeasure] = []
    counter = 0
    how = draw(st.sampled_from(("lines", "bullets", "semicolons")))
    for group, size in enumerate(sizes, start=1):
        repeat = draw(st.booleans())
        activities = []
        for k in range(size):
            counter += 1
            activity = draw(_activity(counter))
            activities.append(activity)
            values = {"number": f"{group}." if k == 0 or repeat else "", "issue": issues[group - 1] if k == 0 or
                      repeat else "", "title": activity.title, "lead": _joined(activity.lead, how),
                      "partners": _joined(activity.partners, how), "time_limit": activity.time_limit,
                      "indicators": f"Indicator {counter}"}  # fmt: skip
            rows.append(tuple(values.get(c, "x" if k else "") for c in columns))
        number = str(group)
        if size == 1:
            expected.append(_measure(number, activities[0]))
            continue
        title = issues[group - 1] if with_issue else activities[0].title
        children = tuple(_measure(f"{number}.{k}", a) for k, a in enumerate(activities, start=1))
        expected.append(ExpectedMeasure(number, title, children=children))
    if "partners" not in fields:
        expected = [_without_partners(m) for m in expected]
    return PlanTable(tuple(rows), tuple(expected))


def _without_partners(measure: ExpectedMeasure) -> ExpectedMeasure:
    return attrs.evolve(measure, partners=(), children=tuple(_without_partners(c) for c in measure.children))
