"""The seed article (French original and English translation): the claims a fact-checker expects, by facet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claims import Claim, split_claims

DATA = Path(__file__).parent / "data"
PUBLISHED = dt.date(2023, 12, 20)
WORDS = {
    "fr": {"agreements": "accord", "manufacturers": "fabricants", "forum": "forum",
           "conference": "conférence", "mou": "MoU", "shells": "obus", "production": "production",
           "ministry": "Industries stratégiques"},
    "en": {"agreements": "agreement", "manufacturers": "manufacturers", "forum": "forum",
           "conference": "conference", "mou": "MoU", "shells": "shells", "production": "production",
           "ministry": "Strategic Industries"},
}  # fmt: skip


@pytest.fixture(scope="module", params=["fr", "en"])
def article(request: pytest.FixtureRequest) -> tuple[str, str, list[Claim]]:
    lang = request.param
    text = (DATA / f"ukraine-defence-industry-{lang}.txt").read_text(encoding="utf-8")
    return lang, text, split_claims(text, lang=lang, published=PUBLISHED)


def _with(claims: list[Claim], word: str) -> list[Claim]:
    return [c for c in claims if word.lower() in c.text.lower()]


def _names(claim: Claim) -> set[str]:
    return {e.name for e in claim.entities if e.name}


def test_every_span_points_at_its_surface(article):
    _, text, claims = article
    assert claims
    for claim in claims:
        assert text[slice(*claim.span)] == claim.text
        for piece in (*claim.statistics, *claim.dates, *claim.entities):
            assert text[slice(*piece.span)] == piece.surface
        if claim.attribution and claim.attribution.span:
            assert text[slice(*claim.attribution.span)] == claim.attribution.surface


def test_furniture_is_not_a_claim(article):
    _, text, claims = article
    joined = " ".join(c.text for c in claims)
    assert "kyivindependent" not in joined
    assert "Comment (0)" not in joined
    assert all(c.text.strip() != "Source" for c in claims)
    caption = text.splitlines()[1]
    start = text.index(caption)
    assert not any(start <= c.span[0] < start + len(caption) for c in claims)


def test_dozens_of_agreements_on_15_december(article):
    lang, _, claims = article
    [claim] = [c for c in claims if any("15" in d.surface for d in c.dates)]
    dozens = [s for s in claim.statistics if s.vague]
    assert dozens and dozens[0].bound.kind == "approximate"
    assert WORDS[lang]["agreements"] in (dozens[0].counted or "")
    assert any(d.start == "2023-12-15" for d in claim.dates)
    assert "Ukraine" in _names(claim)


def test_umerov_confirmed_dozens_of_new_agreements(article):
    _, _, claims = article
    confirmed = [
        c for c in claims if c.attribution and c.attribution.speaker == "Rustem Umerov" and c.statistics
    ]
    assert any(s.vague and s.bound.kind == "approximate" for c in confirmed for s in c.statistics)


def test_more_than_250_manufacturers_at_a_september_forum(article):
    lang, _, claims = article
    [claim] = _with(claims, WORDS[lang]["forum"])
    [stat] = [s for s in claim.statistics if s.value == 250]
    assert (stat.bound.kind, stat.bound.low, stat.bound.inclusive) == ("lower", 250, False)
    assert WORDS[lang]["manufacturers"] in (stat.counted or "")
    assert any(d.start == "2023-09-01" for d in claim.dates)
    assert claim.attribution.speaker == "Rustem Umerov"  # named by surname only ("Oumerov", "Umerov")


def test_ukraine_us_conference_in_washington_in_december(article):
    lang, _, claims = article
    conference = [c for c in _with(claims, WORDS[lang]["conference"]) if "Washington" in _names(c)]
    assert len(conference) == 1
    claim = conference[0]
    assert {"Ukraine", "United States", "Washington"} <= _names(claim)
    assert any(d.start == "2023-12-01" and d.end == "2023-12-31" for d in claim.dates)
    assert WORDS[lang]["forum"] not in claim.text  # its own claim, apart from the forum


def test_mou_on_data_sharing_and_joint_production(article):
    lang, _, claims = article
    [claim] = _with(claims, WORDS[lang]["mou"])
    assert {"Kyiv", "Washington"} <= _names(claim)
    assert claim.attribution.speaker == "Rustem Umerov"
    assert claim.kind == "event"


def test_conference_this_week_with_british_manufacturers(article):
    _, _, claims = article
    [claim] = [c for c in claims if "BAE Systems" in _names(c)]
    assert "Babcock International Group" in _names(claim)
    bacock = [e for e in claim.entities if e.name == "Babcock International Group"]
    assert bacock[0].surface == "Bacock International Group" and bacock[0].kind == "organisation"
    assert claim.attribution.speaker == "Ukroboronprom"
    assert any(d.relative and d.granularity == "week" for d in claim.dates)


def test_planned_agreement_with_rheinmetall_and_contract_for_155_mm_shells(article):
    lang, _, claims = article
    [claim] = [c for c in claims if "Rheinmetall AG" in _names(c)]
    assert [e.surface for e in claim.entities if e.name == "Rheinmetall AG"] == ["Rheimentaal AG"]
    assert claim.modality == "target"
    [shells] = [s for s in claim.statistics if s.kind == "measure"]
    assert (shells.value, shells.unit) == (155, "mm")
    assert WORDS[lang]["shells"] in claim.text
    assert any(s.value == 2 for s in claim.statistics)  # two US companies


def test_production_tripled_then_sixfold_forecast(article):
    lang, _, claims = article
    triple = [c for c in claims if any(s.kind == "multiplier" and s.value == 3 for s in c.statistics)]
    six = [c for c in claims if any(s.kind == "multiplier" and s.value == 6 for s in c.statistics)]
    assert len(triple) == len(six) == 1
    a, b = triple[0], six[0]
    assert a.sentence_no == b.sentence_no and a.span[1] <= b.span[0]
    assert (a.modality, b.modality) == ("reported", "forecast")
    assert [d.start for d in a.dates] == ["2023-01-01"] and [d.start for d in b.dates] == ["2024-01-01"]
    assert a.subject == b.subject and WORDS[lang]["production"] in a.subject
    for claim in (a, b):  # the words of the article; the speaker's canonical name from the gazetteer
        assert WORDS[lang]["ministry"] in claim.attribution.surface
        assert "Strategic Industries" in claim.attribution.speaker
    assert a.kind == "change" and b.kind == "prediction"


def test_statistics_rank_above_context_and_opinion(article):
    _, _, claims = article
    # Reported figures: the learned score puts a forecast ("is expected to grow sixfold in 2024") below a
    # sentence that states as fact that Western stockpiles dwindle, as ClaimBuster's annotators would.
    figures = [c.worthiness for c in claims if c.statistics and c.modality == "reported"]
    context = [c.worthiness for c in claims if not c.statistics and not c.attribution]
    assert min(figures) > max(context)
    assert all(c.reasons for c in claims)
