"""Comparing a claim's figure with a reported figure: golden cases a journalist can extend, chains, notes."""

import json
from pathlib import Path

import pytest

from claims.models import Bound, Statistic
from sources.comparison import agrees, chain, compare, same_metric
from sources.models import ReportedFigure, Source
from sources.observations import period_label

CASES = json.loads(
    (Path(__file__).parent / "data" / "sources" / "comparisons.json").read_text(encoding="utf-8")
)


def _bound(spec: dict) -> Bound:
    kind, value = spec.get("bound", "exact"), spec["value"]
    if kind == "lower":
        return Bound("lower", value, None, False)
    if kind == "upper":
        return Bound("upper", None, value, False)
    if kind == "range":
        return Bound("range", spec["low"], spec["high"])
    return Bound(kind, value, value)


def _stat(spec: dict, surface: str) -> Statistic:
    return Statistic(surface, (0, len(surface)), spec["kind"], spec["value"], _bound(spec), spec.get("unit"))


def _figure(spec: dict) -> ReportedFigure:
    return ReportedFigure(
        spec["value"], spec["kind"], _bound(spec), spec.get("unit"), period=spec.get("period"),
        base=spec.get("base"), modality=spec.get("modality", "reported"),
    )  # fmt: skip


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["note"] for c in CASES["cases"]])
def test_golden_comparisons(case):
    result = compare(
        _stat(case["stat"], case["claim"]), _figure(case["figure"]), period=case["stat"].get("period")
    )
    assert result.status == case["status"], result.sentence
    for field in ("bound_satisfied", "same_period"):
        if field in case:
            assert getattr(result, field) == case[field]
    assert result.sentence.endswith(".") and "verdict" not in result.sentence.lower()


def test_sentence_names_the_source_and_the_margin():
    source = Source("Bilan", publisher="The ministry", published="2024-02-15", kind="report")
    stat = Statistic("a triplé", (0, 8), "multiplier", 3.0)
    result = compare(stat, ReportedFigure(3.1, "multiplier", period="2023", base="2022"), source=source)
    assert (
        result.sentence
        == "The ministry's 2024 report gives ×3.1 for 2023: within 5 % of the claim (3.2 % apart)."
    )
    assert result.deviation == pytest.approx(-0.0323, abs=1e-3)


def test_bound_sentence_quotes_the_claim():
    stat = Statistic("plus de 250", (0, 11), "count", 250, Bound("lower", 250, None, False))
    assert "outside the claim's “plus de 250”" in compare(stat, ReportedFigure(180, "count")).sentence


def test_strict_lower_bound_excludes_the_value_itself():
    stat = Statistic("plus de 250", (0, 11), "count", 250, Bound("lower", 250, None, False))
    assert not agrees(stat, ReportedFigure(250, "count")) and agrees(stat, ReportedFigure(251, "count"))


def test_chained_multipliers_against_a_named_base():
    derived, note = chain(
        ReportedFigure(3, "multiplier", period="2023", base="2022"),
        ReportedFigure(6, "multiplier", period="2024", base="2022", modality="forecast"),
    )
    assert (
        derived.value,
        period_label(derived.period),
        period_label(derived.base.period),
        derived.modality,
    ) == (
        2.0,
        "2024",
        "2023",
        "forecast",
    )
    assert "both against 2022" in note


def test_chain_flags_an_unknown_base():
    _, note = chain(
        ReportedFigure(3, "multiplier", period="2023"), ReportedFigure(6, "multiplier", period="2024")
    )
    assert "assuming the same base" in note


def test_chain_refuses_different_bases_and_wrong_order():
    assert chain(ReportedFigure(3, "multiplier", period="2023", base="2021"),
                 ReportedFigure(6, "multiplier", period="2024", base="2022")) is None  # fmt: skip
    assert (
        chain(ReportedFigure(6, "multiplier", period="2024"), ReportedFigure(3, "multiplier", period="2023"))
        is None
    )


def test_claim_of_doubling_from_2023_checked_against_chained_figures():
    tripled = ReportedFigure(3, "multiplier", period="2023", base="2022")
    sixfold = ReportedFigure(6, "multiplier", period="2024", base="2022")
    doubled = Statistic("a doublé", (0, 8), "multiplier", 2.0)
    result = compare(doubled, sixfold, period="2024", base="2023", context=[tripled, sixfold])
    assert result.status == "consistent" and result.derived and "both against 2022" in result.derived
    assert "implies ×2 from 2023 to 2024" in result.sentence
    tripled_claim = Statistic("a triplé", (0, 8), "multiplier", 3.0)
    assert (
        compare(tripled_claim, sixfold, period="2024", base="2023", context=[tripled]).status == "contradicts"
    )


def test_multiplier_without_base_is_flagged():
    result = compare(Statistic("a triplé", (0, 8), "multiplier", 3.0), ReportedFigure(3, "multiplier"))
    assert any("does not say what the multiplier is measured against" in n for n in result.notes)


def test_forecast_and_outcome_are_told_apart():
    forecast = ReportedFigure(6, "multiplier", period="2024", base="2022", modality="forecast")
    outcome = ReportedFigure(5.8, "multiplier", period="2024", base="2022")
    stat = Statistic("multipliée par six", (0, 18), "multiplier", 6.0)
    assert "the source gives a forecast, not an outcome" in compare(stat, forecast, period="2024").notes
    later = compare(stat, outcome, period="2024", modality="forecast")
    assert (
        later.status == "consistent" and "the claim is a forecast; the source gives an outcome" in later.notes
    )


def test_different_units_or_things_are_not_the_same_metric():
    assert not same_metric(ReportedFigure(3, "money", unit="EUR"), ReportedFigure(3, "money", unit="USD"))
    assert not same_metric(
        ReportedFigure(3, "count", counted="tanks"), ReportedFigure(3, "count", counted="drones")
    )
    assert same_metric(ReportedFigure(3, "count", counted="arms manufacturers"), ReportedFigure(3, "number"))


def test_rows_for_a_compact_table():
    rows = dict(
        compare(
            Statistic("12 %", (0, 4), "percent", 12, unit="%"), ReportedFigure(12.4, "percent", unit="%")
        ).as_rows()
    )
    assert rows["status"] == "consistent" and rows["deviation"] == "-3.2%"


def test_vague_claim_is_checked_against_its_range():
    dozens = Statistic("des dizaines", (0, 12), "count", None, Bound("approximate", 20, 99), vague=True)
    assert compare(dozens, ReportedFigure(43, "count")).status == "consistent"
    assert compare(dozens, ReportedFigure(4, "count")).status == "contradicts"
    many = Statistic("beaucoup", (0, 8), "count", None)
    assert compare(many, ReportedFigure(4, "count")).status == "unknown"
