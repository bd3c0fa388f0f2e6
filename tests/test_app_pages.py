"""Page logic through Streamlit's AppTest on real SQLite files: every page, the ingest flow, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.review_page import panel_key, shown_claim
from workbench.commands.cli import main as workbench_cli
from workbench.storage.articles import list_articles
from workbench.storage.database import open_database
from workbench.storage.verdicts import get_claim

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
PAGES = ("app_pages/check_article.py", "app_pages/review_claims.py", "app_pages/source_library.py",
         "app_pages/export_verdicts.py")  # fmt: skip
SEED = (Path(__file__).parent / "data" / "ukraine-defence-industry-fr.txt").read_text(encoding="utf-8")


@pytest.fixture
def empty_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init"]) == 0
    return sqlite_url


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _page(path: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception, at.exception
    return at


def _articles(url: str):
    with open_database(url).session() as session:
        return list_articles(session)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_on_an_empty_database(empty_db, path):
    at = _page(path)
    assert at.title[0].value


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_on_the_demo_database(demo_db, path):
    at = _page(path)
    assert at.title[0].value


def test_review_page_highlights_the_demo_claims_from_their_spans(demo_db):
    at = _page("app_pages/review_claims.py")
    article_html = next(m.value for m in at.markdown if 'class="article-text"' in m.value)
    assert article_html.count('<mark class="claim"') >= 5
    assert "plus de 250" in article_html
    assert shown_claim(at) is not None


def test_pasting_the_seed_article_stores_it_with_its_claims(empty_db):
    at = _page("app_pages/check_article.py")
    at.text_area(key="ingest.text").input(SEED)
    at.text_input(key="ingest.title").input("Seed")
    at.button(key="ingest.submit").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Stored article #1 (fr)" in at.success[0].value
    (article,) = _articles(empty_db)
    assert article.title == "Seed" and article.lang == "fr"
    with open_database(empty_db).session() as session:
        from workbench.storage.articles import article_claims

        claims = article_claims(session, article.id)
    texts = " ".join(c.text for c in claims)
    for phrase in ("plus de 250", "triplé", "multipliée par six"):
        assert phrase in texts


def test_the_same_article_twice_is_refused_with_a_pointer(demo_db):
    at = _page("app_pages/check_article.py")
    at.text_area(key="ingest.text").input(SEED)
    at.button(key="ingest.submit").click().run()
    assert "already stored as article #1" in at.error[0].value
    assert len(_articles(demo_db)) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   \n  ", "The article text is empty"),
        ("Le chiffre <script>alert(1)</script> a triplé en 2023.", "contains HTML or script markup"),
    ],
)
def test_bad_article_text_gets_a_message_and_stores_nothing(empty_db, text, message):
    at = _page("app_pages/check_article.py")
    at.text_area(key="ingest.text").input(text)
    at.button(key="ingest.submit").click().run()
    assert not at.exception
    assert message in at.error[0].value
    assert _articles(empty_db) == []


def _review_with_reviewer(name: str) -> AppTest:
    at = _page("app_pages/review_claims.py")
    at.sidebar.text_input(key="reviewer").input(name).run()
    return at


def test_a_verdict_is_saved_with_the_reviewer_from_the_sidebar(demo_db):
    at = _review_with_reviewer("Ana")
    claim_id = shown_claim(at)
    at.selectbox(key=panel_key(at, "verdict.rating")).select("Misleading")
    at.text_area(key=panel_key(at, "verdict.rationale")).input(
        "The forum had 250 foreign firms, not all Western."
    )
    at.button(key="verdict.submit").click().run()
    assert not at.exception and at.success[0].value == "Saved."
    with open_database(demo_db).session() as session:
        claim = get_claim(session, claim_id)
    assert (claim.verdict.rating, claim.verdict.reviewer, claim.status) == ("Misleading", "Ana", "proposed")


def test_saving_without_a_name_or_with_markup_in_the_rationale_is_refused(demo_db):
    at = _page("app_pages/review_claims.py")
    claim_id = shown_claim(at)
    at.text_area(key=panel_key(at, "verdict.rationale")).input("fine")
    at.button(key="verdict.submit").click().run()
    assert "Type your name in the sidebar" in at.error[0].value
    at.sidebar.text_input(key="reviewer").input("Ana").run()
    at.text_area(key=panel_key(at, "verdict.rationale")).input('<img src=x onerror="alert(1)">')
    at.button(key="verdict.submit").click().run()
    assert "markup" in at.error[0].value
    with open_database(demo_db).session() as session:
        assert get_claim(session, claim_id).verdicts == ()


def test_the_second_of_two_reviewers_saving_the_same_claim_is_refused(demo_db):
    first, second = _review_with_reviewer("Ana"), _review_with_reviewer("Ben")
    claim_id = shown_claim(first)
    assert shown_claim(second) == claim_id
    for at, rating in ((first, "True"), (second, "False")):
        at.selectbox(key=panel_key(at, "verdict.rating")).select(rating)
        at.text_area(key=panel_key(at, "verdict.rationale")).input(f"{rating} because")
        at.button(key="verdict.submit").click().run()
    assert first.success[0].value == "Saved."
    assert (
        "changed by someone else" in second.error[0].value and "Ana recorded “True”" in second.error[0].value
    )
    with open_database(demo_db).session() as session:
        assert [v.rating for v in get_claim(session, claim_id).verdicts] == ["True"]


def test_linking_a_demo_source_shows_it_as_evidence(demo_db):
    at = _review_with_reviewer("Ana")
    at.text_input(key=panel_key(at, "link.quote")).input("263 foreign manufacturers registered")
    at.button(key="link.submit").click().run()
    assert not at.exception and at.success[0].value == "Source linked."
    assert any("supports" in m.value and "Example" in m.value for m in at.markdown)


def test_export_page_offers_the_verdict_csv(demo_db):
    at = _page("app_pages/export_verdicts.py")
    assert not at.exception
    assert any("Download verdicts CSV" in str(b.proto) for b in at.get("download_button"))
