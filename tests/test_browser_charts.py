"""The compare chart in Chromium: group the seed article's ×3 and ×6 claims with the reported factors into
a metric, then download the chart's CSV and PNG and check both files; the Trends page draws its charts."""

from __future__ import annotations

import csv
import io
import re
import struct
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import choose_option, enter, sign_reviewer, wait_idle, whole_page_screenshot
from workbench.outputs.charts import HEIGHT, WIDTH

DOCS = Path(__file__).resolve().parents[1] / "docs"
METRIC = "Ukraine defence production"


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=True)


def _open_claim(page: Page, words: str) -> None:
    """Open the claim whose picker label holds ``words`` and wait for its panel (not the previous one)."""
    claim_id = re.match(r"#(\d+)", choose_option(page, "Claim", words)).group(1)
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"claim={claim_id}\b"))
    expect(page.get_by_role("heading", name="Compare to other reports")).to_have_count(1)  # stale one gone


def _group_into_metric(database_url: str) -> None:
    """Group the seed's ×3 and ×6 claims and the demo's 3.1× and 5× figures into one metric, as the
    claim panel's metric form does (that form is exercised by AppTest; here the chart is the subject)."""
    from sqlalchemy import select

    from workbench.storage.database import open_database
    from workbench.storage.metrics import assign_metric, create_metric
    from workbench.storage.schema import ClaimRow, FigureRow

    database = open_database(database_url)
    with database.session() as session:
        metric_id = create_metric(session, name=METRIC, reviewer="Ana Reviewer")
        claims = session.scalars(select(ClaimRow).where(ClaimRow.kind.in_(("change", "prediction")))).all()
        picked = [c.id for c in claims if "triplé" in c.text or "multipliée par six" in c.text]
        figures = session.scalars(select(FigureRow.id).where(FigureRow.value.in_((3.1, 5.0)))).all()
        assert len(picked) == 2 and len(figures) == 2
        for claim_id in picked:
            assign_metric(
                session,
                claim_id=claim_id,
                metric_id=metric_id,
                figure_ids=tuple(figures),
                reviewer="Ana Reviewer",
            )
    database.engine.dispose()


def _download(page: Page, label: str, path: Path, *, chart: str = "compare") -> Path:
    """Download ``label`` under the chart whose downloads row is keyed ``chart`` (the claim panel also
    draws each linked series with its own downloads)."""
    wait_idle(page)
    row = page.locator(f".st-key-{chart}-downloads")
    button = row.get_by_test_id("stDownloadButton").filter(has_text=re.compile(rf"{label}$"))
    with page.expect_download() as download_info:
        button.first.click()
    download_info.value.save_as(path)
    return path


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk that follows the 8-byte PNG signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_compare_chart_of_the_x3_and_x6_claims_downloads_as_csv_and_png(app, page: Page, tmp_path):
    _group_into_metric(app.database_url)
    page.goto(app.url)
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")

    _open_claim(page, "a triplé")
    expect(
        page.get_by_text(re.compile(rf"In metric {METRIC} with 2 claim\(s\) and 2 reported"))
    ).to_be_visible()
    expect(page.locator(".st-key-compare-downloads")).to_have_count(1)  # one compare chart, no stale one

    rows = list(
        csv.DictReader(io.StringIO(_download(page, "CSV data", tmp_path / "c.csv").read_text("utf-8")))
    )
    assert len(rows) == 4
    by_role = {}
    for row in rows:
        by_role.setdefault(row["role"], []).append(float(row["value"]))
    assert by_role == {"this claim": [3.0], "other claim": [6.0], "report": [3.1, 5.0]}
    assert {r["period"] for r in rows} == {"2023", "2024"} and {r["unit"] for r in rows} == {"×"}
    six = next(r for r in rows if r["role"] == "other claim")
    assert six["modality"] == "forecast"  # drawn hollow

    png = _download(page, "PNG", tmp_path / "c.png").read_bytes()
    width, height = png_size(png)
    assert 2 * WIDTH <= width <= 2 * (WIDTH + 400) and 2 * HEIGHT <= height <= 2 * (HEIGHT + 200)
    svg = _download(page, "SVG", tmp_path / "c.svg").read_text("utf-8")
    assert svg.startswith("<svg") and "×3" in svg
    DOCS.mkdir(exist_ok=True)
    (DOCS / "compare-chart.png").write_bytes(png)


def test_trends_page_draws_its_charts_with_downloads(app, page: Page):
    page.goto(f"{app.url}/trends")
    expect(page.get_by_role("heading", name="Claim trends", level=1)).to_be_visible()
    expect(page.get_by_text("11 claims match the filters.")).to_be_visible()
    # five charts of claims and the demo's example series with its linked claims, each with 3 downloads
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(6)
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(18)
    DOCS.mkdir(exist_ok=True)
    whole_page_screenshot(page, DOCS / "trends-page.png")  # the README shows it: periods on a time axis
    page.get_by_text("Filters", exact=True).click()
    enter(page, page.get_by_label("Words in the claim"), "triplé")
    expect(page.get_by_text("1 claims match the filters.")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
