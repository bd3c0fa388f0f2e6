"""Claims read by the claim engine (French and English sentences) compared with series read from the
written files: levels (own value, quarters added, months averaged), multipliers and changes from the
claim's base, shares over a denominator series, forecasts, and periods the series does not cover."""

import functools

import pytest

from claims import split_claims
from sources.observations import period_from_label
from sources.series import Provenance
from sources.series_compare import compare_with_series, level_at
from sources.series_import import read_series
from tests.support import REPO_ROOT

DATA = REPO_ROOT / "tests" / "data" / "series"
TODAY = "2026-12-05"


@functools.cache
def _series(file: str, code: str):
    found = read_series(
        (DATA / file).read_bytes(), name=file, provenance=Provenance(retrieved_at="2026-11-02")
    )
    by_code = {s.provenance.series_code or s.measure: s for s in found.series}
    return by_code[code]


SHELLS_FR = ("shells_eurostat.sdmx.csv", "A.THS_T.C2540.FR")
SHELLS_DE = ("shells_eurostat.sdmx.csv", "A.THS_T.C2540.DE")
SHELLS_FR_Q = ("shells_eurostat.sdmx.csv", "Q.THS_T.C2540.FR")
JOBLESS_FR = ("unemployment_oecd.sdmx.csv", "FRA.M.UNE_LF_M.PT_LF_SUB._Z")
HICP_EURO = ("hicp_ecb.sdmx.json", "A.U2.000000.PCH_SM")
GOODS = ("exports_tidy.csv", "Exports of goods")
ARMS = ("exports_tidy.csv", "Exports of arms")


def _stat(sentence: str, lang: str):
    (claim,) = split_claims(sentence, lang=lang)
    return claim.statistics[0]


