"""Alembic migrations: a database made by an older revision upgrades in place, and models match migrations."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from workbench.storage.engine import make_engine
from workbench.storage.migrate import alembic_config, include_object_for, upgrade
from workbench.storage.schema import Base


def test_rows_stored_under_the_first_revision_survive_the_upgrade(database_url):
    engine = make_engine(database_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, title, lang, text, text_hash, is_example, created_at) "
                "VALUES (1, 'Old', 'fr', 'Texte', 'h', false, CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                'INSERT INTO claims (id, article_id, sentence_no, start, "end", text, kind, modality, '
                "worthiness, reasons, facets, status, version) "
                "VALUES (1, 1, 0, 0, 5, 'Texte', 'other', 'reported', 0.5, '[]', '{}', 'checked', 2)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO verdicts (claim_id, rating, rationale, reviewer, created_at) "
                "VALUES (1, 'True', 'r', 'ana', CURRENT_TIMESTAMP)"
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        state = connection.execute(text("SELECT state FROM verdicts")).scalar_one()
        retired = connection.execute(text("SELECT retired FROM claims")).scalar_one()
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert (state, bool(retired)) == ("published", False)
    assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
    engine.dispose()


def test_the_models_and_the_migrations_describe_the_same_schema(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as connection:
        # the migrations' autogenerate filter: an index made only on PostgreSQL is not asked of SQLite
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object_for(connection.dialect.name)}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []
