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


def test_a_filled_0004_database_gains_observation_columns_and_keeps_its_rows(database_url):
    engine = make_engine(database_url)
    upgrade(engine, "0004")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, title, lang, text, text_hash, is_example, created_at) "
                "VALUES (1, 'Old', 'en', 'Exports fell by 12%.', 'h', false, CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                'INSERT INTO claims (id, article_id, sentence_no, start, "end", text, kind, modality, '
                "worthiness, reasons, facets, status, version, retired, created_at) VALUES (1, 1, 0, 0, 20, "
                "'Exports fell by 12%.', 'other', 'reported', 0.5, '[]', '{}', 'new', 1, false, "
                "CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                'INSERT INTO statistics (id, claim_id, start, "end", surface, kind, value, bound, low, high, '
                "inclusive, unit, direction, vague) "
                "VALUES (1, 1, 16, 19, '12%', 'change', 12, 'exact', 12, 12, true, '%', 'down', false)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO sources (id, title, kind, is_example, created_at) "
                "VALUES (1, 'Report', 'report', false, CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO reported_figures "
                "(id, source_id, value, bound, modality, kind, inclusive, period, base) "
                "VALUES (1, 1, 3.1, 'exact', 'reported', 'multiplier', true, '2023-Q3', '2021'), "
                "(2, 1, 263, 'exact', 'reported', 'count', true, NULL, NULL)"
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        stat = connection.execute(
            text(
                "SELECT value, direction, period_start, period_open, base_conflict, modality FROM statistics"
            )
        ).one()
        figures = connection.execute(
            text(
                "SELECT value, period, period_start, period_end, period_granularity, base_period_start, "
                "base_period_end, period_open, original FROM reported_figures ORDER BY id"
            )
        ).all()
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    assert version == "0005"
    assert (stat.value, stat.direction, stat.period_start, bool(stat.period_open), stat.modality) == (
        12, "down", None, False, None
    )  # fmt: skip
    assert tuple(figures[0]) == (3.1, "2023-Q3", "2023-07-01", "2023-09-30", "quarter", "2021-01-01",
                                 "2021-12-31", False, None)  # fmt: skip
    assert (figures[1].value, figures[1].period_start) == (263, None)
