"""The ``sqlite`` exporter: the database's bytes into the stream, the Datasette metadata beside it on request."""

from __future__ import annotations

import os
from typing import Any, BinaryIO

import hrplan
from hrplan.files import write_atomically
from hrplan.options import check_names

from hrplan_sqlite._database import database_bytes
from hrplan_sqlite._metadata import metadata_json

__all__ = ["OPTIONS", "SqliteExporter"]

#: The options :meth:`SqliteExporter.export` takes.
OPTIONS: tuple[str, ...] = ("database", "metadata")


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | os.PathLike) and os.fspath(value).strip():
        return os.fspath(value).strip()
    raise hrplan.FormatError(f"sqlite: option {name!r} must be a non-empty name or path, got {value!r}")


class SqliteExporter:
    """Writes a program as a normalised SQLite database, ready for Datasette."""

    name: str = "sqlite"
    extensions: tuple[str, ...] = (".db", ".sqlite", ".sqlite3")
    media_type: str = "application/vnd.sqlite3"
    description: str = "SQLite database: normalised tables with keys, indexes and full-text search (for Datasette)"

    def export(self, program: hrplan.Program, fp: BinaryIO, **options: Any) -> None:
        """Write the database's bytes to ``fp``.

        :param metadata: a path: also write Datasette's ``metadata.json`` there (table and
            column descriptions, sort orders, facets and canned queries).
        :param database: the database's name in that metadata, which must be the database
            file's name without its extension (default: the program's id).
        :raises hrplan.FormatError: for an unknown option or a bad value, or a program whose
            references do not all resolve; nothing is written then.
        """
        check_names("sqlite", options, OPTIONS)
        meta_path = _text("metadata", options.get("metadata"))
        database = _text("database", options.get("database"))
        if database is not None and meta_path is None:
            raise hrplan.FormatError("sqlite: option 'database' names the database in the metadata: "
                                     "give 'metadata' (the path to write it to) as well")  # fmt: skip
        data = database_bytes(program)
        if meta_path is not None:
            try:
                write_atomically(meta_path, metadata_json(program, database).encode("utf-8"))
            except hrplan.FormatError as exc:
                raise hrplan.FormatError(f"sqlite: cannot write the metadata: {exc}") from exc
        fp.write(data)
