"""Throw-away databases on the PostgreSQL server named by WORKBENCH_TEST_POSTGRES_URL.

The URL names a server and a database we may connect to (scripts/start_postgres.sh prints one);
each test module or test gets its own database there, created with a random name and dropped with
FORCE afterwards, so tests never see each other's rows and a leaked connection cannot block the drop.
"""

from __future__ import annotations

import os
import secrets
from urllib.parse import urlsplit, urlunsplit

ENV_VAR = "WORKBENCH_TEST_POSTGRES_URL"
NAME_PREFIX = "wbtest_"


def server_url_from_env() -> str | None:
    """The SQLAlchemy URL of the test server, or None when the variable is unset or empty."""
    return os.environ.get(ENV_VAR, "").strip() or None


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL without its driver, as psycopg and libpq accept it.

    >>> libpq_url("postgresql+psycopg://postgres@127.0.0.1:5433/workbench_test")
    'postgresql://postgres@127.0.0.1:5433/workbench_test'
    """
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme=parts.scheme.split("+", 1)[0]))


def with_database(url: str, name: str) -> str:
    """`url` pointing at database `name` instead, in SQLAlchemy's postgresql+psycopg form.

    >>> with_database("postgresql://postgres@127.0.0.1:5433/workbench_test?sslmode=disable", "wbtest_1")
    'postgresql+psycopg://postgres@127.0.0.1:5433/wbtest_1?sslmode=disable'
    """
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql+psycopg", path=f"/{name}"))


def create_database(server_url: str) -> tuple[str, str]:
    """Create a database with a random name on the server; return (name, SQLAlchemy URL)."""
    import psycopg
    from psycopg import sql

    name = f"{NAME_PREFIX}{secrets.token_hex(6)}"
    with psycopg.connect(libpq_url(server_url), autocommit=True, connect_timeout=10) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name, with_database(server_url, name)


def drop_database(server_url: str, name: str) -> None:
    """Drop database `name`, disconnecting whoever still uses it."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(libpq_url(server_url), autocommit=True, connect_timeout=10) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def database_exists(server_url: str, name: str) -> bool:
    """Whether the server has a database called `name`."""
    import psycopg

    with psycopg.connect(libpq_url(server_url), autocommit=True, connect_timeout=10) as connection:
        row = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return row is not None


def server_reachable(server_url: str) -> tuple[bool, str]:
    """(True, "") when the server accepts a connection, else (False, why)."""
    import psycopg

    try:
        with psycopg.connect(libpq_url(server_url), connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return False, str(error).strip()
    return True, ""
