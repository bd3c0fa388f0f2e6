"""`backup` / `restore` on SQLite and PostgreSQL: a filled desk restored into an empty database equals the
original table by table (history, users, settings, schema revision), a backup taken while someone writes
is one consistent moment, and a restore into a non-empty database or of a broken file changes nothing."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import MetaData, func, select

from tests.support import postgres as pg
from workbench.commands.cli import main as workbench_cli
from workbench.desk.backup import backup, restore
from workbench.desk.demo import load_demo
from workbench.domain.auth import User
from workbench.domain.errors import InputError
from workbench.domain.ratings import DEFAULT_SCALE
from workbench.storage.articles import article_claims, list_articles
from workbench.storage.claim_edits import assign_claim
from workbench.storage.database import open_database
from workbench.storage.evidence import link_evidence
from workbench.storage.rating_scale import save_scale
from workbench.storage.schema import SourceRow, VerdictRow
from workbench.storage.sign_in import sign_in
from workbench.storage.sources_store import load_sources
from workbench.storage.users import add_user
from workbench.storage.verdicts import publish_verdict, record_verdict


@pytest.fixture
def second_url(request, tmp_path):
    """A second empty database on the same kind of server as ``database_url``."""
    if "postgres" not in request.node.callspec.id:
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    server = request.getfixturevalue("postgres_server_url")
    name, url = pg.create_database(server)
    yield url
    pg.drop_database(server, name)


def _fill(url: str) -> None:
    """A desk with every kind of row: articles, claims, figures, links, two-step verdicts, edits, users."""
    database = open_database(url)
    with database.session() as session:
        load_demo(session)
        add_user(session, username="ed", password="correct horse battery", role="editor", display_name="Éd")
        add_user(session, username="oidc@desk.example", password=None, role="reviewer")
        save_scale(session, [{"name": r.name, "meaning": r.meaning} for r in DEFAULT_SCALE], editor="ed")
    with database.session() as session:
        (article, *_) = list_articles(session)
        claim = next(c for c in article_claims(session, article.id) if c.statistics)
        source = next(s for s in load_sources(session) if s.figure_ids)
        link_evidence(session, claim_id=claim.id, source_id=source.id, stance="supports", reviewer="ana",
                      quote="« 263 » fabricants", figure_id=source.figure_ids[0])  # fmt: skip
        version = assign_claim(session, claim_id=claim.id, assignee="ana", reviewer="ed",
                               expected_version=claim.version)  # fmt: skip
        version = record_verdict(session, claim_id=claim.id, rating=DEFAULT_SCALE[0].name,
                                 rationale="Vrai.\nx", reviewer="ana", expected_version=version,
                                 source_ids=[source.id])  # fmt: skip
        editor = User("ed", "Éd", "editor")
        publish_verdict(session, claim_id=claim.id, publisher=editor, expected_version=version)
    sign_in(database, username="ed", password="wrong password", client="10.0.0.9")
    database.engine.dispose()


def _tables(url: str) -> dict[str, list[tuple]]:
    """Every table's rows in key order, including the schema revision."""
    database = open_database(url, migrate=False)
    metadata = MetaData()
    with database.engine.connect() as connection:
        metadata.reflect(connection)
        tables = {
            t.name: [tuple(r) for r in connection.execute(select(t).order_by(*(t.primary_key or t.columns)))]
            for t in metadata.sorted_tables
        }
    database.engine.dispose()
    return tables


def test_a_restored_desk_equals_the_original_table_by_table(database_url, second_url):
    _fill(database_url)
    out = io.StringIO()
    counts = backup(open_database(database_url), out)
    # the demo links its example series to the seed's two multiplier claims; the test links one source
    assert counts["verdicts"] == 2 and counts["evidence"] == 3 and counts["claim_changes"] >= 1
    assert counts["series"] == 1 and counts["series_points"] == 7
    assert counts["users"] == 2 and counts["sign_in_attempts"] == 2 and counts["settings"] >= 1
    restored = restore(second_url, io.StringIO(out.getvalue()))
    assert restored == {k: v for k, v in counts.items() if v}
    original, copy = _tables(database_url), _tables(second_url)
    assert set(original) == set(copy)
    for name in original:
        assert copy[name] == original[name], name
    with open_database(second_url).session() as session:  # the restored desk goes on numbering
        session.add(SourceRow(title="Next", kind="report"))
        session.flush()
        assert session.scalar(select(func.max(SourceRow.id))) == max(r[0] for r in original["sources"]) + 1


def test_a_backup_taken_while_someone_writes_is_one_moment(database_url, second_url):
    _fill(database_url)
    database = open_database(database_url)
    writer = open_database(database_url)
    with database.session() as session:
        before = session.scalar(select(func.count(VerdictRow.id)))
    wrote = []

    def write_meanwhile(table: str, done: int) -> None:
        if not wrote:  # after the first table, a reviewer saves a verdict
            with writer.session() as session:
                claim_id = session.scalar(select(VerdictRow.claim_id))
                session.add(VerdictRow(claim_id=claim_id, rating="False", rationale="Later.", reviewer="ben"))
            wrote.append(table)

    out = io.StringIO()
    counts = backup(database, out, progress=write_meanwhile)
    assert wrote and counts["verdicts"] == before
    assert sum(1 for line in out.getvalue().splitlines() if '"table": "verdicts"' in line) == before
    restore(second_url, io.StringIO(out.getvalue()))
    with open_database(second_url).session() as session:
        assert session.scalar(select(func.count(VerdictRow.id))) == before
    for handle in (database, writer):
        handle.engine.dispose()


def test_restore_refuses_a_desk_with_rows_and_a_broken_file_and_changes_nothing(database_url, second_url):
    _fill(database_url)
    out = io.StringIO()
    backup(open_database(database_url), out)
    before = _tables(database_url)
    with pytest.raises(InputError, match="not empty"):
        restore(database_url, io.StringIO(out.getvalue()))
    assert _tables(database_url) == before
    lines = out.getvalue().splitlines()
    truncated = "\n".join(lines[: len(lines) // 2]) + "\n"
    with pytest.raises(InputError, match="incomplete"):
        restore(second_url, io.StringIO(truncated))
    assert all(rows == [] for name, rows in _tables(second_url).items() if name != "alembic_version")
    with pytest.raises(InputError, match="not a workbench backup"):
        restore(second_url, io.StringIO(json.dumps({"table": "articles"}) + "\n"))


def test_the_command_line_backs_up_and_restores(database_url, second_url, tmp_path, capsys):
    _fill(database_url)
    path = tmp_path / "desk.jsonl"
    assert workbench_cli(["backup", str(path), "--database-url", database_url]) == 0
    assert workbench_cli(["backup", str(path), "--database-url", database_url]) == 1  # never overwritten
    assert workbench_cli(["restore", str(path), "--database-url", second_url]) == 0
    assert "Restored" in capsys.readouterr().out
    assert _tables(second_url) == _tables(database_url)
