"""Writes under contention (SQLite and PostgreSQL): a lock is waited for, retried, and reported in words;
a lost unique-constraint race is the duplicate it is; duplicate checks read indexed candidates only."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import make_url

from sources.models import Source
from workbench.desk.article_intake import add_article
from workbench.desk.source_intake import save_library_sources
from workbench.domain.errors import DuplicateArticleError, InputError, WorkbenchError
from workbench.domain.records import ArticleDraft
from workbench.storage.database import BusyError, open_database
from workbench.storage.metrics import create_metric, list_metrics
from workbench.storage.schema import ArticleRow, SourceRow
from workbench.storage.sources_store import duplicate_candidates
from workbench.storage.users import add_user, list_users

TEXT = "Plus de 250 fabricants sont venus au forum de Kyiv en 2024."


def _hold_write_lock(url: str) -> sqlite3.Connection:
    """Another process's writer: a raw connection holding SQLite's write lock until it ends."""
    holder = sqlite3.connect(make_url(url).database, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings (key, value, updated_at) VALUES ('held', '1', CURRENT_TIMESTAMP)")
    return holder


def test_a_writer_locked_out_gets_a_message_and_the_database_is_unchanged(sqlite_url):
    database = open_database(sqlite_url, busy_timeout_s=0.05)
    holder = _hold_write_lock(sqlite_url)
    try:
        with (
            pytest.raises(BusyError, match=r"busy with another save.*nothing was saved"),
            database.session() as session,
        ):
            add_article(session, ArticleDraft(title="T", text=TEXT, lang="fr", claims=()))
        assert isinstance(BusyError("x"), WorkbenchError)  # pages show it as a message, not a traceback
    finally:
        holder.rollback()
        holder.close()
    with database.session() as session:
        assert session.scalar(select(func.count(ArticleRow.id))) == 0
    database.engine.dispose()


def test_a_write_that_met_the_lock_is_run_again_once_it_is_free(sqlite_url):
    database = open_database(sqlite_url, busy_timeout_s=0.05)
    holder = _hold_write_lock(sqlite_url)
    attempts = []

    def store(session) -> int:
        attempts.append(len(attempts) + 1)
        if len(attempts) == 2:  # the other writer finished between the two attempts
            holder.rollback()
        return add_article(session, ArticleDraft(title="T", text=TEXT, lang="fr", claims=()))

    try:
        article_id = database.run(store)
    finally:
        holder.close()
    assert attempts == [1, 2] and article_id > 0
    database.engine.dispose()


def _race(database, table: str, store, first_store) -> BaseException | object:
    """``first_store`` writes without committing; ``store`` runs meanwhile in another thread, checks for
    a duplicate (none yet), and is about to insert when the first commits. What did the second get?"""
    first = database.sessions()
    first_store(first)
    about_to_insert = threading.Event()

    @event.listens_for(database.engine, "before_cursor_execute")
    def watch(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()}") and conn.info.get("second"):
            about_to_insert.set()

    outcome: list[BaseException | object] = []

    def second() -> None:
        try:
            with database.session() as session:
                session.connection().info["second"] = True
                outcome.append(store(session))
        except BaseException as error:  # the test reads what the thread raised
            outcome.append(error)

    thread = threading.Thread(target=second)
    thread.start()
    assert about_to_insert.wait(30)  # its duplicate check saw nothing: the first is not committed yet
    first.commit()
    first.close()
    thread.join(60)
    (result,) = outcome
    return result


def test_two_reviewers_storing_the_same_article_at_once_get_duplicate_of_the_first(database_url):
    database = open_database(database_url)
    first_ids = []

    def store_first(session) -> None:
        first_ids.append(add_article(session, ArticleDraft(title="First", text=TEXT, lang="fr", claims=())))

    error = _race(
        database,
        "articles",
        lambda s: add_article(s, ArticleDraft(title="Second", text=TEXT, lang="fr", claims=())),
        store_first,
    )
    assert isinstance(error, DuplicateArticleError) and error.article_id == first_ids[0], error
    with database.session() as session:
        assert session.scalar(select(func.count(ArticleRow.id))) == 1
    database.engine.dispose()


def test_two_admins_adding_the_same_username_at_once_get_already_exists(database_url):
    database = open_database(database_url)
    error = _race(
        database,
        "users",
        lambda s: add_user(s, username="ana", password=None, role="editor"),
        lambda s: add_user(s, username="ana", password=None, role="reviewer"),
    )
    assert isinstance(error, InputError) and "already exists" in str(error), error
    with database.session() as session:
        assert [u.role for u in list_users(session)] == ["reviewer"]
    database.engine.dispose()


def test_two_reviewers_creating_the_same_metric_at_once_get_already_created(database_url):
    database = open_database(database_url)
    error = _race(
        database,
        "metrics",
        lambda s: create_metric(s, name="Defence production", reviewer="bo"),
        lambda s: create_metric(s, name="Defence production", reviewer="ana"),
    )
    assert isinstance(error, InputError) and "just created by another reviewer" in str(error), error
    with database.session() as session:
        assert [m.name for m in list_metrics(session)] == ["Defence production"]
    database.engine.dispose()


def test_adding_a_source_reads_only_the_sources_sharing_its_url_or_publisher(database_url):
    database = open_database(database_url)
    library = [Source(f"Rapport annuel numéro {n} sur l'industrie", publisher="Ministère", url=f"https://m.example/{n}")
               for n in range(300)]  # fmt: skip
    library.append(
        Source("Defence production tripled in 2024", publisher="Agency", url="https://a.example/x")
    )
    with database.session() as session:
        save_library_sources(session, library, reviewer="ana")
    new = Source("Defence production tripled in 2024!", publisher="agency", url="https://b.example/y")
    with database.session() as session:
        candidates = duplicate_candidates(session, [new])
        saved = save_library_sources(session, [new], reviewer="ana")
    assert [c.source.title for c in candidates] == [library[-1].title]  # 1 of 301 read
    (flag,) = saved.duplicates
    assert flag.reason == "title" and flag.source_id == saved.ids[0]
    with database.session() as session:
        other = Source("Other", url="https://www.m.example/7/")
        same_url = save_library_sources(session, [other], reviewer="b")
        assert [(f.reason, f.other_id) for f in same_url.duplicates] == [("url", 8)]
    if database.engine.dialect.name == "sqlite":
        with database.engine.connect() as connection:
            query = "SELECT id FROM sources WHERE url_key IN ('a') OR publisher_key IN ('b')"
            plan = " ".join(str(r) for r in connection.execute(text(f"EXPLAIN QUERY PLAN {query}")))
        assert "ix_sources_url_key" in plan and "ix_sources_publisher_key" in plan
    with database.session() as session:
        assert session.scalar(select(func.count()).where(SourceRow.url_key.is_(None))) == 0
    database.engine.dispose()


def test_grouping_a_stored_articles_repeats_does_not_hold_the_write_lock(sqlite_url):
    """Comparing an article's claims with the stored ones takes seconds on a long paste; while it reads,
    another process can write (it used to run inside the article's write transaction)."""
    from workbench.desk.article_intake import store_article
    from workbench.desk.ingest import prepare_article

    database = open_database(sqlite_url)
    writes: list[str] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def probe(conn, cursor, statement, parameters, context, executemany):
        if "FROM claims" in statement and "claims.article_id IN" in statement and not writes:
            other = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None, timeout=0)
            try:
                other.execute(
                    "INSERT INTO settings (key, value, updated_at) VALUES ('probe', '1', CURRENT_TIMESTAMP)"
                )
                writes.append("written")
            except sqlite3.OperationalError as error:  # "database is locked": the lock was held
                writes.append(str(error))
            finally:
                other.close()

    text = "La production a triplé en 2023. Les exportations ont baissé de 12 % en 2024."
    article_id = store_article(database, prepare_article(text))
    assert article_id > 0 and writes == ["written"], writes
    database.engine.dispose()
