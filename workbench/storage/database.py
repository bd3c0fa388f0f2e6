"""One handle per database URL: migrated engine plus short-lived transactional sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from workbench.auth import User
from workbench.storage.engine import make_engine, session_factory
from workbench.storage.migrate import upgrade
from workbench.storage.users import ACTOR, acting_user


def _recheck_actor(session: Session) -> None:
    """Last step of every write transaction of a signed-in account: the account is still active.

    The callback that writes was built from the user read when the page was drawn; an admin may have
    disabled the account since. Checked at commit, after the writes, so on SQLite the transaction
    already holds the write lock and nobody can change the account in between.
    """
    acting_user(session)


@dataclass(frozen=True)
class Database:
    """An engine and its session factory; ``session()`` commits on success and rolls back on error."""

    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self, *, actor: User | None = None) -> Iterator[Session]:
        """A transaction; with ``actor`` (a signed-in account) it commits only if the account is still
        active when it commits, and role checks inside it read the account's stored role."""
        session = self.sessions(info={ACTOR: actor} if actor is not None else {})
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
    sessions = session_factory(engine)
    event.listen(sessions, "before_commit", _recheck_actor)
    return Database(engine, sessions)
