"""Institutions that implement measures."""

from __future__ import annotations

import enum
import re

import attrs

from hrplan.errors import ModelError

__all__ = ["Institution", "InstitutionKind"]

_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")


class InstitutionKind(enum.Enum):
    """What sort of body an institution is."""

    PARLIAMENT = "parliament"
    PRESIDENTIAL_ADMINISTRATION = "presidential-administration"
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    STATE_COMMITTEE = "state-committee"
    AGENCY = "agency"
    OMBUDSMAN = "ombudsman"
    COURT = "court"
    PROSECUTION = "prosecution"
    BAR = "bar"
    ACADEMIC = "academic"
    NGO = "ngo"
    INTERNATIONAL = "international"
    LOCAL_AUTHORITY = "local-authority"
    OTHER = "other"


def check_slug(value: str, what: str) -> None:
    """Raise :class:`ModelError` unless ``value`` is a lower-case slug such as ``mfa``."""
    if not _SLUG.fullmatch(value):
        raise ModelError(
            f"invalid {what} {value!r}: use lower-case letters, digits and - _ . (e.g. 'min-justice')"
        )


@attrs.frozen
class Institution:
    """A body named as implementer, organiser or participant.

    :ivar id: a short slug, unique in its program (``min-justice``).
    :ivar name: the canonical name.
    :ivar kind: what sort of body it is.
    :ivar short_name: an abbreviation (``MFA``), if any.
    :ivar aliases: other spellings, translations and typos seen in documents.
    :ivar parent: the id of the institution it belongs to, if any.
    """

    id: str = attrs.field()
    name: str
    kind: InstitutionKind = InstitutionKind.OTHER
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = attrs.field(default=None)

    @id.validator
    def _check_id(self, _attribute: attrs.Attribute[str], value: str) -> None:
        check_slug(value, "institution id")

    @parent.validator
    def _check_parent(self, _attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value == self.id:
            raise ModelError(f"institution {self.id!r} cannot be its own parent")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this institution is known by: name, short name, aliases."""
        extra = (self.short_name,) if self.short_name else ()
        return (self.name, *extra, *self.aliases)
