"""Ranking statistical series for a claim: geography, unit and coverage signals as tables, the words a
series is indexed under (FR claims reaching EN-labelled series), and rankings among decoys."""

from __future__ import annotations

import pytest

from claims.models import Base, Statistic
from sources.geography import geographies_in, read_geography
from sources.matching import build_index, make_query, rank_sources
from sources.models import Source
from sources.observations import period_from_label
from sources.series import SeriesFacts
from sources.series_match import (
    coverage,
    coverage_signal,
    geography_signal,
    measure_concepts,
    series_document,
    series_reasons,
    series_terms,
    unit_fit,
    unit_signal,
)


def _facts(measure="Production of arms", unit="t", label="THS_T", geo="UA", first="2015", last="2024"):
    return SeriesFacts(
        measure, unit, label, geo, "A", "ds_prod", None,
        period_from_label(first) if first else None, period_from_label(last) if last else None, 10,
    )  # fmt: skip


def _series(**changes) -> Source:
    facts = _facts(**changes)
    return Source(f"{facts.measure}, {facts.geography}", kind="series", series=facts)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("UA", "UA"), ("UKR", "UA"), ("Ukraine", "UA"), ("UA Ukraine", "UA"), ("Ukraine (UA)", "UA"),
        ("Allemagne", "DE"), ("DEU", "DE"), ("EL", "EL"), ("Greece", "EL"), ("GBR", "UK"),
        ("EU27_2020", "EU27_2020"), ("Zone euro", "EA20"), ("États-Unis", "US"), ("  ", None),
        ("Île-de-France", None), (None, None), ("Bavaria", None),
    ],
)  # fmt: skip
def test_a_series_geography_is_read_from_a_code_or_a_name(written, code):
    found = read_geography(written)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("La production ukrainienne a triplé", ["UA"]),
        ("Les exportations de l'Allemagne vers la Chine", ["DE", "CN"]),
        ("Unemployment in the United States fell", ["US"]),
        ("Selon l'UE, le chômage a baissé", ["EU27_2020"]),
        ("Il y a eu une hausse des prix", []),  # "eu" is a French word, not the EU
        ("The US economy grew 2 %", ["US"]),
        ("us and them", []),  # a pronoun
        ("Inflation hit 5 %", []),
    ],
)
def test_the_countries_a_claim_names_are_found_in_french_and_english(text, codes):
    assert [g.code for g in geographies_in(text)] == codes


def _stat(kind, value=3.0, unit=None, surface="×3"):
    return Statistic(surface, (0, len(surface)), kind, value, unit=unit)


@pytest.mark.parametrize(
    ("kind", "unit", "series_unit", "label", "fit"),
    [
        ("multiplier", None, "I15", "Index 2015=100", 1.0),  # derived from two levels: any level series
        ("multiplier", None, None, "NR", 1.0),
        ("change", "%", "EUR", "MIO_EUR", 1.0),
        ("percent", "%", "%", "PC_ACT", 1.0),
        ("percent", "%", None, "THS_PER", -1.0),  # a share against a count
        ("share", "%", "EUR", "MIO_EUR", -1.0),
        ("money", "EUR", "EUR", "MIO_EUR", 1.0),
        ("money", "USD", "EUR", "MIO_EUR", 0.0),  # another currency: convertible at a rate, not refused
        ("money", "EUR", "t", "THS_T", -1.0),  # euros against tonnes
        ("measure", "t", "t", "THS_T", 1.0),
        ("measure", "t", "EUR", "MIO_EUR", -1.0),
        ("measure", "kWh", "GWh", "GWH", 1.0),  # convertible physical units
        ("count", None, None, "NR", 1.0),
        ("count", None, "%", "PC", -1.0),
        ("number", None, "t", "THS_T", 0.0),  # a bare number may be tonnes: the words did not say
        ("count", None, None, None, 0.0),  # the series does not say its unit: neutral
        ("ratio", None, "%", "PC", 0.0),
    ],
)
def test_unit_fit_of_a_claim_figure_with_a_series(kind, unit, series_unit, label, fit):
    assert unit_fit(_stat(kind, unit=unit), _facts(unit=series_unit, label=label)) == fit


