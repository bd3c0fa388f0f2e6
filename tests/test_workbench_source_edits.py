"""Editing and deleting sources on SQLite and PostgreSQL: history, stale edits, links kept in the history,
the refusal to delete a source a published verdict cites, figure corrections and archived copies."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from claims.models import Claim, Statistic
from sources.figures import extract_figures
from sources.models import Source
from workbench.desk.article_intake import add_article
from workbench.desk.source_intake import clean_source_changes, save_library_sources
from workbench.domain.auth import User
from workbench.domain.errors import InputError, NotFoundError, SourceInUseError, StaleSourceError
from workbench.domain.records import ArticleDraft
from workbench.storage.database import open_database
from workbench.storage.evidence import link_evidence, unlink_evidence
from workbench.storage.schema import (
    ClaimRow,
    EvidenceRow,
    FigureRow,
    SourceChangeRow,
    SourceRow,
    VerdictRow,
)
from workbench.storage.source_edits import (
    ArchivedCopy,
    correct_source_figure,
    delete_source,
    edit_source,
)
from workbench.storage.source_view import load_source_view
from workbench.storage.sources_store import source_revision
from workbench.storage.verdicts import publish_verdict, record_verdict

EDITOR = User("ed", "Ed Itor", "editor")
CLAIM = "Plus de 250 fabricants sont venus au forum."
TEXT = "The forum registered 263 foreign manufacturers in 2023, up from 180 in 2022."


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    claim = Claim(
        text=CLAIM, span=(0, len(CLAIM)), sentence_no=0,
        statistics=(Statistic("250", (8, 11), "count", 250.0),), kind="quantity", worthiness=0.8,
    )  # fmt: skip
    with handle.session() as session:
        add_article(session, ArticleDraft(title="Seed", text=CLAIM, lang="fr", claims=(claim,)))
        save_library_sources(
            session,
            [Source("Forum report", publisher="Forum", text=TEXT, figures=extract_figures(TEXT)),
             Source("Unused note", text="Nothing here.")],
            reviewer="ana",
        )  # fmt: skip
    yield handle
    handle.engine.dispose()


def _ids(database) -> tuple[int, int, int]:
    with database.session() as session:
        claim_id = session.scalar(select(ClaimRow.id))
        report, note = session.scalars(select(SourceRow.id).order_by(SourceRow.id)).all()
    return claim_id, report, note


def _link(database, claim_id, source_id):
    with database.session() as session:
        link_evidence(session, claim_id=claim_id, source_id=source_id, stance="supports",
                      quote="263 foreign manufacturers", reviewer="ana")  # fmt: skip


def _propose(database, claim_id, source_id) -> int:
    with database.session() as session:
        version = session.get(ClaimRow, claim_id).version
        return record_verdict(session, claim_id=claim_id, rating="Mostly true", rationale="263 registered.",
                              reviewer="ana", expected_version=version, source_ids=[source_id])  # fmt: skip


def test_an_edit_changes_the_fields_keeps_their_history_and_moves_the_figures_spans(database):
    _, report, _ = _ids(database)
    new_text = "Foreword. " + TEXT
    changes = clean_source_changes(
        {"title": " Forum report 2023 ", "url": "https://example.org/forum", "published": dt.date(2024, 1, 5),
         "kind": "dataset", "text": new_text}
    )  # fmt: skip
    with database.session() as session:
        revision = source_revision(session)
        changed = edit_source(session, source_id=report, changes=changes, reviewer="bo", expected_version=1)
    assert set(changed) == {"title", "url", "published", "kind", "text"}
    with database.session() as session:
        view = load_source_view(session, report)
        assert source_revision(session)[:2] == revision[:2] and source_revision(session) != revision
        spans = session.execute(select(FigureRow.surface, FigureRow.start, FigureRow.end)
                                .where(FigureRow.source_id == report)).all()  # fmt: skip
    assert (view.source.title, view.source.url, view.source.published, view.source.kind, view.version) == (
        "Forum report 2023", "https://example.org/forum", "2024-01-05", "dataset", 2
    )  # fmt: skip
    assert all(new_text[start:end] == surface for surface, start, end in spans if start is not None)
    history = view.history.set_index("change")
    assert (
        history.loc["title", "before"] == "Forum report"
        and history.loc["title", "after"] == "Forum report 2023"
    )
    assert history.loc["published", "after"] == "2024-01-05" and set(history["reviewer"]) == {"bo"}


def test_a_stale_or_empty_edit_and_bad_fields_are_refused_and_nothing_changes(database):
    _, report, _ = _ids(database)
    with database.session() as session:
        edit_source(session, source_id=report, changes={"title": "First"}, reviewer="bo", expected_version=1)
    with pytest.raises(StaleSourceError, match="bo changed its title"), database.session() as session:
        edit_source(session, source_id=report, changes={"title": "Second"}, reviewer="cy", expected_version=1)
    with pytest.raises(InputError, match="Nothing to save"), database.session() as session:
        edit_source(session, source_id=report, changes={"title": "First"}, reviewer="cy", expected_version=2)
    for bad, message in (({"url": "ftp://x"}, "not an http"), ({"kind": "rumour"}, "Unknown kind"),
                         ({"title": "  "}, "title")):  # fmt: skip
        with pytest.raises(InputError, match=message):
            clean_source_changes(bad)
    with database.session() as session:
        assert session.get(SourceRow, report).title == "First"
        assert session.scalar(select(func.count(SourceChangeRow.id))) == 1


def test_a_source_cited_by_a_published_verdict_cannot_be_deleted_and_the_verdict_is_named(database):
    claim_id, report, _ = _ids(database)
    _link(database, claim_id, report)
    version = _propose(database, claim_id, report)
    with database.session() as session:
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=version)
    for record_links in (False, True):
        with pytest.raises(SourceInUseError) as refused, database.session() as session:
            delete_source(
                session, source_id=report, reviewer="bo", expected_version=1, record_links=record_links
            )
        assert f"claim #{claim_id}'s verdict “Mostly true” (published by ed" in str(refused.value)
    with database.session() as session:
        assert session.get(SourceRow, report) is not None
        assert session.scalar(select(func.count(EvidenceRow.id))) == 1
        assert session.scalar(select(func.count(SourceChangeRow.id))) == 0
        view = load_source_view(session, report)
    assert [v.claim_id for v in view.published_citations] == [claim_id]
    assert [(link.claim_id, link.verdict, link.verdict_state, link.cited) for link in view.links] == [
        (claim_id, "Mostly true", "published", True)
    ]


def test_a_linked_source_is_deleted_only_with_its_links_recorded(database):
    claim_id, report, _ = _ids(database)
    _link(database, claim_id, report)
    _propose(database, claim_id, report)  # proposed, not published: the deletion is allowed
    with pytest.raises(SourceInUseError, match="Unlink it from them first"), database.session() as session:
        delete_source(session, source_id=report, reviewer="bo", expected_version=1)
    with database.session() as session:
        kept = delete_source(session, source_id=report, reviewer="bo", expected_version=1, record_links=True)
    assert [(link["claim_id"], link["cited_by_proposed_verdict"]) for link in kept["links_in_force"]] == [
        (claim_id, True)
    ]
    with database.session() as session:
        assert session.get(SourceRow, report) is None
        assert session.scalar(select(func.count(FigureRow.id)).where(FigureRow.source_id == report)) == 0
        assert session.scalar(select(func.count(EvidenceRow.id))) == 0
        row = session.scalars(select(SourceChangeRow).where(SourceChangeRow.source_id == report)).one()
        with pytest.raises(NotFoundError, match="was deleted by bo"):
            load_source_view(session, report)
    assert (row.field, row.before["title"], row.before["links_in_force"][0]["stance"]) == (
        "deleted", "Forum report", "supports"
    )  # fmt: skip


def test_a_proposal_citing_a_source_deleted_since_is_not_published(database):
    claim_id, report, _ = _ids(database)
    _link(database, claim_id, report)
    version = _propose(database, claim_id, report)  # proposed: deleting its source is allowed (recorded)
    with database.session() as session:
        delete_source(session, source_id=report, reviewer="bo", expected_version=1, record_links=True)
    with (
        pytest.raises(InputError, match=rf"rests on source #{report}, deleted from the library since"),
        database.session() as session,
    ):
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=version)
    with database.session() as session:
        states = session.scalars(select(VerdictRow.state).where(VerdictRow.claim_id == claim_id)).all()
        assert states == ["proposed"] and session.get(ClaimRow, claim_id).status == "proposed"


def test_an_unlinked_source_is_deleted_and_its_old_links_stay_in_its_history(database):
    claim_id, _, note = _ids(database)
    _link(database, claim_id, note)
    with database.session() as session:
        unlink_evidence(session, claim_id=claim_id, source_id=note, reviewer="ana")
    with pytest.raises(StaleSourceError), database.session() as session:
        delete_source(session, source_id=note, reviewer="bo", expected_version=7)
    with database.session() as session:
        kept = delete_source(session, source_id=note, reviewer="bo", expected_version=1)
    assert kept["links_in_force"] == [] and [e["action"] for e in kept["link_history"]] == ["link", "unlink"]
    with database.session() as session:
        assert session.get(SourceRow, note) is None


def test_a_figure_correction_keeps_the_engine_reading_and_enters_the_source_history(database):
    _, report, _ = _ids(database)
    with database.session() as session:
        figure = session.scalars(select(FigureRow).where(FigureRow.value == 263)).one()
        engine_counted = figure.measured
        changed = correct_source_figure(
            session, figure_id=figure.id, changes={"value": "265", "counted": "manufacturers"}, reviewer="bo"
        )
    assert changed == {"value": 265.0, "counted": "manufacturers"}
    with database.session() as session:
        view = load_source_view(session, report)
    corrected = next(f for f in view.figures if f.id == figure.id)
    assert corrected.reading["value"] == 265.0 and corrected.original["value"] == 263.0
    assert corrected.original["counted"] == engine_counted and view.version == 2
    assert list(view.history["change"]) == [f"figure #{figure.id}"]


def test_a_fetched_source_keeps_its_archived_copy(database):
    copy = ArchivedCopy(
        dt.datetime(2026, 12, 5, 7, 0, tzinfo=dt.UTC), "https://example.org/final", "ab" * 32, 1234
    )
    with database.session() as session:
        saved = save_library_sources(session, [Source("Fetched", text=TEXT)], reviewer="ana", archived=[copy])
    with database.session() as session:
        view = load_source_view(session, saved.ids[0])
    assert view.archived is not None
    assert (view.archived.url, view.archived.sha256, view.archived.size) == (copy.url, copy.sha256, 1234)
    assert view.archived.fetched_at.replace(tzinfo=dt.UTC) == copy.fetched_at
