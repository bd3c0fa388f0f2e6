"""Sign-in without Streamlit: the sign-in mode, roles and Argon2 password hashes (the failure lock is in
workbench.storage.sign_in)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from workbench.domain.errors import InputError, WorkbenchError

AUTH_ENV = "WORKBENCH_AUTH"
MODES: tuple[str, ...] = ("none", "password", "oidc")
ROLES: tuple[str, ...] = ("reviewer", "editor", "admin")
PUBLISHING_ROLES = frozenset({"editor", "admin"})
SETTINGS_ROLES = frozenset({"editor", "admin"})
SINGLE_USER_ROLE = "admin"  # on a laptop the one person at the keyboard is the whole desk
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_CHARS = 1_000
GENERIC_FAILURE = "Sign-in failed: unknown username or wrong password."


class NotAllowedError(WorkbenchError):
    """The signed-in user's role does not allow this action (e.g. a reviewer publishing)."""


_HASHER = PasswordHasher()  # Argon2id with the library's current recommended parameters


@dataclass(frozen=True)
class User:
    """A desk member as the app sees them (never the password hash)."""

    username: str
    display_name: str
    role: str
    active: bool = True

    @property
    def can_publish(self) -> bool:
        return self.role in PUBLISHING_ROLES

    @property
    def can_edit_settings(self) -> bool:
        return self.role in SETTINGS_ROLES


def auth_mode(environ: Mapping[str, str]) -> str:
    """The sign-in mode from WORKBENCH_AUTH: none (default, single user), password or oidc.

    >>> auth_mode({}), auth_mode({"WORKBENCH_AUTH": "Password"})
    ('none', 'password')
    """
    mode = environ.get(AUTH_ENV, "").strip().lower() or "none"
    if mode not in MODES:
        raise InputError(f"{AUTH_ENV}={mode!r} is not a sign-in mode; use one of {', '.join(MODES)}.")
    return mode


def oidc_configured(secrets: Mapping) -> bool:
    """Whether .streamlit/secrets.toml has what st.login needs: an [auth] section with a redirect URI,
    a cookie secret, and a provider (client id, secret and metadata URL, at top level or in a named section).

    >>> oidc_configured({"auth": {"redirect_uri": "u", "cookie_secret": "s", "client_id": "c",
    ...     "client_secret": "x", "server_metadata_url": "m"}})
    True
    """
    section = secrets.get("auth") if hasattr(secrets, "get") else None
    if (
        not isinstance(section, Mapping)
        or not section.get("redirect_uri")
        or not section.get("cookie_secret")
    ):
        return False
    provider_keys = ("client_id", "client_secret", "server_metadata_url")
    providers = [section, *(v for v in section.values() if isinstance(v, Mapping))]
    return any(all(p.get(k) for k in provider_keys) for p in providers)


def check_role(role: str) -> str:
    """A valid role or InputError."""
    if role not in ROLES:
        raise InputError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    return role


def hash_password(password: str) -> str:
    """An Argon2id hash of ``password`` (refused when too short or too long)."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise InputError(f"The password is too short: at least {MIN_PASSWORD_CHARS} characters.")
    if len(password) > MAX_PASSWORD_CHARS:
        raise InputError(f"The password is too long: at most {MAX_PASSWORD_CHARS:,} characters.")
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches the stored hash; False for a wrong password or a damaged hash.

    >>> verify_password(hash_password("correct horse"), "correct horse")
    True
    """
    if len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a stored hash uses weaker parameters than the library's current ones."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@functools.cache
def _dummy_hash() -> str:
    """A hash whose verification costs what a real one costs, so an unknown username takes as long as a
    wrong password and timing does not tell which usernames exist (made on first use: hashing takes
    a good part of a second, which every command's start would otherwise pay)."""
    return _HASHER.hash("no such user: the dummy hash")


def verify_or_dummy(password_hash: str | None, password: str) -> bool:
    """verify_password, spending the same time when there is no user or no password to check against.

    An account without a password (OIDC sign-in) stores a marker that is no Argon2 hash; checking
    against it would answer at once, telling by timing which usernames exist.
    """
    if password_hash is None or not password_hash.startswith("$argon2"):
        verify_password(_dummy_hash(), password or "-")
        return False
    return verify_password(password_hash, password)
