"""hrplan.monitoring: snapshots, the roll-up rule, progress over time and its HP5xx checks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hrplan
from hrplan import (
    Chapter,
    DateSpan,
    Event,
    EventKind,
    Implementer,
    Institution,
    Measure,
    Program,
    Progress,
    ProgressUpdate,
    Severity,
    Status,
    parse_time_limit,
)
from hrplan.monitoring import (
    PROGRESS_CODES,
    URGENCY,
    MeasureState,
    Snapshot,
    progress_findings,
    roll_up,
    snapshot,
    status_history,
)
from hrplan.plugins import Validator, get_manager
from hrplan.testing import programs

from .conftest import EXAMPLES

AS_OF = date(2013, 1, 1)
REGISTRY = (
    Institution("moj", "Ministry of Justice"),
    Institution("mia", "Ministry of Internal Affairs"),
    Institution("idle", "An institution with no measures"),
)


def m(number: str, *children: Measure, limit: str | None = None, by: tuple[str, ...] = ("moj",)) -> Measure:
    return Measure(
        number,
        f"Measure {number}",
        implementers=tuple(Implementer(i) for i in by),
        time_limit=parse_time_limit(limit) if limit else None,
        children=children,
    )


def update(number: str, day: date, progress: Progress) -> ProgressUpdate:
    return ProgressUpdate(number, day, progress)


def event(key: str, start: date, *measures: str, end: date | None = None) -> Event:
    return Event(key, f"Event {key}", EventKind.TRAINING, DateSpan(start, end or start), measures=measures)


def small(**fields: Any) -> Program:
    """Two chapters with measures, one without; statuses as of 2013-01-01 in the comments."""
    chapters = (
        Chapter(1, "One", measures=(
            m("1.1", limit="2012"),                                   # completed (reported)
            m("1.2",                                                  # in progress (span of its sub-measures)
              m("1.2.1", limit="March-April 2012", by=("mia",)),       # overdue, 246 days
              m("1.2.2", limit="2012-2015", by=("moj", "mia")),        # in progress
              by=()),
            m("1.3", limit="permanently"),                            # ongoing
        )),
        Chapter(2, "Two", measures=(
            m("2.1", limit="by 31 December 2012", by=("mia",)),       # overdue, 1 day
            m("2.2", limit="Q2 2013"),                                # not started
            m("2.3", limit="by 15 January 2013"),                     # due soon
        )),
        Chapter(3, "Three"),
    )  # fmt: skip
    fields.setdefault("progress", (update("1.1", date(2012, 6, 1), Progress.COMPLETED),))
    return Program("demo", "Demo", chapters=chapters, institutions=REGISTRY, **fields)


class TestSnapshot:
    def test_every_measure_in_document_order_with_its_place(self) -> None:
        snap = snapshot(small(), AS_OF)
        assert isinstance(snap, Snapshot)
        numbers = ["1.1", "1.2", "1.2.1", "1.2.2", "1.3", "2.1", "2.2", "2.3"]
        assert [str(s.measure.id) for s in snap.measures] == numbers
        assert [s.depth for s in snap.measures] == [1, 1, 2, 2, 1, 1, 1, 1]
        assert [str(s.parent) if s.parent else None for s in snap.measures] == [
            None, None, "1.2", "1.2", None, None, None, None,
        ]  # fmt: skip
        assert [s.chapter.number for s in snap.measures] == [1, 1, 1, 1, 1, 2, 2, 2]

    def test_own_statuses_are_those_of_hrplan_status(self) -> None:
        prog = small()
        snap = snapshot(prog, AS_OF)
        expected = {
            "1.1": Status.COMPLETED, "1.2": Status.IN_PROGRESS, "1.2.1": Status.OVERDUE,
            "1.2.2": Status.IN_PROGRESS, "1.3": Status.ONGOING, "2.1": Status.OVERDUE,
            "2.2": Status.NOT_STARTED, "2.3": Status.DUE_SOON,
        }  # fmt: skip
        assert {str(s.measure.id): s.status for s in snap.measures} == expected
        for state in snap.measures:
            assert state.status is hrplan.status(state.measure, AS_OF, program=prog)

    def test_time_limit_and_days_left(self) -> None:
        snap = snapshot(small(), AS_OF)
        parent = snap.state("1.2")
        assert parent.measure.time_limit is None
        assert parent.time_limit is not None
        assert (parent.time_limit.start, parent.time_limit.end) == (
            date(2012, 1, 1),
            date(2015, 12, 31),
        )
        assert snap.state("1.2.1").days_left == -246
        assert snap.state("2.1").days_left == -1
        assert snap.state("2.3").days_left == 14
        assert snap.state("1.3").days_left is None

    def test_due_soon_is_passed_on(self) -> None:
        assert snapshot(small(), AS_OF, due_soon=0).state("2.3").status is Status.IN_PROGRESS
        assert snapshot(small(), AS_OF, due_soon=timedelta(days=200)).state("1.2.2").status is Status.IN_PROGRESS
        assert snapshot(small(), date(2015, 11, 1), due_soon=timedelta(days=61)).state("1.2.2").status is (
            Status.DUE_SOON
        )
        with pytest.raises(ValueError, match="due_soon"):
            snapshot(Program("empty", "Empty"), AS_OF, due_soon=-1)

    def test_latest_update_up_to_the_day(self) -> None:
        progress = (
            update("1.3", date(2012, 2, 1), Progress.NOT_STARTED),
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
            update("1.3", date(2013, 5, 1), Progress.SUSPENDED),
        )
        snap = snapshot(small(progress=progress), AS_OF)
        assert snap.state("1.3").latest_update == progress[1]
        assert snap.state("2.1").latest_update is None
        assert snapshot(small(progress=progress), date(2012, 1, 31)).state("1.3").latest_update is None

    def test_a_completion_reported_later_is_not_known_yet(self) -> None:
        progress = (update("2.1", date(2013, 2, 1), Progress.COMPLETED),)
        assert snapshot(small(progress=progress), AS_OF).state("2.1").status is Status.OVERDUE
        assert snapshot(small(progress=progress), date(2013, 2, 1)).state("2.1").status is Status.COMPLETED_LATE

    def test_events_up_to_the_day_only_by_date(self) -> None:
        events = (
            event("late", date(2012, 11, 5), "1.3", "2.1"),
            event("early", date(2012, 3, 1), "1.3", end=date(2012, 3, 3)),
            event("on-the-day", AS_OF, "1.3"),
            event("after", AS_OF + timedelta(days=1), "1.3"),
            event("child", date(2012, 4, 1), "1.2.1"),
        )
        snap = snapshot(small(events=events), AS_OF)
        assert [e.id for e in snap.state("1.3").events] == ["early", "late", "on-the-day"]
        assert [e.id for e in snap.state("2.1").events] == ["late"]
        assert snap.state("1.2").events == ()  # events of sub-measures stay with them
        assert [e.id for e in snap.state("1.2.1").events] == ["child"]

    def test_state_by_number(self) -> None:
        snap = snapshot(small(), AS_OF)
        assert snap.state("1.2.2") is snap.state(hrplan.MeasureId.parse("1.2.2"))
        assert isinstance(snap.state("1.2.2"), MeasureState)
        with pytest.raises(KeyError, match=r"9\.9"):
            snap.state("9.9")

    def test_totals_count_every_status(self) -> None:
        totals = snapshot(small(), AS_OF).totals()
        assert list(totals) == list(Status)
        assert totals == {
            Status.NOT_STARTED: 1, Status.IN_PROGRESS: 2, Status.DUE_SOON: 1, Status.OVERDUE: 2,
            Status.COMPLETED: 1, Status.COMPLETED_LATE: 0, Status.ONGOING: 1,
        }  # fmt: skip

    def test_by_chapter_adds_up_to_the_totals(self) -> None:
        snap = snapshot(small(), AS_OF)
        chapters = snap.by_chapter()
        assert list(chapters) == [1, 2, 3]
        assert sum(chapters[3].values()) == 0
        assert chapters[2][Status.OVERDUE] == 1
        assert {s: sum(c[s] for c in chapters.values()) for s in Status} == snap.totals()

    def test_by_institution_counts_the_measures_each_implements(self) -> None:
        snap = snapshot(small(), AS_OF)
        counts = snap.by_institution()
        assert list(counts) == ["moj", "mia", "idle"]
        assert sum(counts["idle"].values()) == 0
        assert counts["mia"] == {**dict.fromkeys(Status, 0), Status.OVERDUE: 2, Status.IN_PROGRESS: 1}
        for key, statuses in counts.items():
            assert sum(statuses.values()) == sum(key in s.measure.institutions for s in snap.measures)

    def test_overdue_most_overdue_first(self) -> None:
        snap = snapshot(small(), AS_OF)
        assert [str(s.measure.id) for s in snap.overdue()] == ["1.2.1", "2.1"]
        assert snap.with_status(Status.OVERDUE) == tuple(sorted(snap.overdue(), key=snap.measures.index))
        assert [str(s.measure.id) for s in snap.with_status(Status.IN_PROGRESS)] == ["1.2", "1.2.2"]

    def test_the_2012_program_on_new_year_2013(self) -> None:
        prog = hrplan.read(EXAMPLES / "data" / "az-2012.json")
        snap = snapshot(prog, AS_OF)
        assert len(snap.measures) == len(list(prog.iter_measures())) == 71
        totals = snap.totals()
        assert (totals[Status.OVERDUE], totals[Status.IN_PROGRESS], totals[Status.ONGOING]) == (15, 20, 36)
        assert sum(totals.values()) == 71
        assert {s: sum(c[s] for c in snap.by_chapter().values()) for s in Status} == totals
        assert snap.by_chapter()[6] == dict.fromkeys(Status, 0)
        assert str(snap.overdue()[0].measure.id) == "1.2.1"  # March-April 2012: the longest overdue
        days = [s.days_left for s in snap.overdue()]
        assert days == sorted(days)
        assert all(d is not None and d < 0 for d in days)
        parent = snap.state("1.2")
        assert parent.status is Status.ONGOING
        assert parent.rolled_up is Status.OVERDUE
        for key, statuses in snap.by_institution().items():
            assert sum(statuses.values()) == sum(key in s.measure.institutions for s in snap.measures)


#: (own status, sub-measures' rolled-up statuses, rolled-up status): the table of docs/monitoring.md.
ROLL_UP_TABLE = [
    (Status.IN_PROGRESS, (), Status.IN_PROGRESS),
    (Status.IN_PROGRESS, (Status.COMPLETED, Status.OVERDUE), Status.OVERDUE),
    (Status.ONGOING, (Status.IN_PROGRESS, Status.NOT_STARTED), Status.IN_PROGRESS),
    (Status.DUE_SOON, (Status.IN_PROGRESS,), Status.DUE_SOON),
    (Status.NOT_STARTED, (Status.COMPLETED_LATE,), Status.NOT_STARTED),
    (Status.OVERDUE, (Status.COMPLETED, Status.COMPLETED), Status.OVERDUE),
    (Status.ONGOING, (Status.COMPLETED, Status.ONGOING), Status.COMPLETED),
    (Status.ONGOING, (Status.COMPLETED, Status.COMPLETED_LATE), Status.COMPLETED_LATE),
    (Status.ONGOING, (Status.ONGOING,), Status.ONGOING),
    (Status.COMPLETED, (Status.OVERDUE,), Status.COMPLETED),
    (Status.COMPLETED_LATE, (Status.DUE_SOON, Status.NOT_STARTED), Status.COMPLETED_LATE),
]


class TestRollUp:
    def test_urgency_order(self) -> None:
        assert URGENCY == (
            Status.OVERDUE, Status.DUE_SOON, Status.IN_PROGRESS, Status.NOT_STARTED,
            Status.COMPLETED_LATE, Status.COMPLETED, Status.ONGOING,
        )  # fmt: skip
        assert set(URGENCY) == set(Status)

    @pytest.mark.parametrize(("own", "below", "expected"), ROLL_UP_TABLE)
    def test_table(self, own: Status, below: tuple[Status, ...], expected: Status) -> None:
        assert roll_up(own, below) is expected

    def test_the_table_is_in_the_documentation(self) -> None:
        doc = (EXAMPLES.parent / "docs" / "monitoring.md").read_text(encoding="utf-8")
        for own, below, expected in ROLL_UP_TABLE:
            cells = ", ".join(s.value for s in below) or "(none)"
            assert f"| `{own.value}` | {cells} | `{expected.value}` |" in doc, (own, below)

    def test_in_a_snapshot(self) -> None:
        snap = snapshot(small(), AS_OF)
        rolled = {str(s.measure.id): s.rolled_up for s in snap.measures}
        assert rolled["1.2"] is Status.OVERDUE  # in progress itself, 1.2.1 overdue
        for state in snap.measures:
            if not state.measure.children:
                assert state.rolled_up is state.status

    def test_a_completed_measure_closes_its_subtree(self) -> None:
        chapters = (Chapter(1, "One", measures=(
            m("1.1", m("1.1.1", m("1.1.1.1", limit="2012"), limit="2012-2015"), limit="2012-2015"),
        )),)  # fmt: skip
        progress = (update("1.1.1", date(2012, 10, 1), Progress.COMPLETED),)
        snap = snapshot(Program("p", "P", chapters=chapters, institutions=REGISTRY, progress=progress), AS_OF)
        assert snap.state("1.1.1.1").rolled_up is Status.OVERDUE
        assert snap.state("1.1.1").rolled_up is Status.COMPLETED
        assert snap.state("1.1").status is Status.IN_PROGRESS
        assert snap.state("1.1").rolled_up is Status.IN_PROGRESS

    def test_completing_every_sub_measure_does_not_complete_the_parent(self) -> None:
        chapters = (Chapter(1, "One", measures=(m("1.1", m("1.1.1", limit="2012"), limit="2012"),)),)
        progress = (update("1.1.1", date(2012, 10, 1), Progress.COMPLETED),)
        snap = snapshot(Program("p", "P", chapters=chapters, institutions=REGISTRY, progress=progress), AS_OF)
        assert snap.state("1.1").rolled_up is Status.OVERDUE

    @given(st.sampled_from(Status), st.lists(st.sampled_from(Status), max_size=4))
    def test_most_urgent_unless_completed(self, own: Status, below: list[Status]) -> None:
        result = roll_up(own, below)
        if own in (Status.COMPLETED, Status.COMPLETED_LATE):
            assert result is own
        else:
            assert result in (own, *below)
            assert all(URGENCY.index(result) <= URGENCY.index(s) for s in (own, *below))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(programs(), st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_generated_programs(prog: Program, as_of: date) -> None:
    """Snapshots agree with hrplan.status and the roll-up rule; the progress checks never raise."""
    snap = snapshot(prog, as_of)
    assert [s.measure for s in snap.measures] == list(prog.iter_measures())
    totals = snap.totals()
    assert sum(totals.values()) == len(snap.measures)
    assert {s: sum(c[s] for c in snap.by_chapter().values()) for s in Status} == totals
    for state in snap.measures:
        assert state.status is hrplan.status(state.measure, as_of, program=prog)
        assert state.depth == len(prog.ancestors(state.measure.id)) + 1
        assert all(e.dates.start <= as_of and state.measure.id in e.measures for e in state.events)
        expected = roll_up(state.status, [snap.state(c.id).rolled_up for c in state.measure.children])
        assert state.rolled_up is expected
    for finding in progress_findings(prog):
        assert finding.code in PROGRESS_CODES
        assert finding.location.startswith("$.progress[")


class TestStatusHistory:
    def test_by_date(self) -> None:
        progress = (
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
            update("2.1", date(2012, 1, 1), Progress.IN_PROGRESS),
            update("1.3", date(2012, 2, 1), Progress.NOT_STARTED),
            update("1.3", date(2013, 5, 1), Progress.COMPLETED),
        )
        assert status_history(small(progress=progress), "1.3") == (
            (date(2012, 2, 1), Progress.NOT_STARTED),
            (date(2012, 9, 1), Progress.IN_PROGRESS),
            (date(2013, 5, 1), Progress.COMPLETED),
        )

    def test_none_reported(self) -> None:
        assert status_history(small(), "2.2") == ()

    def test_unknown_measure(self) -> None:
        with pytest.raises(KeyError, match=r"9\.9"):
            status_history(small(), "9.9")


def codes(prog: Program) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in progress_findings(prog)]


class TestProgressFindings:
    def test_a_clean_history(self) -> None:
        progress = (
            update("1.3", date(2012, 2, 1), Progress.NOT_STARTED),
            update("2.1", date(2012, 1, 1), Progress.IN_PROGRESS),  # another measure may come earlier
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),  # the same twice: no disagreement
            update("1.3", date(2013, 5, 1), Progress.COMPLETED),
            update("1.3", date(2013, 6, 1), Progress.COMPLETED),
        )
        assert progress_findings(small(progress=progress)) == []

    def test_hp501_out_of_date_order(self) -> None:
        progress = (
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
            update("2.1", date(2012, 1, 1), Progress.IN_PROGRESS),
            update("1.3", date(2012, 2, 1), Progress.NOT_STARTED),
        )
        (finding,) = progress_findings(small(progress=progress))
        assert (finding.code, finding.severity, finding.location) == ("HP501", Severity.WARNING, "$.progress[2]")
        assert "measure 1.3" in finding.message
        assert "2012-02-01" in finding.message
        assert "2012-09-01" in finding.message
        assert "$.progress[0]" in finding.message

    def test_hp502_completed_then_in_progress(self) -> None:
        progress = (
            update("1.3", date(2012, 5, 1), Progress.COMPLETED),
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
        )
        (finding,) = progress_findings(small(progress=progress))
        assert (finding.code, finding.severity, finding.location) == ("HP502", Severity.WARNING, "$.progress[1]")
        assert "measure 1.3" in finding.message
        assert "2012-05-01" in finding.message
        assert "2012-09-01" in finding.message

    def test_hp502_also_after_a_suspension_and_for_not_started(self) -> None:
        progress = (
            update("1.3", date(2012, 5, 1), Progress.COMPLETED),
            update("1.3", date(2012, 6, 1), Progress.SUSPENDED),
            update("1.3", date(2012, 9, 1), Progress.NOT_STARTED),
            update("1.3", date(2012, 10, 1), Progress.IN_PROGRESS),  # the completion was already withdrawn
        )
        assert codes(small(progress=progress)) == [("HP502", "$.progress[2]")]

    def test_hp502_once_per_completion(self) -> None:
        progress = (
            update("1.3", date(2012, 5, 1), Progress.COMPLETED),
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
            update("1.3", date(2012, 10, 1), Progress.COMPLETED),
            update("1.3", date(2012, 11, 1), Progress.IN_PROGRESS),
        )
        assert codes(small(progress=progress)) == [("HP502", "$.progress[1]"), ("HP502", "$.progress[3]")]

    def test_hp503_same_day_disagreement(self) -> None:
        progress = (
            update("1.3", date(2012, 5, 1), Progress.IN_PROGRESS),
            update("2.1", date(2012, 5, 1), Progress.COMPLETED),  # another measure: no disagreement
            update("1.3", date(2012, 5, 1), Progress.COMPLETED),
        )
        (finding,) = progress_findings(small(progress=progress))
        assert (finding.code, finding.severity, finding.location) == ("HP503", Severity.WARNING, "$.progress[2]")
        assert "measure 1.3" in finding.message
        assert "2012-05-01" in finding.message
        assert "in-progress" in finding.message
        assert "completed" in finding.message

    def test_findings_follow_the_order_of_the_updates(self) -> None:
        progress = (
            update("2.1", date(2012, 5, 1), Progress.COMPLETED),
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
            update("1.3", date(2012, 9, 1), Progress.COMPLETED),
            update("2.1", date(2012, 7, 1), Progress.IN_PROGRESS),
            update("1.3", date(2012, 2, 1), Progress.IN_PROGRESS),
        )
        assert codes(small(progress=progress)) == [
            ("HP503", "$.progress[2]"),
            ("HP502", "$.progress[3]"),
            ("HP501", "$.progress[4]"),
        ]

    def test_registered_as_the_progress_validator(self) -> None:
        validator = get_manager().validators()["progress"]
        assert isinstance(validator, Validator)
        assert dict(validator.codes) == PROGRESS_CODES == {
            code: PROGRESS_CODES[code] for code in ("HP501", "HP502", "HP503")
        }
        progress = (
            update("1.3", date(2012, 5, 1), Progress.COMPLETED),
            update("1.3", date(2012, 9, 1), Progress.IN_PROGRESS),
        )
        found = hrplan.validate(small(progress=progress), select=["HP5"])
        assert [(f.code, f.location) for f in found] == [("HP502", "$.progress[1]")]

    def test_the_codes_are_documented(self) -> None:
        doc = (EXAMPLES.parent / "docs" / "validators.md").read_text(encoding="utf-8")
        for code in PROGRESS_CODES:
            assert f"| {code} | warning | progress |" in doc
