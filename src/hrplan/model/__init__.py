"""The hrplan domain model: immutable attrs classes, no I/O.

Everything here is re-exported from :mod:`hrplan`.
"""

from hrplan.model._activity import Campaign, DateSpan, Event, EventKind
from hrplan.model._frozenmap import FrozenMap
from hrplan.model._ids import MeasureId, MeasureIdLike
from hrplan.model._institution import Institution, InstitutionKind
from hrplan.model._measure import Chapter, Implementer, Measure, Provision, Role, Tags
from hrplan.model._program import Adoption, Program, lenient
from hrplan.model._progress import Progress, ProgressUpdate
from hrplan.model._recommendation import Position, Recommendation, RecommendationKind

__all__ = [
    "Adoption",
    "Campaign",
    "Chapter",
    "DateSpan",
    "Event",
    "EventKind",
    "FrozenMap",
    "Implementer",
    "Institution",
    "InstitutionKind",
    "Measure",
    "MeasureId",
    "MeasureIdLike",
    "Position",
    "Program",
    "Progress",
    "ProgressUpdate",
    "Provision",
    "Recommendation",
    "RecommendationKind",
    "Role",
    "Tags",
    "lenient",
]
