"""Roles in Chromium, in sign-in mode: a reviewer links evidence and proposes a verdict, an editor in a
second browser publishes it, and the reviewer's save on the page they had open is refused."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from tests.support import browser as browser_support
from tests.support.browser import choose_option, click, wait_idle
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow, VerdictRow
from workbench.storage.users import add_user

PASSWORD = "correct horse battery"
USERS = (("ana", "reviewer", "Ana Reviewer"), ("ed", "editor", "Ed Editor"))


@pytest.fixture(scope="module")
def desk_app(serve_app):
    """The demo database served in sign-in mode, with its users (the `users` command line is tested in
    tests/test_workbench_users.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_AUTH", "password")  # the server copies the environment when it starts
        served = serve_app(demo=True)
    database = open_database(served.database_url, migrate=False)
    with database.session() as session:
        for username, role, name in USERS:
            add_user(session, username=username, password=PASSWORD, role=role, display_name=name)
    database.engine.dispose()
    return served


def _forum_claim(database_url: str) -> int:
    with open_database(database_url, migrate=False).session() as session:
        return session.scalar(select(ClaimRow.id).where(ClaimRow.text.contains("plus de 250")))


def _sign_in(page: Page, url: str, username: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Review claims")).to_have_count(0)  # nothing else shows
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    click(page, page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()


def _propose(page: Page, rating: str, rationale: str) -> None:
    choose_option(page, "Rating", rating)
    page.get_by_label("Rationale").fill(rationale)
    click(page, page.get_by_role("button", name="Propose verdict"))


def test_reviewer_proposes_editor_publishes_stale_save_refused(desk_app, page: Page, browser: Browser):
    claim_id = _forum_claim(desk_app.database_url)
    claim_url = f"{desk_app.url}/?claim={claim_id}"

    # the reviewer: signed in, the claim from the URL, no name field and no settings page
    _sign_in(page, claim_url, "ana")
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()
    expect(page.get_by_text("Signed in as Ana Reviewer (reviewer)")).to_be_visible()
    expect(page.get_by_label("Reviewer", exact=True)).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Desk settings")).to_have_count(0)

    page.get_by_label("Quote from the source").fill("263 foreign manufacturers")
    click(page, page.get_by_role("button", name="Link source"))
    expect(page.get_by_text(re.compile(r"^Source linked"))).to_be_visible()

    # bad input is refused with a message and stores nothing
    _propose(page, "Mostly true", "<script>alert('x')</script>")
    expect(page.get_by_text(re.compile("contains HTML or script markup"))).to_be_visible()
    _propose(page, "Mostly true", "x" * 20_001)
    expect(page.get_by_text("The rationale is 20,001 characters long; the limit is 20,000.")).to_be_visible()

    choose_option(page, "Sources it rests on", "#")
    page.keyboard.press("Escape")
    _propose(page, "Mostly true", "263 manufacturers registered, not all of them Western.")
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Proposed: Mostly true \(by ana\)"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
    expect(page.get_by_text("An editor publishes proposed verdicts.")).to_be_visible()

    # the editor, in a second browser: publishes what the reviewer proposed
    editor_context = browser_support.new_context(browser)
    try:
        editor = browser_support.open_page(editor_context)
        _sign_in(editor, claim_url, "ed")
        expect(editor.get_by_text("Signed in as Ed Editor (editor)")).to_be_visible()
        click(editor, editor.get_by_role("button", name="Publish “Mostly true”"))
        expect(editor.get_by_text("Published.", exact=True)).to_be_visible()
        expect(editor.get_by_text(re.compile(r"^Published: Mostly true \(by ed,"))).to_be_visible()
    finally:
        editor_context.close()

    # the reviewer's page still shows the version before the publication: the save is refused, named,
    # and what was typed stays in the form
    _propose(page, "False", "Changed my mind.")
    refusal = page.get_by_text(re.compile(rf"Claim #{claim_id} was changed by someone else"))
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("ed published")
    expect(refusal).to_contain_text("Nothing was saved")
    expect(page.get_by_label("Rationale")).to_have_value("Changed my mind.")

    with open_database(desk_app.database_url, migrate=False).session() as session:
        rows = session.scalars(
            select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id)
        )
        history = [(v.state, v.rating, v.reviewer, v.published_by, len(v.source_ids)) for v in rows]
    assert history == [
        ("proposed", "Mostly true", "ana", None, 1),
        ("published", "Mostly true", "ana", "ed", 1),
    ]

    # the refusal redrew the panel: the reviewer now sees the publication
    expect(page.get_by_text(re.compile(r"^Published: Mostly true"))).to_be_visible()
    # a refresh starts a new Streamlit session: password sign-in is asked again, the claim stays in the URL
    page.reload()
    expect(page).to_have_url(re.compile(rf"claim={claim_id}"))
    _sign_in(page, page.url, "ana")
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()
