"""The reviewer's day in Chromium: open the seed article from the queue, step through its claims with the
keyboard, correct a misread figure and see the correction; a refresh keeps the claim; a bad link says so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import after_rerun, choose_option, click, enter, sign_reviewer, wait_idle

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=True)


def _press(page: Page, key: str, position: int) -> None:
    """Press a shortcut key with the page (not a field) focused, once the app is idle; the claim moves."""
    wait_idle(page)
    page.locator("div.article-text").click(position={"x": 2, "y": 2})
    after_rerun(page, lambda: page.keyboard.press(key))
    expect(page.get_by_text(re.compile(rf"^Claim {position} of \d+"))).to_be_visible()


def test_queue_to_claim_next_previous_and_a_correction(app, page: Page):
    page.goto(f"{app.url}/queue")
    expect(page.get_by_role("heading", name="Review queue", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")
    expect(page.get_by_text(re.compile(r"\d+ claims match · page 1 of 1"))).to_be_visible()
    # narrow the queue to the forum claim, then tick its row (the grid's first column selects a row)
    page.get_by_text("Filters").click()
    enter(page, page.get_by_label("Words in the claim"), "plus de 250")
    expect(page.get_by_text(re.compile(r"^1 claims match"))).to_be_visible()
    # the grid is a canvas clicked by position, once the filtered run has drawn it
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_have_count(1)
    box = grid.bounding_box()
    assert box is not None
    after_rerun(page, lambda: page.mouse.click(box["x"] + 18, box["y"] + 35 + 18))  # header and rows: 35 px

    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    heading = page.get_by_role("heading", name=re.compile(r"Claim #\d+"))
    expect(heading).to_be_visible()
    claim_id = re.search(r"\d+", heading.inner_text()).group(0)
    expect(page).to_have_url(re.compile(rf"claim={claim_id}"))
    position = int(
        re.search(r"Claim (\d+) of", page.get_by_text(re.compile(r"^Claim \d+ of")).inner_text()).group(1)
    )

    _press(page, "j", position + 1)
    _press(page, "k", position)
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()

    page.get_by_text("Correct what was read").click()
    value = page.get_by_label("Value").first
    value.fill("263")
    click(page, page.get_by_role("button", name="Save correction").first)
    expect(page.get_by_text("Correction saved.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"corrected by Ana Reviewer; the engine read"))).to_be_visible()
    expect(page.locator("div.article-text strong.figure", has_text="plus de 250")).to_have_count(1)
    # what was read fits the panel: wrapped lines, nothing wider than the column (tables cut to "co…")
    panel = page.get_by_test_id("stColumn").filter(has=page.get_by_role("heading", name=f"Claim #{claim_id}"))
    expect(panel.get_by_text(re.compile(r"^Figure plus de 250 → more than 263"))).to_be_visible()
    assert panel.last.evaluate(
        "column => [...column.querySelectorAll('[data-testid=stMarkdownContainer]')]"
        ".every(e => e.scrollWidth <= column.clientWidth + 1)"
    )
    choose_option(page, "Status", "checking")
    click(page, page.get_by_role("button", name="Update status"))
    expect(page.locator(f'div.article-text mark[data-claim="{claim_id}"]').first).to_have_attribute(
        "title", re.compile(r"\(checking\)")
    )
    DOCS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1800, "height": 4200})
    page.get_by_text("Correct what was read").click()
    expect(page.get_by_role("button", name="Save attribution")).to_be_visible()
    columns = page.get_by_test_id("stColumn")
    columns.filter(has=page.locator("div.article-text")).screenshot(path=DOCS / "article-view.png")
    columns.filter(has=page.get_by_role("heading", name=f"Claim #{claim_id}")).screenshot(
        path=DOCS / "claim-panel.png"
    )

    page.reload()
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()
    wait_idle(page)
    expect(page.get_by_role("heading", name=re.compile(r"^Claim #\d+$"))).to_have_text(f"Claim #{claim_id}")


def test_an_unknown_claim_in_the_url_says_not_found(app, page: Page):
    page.goto(f"{app.url}/?claim=987654")
    expect(page.get_by_text("Claim #987654 was not found.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"Claim #\d+"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
