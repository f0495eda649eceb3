"""Tests of the hrplan-ical plugin, through hrplan's public API only.

Every output is parsed back with ``icalendar.Calendar.from_ical``.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import hrplan
import icalendar
import pytest
from hrplan.plugins import get_manager
from hrplan.testing import check_exporter

import hrplan_ical
from hrplan_ical import IcsExporter

PLUGIN = Path(__file__).resolve().parents[1]
EXAMPLE = PLUGIN.parents[1] / "examples" / "data" / "az-2012.json"


def _measure(number: str, title: str, limit: str | None, *institutions: str,
             children: tuple[hrplan.Measure, ...] = ()) -> hrplan.Measure:
    return hrplan.Measure(
        number,
        title,
        implementers=tuple(hrplan.Implementer(i) for i in institutions),
        time_limit=None if limit is None else hrplan.parse_time_limit(limit),
        children=children,
    )


def _window(start: tuple[int, int], end: tuple[int, int]) -> hrplan.YearlyWindow:
    return hrplan.YearlyWindow(hrplan.MonthDay(*start), hrplan.MonthDay(*end))


def _program(**changes: Any) -> hrplan.Program:
    measures = (
        _measure("1.1", "Pre-trial detention law", "March-April 2012", "moj"),
        _measure("1.2", "Prison rules", "by 15 January 2013", "moj", "mej"),
        _measure("1.3", "Hearings", "permanently", "mej"),  # no end: no deadline
        _measure("1.4", "E-services", "2012-2013", "moj", children=(
            _measure("1.4.1", "Portal", None, "mej"),  # inherits 2012-2013
        )),
        _measure("1.5", "Awareness month", "18 May - 18 June"),  # recurring without an end: no deadline
        _measure("1.6", "Nothing", None),
    )
    fields: dict[str, Any] = {
        "id": "demo",
        "title": "Demo program",
        "adoption": hrplan.Adoption(date(2011, 12, 27), "Presidential Order"),
        "period": hrplan.parse_time_limit("2012-2015"),
        "chapters": (hrplan.Chapter(1, "Justice", measures=measures),),
        "institutions": [hrplan.Institution("moj", "Ministry of Justice"), hrplan.Institution("mej", "Milli Məclis")],
        "campaigns": (
            hrplan.Campaign("hr-month", "Human Rights month", _window((5, 18), (6, 18)), purpose="Awareness",
                            organiser="mej", measures=("1.3",), first_year=2010),
            hrplan.Campaign("winter", "Winter school", _window((12, 20), (1, 10)), last_year=2014),
            hrplan.Campaign("leap", "Leap day", _window((2, 29), (3, 1)), first_year=2013, last_year=2016),
        ),
        "events": (
            hrplan.Event("ev 1", "Training; judges, prosecutors", hrplan.EventKind.TRAINING,
                         hrplan.DateSpan(date(2012, 3, 10)), organiser="moj", location="Baku, Ombudsman Office",
                         measures=("1.1",), source_url="https://example.org/news/1", participant_count=40),
            hrplan.Event("ev@2", "Human rights week", hrplan.EventKind.CAMPAIGN_ACTIVITY,
                         hrplan.DateSpan(date(2012, 5, 20), date(2012, 5, 22)), campaign="hr-month",
                         measures=("1.3",)),
        ),
    }
    fields.update(changes)
    return hrplan.Program(**fields)


def _export(program: hrplan.Program | None = None, **options: Any) -> bytes:
    buffer = io.BytesIO()
    IcsExporter().export(program or _program(), buffer, **options)
    return buffer.getvalue()


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def _day(event: icalendar.Event, name: str) -> date:
    value = event.decoded(name)
    assert isinstance(value, date)
    assert not isinstance(value, datetime), f"{name} is a date (all-day), not a date-time"
    return value


# -- the exporter and the plugin ----------------------------------------------------------------------------


def test_exporter_attributes() -> None:
    exporter = IcsExporter()
    assert (exporter.name, exporter.extensions, exporter.media_type) == ("ics", (".ics",), "text/calendar")
    assert isinstance(exporter, hrplan.Exporter)
    assert hrplan_ical.OPTIONS == ("as_of", "include", "since")


def test_installed_entry_point_is_loaded() -> None:
    assert isinstance(get_manager().exporters()["ics"], IcsExporter)


def test_export_by_extension(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    hrplan.export(_program(), target)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_module_is_a_plugin() -> None:
    registered: list[Any] = []
    hrplan_ical.register_exporters(registered.append)
    assert [type(x) for x in registered] == [IcsExporter]


# -- the calendar --------------------------------------------------------------------------------------------


def test_calendar_properties() -> None:
    data = _export()
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["prodid"]) == "-//hrplan//hrplan-ical//EN"
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["calscale"]) == "GREGORIAN"
    assert str(calendar["x-wr-calname"]) == "Demo program"
    assert b"\n" not in data.replace(b"\r\n", b""), "CRLF line endings only"
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"


def test_components_and_uids() -> None:
    events = _events(_export())
    assert list(events) == [
        "measure-1.1@demo.hrplan",
        "measure-1.2@demo.hrplan",
        "measure-1.4@demo.hrplan",
        "measure-1.4.1@demo.hrplan",
        "campaign-hr-month@demo.hrplan",
        "campaign-winter@demo.hrplan",
        "campaign-leap@demo.hrplan",
        "event-ev%201@demo.hrplan",
        "event-ev%402@demo.hrplan",
    ]


def test_uids_stable_and_unique() -> None:
    first = list(_events(_export()))
    assert len(first) == len(set(first))
    assert first == list(_events(_export(as_of="2014-06-30")))  # another day: the same UIDs
    uids = list(_events(_export(hrplan.read(EXAMPLE), as_of="2013-01-01"))) if EXAMPLE.is_file() else first
    assert len(uids) == len(set(uids))
    assert all(re.fullmatch(r"(measure|campaign|event)-[A-Za-z0-9%._~-]+@[a-z0-9._-]+\.hrplan", u) for u in uids)


def test_deadlines() -> None:
    events = _events(_export(include="deadlines"))
    first = events["measure-1.1@demo.hrplan"]
    assert str(first["summary"]) == "Due: 1.1 Pre-trial detention law"
    assert _day(first, "dtstart") == date(2012, 4, 30)
    assert _day(first, "dtend") == date(2012, 5, 1)  # exclusive end: a one-day event
    description = str(first["description"])
    assert "Institutions: Ministry of Justice" in description
    assert "Time-limit: March-April 2012 (2012-03-01 to 2012-04-30)" in description
    assert [str(c) for c in first["categories"].cats] == ["deadline"]
    assert str(first["transp"]) == "TRANSPARENT"
    deadline = events["measure-1.2@demo.hrplan"]
    assert _day(deadline, "dtstart") == date(2013, 1, 15)
    assert "Ministry of Justice; Milli Məclis" in str(deadline["description"])
    inherited = events["measure-1.4.1@demo.hrplan"]
    assert _day(inherited, "dtstart") == date(2013, 12, 31)
    assert "Time-limit taken: from measure 1.4" in str(inherited["description"])
    assert not any(u.startswith(("measure-1.3@", "measure-1.5@", "measure-1.6@")) for u in events)


def test_campaigns_recur_yearly() -> None:
    events = _events(_export(include="campaigns"))
    month = events["campaign-hr-month@demo.hrplan"]
    assert _day(month, "dtstart") == date(2010, 5, 18)  # its first year
    assert _day(month, "dtend") == date(2010, 6, 19)
    rule = month["rrule"]
    assert rule["FREQ"] == ["YEARLY"]
    assert "UNTIL" not in rule
    assert "Every year: 18 May to 18 June" in str(month["description"])
    assert "Organiser: Milli Məclis" in str(month["description"])
    winter = events["campaign-winter@demo.hrplan"]
    assert _day(winter, "dtstart") == date(2012, 12, 20)  # no first year: the period's start
    assert _day(winter, "dtend") == date(2013, 1, 11)  # over the new year
    assert winter["rrule"]["UNTIL"] == [date(2014, 12, 20)]
    leap = events["campaign-leap@demo.hrplan"]
    assert _day(leap, "dtstart") == date(2013, 2, 28)
    assert leap["rrule"]["BYMONTHDAY"] == [-1]
    assert leap["rrule"]["UNTIL"] == [date(2016, 2, 29)]


def test_campaign_start_year_fallbacks() -> None:
    events = _events(_export(include="campaigns", since=2013))
    assert _day(events["campaign-winter@demo.hrplan"], "dtstart") == date(2013, 12, 20)
    assert _day(events["campaign-hr-month@demo.hrplan"], "dtstart") == date(2010, 5, 18)  # first_year wins
    events = _events(_export(include="campaigns", since="2030-05-01"))
    assert _day(events["campaign-winter@demo.hrplan"], "dtstart") == date(2014, 12, 20)  # never after last_year
    bare = _program(period=None, adoption=None)
    events = _events(_export(bare, include="campaigns", as_of="2020-01-01"))
    assert _day(events["campaign-winter@demo.hrplan"], "dtstart") == date(2014, 12, 20)
    alone = (hrplan.Campaign("c", "C", _window((3, 1), (3, 8))),)
    events = _events(_export(_program(campaigns=alone, events=(), period=None, adoption=None),
                             include="campaigns", as_of="2020-01-01"))
    assert _day(events["campaign-c@demo.hrplan"], "dtstart") == date(2020, 3, 1)  # the DTSTAMP year


def test_events() -> None:
    events = _events(_export(include="events"))
    training = events["event-ev%201@demo.hrplan"]
    assert str(training["summary"]) == "Training; judges, prosecutors"
    assert _day(training, "dtstart") == date(2012, 3, 10)
    assert _day(training, "dtend") == date(2012, 3, 11)
    assert str(training["location"]) == "Baku, Ombudsman Office"
    assert str(training["url"]) == "https://example.org/news/1"
    assert "Organiser: Ministry of Justice" in str(training["description"])
    assert "Number of participants: 40" in str(training["description"])
    week = events["event-ev%402@demo.hrplan"]
    assert (_day(week, "dtstart"), _day(week, "dtend")) == (date(2012, 5, 20), date(2012, 5, 23))
    assert str(week["related-to"]) == "campaign-hr-month@demo.hrplan"
    assert [str(c) for c in week["categories"].cats] == ["campaign-activity"]


def test_dtstamp_is_deterministic() -> None:
    def stamps(data: bytes) -> set[datetime]:
        return {e.decoded("dtstamp") for e in _events(data).values()}

    assert stamps(_export()) == {datetime(2011, 12, 27, tzinfo=UTC)}  # the adoption date
    assert stamps(_export(as_of="2013-01-01")) == {datetime(2013, 1, 1, tzinfo=UTC)}
    assert stamps(_export(_program(adoption=None))) == {datetime(2012, 1, 1, tzinfo=UTC)}  # the period's start
    assert stamps(_export(_program(adoption=None, period=None))) == {datetime(1970, 1, 1, tzinfo=UTC)}


def test_same_bytes_twice() -> None:
    assert _export() == _export()
    assert _export(as_of="2013-01-01") == _export(as_of=date(2013, 1, 1))
    assert _export(as_of="2013-01-01") != _export(as_of="2014-01-01")


@pytest.mark.parametrize(
    ("include", "prefixes"),
    [
        ("deadlines", {"measure"}),
        ("campaigns,events", {"campaign", "event"}),
        (" events , deadlines ", {"measure", "event"}),
        (("campaigns",), {"campaign"}),
        ("deadlines,campaigns,events", {"measure", "campaign", "event"}),
    ],
)
def test_include(include: object, prefixes: set[str]) -> None:
    assert {u.split("-", 1)[0] for u in _events(_export(include=include))} == prefixes


def test_escaping_of_text() -> None:
    program = _program(title="Plan; with, commas\nand lines")
    data = _export(program)
    assert b"\r\nNAME:Plan\\; with\\, commas\\nand lines\r\n" in data  # RFC 5545 TEXT escapes
    assert b"\r\nX-WR-CALNAME:Plan\\; with\\, commas\\nand lines\r\n" in data
    # Known TEXT properties read back unescaped.
    chapter = hrplan.Chapter(1, "C", measures=(_measure("1.1", "Law; on, courts\nand more", "2012"),))
    odd = _program(chapters=(chapter,), events=(), campaigns=())
    (first,) = _events(_export(odd, include="deadlines")).values()
    assert str(first["summary"]) == "Due: 1.1 Law; on, courts\nand more"


@pytest.mark.parametrize(
    ("option", "value"),
    [("include", "deadlines,holidays"), ("include", ""), ("include", 3), ("as_of", "yesterday"),
     ("since", "last year"), ("since", 0), ("colour", "red")],
)
def test_bad_options_name_the_option(option: str, value: object) -> None:
    buffer = io.BytesIO()
    with pytest.raises(hrplan.FormatError, match=f"'{option}'"):
        IcsExporter().export(_program(), buffer, **{option: value})
    assert buffer.getvalue() == b""


def test_example_program() -> None:
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} is absent (the plugin is tested outside the hrplan repository)")
    program = hrplan.read(EXAMPLE)
    events = _events(_export(program, as_of="2013-01-01"))
    with_end = [m for m in program.iter_measures() if (t := hrplan.effective_time_limit(m, program)) and t.end]
    assert len(events) == len(with_end) == 35
    assert _day(events["measure-1.2.1@az-2012.hrplan"], "dtstart") == date(2012, 4, 30)


def test_conformance() -> None:
    check_exporter(IcsExporter())
    check_exporter(IcsExporter(), options={"as_of": "2013-01-01", "since": "2012"})
