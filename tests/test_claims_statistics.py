"""The statistics parser: golden cases a journalist can read, properties on any text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.models import Bound
from claims.statistics import parse_statistics

DATA = Path(__file__).parent / "data"


def _cases(lang: str) -> list[tuple[str, list[dict]]]:
    cases = json.loads((DATA / f"statistics_{lang}.json").read_text(encoding="utf-8"))["cases"]
    return [(case["input"], case["expected"]) for case in cases]


def _check(text: str, lang: str, expected: list[dict]) -> None:
    stats = parse_statistics(text, lang=lang)
    assert [s.surface for s in stats] == [e["surface"] for e in expected]
    for stat, want in zip(stats, expected, strict=True):
        for field in ("kind", "unit", "counted", "direction"):
            if field in want:
                assert getattr(stat, field) == want[field], (stat.surface, field)
        if "value" in want:
            assert stat.value == (None if want["value"] is None else pytest.approx(want["value"]))
        if "bound" in want:
            kind, low, high, inclusive = want["bound"]
            assert stat.bound.kind == kind and stat.bound.inclusive == inclusive
            assert stat.bound.low == (None if low is None else pytest.approx(low))
            assert stat.bound.high == (None if high is None else pytest.approx(high))


@pytest.mark.parametrize(("text", "expected"), _cases("fr"))
def test_golden_fr(text: str, expected: list[dict]) -> None:
    _check(text, "fr", expected)


@pytest.mark.parametrize(("text", "expected"), _cases("en"))
def test_golden_en(text: str, expected: list[dict]) -> None:
    _check(text, "en", expected)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "kind", "value"),
    [
        ("a quadruplé", "fr", "a quadruplé", "multiplier", 4),
        ("multipliée par six", "fr", "multipliée par six", "multiplier", 6),
        ("a diminué de moitié", "fr", "a diminué de moitié", "multiplier", 0.5),
        ("×6", "en", "×6", "multiplier", 6),
        ("x3 in a year", "en", "x3", "multiplier", 3),
        ("a six-fold increase", "en", "six-fold", "multiplier", 6),
        ("twice as many", "en", "twice", "multiplier", 2),
        ("3 millions", "fr", "3 millions", "number", 3_000_000),
        ("5k", "en", "5k", "number", 5000),
        ("12%", "fr", "12%", "percent", 12),
        ("150 000 hryvnias", "fr", "150 000 hryvnias", "money", 150_000),
        ("USD 40 million", "en", "USD 40 million", "money", 40_000_000),
        ("£2,000", "en", "£2,000", "money", 2000),
        ("25 °C", "fr", "25 °C", "measure", 25),
        ("40 m²", "fr", "40 m²", "measure", 40),
        ("12 tonnes", "en", "12 tonnes", "measure", 12),
    ],
)
def test_single_figure(text: str, lang: str, surface: str, kind: str, value: float) -> None:
    stat = parse_statistics(text, lang=lang)[0]
    assert (stat.surface, stat.kind, stat.value) == (surface, kind, pytest.approx(value))


@pytest.mark.parametrize(
    "text",
    ["en 2023", "le 15 décembre", "à 14h30", "article 12", "appelez le 01 23 45 67 89", "F-16", "covid-19"],
)
def test_not_statistics_fr(text: str) -> None:
    assert parse_statistics(text, lang="fr") == []


@pytest.mark.parametrize("text", ["in 2023", "December 15", "at 10:30", "no one came", "Airbus A320"])
def test_not_statistics_en(text: str) -> None:
    assert parse_statistics(text, lang="en") == []


def test_narrow_spaces_group_digits() -> None:
    for space in (" ", "\u00a0", "\u202f"):
        assert parse_statistics(f"250{space}000 soldats", lang="fr")[0].value == 250_000


def test_bounds_are_open_or_closed() -> None:
    more, least = parse_statistics("plus de 250 et au moins 3", lang="fr")
    assert more.bound == Bound("lower", 250, None, False)
    assert least.bound == Bound("lower", 3, None, True)


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Production exceeded 120,000 tonnes in 2024.", "en", "exceeded 120,000 tonnes", 120_000),
        ("Sales topped $3 billion.", "en", "topped $3 billion", 3e9),
        ("Debt surpassed 110% of GDP.", "en", "surpassed 110%", 110),
        ("La production a dépassé les 120 000 tonnes.", "fr", "dépassé les 120 000 tonnes", 120_000),
        ("Le chômage dépasse 8 % en 2023.", "fr", "dépasse 8 %", 8),
    ],
)
def test_a_verb_of_passing_a_figure_makes_a_lower_bound(text: str, lang: str, surface: str, value) -> None:
    (stat,) = parse_statistics(text, lang=lang)
    assert (stat.surface, stat.value) == (surface, value)
    assert stat.bound == Bound("lower", value, None, False)


def test_long_input_is_read_whole() -> None:
    # the time it takes against a shorter input is measured by bench/linearity.py
    sentence = "Plus de 250 fabricants ont signé 12 accords pour 1,2 milliard d'euros. "
    stats = parse_statistics(sentence * 2_000, lang="fr")
    assert len(stats) == 3 * 2_000
    assert stats[-1].span == (len(sentence) * 1_999 + 49, len(sentence) * 1_999 + 69)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), st.sampled_from(["fr", "en", "xx"]))
def test_never_raises_and_spans_hold(text: str, lang: str) -> None:
    for stat in parse_statistics(text, lang=lang):
        assert text[stat.span[0] : stat.span[1]] == stat.surface


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "plus de",
                "12",
                "250 000",
                "%",
                "millions",
                "d'euros",
                "a triplé",
                "entre",
                "et",
                "-",
                "\u202f",
                "\u200f",
                "😀",
                "\x00",
                "quatre-vingt",
                "one",
                "hundred",
                "and a half",
                "×",
                "fold",
                "1,2",
                " ",
            ]
        ),
        max_size=20,
    ),
    st.sampled_from(["fr", "en"]),
)
def test_figure_soup(parts: list[str], lang: str) -> None:
    text = " ".join(parts)
    for stat in parse_statistics(text, lang=lang):
        assert text[stat.span[0] : stat.span[1]] == stat.surface


@pytest.mark.parametrize(
    "text",
    [
        "\u202eplus de 250\u202c soldats 😀 et ١٢ مليون",
        "\x00\x01 12 %\x7f 3 millions\u200b d'euros",
        "שלום 1,2 milliard — 3–5 % 🇫🇷",
    ],
)
def test_control_emoji_rtl(text: str) -> None:
    stats = parse_statistics(text, lang="fr")
    assert stats, text
    for stat in stats:
        assert text[stat.span[0] : stat.span[1]] == stat.surface


@pytest.mark.parametrize(
    ("text", "lang", "readings"),
    [
        ("Dozens of firms signed.", "en", ["dozens (24–99)"]),
        ("Des centaines de soldats.", "fr", ["des centaines (200–999)"]),
        ("Sales rose 40% and margins fell 2 points.", "en", ["+40 %", "−2 pp"]),
        ("Le taux est passé de 7 % à 9 %.", "fr", ["from 7 % to 9 % (+2 pp)"]),
        ("Prices fell from $5 to $3.", "en", ["from 5 USD to 3 USD (−2 USD)"]),
        ("One voter in five stayed home.", "en", ["1 voter in 5"]),
        ("More than 250 makers; exports tripled.", "en", ["more than 250 makers", "×3"]),
    ],
)
def test_readings(text: str, lang: str, readings: list[str]) -> None:
    assert [s.describe() for s in parse_statistics(text, lang=lang)] == readings


def test_how_about_is_a_suggestion_not_an_approximation() -> None:
    (stat,) = parse_statistics("How about 3 or more?", lang="en")
    assert stat.surface == "3 or more" and stat.bound.kind == "lower"
    (stat,) = parse_statistics("There were about 3 or more.", lang="en")
    assert stat.surface == "about 3 or more"
