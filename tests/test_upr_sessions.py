"""The table of UPR Working Group sessions."""

from __future__ import annotations

import itertools

from hrplan import upr_sessions


def test_sessions_are_numbered_in_order_with_their_cycles() -> None:
    sessions = upr_sessions.sessions()
    assert [s.number for s in sessions] == list(range(1, len(sessions) + 1))
    assert all(s.start <= s.end and (s.end - s.start).days <= 15 for s in sessions)
    assert all(a.end < b.start for a, b in itertools.pairwise(sessions))
    assert all(s.cycle == upr_sessions.cycle_of(s.number) for s in sessions)
    assert {s.cycle: s.year for s in reversed(sessions)} == {4: 2022, 3: 2017, 2: 2012, 1: 2008}


def test_cycles_and_years() -> None:
    assert [upr_sessions.cycle_of(n) for n in (0, 1, 12, 13, 26, 27, 40, 41, 60)] == [None, 1, 1, 2, 2, 3, 3, 4, 4]
    assert upr_sessions.year_of(20) == 2014
    assert upr_sessions.year_of(999) is None
    assert upr_sessions.session(41).start.isoformat() == "2022-11-07"


def test_council_sessions_lead_back_to_working_group_sessions() -> None:
    assert [s.number for s in upr_sessions.from_hrc_session(8)] == [1, 2]
    assert [s.number for s in upr_sessions.from_hrc_session(28)] == [20]
    assert upr_sessions.from_hrc_session(20) == ()


def test_checked_rows_name_a_public_page() -> None:
    sources = [s.source for s in upr_sessions.sessions() if s.source]
    assert len(sources) >= 20
    assert all(src.startswith("http") for src in sources)