@pytest.mark.parametrize(
    ("claim", "first", "last", "covered"),
    [
        ("La production a triplé entre 2021 et 2024", "2015", "2024", True),
        ("La production a triplé entre 2021 et 2024", "2022", "2024", False),  # misses the base year
        ("Production will triple by 2027", "2015", "2024", False),  # a forecast beyond the series
        ("Exports reached 4 million tonnes in 2023-Q3", "2015", "2024", True),
        ("Exports reached 4 million tonnes", "2015", "2024", None),  # no period said
        ("Exports reached 4 million tonnes in 2023", None, None, None),  # a series without values
    ],
)
def test_coverage_of_the_claim_period_and_base(claim, first, last, covered):
    assert coverage(make_query(claim), _facts(first=first, last=last)) is covered


def test_signals_are_neutral_for_a_series_without_geography_or_unit_and_zero_for_other_sources():
    query = make_query("La production d'armes de l'Ukraine a triplé entre 2021 et 2024", lang="fr")
    bare = Source("Production of arms", kind="series", series=SeriesFacts("Production of arms"))
    report = Source("Arms report", text="Ukraine's production of arms tripled.")
    for signal in (geography_signal, unit_signal, coverage_signal):
        assert signal(query, bare) == 0.0
        assert signal(query, report) == 0.0
    assert series_reasons(query, bare) == ("measures: Production of arms",)
    assert series_reasons(query, report) == ()


def test_reasons_say_measure_geography_unit_and_coverage():
    query = make_query("La production d'armes de l'Ukraine a triplé entre 2021 et 2024", lang="fr")
    right = _series(unit="I15", label="Index 2015=100")
    assert series_reasons(query, right) == (
        "measures: Production of arms",
        "geography: Ukraine matches",
        "unit: Index 2015=100 (I15), compatible with a triplé",
        "covers 2021–2024",
    )
    other = series_reasons(query, _series(geo="PL", first="2022", last="2023"))
    assert "geography: Poland, not Ukraine as the claim says" in other
    assert "does not cover 2021–2024: the series runs 2022–2023" in other
    share = make_query("Le chômage atteint 7,5 % en France en 2023", lang="fr")
    counted = series_reasons(share, _series(measure="Unemployment", unit=None, label="THS_PER", geo="FR"))
    assert "unit: THS_PER (count), not comparable with 7,5 %" in counted


def test_a_series_is_indexed_under_its_measure_unit_geography_codes_and_other_languages_words():
    facts = _facts(measure="Unemployment rate", unit="%", label="PC_ACT", geo="DE")
    assert series_document(facts) == "Unemployment rate. PC_ACT. DE Germany. ds_prod. annual"
    terms = series_terms(facts)
    assert {"chomag", "allemagn"} <= set(terms)  # the French stems of "chômage" and "Allemagne"
    assert measure_concepts("Gross domestic product at market prices") == ("gdp", "prices")
    assert measure_concepts("Produit intérieur brut") == ("gdp",)
    assert measure_concepts("Rainfall") == ()


DECOYS = [
    _series(measure="Unemployment rate", unit="%", label="PC_ACT", geo="FR"),
    _series(measure="Unemployment rate", unit="%", label="PC_ACT", geo="DE"),
    _series(measure="Unemployment rate", unit="%", label="PC_ACT", geo="ES"),
    _series(measure="Unemployed persons", unit=None, label="THS_PER", geo="FR"),
    _series(measure="Production of arms", unit="I15", label="Index 2015=100", geo="UA"),
    _series(measure="Production of arms", unit="I15", label="Index 2015=100", geo="PL"),
    _series(measure="Exports of cereals", unit="t", label="THS_T", geo="UA"),
    _series(measure="Exports of cereals", unit="EUR", label="MIO_EUR", geo="UA"),
    Source("Arms industry report", text="Arms makers met in Kyiv; orders grew in 2023."),
]


