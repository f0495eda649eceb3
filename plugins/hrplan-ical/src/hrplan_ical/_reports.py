"""A State's treaty reporting calendar (:mod:`hrplan.treaties`) as iCalendar events.

Each :class:`~hrplan.treaties.DueReport` becomes an all-day event on its due date
with the UID ``report-<treaty>-<number>@<state-slug>.hrplan``: a treaty code and a
report number name one report, and they do not change when a committee moves its
due date, so re-importing a newer file moves the event instead of adding one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime

import hrplan
import icalendar
from hrplan.treaties import DueReport, StateReporting, calendar

from hrplan_ical._calendar import EPOCH, new_calendar, new_event

__all__ = ["REPORT_CATEGORY", "report_events", "report_summary", "report_uid", "reporting_calendar", "state_slug"]

#: The ``CATEGORIES`` of every report event.
REPORT_CATEGORY = "treaty-report"


def state_slug(state: str) -> str:
    """``Azerbaijan`` -> ``azerbaijan``, ``Côte d'Ivoire`` -> ``cote-d-ivoire`` (``state`` when nothing is left)."""
    ascii_name = unicodedata.normalize("NFKD", state).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "state"


def report_uid(state: StateReporting, report: DueReport) -> str:
    """``report-CRC-7@azerbaijan.hrplan`` (``report-UPR-4@...`` for a review)."""
    treaty = re.sub(r"[^A-Za-z0-9._~-]", "_", report.treaty)
    return f"report-{treaty}-{report.number}@{state_slug(state.state)}.hrplan"


def report_summary(report: DueReport) -> str:
    """``CRC report no. 7 due``, ``CRC report no. 1 due (initial)``, ``UPR review no. 4``..."""
    if report.kind == "upr-review":
        return f"UPR review no. {report.number}"
    if report.kind == "npm-designation":
        return f"{report.treaty}: national preventive mechanism to be designated"
    if report.kind == "npm-annual":
        return f"{report.treaty}: NPM annual report no. {report.number} due"
    suffix = " (initial)" if report.kind == "initial" else ""
    return f"{report.treaty} report no. {report.number} due{suffix}"


def _reports(state: StateReporting, until: date, predictable_cycle: bool) -> tuple[DueReport, ...]:
    try:
        return calendar(
            state.ratifications,
            until=until,
            overrides=state.overrides,
            upr_review=state.upr_review,
            upr_cycle=state.upr_cycle,
            predictable_cycle=predictable_cycle,
            cycle_from=state.cycle_from,
        )
    except hrplan.ModelError as exc:
        raise hrplan.FormatError(f"ics: cannot compute the reporting calendar of {state.state}: {exc}") from None


def report_events(
    state: StateReporting, *, until: date, stamp: datetime, predictable_cycle: bool = False
) -> Iterable[icalendar.Event]:
    """One all-day event per report (and UPR review) due up to ``until``, in date order.

    :raises hrplan.FormatError: when the calendar cannot be computed (an override that
        cannot be applied).
    """
    for report in _reports(state, until, predictable_cycle):
        event = new_event(report_uid(state, report), stamp, report_summary(report), report.due, report.due)
        event.add("description", report.basis)
        event.add("categories", [REPORT_CATEGORY])
        yield event


def reporting_calendar(
    state: StateReporting, *, until: date, predictable_cycle: bool = False, as_of: date | None = None
) -> bytes:
    """The reporting calendar of ``state`` up to ``until`` as iCalendar bytes, without a program.

    :param until: the last day (included) of the reports written.
    :param predictable_cycle: apply the 8-year predictable review cycle
        (:func:`hrplan.treaties.calendar`), from the file's ``cycle_from`` days.
    :param as_of: the day written as DTSTAMP (default 1970-01-01: never the clock).
    :raises hrplan.FormatError: when the calendar cannot be computed.
    """
    day = as_of or EPOCH
    stamp = datetime(day.year, day.month, day.day, tzinfo=UTC)
    cal = new_calendar(f"{state.state}: treaty reports")
    for event in report_events(state, until=until, stamp=stamp, predictable_cycle=predictable_cycle):
        cal.add_component(event)
    return bytes(cal.to_ical())
