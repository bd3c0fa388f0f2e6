"""The Review page and the claim panel through AppTest: links that open a claim, next/previous,
corrections with their history, split, set aside, assign, and bad input refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.review_page import panel_key, shown_claim
from workbench.commands.cli import main as workbench_cli
from workbench.storage.articles import article_claims, list_articles
from workbench.storage.claim_edits import claim_history
from workbench.storage.database import open_database
from workbench.storage.schema import VerdictRow
from workbench.storage.verdicts import get_claim
from workbench.storage.versioning import replacement_of
from workbench.ui.url_state import SELECTED_CLAIM

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _claims(url: str):
    with open_database(url).session() as session:
        (article,) = list_articles(session)
        return article_claims(session, article.id)


def _review(*, name: str | None = "Ana", **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    if name:
        at.sidebar.text_input(key="reviewer").input(name).run()
    return at


def _messages(at: AppTest) -> list[str]:
    return [m.value for m in (*at.error, *at.success, *at.warning)]


def test_a_link_opens_its_claim_and_an_unknown_claim_says_not_found(demo_db):
    claims = _claims(demo_db)
    third = claims[2]
    at = _review(claim=str(third.id))
    assert shown_claim(at) == third.id
    assert at.query_params["claim"] == [str(third.id)] or at.query_params["claim"] == str(third.id)
    for wrong, message in (("99999", "Claim #99999 was not found."), ("abc", "claim ids are numbers")):
        at = _review(name=None, claim=wrong)
        assert not at.exception
        assert any(message in e.value for e in at.error), [e.value for e in at.error]
        assert shown_claim(at) == claims[0].id  # the article still opens
    at = _review(name=None, article="4242")
    assert any("Article #4242 was not found." in e.value for e in at.error)


def test_next_and_previous_move_through_the_claims_in_reading_order(demo_db):
    ids = [c.id for c in _claims(demo_db)]
    at = _review()
    assert at.button(key="review.previous").disabled
    at.button(key="review.next").click().run()
    at.button(key="review.next").click().run()
    assert shown_claim(at) == ids[2]
    at.button(key="review.previous").click().run()
    assert shown_claim(at) == ids[1]
    assert any(f"Claim 2 of {len(ids)}" in c.value for c in at.caption)


def test_article_view_emphasises_the_figures_inside_claims(demo_db):
    at = _review()
    article_html = next(m.value for m in at.markdown if 'class="article-text"' in m.value)
    assert '<strong class="figure">plus de 250</strong>' in article_html


def _open_claim_with_figure(demo_db):
    claim = next(c for c in _claims(demo_db) if c.statistics)
    return claim, _review(claim=str(claim.id))


def test_correcting_a_figure_in_the_panel_is_stored_shown_and_in_the_history(demo_db):
    claim, at = _open_claim_with_figure(demo_db)
    stat = claim.statistics[0]
    at.text_input(key=f"edit.{claim.id}.stat.{stat.id}.value").input("263")
    at.button(key=f"edit.{claim.id}.stat.{stat.id}.save").click().run()
    assert not at.exception and "Correction saved." in _messages(at), _messages(at)
    note = f"corrected by Ana; the engine read {stat.reading}"
    shown = [m.value.replace("\\", "") for m in at.markdown]  # Markdown escapes undone, as read
    assert any(note in m and "263" in m.split("—")[0] for m in shown), shown
    history = next(df.value for df in at.dataframe if "who" in df.value.columns)
    assert history.iloc[0]["who"] == "Ana" and '"value": 263.0' in history.iloc[0]["after"]
    with open_database(demo_db).session() as session:
        stored = next(s for s in get_claim(session, claim.id).statistics if s.id == stat.id)
    assert stored.value == 263 and stored.original["value"] == stat.value


@pytest.mark.parametrize(
    ("value", "message"),
    [("<script>alert('x')</script>", "markup"), ("x" * 300, "the limit is 200")],
)
def test_bad_corrections_are_refused_with_a_message_and_nothing_changes(demo_db, value, message):
    claim, at = _open_claim_with_figure(demo_db)
    stat = claim.statistics[0]
    at.text_input(key=f"edit.{claim.id}.stat.{stat.id}.counted").input(value)
    at.button(key=f"edit.{claim.id}.stat.{stat.id}.save").click().run()
    assert not at.exception and any(message in e.value for e in at.error), _messages(at)
    with open_database(demo_db).session() as session:
        assert get_claim(session, claim.id).version == claim.version
        assert claim_history(session, claim.id) == []


def test_saving_without_a_reviewer_name_is_refused(demo_db):
    claim = next(c for c in _claims(demo_db) if c.statistics)
    at = _review(name=None, claim=str(claim.id))
    at.text_input(key=f"edit.{claim.id}.assignee").input("ben")
    at.button(key=f"edit.{claim.id}.assignee.save").click().run()
    assert any("Reviewer" in e.value for e in at.error), _messages(at)


def test_set_aside_assign_and_split_from_the_panel(demo_db):
    claim, at = _open_claim_with_figure(demo_db)
    at.text_input(key=f"edit.{claim.id}.reason").input("Background figure, already checked last week")
    at.button(key=f"edit.{claim.id}.reason.save").click().run()
    assert "Marked not check-worthy." in _messages(at)
    at.text_input(key=f"edit.{claim.id}.assignee").input("Ben")
    at.button(key=f"edit.{claim.id}.assignee.save").click().run()
    assert "Assignment saved." in _messages(at)
    assert any(c.value == "Assigned to Ben" for c in at.caption)
    before = len(_claims(demo_db))
    at.button(key=f"edit.{claim.id}.split.save").click().run()
    assert not at.exception and (
        "Claim split in two." in _messages(at) or any("figure" in e.value for e in at.error)
    )
    if "Claim split in two." in _messages(at):
        assert len(_claims(demo_db)) == before + 1
        assert shown_claim(at) != claim.id
    with open_database(demo_db).session() as session:
        stored = get_claim(session, claim.id)
    assert stored.assignee == "Ben" and stored.status == "not check-worthy"


def test_a_stale_panel_save_is_refused_with_the_other_change(demo_db):
    claim, at = _open_claim_with_figure(demo_db)
    other = _review(name="Ben", claim=str(claim.id))
    other.text_input(key=f"edit.{claim.id}.assignee").input("Ben")
    other.button(key=f"edit.{claim.id}.assignee.save").click().run()
    assert "Assignment saved." in _messages(other)
    at.text_input(key=f"edit.{claim.id}.assignee").input("Ana")
    at.button(key=f"edit.{claim.id}.assignee.save").click().run()
    assert any("changed by someone else" in e.value and "Ben changed assignee" in e.value for e in at.error)
    with open_database(demo_db).session() as session:
        assert get_claim(session, claim.id).assignee == "Ben"


def test_merging_two_claims_from_the_panel_opens_the_merged_claim(demo_db):
    first, second, *_ = _claims(demo_db)
    at = _review(claim=str(first.id))
    at.selectbox(key=f"edit.{first.id}.merge").select(second.id)
    at.button(key=f"edit.{first.id}.merge.save").click().run()
    assert not at.exception and "Claims merged." in _messages(at), _messages(at)
    live = {c.id for c in _claims(demo_db)}
    merged = shown_claim(at)
    assert merged in live and first.id not in live and second.id not in live
    history = next(df.value for df in at.dataframe if "who" in df.value.columns)
    assert history.iloc[0]["what"] == "created" and str(first.id) in history.iloc[0]["after"]


def _second_article(url: str) -> list:
    """Store the English seed article as a second article; its claims."""
    from workbench.desk.article_intake import add_article
    from workbench.desk.ingest import prepare_article

    text = (Path(__file__).parent / "data" / "ukraine-defence-industry-en.txt").read_text(encoding="utf-8")
    with open_database(url).session() as session:
        article_id = add_article(session, prepare_article(text, title="Second"))
        return article_claims(session, article_id)


def test_a_claim_of_another_article_in_the_url_opens_its_own_article_and_says_so(demo_db):
    first_article_claim = _claims(demo_db)[0]
    other = _second_article(demo_db)[2]
    at = _review(name=None, article=str(first_article_claim.article_id), claim=str(other.id))
    assert any(
        f"Claim #{other.id} belongs to article #{other.article_id}, not article #1" in e.value
        for e in at.error
    ), _messages(at)
    assert shown_claim(at) == other.id


def test_a_form_drawn_for_one_claim_never_saves_on_another(demo_db):
    first, second, *_ = _claims(demo_db)
    at = _review(claim=str(first.id))
    at.text_input(key=f"edit.{first.id}.assignee").input("Ana")
    at.session_state[SELECTED_CLAIM] = second.id  # the selection moved before the click arrived
    at.button(key=f"edit.{first.id}.assignee.save").click().run()
    assert any(
        f"That form belonged to claim #{first.id}, but the panel had moved to claim #{second.id}" in e.value
        for e in at.error
    ), _messages(at)
    with open_database(demo_db).session() as session:
        assert get_claim(session, first.id).assignee is None
        assert get_claim(session, second.id).assignee is None
        assert claim_history(session, first.id) == claim_history(session, second.id) == []


@pytest.mark.parametrize("change", ["split", "merge"])
def test_a_save_on_a_claim_split_or_merged_in_another_tab_is_refused_naming_where_it_went(demo_db, change):
    first, second, *_ = _claims(demo_db)
    at = _review(claim=str(first.id))
    at.selectbox(key=panel_key(at, "verdict.rating")).select("False")
    at.text_area(key=panel_key(at, "verdict.rationale")).input("Typed before the other tab's change.")
    other = _review(name="Ben", claim=str(first.id))
    if change == "split":
        other.button(key=f"edit.{first.id}.split.save").click().run()
        assert "Claim split in two." in _messages(other), _messages(other)
    else:
        other.selectbox(key=f"edit.{first.id}.merge").select(second.id)
        other.button(key=f"edit.{first.id}.merge.save").click().run()
        assert "Claims merged." in _messages(other), _messages(other)
    at.button(key="verdict.submit").click().run()
    with open_database(demo_db).session() as session:
        into = replacement_of(session, first.id)
        assert session.query(VerdictRow).count() == 0  # nothing written
    assert into and any(
        f"Claim #{first.id} was split or merged into #{into[0]}" in e.value and "nothing was saved" in e.value
        for e in at.error
    ), _messages(at)


def test_a_link_on_a_deleted_claim_is_refused(demo_db):
    from sqlalchemy import delete

    from workbench.desk.linking import link_source
    from workbench.domain.errors import WorkbenchError
    from workbench.storage.schema import ClaimRow

    claim = _claims(demo_db)[-1]
    with open_database(demo_db).session() as session:
        session.execute(delete(ClaimRow).where(ClaimRow.id == claim.id))
    refused = pytest.raises(WorkbenchError, match=rf"Claim #{claim.id} (was not found|does not exist)")
    with refused, open_database(demo_db).session() as session:
        link_source(
            session, claim_id=claim.id, source_id=1, stance="supports", reviewer="ana", expected_version=1
        )


def test_a_save_that_meets_another_writers_lock_says_busy_and_keeps_nothing(demo_db, monkeypatch):
    """An import in another process holds SQLite's write lock: the save is refused with the busy
    message (no traceback), nothing is written, and the same click succeeds once the lock is gone."""
    import sqlite3

    from sqlalchemy.engine import make_url

    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_S", "0.05")
    claim = _claims(demo_db)[0]
    at = _review(claim=str(claim.id))
    at.selectbox(key=panel_key(at, "verdict.rating")).select("False")
    at.text_area(key=panel_key(at, "verdict.rationale")).input("Checked against the ministry's report.")
    holder = sqlite3.connect(make_url(demo_db).database, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another process's writer, mid-import
    try:
        at.button(key="verdict.submit").click().run()
    finally:
        holder.rollback()
        holder.close()
    assert not at.exception, at.exception
    assert any("busy with another save" in e.value and "nothing was saved" in e.value for e in at.error), (
        _messages(at)
    )
    with open_database(demo_db).session() as session:
        assert session.query(VerdictRow).count() == 0
    at.selectbox(key=panel_key(at, "verdict.rating")).select("False")
    at.text_area(key=panel_key(at, "verdict.rationale")).input("Checked against the ministry's report.")
    at.button(key="verdict.submit").click().run()
    assert not at.error, _messages(at)
    with open_database(demo_db).session() as session:
        assert [v.rationale for v in session.query(VerdictRow)] == ["Checked against the ministry's report."]
