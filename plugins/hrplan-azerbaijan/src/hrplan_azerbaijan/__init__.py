"""hrplan-azerbaijan: Azerbaijan's institutions and Azerbaijani time-limits for hrplan.

Registers, through hrplan's hooks:

- the institution registry for ``"AZ"``: the implementers of the 2012 National
  Program for Action (with the ids of hrplan's example ``az-2012.json``), the
  bodies the Ombudsman's documents name and international bodies, each with the
  spellings, typos, translations and Azerbaijani names seen in real documents::

      from hrplan.institutions import Registry, resolve_names
      from hrplan.plugins import get_manager

      registry = Registry(get_manager().institution_registries()["AZ"], "AZ")
      resolve_names("Milli Meilis, Ministries of Justice and Foreign Affairs", registry)

- the time-limit vocabulary ``az``, so that ``hrplan.parse_time_limit`` reads
  "daimi", "2012-2015-ci illər", "2015-ci ilin I rübü", "hər il", "mart 2012".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import hrplan

from hrplan_azerbaijan._institutions import INSTITUTIONS, INTERNATIONAL, OMBUDSMAN_BODIES, PROGRAM_2012
from hrplan_azerbaijan._vocabulary import AZERBAIJANI

__version__ = "0.1.0"

#: The ISO 3166-1 alpha-2 code the registry is registered under.
COUNTRY = "AZ"

__all__ = [
    "AZERBAIJANI",
    "COUNTRY",
    "INSTITUTIONS",
    "INTERNATIONAL",
    "OMBUDSMAN_BODIES",
    "PROGRAM_2012",
    "__version__",
    "register_institution_registries",
    "register_time_limit_vocabularies",
]


@hrplan.hookimpl
def register_institution_registries(register: Callable[[str, Iterable[Any]], None]) -> None:
    """Register Azerbaijan's institutions under ``"AZ"``."""
    register(COUNTRY, INSTITUTIONS)


@hrplan.hookimpl
def register_time_limit_vocabularies(register: Callable[[Any], None]) -> None:
    """Register the Azerbaijani time-limit vocabulary ``az``."""
    register(AZERBAIJANI)
