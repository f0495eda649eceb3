"""Events held outside the time-limit of the measures they implement."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hrplan.builtins.validators.walk import describe, is_open_ended
from hrplan.findings import Finding, Severity
from hrplan.model import Event, MeasureId, Program

__all__ = ["EventsValidator"]


class EventsValidator:
    """Checks event dates against the time-limits of the measures they implement."""

    name = "events"
    codes: Mapping[str, str] = {
        "HP403": "an event takes place entirely before or after the time-limit of a measure "
        "it implements",
    }

    def validate(self, program: Program, **options: Any) -> Iterator[Finding]:
        """Yield one finding per (event, measure) pair that do not meet, in event order."""
        for i, event in enumerate(program.events):
            for j, number in enumerate(event.measures):
                message = _mismatch(program, event, number)
                if message is not None:
                    location = f"$.events[{i}].measures[{j}]"
                    yield Finding(Severity.WARNING, "HP403", message, location)


def _mismatch(program: Program, event: Event, number: MeasureId) -> str | None:
    measure = program.find_measure(number)
    if measure is None:  # a dangling reference: HP401
        return None
    limit = program.time_limit_of(number)
    if limit is None or is_open_ended(limit):
        return None
    dates = event.dates
    if limit.end is not None and dates.start > limit.end:
        when, bound = "after", "ends"
    elif limit.start is not None and dates.end < limit.start:
        when, bound = "before", "starts"
    else:
        return None
    held = str(dates.start) if dates.start == dates.end else f"{dates.start} to {dates.end}"
    inherited = "" if measure.time_limit is not None else " (inherited)"
    return (
        f"measure {number}: event {event.id!r} ({held}) takes place {when} "
        f"its time-limit {describe(limit)}{inherited} {bound}"
    )
