"""Claim kinds and check-worthiness: figures rank high, opinion and context low, every score explained."""

from __future__ import annotations

import pytest

from claims import split_claims
from claims.worthiness import KINDS, assess


def _top(text: str, lang: str = "en"):
    claims = split_claims(text, lang=lang)
    return max(claims, key=lambda c: c.worthiness)


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Unemployment fell to 3.9% in 2023.", "change"),
        ("en", "The company employs more than 12,000 people.", "quantity"),
        ("en", "Wages are higher than in France.", "comparison"),
        ("en", "Texas is the largest producer of wind power in the country.", "ranking"),
        ("en", "Inflation is expected to reach 4% next year.", "prediction"),
        ("en", "The leaders signed a treaty in Geneva.", "event"),
        ("en", "“We will never surrender,” the general said.", "quote"),
        ("en", "The law bans smoking in public places.", "rule"),
        ("en", "I think this is a wonderful idea.", "opinion"),
        ("fr", "Le chômage a baissé de 2 points en un an.", "change"),
        ("fr", "L'usine emploie plus de 1 200 salariés.", "quantity"),
        ("fr", "La production devrait doubler d'ici 2030.", "prediction"),
        ("fr", "Je pense que c'est une honte.", "opinion"),
    ],
)
def test_kind(lang, text, kind):
    assert kind in KINDS
    assert _top(text, lang).kind == kind


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        ("The company employs more than 12,000 people.", "I think this is a wonderful idea."),
        ("Unemployment fell to 3.9% in 2023.", "Thank you very much, everybody."),
        ("According to the IMF, debt reached 120% of GDP in 2022.", "We must do better for our children."),
        ("Ford moved 2,000 jobs to Mexico last year.", "Is that what you want?"),
        ("The Senate passed the bill by 52 votes to 48.", "This decision comes as tensions rise."),
    ],
)
def test_statistics_rank_above_opinion_questions_and_context(higher, lower):
    assert _top(higher).worthiness > _top(lower).worthiness


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("More than 250 manufacturers attended.", "contains a bounded count"),
        ("Output is expected to grow sixfold in 2024.", "forecast"),
        ("Output tripled, the ministry said.", "attributed to a named source"),
        ("I love you all.", "no verifiable content"),
        ("Why would anyone do that?", "question"),
    ],
)
def test_reasons_are_readable(text, reason):
    assert reason in _top(text).reasons


def test_no_verifiable_content_stays_low():
    verdict = assess("Honestly, I feel great about it.", lang="en")
    assert verdict.worthiness <= 0.15 and "no verifiable content" in verdict.reasons


def test_a_year_alone_is_a_date_not_a_figure():
    [claim] = split_claims("The war began in 2022.", lang="en")
    assert "contains a figure" not in claim.reasons
    assert "has a date" in claim.reasons


def test_worthiness_is_bounded():
    for text in ("", "a", "?" * 50, "More than 5 and 6 and 7 and 8 and 9 % rose faster than ever in 2020."):
        verdict = assess(text, lang="en")
        assert 0.0 <= verdict.worthiness <= 1.0
