"""Tests of the hrplan-ical plugin, through hrplan's public API only.

Every output is parsed back with ``icalendar.Calendar.from_ical``.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
import hrplan
import icalendar
import pytest
from hrplan.plugins import get_manager
from hrplan.testing import check_exporter, programs
from hrplan.treaties import Override, Ratification, StateReporting, calendar, read_ratifications
from hypothesis import given, settings
from hypothesis import strategies as st

import hrplan_ical
from hrplan_ical import IcsExporter

PLUGIN = Path(__file__).resolve().parents[1]
EXAMPLE = PLUGIN.parents[1] / "examples" / "data" / "az-2012.json"
RATIFICATIONS = PLUGIN.parents[1] / "examples" / "data" / "az-ratifications.json"


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
    assert hrplan_ical.OPTIONS == ("as_of", "include", "predictable_cycle", "ratifications", "since", "until")


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


# -- treaty reports ------------------------------------------------------------------------------------------

#: A small State, independent of the example files.
STATE = StateReporting(
    "Côte d'Exemple",
    ratifications=(Ratification("CRC", date(1992, 9, 12)), Ratification("CAT", date(1996, 9, 15))),
    overrides=(Override("CAT", date(2019, 12, 9), "CAT/C/XXX/CO/4", number=5),),
    upr_review=date(2023, 11, 14),
    upr_cycle=4,
    cycle_from={"CAT": date(2019, 12, 9)},
)


def _reports(data: bytes) -> dict[str, icalendar.Event]:
    return {u: e for u, e in _events(data).items() if u.startswith("report-")}


def _example_state() -> StateReporting:
    if not RATIFICATIONS.is_file():
        pytest.skip(f"{RATIFICATIONS} is absent (the plugin is tested outside the hrplan repository)")
    return read_ratifications(RATIFICATIONS)


def test_example_ratifications_count_dates_and_uids() -> None:
    state = _example_state()
    until = date(2030, 12, 31)
    expected = calendar(state.ratifications, until=until, overrides=state.overrides, upr_review=state.upr_review,
                        upr_cycle=state.upr_cycle, cycle_from=state.cycle_from)
    data = _export(ratifications=str(RATIFICATIONS), until="2030-12-31")
    reports = _reports(data)
    uids = [str(e["uid"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    assert len(uids) == len(set(uids)), "UIDs are unique"
    assert len(reports) == len(expected) > 0
    assert all(re.fullmatch(r"report-[A-Z]+-[0-9]+@azerbaijan\.hrplan", u) for u in reports)
    # Checked by hand against the file: the CRC entered into force for Azerbaijan on 1992-09-12, so its
    # initial report was due 2 years later (art. 44(1)(a)) and report 7 five years after report 6 (2019).
    crc = reports["report-CRC-1@azerbaijan.hrplan"]
    assert str(crc["summary"]) == "CRC report no. 1 due (initial)"
    assert (_day(crc, "dtstart"), _day(crc, "dtend")) == (date(1994, 9, 12), date(1994, 9, 13))
    assert str(crc["description"]) == "art. 44(1)(a): 2 years after entry into force (1992-09-12)"
    assert [str(c) for c in crc["categories"].cats] == ["treaty-report"]
    assert _day(reports["report-CRC-7@azerbaijan.hrplan"], "dtstart") == date(2024, 9, 12)
    assert str(reports["report-CRC-7@azerbaijan.hrplan"]["summary"]) == "CRC report no. 7 due"
    # ICERD entered into force on 1996-09-15: initial report a year later (art. 9(1)(a)).
    assert _day(reports["report-ICERD-1@azerbaijan.hrplan"], "dtstart") == date(1997, 9, 15)
    # The UPR: first review 2009-02-04, then every 4 years 6 months.
    upr = reports["report-UPR-2@azerbaijan.hrplan"]
    assert (str(upr["summary"]), _day(upr, "dtstart")) == ("UPR review no. 2", date(2013, 8, 4))
    # Stable: the same UIDs another day, from a StateReporting object, or without a program.
    again = _reports(_export(ratifications=state, until=date(2030, 12, 31), as_of="2020-01-01"))
    assert list(again) == list(reports)
    alone = hrplan_ical.reporting_calendar(state, until=until)
    assert list(_events(alone)) == list(reports)
    assert alone == hrplan_ical.reporting_calendar(state, until=until)  # the same bytes twice
    assert str(icalendar.Calendar.from_ical(alone)["x-wr-calname"]) == "Azerbaijan: treaty reports"


def test_reports_through_hrplan_export(tmp_path: Path) -> None:
    _example_state()
    target = tmp_path / "az.ics"
    hrplan.export(hrplan.read(EXAMPLE), target, ratifications=RATIFICATIONS, until="2030-12-31")
    events = _events(target.read_bytes())
    assert {u.split("-", 1)[0] for u in events} == {"measure", "report"}


def test_reports_summaries_uids_and_order() -> None:
    data = hrplan_ical.reporting_calendar(STATE, until=date(2028, 12, 31), as_of=date(2025, 1, 1))
    calendar_ = icalendar.Calendar.from_ical(data)
    events = list(calendar_.walk("VEVENT"))
    days = [_day(e, "dtstart") for e in events]
    assert days == sorted(days)
    by_uid = {str(e["uid"]): e for e in events}
    assert "report-CAT-6@cote-d-exemple.hrplan" in by_uid
    assert _day(by_uid["report-CAT-5@cote-d-exemple.hrplan"], "dtstart") == date(2019, 12, 9)  # the override
    assert "CAT/C/XXX/CO/4" in str(by_uid["report-CAT-5@cote-d-exemple.hrplan"]["description"])
    assert _day(by_uid["report-CAT-6@cote-d-exemple.hrplan"], "dtstart") == date(2023, 12, 9)
    assert str(by_uid["report-UPR-5@cote-d-exemple.hrplan"]["summary"]) == "UPR review no. 5"
    assert {e.decoded("dtstamp") for e in events} == {datetime(2025, 1, 1, tzinfo=UTC)}
    assert max(days) <= date(2028, 12, 31)
    assert len(events) == len(calendar(STATE.ratifications, until=date(2028, 12, 31), overrides=STATE.overrides,
                                       upr_review=STATE.upr_review, upr_cycle=STATE.upr_cycle))


def test_reports_predictable_cycle() -> None:
    plain = _reports(_export(ratifications=STATE, include="reports", until="2030-12-31"))
    cycle = _reports(_export(ratifications=STATE, include="reports", until="2030-12-31", predictable_cycle="yes"))
    assert plain != cycle
    # The CRC every 8 years from its initial report (1994-09-12): report 5 on 2026-09-12.
    assert _day(cycle["report-CRC-5@cote-d-exemple.hrplan"], "dtstart") == date(2026, 9, 12)
    assert _day(plain["report-CRC-5@cote-d-exemple.hrplan"], "dtstart") == date(2014, 9, 12)


def test_reports_default_until_and_include() -> None:
    program = _program()  # adopted 2011-12-27, period 2012-2015: 5 years after DTSTAMP is later
    assert hrplan_ical.default_until(program, None) == date(2016, 12, 27)
    assert hrplan_ical.default_until(program, date(2008, 2, 29)) == date(2015, 12, 31)  # the period's end
    assert hrplan_ical.default_until(program, date(2020, 2, 29)) == date(2025, 2, 28)
    reports = _reports(_export(program, ratifications=STATE))
    assert max(_day(e, "dtstart") for e in reports.values()) <= date(2016, 12, 27)
    assert "report-CRC-5@cote-d-exemple.hrplan" in reports  # 2014-09-12
    everything = {u.split("-", 1)[0] for u in _events(_export(program, ratifications=STATE))}
    assert everything == {"measure", "campaign", "event", "report"}  # reports by default with ratifications
    assert {u.split("-", 1)[0] for u in _events(_export(ratifications=STATE, include="reports,events"))} == {
        "event", "report"}
    assert not _reports(_export(ratifications=STATE, include="deadlines"))  # left out when include says so
    assert not _reports(_export())


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"ratifications": 3}, "ratifications"),
        ({"ratifications": ""}, "ratifications"),
        ({"ratifications": "/nonexistent/ratifications.json"}, "ratifications"),
        ({"ratifications": STATE, "until": "soon"}, "until"),
        ({"ratifications": STATE, "predictable_cycle": "maybe"}, "predictable_cycle"),
        ({"ratifications": STATE, "include": "reports,treaties"}, "include"),
        ({"include": "reports"}, "include"),
        ({"until": "2030-12-31"}, "until"),
        ({"predictable_cycle": True}, "predictable_cycle"),
    ],
)
def test_bad_report_options_name_the_option(options: dict[str, Any], named: str) -> None:
    buffer = io.BytesIO()
    with pytest.raises(hrplan.FormatError, match=f"'{named}'"):
        IcsExporter().export(_program(), buffer, **options)
    assert buffer.getvalue() == b""


def test_bad_ratifications_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"state": "X", "ratifications": [{"treaty": "NOPE", "entry_into_force": "2000-01-01"}]}')
    with pytest.raises(hrplan.FormatError, match="'ratifications'"):
        _export(ratifications=bad)
    state = StateReporting("X", ratifications=(Ratification("CRC", date(1992, 9, 12)),),
                           overrides=(Override("CRC", date(1990, 1, 1)),))  # before entry into force
    with pytest.raises(hrplan.FormatError, match="reporting calendar of X"):
        _export(ratifications=state)
    with pytest.raises(hrplan.FormatError):
        hrplan_ical.reporting_calendar(state, until=date(2030, 1, 1))


def test_conformance_with_reports() -> None:
    check_exporter(IcsExporter(), options={"ratifications": STATE, "until": "2030-12-31"})


@settings(max_examples=25)
@given(programs(), st.sampled_from([None, "deadlines", "deadlines,events", "campaigns,deadlines"]))
def test_deadlines_serialised_apart_are_icalendars_bytes(program: hrplan.Program, include: str | None) -> None:
    from hrplan_ical._calendar import KINDS, build_calendar
    from hrplan_ical._safety import without_controls

    options = {} if include is None else {"include": include}
    kinds = KINDS if include is None else [k for k in KINDS if k in include.split(",")]
    expected = build_calendar(program, include=kinds, as_of=date(2013, 1, 1)).to_ical().decode("utf-8")
    written = hrplan.dumps(program, "ics", as_of="2013-01-01", **options)
    assert written == without_controls(expected).encode("utf-8")


def test_a_deadline_describes_expected_results_funding_and_budget() -> None:
    program = _program()
    chapter = program.chapters[0]
    law = attrs.evolve(chapter.measures[0], expected_results=("Law adopted",), funding="State budget",
                       budget="AZN 5,000")  # fmt: skip
    program = _program(chapters=(attrs.evolve(chapter, measures=(law, *chapter.measures[1:])),))
    description = str(_events(_export(program, include="deadlines"))["measure-1.1@demo.hrplan"]["description"])
    assert "Expected results: Law adopted\nFunding: State budget\nBudget: AZN 5,000" in description
