"""Two browsers save the same claim at the same moment, twenty times: exactly one save applies each round,
the other is refused with the other's change named, and the database holds no lost or mixed update."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError
from sqlalchemy import select

from tests.support import browser as browser_support
from tests.support.browser import choose_option
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow, VerdictRow

ROUNDS = 20
OUTCOME = re.compile(r"Saved\.|was changed by someone else")
# While a rerun replaces the page, Streamlit keeps the previous elements, marked stale, beside the new
# ones: every locator below takes only live elements.
LIVE = '[not(ancestor-or-self::*[@data-stale="true"])]'
RATIONALE = f'xpath=//textarea[@aria-label="Rationale"]{LIVE}'
SUBMIT = f'xpath=//button[normalize-space(.)="Propose verdict"]{LIVE}'
ALERT = f'xpath=//*[@data-testid="stAlert"]{LIVE}'
HEADING = 'xpath=//h4[normalize-space(.)="Claim #{}"]' + LIVE


def _on_the_one(page: Page, selector: str, act) -> None:
    """``act(locator)`` once the page shows exactly one live element for ``selector``; a rerun that
    briefly doubles it (the app busy with the other browser) makes Playwright refuse, so wait and retry."""
    for attempt in range(5):
        expect(page.locator(selector)).to_have_count(1)
        try:
            act(page.locator(selector))
        except PlaywrightError as error:
            if "strict mode violation" not in str(error) or attempt == 4:
                raise
        else:
            return


def _outcome(page: Page):
    return page.locator(ALERT).filter(has_text=OUTCOME)


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=True)


def _open(page: Page, url: str, name: str) -> None:
    page.goto(url)
    field = page.get_by_test_id("stSidebar").get_by_label("Reviewer", exact=True)
    field.fill(name)
    field.press("Enter")
    expect(page.get_by_role("heading", name=re.compile(r"^Claim #\d+"))).to_be_visible()


def _reload_claim(page: Page) -> None:
    """Take the stored version as the one opened; wait until the last outcome message is gone."""
    page.get_by_role("button", name="Reload this claim").click()
    expect(_outcome(page)).to_have_count(0)
    _settled(page)


def _settled(page: Page) -> None:
    """The rerun finished: no "Running" indicator and no stale copy of the form left on the page."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    expect(page.locator(RATIONALE)).to_have_count(1)


def test_twenty_rounds_of_two_simultaneous_saves(app, page: Page, browser: Browser):
    with open_database(app.database_url, migrate=False).session() as session:
        claim_id = session.scalar(select(ClaimRow.id).where(ClaimRow.text.contains("plus de 250")))
    url = f"{app.url}/?claim={claim_id}"
    other_context = browser_support.new_context(browser)
    try:
        other = other_context.new_page()
        pages = {"Ana": page, "Ben": other}
        for name, tab in pages.items():
            _open(tab, url, name)
            choose_option(tab, "Rating", "Half true")
            _settled(tab)
        winners: list[str] = []
        for round_no in range(ROUNDS):
            for name, tab in pages.items():  # both still on the claim: a save elsewhere would not clash
                expect(tab.locator(HEADING.format(claim_id))).to_have_count(1)
                _on_the_one(tab, RATIONALE, lambda box, text=f"round {round_no} by {name}": box.fill(text))
            for tab in pages.values():  # both submits leave before either answer arrives
                _on_the_one(tab, SUBMIT, lambda button: button.click(no_wait_after=True))
            outcomes = {}
            for name, tab in pages.items():
                message = _outcome(tab)
                expect(message).to_have_count(1)
                outcomes[name] = message.inner_text().strip()
            saved = [name for name, text in outcomes.items() if text.endswith("Saved.")]
            assert len(saved) == 1, (round_no, outcomes)
            (loser,) = set(pages) - set(saved)
            assert f"{saved[0]} recorded “Half true”" in outcomes[loser], outcomes[loser]
            winners.append(saved[0])
            for tab in pages.values():
                _reload_claim(tab)
    finally:
        other_context.close()

    with open_database(app.database_url, migrate=False).session() as session:
        rows = session.scalars(
            select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id)
        )
        history = [(v.reviewer, v.rationale, v.rating) for v in rows]
        version = session.scalar(select(ClaimRow.version).where(ClaimRow.id == claim_id))
    # every round: the winner's save whole (its name with its own text), the loser's nowhere
    assert history == [(w, f"round {n} by {w}", "Half true") for n, w in enumerate(winners)]
    assert version == 1 + ROUNDS
