"""Locating a quote in a source's text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.quotes import locate_quote

TEXT = (
    "Le ministre ukrainien de la Défense, Rustem Umerov, a confirmé que Kiev a signé des dizaines de "
    "nouveaux accords liés à la coopération dans la production ou l'échange de technologies d'armement."
)


def test_exact_quote_with_typographic_apostrophe():
    match = locate_quote("l’échange de technologies d’armement", TEXT)
    assert match.status == "exact" and TEXT[match.span[0] : match.span[1]] == match.surface
    assert match.surface == "l'échange de technologies d'armement"


def test_exact_ignores_case_and_extra_spaces():
    assert locate_quote("KIEV a   signé des dizaines", TEXT).status == "exact"


def test_fuzzy_quote_is_located_on_whole_words():
    match = locate_quote("Kiev a signé plusieurs dizaines de nouveaux accords", TEXT)
    assert match.status == "fuzzy" and match.score >= 85
    assert match.surface.startswith("Kiev") and match.surface.endswith("accords")


@pytest.mark.parametrize("quote", ["La récolte de céréales a baissé", "", "   "])
def test_absent(quote):
    assert locate_quote(quote, TEXT).status == "absent"


def test_threshold_is_an_option():
    quote = "Kiev a signé plusieurs dizaines de nouveaux accords"
    assert locate_quote(quote, TEXT, threshold=99.5).status == "absent"


@given(st.text(max_size=40), st.text(max_size=200))
def test_span_points_at_surface(quote, text):
    match = locate_quote(quote, text)
    if match.span:
        assert text[match.span[0] : match.span[1]] == match.surface
