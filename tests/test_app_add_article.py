"""Add article through AppTest on real SQLite files: a page fetched from its address pre-fills the form,
a refused page says why and stores nothing, and an article in another language is stored with a warning."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.article_site import serve_article_site
from workbench.commands.cli import main as workbench_cli
from workbench.desk.fetching import PRIVATE_SETTING
from workbench.storage.articles import article_claims, list_articles
from workbench.storage.database import open_database

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")


@pytest.fixture
def empty_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init"]) == 0
    return sqlite_url


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_article_site() as base:
        yield base


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/check_article.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _fetch(at: AppTest, url: str) -> AppTest:
    at.text_input(key="ingest.fetch_url").input(url)
    at.button(key="ingest.fetch_submit").click().run()
    assert not at.exception, at.exception
    return at


def _articles(url: str):
    with open_database(url).session() as session:
        return [(a, article_claims(session, a.id)) for a in list_articles(session)]


def test_a_fetched_page_fills_the_form_and_its_claims_are_extracted(empty_db, site, monkeypatch):
    monkeypatch.setenv(PRIVATE_SETTING, "1")  # the test site is on 127.0.0.1
    at = _fetch(_page(), f"{site}/news-article.html")
    assert at.success[0].value.startswith("Fetched 6")  # words, then the address
    assert (
        at.text_input(key="ingest.title").value == "Ukraine says it signed dozens of arms co-production deals"
    )
    assert at.text_input(key="ingest.outlet").value == "The Example Post"
    assert at.text_input(key="ingest.url").value == f"{site}/news-article.html"
    assert at.date_input(key="ingest.published").value == date(2023, 12, 16)
    assert "tripled in 2023" in at.text_area(key="ingest.text").value
    assert _articles(empty_db) == []  # fetching stores nothing; the reviewer checks, then extracts
    at.button(key="ingest.submit").click().run()
    assert "Stored article #1 (en)" in at.success[0].value
    ((article, claims),) = _articles(empty_db)
    assert article.url == f"{site}/news-article.html" and article.published == date(2023, 12, 16)
    assert any("tripled in 2023" in c.text for c in claims)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/report.pdf", "not HTML"),
        ("/huge.html", "larger than 5 MB"),
        ("/workbench-no-text.html", "no main text"),
    ],
)
def test_a_page_that_is_not_an_article_is_refused_and_the_form_kept(
    empty_db, site, monkeypatch, path, message
):
    monkeypatch.setenv(PRIVATE_SETTING, "1")
    at = _fetch(_page(), f"{site}/news-article.html")  # a first page fills the form
    at = _fetch(at, f"{site}{path}")
    assert at.error[0].value.startswith("Nothing was fetched:") and message in at.error[0].value
    assert not at.success  # the first fetch's message is gone: it does not describe this one
    assert at.text_input(key="ingest.title").value.startswith("Ukraine says")  # the form as it was
    assert "tripled in 2023" in at.text_area(key="ingest.text").value
    assert _articles(empty_db) == []


def test_an_address_on_the_local_network_is_refused(empty_db, site, monkeypatch):
    monkeypatch.delenv(PRIVATE_SETTING, raising=False)
    at = _fetch(_page(), f"{site}/news-article.html")
    assert "address on this machine or its local network" in at.error[0].value
    assert _articles(empty_db) == []


def test_a_spanish_article_is_stored_with_a_warning_and_no_claims(empty_db):
    at = _page()
    at.text_area(key="ingest.text").input(
        "La Junta anunció que el gasto sanitario creció un 12 % en 2023, hasta 1.200 millones de euros, "
        "aunque los médicos denuncian que las listas de espera se han duplicado."
    )
    at.button(key="ingest.submit").click().run()
    assert not at.exception and not at.success
    assert at.warning[0].value.startswith(
        "Stored article #1 without claims. This article looks Spanish (es)."
    )
    ((article, claims),) = _articles(empty_db)
    assert (article.lang, claims) == ("es", [])
    at.switch_page("app_pages/review_claims.py").run()  # the article's own page says it too, with its text
    assert at.warning[0].value.startswith("This article looks Spanish (es).")
    assert any("listas de espera" in m.value for m in at.markdown if "article-text" in m.value)


def test_an_encoded_image_in_the_text_gives_no_claim_and_the_reviewer_is_told(empty_db):
    image = "data:image/png;base64," + base64.b64encode(bytes(range(256)) * 12).decode()
    text = (
        f"Unemployment rose to 10 percent in 2009.\n{image}\nWages fell 3 percent last year, officials said."
    )
    at = _page()
    at.text_area(key="ingest.text").input(text)
    at.button(key="ingest.submit").click().run()
    assert not at.exception
    assert at.success[0].value == "Stored article #1 (en) with 2 claims."
    assert at.info[0].value.startswith(
        f"1 run of characters without a space ({len(image):,} characters, the first"
    )
    ((article, claims),) = _articles(empty_db)
    assert article.text == text  # stored as given
    assert [c.text for c in claims] == [
        "Unemployment rose to 10 percent in 2009.",
        "Wages fell 3 percent last year, officials said.",
    ]


def test_a_mis_encoded_paste_is_repaired_and_the_reviewer_told(empty_db):
    text = "La production a triplé en 2023 et devrait être multipliée par six en 2024, selon le ministère."
    at = _page()
    at.text_area(key="ingest.text").input(text.encode("utf-8").decode("cp1252"))
    at.button(key="ingest.submit").click().run()
    assert not at.exception
    assert at.success[0].value == "Stored article #1 (fr) with 2 claims."
    assert at.info[0].value.startswith('The text was mis-encoded (such as "Ã©" for "é") and was repaired')
    ((article, claims),) = _articles(empty_db)
    assert article.text == text
    assert [c.modality for c in claims] == ["reported", "forecast"]
