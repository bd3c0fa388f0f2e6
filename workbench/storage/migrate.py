"""Alembic migrations run in code, so `python -m workbench init` upgrades any database in place."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def include_object_for(dialect: str):
    """Alembic's autogenerate filter on ``dialect``: leave out what the models create only on another
    database (``Index(...).ddl_if(dialect=...)``, as PostgreSQL's trigram index): Alembic cannot tell."""

    def include(obj, name, type_, reflected, compare_to) -> bool:
        model = compare_to if reflected else obj
        ddl_if = getattr(model, "_ddl_if", None)
        return ddl_if is None or ddl_if.dialect in (None, dialect)

    return include


def alembic_config() -> Config:
    """An Alembic config pointing at the project's migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (the newest by default)."""
    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite alters a table by copying it and dropping the old one; with foreign keys on, that
            # drop would cascade-delete every dependent row. The pragma only works outside a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        raw = connection.connection.dbapi_connection if sqlite else None
        legacy = raw.isolation_level if raw is not None else None
        try:
            with connection.begin():
                if raw is not None:
                    # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE, so each
                    # CREATE/ALTER/DROP would commit by itself and a killed upgrade would leave half a
                    # revision behind ("table metrics already exists" on the next try). Take the
                    # transaction in hand: the whole upgrade commits at once or not at all.
                    raw.isolation_level = None
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(
                            f"Migration left {len(broken)} rows with broken references: {broken[:5]}"
                        )
        finally:
            if raw is not None:
                raw.isolation_level = legacy
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def revision(engine: Engine, message: str) -> None:
    """Autogenerate a new migration from the models (a developer command)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)
