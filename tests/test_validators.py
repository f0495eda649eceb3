"""The built-in validators (plugin ``hrplan.validators``): every HP code, both ways."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import hrplan
from hrplan import (
    Campaign,
    Chapter,
    DateSpan,
    Event,
    EventKind,
    Finding,
    Implementer,
    Institution,
    Measure,
    MonthDay,
    Precision,
    Program,
    Progress,
    ProgressUpdate,
    Provision,
    Recommendation,
    Severity,
    TimeLimit,
    TimeLimitKind,
    YearlyWindow,
    parse_time_limit,
)
from hrplan.plugins import Validator, get_manager
from hrplan.testing import programs

ERROR, WARNING = Severity.ERROR, Severity.WARNING

#: Every code the built-in validators promise, by validator.
EXPECTED_CODES = {
    "numbering": {"HP101", "HP102", "HP103", "HP104", "HP105"},
    "time-limits": {"HP201", "HP202", "HP203"},
    "institutions": {"HP301", "HP302"},
    "references": {"HP401", "HP402"},
    "events": {"HP403"},
}

REGISTRY = [Institution("moj", "Ministry of Justice"), Institution("mia", "Ministry of Interior")]


def validators() -> dict[str, Validator]:
    return {name: v for name, v in get_manager().validators().items() if name in EXPECTED_CODES}


def m(
    number: str,
    *children: Measure,
    time_limit: str | TimeLimit | None = None,
    institutions: tuple[str, ...] = ("moj",),
) -> Measure:
    """A measure; time-limits given as text are read with ``parse_time_limit``."""
    limit = parse_time_limit(time_limit) if isinstance(time_limit, str) else time_limit
    return Measure(
        number,
        f"Measure {number}",
        implementers=tuple(Implementer(i) for i in institutions),
        time_limit=limit,
        children=children,
    )


def program(*chapters: tuple[Measure, ...] | Chapter, **fields: Any) -> Program:
    """A program whose chapter ``n`` (from 1) holds the ``n``-th tuple of measures."""
    built = tuple(
        c if isinstance(c, Chapter) else Chapter(n, f"Chapter {n}", measures=c)
        for n, c in enumerate(chapters, start=1)
    )
    fields.setdefault("institutions", REGISTRY)
    return Program(id="demo", title="Demo", chapters=built, **fields)


def lenient_program(*chapters: tuple[Measure, ...] | Chapter, **fields: Any) -> Program:
    with hrplan.lenient():
        return program(*chapters, **fields)


def findings(prog: Program, code: str) -> list[Finding]:
    """The findings with ``code`` from every built-in validator."""
    found = [f for v in validators().values() for f in v.validate(prog)]
    return [f for f in found if f.code == code]


def only(prog: Program, code: str) -> Finding:
    found = findings(prog, code)
    assert len(found) == 1, found
    return found[0]


def event(number: int, day: date, *measures: str, end: date | None = None, **fields: Any) -> Event:
    return Event(
        f"ev-{number}",
        f"Event {number}",
        EventKind.TRAINING,
        DateSpan(day, end or day),
        measures=measures,
        **fields,
    )


def unparsed(text: str) -> TimeLimit:
    """A time-limit an importer kept as text (kind "unparsed"), or a stand-in for one."""
    kind = next((k for k in hrplan.TimeLimitKind if k.value == "unparsed"), None)
    if kind is not None:
        return TimeLimit(kind, text=text)
    return _Unparsed(text)  # type: ignore[return-value]


@attrs.frozen
class _Kind:
    value: str = "unparsed"


@attrs.frozen
class _Unparsed:
    """Quacks like a ``TimeLimit`` of kind "unparsed" while the engine has no such kind."""

    text: str
    kind: _Kind = _Kind()
    start: None = None
    end: None = None
    precision: None = None
    window: None = None


class TestRegistration:
    def test_every_group_is_registered_with_its_codes(self) -> None:
        found = validators()
        assert set(found) == set(EXPECTED_CODES)
        for name, codes in EXPECTED_CODES.items():
            assert set(found[name].codes) == codes
            for code, description in found[name].codes.items():
                assert description, code
                assert "\n" not in description, code

    def test_validators_follow_the_protocol(self) -> None:
        for v in validators().values():
            assert isinstance(v, Validator)

    def test_a_clean_program_has_no_findings(self) -> None:
        clean = program(
            (m("1.1", time_limit="2012"), m("1.2", m("1.2.1", time_limit="2013"))),
            period=parse_time_limit("2012-2015"),
            events=(event(1, date(2013, 5, 1), "1.2.1"),),
        )
        assert [f for v in validators().values() for f in v.validate(clean)] == []


class TestNumbering:
    def test_hp101_measure_numbered_twice(self) -> None:
        found = only(lenient_program((m("1.1"), m("1.2"), m("1.2"))), "HP101")
        assert (found.severity, found.location) == (ERROR, "$.chapters[0].measures[2].id")
        assert "measure 1.2 is numbered twice" in found.message

    def test_hp101_event_id_used_twice(self) -> None:
        events = (event(1, date(2013, 1, 1)), event(1, date(2013, 2, 1)))
        found = only(lenient_program((m("1.1"),), events=events), "HP101")
        assert (found.severity, found.location) == (ERROR, "$.events[1].id")
        assert "'ev-1' is used twice" in found.message

    def test_hp101_not_for_distinct_ids(self) -> None:
        events = (event(1, date(2013, 1, 1)), event(2, date(2013, 2, 1)))
        assert findings(program((m("1.1"), m("1.2")), events=events), "HP101") == []

    def test_hp102_lower_number_after_higher(self) -> None:
        found = only(program((m("1.1"), m("1.3"), m("1.2"))), "HP102")
        assert (found.severity, found.location) == (WARNING, "$.chapters[0].measures[2].id")
        assert found.message == "measure 1.2: numbered out of order, after 1.3"

    def test_hp102_among_sub_measures(self) -> None:
        prog = program((m("1.1", m("1.1.2"), m("1.1.1")),))
        found = only(prog, "HP102")
        assert found.location == "$.chapters[0].measures[0].children[1].id"
        assert found.message == "measure 1.1.1: numbered out of order, after 1.1.2"

    def test_hp102_equal_to_the_one_before(self) -> None:
        found = only(lenient_program((m("1.1"), m("1.1"))), "HP102")
        assert (found.severity, found.location) == (WARNING, "$.chapters[0].measures[1].id")
        assert found.message == "measure 1.1: numbered the same as the measure before it"

    def test_hp102_compares_numerically(self) -> None:
        measures = tuple(m(f"1.2.{n}") for n in range(1, 11))
        assert findings(program((m("1.1"), m("1.2", *measures))), "HP102") == []

    def test_hp103_gap_between_siblings(self) -> None:
        found = only(program((m("1.1"), m("1.3"))), "HP103")
        assert (found.severity, found.location) == (WARNING, "$.chapters[0].measures[1].id")
        assert found.message == "measure 1.3: numbering gap, 1.2 is missing before it"

    def test_hp103_one_finding_per_gap(self) -> None:
        prog = program((m("1.1"),), (m("2.1"), m("2.2", m("2.2.1"), m("2.2.4"), m("2.2.10"))))
        gaps = findings(prog, "HP103")
        assert [f.message for f in gaps] == [
            "measure 2.2.4: numbering gap, 2.2.2 and 2.2.3 are missing before it",
            "measure 2.2.10: numbering gap, 2.2.5 to 2.2.9 (5 numbers) are missing before it",
        ]
        assert [f.location for f in gaps] == [
            "$.chapters[1].measures[1].children[1].id",
            "$.chapters[1].measures[1].children[2].id",
        ]

    def test_hp103_huge_gap_is_one_short_finding(self) -> None:
        found = only(program((m("1.1"), m("1.100000000"))), "HP103")
        assert found.message == (
            "measure 1.100000000: numbering gap, 1.2 to 1.99999999 (99999998 numbers) "
            "are missing before it"
        )

    def test_hp103_chapter_not_starting_at_one(self) -> None:
        found = only(program((m("1.2"), m("1.3"))), "HP103")
        assert found.location == "$.chapters[0].measures[0].id"
        assert found.message == "measure 1.2: numbering gap, 1.1 is missing before it"

    def test_hp103_not_for_consecutive_numbers(self) -> None:
        assert (
            findings(program((m("1.1"), m("1.2", m("1.2.1"), m("1.2.2")), m("1.3"))), "HP103") == []
        )

    def test_hp103_not_for_an_empty_chapter(self) -> None:
        assert findings(program(()), "HP103") == []

    def test_hp104_sub_measure_not_extending_its_parent(self) -> None:
        found = only(
            program(
                (m("1.1"), m("1.2", m("1.2.1"), m("1.3"))),
            ),
            "HP104",
        )
        assert (found.severity, found.location) == (
            ERROR,
            "$.chapters[0].measures[1].children[1].id",
        )
        assert found.message == (
            "measure 1.3: its number does not extend 1.2, the number of the measure it is under"
        )

    def test_hp104_not_for_a_proper_sub_measure(self) -> None:
        assert findings(program((m("1.1", m("1.1.1", m("1.1.1.1"))),)), "HP104") == []

    def test_hp105_top_level_measure_of_another_chapter(self) -> None:
        chapter = Chapter(1, "Legal framework", label="I", measures=(m("1.1"), m("2.1")))
        found = only(program(chapter), "HP105")
        assert (found.severity, found.location) == (WARNING, "$.chapters[0].measures[1].id")
        assert (
            found.message == "measure 2.1: its first number is not 1, the number of its chapter (I)"
        )

    def test_hp105_names_the_chapter_by_number_when_its_label_is_the_number(self) -> None:
        found = only(program((m("1.1"), m("2.1"))), "HP105")
        assert found.message == "measure 2.1: its first number is not 1, the number of its chapter"

    def test_hp105_not_for_measures_of_their_chapter(self) -> None:
        assert findings(program((m("1.1"),), (m("2.1"), m("2.2"))), "HP105") == []


class TestTimeLimits:
    def test_hp201_ends_after_the_period(self) -> None:
        limit = parse_time_limit("2012-2016")
        prog = program(
            (m("1.1", m("1.1.1"), m("1.1.2", time_limit=limit)),),
            period=parse_time_limit("2012-2015"),
        )
        found = only(prog, "HP201")
        assert (found.severity, found.location) == (
            WARNING,
            "$.chapters[0].measures[0].children[1].time_limit",
        )
        assert found.message == (
            f"measure 1.1.2: time-limit {limit} ends after the program period {prog.period}"
        )

    def test_hp201_starts_before_the_period(self) -> None:
        prog = program((m("1.1", time_limit="2011"),), period=parse_time_limit("2012-2015"))
        assert "time-limit 2011 starts before the program period" in only(prog, "HP201").message

    def test_hp201_deadline_after_the_period(self) -> None:
        prog = program(
            (m("1.1", time_limit="by 31 March 2016"),), period=parse_time_limit("2012-2015")
        )
        assert " ends after the program period" in only(prog, "HP201").message

    @pytest.mark.parametrize(
        "limit", ["2012", "2015", "March 2013", "by 31 December 2015", "permanently", "annually"]
    )
    def test_hp201_not_inside_the_period_or_ongoing(self, limit: str) -> None:
        prog = program((m("1.1", time_limit=limit),), period=parse_time_limit("2012-2015"))
        assert findings(prog, "HP201") == []

    def test_hp201_recurring_with_bounds_after_the_period(self) -> None:
        limit = TimeLimit(
            TimeLimitKind.RECURRING,
            date(2012, 1, 1),
            date(2016, 12, 31),
            Precision.YEAR,
            YearlyWindow(MonthDay(1, 1), MonthDay(12, 31)),
        )
        prog = program((m("1.1", time_limit=limit),), period=parse_time_limit("2012-2015"))
        found = only(prog, "HP201")
        assert found.message == (
            f"measure 1.1: time-limit {limit} ends after the program period {prog.period}"
        )

    def test_hp201_not_for_ongoing_from_before_the_period(self) -> None:
        limit = TimeLimit(TimeLimitKind.ONGOING, date(2011, 1, 1), precision=Precision.YEAR)
        prog = program((m("1.1", time_limit=limit),), period=parse_time_limit("2012-2015"))
        assert findings(prog, "HP201") == []

    def test_hp201_not_without_a_period(self) -> None:
        assert findings(program((m("1.1", time_limit="2030"),)), "HP201") == []

    def test_hp202_sub_measure_outside_its_parent(self) -> None:
        parent, child = parse_time_limit("2012-2013"), parse_time_limit("2014")
        prog = program((m("1.1", m("1.1.1", time_limit=child), time_limit=parent),))
        found = only(prog, "HP202")
        assert (found.severity, found.location) == (
            WARNING,
            "$.chapters[0].measures[0].children[0].time_limit",
        )
        assert found.message == (
            f"measure 1.1.1: time-limit {child} ends after the time-limit {parent} of measure 1.1"
        )

    def test_hp202_uses_the_nearest_ancestor_with_a_time_limit(self) -> None:
        above, own = parse_time_limit("2012-2013"), parse_time_limit("2011")
        prog = program((m("1.1", m("1.1.1", m("1.1.1.1", time_limit=own)), time_limit=above),))
        found = only(prog, "HP202")
        assert found.location == "$.chapters[0].measures[0].children[0].children[0].time_limit"
        assert found.message == (
            f"measure 1.1.1.1: time-limit {own} starts before the time-limit {above} of measure 1.1"
        )

    @pytest.mark.parametrize("child", ["2012", "March-April 2013", "permanently", None])
    def test_hp202_not_inside_the_parent(self, child: str | None) -> None:
        prog = program((m("1.1", m("1.1.1", time_limit=child), time_limit="2012-2013"),))
        assert findings(prog, "HP202") == []

    def test_hp202_not_under_an_ongoing_parent(self) -> None:
        prog = program((m("1.1", m("1.1.1", time_limit="2030"), time_limit="permanently"),))
        assert findings(prog, "HP202") == []

    def test_hp203_unparsed_time_limit(self) -> None:
        prog = program(
            (m("1.1"), m("1.2", time_limit=unparsed("when funds allow"))),
            period=parse_time_limit("2012-2015"),
        )
        found = only(prog, "HP203")
        assert (found.severity, found.location) == (ERROR, "$.chapters[0].measures[1].time_limit")
        assert found.message.startswith(
            "measure 1.2: time-limit 'when funds allow' could not be read"
        )
        assert findings(prog, "HP201") == []

    def test_hp203_unparsed_period(self) -> None:
        found = only(program((m("1.1", time_limit="2030"),), period=unparsed("mid-term")), "HP203")
        assert (found.location, found.severity) == ("$.period", ERROR)
        assert found.message.startswith("program period: time-limit 'mid-term' could not be read")

    def test_hp203_not_for_read_time_limits(self) -> None:
        prog = program(
            (m("1.1", time_limit="2012"), m("1.2", time_limit="annually")),
            period=parse_time_limit("2012-2015"),
        )
        assert findings(prog, "HP203") == []


class TestInstitutions:
    def test_hp301_measure_without_implementer(self) -> None:
        found = only(
            program(
                (m("1.1"), m("1.2", institutions=())),
            ),
            "HP301",
        )
        assert (found.severity, found.location) == (
            WARNING,
            "$.chapters[0].measures[1].implementers",
        )
        assert found.message == "measure 1.2: no implementing institution"

    def test_hp301_not_when_every_sub_measure_has_one(self) -> None:
        prog = program((m("1.1", m("1.1.1"), m("1.1.2", m("1.1.2.1")), institutions=()),))
        assert findings(prog, "HP301") == []

    def test_hp301_parent_and_the_sub_measure_lacking_one(self) -> None:
        prog = program((m("1.1", m("1.1.1"), m("1.1.2", institutions=()), institutions=()),))
        found = findings(prog, "HP301")
        assert [f.location for f in found] == [
            "$.chapters[0].measures[0].implementers",
            "$.chapters[0].measures[0].children[1].implementers",
        ]
        assert found[0].message == (
            "measure 1.1: no implementing institution, "
            "and not all its sub-measures have one (1.1.2)"
        )

    def test_hp302_unknown_institution(self) -> None:
        found = only(lenient_program((m("1.1", institutions=("moj", "mfa")),)), "HP302")
        assert (found.severity, found.location) == (
            ERROR,
            "$.chapters[0].measures[0].implementers[1].institution",
        )
        assert found.message == "measure 1.1 refers to institution 'mfa', which does not exist"

    def test_hp302_unknown_organiser(self) -> None:
        prog = lenient_program(
            (m("1.1"),), events=(event(1, date(2013, 1, 1), organiser="nobody"),)
        )
        assert only(prog, "HP302").location == "$.events[0].organiser"

    def test_hp302_not_for_registered_institutions(self) -> None:
        assert findings(program((m("1.1", institutions=("moj", "mia")),)), "HP302") == []


class TestReferences:
    def test_hp401_event_naming_a_missing_measure(self) -> None:
        prog = lenient_program((m("1.1"),), events=(event(1, date(2013, 1, 1), "1.1", "1.9"),))
        found = only(prog, "HP401")
        assert (found.severity, found.location) == (ERROR, "$.events[0].measures[1]")
        assert found.message == "event 'ev-1' refers to measure 1.9, which does not exist"

    def test_hp401_from_campaigns_recommendations_and_progress(self) -> None:
        window = YearlyWindow(MonthDay(5, 18), MonthDay(6, 18))
        prog = lenient_program(
            (m("1.1"),),
            campaigns=(Campaign("may", "May campaign", window, measures=("2.1",)),),
            recommendations=(Recommendation("upr-1", "UPR", "Ratify", measures=("3.1",)),),
            progress=(ProgressUpdate("4.1", date(2013, 1, 1), Progress.COMPLETED),),
        )
        assert [f.location for f in findings(prog, "HP401")] == [
            "$.campaigns[0].measures[0]",
            "$.recommendations[0].measures[0]",
            "$.progress[0].measure",
        ]

    def test_hp401_not_for_existing_measures(self) -> None:
        prog = program((m("1.1"),), events=(event(1, date(2013, 1, 1), "1.1"),))
        assert findings(prog, "HP401") == []

    def test_hp402_other_dangling_references(self) -> None:
        prog = lenient_program(
            (m("1.1"),),
            events=(event(1, date(2013, 1, 1), recommendations=("upr-9",), campaign="june"),),
            progress=(
                ProgressUpdate("1.1", date(2013, 1, 1), Progress.COMPLETED, evidence=("ev-7",)),
            ),
            provisions=(Provision("5.1", "Coordination", chapter=5),),
        )
        found = findings(prog, "HP402")
        assert {f.severity for f in found} == {ERROR}
        assert [f.location for f in found] == [
            "$.events[0].recommendations[0]",
            "$.events[0].campaign",
            "$.progress[0].evidence[0]",
            "$.provisions[0].chapter",
        ]
        assert found[-1].message == "provision 5.1 refers to chapter 5, which does not exist"
        assert findings(prog, "HP401") == []

    def test_hp402_not_when_references_resolve(self) -> None:
        ev = event(1, date(2013, 1, 1), "1.1")
        prog = program(
            (m("1.1"),),
            events=(ev,),
            provisions=(Provision("1.9", "Reports", chapter=1),),
            progress=(
                ProgressUpdate("1.1", date(2013, 1, 2), Progress.COMPLETED, evidence=("ev-1",)),
            ),
        )
        assert findings(prog, "HP402") == []


class TestEvents:
    def test_hp403_event_after_the_time_limit(self) -> None:
        limit = parse_time_limit("2012-2013")
        prog = program((m("1.1", time_limit=limit),), events=(event(1, date(2014, 3, 1), "1.1"),))
        found = only(prog, "HP403")
        assert (found.severity, found.location) == (WARNING, "$.events[0].measures[0]")
        assert found.message == (
            f"measure 1.1: event 'ev-1' (2014-03-01) takes place after its time-limit {limit} ends"
        )

    def test_hp403_event_before_an_inherited_time_limit(self) -> None:
        limit = parse_time_limit("2013")
        prog = program(
            (m("1.1", m("1.1.1"), time_limit=limit),),
            events=(event(4, date(2012, 12, 1), "1.1.1", end=date(2012, 12, 3)),),
        )
        found = only(prog, "HP403")
        assert found.message == (
            f"measure 1.1.1: event 'ev-4' (2012-12-01 to 2012-12-03) takes place before "
            f"its time-limit {limit} (inherited) starts"
        )

    @pytest.mark.parametrize(
        ("limit", "start", "end"),
        [
            ("2013", date(2013, 1, 1), None),
            ("2013", date(2012, 12, 30), date(2013, 1, 2)),  # overlaps the start
            ("by 31 March 2013", date(2010, 1, 1), None),  # a deadline has no start
            ("permanently", date(1999, 1, 1), None),
            ("annually", date(2040, 1, 1), None),
            (None, date(2040, 1, 1), None),
        ],
    )
    def test_hp403_not_within_or_open_time_limits(
        self, limit: str | None, start: date, end: date | None
    ) -> None:
        prog = program((m("1.1", time_limit=limit),), events=(event(1, start, "1.1", end=end),))
        assert findings(prog, "HP403") == []

    def test_hp403_not_for_a_missing_measure(self) -> None:
        prog = lenient_program(
            (m("1.1", time_limit="2013"),), events=(event(1, date(2020, 1, 1), "1.5"),)
        )
        assert findings(prog, "HP403") == []


class TestPublicApi:
    def test_validate_selects_and_ignores_by_prefix(self) -> None:
        prog = program((m("1.1"), m("1.4", institutions=()), m("2.4"), m("1.2")))
        result = hrplan.validate(prog, select=["HP1"], ignore=["HP103"])
        assert {f.code for f in result} == {"HP102", "HP105"}
        everything = {f.code for f in hrplan.validate(prog)}
        assert {"HP102", "HP103", "HP105", "HP301"} <= everything

    def test_validate_sorts_by_severity(self) -> None:
        prog = lenient_program((m("1.1", institutions=()), m("1.1")))
        severities = [f.severity.rank for f in hrplan.validate(prog)]
        assert severities == sorted(severities)
        assert {"HP101", "HP301"} <= {f.code for f in hrplan.validate(prog)}


def _declared() -> set[str]:
    return {code for v in validators().values() for code in v.codes}


#: Codes a generated program (references resolve, measures numbered 1, 2, 3...) never gets.
_NEVER_FOR_GENERATED = {"HP101", "HP102", "HP103", "HP104", "HP105", "HP302", "HP401", "HP402"}


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(programs())
def test_generated_programs_never_make_a_validator_raise(prog: Program) -> None:
    declared = _declared()
    for v in validators().values():
        found = list(v.validate(prog))
        assert all(isinstance(f, Finding) for f in found)
        assert {f.code for f in found} <= set(v.codes)
        assert {f.code for f in found} <= declared
        assert not {f.code for f in found} & _NEVER_FOR_GENERATED, found
        assert all(f.location.startswith("$.") for f in found)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(programs())
def test_broken_generated_programs_never_make_a_validator_raise(prog: Program) -> None:
    """The same, with a measure numbered twice and references to nothing added leniently."""
    extra = Event(
        "ev-x",
        "Extra",
        EventKind.OTHER,
        DateSpan(date(2020, 1, 1)),
        organiser="?nobody",
        measures=("9.9.9",),
        campaign="?none",
    )
    chapters = prog.chapters
    duplicated = bool(chapters and chapters[0].measures)
    if duplicated:
        first = chapters[0]
        chapters = (
            attrs.evolve(first, measures=(*first.measures, first.measures[0])),
            *chapters[1:],
        )
    with hrplan.lenient():
        broken = attrs.evolve(prog, chapters=chapters, events=(*prog.events, extra))
    codes: set[str] = set()
    for v in validators().values():
        found = list(v.validate(broken))
        assert {f.code for f in found} <= set(v.codes)
        codes |= {f.code for f in found}
    assert {"HP302", "HP401", "HP402"} <= codes
    assert ("HP101" in codes) is duplicated


def test_hp105_leaves_one_level_numbers_alone() -> None:
    chapter = hrplan.Chapter(2, "Second", measures=(hrplan.Measure("1", "First"), hrplan.Measure("2", "Second")))
    program = hrplan.Program("one-level", "One level", chapters=(chapter,))
    assert hrplan.validate(program, select=["HP105"]) == []
