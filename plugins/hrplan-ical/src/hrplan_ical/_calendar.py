"""A program as an iCalendar (RFC 5545) calendar: deadlines, yearly campaigns, events.

Every event is all-day: ``DTSTART;VALUE=DATE`` on its first day and
``DTEND;VALUE=DATE`` on the day after its last (RFC 5545 ends are exclusive).
UIDs are derived from the program id and the object's id, so that importing a
newer file updates the events instead of duplicating them, and ``DTSTAMP`` comes
from the program (or ``as_of``), never from the clock, so that the same program
gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import MAXYEAR, UTC, date, datetime, timedelta
from urllib.parse import quote

import hrplan
import icalendar
from icalendar.parser.string import _escape_char, _foldline

from hrplan_ical._safety import safe_url

__all__ = ["KINDS", "PRODID", "build_calendar", "dtstamp", "new_calendar", "new_event", "start_year", "uid"]

#: What the calendar may hold, in the order it is written.
KINDS: tuple[str, ...] = ("deadlines", "campaigns", "events")
#: The product identifier of every calendar written.
PRODID = "-//hrplan//hrplan-ical//EN"
#: The DTSTAMP day when neither ``as_of`` nor the program gives one.
EPOCH = date(1970, 1, 1)


def uid(program: hrplan.Program, kind: str, key: object) -> str:
    """The stable UID of an object: ``measure-1.2.1@az-2012.hrplan``.

    ``kind`` is ``measure``, ``campaign`` or ``event``; ``key`` its id, percent-encoded
    where it is not a letter, digit or ``-._~`` (so ``@`` or spaces in an id cannot
    make two UIDs equal).
    """
    return f"{kind}-{quote(str(key), safe='-._~')}@{quote(program.id, safe='-._~')}.hrplan"


def dtstamp(program: hrplan.Program, as_of: date | None) -> datetime:
    """Midnight UTC of ``as_of``; else of the adoption date, the period's start, or 1970-01-01."""
    day = as_of
    if day is None and program.adoption is not None:
        day = program.adoption.date
    if day is None and program.period is not None:
        day = program.period.start
    day = day or EPOCH
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def start_year(campaign: hrplan.Campaign, program: hrplan.Program, since: int | None, stamp: datetime) -> int:
    """The year of a campaign's first occurrence in the calendar.

    Its ``first_year``; else the ``since`` option; else the year the program's period
    starts; else the year of DTSTAMP. Never after its ``last_year``.
    """
    year = campaign.first_year
    if year is None:
        year = since
    if year is None and program.period is not None and program.period.start is not None:
        year = program.period.start.year
    if year is None:
        year = stamp.year
    return year if campaign.last_year is None else min(year, campaign.last_year)


def _after(day: date) -> date | None:
    """The day after ``day`` (the exclusive end of an all-day event), or ``None`` at the end of time."""
    return day + timedelta(days=1) if day < date.max else None


def _institution(program: hrplan.Program, key: str) -> str:
    known = program.institutions.get(key)
    return known.name if known is not None else key


def _lines(*pairs: tuple[str, str | None]) -> str:
    """``Label: value`` lines for a description, leaving out the empty values."""
    return "\n".join(f"{label}: {value}" if label else value for label, value in pairs if value)


def new_event(key: str, stamp: datetime, summary: str, first: date, last: date) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", key)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", first)
    end = _after(last)
    if end is not None:  # without DTEND an all-day event lasts one day (RFC 5545 3.6.1)
        event.add("dtend", end)
    event.add("transp", "TRANSPARENT")
    return event


def _limit_text(limit: hrplan.TimeLimit) -> str:
    text = limit.text or str(limit)
    if limit.start is not None and limit.end is not None:
        return f"{text} ({limit.start.isoformat()} to {limit.end.isoformat()})"
    if limit.end is not None:
        return f"{text} (by {limit.end.isoformat()})"
    return text


