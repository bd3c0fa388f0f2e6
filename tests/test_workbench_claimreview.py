"""ClaimReview JSON-LD: required fields present, the rating scale's numbers, published verdicts only."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from workbench.outputs.claimreview import (
    BEST,
    WORST,
    Publisher,
    claim_review,
    claim_reviews,
    claimreview_json,
    missing_fields,
    publisher_from_settings,
)
from workbench.storage.export_rows import EXPORT_COLUMNS


def _row(**overrides) -> dict:
    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row.update(
        article_title="Ukraine signs arms deals", article_url="https://news.example/ukraine",
        outlet="Example News", article_published="2023-12-20", claim_id=10,
        claim="Defence production tripled in 2023", claim_speaker="Ministry of Strategic Industries",
        claim_speaker_kind="organisation", verdict="Mostly true", verdict_state="published",
        rationale="3.1× per the ministry", verdict_date="2026-01-05", verdict_at="2026-01-05T10:31:00Z",
        published_at="2026-01-06T08:00:00Z",
    )  # fmt: skip
    row.update(overrides)
    return row


def _frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(EXPORT_COLUMNS))


def test_a_review_has_every_required_field_and_the_documented_shape():
    review = claim_review(_row(), Publisher(name="Desk", url="https://desk.example"))
    assert missing_fields(review) == []
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Defence production tripled in 2023"
    assert review["datePublished"] == "2026-01-06"
    assert review["author"] == {"@type": "Organization", "name": "Desk", "url": "https://desk.example"}
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Mostly true", "ratingValue": 4,
        "bestRating": BEST, "worstRating": WORST,
    }  # fmt: skip
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["datePublished"] == "2023-12-20"
    assert claim["author"] == {"@type": "Organization", "name": "Ministry of Strategic Industries"}
    assert claim["appearance"][0]["url"] == "https://news.example/ukraine"
    assert claim["firstAppearance"] == claim["appearance"][0]
    assert review["url"].endswith("/claims/10")


@pytest.mark.parametrize(
    ("rating", "value"), [("True", 5), ("Mostly true", 4), ("Misleading", 2), ("False", 1)]
)
def test_rating_scale_maps_to_documented_numbers(rating, value):
    assert claim_review(_row(verdict=rating), Publisher())["reviewRating"]["ratingValue"] == value


def test_unverifiable_has_a_name_but_no_number():
    rating = claim_review(_row(verdict="Unverifiable"), Publisher())["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert missing_fields(claim_review(_row(verdict="Unverifiable"), Publisher())) == []


def test_only_published_verdicts_become_reviews():
    df = _frame(
        _row(), _row(claim_id=11, verdict_state="proposed"), _row(claim_id=12, verdict="", verdict_state="")
    )
    reviews = claim_reviews(df, Publisher())
    assert [r["url"].rsplit("/", 1)[1] for r in reviews] == ["10"]
    parsed = json.loads(claimreview_json(reviews).decode("utf-8"))
    assert parsed == reviews and all(missing_fields(r) == [] for r in parsed)


def test_missing_fields_are_reported_by_path():
    review = claim_review(_row(), Publisher())
    del review["claimReviewed"]
    review["reviewRating"] = {"@type": "Rating", "ratingValue": 9}
    assert {"claimReviewed", "reviewRating.alternateName", "reviewRating.ratingValue"} <= set(
        missing_fields(review)
    )


def test_a_person_speaker_and_a_claim_without_url():
    claim = claim_review(
        _row(claim_speaker="Rustem Umerov", claim_speaker_kind="person", article_url=""), Publisher()
    )
    assert claim["itemReviewed"]["author"] == {"@type": "Person", "name": "Rustem Umerov"}
    assert "url" not in claim["itemReviewed"]["appearance"][0]


def test_organisation_from_settings_then_environment_then_default(monkeypatch):
    monkeypatch.delenv("WORKBENCH_ORGANISATION", raising=False)
    monkeypatch.delenv("WORKBENCH_PUBLIC_URL", raising=False)
    assert publisher_from_settings().name == "Fact-checking desk"
    monkeypatch.setenv("WORKBENCH_ORGANISATION", "Desk from env")
    monkeypatch.setenv("WORKBENCH_PUBLIC_URL", "https://desk.example/")
    from_env = publisher_from_settings()
    assert (
        from_env.name == "Desk from env" and from_env.url_template == "https://desk.example/claims/{claim_id}"
    )
    chosen = publisher_from_settings(
        {"name": "Le Desk", "url": "https://ledesk.example"},
        "https://ledesk.example/v/{claim_id}",
        {"Misleading": 3},
    )
    assert (chosen.name, chosen.url) == ("Le Desk", "https://ledesk.example")
    review = claim_review(_row(verdict="Misleading"), chosen)
    assert review["url"] == "https://ledesk.example/v/10" and review["reviewRating"]["ratingValue"] == 3


def test_the_claim_carries_the_period_its_figures_describe():
    publisher = Publisher("Desk", None, "https://desk.example/claims/{claim_id}", ())
    row = _row(statistic_periods="2021-01-01/2024-12-31; open: last year; ")
    assert claim_review(row, publisher)["itemReviewed"]["temporalCoverage"] == "2021-01-01/2024-12-31"
    assert (
        "temporalCoverage"
        not in claim_review(_row(statistic_periods="open: last year"), publisher)["itemReviewed"]
    )
