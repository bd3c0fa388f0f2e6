"""Engines for the configured database: SQLite with WAL and foreign keys, or PostgreSQL via psycopg."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# How long a SQLite write waits for another writer's lock before giving up (SQLite retries meanwhile).
# Long enough to outlast any single write transaction of the app (a 10,000-row source import holds
# the lock a few seconds, see BENCHMARKS.md); a writer still locked out after it gets BusyError.
BUSY_TIMEOUT_S = 30.0


def _sqlite_pragmas(busy_timeout_s: float):
    def pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        cursor.close()

    return pragmas


def make_engine(url: str, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> Engine:
    """Create an engine for ``url``; a SQLite file's folder is created when missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise ValueError("Use a SQLite file, not an in-memory database: Streamlit sessions share it.")
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_s})
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_s))
        return engine
    return create_engine(url, pool_pre_ping=True)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Short-lived sessions that keep loaded values readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)
