"""Sign-in against the database (SQLite and PostgreSQL): the failure lock is reserved before the password
is checked, lives in the database (restarts, floods), counts per account and per client, and every
refusal costs one Argon2 verification whether or not the account exists."""

from __future__ import annotations

import threading
import time

import argon2
import pytest
from sqlalchemy import insert

from workbench.domain import auth
from workbench.storage.database import open_database
from workbench.storage.schema import SignInAttemptRow
from workbench.storage.sign_in import (
    MAX_ACCOUNT_FAILURES,
    MAX_CLIENT_FAILURES,
    WINDOW_S,
    reserve_attempt,
    sign_in,
)
from workbench.storage.users import add_user, authenticate, set_active

PASSWORD = "correct horse battery"


class CountingHasher(argon2.PasswordHasher):
    """The real Argon2 hasher, counting verifications and keeping the hashes verified against."""

    def __init__(self) -> None:
        super().__init__()
        self.verified: list[str] = []
        self._lock = threading.Lock()

    def verify(self, hash, password):
        with self._lock:
            self.verified.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch) -> CountingHasher:
    counting = CountingHasher()
    monkeypatch.setattr(auth, "_HASHER", counting)
    return counting


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        add_user(session, username="ana", password=PASSWORD, role="editor")
        add_user(session, username="oidc.user", password=None, role="reviewer")
        add_user(session, username="gone", password=PASSWORD, role="reviewer")
        set_active(session, username="gone", active=False)
    yield handle
    handle.engine.dispose()


def test_thirty_simultaneous_attempts_on_one_account_verify_at_most_the_limit(database, hasher):
    start = threading.Barrier(30)
    outcomes = []

    def attempt(number: int) -> None:
        start.wait()
        outcomes.append(sign_in(database, username="ana", password=f"guess {number:04d}", client=None))

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 30
    assert len(hasher.verified) == MAX_ACCOUNT_FAILURES
    assert sum(o.locked_for_s > 0 for o in outcomes) == 30 - MAX_ACCOUNT_FAILURES
    assert all(o.user is None for o in outcomes)


def test_the_lock_survives_a_restart_and_a_flood_of_other_usernames(database, database_url, hasher):
    for number in range(MAX_ACCOUNT_FAILURES):
        assert sign_in(database, username="ana", password=f"wrong {number}", client=None).locked_for_s == 0
    with database.session() as session:  # a flood: 10,001 other usernames, each one failure
        now = time.time()
        flood = [{"key": f"account:flood{n}", "failures": 1, "window_start": now} for n in range(10_000)]
        session.execute(insert(SignInAttemptRow), flood)
        assert reserve_attempt(session, ["account:flood-last"], now=None) == 0  # the 10,001st
    database.engine.dispose()
    restarted = open_database(database_url)  # a new server process
    try:
        outcome = sign_in(restarted, username="ana", password=PASSWORD, client=None)
        assert outcome.user is None and 0 < outcome.locked_for_s <= WINDOW_S
    finally:
        restarted.engine.dispose()
    assert len(hasher.verified) == MAX_ACCOUNT_FAILURES  # the locked attempt checked no password


def test_the_lock_is_per_account_and_per_client_and_a_success_clears_the_account(database, hasher):
    for number in range(MAX_ACCOUNT_FAILURES - 1):
        sign_in(database, username="ana", password=f"wrong {number}", client="10.0.0.1")
    assert sign_in(database, username="ana", password=PASSWORD, client="10.0.0.1").user is not None
    assert sign_in(database, username="ana", password="wrong again", client="10.0.0.1").locked_for_s == 0
    # one client trying many accounts is stopped by its own count
    outcomes = [
        sign_in(database, username=f"user{n}", password="wrong password", client="10.0.0.2")
        for n in range(MAX_CLIENT_FAILURES + 1)
    ]
    assert outcomes[-1].locked_for_s > 0 and all(o.locked_for_s == 0 for o in outcomes[:-1])
    # other clients are not locked out by it, the account by itself is what counts for them
    assert sign_in(database, username="ana", password=PASSWORD, client="10.0.0.3").user is not None


def test_the_window_passes_and_the_account_may_try_again(database, hasher):
    for number in range(MAX_ACCOUNT_FAILURES):
        sign_in(database, username="ana", password=f"wrong {number}", client=None, now=1_000.0)
    assert sign_in(database, username="ana", password=PASSWORD, client=None, now=1_001.0).locked_for_s > 0
    later = 1_000.0 + WINDOW_S + 1
    assert sign_in(database, username="ana", password=PASSWORD, client=None, now=later).user is not None


@pytest.mark.parametrize("username", ["nobody", "gone", "oidc.user", "ana", "not a username!"])
def test_every_refusal_costs_one_real_argon2_verification(database, hasher, username):
    """Unknown, disabled, password-less and wrong-password sign-ins do the same work: timing tells nothing."""
    with database.session() as session:
        assert authenticate(session, username=username, password="wrong password") is None
    (verified,) = hasher.verified
    assert argon2.extract_parameters(verified) == argon2.extract_parameters(auth.hash_password(PASSWORD))