@pytest.mark.parametrize(
    ("claim", "lang", "measure", "geo", "unit"),
    [
        ("Le taux de chômage en France atteint 7,5 % en 2023", "fr", "Unemployment rate", "FR", "%"),
        ("Unemployment in Germany rose to 6 % in 2023", "en", "Unemployment rate", "DE", "%"),
        ("L'Espagne compte 12 % de chômeurs en 2022", "fr", "Unemployment rate", "ES", "%"),
        ("La production d'armes de l'Ukraine a triplé entre 2021 et 2024", "fr", "Production of arms", "UA",
         "I15"),
        ("Poland's arms production doubled between 2022 and 2024", "en", "Production of arms", "PL", "I15"),
        ("L'Ukraine a exporté 40 millions de tonnes de céréales en 2023", "fr", "Exports of cereals", "UA",
         "t"),
        ("Ukraine's cereal exports were worth 9 billion euros in 2023", "en", "Exports of cereals", "UA",
         "EUR"),
    ],
)  # fmt: skip
def test_the_right_country_and_unit_series_ranks_first_among_decoys(claim, lang, measure, geo, unit):
    best = rank_sources(claim, build_index(DECOYS), k=3, lang=lang)[0]
    assert best.source.series is not None
    assert (best.source.series.measure, best.source.series.geography, best.source.series.unit) == (
        measure, geo, unit,
    )  # fmt: skip
    assert best.reasons[0] == f"measures: {measure}"


def test_a_claim_without_figures_or_words_gets_no_series():
    index = build_index(DECOYS)
    assert rank_sources("Le chômage est élevé en France", index, lang="fr") == []
    assert rank_sources("", index, lang="fr") == []
    assert rank_sources("!!! ...", index, lang="fr") == []


def test_a_base_period_counts_in_coverage():
    stat = Statistic("×3", (0, 2), "multiplier", 3.0, period=period_from_label("2024"),
                     base=Base(period=period_from_label("2019")))  # fmt: skip
    query = make_query("x")
    query = type(query)("x", "en", frozenset(), (stat,))
    assert coverage(query, _facts(first="2020", last="2024")) is False
    assert coverage(query, _facts(first="2019", last="2024")) is True


def test_the_named_country_series_is_a_candidate_when_other_countries_share_the_claims_words_more():
    # other countries' series labelled in the claim's words, and Sweden's other series sharing its name:
    # Sweden's youth unemployment series, labelled in English, is not the best by words alone (a first
    # stage of one candidate stands for a library where thousands of series share the claim's words)
    codes = [g.code for g in geographies_in(
        "France Allemagne Espagne Italie Portugal Belgique Pologne Autriche Grèce Irlande Danemark Finlande "
        "Norvège Suisse Roumanie Bulgarie Hongrie Croatie Serbie Slovénie Slovaquie Tchéquie Lettonie "
        "Lituanie Estonie Chypre Malte Luxembourg Islande Albanie"
    )]  # fmt: skip
    youth = "Taux de chômage des jeunes (moins de 25 ans)"
    others = [_series(measure=youth, unit="%", label="PC_ACT", geo=code) for code in codes]
    rates = (
        "Taux d'emploi", "Taux d'activité", "Taux de pauvreté", "Taux de scolarisation", "Taux d'inactivité",
        "Taux de décrochage", "Taux de vaccination", "Taux d'épargne", "Taux de syndicalisation",
        "Taux de mobilité", "Taux de natalité", "Taux d'obésité",
    )  # fmt: skip
    swedish = [_series(measure=f"{m}, moins de 25 ans", unit="%", label="PC", geo="SE") for m in rates]
    sweden = _series(measure="Youth unemployment rate (under 25)", unit="%", label="PC_ACT", geo="SE")
    index = build_index([*others, *swedish, sweden])
    claim = "Suède : le chômage des jeunes a atteint 21,7 % en 2017, selon le ministre."
    by_words = [p for p, _, _ in index.sparse.search_detailed(claim, k=1, depth=1, lang="fr")]
    assert len(index) - 1 not in by_words  # the words alone leave it out
    best = rank_sources(claim, index, k=3, first_stage=1, lang="fr")[0]
    assert best.source.series.measure == "Youth unemployment rate (under 25)"
    assert "geography: Sweden matches" in best.reasons
