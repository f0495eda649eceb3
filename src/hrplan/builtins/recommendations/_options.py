"""The options every recommendations layout takes: ``state``, ``base``, ``session``."""

from __future__ import annotations

from typing import Any

import attrs

from hrplan.builtins.recommendations._cells import ascii_digits
from hrplan.context import ReadContext
from hrplan.countries import canonical_name
from hrplan.errors import FormatError
from hrplan.model import Program
from hrplan.options import check_names

__all__ = ["OPTIONS", "LayoutOptions", "read_options"]

#: The option names the recommendations layouts accept.
OPTIONS = ("state", "base", "session")


@attrs.frozen
class LayoutOptions:
    """What the caller asked for.

    :ivar state: keep only recommendations to this State (as given).
    :ivar state_key: its canonical name (``None``: every State).
    :ivar base: the program to add to (option ``base``, else ``context.base``).
    :ivar session: the UPR session, for sources that do not say it.
    """

    state: str | None = None
    state_key: str | None = None
    base: Program | None = None
    session: str | None = None


def read_options(layout: str, options: dict[str, Any], context: ReadContext) -> LayoutOptions:
    """Check and read ``options``.

    :raises FormatError: for an unknown option or a value of the wrong type.
    """
    check_names(layout, options, OPTIONS)
    state = options.get("state")
    if state is not None and (not isinstance(state, str) or not state.strip()):
        raise FormatError(f"{layout}: option 'state' must be the name of a State, got {state!r}")
    base = options.get("base", context.base)
    if base is not None and not isinstance(base, Program):
        raise FormatError(f"{layout}: option 'base' must be a Program, got {type(base).__name__}")
    session = options.get("session")
    if session is not None and not ascii_digits(str(session).strip()):
        raise FormatError(f"{layout}: option 'session' must be a session number such as 20, got {session!r}")
    return LayoutOptions(
        state.strip() if state else None,
        canonical_name(state) if state else None,
        base,
        str(session).strip() if session is not None else None,
    )
