"""Publishing in Chromium, in sign-in mode, two editors in two browsers: with the desk's "publishing needs a
second person" on, the editor who proposed a verdict is refused when publishing it; the second editor finds
it under the Queue's "Waiting to publish" switch, publishes it, and the switch empties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from tests.support import browser as browser_support
from tests.support.browser import choose_option, click, wait_idle, whole_page_screenshot
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow, VerdictRow
from workbench.storage.users import add_user

DOCS = Path(__file__).resolve().parents[1] / "docs"
PASSWORD = "correct horse battery"
USERS = (("ed", "editor", "Ed Editor"), ("eve", "editor", "Eve Editor"))


@pytest.fixture(scope="module")
def desk_app(serve_app):
    """The demo database served in sign-in mode with two editors."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_AUTH", "password")  # the server copies the environment when it starts
        served = serve_app(demo=True)
    database = open_database(served.database_url, migrate=False)
    with database.session() as session:
        for username, role, name in USERS:
            add_user(session, username=username, password=PASSWORD, role=role, display_name=name)
    database.engine.dispose()
    return served


def _sign_in(page: Page, url: str, username: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    wait_idle(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    click(page, page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()


def _open_page(page: Page, title: str, heading: str) -> None:
    """Open a page from the sidebar's navigation, as a reviewer does."""
    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name=title))
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


def _forum_claim(database_url: str) -> int:
    with open_database(database_url, migrate=False).session() as session:
        return session.scalar(select(ClaimRow.id).where(ClaimRow.text.contains("plus de 250")))


def test_the_proposer_cannot_publish_and_a_second_editor_publishes_from_the_waiting_queue(
    desk_app, page: Page, browser: Browser
):
    claim_id = _forum_claim(desk_app.database_url)
    claim_url = f"{desk_app.url}/?claim={claim_id}"

    # Ed turns the rule on in the Desk settings
    _sign_in(page, desk_app.url, "ed")
    _open_page(page, "Desk settings", "Desk settings")
    click(page, page.get_by_text("Publishing needs a second person"))
    expect(page.get_by_text(re.compile("^Publishing now needs a second person"))).to_be_visible()

    # Ed proposes a verdict, then cannot publish it himself
    _sign_in(page, claim_url, "ed")  # a new page load is a new session: signed in again
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()
    choose_option(page, "Rating", "Mostly true")
    page.get_by_label("Rationale").fill("263 manufacturers registered, not all of them Western.")
    click(page, page.get_by_role("button", name="Propose verdict"))
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Proposed: Mostly true \(by ed\)"))).to_be_visible()
    expect(
        page.get_by_text("You proposed this verdict: the desk asks a second person to publish it.")
    ).to_be_visible()
    click(page, page.get_by_role("button", name="Publish “Mostly true”"))
    refusal = page.get_by_text(re.compile(r"^You \(Ed Editor\) proposed this verdict"))
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("Nothing was published")

    # Eve, in a second browser: the Queue's switch shows the one claim waiting, she publishes it
    editor_context = browser_support.new_context(browser)
    try:
        editor = browser_support.open_page(editor_context)
        _sign_in(editor, desk_app.url, "eve")
        _open_page(editor, "Queue", "Review queue")
        click(editor, editor.get_by_text("Waiting to publish (1)"))
        expect(editor.get_by_text(re.compile(r"^1 claims match · page 1 of 1"))).to_be_visible()
        whole_page_screenshot(editor, DOCS / "publishing-queue.png")

        _sign_in(editor, claim_url, "eve")
        expect(
            editor.get_by_text("The desk asks a second person to publish: not the one who proposed it.")
        ).to_be_visible()
        click(editor, editor.get_by_role("button", name="Publish “Mostly true”"))
        expect(editor.get_by_text("Published.", exact=True)).to_be_visible()
        expect(editor.get_by_text(re.compile(r"^Published: Mostly true \(by eve,"))).to_be_visible()

        _open_page(editor, "Queue", "Review queue")
        click(editor, editor.get_by_text("Waiting to publish (0)"))
        expect(editor.get_by_text(re.compile(r"^0 claims match"))).to_be_visible()
    finally:
        editor_context.close()

    with open_database(desk_app.database_url, migrate=False).session() as session:
        rows = session.scalars(
            select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id)
        )
        history = [(v.state, v.rating, v.reviewer, v.published_by) for v in rows]
        status = session.scalar(select(ClaimRow.status).where(ClaimRow.id == claim_id))
    assert history == [("proposed", "Mostly true", "ed", None), ("published", "Mostly true", "ed", "eve")]
    assert status == "published"
