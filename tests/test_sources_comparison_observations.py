"""Comparison over whole observations: levels, signed changes, multipliers (also derived from levels),
bounds, units through pint, currencies, periods and bases."""

import pytest

from claims.models import Base, Bound, Period, Statistic
from sources.comparison import agrees, compare, same_metric
from sources.comparison_measure import measure_clash
from sources.models import ReportedFigure
from sources.observations import (
    base_from_label,
    convert,
    period_from_label,
    period_label,
    periods_overlap,
    units_compatible,
)

F = ReportedFigure


def _stat(surface, kind, value, **fields):
    bound = fields.pop("bound", Bound("exact", value, value))
    return Statistic(surface, (0, len(surface)), kind, value, bound, **fields)


Y = period_from_label

LEVELS = [
    # (claim, figure, status, words in the sentence)
    (_stat("263", "count", 263), F(263, "count"), "consistent", "within 5 %"),
    (_stat("5 km", "measure", 5, unit="km"), F(5000, "measure", unit="m"), "consistent", "0 % apart"),
    (_stat("5 km", "measure", 5, unit="km"), F(4000, "measure", unit="m"), "contradicts", "25 % above"),
    (_stat("3.5 million tonnes", "measure", 3.5, unit="Mt"), F(3_500_000, "measure", unit="t"),
     "consistent", "within"),
    (_stat("£150 million", "money", 150e6, unit="GBP"), F(150e6, "money", unit="USD"),
     "not comparable", "no stated exchange rate"),
    (_stat("£148.6 million", "money", 148.6e6, unit="GBP"), F(263, "count"),
     "not comparable", "a sum of money against a count"),
    (_stat("5 km", "measure", 5, unit="km"), F(5, "measure", unit="t"), "not comparable", "km against t"),
    (_stat("12 %", "percent", 12, unit="%"), F(11.8, "share", unit="%"), "consistent", "within"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("stat", "figure", "status", "words"), LEVELS, ids=[c[0].surface + "/" + str(c[1].value) for c in LEVELS]
)
def test_levels_units_and_currencies(stat, figure, status, words):
    result = compare(stat, figure)
    assert result.status == status, result.sentence
    assert words in result.sentence
    assert "(count vs count)" not in result.sentence


BOUNDS = [
    (_stat("more than 250", "count", 250, bound=Bound("lower", 250, None, False), counted="manufacturers"),
     F(263, "count", counted="arms manufacturers at the forum"), "consistent", True),
    (_stat("more than 250", "count", 250, bound=Bound("lower", 250, None, False)), F(250, "count"),
     "contradicts", False),
    (_stat("fewer than 2 km", "measure", 2, unit="km", bound=Bound("upper", None, 2, False)),
     F(1800, "measure", unit="m"), "consistent", True),
    (_stat("between 40 and 60", "count", 50, bound=Bound("range", 40, 60)), F(75, "count"),
     "contradicts", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("stat", "figure", "status", "satisfied"), BOUNDS, ids=[c[0].surface for c in BOUNDS]
)
def test_bounds_are_checked_in_the_claims_unit(stat, figure, status, satisfied):
    result = compare(stat, figure)
    assert (result.status, result.bound_satisfied, result.same_metric) == (status, satisfied, True)
    assert dict(result.as_rows())["bound satisfied"] == ("yes" if satisfied else "no")


CHANGES = [
    (_stat("fell by 12%", "change", 12, unit="%", direction="down"),
     F(9, "change", unit="%", direction="down"), "contradicts",
     "a fall of 12 % against a fall of 9 %: 3 points more"),
    (_stat("fell by 9%", "change", 9, unit="%", direction="down"),
     F(12, "change", unit="%", direction="down"), "contradicts",
     "a fall of 9 % against a fall of 12 %: 3 points less"),
    (_stat("fell by 12%", "change", 12, unit="%", direction="down"),
     F(12, "change", unit="%", direction="up"), "contradicts", "opposite directions"),
    (_stat("rose by 12%", "change", 12, unit="%", direction="up"),
     F(12.3, "change", unit="%", direction="up"), "consistent", "a rise of 12 % against a rise of 12.3 %"),
    (_stat("fell by 3.5 million tonnes", "change", 3.5e6, unit="t", direction="down"),
     F(3500, "change", unit="kt", direction="down"), "consistent", "the same"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("stat", "figure", "status", "words"),
    CHANGES,
    ids=[c[0].surface + "/" + str(c[1].value) for c in CHANGES],
)
def test_changes_compare_signed_magnitudes(stat, figure, status, words):
    result = compare(stat, figure)
    assert result.status == status, result.sentence
    assert words in result.sentence
    assert "above" not in result.sentence and "below" not in result.sentence


MULTIPLIERS = [
    # a multiplier against one derived from two levels of the source (3,000 in 2019 -> 6,600 in 2024)
    (_stat("×2.2", "multiplier", 2.2, direction="up", period=Y("2024"), base=Base(period=Y("2019"))),
     F(6600, "count", period="2024"), (F(3000, "count", period="2019"),), "consistent"),
    # the same, when the source gives the level with its from-value
    (_stat("more than doubled", "multiplier", 2.2, direction="up", period=Y("2024")),
     F(6600, "count", period="2024", base=Base(3000, None, Y("2019"))), (), "consistent"),
    (_stat("tripled", "multiplier", 3, direction="up", period=Y("2024"), base=Base(period=Y("2019"))),
     F(6600, "count", period="2024"), (F(3000, "count", period="2019"),), "contradicts"),
    # a change of +120 % is ×2.2
    (_stat("×2.2", "multiplier", 2.2, direction="up"), F(120, "change", unit="%", direction="up"), (),
     "consistent"),
    # a change claimed against a change derived from levels: +120 %
    (_stat("up 120%", "change", 120, unit="%", direction="up", base=Base(period=Y("2019"))),
     F(6600, "count", period="2024"), (F(3000, "count", period="2019"),), "consistent"),
]  # fmt: skip


@pytest.mark.parametrize(("stat", "figure", "context", "status"), MULTIPLIERS, ids=range(len(MULTIPLIERS)))
def test_multipliers_against_derived_figures(stat, figure, context, status):
    result = compare(stat, figure, context=context)
    assert result.status == status, result.sentence
    assert result.derived


def test_derived_multiplier_names_both_levels():
    stat = _stat("×2.2", "multiplier", 2.2, direction="up", period=Y("2024"), base=Base(period=Y("2019")))
    result = compare(stat, F(6600, "count", period="2024"),
                     context=[F(3000, "count", period="2019")])  # fmt: skip
    assert "6,600 ÷ 3,000 = ×2.2" in result.derived
    assert "implies ×2.2 from 3,000 in 2019 to 2024" in result.sentence


PERIODS = [
    ("2021–2024", "2023", True),
    ("2023-Q3", "2023-09", True),
    ("2023-Q3", "2023-10", False),
    ("2022", "2024", False),
    ("last year", "2024", None),
]


@pytest.mark.parametrize(("claim", "figure", "overlap"), PERIODS)
def test_period_overlap(claim, figure, overlap):
    assert periods_overlap(Y(claim), Y(figure)) is overlap
    stat = _stat("263", "count", 263, period=Y(claim))
    result = compare(stat, F(263, "count", period=figure))
    assert result.same_period is overlap
    assert result.status == ("unknown" if overlap is False else "consistent")


def test_unresolvable_period_stays_open():
    assert Y("last year") == Period(surface="last year", open=True)
    assert period_label(Y("2021-2024")) == "2021-2024" and Y("2021-2024").granularity == "span"


def test_conflicting_bases_are_flagged():
    stat = _stat("×3", "multiplier", 3, direction="up",
                 base=Base(period=Y("2019"), surface="since 2019, than 2020", conflict=True))  # fmt: skip
    result = compare(stat, F(3, "multiplier", base="2019"))
    assert any("conflicting bases" in note for note in result.notes)


def test_unit_helpers():
    assert convert(5, "km", "m") == 5000 and convert(1, "GBP", "USD") is None
    assert units_compatible("kWh", "MWh") and not units_compatible("kg", "km")
    assert measure_clash(F(1, "money", unit="EUR"), F(1, "money", unit="EUR")) is None
    assert base_from_label("2019").period.granularity == "year"


def test_counted_words_unconfirmed_are_flagged_not_refused():
    stat = _stat("263", "count", 263, counted="fabricants d'armes")
    figure = F(263, "count", counted="tanks delivered")
    assert same_metric(stat, figure) is None and agrees(stat, figure)
    result = compare(stat, figure)
    assert result.status == "consistent" and any("count the same thing" in n for n in result.notes)


DIFFERENCES = [
    # a change in points against a share with its from-value (7 % -> 41 %: +34 pp)
    (_stat("up 34 points", "change", 34, unit="pp", direction="up"),
     F(41, "share", unit="%", period="2024", base=Base(7, "%", Y("2019"))), "consistent", "41 − 7 = +34 pp"),
    # an absolute change in tonnes against two levels of the source
    (_stat("rose by 3,600 tonnes", "change", 3600, unit="t", direction="up"),
     F(6600, "measure", unit="t", period="2024", base=Base(3000, "t", Y("2019"))), "consistent", "+3,600 t"),
    (_stat("fell by 3,600 tonnes", "change", 3600, unit="t", direction="down"),
     F(6600, "measure", unit="t", period="2024", base=Base(3000, "t", Y("2019"))), "contradicts", "+3,600 t"),
]  # fmt: skip


@pytest.mark.parametrize(("stat", "figure", "status", "derived"), DIFFERENCES, ids=range(len(DIFFERENCES)))
def test_changes_against_differences_of_two_levels(stat, figure, status, derived):
    result = compare(stat, figure)
    assert result.status == status, result.sentence
    assert derived in result.derived


@pytest.mark.parametrize(
    ("claim_unit", "figure_unit", "comparable"),
    [("t", None, False), ("t", "kg", True), ("%", "pp", False), (None, None, True), ("%", "%", True)],
)
def test_a_change_is_compared_only_with_a_change_in_the_same_sort_of_unit(
    claim_unit, figure_unit, comparable
):
    from claims.models import Bound, Statistic
    from sources.comparison import compare
    from sources.models import ReportedFigure

    stat = Statistic(
        "fell by 3.5", (0, 11), "change", 3.5, Bound("exact", 3.5, 3.5), claim_unit, direction="down"
    )
    figure = ReportedFigure(6_300, "change", Bound("exact", 6_300, 6_300), unit=figure_unit, direction="up")
    result = compare(stat, figure)
    assert (result.status != "not comparable") == comparable, result


def test_rates_on_different_bases_are_compared_on_one():
    claim = _stat("3.4 per 100,000", "number", 3.4, unit="per 100,000", period=Y("2023"))
    assert units_compatible("per 1,000", "per 100,000") and not units_compatible("per 1,000", "km")
    assert convert(3, "per 1,000", "per 100,000") == 300
    same = compare(claim, F(0.034, "number", unit="per 1,000", period="2023"))
    assert same.status == "consistent"
    higher = compare(claim, F(5.1, "number", unit="per 100,000", period="2023"))
    assert higher.status == "contradicts" and "below" in higher.sentence


def test_a_cut_in_basis_points_is_compared_in_percentage_points():
    from claims import split_claims

    (claim,) = split_claims("The Fed cut rates by 25 basis points in 2024.", lang="en")
    (cut,) = claim.statistics
    assert (cut.value, cut.unit, cut.direction) == (0.25, "pp", "down")
    same = compare(cut, F(0.25, "change", unit="pp", direction="down", period="2024"))
    assert same.status == "consistent"


def test_half_a_point_and_fifty_basis_points_are_the_same_cut():
    from claims import split_claims

    (half,) = split_claims("The bank cut its key rate by half a percentage point in 2024.", lang="en")
    (bps,) = split_claims("The bank cut its key rate by 50 basis points in 2024.", lang="en")
    (claim,) = half.statistics
    (report,) = bps.statistics
    assert (claim.value, claim.unit, claim.direction) == (0.5, "pp", "down")
    fig = F(report.value, report.kind, unit=report.unit, direction=report.direction, period="2024")
    assert compare(claim, fig).status == "consistent"
    doubled = F(1.0, "change", unit="pp", direction="down", period="2024")
    assert compare(claim, doubled).status == "contradicts"


@pytest.mark.parametrize(
    ("text", "value", "direction", "status"),
    [
        # a bound on a change bounds its size, and the source's change must go the same way
        ("Crime fell by more than 20% in 2023.", 21, "down", "consistent"),
        ("Crime fell by more than 20% in 2023.", 19, "down", "contradicts"),
        ("Crime fell by more than 20% in 2023.", 21, "up", "contradicts"),
        ("Crime fell by less than 20% in 2023.", 19, "down", "consistent"),
        ("Crime fell by less than 20% in 2023.", 21, "down", "contradicts"),
        ("Crime fell by almost a fifth in 2023.", 19, "down", "consistent"),
        ("Crime fell by almost a fifth in 2023.", 21, "down", "contradicts"),
        # "about" allows as much on either side
        ("Crime fell by almost 20% in 2023.", 19, "down", "consistent"),
        ("Crime fell by almost 20% in 2023.", 21, "down", "consistent"),
    ],
)
def test_a_bounded_change_is_compared_by_its_size(text, value, direction, status):
    from claims import split_claims

    (claim,) = split_claims(text, lang="en")
    (fall,) = claim.statistics
    result = compare(fall, F(value, "change", unit="%", direction=direction, period="2023"))
    assert result.status == status, result.sentence
    assert agrees(fall, F(value, "change", unit="%", direction=direction)) == (status == "consistent")


def test_more_than_doubled_is_a_lower_bound_and_more_than_halved_an_upper_one():
    from claims import split_claims

    (doubled,) = split_claims("Output more than doubled in 2023.", lang="en")[0].statistics
    assert compare(doubled, F(2.2, "multiplier", period="2023")).status == "consistent"
    assert compare(doubled, F(1.8, "multiplier", period="2023")).status == "contradicts"
    (halved,) = split_claims("Waiting lists more than halved in 2023.", lang="en")[0].statistics
    assert compare(halved, F(0.4, "multiplier", period="2023")).status == "consistent"
    assert compare(halved, F(0.6, "multiplier", period="2023")).status == "contradicts"
