"""What institutions do to implement a plan: events and yearly campaigns."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from hrplan.errors import ModelError
from hrplan.limits import optional_year
from hrplan.model._ids import MeasureId, measure_ids
from hrplan.timelimits import YearlyWindow

__all__ = ["Campaign", "DateSpan", "Event", "EventKind"]


class EventKind(enum.Enum):
    """What sort of event was held."""

    TRAINING = "training"
    CAMPAIGN_ACTIVITY = "campaign-activity"
    MEETING = "meeting"
    CONFERENCE = "conference"
    PUBLIC_HEARING = "public-hearing"
    PUBLICATION = "publication"
    VISIT = "visit"
    OTHER = "other"


@attrs.frozen
class DateSpan:
    """One day, or an inclusive span of days.

    :ivar start: the first day.
    :ivar end: the last day; the same as ``start`` for a one-day event.
    """

    start: date
    end: date = attrs.field()

    @end.default
    def _end(self) -> date:
        return self.start

    @end.validator
    def _check(self, _attribute: attrs.Attribute[date], value: date) -> None:
        if value < self.start:
            raise ModelError(f"a span cannot end ({value}) before it starts ({self.start})")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        """How many days the span covers, both ends included."""
        return (self.end - self.start).days + 1


@attrs.frozen
class Event:
    """Something done to implement measures: a training, a meeting, a visit...

    :ivar id: unique in its program.
    :ivar title: what it was.
    :ivar kind: what sort of event.
    :ivar dates: the day or span it took place.
    :ivar organiser: the id of the organising institution, if it is in the registry.
    :ivar participants: ids of participating institutions.
    :ivar audiences: who it was for, as free text (``"judges"``, ``"students"``).
    :ivar participant_count: how many took part, if known.
    :ivar location: where it took place.
    :ivar remote_participants: places or bodies that joined remotely
        (e.g. regional centres).
    :ivar measures: numbers of the measures it implements.
    :ivar recommendations: ids of the recommendations it follows up.
    :ivar campaign: the id of the campaign it belongs to, if any.
    :ivar source_url: where it is reported.
    :ivar notes: anything else.
    """

    id: str
    title: str
    kind: EventKind
    dates: DateSpan
    organiser: str | None = None
    participants: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    participant_count: int | None = None
    location: str | None = None
    remote_participants: tuple[str, ...] = ()
    measures: tuple[MeasureId, ...] = attrs.field(default=(), converter=measure_ids)
    recommendations: tuple[str, ...] = ()
    campaign: str | None = None
    source_url: str | None = None
    notes: str | None = None


@attrs.frozen
class Campaign:
    """An activity repeated every year in the same window (18 May - 18 June).

    :ivar id: unique in its program.
    :ivar title: its name.
    :ivar window: the yearly window.
    :ivar purpose: what it is for.
    :ivar organiser: the id of the organising institution, if known.
    :ivar measures: numbers of the measures it implements.
    :ivar first_year: the first year it ran, if known.
    :ivar last_year: the last year it runs, if it has ended or has an end.
    """

    id: str
    title: str
    window: YearlyWindow
    purpose: str | None = None
    organiser: str | None = None
    measures: tuple[MeasureId, ...] = attrs.field(default=(), converter=measure_ids)
    first_year: int | None = attrs.field(default=None, validator=optional_year)
    last_year: int | None = attrs.field(default=None, validator=optional_year)

    @last_year.validator
    def _check(self, _attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and self.first_year is not None and value < self.first_year:
            raise ModelError(
                f"campaign {self.id!r} ends ({value}) before it starts ({self.first_year})"
            )
