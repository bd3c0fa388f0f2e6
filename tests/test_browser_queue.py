"""The Queue's first page in Chromium is ordered by the check-worthiness model: the seed article and a
fresh English article, the rows opened in order are the claims the model scored highest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import after_rerun, sign_reviewer, whole_page_screenshot
from workbench.desk.article_intake import store_article
from workbench.desk.ingest import prepare_article
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow

DATA = Path(__file__).resolve().parent / "data"
DOCS = Path(__file__).resolve().parents[1] / "docs"
ROW_PX = 35  # the grid's header and each row are 35 px high


@pytest.fixture(scope="module")
def app(serve_app):
    served = serve_app(demo=True)
    database = open_database(served.database_url)
    text = (DATA / "harbour-budget-en.txt").read_text(encoding="utf-8")
    store_article(database, prepare_article(text, title="Harbour budget", lang="en"))
    database.engine.dispose()
    return served


def _scored(database_url: str) -> list[tuple[int, float, tuple[str, ...]]]:
    """Every live claim as (id, stored score, reasons), highest score first as the queue promises."""
    database = open_database(database_url, migrate=False)
    with database.session() as session:
        rows = session.query(ClaimRow).filter(ClaimRow.retired.is_(False)).all()
        scored = [(r.id, r.worthiness, tuple(r.reasons or ())) for r in rows]
    database.engine.dispose()
    return sorted(scored, key=lambda row: (-row[1], row[0]))


def _open_row(page: Page, row: int) -> str:
    """Select the queue's ``row`` (0: the first) and return the id of the claim it opens."""
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_have_count(1)
    box = grid.bounding_box()
    assert box is not None
    y = box["y"] + ROW_PX + ROW_PX * row + ROW_PX / 2
    after_rerun(page, lambda: page.mouse.click(box["x"] + 18, y))
    heading = page.get_by_role("heading", name=re.compile(r"Claim #\d+"))
    expect(heading).to_be_visible()
    return re.search(r"\d+", heading.inner_text()).group(0)


def test_the_first_page_is_ordered_by_the_models_score(app, page: Page):
    scored = _scored(app.database_url)
    top = scored[0][1]
    assert len(scored) >= 30
    # scores that separate: at most a third of the claims share the top score
    assert sum(1 for _, score, _ in scored if score == top) <= len(scored) / 3, scored[:10]
    # the stored scores are the model's (its words join the reasons), not the rules' fallback
    assert all(any(r.startswith("the model's top") for r in reasons) for _, _, reasons in scored[:5])

    page.goto(f"{app.url}/queue")
    expect(page.get_by_role("heading", name="Review queue", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")
    expect(page.get_by_text(re.compile(rf"{len(scored)} claims match · page 1 of 1"))).to_be_visible()
    DOCS.mkdir(exist_ok=True)
    whole_page_screenshot(page, DOCS / "queue-first-page.png")

    opened = []
    for row in range(3):  # the first rows open the claims the model ranks first, in that order
        if row:
            page.goto(f"{app.url}/queue")
            expect(page.get_by_text(re.compile(rf"{len(scored)} claims match"))).to_be_visible()
        opened.append(int(_open_row(page, row)))
    assert opened == [claim_id for claim_id, _, _ in scored[:3]], (opened, scored[:3])
