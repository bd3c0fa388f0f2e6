"""Number reading with offsets: digits in both locales, words, fractions, ordinals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.numbers import find_numbers, value_of, words_to_digits


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("250 000", "fr", "250 000", 250_000),
        ("250\u202f000", "fr", "250\u202f000", 250_000),
        ("250,000", "en", "250,000", 250_000),
        ("1,2", "fr", "1,2", 1.2),
        ("1.2", "en", "1.2", 1.2),
        ("4.800", "en", "4.800", 4.8),
        ("1.200.000", "fr", "1.200.000", 1_200_000),
        ("1 234 567,89", "fr", "1 234 567,89", 1_234_567.89),
        ("3/4", "en", "3/4", 0.75),
        ("2 1/4", "en", "2 1/4", 2.25),
        ("-4/5", "fr", "-4/5", -0.8),
        ("1e10", "en", "1e10", 1e10),
        ("100k", "en", "100k", 100_000),
        ("vingt et un", "fr", "vingt et un", 21),
        ("soixante-dix", "fr", "soixante-dix", 70),
        ("quatre-vingt-quinze", "fr", "quatre-vingt-quinze", 95),
        ("soixante et onze", "fr", "soixante et onze", 71),
        ("trois cent trente et un", "fr", "trois cent trente et un", 331),
        ("deux  cent  deux  mille", "fr", "deux  cent  deux  mille", 202_000),
        ("un million et demi", "fr", "un million et demi", 1_500_000),
        ("trois quarts", "fr", "trois quarts", 0.75),
        ("une douzaine", "fr", "une douzaine", 12),
        ("one hundred and six", "en", "one hundred and six", 106),
        ("twenty-one trillion three hundred", "en", "twenty-one trillion three hundred", 21e12 + 300),
        ("a dozen", "en", "a dozen", 12),
        ("three dozens", "en", "three dozens", 36),
        ("half", "en", "half", 0.5),
        ("a quarter", "en", "a quarter", 0.25),
        ("two thirds", "en", "two thirds", 2 / 3),
        ("one and a half", "en", "one and a half", 1.5),
        ("3 million and a half", "en", "3 million and a half", 3_500_000),
        ("nine point nought four", "en", "nine point nought four", 9.04),
        ("forty five hundred thirty eight", "en", "forty five hundred thirty eight", 4538),
        ("minus one", "en", "minus one", -1),
    ],
)
def test_one_number(text: str, lang: str, surface: str, value: float) -> None:
    (number,) = find_numbers(text, lang=lang)
    assert text[number.start : number.end] == surface
    assert number.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("one two three", "en", [1, 2, 3]),
        ("1, 234, 567", "en", [1, 234, 567]),
        ("423 0000", "en", [423, 0]),
        ("cinquante soixante trente et onze", "fr", [50, 60, 30, 11]),
        ("4000 trois cent vingt et un", "fr", [4000, 321]),
    ],
)
def test_number_boundaries(text: str, lang: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text, lang=lang)] == values


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("21st", "en", 21),
        ("2e", "fr", 2),
        ("1er", "fr", 1),
        ("twenty-first", "en", 21),
        ("vingt et unième", "fr", 21),
    ],
)
def test_ordinals(text: str, lang: str, value: float) -> None:
    (number,) = find_numbers(text, lang=lang)
    assert (number.kind, number.value) == ("ordinal", value)


def test_glued_units_are_flagged() -> None:
    (number,) = find_numbers("29km", lang="en")
    assert number.glued == "km"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("quatre-vingt-dix-sept", "fr", 97),
        ("mil neuf cent vingt", "fr", 1920),
        ("nineteen hundred seventy-three", "en", 1973),
    ],
)
def test_value_of(text: str, lang: str, value: float) -> None:
    assert value_of(text, lang=lang) == value


@pytest.mark.parametrize(
    ("text", "lang"), [("mille mille deux cent", "fr"), ("sixty fifteen", "en"), ("five zero", "en")]
)
def test_value_of_rejects(text: str, lang: str) -> None:
    with pytest.raises(ValueError):
        value_of(text, lang=lang)


def test_words_to_digits_keeps_articles() -> None:
    assert (
        words_to_digits("Vingt-cinq vaches, douze poulets et un âne.", lang="fr")
        == "25 vaches, 12 poulets et un âne."
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.sampled_from(["fr", "en"]))
def test_spans_inside_text(text: str, lang: str) -> None:
    for number in find_numbers(text, lang=lang):
        assert 0 <= number.start < number.end <= len(text)


def test_ordinal_after_teen_does_not_crash() -> None:
    numbers = find_numbers("neuf mille neuf cent quatre-vingt-dix seconde", lang="fr")
    assert numbers[0].value == 9990


def _number_words(lang: str) -> list[str]:
    from claims.number_lexicon import lexicon

    return sorted(lexicon(lang).words)


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(["fr", "en"]))
def test_word_soup_never_raises(data: st.DataObject, lang: str) -> None:
    pieces = st.sampled_from([*_number_words(lang), "12", "1,5", "3/4", "%", "$", "-", "de", "of"])
    parts = data.draw(st.lists(pieces, max_size=12))
    text = data.draw(st.sampled_from([" ", "-", "  "])).join(parts)
    for number in find_numbers(text, lang=lang):
        assert 0 <= number.start < number.end <= len(text)
    words_to_digits(text, lang=lang)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("4,5 k", "fr", "4,5 k", 4500),  # a scale letter written apart, where French copy does it
        ("trois mille millionièmes", "fr", "trois mille millionièmes", 0.003),
        ("five thousand millionths", "en", "five thousand millionths", 0.005),
        ("deux trillions", "fr", "deux trillions", 2e12),  # the news sense, see BENCHMARKS-accuracy.md
        ("half a million people", "en", "half a million", 500_000),  # one number, not a half and a million
        ("half a billion dollars", "en", "half a billion", 5e8),
    ],
)
def test_scales_written_apart_and_scale_fractions(text: str, lang: str, surface: str, value: float) -> None:
    (number,) = find_numbers(text, lang=lang)
    assert text[number.start : number.end] == surface
    assert number.value == pytest.approx(value)


def test_spaced_scale_letter_stays_english_free() -> None:
    assert [n.value for n in find_numbers("plan 4 k", lang="en")] == [4]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Skip to the next chapter, not the previous one.", "en",
         [("next", "current", 1), ("previous one", "current", -1)]),
        ("She came third to last.", "en", [("third to last", "end", -2)]),
        ("Elle a fini avant-dernière, lui l’avant-dernier.", "fr",
         [("avant-dernière", "end", -1), ("l’avant-dernier", "end", -1)]),
        ("La semaine suivante, le dernier train.", "fr", [("suivante", "current", 1), ("dernier", "end", 0)]),
        ("Les dernières-nées", "fr", []),
    ],
)  # fmt: skip
def test_relative_ordinals(text: str, lang: str, found: list[tuple[str, str, int]]) -> None:
    from claims.relative_ordinals import find_relative_ordinals

    got = [(text[o.start : o.end], o.anchor, o.offset) for o in find_relative_ordinals(text, lang=lang)]
    assert got == found


@pytest.mark.parametrize(
    ("text", "lang", "article_one", "found"),
    [
        ("Convert kelvin into celsius, then 12 kelvin.", "en", False, [("kelvin", None), ("celsius", None)]),
        ("Only a small percent agree.", "en", False, [("percent", None)]),
        ("He drank a gallon and a pint.", "en", True, [("a gallon", 1.0)]),
        ("Fill the cup; a year passed.", "en", True, []),  # everyday words, durations
        ("Le pied de la table se mesure en mètres.", "fr", False, [("mètres", None)]),
        ("Le pied de la table mesure un mètre.", "fr", False, []),  # "un mètre" is a figure already
    ],
)
def test_unit_mentions(
    text: str, lang: str, article_one: bool, found: list[tuple[str, float | None]]
) -> None:
    from claims.quantities import find_unit_mentions

    got = find_unit_mentions(text, lang=lang, article_one=article_one)
    assert [(text[q.start : q.end], q.value) for q in got] == found
