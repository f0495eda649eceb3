"""A UPR recommendation's session, cycle and year, from its session number or its report's symbol."""

from __future__ import annotations

import functools
import re

from hrplan.builtins.recommendations._cells import session_number
from hrplan.upr_sessions import cycle_of, from_hrc_session
from hrplan.upr_sessions import session as session_of

__all__ = ["Timing", "timing"]

_HRC_SYMBOL = re.compile(r"^A/HRC/(\d{1,3})/")

#: (session, cycle, year, whether the session is in hrplan's table)
Timing = tuple[str | None, str | None, int | None, bool]


@functools.lru_cache(maxsize=1024)
def timing(session: str | None, symbol: str | None = None) -> Timing:
    """The session, cycle and year a session number (``"20"``) or a symbol (``A/HRC/28/15``) gives.

    The last item says whether the session is known; a session past the table
    still gets its cycle when the cycle is known (the fourth from session 41).
    """
    written = session_number(session) if session else None
    number = int(written) if written else None
    if number is None and symbol:
        match = _HRC_SYMBOL.match(symbol.strip())
        found = from_hrc_session(int(match.group(1))) if match else ()
        if len(found) == 1:
            number = found[0].number
        elif found:  # one Council session adopted two Working Group sessions: same year and cycle
            return None, str(found[0].cycle), found[0].year, True
    if number is None:
        return (session.strip() or None) if session else None, None, None, session is None
    known = session_of(number)
    cycle = cycle_of(number)
    return str(number), str(cycle) if cycle else None, known.year if known else None, known is not None
