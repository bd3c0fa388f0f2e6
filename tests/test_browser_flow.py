"""The whole review path in headless Chromium against the served app on a temporary SQLite file."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import choose_option, click, sign_reviewer, wait_idle, whole_page_screenshot

SEED = Path(__file__).parent / "data" / "ukraine-defence-industry-fr.txt"
DOCS = Path(__file__).resolve().parents[1] / "docs"


def _nav(page: Page, name: str, heading: str) -> None:
    """Client-side navigation keeps the browser session (and the reviewer's name); wait for the new page."""
    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name=name))
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=False)


def test_ingest_link_verdict_and_export_in_the_browser(app, page: Page, tmp_path):
    page.goto(app.url)
    expect(page.get_by_text("No article yet.")).to_be_visible()
    wait_idle(page)

    _nav(page, "Add article", "Add an article")
    page.get_by_label("Article text").fill(SEED.read_text(encoding="utf-8"))
    page.get_by_label("Title").fill("Ukraine defence industry")
    click(page, page.get_by_role("button", name="Extract claims"))
    expect(page.get_by_text(re.compile(r"Stored article #1 \(fr\) with \d+ claims"))).to_be_visible()

    _nav(page, "Sources", "Sources")
    sign_reviewer(page, "Ana Reviewer")  # saving a source needs a name
    page.get_by_label("Title").fill("Forum attendance list")
    page.get_by_label("URL").fill("https://example.org/forum")
    page.get_by_label("Value").fill("263")
    click(page, page.get_by_role("button", name="Add source"))
    expect(page.get_by_text("Added source #1.")).to_be_visible()

    _nav(page, "Review", "Review claims")
    marks = page.locator("div.article-text mark.claim")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 5
    expect(page.locator("div.article-text mark.claim", has_text="plus de 250")).to_have_count(1)

    choose_option(page, "Claim", "plus de 250")
    expect(page.get_by_role("heading", name=re.compile(r"Claim #\d+"))).to_be_visible()
    page.get_by_label("Quote from the source").fill("263 manufacturers registered")
    click(page, page.get_by_role("button", name="Link source"))
    expect(page.get_by_text("Source linked.")).to_be_visible()
    expect(page.get_by_text("Forum attendance list")).to_be_visible()

    choose_option(page, "Rating", "Mostly true")
    page.get_by_label("Rationale").fill("The attendance list shows 263 manufacturers, not all Western.")
    click(page, page.get_by_role("button", name="Propose verdict"))
    expect(page.get_by_text("Saved.")).to_be_visible()
    expect(page.get_by_text("Mostly true by Ana Reviewer")).to_be_visible()
    click(page, page.get_by_role("button", name="Publish “Mostly true”"))  # single-user mode: also the editor
    expect(page.get_by_text("Published.", exact=True)).to_be_visible()
    DOCS.mkdir(exist_ok=True)
    whole_page_screenshot(page, DOCS / "review-page.png")

    _nav(page, "Export", "Export verdicts")
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("Download verdicts CSV")).click()
    path = tmp_path / "verdicts.csv"
    download_info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert len(rows) >= 5 and {r["article_title"] for r in rows} == {"Ukraine defence industry"}
    (checked,) = [r for r in rows if r["verdict"]]
    assert "plus de 250" in checked["claim"]
    assert checked["verdict"] == "Mostly true" and checked["reviewer"] == "Ana Reviewer"
    assert checked["evidence_urls"] == "https://example.org/forum"
    assert checked["rationale"].startswith("The attendance list")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked["verdict_date"])
