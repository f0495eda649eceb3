"""hrplan: typed model, deadline logic and plugin SDK for human-rights action plans.

>>> import hrplan
>>> hrplan.parse_time_limit("March-April 2012").edtf()
'2012-03/2012-04'
"""

from hrplan.api import export, load, parse_time_limit, read, table_rows, validate, write
from hrplan.context import ReadContext
from hrplan.deadlines import effective_time_limit, status
from hrplan.errors import (
    CrossReferenceError,
    FormatError,
    HrplanError,
    InputError,
    ModelError,
    Problem,
    TimeLimitError,
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
from hrplan.timelimits import (
    MonthDay,
    Precision,
    Status,
    TimeLimit,
    TimeLimitKind,
    Vocabulary,
    YearlyWindow,
)

__version__ = "0.1.0.dev0"

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
]
