"""ClaimReview JSON-LD (https://schema.org/ClaimReview) for published verdicts.

Built from the verdict export rows (``workbench.storage.export_rows``), so the CSV and the JSON-LD
always agree. Only rows whose ``verdict_state`` is ``published`` become reviews.

Rating scale (``reviewRating``): ``bestRating`` 5, ``worstRating`` 1, ``alternateName`` the desk's
rating word, and ``ratingValue`` the number the desk's own rating scale gives it
(``workbench.domain.ratings``, edited on the Desk settings page; the default scale:

    True 5 · Mostly true 4 · Half true 3 · Misleading 2 · False 1 · Unverifiable: no ratingValue

"Misleading" sits at 2, not 3, because the impression it leaves is wrong. "Unverifiable" is not a point on
a truth scale, so it gets no number, only its name; nor does a rating given before the desk renamed or
removed it. The older ``claimreview.rating_values`` setting (a JSON object rating -> number) still
overrides a number.

Organisation (``author``): the ``organisation`` setting ({"name": ..., "url": ..., "logo": ...} or a name),
otherwise the WORKBENCH_ORGANISATION environment variable, otherwise "Fact-checking desk".
Review URL: the ``claimreview.url_template`` setting with ``{claim_id}``, otherwise
``$WORKBENCH_PUBLIC_URL/claims/{claim_id}`` (default base https://example.org/fact-checks).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pandas as pd

from workbench.domain.ratings import BEST_VALUE as BEST
from workbench.domain.ratings import DEFAULT_SCALE, Rating, rating_values
from workbench.domain.ratings import WORST_VALUE as WORST
from workbench.domain.textsafe import json_for_html, safe_link

RATING_VALUES: dict[str, int] = rating_values(DEFAULT_SCALE)
DEFAULT_ORGANISATION = "Fact-checking desk"
DEFAULT_BASE_URL = "https://example.org/fact-checks"
REQUIRED: tuple[str, ...] = (
    "@context",
    "@type",
    "url",
    "claimReviewed",
    "author",
    "reviewRating",
    "itemReviewed",
)


@dataclass(frozen=True)
class Publisher:
    """Who signs the reviews, and where a review of claim N lives (``url_template`` with {claim_id})."""

    name: str = DEFAULT_ORGANISATION
    url: str | None = None
    url_template: str = DEFAULT_BASE_URL + "/claims/{claim_id}"
    rating_values: tuple[tuple[str, int], ...] = tuple(RATING_VALUES.items())
    logo: str | None = None

    @property
    def uses_example_url(self) -> bool:
        """True while reviews would point at the example address, not at the desk's own site."""
        return self.url_template.startswith(DEFAULT_BASE_URL)


def publisher_from_settings(
    organisation: object = None,
    url_template: object = None,
    rating_values: object = None,
    *,
    scale: Iterable[Rating] = DEFAULT_SCALE,
) -> Publisher:
    """A Publisher from the desk's settings values, falling back to the environment and defaults;
    ``scale``: the desk's rating scale, whose numbers are the ratingValues."""
    name = os.environ.get("WORKBENCH_ORGANISATION") or DEFAULT_ORGANISATION
    url = logo = None
    if isinstance(organisation, dict):
        name, url, logo = organisation.get("name") or name, organisation.get("url"), organisation.get("logo")
    elif isinstance(organisation, str) and organisation:
        name = organisation
    base = os.environ.get("WORKBENCH_PUBLIC_URL", DEFAULT_BASE_URL).rstrip("/")
    template = (
        url_template
        if isinstance(url_template, str) and "{claim_id}" in url_template and safe_link(url_template)
        else None
    )
    values = {r.name: r.value for r in scale if r.value is not None}
    if isinstance(rating_values, dict):  # the older per-rating override; a rating stored as None gets none
        values.update({str(k): int(v) for k, v in rating_values.items() if v is not None})
        for rating in [str(k) for k, v in rating_values.items() if v is None]:
            values.pop(rating, None)
    return Publisher(name, url, template or base + "/claims/{claim_id}", tuple(values.items()), logo)


def _organisation(name: str, url: str | None = None, logo: str | None = None) -> dict:
    found = {"@type": "Organization", "name": name}
    link = safe_link(url) if url else None  # http(s) only: never a javascript: URL in published markup
    if link:
        found["url"] = link
    if image := safe_link(logo) if logo else None:
        # schema.org's Organization.logo; Google's fact-check tools read the publisher's image as ``image``
        found |= {"logo": image, "image": image}
    return found


