"""hrplan-sqlite: an hrplan plugin that writes a program as a SQLite database, ready for Datasette.

Normalised tables (programs, chapters, measures, provisions, institutions,
implementers, campaigns, events, recommendations, progress and the tables that link
them) with primary and foreign keys, indexes on the join columns and full-text
search on titles and texts, written with sqlite-utils. Through the ``sqlite``
exporter (files named ``*.db``, ``*.sqlite`` or ``*.sqlite3``)::

    hrplan.export(program, "az-2012.db", metadata="az-2012.metadata.json")

then ``datasette az-2012.db --metadata az-2012.metadata.json``. Or directly::

    hrplan_sqlite.write_database(program, "az-2012.db")
    info = hrplan_sqlite.metadata(program, database="az-2012")   # a dict
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import hrplan

from hrplan_sqlite._database import database_bytes, write_database
from hrplan_sqlite._export import OPTIONS, SqliteExporter
from hrplan_sqlite._metadata import QUERIES, metadata, metadata_json
from hrplan_sqlite._schema import TABLES, Column, Table, table

__version__ = "0.1.0"

__all__ = [
    "OPTIONS",
    "QUERIES",
    "TABLES",
    "Column",
    "SqliteExporter",
    "Table",
    "__version__",
    "database_bytes",
    "metadata",
    "metadata_json",
    "register_exporters",
    "table",
    "write_database",
]


@hrplan.hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register the ``sqlite`` exporter (hrplan calls this when it loads the plugin)."""
    register(SqliteExporter())
