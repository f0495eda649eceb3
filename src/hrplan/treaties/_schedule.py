"""Computing when reports fall due: treaty reports, overrides, the predictable cycle, the UPR.

Every date is computed with :class:`dateutil.relativedelta.relativedelta` from the
date before it: the initial report from the entry into force, each later report
from the previous report's due date. A day that does not exist in the target month
becomes its last day (29 February 2004 + 5 years = 28 February 2009), and the next
date is counted from that day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs
from dateutil.relativedelta import relativedelta

from hrplan.errors import ModelError
from hrplan.model import DateSpan
from hrplan.treaties._catalogue import (
    PREDICTABLE_CYCLE,
    TREATIES,
    UPR_CYCLE,
    Treaty,
    describe_period,
    get_treaty,
)
from hrplan.treaties._model import DueReport, Override, Ratification, ReportKind, Submission

__all__ = ["calendar", "due_between", "due_reports", "overdue", "upr_reviews"]

_ORDER = {code: index for index, code in enumerate(TREATIES)}


def due_reports(
    ratification: Ratification,
    *,
    until: date,
    overrides: Iterable[Override] = (),
    predictable_cycle: bool = False,
    cycle_from: date | None = None,
    assumed_periodicity: relativedelta | None = None,
) -> tuple[DueReport, ...]:
    """The reports due under one treaty up to ``until`` (inclusive), by date.

    **Defaults.** Report 1 (the initial report; for OPCAT the designation of the
    national preventive mechanism) is due at entry into force plus the treaty's
    initial period. Each later report is due one periodicity after the previous
    report's due date. OPAC, OPSC and CPED have only the initial report; ICCPR has
    no periodicity (art. 40(1)(b): "whenever the Committee so requests"), so without
    an override or ``assumed_periodicity`` only its initial report is computed. OPCAT's
    NPM annual report (art. 23) is due every year on the anniversary of the
    designation deadline; the Protocol sets no date, so this is a convention.

    **Predictable review cycle.** With ``predictable_cycle``, periodic reports are due
    every 8 years instead (the simplified reporting procedure). Without ``cycle_from``
    the cycle runs from the initial report's due date. With ``cycle_from``, reports
    due before that day keep the treaty's periodicity; the first report that would
    fall on or after it is due on ``cycle_from``; later ones every 8 years. It only
    changes treaties with periodic reports (ICCPR included).

    **Overrides** (overrides for other treaties are ignored) are applied one at a
    time in order of their due dates. An override with due date *D* applies to

    - report ``number`` when it gives one;
    - else, for OPAC, OPSC and CPED, the initial report;
    - else, when every computed report is due before *D* and no further one follows
      (ICCPR without a periodicity), a new report numbered one more than the last;
    - else the report whose due date, as computed so far, is nearest to *D*
      (halfway between two: the later one).

    That report is due on *D*; the reports numbered before it keep their dates; the
    ones after it follow from *D* by the usual rules. Hence every report due before *D*
    is the same report, on the same day, as without the override. Give ``number`` when
    a State is so late that the committee's date is closer to another report's default
    date.

    :raises ModelError: when an override is not after the entry into force or not
        after the report before the one it applies to; when two overrides apply to
        the same report, or a later-dated override to an earlier report; when an
        override gives a number other than 1 for a treaty with only an initial report.
    """
    rules = _Rules(
        get_treaty(ratification.treaty), ratification.entry_into_force, predictable_cycle, cycle_from,
        assumed_periodicity,
    )
    fixed: dict[int, DueReport] = {}
    own = [o for o in overrides if o.treaty == ratification.treaty]
    for override in sorted(own, key=lambda o: (o.due, o.number or 0)):
        rules.apply(fixed, override)
    return tuple(report for report in rules.build(fixed, until) if report.due <= until)


@attrs.frozen
class _Rules:
    """The default schedule of one treaty for one State, and how overrides change it."""

    treaty: Treaty
    entry_into_force: date
    cycle: bool
    cycle_from: date | None
    assumed: relativedelta | None

    def first(self) -> DueReport:
        t = self.treaty
        kind: ReportKind = "npm-designation" if t.later == "annual NPM report" else "initial"
        what = "NPM designated " if kind == "npm-designation" else ""
        basis = f"{t.initial_basis}: {what}{describe_period(t.initial_period)} after entry into force " \
                f"({self.entry_into_force})"
        if t.later == "folded into CRC":
            basis += f"; then {t.later_basis}"
        return DueReport(t.code, self.entry_into_force + t.initial_period, kind, 1, basis)

    def following(self, previous: DueReport) -> DueReport | None:
        """The report after ``previous`` by default, or ``None`` when none follows."""
        t = self.treaty
        number = previous.number + 1
        if t.later == "annual NPM report":
            assert t.periodicity is not None
            return DueReport(t.code, previous.due + t.periodicity, "npm-annual", number, t.later_basis)
        if not t.reports_periodically:
            return None
        if self.cycle and (self.cycle_from is None or previous.due >= self.cycle_from):
            return DueReport(t.code, previous.due + PREDICTABLE_CYCLE, "periodic", number,
                             f"predictable review cycle: {describe_period(PREDICTABLE_CYCLE)} after the "
                             "previous report")
        step = t.periodicity or self.assumed
        candidate = previous.due + step if step is not None else None
        if self.cycle and self.cycle_from is not None and (candidate is None or candidate >= self.cycle_from):
            return DueReport(t.code, self.cycle_from, "periodic", number,
                             "predictable review cycle: first report in the cycle")
        if candidate is None or step is None:
            return None
        if t.periodicity is not None:
            basis = f"{t.later_basis}: every {describe_period(step)} after the previous report"
        else:
            basis = f"assumed every {describe_period(step)} ({t.later_basis})"
        return DueReport(t.code, candidate, "periodic", number, basis)

    def build(self, fixed: Mapping[int, DueReport], horizon: date) -> list[DueReport]:
        """The reports in order until the first one due after ``horizon`` (or until none follows)."""
        reports = [fixed.get(1) or self.first()]
        while reports[-1].due <= horizon:
            last = reports[-1]
            following = fixed.get(last.number + 1) or self.following(last)
            if following is None:
                later = [number for number in fixed if number > last.number]
                if not later:
                    break
                following = fixed[min(later)]
            reports.append(following)
        return reports

    def apply(self, fixed: dict[int, DueReport], override: Override) -> None:
        t = self.treaty
        name = f"{t.code} override due {override.due}" + (f" ({override.source})" if override.source else "")
        if override.due <= self.entry_into_force:
            raise ModelError(f"{name}: not after entry into force ({self.entry_into_force})")
        schedule = self.build(fixed, override.due)
        if t.later in ("none", "folded into CRC"):
            if override.number not in (None, 1):
                raise ModelError(f"{name}: {t.code} has only an initial report, not report {override.number}")
            number = 1
        elif override.number is not None:
            number = override.number
        elif schedule[-1].due < override.due:
            number = schedule[-1].number + 1
        else:
            nearest = min(schedule, key=lambda r: (abs((r.due - override.due).days), -r.number))
            number = nearest.number
        if number in fixed:
            raise ModelError(f"{name}: another override already sets the due date of report {number}")
        if any(other > number for other in fixed):
            raise ModelError(f"{name}: report {number} comes before report {max(fixed)}, "
                             f"which an earlier-dated override sets")
        before = [r for r in schedule if r.number < number]
        if before and override.due <= before[-1].due:
            raise ModelError(f"{name}: report {number} would not be due after report {before[-1].number} "
                             f"(due {before[-1].due})")
        later: ReportKind = "npm-annual" if t.later == "annual NPM report" else "periodic"
        kind = self.first().kind if number == 1 else later
        basis = f"concluding observations {override.source}" if override.source else "due date set by the committee"
        fixed[number] = DueReport(t.code, override.due, kind, number, basis)


def upr_reviews(first_review: date, *, until: date, cycle: int = 1) -> tuple[DueReport, ...]:
    """Universal Periodic Reviews from ``first_review`` (itself of cycle ``cycle``) up to
    ``until``: one every 4 years 6 months after the previous (Human Rights Council
    res. 16/21). Actual review dates drift from this by months; count from the latest
    review that took place for the best estimate of the next one."""
    if cycle < 1:
        raise ModelError(f"the UPR cycle must be 1 or more, not {cycle}")
    reviews = []
    day, number = first_review, cycle
    basis = f"review date given (cycle {cycle})"
    while day <= until:
        reviews.append(DueReport("UPR", day, "upr-review", number, basis))
        day, number = day + UPR_CYCLE, number + 1
        basis = f"HRC res. 16/21: {describe_period(UPR_CYCLE)} after the previous review"
    return tuple(reviews)


def calendar(
    ratifications: Iterable[Ratification],
    *,
    until: date,
    overrides: Iterable[Override] = (),
    upr_review: date | None = None,
    upr_cycle: int = 1,
    predictable_cycle: bool = False,
    cycle_from: Mapping[str, date] | None = None,
    assumed_periodicity: relativedelta | None = None,
) -> tuple[DueReport, ...]:
    """Every report due under ``ratifications`` (and every UPR review from
    ``upr_review``) up to ``until``, sorted by date, then catalogue order, then number.

    ``cycle_from`` gives :func:`due_reports` its ``cycle_from`` per treaty code.

    :raises ModelError: for two ratifications of one treaty, an override for a treaty
        not ratified, and everything :func:`due_reports` refuses.
    """
    ratifications = tuple(ratifications)
    overrides = tuple(overrides)
    codes = [r.treaty for r in ratifications]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ModelError(f"more than one ratification of {', '.join(duplicates)}")
    stray = sorted({o.treaty for o in overrides} - set(codes))
    if stray:
        raise ModelError(f"overrides for treaties not ratified: {', '.join(stray)}")
    starts = cycle_from or {}
    found: list[DueReport] = []
    for ratification in ratifications:
        found.extend(due_reports(
            ratification, until=until, overrides=overrides, predictable_cycle=predictable_cycle,
            cycle_from=starts.get(ratification.treaty), assumed_periodicity=assumed_periodicity,
        ))
    if upr_review is not None:
        found.extend(upr_reviews(upr_review, until=until, cycle=upr_cycle))
    return tuple(sorted(found, key=lambda r: (r.due, _ORDER.get(r.treaty, len(_ORDER)), r.number)))


def due_between(reports: Iterable[DueReport], start: date, end: date) -> tuple[DueReport, ...]:
    """The reports due from ``start`` to ``end``, both included, in the given order.

    :raises ModelError: when ``end`` is before ``start``.
    """
    span = DateSpan(start, end)
    return tuple(report for report in reports if report.due in span)


def overdue(
    reports: Iterable[DueReport], as_of: date, submitted: Iterable[Submission] = ()
) -> tuple[DueReport, ...]:
    """The reports due before ``as_of`` that had not been submitted by then, in the given order.

    A report is submitted when a :class:`Submission` has its treaty and number and
    either no date or a date on or before ``as_of`` (a report sent later was still
    overdue on ``as_of``). A report due on ``as_of`` itself is not overdue yet. UPR
    reviews are never overdue: they are held, not submitted.
    """
    sent: dict[tuple[str, int], list[date | None]] = {}
    for submission in submitted:
        sent.setdefault((submission.treaty, submission.number), []).append(submission.on)

    def done(report: DueReport) -> bool:
        return any(on is None or on <= as_of for on in sent.get(report.key, ()))

    return tuple(r for r in reports if r.due < as_of and r.kind != "upr-review" and not done(r))