def _deadline_parts(program: hrplan.Program) -> Iterator[tuple[str, str, date, str]]:
    """The UID, summary, last day and description of each measure's deadline event."""
    for chapter in program.chapters:
        for measure in chapter.iter_measures():
            limit = hrplan.effective_time_limit(measure, program)
            if limit is None or limit.end is None:
                continue
            origin = None
            if measure.time_limit is None:
                source = next((a for a in program.ancestors(measure.id) if a.time_limit is not None), None)
                origin = f"from measure {source.id}" if source is not None else "the span of its sub-measures"
            who = "; ".join(
                _institution(program, i.institution)
                + ("" if i.role is hrplan.Role.LEAD else f" ({i.role.value})")
                for i in measure.implementers
            )
            description = _lines(
                ("", f"Measure {measure.id}: {measure.title}"),
                ("Chapter", f"{chapter.label}. {chapter.title}"),
                ("Institutions", who or None),
                ("Time-limit", _limit_text(limit)),
                ("Time-limit taken", origin),
                ("Expected results", "; ".join(measure.expected_results) or None),
                ("Funding", measure.funding),
                ("Budget", measure.budget),
                ("Program", program.id),
            )
            yield uid(program, "measure", measure.id), f"Due: {measure.id} {measure.title}", limit.end, description


def _deadlines(program: hrplan.Program, stamp: datetime) -> Iterable[icalendar.Event]:
    """One event on the last day of each measure's effective time-limit (measures without an end have none)."""
    for key, summary, last, description in _deadline_parts(program):
        event = new_event(key, stamp, summary, last, last)
        event.add("description", description)
        event.add("categories", ["deadline"])
        yield event


def _template() -> hrplan.Program:
    """A program of one measure: the event whose fixed lines :func:`deadlines_ical` reuses.

    Built when first needed, not at import: the plugin is imported while plugins load.
    """
    limit = hrplan.TimeLimit(hrplan.TimeLimitKind.DEADLINE, end=date(2012, 12, 31), precision=hrplan.Precision.DAY)
    measure = hrplan.Measure("1", "Template", time_limit=limit)
    return hrplan.Program("template", "Template", chapters=(hrplan.Chapter(1, "Template", measures=(measure,)),))


def deadlines_ical(program: hrplan.Program, stamp: datetime) -> Iterator[str]:
    """The deadline events as icalendar serialises them, one string per event (CRLF line ends).

    A plan has one deadline event per measure, all of one shape, so the lines
    that are the same in every event are taken once from an event icalendar
    serialises, and the others are escaped and folded with icalendar's own
    rules: the same text as :func:`build_calendar` then ``to_ical``, without a
    component and a dozen property objects per measure.
    """
    event: icalendar.Event = next(iter(_deadlines(_template(), stamp)))
    template = event.to_ical().decode("utf-8").split("\r\n")
    fixed = {line.split(":", 1)[0]: line for line in template if line}
    dtstamp_line, categories, transp = fixed["DTSTAMP"], fixed["CATEGORIES"], fixed["TRANSP"]
    for key, summary, last, description in _deadline_parts(program):
        end = _after(last)
        lines = [
            "BEGIN:VEVENT",
            "SUMMARY:" + _escape_char(summary),
            f"DTSTART;VALUE=DATE:{last.year:04d}{last.month:02d}{last.day:02d}",
            *([] if end is None else [f"DTEND;VALUE=DATE:{end.year:04d}{end.month:02d}{end.day:02d}"]),
            dtstamp_line,
            "UID:" + _escape_char(key),
            categories,
            "DESCRIPTION:" + _escape_char(description),
            transp,
            "END:VEVENT",
            "",
        ]
        yield "\r\n".join([line if len(line) < 75 and line.isascii() else _foldline(line) for line in lines])


