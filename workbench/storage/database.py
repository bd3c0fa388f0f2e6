"""One handle per database URL: migrated engine plus short-lived transactional sessions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.auth import User
from workbench.domain.errors import WorkbenchError
from workbench.storage.engine import BUSY_TIMEOUT_S, make_engine, session_factory
from workbench.storage.migrate import upgrade
from workbench.storage.users import ACTOR, acting_user

T = TypeVar("T")


def _recheck_actor(session: Session) -> None:
    """Last step of every write transaction of a signed-in account: the account is still active.

    The callback that writes was built from the user read when the page was drawn; an admin may have
    disabled the account since. Checked at commit, after the writes, so on SQLite the transaction
    already holds the write lock and nobody can change the account in between.
    """
    acting_user(session)


class BusyError(WorkbenchError):
    """Another save held the database longer than the busy timeout: nothing of this one was stored."""


# PostgreSQL: serialization failure, deadlock, lock not available
_LOCK_SQLSTATES = {"40001", "40P01", "55P03"}


def is_lock_error(error: BaseException) -> bool:
    """Whether a database error means "someone else holds the lock" (try again), not bad data."""
    if not isinstance(error, OperationalError | DBAPIError):
        return False
    message = str(error.orig).lower()
    sqlstate = getattr(error.orig, "sqlstate", None)
    return sqlstate in _LOCK_SQLSTATES or "database is locked" in message or "database is busy" in message


def _busy(error: BaseException) -> BusyError:
    return BusyError(
        "The database is busy with another save (an import?) and this one could not wait for it: "
        "nothing was saved. Try again in a moment."
    )


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
        except DBAPIError as error:
            session.rollback()
            if is_lock_error(error):
                raise _busy(error) from error
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def run(self, action: Callable[[Session], T], *, actor: User | None = None, attempts: int = 3) -> T:
        """``action(session)`` in one transaction, run again (from the start) when it met a lock.

        SQLite already waits BUSY_TIMEOUT_S for a lock; a transaction that read before writing may still
        be refused at once (its snapshot went stale), and PostgreSQL may end one in a deadlock or a
        serialization failure: those are run again, up to ``attempts`` times, then BusyError.
        """
        for attempt in range(1, attempts + 1):
            try:
                with self.session(actor=actor) as session:
                    return action(session)
            except BusyError:
                if attempt == attempts:
                    raise
        raise AssertionError("unreachable")  # the loop returns or raises


def open_database(url: str, *, migrate: bool = True, busy_timeout_s: float = BUSY_TIMEOUT_S) -> Database:
    """Connect to ``url`` and, by default, bring its schema to the newest migration."""
    engine = make_engine(url, busy_timeout_s=busy_timeout_s)
    if migrate:
        upgrade(engine)
    sessions = session_factory(engine)
    event.listen(sessions, "before_commit", _recheck_actor)
    return Database(engine, sessions)
