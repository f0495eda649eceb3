"""hrplan: typed model, deadline logic and plugin SDK for human-rights action plans.

>>> import hrplan
>>> hrplan.parse_time_limit("March-April 2012").edtf()
'2012-03/2012-04'
"""

from hrplan import updates
from hrplan._version import __version__
from hrplan.api import dumps, export, load, load_bytes, loads, parse_time_limit, read, table_rows, validate, write
from hrplan.context import ReadContext
from hrplan.data import from_data, to_data
from hrplan.deadlines import Status, effective_time_limit, status
from hrplan.errors import (
    CrossReferenceError,
    FormatError,
    HrplanError,
    InputError,
    ModelError,
    Problem,
    TimeLimitError,
    UnknownCodeError,
    UnknownFormatError,
)
from hrplan.findings import Finding, Severity, select_findings
from hrplan.model import (
    Adoption,
    Campaign,
    Chapter,
    DateSpan,
    Event,
    EventKind,
    FrozenMap,
    Implementer,
    Institution,
    InstitutionKind,
    Measure,
    MeasureId,
    Position,
    Program,
    Progress,
    ProgressUpdate,
    Provision,
    Recommendation,
    RecommendationKind,
    Role,
    Tags,
    lenient,
)
from hrplan.plugins import (
    Exporter,
    Importer,
    ImportResult,
    PluginError,
    PluginWarning,
    Validator,
    hookimpl,
)
from hrplan.tabular import records
from hrplan.timelimits import (
    MonthDay,
    Precision,
    TimeLimit,
    TimeLimitKind,
    Vocabulary,
    YearlyWindow,
)

__all__ = [
    "Adoption",
    "Campaign",
    "Chapter",
    "CrossReferenceError",
    "DateSpan",
    "Event",
    "EventKind",
    "Exporter",
    "Finding",
    "FormatError",
    "FrozenMap",
    "HrplanError",
    "Implementer",
    "ImportResult",
    "Importer",
    "InputError",
    "Institution",
    "InstitutionKind",
    "Measure",
    "MeasureId",
    "ModelError",
    "MonthDay",
    "PluginError",
    "PluginWarning",
    "Position",
    "Precision",
    "Problem",
    "Program",
    "Progress",
    "ProgressUpdate",
    "Provision",
    "ReadContext",
    "Recommendation",
    "RecommendationKind",
    "Role",
    "Severity",
    "Status",
    "Tags",
    "TimeLimit",
    "TimeLimitError",
    "TimeLimitKind",
    "Validator",
    "Vocabulary",
    "YearlyWindow",
    "effective_time_limit",
    "export",
    "hookimpl",
    "lenient",
    "load",
    "parse_time_limit",
    "read",
    "select_findings",
    "status",
    "table_rows",
    "validate",
    "write",
    "__version__",
    "UnknownCodeError",
    "UnknownFormatError",
    "dumps",
    "from_data",
    "load_bytes",
    "loads",
    "records",
    "to_data",
    "updates",
]


def _public_module() -> None:
    """Public classes show ``hrplan`` as their module (``hrplan.Measure``, not ``hrplan.model._measure``).

    Pickle finds them there too, since the facade exports them under the same names.
    The annotations of attrs classes are resolved first, in their own module: cattrs
    and ``typing.get_type_hints`` look names up in the module a class names.
    """
    import contextlib

    import attrs

    for name in __all__:
        value = globals()[name]
        if not isinstance(value, type) or not value.__module__.startswith("hrplan."):
            continue
        if attrs.has(value):
            # NameError: a name imported for type checking only, unresolvable in its own module too
            with contextlib.suppress(NameError):
                attrs.resolve_types(value)
        value.__module__ = "hrplan"


_public_module()