CASES = [
    # (sentence, lang, series, status, kind, series value, words the sentence holds)
    # levels: 108 thousand tonnes in 2024 (provisional)
    ("France produced more than 100,000 tonnes of shells in 2024.", "en", SHELLS_FR,
     "consistent", "level", 108_000, ["108,000 t for 2024", "within the claim's “more than 100,000 tonnes”"]),
    ("La France a produit 120 000 tonnes d'obus en 2024.", "fr", SHELLS_FR,
     "close", "level", 108_000, ["the claim's 120,000 t is 11 % above it", "retrieved 2026-11-02"]),
    ("La France a produit 108 000 tonnes d'obus en 2024.", "fr", SHELLS_FR_Q,  # 24.9 + 26.2 + 27.5 + 29.4
     "consistent", "level", 108_000, ["108,000 t for 2024 (the sum of 4 quarters)", "matches it"]),
    ("Unemployment in France reached 7.3% in July 2023.", "en", JOBLESS_FR,
     "consistent", "level", 7.3, ["7.3 % for 2023-07"]),
    ("Le chômage a atteint 7,3 % au troisième trimestre 2023.", "fr", JOBLESS_FR,  # (7.3 + 7.3 + 7.5) / 3
     "consistent", "level", 22.1 / 3, ["7.37 % for 2023-Q3 (the mean of 3 months)", "0.9 % apart"]),
    ("France produced 9,000 tonnes of shells in July 2024.", "en", SHELLS_FR,
     "unknown", "level", None, ["gives only 2024 as a whole, not 2024-07", "nothing extrapolated"]),
    ("L'Allemagne a produit 60 000 tonnes d'obus en 2022.", "de", SHELLS_DE,
     "unknown", "level", None, ["no value for 2022 (missing, confidential)"]),
    # multipliers: 108 / 40 = 2.7 from 2021 to 2024
    ("La production d'obus a triplé entre 2021 et 2024.", "fr", SHELLS_FR,
     "close", "multiplier", 2.7, ["gives ×2.7 from 2021 to 2024 (retrieved 2026-11-02)",
                                  "×3 is 11 % above it"]),
    ("Shell production in France rose by more than 150% between 2021 and 2024.", "en", SHELLS_FR,
     "consistent", "change", 170, ["+170 % is within the claim's “more than 150%”"]),
    ("Arms exports quadrupled between 2021 and 2022.", "en", ARMS,  # 27,000 / 11,700 = 2.31
     "contradicts", "multiplier", 27_000 / 11_700, ["×2.3 from 2021 to 2022", "×4 is 73 % above it"]),
    # changes: goods 500,180 → 588,300 → 560,170
    ("Exports of goods rose by 12% between 2021 and 2023.", "en", GOODS,
     "consistent", "change", 11.99, ["+12 % from 2021 to 2023", "matches it"]),
    ("Les exportations de biens ont baissé de 5 % entre 2022 et 2023.", "fr", GOODS,  # −4.78 %
     "consistent", "change", 4.78, ["−4.78 % from 2022 to 2023",
                                   "the claim's −5 % matches it (4.6 % apart)"]),
    ("Exports of goods fell by 3% between 2021 and 2023.", "en", GOODS,
     "contradicts", "change", 11.99, ["goes the other way"]),
    ("Les exportations de biens ont augmenté de plus de 20 % entre 2021 et 2023.", "fr", GOODS,
     "contradicts", "change", 11.99, ["is outside the claim's “plus de 20 %”"]),
    # forecasts: compared with the latest value, not yet checkable
    ("La production d'obus atteindra 150 000 tonnes en 2030.", "fr", SHELLS_FR,
     "not yet checkable", "level", 108_000, ["108,000 t for 2024, its latest value", "39 % above it",
                                             "not yet checkable"]),
    ("Inflation in the euro area is expected to fall to 2% in 2027.", "en", HICP_EURO,
     "not yet checkable", "level", 2.4, ["2.4 % for 2024, its latest value",
                                         "the claim's 2 % is 17 % below it", "not yet checkable"]),
    ("La production d'obus devrait atteindre 100 000 tonnes en 2024.", "fr", SHELLS_FR,
     "close", "level", 108_000, ["108,000 t for 2024", "the claim's 100,000 t is 7.4 % below it"]),
    # periods the series does not cover
    ("La production d'obus a doublé entre 2010 et 2024.", "fr", SHELLS_FR,
     "not covered", "multiplier", None, ["covers 2020 to 2024, not 2010", "nothing extrapolated"]),
    ("France produced 30,000 tonnes of shells in 2019.", "en", SHELLS_FR,
     "not covered", "level", None, ["covers 2020 to 2024, not 2019"]),
    ("Unemployment in France averaged 7.3% in 2023.", "en", JOBLESS_FR,  # June to September only
     "unknown", "level", None, ["gives only part of 2023 (2023-06 to 2023-09)", "nothing extrapolated"]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lang", "series", "status", "kind", "value", "words"), CASES)
def test_claims_against_series(sentence, lang, series, status, kind, value, words):
    stat = _stat(sentence, "fr" if lang == "de" else lang)
    found = compare_with_series(stat, _series(*series), today=TODAY)
    assert (found.status, found.kind) == (status, kind), found.sentence
    if value is None:
        assert found.series_value is None
    else:
        assert found.series_value == pytest.approx(value, rel=1e-3)
    for word in words:
        assert word in found.sentence, found.sentence
    assert found.sentence.lower().startswith(_series(*series).name.lower())


def test_a_share_over_a_denominator_series():
    stat = _stat("Les armes représentaient 4,6 % des exportations de biens en 2022.", "fr")
    found = compare_with_series(stat, _series(*ARMS), today=TODAY, denominator=_series(*GOODS))
    assert (found.kind, found.status) == ("share", "consistent")
    assert found.series_value == pytest.approx(100 * 27_000 / 588_300)  # 4.59 %
    assert any("share" in note for note in found.notes)


def test_a_forecast_whose_period_is_now_covered_is_checked_and_noted():
    stat = _stat("La production d'obus devrait atteindre 100 000 tonnes en 2024.", "fr")
    assert stat.modality == "forecast"
    found = compare_with_series(stat, _series(*SHELLS_FR), today=TODAY)
    assert "the claim was a forecast; the series gives the outcome" in found.notes
    early = compare_with_series(stat, _series(*SHELLS_FR), today="2024-06-30")
    assert early.status == "not yet checkable"  # 2024 was not over: its value could not be known


def test_flags_and_aggregation_are_said():
    stat = _stat("La France a produit 108 000 tonnes d'obus en 2024.", "fr")
    found = compare_with_series(stat, _series(*SHELLS_FR_Q), today=TODAY)
    assert found.used == ("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4")
    assert "2024 is the sum of 4 quarters (2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4)" in found.notes
    assert "values flagged: provisional" in found.notes


def test_a_rate_is_averaged_and_a_flow_added():
    jobless, shells = _series(*JOBLESS_FR), _series(*SHELLS_FR_Q)
    quarter = level_at(jobless, period_from_label("2023-Q3"))
    assert quarter.how == "the mean of 3 months" and quarter.value == pytest.approx(22.1 / 3)
    assert level_at(shells, period_from_label("2024"), aggregate="mean").value == pytest.approx(27_000)
    assert level_at(shells, period_from_label("2024-S1")).value == pytest.approx(51_100)
    assert level_at(jobless, period_from_label("2023-Q2")) is None  # only June: no extrapolation
    years = level_at(_series(*SHELLS_FR), period_from_label("2021–2023"))  # a span: its years added
    assert years.how == "the sum of 3 years" and years.value == pytest.approx((40.0 + 63.5 + 88.1) * 1000)


def test_a_claim_without_a_period_or_base_says_so():
    stat = _stat("Shell production tripled.", "en")
    found = compare_with_series(stat, _series(*SHELLS_FR), today=TODAY)
    assert found.status == "unknown" and "no period" in found.sentence
    found = compare_with_series(stat, _series(*SHELLS_FR), today=TODAY, period="2024")
    assert found.status == "unknown" and "measured against" in found.sentence
    found = compare_with_series(stat, _series(*SHELLS_FR), today=TODAY, period="2024", base="2021")
    assert found.status == "close" and found.series_value == pytest.approx(2.7)
