"""Users: storage on SQLite and PostgreSQL, and `python -m workbench users ...` through the CLI's main."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from workbench.commands.cli import main
from workbench.domain.errors import InputError, NotFoundError
from workbench.storage.database import open_database
from workbench.storage.schema import UserRow
from workbench.storage.users import (
    active_user_count,
    add_user,
    authenticate,
    clean_username,
    get_user,
    list_users,
    set_active,
    set_password,
    set_role,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    yield handle
    handle.engine.dispose()


@dataclass
class Ran:
    """What a command printed and returned."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """The command line's own ``main`` with its arguments, standard input and output, as an admin runs
    `python -m workbench users ...` (in this process: each command would otherwise pay an interpreter
    start; tests/test_packaging.py runs the installed entry point)."""

    def run(database_url: str, *args: str, stdin: str | None = None) -> Ran:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        try:
            code = main(["users", *args, "--database-url", database_url])
        except SystemExit as stop:  # argparse refuses bad arguments this way
            code = stop.code if isinstance(stop.code, int) else 1
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


def test_a_user_is_stored_with_a_hash_and_signs_in_with_the_password(database):
    with database.session() as session:
        user = add_user(
            session, username=" Ana ", password=PASSWORD, role="reviewer", display_name="Ana Lopez"
        )
    assert (user.username, user.display_name, user.role, user.active) == (
        "ana",
        "Ana Lopez",
        "reviewer",
        True,
    )
    with database.session() as session:
        stored = session.scalar(select(UserRow.password_hash).where(UserRow.username == "ana"))
        assert stored.startswith("$argon2id$") and PASSWORD not in stored
        assert authenticate(session, username="ANA", password=PASSWORD) == user
        assert authenticate(session, username="ana", password=PASSWORD + "!") is None
        assert authenticate(session, username="nobody", password=PASSWORD) is None
        assert authenticate(session, username="<script>", password=PASSWORD) is None
        assert active_user_count(session) == 1


def test_roles_change_and_a_disabled_user_cannot_sign_in(database):
    with database.session() as session:
        add_user(session, username="ben", password=PASSWORD, role="reviewer")
    with database.session() as session:
        assert set_role(session, username="ben", role="editor").role == "editor"
        set_active(session, username="ben", active=False)
    with database.session() as session:
        assert authenticate(session, username="ben", password=PASSWORD) is None
        assert get_user(session, "ben").active is False and active_user_count(session) == 0
        set_active(session, username="ben", active=True)
        set_password(session, username="ben", password="another password")
    with database.session() as session:
        assert authenticate(session, username="ben", password="another password").role == "editor"
        assert authenticate(session, username="ben", password=PASSWORD) is None


def test_bad_usernames_roles_duplicates_and_unknown_users_are_refused(database):
    with database.session() as session:
        add_user(session, username="ana", password=PASSWORD, role="reviewer")
    for kwargs, error in [
        ({"username": "Ana"}, "already exists"),
        ({"username": "ana lopez"}, "A username is"),
        ({"username": "x" * 101}, "A username is"),
        ({"username": "cleo", "role": "owner"}, "Unknown role"),
        ({"username": "cleo", "password": "short"}, "too short"),
        ({"username": "cleo", "display_name": "<script>alert(1)</script>"}, "markup"),
    ]:
        arguments = {"password": PASSWORD, "role": "reviewer"} | kwargs
        with pytest.raises(InputError, match=error), database.session() as session:
            add_user(session, **arguments)
    with pytest.raises(NotFoundError), database.session() as session:
        set_role(session, username="cleo", role="editor")
    with database.session() as session:
        assert [u.username for u in list_users(session)] == ["ana"]


def test_a_user_without_password_exists_for_oidc_but_never_signs_in_with_one(database):
    with database.session() as session:
        add_user(session, username="ana@example.org", password=None, role="editor")
    with database.session() as session:
        assert get_user(session, "ana@example.org").role == "editor"
        assert authenticate(session, username="ana@example.org", password="!") is None


def test_clean_username_keeps_email_addresses():
    assert clean_username("Ana.Lopez+desk@Example.org") == "ana.lopez+desk@example.org"


def test_the_users_command_line_adds_lists_changes_and_disables(database_url, cli):
    open_database(database_url).engine.dispose()  # `workbench init`: the schema at the newest migration
    added = cli(database_url, "add", "Ana", "--role", "editor", "--name", "Ana Lopez", "--password-stdin",
                 stdin=PASSWORD + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Added ana (Ana Lopez) as editor."
    assert PASSWORD not in added.stdout + added.stderr
    listed = cli(database_url, "list")
    assert listed.stdout.splitlines() == ["ana\teditor\tactive\tAna Lopez"]
    assert cli(database_url, "set-role", "ana", "reviewer").stdout.strip() == "ana is now reviewer."
    assert cli(database_url, "disable", "ana").returncode == 0
    assert cli(database_url, "list").stdout.splitlines() == ["ana\treviewer\tdisabled\tAna Lopez"]
    with open_database(database_url).session() as session:
        assert authenticate(session, username="ana", password=PASSWORD) is None
        assert session.scalar(select(UserRow.password_hash)).startswith("$argon2id$")


def test_the_command_line_refuses_bad_input_with_a_message_and_stores_nothing(database_url, cli):
    short = cli(database_url, "add", "ben", "--password-stdin", stdin="short\n")
    assert short.returncode == 1 and "password is too short" in short.stderr
    role = cli(database_url, "add", "ben", "--role", "owner", "--password-stdin", stdin=PASSWORD)
    assert role.returncode == 2 and "invalid choice: 'owner'" in role.stderr
    missing = cli(database_url, "set-role", "nobody", "editor")
    assert missing.returncode == 1 and "No user named 'nobody'" in missing.stderr
    assert "single-user mode" in cli(database_url, "list").stdout
