"""What an importer receives from its caller: the read context.

Importers never reach up for the process-wide plugin manager. :func:`hrplan.load`
builds a :class:`ReadContext` from what plugins registered and hands it to every
importer whose ``read`` names a ``context`` parameter; a test or an embedding
application may build its own and pass ``context=``::

    >>> from hrplan.context import ReadContext
    >>> ReadContext().vocabularies
    ()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from hrplan.labels import Labels
from hrplan.model import FrozenMap, Institution, Program
from hrplan.timelimits import Vocabulary

if TYPE_CHECKING:
    from hrplan.tables import TableLayout

__all__ = ["ReadContext"]


def _vocabularies(value: Iterable[Vocabulary]) -> tuple[Vocabulary, ...]:
    return tuple(value)


def _layouts(value: Iterable[TableLayout]) -> tuple[TableLayout, ...]:
    return tuple(value)


def _registries(value: Mapping[str, Iterable[Institution]]) -> FrozenMap[str, tuple[Institution, ...]]:
    return FrozenMap((str(country).upper(), tuple(found)) for country, found in value.items())


@attrs.frozen
class ReadContext:
    """Everything an importer may need beyond the bytes it reads.

    :ivar vocabularies: time-limit vocabularies to try after English, in order
        (``hrplan.timelimits.parse_time_limit(text, vocabularies=...)``).
    :ivar registries: known institutions by ISO 3166-1 alpha-2 country code
        (upper case), to recognise names in imported plans.
    :ivar table_layouts: the table layouts a container importer (CSV, Excel,
        Word) chooses from (see :mod:`hrplan.tables`).
    :ivar base: a program the import adds to (recommendations read into an
        existing plan), or ``None``.
    :ivar labels: the label vocabulary (:class:`hrplan.labels.Labels`): what the labels
        of a text plan and the column titles of a plan table mean.
    """

    vocabularies: tuple[Vocabulary, ...] = attrs.field(
        default=(), converter=_vocabularies, repr=lambda v: f"<{', '.join(x.name for x in v) or 'English only'}>"
    )
    registries: FrozenMap[str, tuple[Institution, ...]] = attrs.field(
        factory=FrozenMap, converter=_registries, repr=lambda r: f"<{', '.join(r) or 'none'}>"
    )
    table_layouts: tuple[TableLayout, ...] = attrs.field(default=(), converter=_layouts)
    base: Program | None = None
    labels: Labels = attrs.field(factory=Labels.default, repr=False)

    def evolve(self, **changes: Any) -> ReadContext:
        """A copy with ``changes`` applied (``context.evolve(base=program)``)."""
        return attrs.evolve(self, **changes)
