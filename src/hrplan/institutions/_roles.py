"""The role a plan marks after a name: ``Ombudsman (partner)``, ``Ministry of Justice (lead)``."""

from __future__ import annotations

import re

from hrplan.model import Role

__all__ = ["split_role_mark"]

_MARK = re.compile(r"\s*\((?:as\s+)?(?P<role>lead|partners?|co-implementers?)\)\s*$", re.IGNORECASE)
_ROLES = {"lead": Role.LEAD, "partner": Role.PARTNER, "partners": Role.PARTNER,
          "co-implementer": Role.CO_IMPLEMENTER, "co-implementers": Role.CO_IMPLEMENTER}  # fmt: skip


def split_role_mark(name: str) -> tuple[str, Role | None]:
    """``name`` without a role in brackets at its end, and that role (``None`` when unmarked).

    >>> split_role_mark("Bar Association (partner)")
    ('Bar Association', <Role.PARTNER: 'partner'>)
    >>> split_role_mark("Ministry of Justice")
    ('Ministry of Justice', None)
    """
    match = _MARK.search(name)
    if match is None:
        return name, None
    return name[: match.start()], _ROLES[match["role"].lower()]
