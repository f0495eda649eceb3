"""Time-limits: unread ones, and ones outside the program period or the parent's."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from hrplan.builtins.validators.walk import Site, describe, is_unparsed, outside, walk
from hrplan.findings import Finding, Severity
from hrplan.model import Program
from hrplan.timelimits import TimeLimit

__all__ = ["TimeLimitsValidator"]


class TimeLimitsValidator:
    """Checks each measure's own time-limit against the program period and its parent's."""

    name = "time-limits"
    codes: Mapping[str, str] = {
        "HP201": "a measure's time-limit starts before or ends after the program period",
        "HP202": "a sub-measure's time-limit starts before or ends after its parent's",
        "HP203": "a time-limit that could not be read (kept as text)",
    }

    def validate(self, program: Program, **options: Any) -> Iterator[Finding]:
        """Yield the time-limit findings in document order (the period's first)."""
        period = program.period
        if period is not None and is_unparsed(period):
            message = f"program period: {_unread(period)}"
            yield Finding(Severity.ERROR, "HP203", message, "$.period")
            period = None
        for site in walk(program):
            own = site.measure.time_limit
            if own is None:
                continue
            where = f"{site.path}.time_limit"
            if is_unparsed(own):
                yield Finding(Severity.ERROR, "HP203", f"{site.label}: {_unread(own)}", where)
                continue
            if period is not None and (how := outside(own, period)):
                message = (
                    f"{site.label}: time-limit {describe(own)} {how} "
                    f"the program period {describe(period)}"
                )
                yield Finding(Severity.WARNING, "HP201", message, where)
            holder = _nearest_with_time_limit(site)
            if holder is not None and (how := outside(own, holder[1])):
                message = (
                    f"{site.label}: time-limit {describe(own)} {how} "
                    f"the time-limit {describe(holder[1])} of {holder[0].label}"
                )
                yield Finding(Severity.WARNING, "HP202", message, where)


def _nearest_with_time_limit(site: Site) -> tuple[Site, TimeLimit] | None:
    """The nearest measure above ``site`` with a time-limit, and that time-limit."""
    for ancestor in site.ancestors():
        limit = ancestor.measure.time_limit
        if limit is not None:
            return ancestor, limit
    return None


def _unread(time_limit: TimeLimit) -> str:
    text = time_limit.text
    shown = repr(text) if text else "(no text)"
    return f"time-limit {shown} could not be read; write it as dates or a known phrasing"
