"""The desk's users: add, list, change role, disable, and check a sign-in against the stored hash."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.domain.auth import (
    NotAllowedError,
    User,
    check_role,
    hash_password,
    needs_rehash,
    verify_or_dummy,
)
from workbench.domain.errors import InputError, NotFoundError
from workbench.domain.validation import clean_text
from workbench.storage.schema import UserRow

# Usernames go into URLs of nothing, logs and the reviewer column: keep them plain and short.
_USERNAME = re.compile(
    r"""
    [A-Za-z0-9]              # starts with a letter or digit
    [A-Za-z0-9._@+-]{0,99}   # then letters, digits and . _ @ + - (e-mail addresses fit), at most 100 in all
    """,
    re.VERBOSE,
)


def _user(row: UserRow) -> User:
    return User(row.username, row.display_name, row.role, bool(row.active))


def clean_username(username: str | None) -> str:
    """A username as stored: stripped, lower-case, letters, digits and ``._@+-`` only.

    >>> clean_username("  Ana.Lopez ")
    'ana.lopez'
    """
    value = (username or "").strip().lower()
    if not _USERNAME.fullmatch(value):
        raise InputError(
            "A username is 1 to 100 letters, digits or . _ @ + - and starts with a letter or digit."
        )
    return value


def _row(session: Session, username: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.username == clean_username(username)))
    if row is None:
        raise NotFoundError(f"No user named {username!r}.")
    return row


NO_PASSWORD = "!"  # not an Argon2 hash: nothing verifies against it (users who sign in through OIDC)


def add_user(
    session: Session, *, username: str, password: str | None, role: str, display_name: str | None = None
) -> User:
    """Store a new user with an Argon2 hash of ``password`` (None: no password, for OIDC sign-in)."""
    name = clean_username(username)
    check_role(role)
    display = clean_text("display name", display_name, max_chars=200) or name
    if session.scalar(select(UserRow.id).where(UserRow.username == name)) is not None:
        raise InputError(f"A user named {name!r} already exists; use set-role or pick another name.")
    row = UserRow(
        username=name,
        display_name=display,
        role=role,
        password_hash=NO_PASSWORD if password is None else hash_password(password),
        active=True,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()  # another admin added the name since the check: the unique index refused it
        raise InputError(
            f"A user named {name!r} already exists; use set-role or pick another name."
        ) from None
    return _user(row)


def list_users(session: Session) -> list[User]:
    return [_user(r) for r in session.scalars(select(UserRow).order_by(UserRow.username))]


def get_user(session: Session, username: str) -> User | None:
    """The user, or None when there is none by that name (or the name is malformed)."""
    try:
        return _user(_row(session, username))
    except (InputError, NotFoundError):
        return None


def active_user_count(session: Session) -> int:
    return session.scalar(select(func.count(UserRow.id)).where(UserRow.active.is_(True))) or 0


def set_role(session: Session, *, username: str, role: str) -> User:
    row = _row(session, username)
    row.role = check_role(role)
    session.flush()
    return _user(row)


def set_active(session: Session, *, username: str, active: bool) -> User:
    """Disable (or re-enable) a user: a disabled user cannot sign in; their history stays."""
    row = _row(session, username)
    row.active = active
    session.flush()
    return _user(row)


def set_password(session: Session, *, username: str, password: str) -> User:
    row = _row(session, username)
    row.password_hash = hash_password(password)
    session.flush()
    return _user(row)


def authenticate(session: Session, *, username: str, password: str) -> User | None:
    """The active user whose password matches, else None (same cost whether or not the user exists).

    Hashes made with older Argon2 parameters are upgraded on a successful sign-in.
    """
    try:
        name = clean_username(username)
    except InputError:
        name = None
    row = session.scalar(select(UserRow).where(UserRow.username == name)) if name else None
    usable = row is not None and row.active
    if not verify_or_dummy(row.password_hash if usable else None, password):
        return None
    if needs_rehash(row.password_hash):  # older Argon2 parameters: upgrade while the password is at hand
        row.password_hash = hash_password(password)
    return _user(row)


ACTOR = "actor"  # Session.info key: the signed-in account a write transaction acts for


def confirm_actor(session: Session, user: User) -> User:
    """``user`` as stored now, read inside the caller's transaction; a disabled or removed account is refused.

    On PostgreSQL the row is share-locked until the transaction ends, so disabling the account or
    changing its role waits for this write instead of slipping in between the check and the commit.
    On SQLite the check runs while the transaction holds the database's write lock (see acting_user).
    """
    row = session.scalar(select(UserRow).where(UserRow.username == user.username).with_for_update(read=True))
    if row is None or not row.active:
        raise NotAllowedError(f"The account {user.username!r} is disabled: nothing was saved.")
    return _user(row)


def acting_user(session: Session) -> User | None:
    """The signed-in account this session writes for, re-read from the users table (None: single-user
    mode or the command line, where the person at the keyboard has every right)."""
    actor = session.info.get(ACTOR)
    return None if actor is None else confirm_actor(session, actor)
