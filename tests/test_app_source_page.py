"""The source page through AppTest on real SQLite files: open a source from the page or its link, read
its text, figures and links, correct a figure, edit it, and delete it (refused when a published verdict
cites it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sources.models import Source
from tests.support.source_desk import cite_in_published_verdict, source_id_titled
from workbench.commands.cli import main as workbench_cli
from workbench.desk.source_intake import save_library_sources
from workbench.storage.database import open_database
from workbench.storage.evidence import link_evidence
from workbench.storage.schema import ClaimRow, EvidenceRow, FigureRow, SourceChangeRow, SourceRow
from workbench.storage.source_edits import ArchivedCopy

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _open(source_id: int, *, query: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.sidebar.text_input(key="reviewer").input("Ana").run()
    if query:
        at.query_params["source"] = str(source_id)
    at.switch_page("app_pages/source_library.py")
    at.run()
    if not query:
        at.number_input(key="source.open").set_value(source_id).run()
    assert not at.exception, at.exception
    return at


def _frame(at: AppTest, column: str):
    """The displayed table that has ``column`` (AppTest does not expose a table's key)."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def _messages(at: AppTest) -> list[str]:
    return [m.value for m in (*at.error, *at.success, *at.warning)]


def _row(url: str, model, ident: int):
    with open_database(url).session() as session:
        row = session.get(model, ident)
        if row is not None:
            session.expunge(row)
        return row


def test_a_source_opens_from_its_link_with_text_figures_and_published_links(demo_db):
    source_id = source_id_titled(demo_db, "forum attendance")
    claim_id = cite_in_published_verdict(demo_db, source_id)
    at = _open(source_id, query=True)
    assert at.number_input(key="source.open").value == source_id
    assert any(m.value.startswith(f"### #{source_id} ") for m in at.markdown)
    assert any("263" in t.value for t in at.text)  # the source's text
    figures = _frame(at, "engine read")
    assert 263.0 in list(figures["value"])
    links = _frame(at, "verdict status")
    assert list(links["claim"]) == [claim_id] and list(links["verdict status"]) == ["published"]
    assert bool(links["cited by the verdict"].iloc[0])


def test_a_figure_corrected_and_a_title_edited_enter_the_history(demo_db):
    source_id = source_id_titled(demo_db, "forum attendance")
    at = _open(source_id)
    figure_id = at.selectbox(key=f"figure_edit.{source_id}.figure").value
    at.text_input(key=f"figure_edit.{figure_id}.value").input("265")
    at.button(key=f"figure_edit.{figure_id}.save").click().run()
    assert any(f"Figure #{figure_id} corrected: value" in m for m in _messages(at)), _messages(at)
    figure = _row(demo_db, FigureRow, figure_id)
    assert figure.value == 265.0 and figure.original["value"] != 265.0  # the engine's reading kept
    assert any("the engine read" in i.value for i in at.info)

    version = _row(demo_db, SourceRow, source_id).version
    at.text_input(key=f"source_page.{source_id}.v{version}.title").input("Forum attendance, final count")
    at.button(key=f"FormSubmitter:source_page.{source_id}.v{version}.form-Save changes").click().run()
    assert any("saved: title changed" in m for m in _messages(at)), _messages(at)
    assert _row(demo_db, SourceRow, source_id).title == "Forum attendance, final count"
    history = _frame(at, "change")
    assert list(history["change"]) == [f"figure #{figure_id}", "title"]
    assert history["after"].iloc[1] == "Forum attendance, final count"


def test_a_bad_url_is_refused_and_the_source_stays_as_it_was(demo_db):
    source_id = source_id_titled(demo_db, "forum attendance")
    at = _open(source_id)
    before = _row(demo_db, SourceRow, source_id)
    at.text_input(key=f"source_page.{source_id}.v1.url").input("javascript:alert(1)")
    at.button(key=f"FormSubmitter:source_page.{source_id}.v1.form-Save changes").click().run()
    assert any("javascript" in m and "is not an http" in m for m in at.error.values), _messages(at)
    after = _row(demo_db, SourceRow, source_id)
    assert (after.url, after.version) == (before.url, before.version)
    assert at.text_input(key=f"source_page.{source_id}.v1.url").value == "javascript:alert(1)"  # kept to fix


def test_deleting_a_source_a_published_verdict_cites_is_refused_with_the_verdict_named(demo_db):
    source_id = source_id_titled(demo_db, "forum attendance")
    claim_id = cite_in_published_verdict(demo_db, source_id, rating="False")
    at = _open(source_id)
    at.button(key=f"source_page.{source_id}.delete").click().run()
    (error,) = at.error.values
    assert f"claim #{claim_id}'s verdict “False” (published by ed" in error and "nothing was deleted" in error
    assert _row(demo_db, SourceRow, source_id) is not None
    with open_database(demo_db).session() as session:
        assert session.query(EvidenceRow).filter_by(source_id=source_id).count() == 1
        assert session.query(SourceChangeRow).filter_by(source_id=source_id).count() == 0


def test_an_unlinked_source_is_deleted_and_its_page_then_says_so(demo_db):
    source_id = source_id_titled(demo_db, "forum attendance")
    at = _open(source_id)
    at.button(key=f"source_page.{source_id}.delete").click().run()
    assert any(f"Source #{source_id} “" in m and "was deleted" in m for m in at.success.values), _messages(at)
    assert _row(demo_db, SourceRow, source_id) is None
    assert any("was deleted by Ana" in w for w in at.warning.values)
    gone = _frame(at, "change")
    assert list(gone["change"]) == ["deleted"]


def test_a_fetched_source_shows_its_archived_copy(demo_db):
    copy = ArchivedCopy(
        dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC), "https://example.org/final", "c0" * 32, 2048
    )
    with open_database(demo_db).session() as session:
        source = Source("Fetched report", text="The register lists 263 firms.")
        (source_id,) = save_library_sources(session, [source], reviewer="Ana", archived=[copy]).ids
    at = _open(source_id)
    (shown,) = [i.value for i in at.info if "Archived copy" in i.value]
    assert "2026-12-01 09:30 UTC" in shown and "c0" * 32 in shown and "2,048 bytes" in shown
    assert "example.org/final" in shown


def test_a_linked_source_is_deleted_once_its_links_are_to_be_recorded(demo_db):
    source_id = source_id_titled(demo_db, "forum attendance")
    with open_database(demo_db).session() as session:
        claim_id = session.query(ClaimRow.id).order_by(ClaimRow.id).first()[0]
        link_evidence(session, claim_id=claim_id, source_id=source_id, stance="supports", reviewer="Ana")
    at = _open(source_id)
    at.button(key=f"source_page.{source_id}.delete").click().run()
    assert any("Unlink it from them first" in e for e in at.error.values), _messages(at)
    assert _row(demo_db, SourceRow, source_id) is not None
    at.checkbox(key=f"source_page.{source_id}.record_links").check().run()
    at.button(key=f"source_page.{source_id}.delete").click().run()
    assert any("1 link(s) are recorded in its history" in m for m in at.success.values), _messages(at)
    with open_database(demo_db).session() as session:
        (change,) = session.query(SourceChangeRow).filter_by(source_id=source_id).all()
        assert change.before["links_in_force"][0]["claim_id"] == claim_id
        assert session.query(EvidenceRow).filter_by(source_id=source_id).count() == 0
