"""`python -m workbench backup PATH` / `restore PATH`: the whole desk as JSON Lines, on SQLite and PostgreSQL.

A backup holds every table of the database, history included (verdicts, evidence links, claim changes,
users with their password hashes, settings, sign-in counts and the schema revision), read in one
snapshot so it is consistent while the app keeps writing. The format (one JSON object per line):

    {"format": "workbench-backup", "version": 1, "revision": "0007", "tables": {"articles": 12, ...}}
    {"table": "articles", "row": {"id": 1, "title": "...", "created_at": "2026-11-25T09:00:00+00:00", ...}}
    ...

Dates and times are ISO 8601 strings, JSON columns are JSON, every other value as stored. Tables come
parents first, so a restore inserts in file order. A restore goes into an EMPTY database only (new, or
with every table empty) and ends with the schema upgraded to this workbench's newest revision; it is one
transaction: a bad file leaves the database as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Date, DateTime, MetaData, Table, func, insert, inspect, select, text

from workbench.domain.config import database_url
from workbench.domain.errors import InputError, WorkbenchError
from workbench.outputs.progress import text_bar
from workbench.storage.database import Database, open_database
from workbench.storage.engine import make_engine
from workbench.storage.migrate import upgrade

FORMAT = "workbench-backup"
VERSION = 1
BATCH = 1_000  # rows read or inserted at a time: memory stays bounded on any size of desk
VERSION_TABLE = "alembic_version"
Progress = Callable[[str, int], None]  # (table, rows done so far in it)


def _value(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _tables(connection: Connection) -> list[Table]:
    """Every table of the database as it is (reflected, not the models): parents before children."""
    metadata = MetaData()
    metadata.reflect(connection)
    return [t for t in metadata.sorted_tables if t.name != VERSION_TABLE]


def _snapshot(connection: Connection) -> None:
    """Make every read of ``connection`` see the same moment, while others keep writing."""
    if connection.dialect.name == "sqlite":
        # Python's sqlite3 opens no transaction for reads: take one by hand (WAL: writers go on)
        connection.connection.dbapi_connection.isolation_level = None
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def backup(database: Database, out: IO[str], *, progress: Progress | None = None) -> dict[str, int]:
    """Write the whole desk to ``out`` as JSON Lines; returns the number of rows per table."""
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        legacy = getattr(raw, "isolation_level", None)
        try:
            with connection.begin():
                _snapshot(connection)
                revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one()
                tables = _tables(connection)
                counts = {t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
                          for t in tables}  # fmt: skip
                header = {"format": FORMAT, "version": VERSION, "revision": revision, "tables": counts}
                out.write(json.dumps(header, ensure_ascii=False) + "\n")
                for table in tables:
                    done = 0
                    keys = list(table.primary_key.columns) or list(table.columns)
                    rows = connection.execution_options(yield_per=BATCH).execute(
                        select(table).order_by(*keys)
                    )
                    for row in rows.mappings():
                        record = {k: _value(v) for k, v in row.items()}
                        out.write(json.dumps({"table": table.name, "row": record}, ensure_ascii=False) + "\n")
                        done += 1
                        if progress and done % BATCH == 0:
                            progress(table.name, done)
                    if progress:
                        progress(table.name, done)
        finally:
            if connection.dialect.name == "sqlite":
                raw.isolation_level = legacy
    return counts


def _lines(source: IO[str]) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"Line {number} of the backup is not JSON ({error.msg}).") from error
        if not isinstance(record, dict):
            raise InputError(f"Line {number} of the backup is not a JSON object.")
        yield number, record


def _decoder(table: Table) -> Callable[[dict], dict]:
    """Turn a row of the file back into column values (dates and times from their ISO strings)."""
    parse = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            parse[column.name] = dt.datetime.fromisoformat
        elif isinstance(column.type, Date):
            parse[column.name] = dt.date.fromisoformat
    names = set(table.columns.keys())

    def decode(row: dict) -> dict:
        unknown = set(row) - names
        if unknown:
            raise InputError(f"Table {table.name} has no column {sorted(unknown)[0]!r}.")
        return {k: parse[k](v) if k in parse and v is not None else v for k, v in row.items()}

    return decode


def _check_empty(connection: Connection) -> str | None:
    """The database's revision (None when new); refused unless every table is empty."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    for table in _tables(connection):
        if connection.execute(select(table).limit(1)).first() is not None:
            raise InputError(
                f"The database is not empty (table {table.name} has rows): restore only into an empty "
                "database, so nothing of the backup is mixed with other work."
            )
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL: the next id of each table continues after the restored ones."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
            connection.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                    f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
                ),
                {"t": table.name},
            )


def restore(url: str, source: IO[str], *, progress: Progress | None = None) -> dict[str, int]:
    """Load a backup into the EMPTY database at ``url``, then upgrade it to the newest revision."""
    lines = _lines(source)
    first = next(lines, None)
    header = first[1] if first else {}
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise InputError(f"This file is not a workbench backup (format {FORMAT} version {VERSION}).")
    revision = str(header.get("revision"))
    expected = header.get("tables") or {}
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            current = _check_empty(connection)
        if current not in (None, revision):
            raise InputError(
                f"The backup was made at schema revision {revision}, the empty database is at {current}: "
                "restore into a new database (it is created at the backup's revision, then upgraded)."
            )
        upgrade(engine, revision)
        counts: dict[str, int] = {}
        with engine.begin() as connection:
            _check_empty(connection)
            tables = {t.name: t for t in _tables(connection)}
            decoders = {name: _decoder(t) for name, t in tables.items()}
            batch: list[dict] = []
            batch_table: str | None = None

            def flush() -> None:
                if batch:
                    connection.execute(insert(tables[batch_table]), batch)
                    counts[batch_table] = counts.get(batch_table, 0) + len(batch)
                    if progress:
                        progress(batch_table, counts[batch_table])
                    batch.clear()

            for number, record in lines:
                name, row = record.get("table"), record.get("row")
                if name not in tables or not isinstance(row, dict):
                    raise InputError(f"Line {number} of the backup names no table of this desk ({name!r}).")
                if name != batch_table or len(batch) >= BATCH:
                    flush()
                    batch_table = name
                batch.append(decoders[name](row))
            flush()
            if {k: v for k, v in counts.items() if v} != {k: v for k, v in expected.items() if v}:
                raise InputError(
                    f"The backup is incomplete: its header counts {expected}, its lines hold {counts}. "
                    "Nothing was restored."
                )
            _reset_sequences(connection, list(tables.values()))
    finally:
        engine.dispose()
    open_database(url).engine.dispose()  # upgrade to this workbench's newest revision
    return counts


def _report(table: str, done: int) -> None:
    print(f"\r{text_bar(done, done, label=table)}", end="", file=sys.stderr, flush=True)


def run_backup(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if path.exists() and not args.force:
        print(f"error: {path} exists; choose a new file or add --force.", file=sys.stderr)
        return 1
    database = open_database(args.database_url or database_url())
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        counts = backup(database, out, progress=_report)
    partial.replace(path)  # the file at PATH is always a whole backup
    print(f"\nBacked up {sum(counts.values()):,} rows of {len(counts)} tables to {path}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    try:
        with Path(args.path).open(encoding="utf-8") as source:
            counts = restore(args.database_url or database_url(), source, progress=_report)
    except (OSError, WorkbenchError) as error:
        print(f"\nerror: {error}", file=sys.stderr)
        return 1
    print(f"\nRestored {sum(counts.values()):,} rows of {len(counts)} tables.")
    return 0
