"""The sessions of the Universal Periodic Review Working Group: when each was held, and its cycle.

UPR Info exports give a recommendation's session, not its year; a UPR report's
symbol (``A/HRC/28/15``) gives the Human Rights Council session that adopted
it. This table, shipped as ``sessions.csv`` beside this module, turns either
into dates, a year and a cycle::

    >>> from hrplan.upr_sessions import session, cycle_of
    >>> s = session(20)
    >>> s.start, s.end, s.cycle, s.hrc_session
    (datetime.date(2014, 10, 27), datetime.date(2014, 11, 7), 2, 28)
    >>> cycle_of(55)
    4

Cycles: sessions 1-12 the first (2008-2011), 13-26 the second (2012-2016),
27-40 the third (2017-2022), the fourth from session 41 (November 2022). Each
row names the public page its dates were checked against (``source``); rows
without one (sessions 12, 15, 19, 30, 33 and 39) follow the published calendar
of sessions and are not verified against a page.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io

import attrs

__all__ = ["CYCLES", "UprSession", "cycle_of", "from_hrc_session", "session", "sessions", "year_of"]

#: The first and last Working Group session of each cycle (``None``: still running).
CYCLES: dict[int, tuple[int, int | None]] = {1: (1, 12), 2: (13, 26), 3: (27, 40), 4: (41, None)}


@attrs.frozen
class UprSession:
    """One session of the UPR Working Group.

    :ivar number: its number (``20``).
    :ivar cycle: the UPR cycle it belongs to (``2``).
    :ivar start: its first day.
    :ivar end: its last day.
    :ivar hrc_session: the Human Rights Council session that adopted its
        outcomes (the ``28`` of ``A/HRC/28/15``).
    :ivar source: the public page its dates were checked against (``""``: not checked).
    """

    number: int
    cycle: int
    start: datetime.date
    end: datetime.date
    hrc_session: int
    source: str = ""

    @property
    def year(self) -> int:
        """The year the session opened."""
        return self.start.year


@functools.cache
def sessions() -> tuple[UprSession, ...]:
    """Every session hrplan knows, in order."""
    from importlib import resources  # loaded on first use: it costs import time

    text = resources.files(__name__).joinpath("sessions.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return tuple(
        UprSession(
            int(row["session"]),
            int(row["cycle"]),
            datetime.date.fromisoformat(row["start"]),
            datetime.date.fromisoformat(row["end"]),
            int(row["hrc_session"]),
            row["source"],
        )
        for row in rows
    )


@functools.cache
def _by_number() -> dict[int, UprSession]:
    return {s.number: s for s in sessions()}


def session(number: int) -> UprSession | None:
    """The session ``number``, or ``None`` when hrplan does not know it (yet)."""
    return _by_number().get(number)


def year_of(number: int) -> int | None:
    """The year session ``number`` opened in, or ``None`` when unknown."""
    found = session(number)
    return found.year if found is not None else None


def cycle_of(number: int) -> int | None:
    """The cycle of session ``number`` (also for sessions of the fourth cycle not in the table)."""
    if number < 1:
        return None
    for cycle, (first, last) in CYCLES.items():
        if first <= number and (last is None or number <= last):
            return cycle
    return None


def from_hrc_session(hrc_session: int) -> tuple[UprSession, ...]:
    """The Working Group sessions whose outcomes the Human Rights Council session adopted.

    ``from_hrc_session(28)`` is session 20; the eighth Council session adopted
    those of sessions 1 and 2.
    """
    return tuple(s for s in sessions() if s.hrc_session == hrc_session)
