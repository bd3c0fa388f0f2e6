"""Alembic migrations: a database made by an older revision upgrades in place, and models match migrations."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from workbench.storage.engine import make_engine
from workbench.storage.migrate import alembic_config, include_object_for, upgrade
from workbench.storage.schema import Base

ROOT = Path(__file__).resolve().parents[1]


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
    assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert (stat.value, stat.direction, stat.period_start, bool(stat.period_open), stat.modality) == (
        12, "down", None, False, None
    )  # fmt: skip
    assert tuple(figures[0]) == (3.1, "2023-Q3", "2023-07-01", "2023-09-30", "quarter", "2021-01-01",
                                 "2021-12-31", False, None)  # fmt: skip
    assert (figures[1].value, figures[1].period_start) == (263, None)


def test_checked_claims_of_a_0009_database_become_proposed_published_or_checking(database_url):
    """A claim marked "checked" keeps its meaning under the publishing workflow: its newest verdict's state
    decides; without a verdict nothing was published, so it is still being checked."""
    engine = make_engine(database_url)
    upgrade(engine, "0009")
    statuses = {1: "checked", 2: "checked", 3: "checked", 4: "not check-worthy", 5: "new"}
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, title, lang, text, text_hash, is_example, created_at) "
                "VALUES (1, 'Old', 'en', 'Exports fell by 12%.', 'h', false, CURRENT_TIMESTAMP)"
            )
        )
        for claim_id, status in statuses.items():
            connection.execute(
                text(
                    'INSERT INTO claims (id, article_id, sentence_no, start, "end", text, kind, modality, '
                    "worthiness, reasons, facets, status, version, retired, created_at) "
                    "VALUES (:id, 1, 0, 0, 20, 'Exports fell by 12%.', 'other', 'reported', 0.5, '[]', '{}', "
                    ":status, 1, false, CURRENT_TIMESTAMP)"
                ),
                {"id": claim_id, "status": status},
            )
        # claim 1: published, then a newer proposal; claim 2: published last; claim 3: no verdict
        for claim_id, state in ((1, "published"), (1, "proposed"), (2, "proposed"), (2, "published")):
            connection.execute(
                text(
                    "INSERT INTO verdicts (claim_id, rating, rationale, reviewer, state, source_ids, "
                    "created_at) VALUES (:claim, 'False', 'r', 'ana', :state, '[]', CURRENT_TIMESTAMP)"
                ),
                {"claim": claim_id, "state": state},
            )
    upgrade(engine)
    with engine.connect() as connection:
        found = dict(connection.execute(text("SELECT id, status FROM claims")).all())
    assert found == {1: "proposed", 2: "published", 3: "checking", 4: "not check-worthy", 5: "new"}
    config = alembic_config()
    with engine.begin() as connection:  # and back: both verdict statuses were "checked"
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    with engine.connect() as connection:
        found = dict(connection.execute(text("SELECT id, status FROM claims")).all())
    engine.dispose()
    assert found == {1: "checked", 2: "checked", 3: "checking", 4: "not check-worthy", 5: "new"}


def _fill_0001(connection) -> None:
    """Rows in every table of revision 0001, as the app of that time stored them."""
    for statement in (
        "INSERT INTO articles (id, title, lang, text, text_hash, is_example, created_at) "
        "VALUES (1, 'Old', 'fr', 'Le chômage a baissé de 2 %.', 'h1', false, CURRENT_TIMESTAMP)",
        'INSERT INTO claims (id, article_id, sentence_no, start, "end", text, kind, modality, worthiness, '
        "reasons, facets, status, version) VALUES (1, 1, 0, 0, 27, 'Le chômage a baissé de 2 %.', "
        "'change', 'reported', 0.7, '[\"figure\"]', '{}', 'checked', 2)",
        'INSERT INTO statistics (id, claim_id, start, "end", surface, kind, value, bound, inclusive, unit, '
        "vague) VALUES (1, 1, 22, 25, '2 %', 'percent', 2.0, 'exact', true, '%', false)",
        "INSERT INTO sources (id, title, publisher, kind, is_example, created_at) "
        "VALUES (1, 'Insee', 'Insee', 'report', false, CURRENT_TIMESTAMP)",
        "INSERT INTO reported_figures (id, source_id, value, bound, unit, modality) VALUES "
        "(1, 1, 2.0, 'exact', '%', 'reported'), (2, 1, 3.0, 'exact', '×', 'reported'), "
        "(3, 1, 263.0, 'exact', 'fabricants', 'reported')",
        "INSERT INTO evidence (claim_id, source_id, figure_id, action, stance, reviewer, created_at) "
        "VALUES (1, 1, 1, 'link', 'supports', 'ana', CURRENT_TIMESTAMP)",
        "INSERT INTO verdicts (claim_id, rating, rationale, reviewer, created_at) "
        "VALUES (1, 'True', 'Insee says 2 %.', 'ana', CURRENT_TIMESTAMP)",
    ):
        connection.execute(text(statement))


def _fill_0002(connection) -> None:
    """Rows in the tables revision 0002 added, and figures as the old 0002 left them (kind lost)."""
    for statement in (
        "INSERT INTO users (username, display_name, role, password_hash, active, created_at) "
        "VALUES ('ed', 'Ed', 'editor', '!', true, CURRENT_TIMESTAMP)",
        "INSERT INTO metrics (id, name, created_at) VALUES (1, 'unemployment', CURRENT_TIMESTAMP)",
        "INSERT INTO settings (key, value, updated_at) "
        "VALUES ('organisation', '\"Desk\"', CURRENT_TIMESTAMP)",
        "INSERT INTO claim_changes (claim_id, field, before, after, reviewer, created_at) "
        "VALUES (1, 'assignee', 'null', '\"ana\"', 'ana', CURRENT_TIMESTAMP)",
        "INSERT INTO reported_figures (id, source_id, value, bound, unit, modality, kind, inclusive) VALUES "
        "(4, 1, 5.0, 'exact', '%', 'reported', 'number', true)",
    ):
        connection.execute(text(statement))


COUNTS = {"articles": 1, "claims": 1, "statistics": 1, "sources": 1, "evidence": 1, "verdicts": 1}


# every revision but the head: a desk may upgrade from any of them
VERSIONS = Path(__file__).resolve().parents[1] / "workbench" / "storage" / "migrations" / "versions"
EARLIER = sorted(p.name[:4] for p in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))[:-1]


@pytest.mark.parametrize("start", EARLIER)
def test_a_filled_database_of_every_earlier_revision_upgrades_with_its_meaning(database_url, start):
    engine = make_engine(database_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        _fill_0001(connection)
    if start != "0001":
        upgrade(engine, "0002")
        with engine.begin() as connection:
            _fill_0002(connection)
        upgrade(engine, start)
    upgrade(engine)
    with engine.connect() as connection:
        figures = dict(
            (row[0], (row[1], row[2]))
            for row in connection.execute(text("SELECT id, kind, unit FROM reported_figures"))
        )
        counts = {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in COUNTS}
        state = connection.execute(text("SELECT state FROM verdicts")).scalar_one()
        keys = connection.execute(text("SELECT url_key, publisher_key FROM sources")).one()
        status = connection.execute(text("SELECT status FROM claims")).scalar_one()
    engine.dispose()
    assert status == "published"  # "checked" with a published verdict (revision 0010's statuses)
    assert figures[1] == ("percent", "%") and figures[2] == ("multiplier", None)  # "2 %" and "×3"
    assert figures[3] == ("number", "fabricants")
    if start != "0001":
        assert figures[4] == ("percent", "%")  # repaired after the old 0002 lost it
    assert counts == COUNTS and state == "published" and keys == (None, "insee")


KILL_DURING_UPGRADE = """
import os, signal, sys
from sqlalchemy import event
from workbench.storage.engine import make_engine
from workbench.storage.migrate import upgrade

engine = make_engine(sys.argv[1])

@event.listens_for(engine, "after_cursor_execute")
def kill(conn, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("CREATE TABLE METRICS"):  # half-way through revision 0002
        os.kill(os.getpid(), signal.SIGKILL)

upgrade(engine)
"""


def test_an_upgrade_killed_half_way_leaves_the_old_revision_and_runs_again(database_url):
    engine = make_engine(database_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        _fill_0001(connection)
    engine.dispose()
    command = [sys.executable, "-c", KILL_DURING_UPGRADE, database_url]
    killed = subprocess.run(command, cwd=ROOT, capture_output=True)  # kill -9 in the middle of 0002
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
        assert not inspect(connection).has_table("metrics")  # nothing of the killed revision stayed
    upgrade(engine)  # the second `workbench init`
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM verdicts")).scalar_one() == 1
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head
    engine.dispose()
