"""Figures read from a source's text: kind, period, base, modality, spans."""

from hypothesis import given
from hypothesis import strategies as st

from sources.figures import extract_figures
from sources.observations import base_label, period_label

TEXT = (
    "Selon le ministère, la production nationale de défense a triplé en 2023 et devrait être "
    "multipliée par six en 2024. Plus de 250 fabricants ont participé au forum."
)


def test_multipliers_get_their_period_and_modality():
    figures = [f for f in extract_figures(TEXT, lang="fr") if f.kind == "multiplier"]
    assert [(f.value, period_label(f.period), f.modality) for f in figures] == [
        (3.0, "2023", "reported"),
        (6.0, "2024", "forecast"),
    ]


def test_years_are_periods_not_figures():
    values = [f.value for f in extract_figures(TEXT, lang="fr")]
    assert 2023 not in values and 2024 not in values and 202 not in values


def test_spans_point_at_surfaces():
    for figure in extract_figures(TEXT, lang="fr"):
        assert TEXT[figure.span[0] : figure.span[1]] == figure.surface


def test_multiplied_by_a_decimal_is_a_multiplier_with_its_base():
    text = "La production a été multipliée par 3,1 en 2023 par rapport à 2022."
    (figure,) = extract_figures(text, lang="fr")
    read = (figure.kind, figure.value, period_label(figure.period), base_label(figure.base))
    assert read == ("multiplier", 3.1, "2023", "2022")


def test_english_forecast():
    figures = extract_figures("Output is expected to double by 2025, the ministry said.", lang="en")
    assert figures and figures[0].modality == "forecast"


def test_no_sentence_end_does_not_hang():
    text = "1 " * 20_000  # 40 KB of figures and no sentence end
    assert len(extract_figures(text, lang="en")) > 0


@given(st.text(max_size=200))
def test_never_raises_and_spans_hold(text):
    for figure in extract_figures(text, lang="en"):
        assert text[figure.span[0] : figure.span[1]] == figure.surface
