"""One handle per database URL: migrated engine plus short-lived transactional sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from workbench.storage.engine import make_engine, session_factory
from workbench.storage.migrate import upgrade


@dataclass(frozen=True)
class Database:
    """An engine and its session factory; ``session()`` commits on success and rolls back on error."""

    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Connect to ``url`` and, by default, bring its schema to the newest migration."""
    engine = make_engine(url)
    if migrate:
        upgrade(engine)
    return Database(engine, session_factory(engine))
