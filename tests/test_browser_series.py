"""A statistical series in Chromium: import a series file on the Sources page, link it to the seed's ×3
claim from the claim panel, read the comparison sentence, see the chart and download its CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import choose_option, click, sign_reviewer, wait_idle

DOCS = Path(__file__).resolve().parents[1] / "docs"
# a ministry's yearly index, with a provisional last value
SERIES = "period,value,flag\n2020,80,\n2021,100,\n2022,150,\n2023,420,p\n"


@pytest.fixture(scope="module")
def app(serve_app):
    return serve_app(demo=True)


def test_import_a_series_link_it_to_the_x3_claim_and_download_its_chart(app, page: Page, tmp_path):
    page.goto(f"{app.url}/sources")
    expect(page.get_by_role("heading", name="Sources", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")
    click(page, page.get_by_text("Import a statistical series"))

    path = tmp_path / "defence-index.csv"
    path.write_text(SERIES, encoding="utf-8")
    wait_idle(page)
    page.locator(".st-key-series-file input[type=file]").set_input_files(path)
    expect(page.get_by_text("defence-index.csv")).to_be_visible()
    page.get_by_label("What is measured (when the file does not say)").fill("defence production index")
    page.get_by_label("Publisher (when the file does not say)").fill("Ministry of Strategic Industries")
    click(page, page.get_by_role("button", name="Import series"))
    done = page.get_by_text(re.compile(r"Imported 1 series \(4 values, tidy\) as source\(s\) #(\d+)"))
    expect(done).to_be_visible()
    source_id = re.search(r"#(\d+)", done.inner_text()).group(1)

    page.goto(app.url)  # a new session: the reviewer signs again
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")
    choose_option(page, "Claim", "a triplé")
    choose_option(page, "Source", f"#{source_id} defence production index")
    why = page.get_by_label("Quote from the source — for a series, why this series", exact=True)
    why.fill("The ministry's own yearly index")
    click(page, page.get_by_role("button", name="Link source"))
    expect(page.get_by_text("Source linked.")).to_be_visible()

    # 420 / 150 = ×2.8 from 2022 (the year before "en 2023") to 2023: the claim's ×3 is 7.1 % above it
    sentence = page.get_by_text(re.compile(rf"vs #{source_id}: .*gives ×2\.8 from 2022 to 2023"))
    expect(sentence).to_be_visible()
    expect(sentence).to_contain_text("the claim's ×3 is 7.1 % above it")
    # keyed by the series and the claim's statistic: series.<source>.<statistic>.downloads
    downloads = page.locator(f"[class*='st-key-series-{source_id}-'][class*='-downloads']")
    expect(downloads).to_have_count(1)
    # the nearest box around this chart's downloads that holds a chart is the chart's own box
    box = downloads.locator("xpath=ancestor::*[.//*[@data-testid='stVegaLiteChart']][1]")
    chart = box.get_by_test_id("stVegaLiteChart")
    expect(chart).to_have_count(1)
    expect(chart.locator("canvas, svg").first).to_be_visible()

    wait_idle(page)
    with page.expect_download() as info:
        downloads.get_by_test_id("stDownloadButton").filter(has_text=re.compile(r"CSV data$")).click()
    saved = tmp_path / "series.csv"
    info.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text("utf-8-sig"))))
    series = [(r["period"], float(r["value"]), r["flags"]) for r in rows if r["layer"] == "series"]
    assert series == [
        ("2020", 80.0, ""),
        ("2021", 100.0, ""),
        ("2022", 150.0, ""),
        ("2023", 420.0, "provisional"),
    ]
    path_rows = [(r["period"], float(r["value"])) for r in rows if r["layer"] == "claim path"]
    assert path_rows == [("2022", 150.0), ("2023", 450.0)]  # the path ×3 implies from 2022's value

    DOCS.mkdir(exist_ok=True)
    box.scroll_into_view_if_needed()
    wait_idle(page)
    box.screenshot(path=DOCS / "series-chart.png")


def test_link_the_example_series_from_the_suggestions_and_see_why(app, page: Page):
    page.goto(f"{app.url}/?article=1&claim=1")  # the seed's first claim: "des dizaines d'accords"
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    sign_reviewer(page, "Ana Reviewer")
    expect(page.get_by_role("heading", name="Claim #1")).to_be_visible()
    expect(page.get_by_text("Suggested sources")).to_be_visible()
    # the demo's illustrative series (source #4) among the suggestions, with why it was suggested
    expect(
        page.get_by_text(re.compile(r"^Why: measures: Example: national defence production index"))
    ).to_be_visible()
    click(page, page.locator(".st-key-suggest-link-4").get_by_role("button"))
    expect(page.get_by_label("Source", exact=True)).to_have_value(
        re.compile(r"^#4 Example: national defence")
    )
    click(page, page.get_by_role("button", name="Link source"))
    expect(page.get_by_text("Source linked.")).to_be_visible()
    why = page.get_by_text(re.compile(r"^Linked from a suggestion: measures: Example: national defence"))
    expect(why).to_be_visible()
    why.scroll_into_view_if_needed()
    page.screenshot(path=DOCS / "series-linked-why.png")
