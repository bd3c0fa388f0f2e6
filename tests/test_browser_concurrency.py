"""Two browsers save the same claim at the same moment, round after round: exactly one save applies each
round, the other is refused with the other's change named and its typing kept, and the database holds
no lost or mixed update."""

from __future__ import annotations

import re
from contextlib import ExitStack

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from tests.support import browser as browser_support
from tests.support.browser import choose_option, rerun_of, sign_reviewer, wait_idle
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow, VerdictRow

ROUNDS = 8
OUTCOME = re.compile(r"Saved\.|was changed by someone else")


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=True)


def _open(page: Page, url: str, name: str, claim_id: int) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()
    sign_reviewer(page, name)


def test_rounds_of_two_simultaneous_saves(app, page: Page, browser: Browser):
    with open_database(app.database_url, migrate=False).session() as session:
        claim_id = session.scalar(select(ClaimRow.id).where(ClaimRow.text.contains("plus de 250")))
    url = f"{app.url}/?claim={claim_id}"
    other_context = browser_support.new_context(browser)
    try:
        other = browser_support.open_page(other_context)
        pages = {"Ana": page, "Ben": other}
        for name, tab in pages.items():
            _open(tab, url, name, claim_id)
            choose_option(tab, "Rating", "Half true")
        winners: list[str] = []
        for round_no in range(ROUNDS):
            for name, tab in pages.items():
                wait_idle(tab)
                expect(tab.get_by_role("heading", name=re.compile(r"^Claim #\d+$"))).to_have_text(
                    f"Claim #{claim_id}"
                )
                tab.get_by_label("Rationale").fill(f"round {round_no} by {name}")
            with ExitStack() as runs:  # both submits leave before either answer arrives
                for tab in pages.values():
                    runs.enter_context(rerun_of(tab))
                for tab in pages.values():
                    tab.get_by_role("button", name="Propose verdict").click(no_wait_after=True)
            outcomes = {
                name: tab.get_by_test_id("stAlert").filter(has_text=OUTCOME).inner_text().strip()
                for name, tab in pages.items()
            }
            saved = [name for name, text in outcomes.items() if text.endswith("Saved.")]
            assert len(saved) == 1, (round_no, outcomes)
            (loser,) = set(pages) - set(saved)
            assert f"{saved[0]} recorded “Half true”" in outcomes[loser], outcomes[loser]
            assert "Nothing was saved" in outcomes[loser]
            # the refused form keeps what the loser typed
            expect(pages[loser].get_by_label("Rationale")).to_have_value(f"round {round_no} by {loser}")
            winners.append(saved[0])
    finally:
        other_context.close()

    with open_database(app.database_url, migrate=False).session() as session:
        rows = session.scalars(select(VerdictRow).order_by(VerdictRow.id))
        history = [(v.claim_id, v.reviewer, v.rationale, v.rating) for v in rows]
        version = session.scalar(select(ClaimRow.version).where(ClaimRow.id == claim_id))
    # every round: the winner's save whole (its name with its own text) on this claim; the loser's nowhere
    assert history == [(claim_id, w, f"round {n} by {w}", "Half true") for n, w in enumerate(winners)]
    assert version == 1 + ROUNDS
