"""Figures as observations in Chromium: an English article with falls, a multiplier over a span of years,
a bounded count and a share, a source with two levels, compared, charted and exported as they were read."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from claims.csv_cells import restore_cell
from tests.support.browser import click, sign_reviewer, wait_idle
from workbench.desk.article_intake import add_article
from workbench.desk.ingest import prepare_article
from workbench.desk.source_intake import manual_source, save_library_sources
from workbench.domain.auth import SINGLE_USER_ROLE, User
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.evidence import link_evidence
from workbench.storage.schema import FigureRow
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict

ARTICLE = Path(__file__).parent / "data" / "observations-article-en.txt"
DOCS = Path(__file__).resolve().parents[1] / "docs"
SOURCE_TEXT = (
    "Battery output rose from 3,000 units in 2021 to 9,300 units in 2024. "
    "The fair's register lists 263 firms in March 2025. "
    "Energy exports fell by 9% in the year to April 2025."
)


@pytest.fixture(scope="module")
def desk(serve_app):
    """The article (published 2025-06-10) and a source stored, linked and rated as a reviewer would."""
    served = serve_app(demo=False)
    database = open_database(served.database_url, migrate=False)
    text = ARTICLE.read_text(encoding="utf-8")
    with database.session() as session:
        article_id = add_article(
            session, prepare_article(text, title="Energy", published=dt.date(2025, 6, 10), lang="en")
        )
        source = manual_source(
            title="Industry register 2025", publisher="Industry Council", url="https://example.org/register",
            published=dt.date(2025, 5, 20), kind="report", language="en", text=SOURCE_TEXT,
        )  # fmt: skip
        (source_id,) = save_library_sources(session, [source], reviewer="Ana").ids
    with database.session() as session:
        claims = {" ".join(c.text.split()[:3]): c for c in article_claims(session, article_id)}
        figures = {
            f.surface: f.id
            for f in session.scalars(select(FigureRow).where(FigureRow.source_id == source_id))
        }
    links = {"Battery output tripled": "9,300", "More than 250": "263", "Energy exports fell": "9%"}
    editor = User("Ana", "Ana", SINGLE_USER_ROLE)
    for words, surface in links.items():
        claim = claims[words]
        with database.session() as session:
            link_evidence(session, claim_id=claim.id, source_id=source_id, stance="context", reviewer="Ana",
                          figure_id=figures[surface])  # fmt: skip
    for words in ("Energy exports fell", "Coal use fell"):
        with database.session() as session:
            claim = get_claim(session, claims[words].id)
            version = record_verdict(session, claim_id=claim.id, rating="Mostly true", rationale="As read.",
                                     reviewer="Ana", expected_version=claim.version)  # fmt: skip
            publish_verdict(session, claim_id=claim.id, publisher=editor, expected_version=version)
    database.engine.dispose()
    return served, {words: c.id for words, c in claims.items()}


def _download(page: Page, label: str, path: Path) -> list[dict[str, str]]:
    wait_idle(page)
    button = page.get_by_test_id("stDownloadButton").filter(has_text=re.compile(label))
    with page.expect_download() as download_info:
        button.first.click()
    download_info.value.save_as(path)
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_the_article_is_compared_charted_and_exported_as_read(desk, page: Page, tmp_path):
    app, claims = desk
    page.goto(f"{app.url}/?claim={claims['Battery output tripled']}")
    expect(page.get_by_role("heading", name=f"Claim #{claims['Battery output tripled']}")).to_be_visible()
    sign_reviewer(page, "Ana")
    # the multiplier is compared with the one the source's two levels give, and drawn over its span
    expect(
        page.get_by_text(re.compile(r"implies ×3\.1 from 3,000 in 2021 to 2024: within 5 %"))
    ).to_be_visible()
    rows = _download(page, r"CSV data$", tmp_path / "compare.csv")
    (mine,) = [r for r in rows if r["role"] == "this claim"]
    assert (mine["start"][:4], mine["end"][:4], float(mine["value"])) == ("2021", "2024", 3.0)
    panel = page.get_by_test_id("stColumn").filter(
        has=page.get_by_role("heading", name="Compare to other reports")
    )
    DOCS.mkdir(exist_ok=True)
    panel.get_by_test_id("stVegaLiteChart").screenshot(path=DOCS / "observation-compare-chart.png")

    # a bounded count: 263 satisfies "more than 250" (never "not the same measure")
    page.goto(f"{app.url}/?claim={claims['More than 250']}")
    expect(page.get_by_text(re.compile(r"263 is within the claim's “More than 250”"))).to_be_visible()
    expect(page.get_by_text(re.compile("count vs count|not the same measure"))).to_have_count(0)
    # a fall against a fall, by signed size
    page.goto(f"{app.url}/?claim={claims['Energy exports fell']}")
    expect(
        page.get_by_text(re.compile(r"a fall of 12 % against a fall of 9 %: 3 points more"))
    ).to_be_visible()
    wait_idle(page)
    page.get_by_test_id("stDataFrame").filter(has_text="same period").screenshot(
        path=DOCS / "observation-comparison.png"
    )

    # the verdict CSV writes falls as falls, with the period each figure describes
    click(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name="Export"))
    rows = _download(page, "Download verdicts CSV", tmp_path / "verdicts.csv")
    # a cell a spreadsheet would read as a formula ("-12 %") carries the writer's apostrophe: read it back
    by_claim = {
        r["claim"].split()[0]: {k: restore_cell(v) for k, v in r.items()} for r in rows if r["verdict"]
    }
    assert by_claim["Energy"]["statistics"] == "-12 %"
    assert by_claim["Energy"]["statistic_periods"] == "2024-05-01/2025-04-30"
    assert by_claim["Coal"]["statistics"] == "-3,500,000 t"
    assert by_claim["Coal"]["statistic_directions"] == "down"
    assert by_claim["Coal"]["statistic_periods"] == "2024-01-01/2024-12-31"
    assert not any(r["statistics"].startswith("+") for r in by_claim.values())
