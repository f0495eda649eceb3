"""Built-in plugin ``hrplan.validators``: the ``HP`` checks of a program.

Six validators, one per group of codes (``docs/validators.md``):

- ``numbering`` (HP101-HP105): ids used twice, order, gaps, numbers out of place;
- ``time-limits`` (HP201-HP203): time-limits outside the period or the parent's, unread ones;
- ``institutions`` (HP301-HP302): measures without implementers, unknown institutions;
- ``references`` (HP401-HP402): references to measures, events... that do not exist;
- ``events`` (HP403): events outside the time-limit of the measures they implement;
- ``progress`` (HP501-HP503): progress updates out of date order, completions
  withdrawn, updates of one day that disagree (``hrplan.monitoring``).

None of them raises for a problem in the plan: each problem is a finding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hrplan.builtins.validators.events import EventsValidator
from hrplan.builtins.validators.institutions import InstitutionsValidator
from hrplan.builtins.validators.numbering import NumberingValidator
from hrplan.builtins.validators.progress import ProgressValidator
from hrplan.builtins.validators.references import ReferencesValidator
from hrplan.builtins.validators.time_limits import TimeLimitsValidator
from hrplan.plugins import hookimpl

__all__ = [
    "VALIDATORS",
    "EventsValidator",
    "InstitutionsValidator",
    "NumberingValidator",
    "ProgressValidator",
    "ReferencesValidator",
    "TimeLimitsValidator",
    "register_validators",
]

#: The built-in validators, in the order they run.
VALIDATORS = (
    NumberingValidator(),
    TimeLimitsValidator(),
    InstitutionsValidator(),
    ReferencesValidator(),
    EventsValidator(),
    ProgressValidator(),
)


@hookimpl
def register_validators(register: Callable[[Any], None]) -> None:
    """Register the built-in validators."""
    for validator in VALIDATORS:
        register(validator)
