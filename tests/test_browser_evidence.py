"""Evidence in Chromium: link a suggested source to the seed's "plus de 250" claim, see the comparison."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.support.browser import choose_option, click, sign_reviewer, wait_idle

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_link_a_suggested_source_pick_its_figure_and_see_the_comparison(demo_app, page: Page):
    page.goto(demo_app.url)
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")

    choose_option(page, "Claim", "plus de 250")
    expect(page.get_by_text("Suggested sources")).to_be_visible()
    suggestion = page.locator(".st-key-suggest-link-2")  # the demo's forum attendance list, source #2
    expect(page.get_by_text(re.compile(r"forum attendance list.*matching figure: 263"))).to_be_visible()
    click(page, suggestion.get_by_role("button"))

    link_source = page.get_by_label("Source", exact=True)
    expect(link_source).to_have_value(re.compile(r"^#2 Example: defence industry forum"))
    expect(page.get_by_label("Figure it reports (optional)")).to_have_value(re.compile(r"^263"))
    page.get_by_label("Quote from the source").fill("263 foreign manufacturers registered")
    click(page, page.get_by_role("button", name="Link source"))
    expect(page.get_by_text("Source linked.")).to_be_visible()

    sentence = page.get_by_text(
        re.compile(r"Example data's 2023 source gives 263 .* within the claim's “plus de 250”")
    )
    expect(sentence).to_be_visible()
    expect(page.get_by_text("a suggestion for the reviewer, never a verdict")).to_be_visible()
    expect(link_source).to_be_visible()
    panel = page.get_by_role("heading", name=re.compile(r"Claim #\d+")).first
    panel.scroll_into_view_if_needed()
    DOCS.mkdir(exist_ok=True)
    wait_idle(page)
    page.screenshot(path=DOCS / "claim-evidence.png", full_page=True)
