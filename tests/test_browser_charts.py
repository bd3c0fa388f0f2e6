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
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from workbench.charts import HEIGHT, WIDTH

DOCS = Path(__file__).resolve().parents[1] / "docs"
METRIC = "Ukraine defence production"


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=True)


def _choose(page: Page, label: str, option: str) -> str:
    """Pick the option of a Streamlit selectbox whose text contains ``option``; returns the option's text."""
    choice = page.get_by_role("option", name=re.compile(re.escape(option))).first
    for _ in range(3):  # a click that lands while the app reruns opens a list that is then replaced
        page.get_by_label(label, exact=True).click()
        try:
            choice.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    text = choice.inner_text()
    choice.click()
    return text


def _open_claim(page: Page, words: str) -> None:
    """Open the claim whose picker label holds ``words`` and wait for its panel (not the previous one)."""
    claim_id = re.match(r"#(\d+)", _choose(page, "Claim", words)).group(1)
    expect(page.get_by_role("heading", name=f"Claim #{claim_id}")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"claim={claim_id}\b"))
    expect(page.get_by_role("heading", name="Compare to other reports")).to_have_count(1)  # stale one gone


def _save_metric(page: Page, *, new: bool, figures: tuple[str, ...] = ()) -> None:
    page.get_by_text(re.compile(r"^(Group into a metric|Metric: .+)$")).click()
    if new:
        page.get_by_label("New metric name").fill(METRIC)
    else:
        _choose(page, "Metric", METRIC)
    for figure in figures:
        field = page.get_by_label("Reported figures in this metric")
        field.click()
        field.press_sequentially(figure)  # typing filters the options and keeps the list open
        page.get_by_role("option", name=re.compile(re.escape(figure))).first.click()
    page.get_by_text("A metric gathers").click()  # closes the options list
    page.get_by_role("button", name="Save metric").click()
    expect(page.get_by_text("Metric saved")).to_be_visible()
    expect(page.get_by_text(f"Metric: {METRIC}")).to_be_visible()  # the panel rendered after the save


def _download(page: Page, label: str, path: Path) -> Path:
    button = page.get_by_test_id("stDownloadButton").filter(has_text=re.compile(rf"{label}$"))
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
    page.goto(app.url)
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    reviewer = page.get_by_label("Reviewer", exact=True)
    reviewer.fill("Ana Reviewer")
    reviewer.press("Enter")

    _open_claim(page, "multipliée par six")
    _save_metric(page, new=True, figures=("3.1 · 2023", "5 · 2024"))
    _open_claim(page, "a triplé")
    _save_metric(page, new=False)
    expect(
        page.get_by_text(re.compile(rf"In metric {METRIC} with 2 claim\(s\) and 2 reported"))
    ).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(1)

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
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(5)
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(15)
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Words in the claim").fill("triplé")
    page.get_by_label("Words in the claim").press("Enter")
    expect(page.get_by_text("1 claims match the filters.")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
