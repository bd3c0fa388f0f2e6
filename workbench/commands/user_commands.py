"""`python -m workbench users add|list|set-role|disable|enable|set-password`: the desk's accounts.

Passwords are read from a hidden prompt (typed twice) or, for scripts, from the first line of standard
input with ``--password-stdin``; never from the command line, where they would land in shell history.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from workbench.domain.auth import ROLES
from workbench.domain.config import database_url
from workbench.domain.errors import WorkbenchError

# SQLAlchemy loads inside the commands (storage below), so `workbench --help` starts fast


def _read_password(args: argparse.Namespace) -> str | None:
    if getattr(args, "no_password", False):
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise WorkbenchError("The two passwords differ; nothing was stored.")
    return first


def _run(args: argparse.Namespace) -> int:
    from workbench.storage.database import open_database

    try:
        database = open_database(args.database_url or database_url())
        with database.session() as session:
            for line in args.action(session, args):
                print(line)
    except WorkbenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _add(session, args):
    from workbench.storage.users import add_user

    user = add_user(
        session, username=args.username, password=_read_password(args), role=args.role, display_name=args.name
    )
    yield f"Added {user.username} ({user.display_name}) as {user.role}."


def _list(session, args):
    from workbench.storage.users import list_users

    users = list_users(session)
    if not users:
        yield "No users: the app runs in single-user mode unless WORKBENCH_AUTH is set."
    for user in users:
        yield "\t".join(
            (user.username, user.role, "active" if user.active else "disabled", user.display_name)
        )


def _set_role(session, args):
    from workbench.storage.users import set_role

    user = set_role(session, username=args.username, role=args.role)
    yield f"{user.username} is now {user.role}."


def _disable(session, args):
    from workbench.storage.users import set_active

    user = set_active(session, username=args.username, active=False)
    yield f"{user.username} is disabled: they can no longer sign in; their history stays."


def _enable(session, args):
    from workbench.storage.users import set_active

    user = set_active(session, username=args.username, active=True)
    yield f"{user.username} can sign in again."


def _set_password(session, args):
    from workbench.storage.users import set_password

    user = set_password(session, username=args.username, password=_read_password(args))
    yield f"Password of {user.username} changed."


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register `users ...` under the main parser's subcommands."""
    users = commands.add_parser("users", help="add, list, change or disable the desk's sign-in accounts")
    actions = users.add_subparsers(dest="users_command", required=True)

    def action(name: str, run, help_text: str, *, password: bool = False) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text)
        parser.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
        if password:
            parser.add_argument(
                "--password-stdin",
                action="store_true",
                help="read the password from standard input's first line",
            )
        parser.set_defaults(run=_run, action=run)
        return parser

    add = action("add", _add, "add a user (the password is asked for)", password=True)
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="reviewer")
    add.add_argument("--name", help="display name (default: the username)")
    add.add_argument(
        "--no-password",
        action="store_true",
        help="no password: the user signs in through OIDC (e-mail username)",
    )
    action("list", _list, "list users: username, role, active, display name")
    set_role_parser = action("set-role", _set_role, "change a user's role")
    set_role_parser.add_argument("username")
    set_role_parser.add_argument("role", choices=ROLES)
    action("disable", _disable, "stop a user from signing in").add_argument("username")
    action("enable", _enable, "let a disabled user sign in again").add_argument("username")
    action("set-password", _set_password, "change a user's password", password=True).add_argument("username")
