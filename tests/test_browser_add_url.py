"""Add article from its address in Chromium: a page served on 127.0.0.1 is fetched, its claims extracted
and shown; a Spanish text is stored with the warning that no claims were read from it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support import server as server_support
from tests.support.article_site import serve_article_site
from tests.support.browser import click, wait_idle
from workbench.desk.fetching import PRIVATE_SETTING

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_article_site() as base:
        yield base


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[server_support.ServedApp]:
    """The app on an empty database, allowed to fetch from this machine (the test site is on 127.0.0.1)."""
    folder = tmp_path_factory.mktemp("add-url")
    database_url = f"sqlite:///{folder / 'app.db'}"
    server_support.init_database(database_url, demo=False)
    served = server_support.start_app(
        database_url=database_url, log_path=folder / "app.log", extra_env={PRIVATE_SETTING: "1"}
    )
    yield served
    server_support.stop_app(served)


def _add_article_page(page: Page, app) -> None:
    page.goto(app.url)
    wait_idle(page)
    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name="Add article"))
    expect(page.get_by_role("heading", name="Add an article", level=1)).to_be_visible()


def test_an_article_fetched_from_its_address_shows_its_claims(app, site, page: Page):
    _add_article_page(page, app)
    page.get_by_label("Article address (http or https)").fill(f"{site}/news-article.html")
    click(page, page.get_by_role("button", name="Fetch the page"))
    expect(page.get_by_text(re.compile(r"Fetched \d+ words from .*/news-article\.html"))).to_be_visible()
    expect(page.get_by_label("Title", exact=True)).to_have_value(
        "Ukraine says it signed dozens of arms co-production deals"
    )
    expect(page.get_by_label("Outlet", exact=True)).to_have_value("The Example Post")
    date = page.get_by_role("group", name="Publication date")
    for part, value in (("year", "2023"), ("month", "12"), ("day", "16")):
        expect(date.get_by_role("spinbutton", name=f"{part}, Publication date")).to_have_text(value)
    expect(page.get_by_label("Article text")).to_have_value(re.compile("tripled in 2023"))

    click(page, page.get_by_role("button", name="Extract claims"))
    expect(page.get_by_text(re.compile(r"Stored article #1 \(en\) with [1-9]\d* claims"))).to_be_visible()
    claims = page.get_by_test_id("stDataFrame").first
    expect(claims).to_be_visible()
    DOCS.mkdir(exist_ok=True)
    wait_idle(page)
    page.screenshot(path=DOCS / "add-from-url.png", full_page=True)


def test_a_refused_page_says_why_and_a_spanish_text_is_stored_with_a_warning(app, site, page: Page):
    _add_article_page(page, app)
    page.get_by_label("Article address (http or https)").fill(f"{site}/report.pdf")
    click(page, page.get_by_role("button", name="Fetch the page"))
    expect(page.get_by_text(re.compile(r"Nothing was fetched: .*application/pdf, not HTML"))).to_be_visible()

    page.get_by_label("Article text").fill(
        "El consejero aseguró que las urgencias atendieron un 15 % más de pacientes en 2023, aunque el "
        "sindicato de enfermería sostiene que la plantilla se ha reducido a la mitad desde 2019."
    )
    click(page, page.get_by_role("button", name="Extract claims"))
    expect(
        page.get_by_text(re.compile(r"Stored article #\d+ without claims\. This article looks Spanish"))
    ).to_be_visible()
    expect(page.get_by_text(re.compile(r"Stored article #\d+ \(es\)"))).to_have_count(0)
