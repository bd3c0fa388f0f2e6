"""French and English analysers."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.analysis import _FOLD, analyse, fold, stem
from sources.vocabulary import LANGUAGES, load


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("L’Ukraine a signé des dizaines d’accords", "fr", ["ukrain", "sign", "dizain", "accord"]),
        ("l'Ukraine a signé des dizaines d'accords", "fr", ["ukrain", "sign", "dizain", "accord"]),
        ("La production nationale", "fr", ["product", "national"]),
        ("The productions tripled in 2023", "en", ["product", "tripl", "2023"]),
        ("DÉFENSE défense Defense", "fr", ["defens", "defens", "defens"]),
    ],
)
def test_analyse(text, lang, expected):
    assert analyse(text, lang) == expected


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        (("agreement", "agreements"), "en"),
        (("manufacturer", "manufacturers"), "en"),
        (("fabricant", "fabricants"), "fr"),
        (("accord", "accords"), "fr"),
        (("industrielle", "industrielles"), "fr"),
    ],
)
def test_singular_and_plural_share_a_stem(words, lang):
    assert len({stem(w, lang) for w in words}) == 1


def test_english_keeps_final_s_of_process_and_analysis():
    assert stem("process", "en") == "process" and stem("analysis", "en") == "analysis"


def test_stopwords_are_dropped_per_language():
    assert analyse("the of and", "en") == [] and analyse("le la les des", "fr") == []
    assert analyse("le", "en") == ["le"]  # "le" is only a French function word


def test_every_language_has_the_same_tables():
    names = {"STOPWORDS", "SUFFIXES", "KEEP_ENDINGS", "FORECAST_CUES", "BASE_CUES", "MULTIPLIER_CUES"}
    for lang in LANGUAGES:
        assert names <= set(vars(load(lang))), lang


def test_unknown_language_falls_back_to_english():
    assert load("de") is load("en")


@given(st.text(max_size=300))
def test_analyse_never_raises_and_returns_folded_words(text):
    for term in analyse(text, "fr"):
        assert term and term == fold(term)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_the_unicode_path_would(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
