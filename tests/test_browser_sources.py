"""The source library in Chromium: open a source from its link, correct one of its figures, edit its title,
try to delete it while a published verdict cites it (refused, the verdict named), delete an unlinked one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from tests.support.browser import click, enter, sign_reviewer, wait_idle, whole_page_screenshot
from tests.support.source_desk import cite_in_published_verdict, source_id_titled
from workbench.storage.database import open_database
from workbench.storage.schema import EvidenceRow, FigureRow, SourceChangeRow, SourceRow

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def desk(serve_app):
    """The demo desk, with the forum attendance list cited by a published verdict (“Mostly true”)."""
    served = serve_app(demo=True)
    cited = source_id_titled(served.database_url, "forum attendance")
    claim_id = cite_in_published_verdict(served.database_url, cited)
    unlinked = source_id_titled(served.database_url, "industry forecast")
    return served, cited, claim_id, unlinked


def _stored(database_url: str):
    database = open_database(database_url, migrate=False)
    with database.session() as session:
        sources = {row.id: (row.title, row.version) for row in session.scalars(select(SourceRow))}
        figures = {row.id: (row.value, row.original) for row in session.scalars(select(FigureRow))}
        # per source: the demo's example series has its own links and import history
        links = dict(
            session.execute(select(EvidenceRow.source_id, func.count()).group_by(EvidenceRow.source_id)).all()
        )
        changes = [(row.source_id, row.field) for row in session.scalars(select(SourceChangeRow))
                   if row.field != "imported"]  # fmt: skip
    database.engine.dispose()
    return sources, figures, links, changes


def _tab(page: Page, name: str) -> None:
    """Open one of the source page's tabs (the page remembers it: a run of the app), unless it is open."""
    tab = page.get_by_role("tab", name=re.compile(name))
    wait_idle(page)
    if tab.get_attribute("aria-selected") != "true":
        click(page, tab)


def test_a_source_is_read_corrected_edited_and_deleted_only_when_nothing_published_cites_it(desk, page: Page):
    app, cited, claim_id, unlinked = desk
    page.goto(f"{app.url}/sources?source={cited}")
    heading = page.get_by_role("heading", name=re.compile(rf"#{cited} Example: defence industry forum"))
    expect(heading).to_be_visible()
    sign_reviewer(page, "Ana")
    expect(page.get_by_test_id("stText").filter(has_text="263")).to_be_visible()  # its text

    # where it is linked: the claim, with its verdict published
    _tab(page, r"^Linked claims")
    expect(page.get_by_text(f"Cited by published verdicts: claim #{claim_id} “Mostly true”")).to_be_visible()

    # a misread figure corrected; the engine's reading stays beside it
    _tab(page, r"^Figures")
    _, figures, _, _ = _stored(app.database_url)
    (figure_id,) = [i for i, (value, _) in figures.items() if value == 263]
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Save correction"))
    form.get_by_label("Value", exact=True).fill("265")
    click(page, form.get_by_role("button", name="Save correction"))
    expect(page.get_by_text(f"Figure #{figure_id} corrected: value.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Corrected; the engine read: value 263, "))).to_be_visible()
    DOCS.mkdir(exist_ok=True)
    whole_page_screenshot(page, DOCS / "source-page.png")

    # the title edited
    _tab(page, r"^Edit or delete")
    edit = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Save changes"))
    edit.get_by_label("Title", exact=True).fill("Forum attendance list, final count")
    click(page, edit.get_by_role("button", name="Save changes"))
    expect(page.get_by_text(f"Source #{cited} saved: title changed.")).to_be_visible()
    expect(page.get_by_role("heading", name=f"#{cited} Forum attendance list, final count")).to_be_visible()

    # deleting it is refused while the published verdict cites it: the verdict is named, nothing changes
    before = _stored(app.database_url)
    _tab(page, r"^Edit or delete")
    click(page, page.get_by_role("button", name=f"Delete source #{cited}"))
    refusal = page.get_by_test_id("stAlert").filter(has_text="cannot be deleted")
    expect(refusal).to_contain_text(f"claim #{claim_id}'s verdict “Mostly true” (published by ed")
    assert _stored(app.database_url) == before
    sources, figures, links, changes = before
    assert sources[cited] == ("Forum attendance list, final count", 3) and links[cited] == 1
    assert figures[figure_id][0] == 265 and figures[figure_id][1]["value"] == 263
    assert changes == [(cited, f"figure #{figure_id}"), (cited, "title")]

    # an unlinked source is deleted; its page then says by whom, its history stays
    enter(page, page.get_by_label("Open source #", exact=True), str(unlinked))
    expect(
        page.get_by_role("heading", name=re.compile(rf"#{unlinked} Example: industry forecast"))
    ).to_be_visible()
    _tab(page, r"^Edit or delete")
    click(page, page.get_by_role("button", name=f"Delete source #{unlinked}"))
    expect(
        page.get_by_text(re.compile(rf"Source #{unlinked} “Example: industry forecast.*” was deleted\."))
    ).to_be_visible()
    expect(page.get_by_text(re.compile(rf"Source #{unlinked} .* was deleted by Ana on"))).to_be_visible()
    sources, _, _, changes = _stored(app.database_url)
    assert unlinked not in sources and cited in sources and changes[-1] == (unlinked, "deleted")
