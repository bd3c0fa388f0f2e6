"""ClaimReview settings in Chromium: a non-http address is refused with the typed fields kept; saved
settings sign and address the reviews the Export page downloads, and the example-URL warning goes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import click, sign_reviewer, wait_idle
from workbench.domain.auth import User
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow
from workbench.storage.verdicts import publish_verdict, record_verdict

DOCS = Path(__file__).resolve().parents[1] / "docs"
EDITOR = User("ed", "Ed Editor", "editor")
FRAGMENT = "devrait être multipliée par six en 2024."


@pytest.fixture(scope="module")
def app(serve_app):
    """The demo desk with one published verdict, on the seed's "×6 in 2024" fragment."""
    served = serve_app(demo=True)
    database = open_database(served.database_url, migrate=False)
    with database.session() as session:
        claim = session.query(ClaimRow).filter(ClaimRow.text == FRAGMENT).one()
        version = record_verdict(
            session, claim_id=claim.id, rating="Mostly true", rationale="The ministry's forecast, as said.",
            reviewer="ana", expected_version=claim.version,
        )  # fmt: skip
        publish_verdict(session, claim_id=claim.id, publisher=EDITOR, expected_version=version)
    database.engine.dispose()
    return served


def _nav(page: Page, link: str, heading: str) -> None:
    wait_idle(page)
    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name=link))
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()


def _save(page: Page, **fields: str) -> None:
    form = page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name="Save ClaimReview settings")
    )
    for label, value in fields.items():
        form.get_by_label(label, exact=True).fill(value)
    click(page, form.get_by_role("button", name="Save ClaimReview settings"))


def test_claimreview_settings_are_checked_saved_and_sign_the_export(app, page: Page, tmp_path):
    page.goto(app.url)
    sign_reviewer(page, "Ed Editor")
    _nav(page, "Desk settings", "Desk settings")
    expect(page.get_by_text(re.compile(r"review URLs point at the example address"))).to_have_count(1)

    _save(page, **{"Organisation name": "Le Vérificateur", "Organisation URL": "javascript:alert(1)"})
    expect(
        page.get_by_text(re.compile(r"^Nothing was saved: The Organisation URL contains .*javascript:"))
    ).to_be_visible()
    expect(page.get_by_label("Organisation URL", exact=True)).to_have_value("javascript:alert(1)")  # kept

    _save(
        page,
        **{
            "Organisation URL": "https://verif.example",
            "Logo URL": "https://verif.example/logo.png",
            "Review URL template": "https://verif.example/verifications/{claim_id}",
        },
    )
    expect(page.get_by_text("Saved the ClaimReview settings.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"review URLs point at the example address"))).to_have_count(0)
    DOCS.mkdir(exist_ok=True)
    page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name="Save ClaimReview settings")
    ).screenshot(path=DOCS / "claimreview-settings.png")

    _nav(page, "Export", "Export verdicts")
    expect(page.get_by_text(re.compile(r"example address"))).to_have_count(0)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile(r"Download ClaimReview JSON-LD \(1 published\)")).click()
    path = tmp_path / "claimreview.json"
    download_info.value.save_as(path)
    (review,) = json.loads(path.read_text(encoding="utf-8"))
    assert review["author"] == {
        "@type": "Organization", "name": "Le Vérificateur", "url": "https://verif.example",
        "logo": "https://verif.example/logo.png", "image": "https://verif.example/logo.png",
    }  # fmt: skip
    assert re.fullmatch(r"https://verif\.example/verifications/\d+", review["url"])
    # the fragment reads on its own, with its subject
    assert review["claimReviewed"] == f"[la production nationale de défense du pays] {FRAGMENT}"
    assert (
        review["reviewRating"]["alternateName"] == "Mostly true"
        and review["reviewRating"]["ratingValue"] == 4
    )
    assert review["itemReviewed"]["author"]["@type"] == "Organization"  # the ministry, not a person
