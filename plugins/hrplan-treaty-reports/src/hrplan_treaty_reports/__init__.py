"""hrplan-treaty-reports: an hrplan plugin for reporting to UN human-rights mechanisms.

Three exporters and a validator:

- ``upr-matrix`` (``*.upr-matrix.csv``, ``.md``, ``.html``; ``variant=csv|markdown|html``):
  the UPR follow-up matrix, one row per recommendation with its recommending
  States, position, themes, the institutions of its linked measures, the actions
  (linked measures with their status, events of the reporting period), an
  overall status and an empty assessment column;
- ``crc-report`` (``*.crc-report.md``): the skeleton of a CRC periodic report,
  cluster by cluster (CRC/C/58/Rev.3), with numbered paragraphs and the word count;
- ``npm-annual`` (``*.npm-annual.md``): the skeleton of an OPCAT national
  preventive mechanism's annual report for a year;
- the ``treaty-reports`` validator (codes ``TR001``-``TR005``): word limits,
  recommendations linked to no measure, supported ones whose measures are all overdue.

The computations are plain functions too::

    rows = hrplan_treaty_reports.upr_matrix(program, date(2013, 1, 1))
    text = hrplan_treaty_reports.crc_report(program, date(2013, 1, 1))
    hrplan_treaty_reports.word_count(text), hrplan_treaty_reports.word_limit("crc-periodic")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

from hrplan_treaty_reports._clusters import (
    CLUSTERS,
    CRC_TREATIES,
    Cluster,
    cluster,
    clusters_of,
    concerns_crc,
    has_crc_content,
    measure_clusters,
    recommendation_clusters,
    unknown_crc_tags,
)
from hrplan_treaty_reports._common import months_before
from hrplan_treaty_reports._crc import (
    CRC_OPTIONS,
    REPORTS,
    ClusterContent,
    CrcReportExporter,
    cluster_contents,
    crc_body,
    crc_report,
)
from hrplan_treaty_reports._matrix import (
    MATRIX_COLUMNS,
    MATRIX_OPTIONS,
    OVERALL_STATUSES,
    PLEDGE_MARK,
    Action,
    MatrixRow,
    UprMatrixExporter,
    overall_status,
    position_cell,
    upr_matrix,
)
from hrplan_treaty_reports._npm import (
    ACTIVITY_LABELS,
    NPM_MECHANISMS,
    NPM_OPTIONS,
    NpmAnnualExporter,
    activity_counts,
    npm_annual,
    npm_body,
    npm_measures,
    npm_recommendations,
    year_events,
)
from hrplan_treaty_reports._text import DOCUMENTS, WORD_LIMITS, document_key, md, safe_cell, word_count, word_limit
from hrplan_treaty_reports._validate import TR_CODES, TreatyReportsValidator

__version__ = "0.1.0"

__all__ = [
    "ACTIVITY_LABELS",
    "CLUSTERS",
    "CRC_OPTIONS",
    "CRC_TREATIES",
    "DOCUMENTS",
    "MATRIX_COLUMNS",
    "MATRIX_OPTIONS",
    "NPM_MECHANISMS",
    "NPM_OPTIONS",
    "OVERALL_STATUSES",
    "PLEDGE_MARK",
    "REPORTS",
    "TR_CODES",
    "WORD_LIMITS",
    "Action",
    "Cluster",
    "ClusterContent",
    "CrcReportExporter",
    "MatrixRow",
    "NpmAnnualExporter",
    "TreatyReportsValidator",
    "UprMatrixExporter",
    "__version__",
    "activity_counts",
    "cluster",
    "cluster_contents",
    "clusters_of",
    "concerns_crc",
    "crc_body",
    "crc_report",
    "document_key",
    "has_crc_content",
    "md",
    "measure_clusters",
    "months_before",
    "npm_annual",
    "npm_body",
    "npm_measures",
    "npm_recommendations",
    "overall_status",
    "position_cell",
    "recommendation_clusters",
    "register_exporters",
    "register_validators",
    "safe_cell",
    "unknown_crc_tags",
    "upr_matrix",
    "word_count",
    "word_limit",
    "year_events",
]


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the ``upr-matrix``, ``crc-report`` and ``npm-annual`` exporters."""
    register(UprMatrixExporter())
    register(CrcReportExporter())
    register(NpmAnnualExporter())


@hrplan.hookimpl
def register_validators(register: Callable[[Any], None]) -> None:
    """Register the ``treaty-reports`` validator."""
    register(TreatyReportsValidator())