def _campaigns(program: hrplan.Program, stamp: datetime, since: int | None) -> Iterable[icalendar.Event]:
    """One yearly recurring event per campaign."""
    for campaign in program.campaigns:
        window = campaign.window
        year = start_year(campaign, program, since, stamp)
        if window.wraps_year and year >= MAXYEAR:
            continue  # its first occurrence would end after 9999
        first, last = window.occurrence(year)
        event = new_event(uid(program, "campaign", campaign.id), stamp, campaign.title, first, last)
        rule: dict[str, object] = {"freq": "yearly"}
        if window.start.month == 2 and window.start.day == 29:
            rule.update(bymonth=2, bymonthday=-1)  # the last day of February, every year
        if campaign.last_year is not None:
            rule["until"] = window.start.in_year(campaign.last_year)
        event.add("rrule", rule)
        organiser = _institution(program, campaign.organiser) if campaign.organiser else None
        event.add(
            "description",
            _lines(
                ("", campaign.purpose),
                ("Every year", f"{_month_day(window.start)} to {_month_day(window.end)}"),
                ("Organiser", organiser),
                ("Measures", ", ".join(str(m) for m in campaign.measures) or None),
                ("Years", _years(campaign)),
                ("Program", program.id),
            ),
        )
        event.add("categories", ["campaign"])
        yield event


def _month_day(day: hrplan.MonthDay) -> str:
    return date(2000, day.month, day.day).strftime("%d %B").lstrip("0")


def _years(campaign: hrplan.Campaign) -> str | None:
    if campaign.first_year is None and campaign.last_year is None:
        return None
    first = "" if campaign.first_year is None else str(campaign.first_year)
    last = "" if campaign.last_year is None else str(campaign.last_year)
    return f"{first}-{last}" if first != last else first


def _events(program: hrplan.Program, stamp: datetime) -> Iterable[icalendar.Event]:
    """Each event on its days."""
    campaigns = {c.id for c in program.campaigns}
    for held in program.events:
        event = new_event(uid(program, "event", held.id), stamp, held.title, held.dates.start, held.dates.end)
        if held.location:
            event.add("location", held.location)
        organiser = _institution(program, held.organiser) if held.organiser else None
        count = None if held.participant_count is None else str(held.participant_count)
        event.add(
            "description",
            _lines(
                ("Kind", held.kind.value),
                ("Organiser", organiser),
                ("Participants", "; ".join(_institution(program, p) for p in held.participants) or None),
                ("Audiences", "; ".join(held.audiences) or None),
                ("Number of participants", count),
                ("Remote participants", "; ".join(held.remote_participants) or None),
                ("Measures", ", ".join(str(m) for m in held.measures) or None),
                ("Recommendations", ", ".join(held.recommendations) or None),
                ("", held.notes),
                ("Program", program.id),
            ),
        )
        url = safe_url(held.source_url) if held.source_url else None
        if url:
            event.add("url", url)
        event.add("categories", [held.kind.value])
        if held.campaign is not None and held.campaign in campaigns:
            event.add("related-to", uid(program, "campaign", held.campaign))
        yield event


def new_calendar(title: str) -> icalendar.Calendar:
    """An empty calendar with hrplan-ical's PRODID and ``title`` as its name."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", icalendar.vText(title))  # RFC 7986
    calendar.add("x-wr-calname", icalendar.vText(title))  # what most applications read
    return calendar


def build_calendar(
    program: hrplan.Program,
    *,
    include: Iterable[str] = KINDS,
    as_of: date | None = None,
    since: int | None = None,
) -> icalendar.Calendar:
    """The calendar of ``program``.

    :param include: which of ``deadlines``, ``campaigns``, ``events`` to write.
    :param as_of: the day written as every DTSTAMP (default: the adoption date, else the
        period's start, else 1970-01-01).
    :param since: the first year of campaigns whose ``first_year`` is unknown (default:
        the year the program's period starts, else the DTSTAMP year).
    :raises ValueError: for an unknown kind in ``include``.
    """
    wanted = set(include)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}; choose among {', '.join(KINDS)}")
    stamp = dtstamp(program, as_of)
    calendar = new_calendar(program.title)
    parts: list[Iterable[icalendar.Event]] = []
    if "deadlines" in wanted:
        parts.append(_deadlines(program, stamp))
    if "campaigns" in wanted:
        parts.append(_campaigns(program, stamp, since))
    if "events" in wanted:
        parts.append(_events(program, stamp))
    for part in parts:
        for event in part:
            calendar.add_component(event)
    return calendar
