"""Properties of split_claims on any text: it never raises and every span points at its surface."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import split_claims

# Article-like pieces mixed with control characters, emoji, right-to-left text and other scripts.
PIECES = st.sampled_from(
    [
        "Le 15 décembre, l’Ukraine a signé des dizaines d’accords. ",
        "Production tripled in 2023 and is expected to grow sixfold in 2024. ",
        "Selon M. Dupont, 1,2 milliard d'euros. ",
        "According to the U.S. Army, more than 250 firms attended, Umerov said. ",
        "(Source : kyivindependent.com) |\n",
        "Comment (0)\n",
        "Par Jean Dupont\n",
        "مرحبا بالعالم ١٢٣ ",
        "שלום 42% ",
        "Привет, Кремль заявил 5 млн. ",
        "東京は2024年に成長した。",
        "🙂👍🏽 ",
        "\u202e\u202d\u200b\ufeff",
        "\x00\x01\x07\x1b\x7f",
        "\r\n\u2028\u2029\t",
        "...!!!???",
        "«  » “ ” ' ’ ",
        "Bacock International Group et BAE Systems ",
        "p. 12 U.S. e.g. 3 p.m. ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=30).map("".join)
)


def _check(text: str, **options) -> None:
    for claim in split_claims(text, **options):
        assert text[slice(*claim.span)] == claim.text and claim.text.strip()
        for piece in (*claim.statistics, *claim.dates, *claim.entities):
            assert text[slice(*piece.span)] == piece.surface
        if claim.attribution is not None and claim.attribution.span is not None:
            assert text[slice(*claim.attribution.span)] == claim.attribution.surface
        assert 0.0 <= claim.worthiness <= 1.0
        assert claim.modality in ("reported", "forecast", "target", "hypothetical", "estimate")


@settings(
    max_examples=int(os.environ.get("CLAIMS_HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=TEXTS, lang=st.sampled_from([None, "fr", "en"]))
def test_never_raises_and_spans_point_at_surfaces(text, lang):
    _check(text, lang=lang)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\x00", "Source\nComment (0)\n"])
def test_empty_or_furniture_only_gives_no_claims(text):
    assert split_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,  # one endless word
        "." * 100_000,  # punctuation only
        "Kiev " * 20_000,  # an endless sentence of names
        ("1,2 " * 25_000),  # an endless run of figures
        "( « " * 25_000,  # unbalanced brackets and quotes
    ],
    ids=["word", "dots", "names", "figures", "brackets"],
)
def test_pathological_inputs_are_processed(text):
    # their time against a tenth of the input is measured by bench/linearity.py, not asserted here
    _check(text)


@pytest.mark.skipif(not os.environ.get("CLAIMS_TEST_10MB"), reason="set CLAIMS_TEST_10MB=1 (takes minutes)")
def test_ten_megabytes_of_news_finish():
    from pathlib import Path

    data = Path(__file__).parent / "data"
    unit = "\n".join(
        (data / f"ukraine-defence-industry-{lang}.txt").read_text("utf-8") for lang in ("fr", "en")
    )
    text = (unit * (10_000_000 // len(unit) + 1))[:10_000_000]
    claims = split_claims(text)
    assert len(claims) > 10_000
    assert text[slice(*claims[-1].span)] == claims[-1].text
