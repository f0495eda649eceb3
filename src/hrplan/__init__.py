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
    "UnknownFormatError",
    "dumps",
    "from_data",
    "load_bytes",
    "loads",
    "records",
    "to_data",
    "updates",
]
