"""Sign-in without Streamlit: the sign-in mode, roles, Argon2 password hashes and a failure rate limit."""

from __future__ import annotations

import functools
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from workbench.errors import InputError, WorkbenchError

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
    if not password or len(password) > MAX_PASSWORD_CHARS:
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
    """verify_password, spending the same time when there is no user to check against."""
    if password_hash is None:
        verify_password(_dummy_hash(), password)
        return False
    return verify_password(password_hash, password)


@dataclass
class FailureLimiter:
    """In-memory limit on failed sign-ins per username: ``max_failures`` within ``window_s`` seconds
    lock that username until the oldest failure leaves the window. One per server process.

    >>> limiter = FailureLimiter(max_failures=2, window_s=60, clock=lambda: 0.0)
    >>> limiter.record_failure("ana"); limiter.record_failure("ana"); limiter.locked_for("ana")
    60.0
    """

    max_failures: int = 5
    window_s: float = 300.0
    clock: Callable[[], float] = time.monotonic
    max_usernames: int = 10_000
    _failures: dict[str, deque[float]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and now - failures[0] >= self.window_s:
            failures.popleft()
        return failures

    def locked_for(self, username: str) -> float:
        """Seconds until ``username`` may try again (0.0: not locked)."""
        key = username.strip().lower()
        with self._lock:
            now = self.clock()
            failures = self._recent(key, now)
            if len(failures) < self.max_failures:
                return 0.0
            return max(0.0, failures[-self.max_failures] + self.window_s - now)

    def record_failure(self, username: str) -> None:
        key = username.strip().lower()
        with self._lock:
            now = self.clock()
            self._recent(key, now).append(now)
            if len(self._failures) > self.max_usernames:  # bounded memory under a flood of usernames
                live = {k: v for k, v in self._failures.items() if self._recent(k, now)}
                newest = sorted(live, key=lambda k: live[k][-1])[-self.max_usernames // 2 :]
                self._failures = {k: live[k] for k in newest}

    def reset(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username.strip().lower(), None)
