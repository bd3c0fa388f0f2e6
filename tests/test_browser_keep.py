"""Work that survives, in Chromium: the reviewer's name and the Queue's filters and page outlive a refresh,
a new tab and opening a claim; a refused save keeps what was typed; a claim repeating a published verdict
is flagged in the Queue once the article that repeats it is added."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support import browser as browser_support
from tests.support.browser import choose_option, click, enter, sign_reviewer, wait_idle
from workbench.storage.database import open_database
from workbench.storage.users import add_user

PASSWORD = "correct horse battery"
DOCS = Path(__file__).resolve().parents[1] / "docs"
REPEAT = (
    "Lors d'un nouveau forum à Kiev, le ministre a répété que plus de 250 fabricants d'armes occidentaux "
    "avaient participé au forum de l'industrie de défense organisé en septembre. Il fait beau à Lviv."
)


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=True)


def _reviewer(page: Page):
    return page.get_by_test_id("stSidebar").get_by_label("Reviewer", exact=True)


def _matching(page: Page) -> str:
    """The Queue's caption: how many claims match, and which page of how many."""
    caption = page.get_by_text(re.compile(r"\d+ claims match · page \d+ of \d+"))
    expect(caption).to_be_visible()
    return re.search(r"\d+ claims match · page \d+ of \d+", caption.inner_text()).group(0)


def _open_first_row(page: Page) -> None:
    """Tick the first row of the Queue's grid (a canvas, clicked by position): its claim opens."""
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_have_count(1)

    def tick() -> None:
        wait_idle(page)  # an expander opened just before has finished moving the grid
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)  # header and rows: 35 px; column 1 ticks

    try:
        browser_support.after_rerun(page, tick)
    except browser_support.NoRunError as error:
        if error.sent != 0:
            raise
        # the grid took the first click to focus itself and told the app nothing: a reviewer clicks again
        browser_support.after_rerun(page, tick)
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()


