"""The treaty reporting calendar: catalogue, due dates by hand, overrides, the predictable
cycle, the UPR, selections, the ratifications file, and properties."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from hrplan.errors import FormatError, InputError, ModelError
from hrplan.treaties import (
    PREDICTABLE_CYCLE,
    TREATIES,
    UPR_CYCLE,
    DueReport,
    Override,
    Ratification,
    Submission,
    calendar,
    describe_period,
    due_between,
    due_reports,
    entry_into_force,
    get_treaty,
    overdue,
    ratifications_from_data,
    ratifications_schema,
    read_ratifications,
    upr_reviews,
)

from .conftest import EXAMPLES, ROOT

AZ = EXAMPLES / "data" / "az-ratifications.json"
DOC = ROOT / "docs" / "treaty-calendar.md"
FAR = date(2060, 12, 31)


def dues(reports: tuple[DueReport, ...]) -> list[str]:
    return [r.due.isoformat() for r in reports]


def schedule(code: str, in_force: date, until: date = FAR, **kwargs: Any) -> tuple[DueReport, ...]:
    return due_reports(Ratification(code, in_force), until=until, **kwargs)


# --- the catalogue


@pytest.mark.parametrize(
    ("code", "body", "article", "initial", "then", "later"),
    [
        ("ICERD", "CERD", "9(1)", 1, 2, "periodic"),
        ("ICCPR", "CCPR", "40(1)", 1, None, "periodic"),
        ("ICESCR", "CESCR", "16-17", 2, 5, "periodic"),
        ("CEDAW", "CEDAW", "18(1)", 1, 4, "periodic"),
        ("CAT", "CAT", "19(1)", 1, 4, "periodic"),
        ("CRC", "CRC", "44(1)", 2, 5, "periodic"),
        ("ICMW", "CMW", "73(1)", 1, 5, "periodic"),
        ("CRPD", "CRPD", "35", 2, 4, "periodic"),
        ("CPED", "CED", "29(1)", 2, None, "none"),
        ("OPAC", "CRC", "8", 2, None, "folded into CRC"),
        ("OPSC", "CRC", "12", 2, None, "folded into CRC"),
        ("OPCAT", "SPT", "17", 1, 1, "annual NPM report"),
    ],
)
def test_catalogue_follows_the_treaties(
    code: str, body: str, article: str, initial: int, then: int | None, later: str
) -> None:
    treaty = get_treaty(code)
    assert (treaty.body, treaty.article, treaty.later) == (body, article, later)
    assert treaty.initial_period == relativedelta(years=initial)
    assert treaty.periodicity == (None if then is None else relativedelta(years=then))


def test_catalogue_is_read_only_and_complete() -> None:
    assert list(TREATIES) == ["ICERD", "ICCPR", "ICESCR", "CEDAW", "CAT", "CRC", "ICMW", "CRPD", "CPED", "OPAC",
                              "OPSC", "OPCAT"]
    with pytest.raises(TypeError):
        TREATIES["X"] = TREATIES["CRC"]  # type: ignore[index]
    with pytest.raises(ModelError, match="unknown treaty 'CRPD-OP'"):
        get_treaty("CRPD-OP")


def test_describe_period() -> None:
    assert describe_period(relativedelta(years=1)) == "1 year"
    assert describe_period(UPR_CYCLE) == "4 years 6 months"
    assert describe_period(relativedelta(days=30)) == "30 days"
    assert describe_period(PREDICTABLE_CYCLE) == "8 years"


@pytest.mark.parametrize(
    ("code", "deposit", "expected"),
    [
        ("CRC", date(1992, 8, 13), date(1992, 9, 12)),  # art. 49(2): thirtieth day
        ("CEDAW", date(1995, 7, 10), date(1995, 8, 9)),
        ("CAT", date(1996, 8, 16), date(1996, 9, 15)),
        ("ICERD", date(1996, 8, 16), date(1996, 9, 15)),
        ("ICCPR", date(1992, 8, 13), date(1992, 11, 13)),  # art. 49(2): three months
        ("ICESCR", date(1992, 8, 13), date(1992, 11, 13)),
        ("ICMW", date(1999, 1, 11), date(2003, 7, 1)),  # before the Convention was in force
        ("ICMW", date(2005, 1, 31), date(2005, 5, 1)),  # art. 87(2): first day of the month after three months
        ("CRPD", date(2009, 1, 28), date(2009, 2, 27)),
        ("OPAC", date(2002, 7, 3), date(2002, 8, 3)),  # art. 10(2): one month
        ("OPSC", date(2002, 7, 3), date(2002, 8, 3)),
        ("OPCAT", date(2009, 1, 28), date(2009, 2, 27)),  # art. 28(2)
        ("CRC", date(1990, 7, 1), date(1990, 9, 2)),  # an early ratification: the Convention's own date
    ],
)
def test_entry_into_force_for_a_state(code: str, deposit: date, expected: date) -> None:
    assert entry_into_force(code, deposit) == expected


# --- default schedules, worked by hand


def test_crc_initial_after_two_years_then_every_five() -> None:
    reports = schedule("CRC", date(1992, 9, 12), until=date(2009, 9, 12))
    assert dues(reports) == ["1994-09-12", "1999-09-12", "2004-09-12", "2009-09-12"]
    assert [(r.kind, r.number) for r in reports] == [("initial", 1), ("periodic", 2), ("periodic", 3), ("periodic", 4)]
    assert reports[0].basis == "art. 44(1)(a): 2 years after entry into force (1992-09-12)"
    assert reports[1].basis == "art. 44(1)(b): every 5 years after the previous report"


def test_cat_initial_after_one_year_then_every_four() -> None:
    reports = schedule("CAT", date(1996, 9, 15), until=date(2013, 12, 31))
    assert dues(reports) == ["1997-09-15", "2001-09-15", "2005-09-15", "2009-09-15", "2013-09-15"]
    assert reports[2].number == 3  # CAT/C/AZE/3: "third periodic reports ... due in 2005"


def test_icerd_every_two_years() -> None:
    reports = schedule("ICERD", date(1996, 9, 15), until=date(2007, 12, 31))
    assert dues(reports)[:3] == ["1997-09-15", "1999-09-15", "2001-09-15"]
    assert (reports[-1].number, reports[-1].due) == (6, date(2007, 9, 15))  # as CERD/C/AZE/6 says


def test_icescr_cedaw_icmw_crpd() -> None:
    assert dues(schedule("ICESCR", date(1992, 11, 13), until=date(2004, 12, 31))) == [
        "1994-11-13", "1999-11-13", "2004-11-13"]
    assert dues(schedule("CEDAW", date(1995, 8, 9), until=date(2004, 12, 31))) == [
        "1996-08-09", "2000-08-09", "2004-08-09"]
    assert dues(schedule("ICMW", date(2003, 7, 1), until=date(2014, 12, 31))) == [
        "2004-07-01", "2009-07-01", "2014-07-01"]
    assert dues(schedule("CRPD", date(2009, 2, 27), until=date(2019, 12, 31))) == [
        "2011-02-27", "2015-02-27", "2019-02-27"]


def test_iccpr_has_only_its_initial_report_by_default() -> None:
    reports = schedule("ICCPR", date(1992, 11, 13))
    assert dues(reports) == ["1993-11-13"]
    assumed = schedule("ICCPR", date(1992, 11, 13), until=date(2001, 12, 31),
                       assumed_periodicity=relativedelta(years=4))
    assert dues(assumed) == ["1993-11-13", "1997-11-13", "2001-11-13"]
    assert assumed[1].basis == "assumed every 4 years (art. 40(1)(b): whenever the Committee so requests)"


@pytest.mark.parametrize("code", ["OPAC", "OPSC"])
def test_optional_protocols_to_the_crc_have_only_an_initial_report(code: str) -> None:
    reports = schedule(code, date(2002, 8, 3))
    assert dues(reports) == ["2004-08-03"]
    assert reports[0].kind == "initial"
    assert "CRC periodic reports" in reports[0].basis


def test_cped_has_only_an_initial_report() -> None:
    reports = schedule("CPED", date(2010, 12, 23))
    assert dues(reports) == ["2012-12-23"]
    with pytest.raises(ModelError, match="only an initial report"):
        schedule("CPED", date(2010, 12, 23), overrides=[Override("CPED", date(2015, 1, 1), number=2)])


def test_opcat_designation_then_yearly_npm_reports() -> None:
    reports = schedule("OPCAT", date(2009, 2, 27), until=date(2012, 12, 31))
    assert [(r.due.isoformat(), r.kind, r.number) for r in reports] == [
        ("2010-02-27", "npm-designation", 1),
        ("2011-02-27", "npm-annual", 2),
        ("2012-02-27", "npm-annual", 3),
    ]
    assert reports[0].basis == "art. 17: NPM designated 1 year after entry into force (2009-02-27)"


def test_a_29_february_is_clipped_and_counted_on() -> None:
    assert dues(schedule("CRC", date(2000, 2, 29), until=date(2012, 12, 31))) == [
        "2002-02-28", "2007-02-28", "2012-02-28"]


def test_until_is_inclusive_and_can_exclude_everything() -> None:
    assert dues(schedule("CAT", date(1996, 9, 15), until=date(2001, 9, 15)))[-1] == "2001-09-15"
    assert schedule("CAT", date(1996, 9, 15), until=date(1997, 9, 14)) == ()


# --- overrides


def test_numbered_override_replaces_that_report_and_the_rest_follow_from_it() -> None:
    override = Override("CAT", date(2019, 12, 9), "CAT/C/XXX/CO/4", number=5)
    reports = schedule("CAT", date(1996, 9, 15), until=date(2024, 1, 1), overrides=[override])
    assert dues(reports) == ["1997-09-15", "2001-09-15", "2005-09-15", "2009-09-15", "2019-12-09", "2023-12-09"]
    assert reports[4].basis == "concluding observations CAT/C/XXX/CO/4"
    assert reports[5].basis == "art. 19(1): every 4 years after the previous report"


def test_unnumbered_override_applies_to_the_nearest_report() -> None:
    later = Override("CRC", date(2019, 10, 11))
    reports = schedule("CRC", date(1992, 9, 12), until=date(2025, 1, 1), overrides=[later])
    assert [(r.number, r.due.isoformat()) for r in reports] == [
        (1, "1994-09-12"), (2, "1999-09-12"), (3, "2004-09-12"), (4, "2009-09-12"), (5, "2014-09-12"),
        (6, "2019-10-11"), (7, "2024-10-11")]
    assert reports[5].basis == "due date set by the committee"
    earlier = Override("CRC", date(2019, 6, 1))  # an earlier date than the default moves report 6 earlier
    assert dues(schedule("CRC", date(1992, 9, 12), until=date(2025, 1, 1), overrides=[earlier]))[-2:] == [
        "2019-06-01", "2024-06-01"]


def test_halfway_between_two_reports_the_later_one_is_moved() -> None:
    # ICERD from 2000-01-01: reports due 2001-01-01 and 2003-01-01; 2002-01-01 is 365 days from each.
    reports = schedule("ICERD", date(2000, 1, 1), until=date(2004, 12, 31),
                       overrides=[Override("ICERD", date(2002, 1, 1))])
    assert [(r.number, r.due.isoformat()) for r in reports] == [(1, "2001-01-01"), (2, "2002-01-01"),
                                                                (3, "2004-01-01")]


def test_override_of_the_initial_report() -> None:
    reports = schedule("CRC", date(1992, 9, 12), until=date(2000, 12, 31),
                       overrides=[Override("CRC", date(1995, 1, 31), "CRC/C/XXX/CO/1", number=1)])
    assert [(r.due.isoformat(), r.kind, r.basis) for r in reports] == [
        ("1995-01-31", "initial", "concluding observations CRC/C/XXX/CO/1"),
        ("2000-01-31", "periodic", "art. 44(1)(b): every 5 years after the previous report"),
    ]


def test_iccpr_overrides_add_reports_in_order() -> None:
    overrides = [Override("ICCPR", date(2001, 11, 1), "CCPR/CO/73/AZE"), Override("ICCPR", date(2012, 8, 1))]
    reports = schedule("ICCPR", date(1992, 11, 13), overrides=overrides)
    assert [(r.number, r.due.isoformat(), r.kind) for r in reports] == [
        (1, "1993-11-13", "initial"), (2, "2001-11-01", "periodic"), (3, "2012-08-01", "periodic")]
    gap = schedule("ICCPR", date(1992, 11, 13), overrides=[Override("ICCPR", date(2020, 1, 1), number=5)])
    assert [r.number for r in gap] == [1, 5]


def test_overrides_for_other_treaties_are_ignored() -> None:
    assert schedule("CAT", date(1996, 9, 15), overrides=[Override("CRC", date(2019, 1, 1))]) == \
        schedule("CAT", date(1996, 9, 15))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ([Override("CRC", date(1992, 9, 12))], "not after entry into force"),
        ([Override("CRC", date(1999, 1, 1), number=3)], r"report 3 would not be due after report 2 \(due 1999-09-12\)"),
        ([Override("CRC", date(2019, 1, 1), number=6), Override("CRC", date(2020, 1, 1), number=6)],
         "another override already sets the due date of report 6"),
        ([Override("CRC", date(2019, 1, 1), number=6), Override("CRC", date(2020, 1, 1), number=5)],
         "report 5 comes before report 6"),
        ([Override("CRC", date(2019, 10, 11)), Override("CRC", date(2019, 12, 1))],
         "another override already sets the due date of report 6"),
    ],
)
def test_impossible_overrides_are_refused(overrides: list[Override], message: str) -> None:
    with pytest.raises(ModelError, match=message):
        schedule("CRC", date(1992, 9, 12), overrides=overrides)


# --- the predictable review cycle


def test_predictable_cycle_from_the_initial_report() -> None:
    reports = schedule("CRC", date(1992, 9, 12), until=date(2011, 1, 1), predictable_cycle=True)
    assert dues(reports) == ["1994-09-12", "2002-09-12", "2010-09-12"]
    assert reports[1].basis == "predictable review cycle: 8 years after the previous report"
    iccpr = schedule("ICCPR", date(1992, 11, 13), until=date(2010, 1, 1), predictable_cycle=True)
    assert dues(iccpr) == ["1993-11-13", "2001-11-13", "2009-11-13"]


def test_predictable_cycle_from_a_day() -> None:
    reports = schedule("CRC", date(1992, 9, 12), until=date(2036, 12, 31), predictable_cycle=True,
                       cycle_from=date(2020, 1, 1))
    assert dues(reports) == ["1994-09-12", "1999-09-12", "2004-09-12", "2009-09-12", "2014-09-12", "2019-09-12",
                             "2020-01-01", "2028-01-01", "2036-01-01"]
    assert reports[6].basis == "predictable review cycle: first report in the cycle"


def test_predictable_cycle_with_an_override_counts_from_the_override() -> None:
    reports = schedule("CAT", date(1996, 9, 15), until=date(2036, 1, 1), predictable_cycle=True,
                       overrides=[Override("CAT", date(2019, 12, 9), number=4)])
    assert dues(reports) == ["1997-09-15", "2005-09-15", "2013-09-15", "2019-12-09", "2027-12-09", "2035-12-09"]


@pytest.mark.parametrize("code", ["OPAC", "OPSC", "CPED", "OPCAT"])
def test_predictable_cycle_leaves_other_instruments_alone(code: str) -> None:
    assert schedule(code, date(2009, 2, 27), predictable_cycle=True) == schedule(code, date(2009, 2, 27))


# --- the Universal Periodic Review


def test_upr_every_four_and_a_half_years() -> None:
    reviews = upr_reviews(date(2009, 2, 4), until=date(2027, 12, 31))
    assert dues(reviews) == ["2009-02-04", "2013-08-04", "2018-02-04", "2022-08-04", "2027-02-04"]
    assert [r.number for r in reviews] == [1, 2, 3, 4, 5]
    assert {r.kind for r in reviews} == {"upr-review"}
    assert reviews[1].basis == "HRC res. 16/21: 4 years 6 months after the previous review"
    assert [r.number for r in upr_reviews(date(2023, 11, 14), until=date(2030, 1, 1), cycle=4)] == [4, 5]
    with pytest.raises(ModelError):
        upr_reviews(date(2023, 11, 14), until=date(2030, 1, 1), cycle=0)


def test_upr_cycle_is_an_approximation_of_the_reviews_held() -> None:
    state = read_ratifications(AZ)
    assert state.upr_review is not None
    computed = upr_reviews(state.upr_review, until=date(2024, 12, 31))
    drift = {held.cycle: (held.held - report.due).days for held, report in zip(state.upr_held, computed, strict=True)}
    assert drift == {1: 0, 2: -96, 3: 100, 4: 467}


# --- calendars and selections


def test_calendar_sorts_everything_by_date() -> None:
    ratifications = [Ratification("CRC", date(1992, 9, 12)), Ratification("CAT", date(1996, 9, 15))]
    reports = calendar(ratifications, until=date(2005, 12, 31), upr_review=date(2004, 9, 12))
    assert [(r.treaty, r.due.isoformat()) for r in reports] == [
        ("CRC", "1994-09-12"), ("CAT", "1997-09-15"), ("CRC", "1999-09-12"), ("CAT", "2001-09-15"),
        ("CRC", "2004-09-12"), ("UPR", "2004-09-12"), ("CAT", "2005-09-15")]


def test_calendar_refuses_duplicates_and_stray_overrides() -> None:
    crc = Ratification("CRC", date(1992, 9, 12))
    with pytest.raises(ModelError, match="more than one ratification of CRC"):
        calendar([crc, crc], until=FAR)
    with pytest.raises(ModelError, match="not ratified: CAT"):
        calendar([crc], until=FAR, overrides=[Override("CAT", date(2000, 1, 1))])


def test_calendar_cycle_from_per_treaty() -> None:
    reports = calendar([Ratification("CRC", date(1992, 9, 12)), Ratification("CAT", date(1996, 9, 15))],
                       until=date(2003, 1, 1), predictable_cycle=True, cycle_from={"CRC": date(2002, 1, 1)})
    assert [(r.treaty, r.due.isoformat()) for r in reports] == [
        ("CRC", "1994-09-12"), ("CAT", "1997-09-15"), ("CRC", "1999-09-12"), ("CRC", "2002-01-01")]


def test_due_between_is_inclusive() -> None:
    reports = schedule("CRC", date(1992, 9, 12))
    assert dues(due_between(reports, date(1999, 9, 12), date(2004, 9, 12))) == ["1999-09-12", "2004-09-12"]
    assert due_between(reports, date(1999, 9, 13), date(2004, 9, 11)) == ()
    with pytest.raises(ModelError):
        due_between(reports, date(2004, 1, 1), date(2003, 1, 1))


def test_overdue_is_due_before_the_day_and_not_submitted_by_then() -> None:
    reports = calendar([Ratification("CRC", date(1992, 9, 12))], until=FAR, upr_review=date(2009, 2, 4))
    as_of = date(2004, 9, 12)
    assert [r.number for r in overdue(reports, as_of)] == [1, 2]  # report 3 is due that very day
    submitted = [Submission("CRC", 1), Submission("CRC", 2, date(2005, 1, 1))]
    assert [r.number for r in overdue(reports, as_of, submitted)] == [2]  # sent after the day
    assert overdue(reports, date(2005, 1, 2), submitted)[0].number == 3
    assert all(r.kind != "upr-review" for r in overdue(reports, date(2030, 1, 1)))


# --- the model


def test_model_checks() -> None:
    with pytest.raises(ModelError, match="unknown treaty"):
        Ratification("ECHR", date(1992, 9, 12))
    with pytest.raises(ModelError, match="after entry into force"):
        Ratification("CRC", date(1992, 9, 12), deposit=date(1992, 10, 1))
    with pytest.raises(ModelError, match="number must be 1 or more"):
        Override("CRC", date(2000, 1, 1), number=0)
    assert DueReport("CRC", date(1994, 9, 12), "initial", 1, "x").key == ("CRC", 1)


# --- the ratifications file


def test_example_file_reads_and_matches_the_schema() -> None:
    data = json.loads(AZ.read_text(encoding="utf-8"))
    jsonschema.validate(data, ratifications_schema())
    state = read_ratifications(AZ)
    assert state.state == "Azerbaijan"
    assert "CPED" not in {r.treaty for r in state.ratifications}  # signed, not ratified
    in_force = {r.treaty: (r.entry_into_force.isoformat(), r.computed) for r in state.ratifications}
    assert in_force == {
        "ICERD": ("1996-09-15", False), "ICCPR": ("1992-11-13", False), "ICESCR": ("1992-11-13", False),
        "CEDAW": ("1995-08-09", False), "CAT": ("1996-09-15", False), "CRC": ("1992-09-12", False),
        "ICMW": ("2003-07-01", False), "CRPD": ("2009-02-27", True), "OPAC": ("2002-08-03", False),
        "OPSC": ("2002-08-03", False), "OPCAT": ("2009-02-27", True),
    }
    assert state.upr_review == date(2009, 2, 4)
    assert [h.held.isoformat() for h in state.upr_held] == ["2009-02-04", "2013-04-30", "2018-05-15", "2023-11-14"]
    assert Submission("CRC", 4) in state.submitted  # from "number": [3, 4]


def test_example_file_dates_given_agree_with_each_treaty_rule() -> None:
    for ratification in read_ratifications(AZ).ratifications:
        assert ratification.deposit is not None
        assert entry_into_force(ratification.treaty, ratification.deposit) == ratification.entry_into_force


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"state": "Testland", "ratifications": [{"treaty": "CRC", "entry_into_force": "1992-09-12"}]}
    data.update(changes)
    return data


def problems(data: Any) -> list[str]:
    with pytest.raises(InputError) as caught:
        ratifications_from_data(data, "t.json")
    assert caught.value.source == "t.json"
    return [str(p) for p in caught.value.problems]


def test_reader_accepts_a_minimal_file() -> None:
    state = ratifications_from_data(minimal())
    assert state.ratifications == (Ratification("CRC", date(1992, 9, 12)),)
    assert (state.overrides, state.submitted, state.upr_review, state.upr_cycle) == ((), (), None, 1)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([], ["$: expected an object, not a list"]),
        ({"ratifications": []}, ["$: missing 'state'"]),
        (minimal(extra=1), ["$.extra: unknown field (known: state, ratifications, overrides, submitted, upr, "
                            "cycle_from, notes, $schema)"]),
        (minimal(cycle_from={"CRC": "2020"}), ["$.cycle_from.CRC: expected a date as YYYY-MM-DD, not '2020'"]),
        (minimal(cycle_from={"CAT": "2020-01-01"}), ["$.cycle_from.CAT: CAT is not among the ratifications"]),
        (minimal(cycle_from=[]), ["$.cycle_from: expected an object, not a list"]),
        (minimal(ratifications={}), ["$.ratifications: expected a list, not an object"]),
        (minimal(ratifications=[{"treaty": "ECHR", "entry_into_force": "1992-09-12"}]),
         ["$.ratifications[0].treaty: unknown treaty 'ECHR' (known: ICERD, ICCPR, ICESCR, CEDAW, CAT, CRC, ICMW, "
          "CRPD, CPED, OPAC, OPSC, OPCAT)"]),
        (minimal(ratifications=[{"treaty": "CRC", "entry_into_force": "12.09.1992"}]),
         ["$.ratifications[0].entry_into_force: expected a date as YYYY-MM-DD, not '12.09.1992'"]),
        (minimal(ratifications=[{"treaty": "CRC", "entry_into_force": "1992-02-30"}]),
         ["$.ratifications[0].entry_into_force: not a date: '1992-02-30' (day is out of range for month)"]),
        (minimal(ratifications=[{"treaty": "CRC"}]),
         ["$.ratifications[0]: give entry_into_force, or deposit to compute it from"]),
        (minimal(ratifications=[{"treaty": "CRC", "deposit": "1992-10-01", "entry_into_force": "1992-09-12"}]),
         ["$.ratifications[0].deposit: 1992-10-01 is after entry into force (1992-09-12)"]),
        (minimal(ratifications=[{"treaty": "CRC", "deposit": "1992-08-13", "instrument": "signature"}]),
         ["$.ratifications[0].instrument: expected one of ratification, accession, succession, not 'signature'"]),
        (minimal(ratifications=[{"treaty": "CRC", "entry_into_force": "1992-09-12"},
                                {"treaty": "CRC", "deposit": "1992-08-13"}]),
         ["$.ratifications[1].treaty: CRC is listed twice"]),
        (minimal(overrides=[{"treaty": "CAT", "due": "2000-01-01"}]),
         ["$.overrides[0].treaty: CAT is not among the ratifications"]),
        (minimal(overrides=[{"treaty": "CRC", "due": "2000-01-01", "number": 0}]),
         ["$.overrides[0].number: expected a whole number from 1, not 0"]),
        (minimal(overrides=[{"treaty": "CRC", "due": "2020-01-01", "number": 5},
                            {"treaty": "CRC", "due": "2019-01-01", "number": 6, "source": "CRC/C/XXX/CO/4"}]),
         ["$.overrides[0]: CRC override due 2020-01-01: report 5 comes before report 6, which an earlier-dated "
          "override sets"]),
        (minimal(overrides=[{"treaty": "CRC", "due": "1999-01-01", "number": 3}]),
         ["$.overrides[0]: CRC override due 1999-01-01: report 3 would not be due after report 2 (due 1999-09-12)"]),
        (minimal(submitted=[{"treaty": "CRC", "number": [1, "2"]}]),
         ["$.submitted[0].number[1]: expected a whole number from 1, not '2'"]),
        (minimal(submitted=[{"treaty": "CRC", "number": []}]),
         ["$.submitted[0].number: an empty list: give the numbers the report combines"]),
        (minimal(submitted=[{"treaty": "CAT", "number": 1}]),
         ["$.submitted[0].treaty: CAT is not among the ratifications"]),
        (minimal(upr={"review": "2009-02-04", "held": [{"cycle": 1}]}), ["$.upr.held[0]: missing 'date'"]),
        (minimal(upr={"review": "2009-02-04", "cycle": True}),
         ["$.upr.cycle: expected a whole number from 1, not True"]),
    ],
)
def test_reader_problems_carry_json_paths(data: Any, expected: list[str]) -> None:
    assert problems(data) == expected


def test_reader_reads_cycle_from() -> None:
    state = ratifications_from_data(minimal(cycle_from={"CRC": "2020-01-01"}))
    assert dict(state.cycle_from) == {"CRC": date(2020, 1, 1)}
    reports = calendar(state.ratifications, until=date(2028, 12, 31), predictable_cycle=True,
                       cycle_from=state.cycle_from)
    assert dues(reports)[-3:] == ["2019-09-12", "2020-01-01", "2028-01-01"]


def test_reader_lists_every_problem() -> None:
    found = problems({"state": "", "ratifications": [{"treaty": 1}, {"treaty": "CRC", "entry_into_force": 5}]})
    assert found == [
        "$.state: expected a non-empty string, not a string",
        "$.ratifications[0].treaty: expected a non-empty string, not a number",
        "$.ratifications[0]: give entry_into_force, or deposit to compute it from",
        "$.ratifications[1].entry_into_force: expected a date as YYYY-MM-DD, not 5",
    ]


def test_read_ratifications_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"state": "X",\n "ratifications": [}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ratifications(bad)
    assert str(caught.value.problems[0]).startswith("line 2, column 20: not JSON:")
    with pytest.raises(FormatError, match="cannot read"):
        read_ratifications(tmp_path / "missing.json")


def test_schema_and_reader_agree_on_bad_files() -> None:
    schema = ratifications_schema()
    for bad in (minimal(extra=1), minimal(ratifications=[{"treaty": "CRC"}]),
                minimal(submitted=[{"treaty": "CRC", "number": []}])):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
        problems(bad)


# --- the documentation shows what the code computes


def test_doc_catalogue_table_matches_the_catalogue() -> None:
    text = DOC.read_text(encoding="utf-8")
    for treaty in TREATIES.values():
        then = describe_period(treaty.periodicity) if treaty.periodicity else "-"
        initial = describe_period(treaty.initial_period)
        row = f"| {treaty.code} | {treaty.body} | {treaty.article} | {initial} | {then} |"
        assert row in text, row


def test_doc_worked_example_matches_the_calendar() -> None:
    text = DOC.read_text(encoding="utf-8")
    state = read_ratifications(AZ)
    for ratification in state.ratifications:
        first = due_reports(ratification, until=FAR)[:3]
        cells = " | ".join(r.due.isoformat() for r in first)
        row = f"| {ratification.treaty} | {ratification.entry_into_force.isoformat()} | {cells}"
        assert row in text, row
    assert re.search(r"2009-02-04.*2013-08-04.*2018-02-04.*2022-08-04.*2027-02-04", text, re.DOTALL)


# --- properties

codes = st.sampled_from(list(TREATIES))
periodic_codes = st.sampled_from([code for code, t in TREATIES.items() if t.periodicity is not None])
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
years = st.integers(min_value=0, max_value=60)


@given(codes, days, years)
def test_due_dates_strictly_increase_and_start_after_the_initial_period(code: str, start: date, span: int) -> None:
    reports = schedule(code, start, until=start + relativedelta(years=span))
    assert all(a.due < b.due for a, b in pairwise(reports))
    assert [r.number for r in reports] == list(range(1, len(reports) + 1))
    if reports:
        assert reports[0].due == start + get_treaty(code).initial_period


@given(periodic_codes, days, years)
def test_gaps_equal_the_periodicity(code: str, start: date, span: int) -> None:
    period = get_treaty(code).periodicity
    assert period is not None
    reports = schedule(code, start, until=start + relativedelta(years=span))
    assert all(b.due == a.due + period for a, b in pairwise(reports))


@given(codes, days, st.integers(min_value=1, max_value=15000), st.one_of(st.none(), st.integers(1, 12)))
def test_overrides_keep_order_and_never_move_earlier_dates(
    code: str, start: date, offset: int, number: int | None
) -> None:
    override = Override(code, start + timedelta(days=offset), number=number)
    until = override.due + relativedelta(years=20)
    try:
        moved = schedule(code, start, until=until, overrides=[override])
    except ModelError:
        assume(False)
        return
    plain = schedule(code, start, until=until)
    assert all(a.due < b.due for a, b in pairwise(moved))
    assert all(a.number < b.number for a, b in pairwise(moved))
    before = [r for r in moved if r.due < override.due]
    assert list(plain[: len(before)]) == before
    assert any(r.due == override.due and r.basis == "due date set by the committee" for r in moved)
    period = get_treaty(code).periodicity
    for a, b in pairwise(moved):
        assert b.due == override.due or (period is not None and b.due == a.due + period)


@given(st.sampled_from([c for c, t in TREATIES.items() if t.reports_periodically]), days, years)
def test_predictable_cycle_is_eight_years(code: str, start: date, span: int) -> None:
    reports = schedule(code, start, until=start + relativedelta(years=span), predictable_cycle=True)
    assert all(b.due == a.due + PREDICTABLE_CYCLE for a, b in pairwise(reports))


@given(days, years)
def test_upr_reviews_are_four_and_a_half_years_apart(first: date, span: int) -> None:
    reviews = upr_reviews(first, until=first + relativedelta(years=span))
    assert reviews[0].due == first
    assert all(b.due == a.due + relativedelta(years=4, months=6) for a, b in pairwise(reviews))