def _appearance(row: Mapping) -> dict:
    work: dict = {"@type": "CreativeWork", "headline": row["article_title"]}
    if row["article_url"] and safe_link(row["article_url"]):
        work["url"] = safe_link(row["article_url"])
    if row["outlet"]:
        work["publisher"] = _organisation(row["outlet"])
    if row["article_published"]:
        work["datePublished"] = row["article_published"]
    return work


def temporal_coverage(periods: str | None) -> str | None:
    """The time the claim's figures describe, as one ISO 8601 interval from the export's
    ``statistic_periods`` cell (open periods are left out: never guessed).

    >>> temporal_coverage("2024-05-01/2025-04-30; open: last year; 2023-01-01/2023-12-31")
    '2023-01-01/2025-04-30'
    """
    bounds = []
    for cell in (periods or "").split("; "):
        if cell and not cell.startswith("open"):
            start, _, end = cell.partition("/")
            bounds.append((start, end or start))
    if not bounds:
        return None
    first, last = min(b[0] for b in bounds), max(b[1] for b in bounds)
    return first if first == last else f"{first}/{last}"


def claim_review(row: Mapping, publisher: Publisher) -> dict:
    """One ClaimReview object for an export row with a published verdict."""
    values = dict(publisher.rating_values)
    rating: dict = {"@type": "Rating", "alternateName": row["verdict"]}
    if row["verdict"] in values:
        rating |= {"ratingValue": values[row["verdict"]], "bestRating": BEST, "worstRating": WORST}
    appearance = _appearance(row)
    claim: dict = {"@type": "Claim", "appearance": [appearance], "firstAppearance": appearance}
    if row["claim_speaker"]:
        # the export row's kind: the reviewer's, else the gazetteer's, else read from the name
        kind = "Organization" if row.get("claim_speaker_kind") == "organisation" else "Person"
        claim["author"] = {"@type": kind, "name": row["claim_speaker"]}
    elif row["outlet"]:
        claim["author"] = _organisation(row["outlet"])
    if row["article_published"]:
        claim["datePublished"] = row["article_published"]
    coverage = temporal_coverage(row.get("statistic_periods"))
    if coverage:
        claim["temporalCoverage"] = coverage  # the period the figures describe, as the CSV gives it
    published = row["published_at"] or row.get("verdict_at") or row["verdict_date"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.url_template.format(claim_id=row["claim_id"]),
        "claimReviewed": row.get("claim_in_full") or row["claim"],  # a fragment with its subject
        "datePublished": published[:10],
        "author": _organisation(publisher.name, publisher.url, publisher.logo),
        "reviewRating": rating,
        "itemReviewed": claim,
        "reviewBody": row["rationale"],
    }


def claim_reviews(df: pd.DataFrame, publisher: Publisher) -> list[dict]:
    """ClaimReview objects for the rows whose verdict is published (others are left out)."""
    return list(iter_claim_reviews(df, publisher))


def claimreview_json(reviews: Iterable[dict]) -> bytes:
    """A JSON array of ClaimReview objects (UTF-8) for a ``<script type="application/ld+json">``.

    Encoded review by review, so a large export never holds the whole document as one ``str``.
    """
    return b"".join(claimreview_chunks(reviews))


def claimreview_chunks(reviews: Iterable[dict]) -> Iterator[bytes]:
    """The JSON array in pieces (for writing a large export to a file as it is made)."""
    yield b"["
    for number, review in enumerate(reviews):
        # escaped for a <script type="application/ld+json">: no "</script>" or "<!--" can end it early
        text = json_for_html(review, indent=1).replace("\n", "\n ")
        yield (",\n " if number else "\n ").encode() + text.encode("utf-8")
    yield b"\n]"


def iter_claim_reviews(df: pd.DataFrame, publisher: Publisher) -> Iterator[dict]:
    """``claim_reviews`` one at a time."""
    published = df[df["verdict_state"].eq("published") & df["verdict"].ne("")].fillna("")
    for row in published.to_dict("records"):
        yield claim_review(row, publisher)


def missing_fields(review: dict) -> list[str]:
    """The required ClaimReview fields absent or empty in ``review`` (dotted paths).

    >>> missing_fields({"@type": "ClaimReview"})[:2]
    ['@context', 'url']
    """
    missing = [key for key in REQUIRED if not review.get(key)]
    rating = review.get("reviewRating") or {}
    if not rating.get("alternateName"):
        missing.append("reviewRating.alternateName")
    if "ratingValue" in rating and not WORST <= rating["ratingValue"] <= BEST:
        missing.append("reviewRating.ratingValue")
    if not (review.get("author") or {}).get("name"):
        missing.append("author.name")
    if not (review.get("itemReviewed") or {}).get("appearance"):
        missing.append("itemReviewed.appearance")
    return missing