def test_the_name_and_the_queue_outlive_a_refresh_a_new_tab_and_opening_a_claim(app, page: Page):
    page.goto(f"{app.url}/queue")
    expect(page.get_by_role("heading", name="Review queue", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")
    everything = _matching(page)
    page.get_by_text("Filters").click()
    enter(page, page.get_by_label("Words in the claim"), "production")
    choose_option(page, "Claims per page", "25")
    narrowed = _matching(page)
    assert narrowed != everything
    expect(page).to_have_url(re.compile(r"/queue\?(?=.*q=production)(?=.*size=25)"))
    shared = page.url

    page.reload()
    expect(_reviewer(page)).to_have_value("Ana Reviewer")
    assert _matching(page) == narrowed
    page.get_by_text("Filters").click()
    expect(page.get_by_label("Words in the claim")).to_have_value("production")

    _open_first_row(page)  # a claim opened from the Queue, then back through the menu
    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name="Queue"))
    assert _matching(page) == narrowed
    expect(page).to_have_url(re.compile(r"q=production"))

    tab = browser_support.open_page(page.context)  # the shared link in a new tab of the same browser
    tab.goto(shared)
    expect(_reviewer(tab)).to_have_value("Ana Reviewer")
    assert _matching(tab) == narrowed
    tab.goto(app.url)  # any page of a new tab knows the name
    expect(tab.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    expect(_reviewer(tab)).to_have_value("Ana Reviewer")
    tab.close()


def test_a_refused_save_keeps_what_was_typed(app, page: Page, tmp_path: Path):
    page.goto(f"{app.url}/sources")  # no reviewer name in this browser: every save is refused
    expect(page.get_by_role("heading", name="Sources", level=1)).to_be_visible()
    wait_idle(page)
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Add source"))
    form.get_by_label("Title").fill("Registre des entreprises de défense")
    form.get_by_label("Text or excerpt").fill("Le registre compte 263 entreprises.")
    click(page, form.get_by_role("button", name="Add source"))
    expect(page.get_by_text(re.compile("Type your name in the sidebar"))).to_be_visible()
    expect(form.get_by_label("Title")).to_have_value("Registre des entreprises de défense")
    expect(form.get_by_label("Text or excerpt")).to_have_value("Le registre compte 263 entreprises.")
    sign_reviewer(page, "Ana Reviewer")  # the reason given, put right: the same form saves as typed
    click(page, form.get_by_role("button", name="Add source"))
    expect(page.get_by_text(re.compile(r"Added source #\d+"))).to_be_visible()
    expect(form.get_by_label("Title")).to_have_value("")  # saved: drawn anew, empty

    # a CSV refused for a bad row keeps its file and choice: the reviewer chooses again and imports
    rows = tmp_path / "sources.csv"
    rows.write_text("title,figure_value\nRegistre,263\nBroken row,n/a\n", encoding="utf-8")
    click(page, page.get_by_text("Import a CSV file"))
    upload = page.get_by_test_id("stFileUploader").locator("input[type=file]")
    browser_support.after_rerun(page, lambda: upload.set_input_files(rows))
    click(page, page.get_by_role("button", name="Import sources"))
    expect(page.get_by_text("Nothing was saved: 1 problem(s) in the file.")).to_be_visible()
    expect(page.get_by_test_id("stFileUploader").get_by_text("sources.csv")).to_be_visible()
    click(page, page.get_by_text("Save the good rows, skip the bad ones"))
    click(page, page.get_by_role("button", name="Import sources"))
    expect(page.get_by_text(re.compile(r"Added source #\d+"))).to_be_visible()
    expect(page.get_by_text("1 row(s) were skipped:")).to_be_visible()

    page.context.clear_cookies()  # a browser that never named its reviewer

    page.goto(app.url)
    expect(page.get_by_role("heading", name=re.compile(r"Claim #\d+"))).to_be_visible()
    page.get_by_label("Quote from the source").fill("263 foreign manufacturers")
    click(page, page.get_by_role("button", name="Link source"))
    expect(page.get_by_text(re.compile("Type your name in the sidebar"))).to_be_visible()
    expect(page.get_by_label("Quote from the source")).to_have_value("263 foreign manufacturers")
    choose_option(page, "Rating", "False")
    page.get_by_label("Rationale").fill("The register lists 263 firms, not all Western.")
    click(page, page.get_by_role("button", name="Propose verdict"))
    expect(page.get_by_text(re.compile("Type your name in the sidebar"))).to_be_visible()
    expect(page.get_by_label("Rationale")).to_have_value("The register lists 263 firms, not all Western.")
    expect(page.get_by_label("Quote from the source")).to_have_value("263 foreign manufacturers")


def test_an_added_article_repeating_a_published_verdict_is_flagged_in_the_queue(app, page: Page):
    page.goto(f"{app.url}/queue")
    sign_reviewer(page, "Ana Reviewer")
    page.get_by_text("Filters").click()
    enter(page, page.get_by_label("Words in the claim"), "plus de 250")
    _open_first_row(page)
    earlier = re.search(
        r"\d+", page.get_by_role("heading", name=re.compile(r"Claim #\d+")).inner_text()
    ).group(0)
    choose_option(page, "Rating", "False")
    page.get_by_label("Rationale").fill("The register lists 263 firms, not all Western.")
    click(page, page.get_by_role("button", name="Propose verdict"))
    click(page, page.get_by_role("button", name="Publish “False”"))
    expect(page.get_by_text("Published.")).to_be_visible()

    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name="Add article"))
    page.get_by_label("Article text").fill(REPEAT)
    page.get_by_label("Title").fill("Second forum in Kyiv")
    click(page, page.get_by_role("button", name="Extract claims"))
    expect(page.get_by_text(re.compile(r"Stored article #\d+"))).to_be_visible()
    expect(
        page.get_by_text(
            re.compile(rf"1 of these claims repeat a published verdict: #\d+ repeats #{earlier}, rated False")
        )
    ).to_be_visible()
    expect(page.get_by_role("link", name="See them in the Queue →")).to_have_attribute(
        "href", re.compile(r"queue\?(?=.*repeats=1)(?=.*articles=\d+)")
    )

    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name="Queue"))
    # the words filter, kept: the published claim and its repeat in the new article
    expect(page.get_by_text(re.compile(r"^2 claims match"))).to_be_visible()
    page.get_by_text("Filters").click()
    enter(page, page.get_by_label("Words in the claim"), "")
    click(page, page.get_by_text("Repeats a published verdict"))
    expect(page.get_by_text(re.compile(r"^1 claims match"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"repeats=1"))
    DOCS.mkdir(exist_ok=True)
    wait_idle(page)
    page.get_by_test_id("stMainBlockContainer").screenshot(path=DOCS / "queue-repeats.png")
    _open_first_row(page)
    expect(page.get_by_text(f"This claim repeats claim #{earlier}, published as False")).to_be_visible()
    click(page, page.get_by_role("button", name="Use this verdict"))
    expect(page.get_by_text(re.compile(rf"Same claim as #{earlier}"))).to_be_visible()


@pytest.fixture(scope="module")
def desk_app(serve_app):
    """The demo database in sign-in mode, with an editor (who may open Desk settings)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKBENCH_AUTH", "password")  # the server copies the environment when it starts
        served = serve_app(demo=True)
    database = open_database(served.database_url, migrate=False)
    with database.session() as session:
        add_user(session, username="ed", password=PASSWORD, role="editor", display_name="Ed Editor")
    database.engine.dispose()
    return served


@pytest.mark.parametrize(
    ("path", "heading"), [("queue?status=new", "Review queue"), ("settings", "Desk settings")]
)
def test_signing_in_returns_to_the_page_that_was_asked_for(desk_app, page: Page, path, heading):
    page.goto(f"{desk_app.url}/{path}")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    wait_idle(page)
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    click(page, page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/{re.escape(path)}$"))
