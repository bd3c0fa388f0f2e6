"""Password sign-in with a failure lock kept in the database, reserved before the password is checked.

An attempt first takes one place in the failure count of its account and of its client, in one short
committed transaction (``UPDATE … SET failures = failures + 1 WHERE failures < limit``: atomic on SQLite
and PostgreSQL). Only an attempt that got its places verifies the password, so 30 simultaneous attempts
on one account verify at most ``MAX_ACCOUNT_FAILURES`` passwords. A success gives the places back
(the account's count starts again); a failure keeps them until the window is over.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from workbench.domain.auth import User
from workbench.storage.database import Database
from workbench.storage.schema import SignInAttemptRow
from workbench.storage.users import authenticate

MAX_ACCOUNT_FAILURES = 5  # failed sign-ins on one account within the window before it is locked
MAX_CLIENT_FAILURES = 20  # failed sign-ins from one client address (any accounts) within the window
WINDOW_S = 300.0  # seconds a window lasts; a locked key opens again when its window is over
_KEY_CHARS = 200


@dataclass(frozen=True)
class SignInOutcome:
    """The signed-in user, or None; ``locked_for_s`` > 0 when refused without checking the password."""

    user: User | None
    locked_for_s: float = 0.0


def attempt_keys(username: str, client: str | None) -> list[str]:
    """The counters an attempt uses: its account (however typed) and, when known, its client address.

    >>> attempt_keys(" Ana ", "10.0.0.1")
    ['account:ana', 'client:10.0.0.1']
    """
    keys = [f"account:{username.strip().lower()}"[:_KEY_CHARS]]
    if client:
        keys.append(f"client:{client}"[:_KEY_CHARS])
    return keys


def _limit(key: str) -> int:
    return MAX_CLIENT_FAILURES if key.startswith("client:") else MAX_ACCOUNT_FAILURES


def _insert_missing(session: Session, key: str, now: float) -> None:
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(SignInAttemptRow).values(key=key, failures=0, window_start=now).on_conflict_do_nothing()
    )


def reserve_attempt(session: Session, keys: Sequence[str], *, now: float | None) -> float:
    """Take one place in each key's count; 0.0 when every key had room, else the seconds until the
    fullest one opens (then the caller's transaction must be rolled back: nothing is taken)."""
    now = time.time() if now is None else now
    session.execute(delete(SignInAttemptRow).where(SignInAttemptRow.window_start <= now - WINDOW_S))
    for key in keys:
        _insert_missing(session, key, now)
        taken = session.execute(
            update(SignInAttemptRow)
            .where(SignInAttemptRow.key == key, SignInAttemptRow.failures < _limit(key))
            .values(failures=SignInAttemptRow.failures + 1)
        )
        if taken.rowcount != 1:
            start = session.scalar(select(SignInAttemptRow.window_start).where(SignInAttemptRow.key == key))
            return max(1.0, (start or now) + WINDOW_S - now)
    return 0.0


def _give_back(session: Session, keys: Sequence[str]) -> None:
    """After a success: the account's count starts again; the client's loses the place this attempt took."""
    for key in keys:
        row = update(SignInAttemptRow).where(SignInAttemptRow.key == key)
        if key.startswith("account:"):
            session.execute(row.values(failures=0))
        else:
            session.execute(row.values(failures=SignInAttemptRow.failures - 1))


class _Locked(Exception):
    def __init__(self, wait: float) -> None:
        self.wait = wait


def sign_in(
    database: Database, *, username: str, password: str, client: str | None, now: float | None = None
) -> SignInOutcome:
    """Check a password sign-in; locked accounts and clients are refused before any password is checked."""
    keys = attempt_keys(username, client)
    try:
        with database.session() as session:  # committed before the slow Argon2 check: others see it
            wait = reserve_attempt(session, keys, now=now)
            if wait:
                raise _Locked(wait)  # rolls the partial reservation back
    except _Locked as locked:
        return SignInOutcome(None, locked.wait)
    with database.session() as session:
        user = authenticate(session, username=username, password=password)
    if user is not None:
        with database.session() as session:
            _give_back(session, keys)
    return SignInOutcome(user)
