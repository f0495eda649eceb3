"""Writing the database with sqlite-utils: tables, keys, indexes on the join columns, full-text search."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import hrplan
import sqlite_utils

from hrplan_sqlite._rows import rows
from hrplan_sqlite._schema import TABLES, Table

__all__ = ["database_bytes", "write_database"]


def _create(db: sqlite_utils.Database, spec: Table) -> None:
    db[spec.name].create(  # type: ignore[union-attr]
        {c.name: c.type for c in spec.columns},
        pk=spec.pk[0] if len(spec.pk) == 1 else spec.pk,
        foreign_keys=list(spec.foreign_keys),
        not_null={c.name for c in spec.columns if c.required},
    )


def _index(db: sqlite_utils.Database, spec: Table) -> None:
    """An index on every foreign-key column that does not lead the primary key (which is indexed already)."""
    for column, _other, _key in spec.foreign_keys:
        if column != spec.pk[0]:
            db[spec.name].create_index([column])  # type: ignore[union-attr]


def _fill(db: sqlite_utils.Database, program: hrplan.Program) -> None:
    data = rows(program, (t.name for t in TABLES))
    for spec in TABLES:
        _create(db, spec)
    for spec in TABLES:
        db[spec.name].insert_all(data[spec.name])  # type: ignore[union-attr]
        _index(db, spec)
        if spec.fts:
            db[spec.name].enable_fts(list(spec.fts), tokenize="porter")  # type: ignore[union-attr]


def _refuse_broken(program: hrplan.Program) -> None:
    broken = program.broken_references()
    if broken:
        shown = "; ".join(str(p) for p in broken[:5])
        more = f" (and {len(broken) - 5} more)" if len(broken) > 5 else ""
        raise hrplan.FormatError(
            f"sqlite: the program has {len(broken)} reference(s) that do not resolve, which a database's foreign "
            f"keys cannot hold: {shown}{more}. Fix them (`hrplan validate` lists them all), then export again"
        )


def write_database(program: hrplan.Program, path: str | os.PathLike[str]) -> None:
    """Write ``program`` as a new SQLite database at ``path`` (replacing any file there).

    The same program always gives the same bytes (with the same SQLite library).

    :raises hrplan.FormatError: when the program has references that do not resolve (a
        program built :func:`hrplan.lenient`-ly), or two chapters share a number.
    """
    target = Path(path)
    _build(program, target)
    _sync(target)


def _build(program: hrplan.Program, target: Path) -> None:
    _refuse_broken(program)
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    try:
        # A new file, half-built until the end whatever SQLite syncs: sync it once, at the end,
        # instead of at every statement (a fourth of the time for a small program).
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA journal_mode = MEMORY")
        db = sqlite_utils.Database(conn)
        with conn:
            _fill(db, program)
        conn.execute("VACUUM")
    except sqlite3.IntegrityError as exc:
        raise hrplan.FormatError(f"sqlite: the program cannot be stored as a database: {exc}") from exc
    finally:
        conn.close()


def _sync(path: Path) -> None:
    """Flush ``path``'s bytes to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def database_bytes(program: hrplan.Program) -> bytes:
    """The database of :func:`write_database`, as bytes (built in a temporary file)."""
    with tempfile.TemporaryDirectory(prefix="hrplan-sqlite-") as folder:
        path = Path(folder) / "program.db"  # not the program's id: any length, any characters
        _build(program, path)  # not synced: only read back
        return path.read_bytes()
