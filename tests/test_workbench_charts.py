"""Charts as data: encodings, marks, the claim drawn apart, bounds drawn, explanations instead of
empty frames, and no non-finite value ever reaching a chart; trend tables from hand-made frames."""

from __future__ import annotations

import json
import math
import struct
from datetime import UTC, datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.domain.records import ClaimRecord, EvidenceRecord, FigureRecord, SourceRecord, StatisticRecord
from workbench.outputs import charts
from workbench.storage import chart_data


def _row(label, period, value, *, role="report", colour="report", bound="exact", low=None, high=None,
         modality="reported", unit="×", reading=None) -> dict:  # fmt: skip
    return {
        "label": label, "period": period, "value": value, "low": low, "high": high, "bound": bound,
        "role": role, "colour": colour, "modality": modality, "unit": unit,
        "reading": reading or f"{value}", "source": "Ministry", "date": "2024-01-15", "quote": "tripled",
    }  # fmt: skip


def _frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(charts.COMPARE_COLUMNS))


FACTORS = _frame(
    _row("Claim #10", "2023", 3.0, role="this claim", colour="this claim", reading="×3"),
    _row("Claim #11", "2024", 6.0, role="other claim", colour="other claim", modality="forecast"),
    _row("Ministry (#1)", "2023", 3.1, colour="statement"),
    _row("Forecast (#3)", "2024", 5.0, colour="report", modality="forecast"),
)


def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def _mark(layer: dict) -> dict:
    return layer["mark"] if isinstance(layer["mark"], dict) else {"type": layer["mark"]}


def _values(spec: dict) -> list[dict]:
    return next(iter(spec["datasets"].values()))


def test_compare_chart_layers_encode_period_value_and_one_mark_per_report():
    spec = charts.compare_chart(FACTORS).to_dict()
    kinds = [_mark(layer)["type"] for layer in _layers(spec)]
    assert kinds == ["rule", "point", "point", "text", "text", "rule"]  # the last: each figure's period
    point = _layers(spec)[1]["encoding"]
    assert point["y"]["field"] == "value" and point["y"]["scale"]["type"] == "log"
    x = spec["encoding"]["x"] if "encoding" in spec else _layers(spec)[1]["encoding"]["x"]
    assert (x["field"], x["type"]) == ("mid", "temporal")
    assert {r["mid"] for r in _values(spec)} == {"2023-07-02", "2024-07-01"}
    assert len(_values(spec)) == 4  # one row per figure, each drawn once by the filled or hollow layer
    tooltips = {t["field"] for t in point["tooltip"]}
    assert {"source", "date", "quote"} <= tooltips


def test_the_claim_is_red_larger_and_labelled_and_forecasts_are_hollow():
    spec = charts.compare_chart(FACTORS).to_dict()
    colour = _layers(spec)[1]["encoding"]["color"]
    assert colour["scale"]["domain"][0] == "this claim" and colour["scale"]["range"][0] == "#d62728"
    rows = {r["label"]: r for r in _values(spec)}
    assert rows["Claim #10"]["emphasis"] > rows["Ministry (#1)"]["emphasis"]
    assert rows["Claim #11"]["hollow"] and rows["Forecast (#3)"]["hollow"] and not rows["Claim #10"]["hollow"]
    filled, hollow = _layers(spec)[1], _layers(spec)[2]
    assert _mark(filled)["filled"] is True and _mark(hollow)["filled"] is False
    assert "!datum.hollow" in json.dumps(filled["transform"]) and "datum.hollow" in json.dumps(
        hollow["transform"]
    )
    assert "this claim" in json.dumps(_layers(spec)[3]["transform"])


def test_a_lower_bound_is_an_upward_arrow_and_a_range_an_interval():
    df = _frame(
        _row("Claim #5", "2023-09", 250.0, role="this claim", colour="this claim", bound="lower", low=250.0,
             unit=None, reading="more than 250"),
        _row("List (#2)", "2023-09", 263.0, unit=None),
        _row("Estimate (#4)", "2023-09", 240.0, bound="range", low=200.0, high=280.0, unit=None),
    )  # fmt: skip
    spec = charts.compare_chart(df).to_dict()
    rows = {r["label"]: r for r in _values(spec)}
    assert rows["Claim #5"]["shape"] == "more than" and rows["Claim #5"]["y_low"] == 250.0
    assert rows["Claim #5"]["y_high"] > 250.0  # the arrow points up
    assert (rows["Estimate (#4)"]["y_low"], rows["Estimate (#4)"]["y_high"]) == (200.0, 280.0)
    assert rows["List (#2)"]["y_low"] is None
    # Marks are labelled with the short figure; the claim's full reading stays in the tooltip.
    assert [rows[k]["short"] for k in ("Claim #5", "List (#2)", "Estimate (#4)")] == [
        "> 250",
        "263",
        "200–280",
    ]
    assert _layers(spec)[3]["encoding"]["text"]["field"] == "short"
    assert rows["Claim #5"]["reading"] == "more than 250"
    shape = _layers(spec)[1]["encoding"]["shape"]["scale"]
    assert dict(zip(shape["domain"], shape["range"], strict=True))["more than"] == "triangle-up"
    assert _layers(spec)[1]["encoding"]["y"]["scale"].get("type") != "log"  # counts are not factors


def test_an_upper_bound_points_down():
    df = _frame(_row("Claim", "2023", 40.0, bound="upper", high=40.0, unit="%", role="this claim"))
    (row,) = _values(charts.compare_chart(df).to_dict())
    assert row["shape"] == "less than" and row["y_low"] < row["y_high"] == 40.0


def test_no_data_gives_an_explanation_not_an_empty_frame():
    for spec in (
        charts.compare_chart(_frame()).to_dict(),
        charts.compare_chart(_frame(_row("x", "2023", math.inf), _row("y", "2023", math.nan))).to_dict(),
        charts.compare_chart(_frame(_row("zero", "2023", 0.0))).to_dict(),  # no log of zero
    ):
        assert _mark(spec)["type"] == "text" and _mark(spec)["lineBreak"] == "\n"
        message = _values(spec)[0]["message"]
        assert message.replace("\n", " ").startswith("No figure to compare yet: link a source")
        assert max(len(line) for line in message.split("\n")) <= 42  # wrapped: a narrow panel cuts nothing


def test_non_finite_values_are_dropped_before_drawing():
    df = _frame(_row("ok", "2023", 3.0), _row("inf", "2023", math.inf), _row("nan", "2024", math.nan))
    spec = charts.compare_chart(df).to_dict()
    assert [r["label"] for r in _values(spec)] == ["ok"]
    json.dumps(spec, allow_nan=False)


finite_or_not = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.none())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(finite_or_not, finite_or_not, finite_or_not), max_size=6))
def test_no_chart_spec_ever_holds_a_non_finite_number(triples):
    rows = [
        _row(f"r{i}", "2023", v, bound="range", low=lo, high=hi, unit=None)
        for i, (v, lo, hi) in enumerate(triples)
    ]
    spec = charts.compare_chart(_frame(*rows)).to_dict()
    json.dumps(spec, allow_nan=False)  # raises on NaN or ±Infinity
    trend = chart_data.with_period_bounds(
        pd.DataFrame({"period": ["2026-01"] * len(triples), "group": "x", "claims": [t[0] for t in triples]})
    )
    json.dumps(charts.claims_over_time_chart(trend, by="kind").to_dict(), allow_nan=False)


def test_record_frame_keeps_claim_and_linked_source_figures_only_when_finite():
    stat = StatisticRecord(1, 0, 6, "triplé", "multiplier", 3.0, "exact", 3.0, 3.0, True, None, None, "×3")
    figures = tuple(FigureRecord(i, 1, v, unit="×", period="2023") for i, v in enumerate([3.1, math.inf]))
    source = SourceRecord(1, "Ministry report", None, None, None, "report", None, False, figures)
    evidence = EvidenceRecord(1, 1, source, "supports", "q", None, "ana", datetime.now(UTC))
    claim = ClaimRecord(
        1, 1, 0, 0, 10, "x", "change", "reported", 0.9, (), {}, "new", 1, (stat,), (evidence,)
    )
    df = charts.comparison_frame(claim)
    assert list(df.role) == ["this claim", "report", "report"]
    spec = charts.compare_chart(df).to_dict()
    assert sorted(r["value"] for r in _values(spec)) == [3.0, 3.1]


# --- trends ------------------------------------------------------------------------------------------


def _claims() -> pd.DataFrame:
    days = pd.to_datetime(["2026-01-05", "2026-01-07", "2026-01-14", "2026-02-02", "2026-02-03"])
    return pd.DataFrame(
        {
            "claim_id": [1, 2, 3, 4, 5],
            "claim": ["a", "b", "c", "d", "e"],
            "day": days,
            "kind": ["quantity", "quantity", "change", "quantity", "event"],
            "outlet": ["Le Monde", "AFP", "AFP", "AFP", "Le Monde"],
            "language": ["fr", "fr", "en", "fr", "fr"],
            "verdict": ["False", "True", "Misleading", "(none)", "False"],
            "cluster_id": [7, None, 7, 7, None],
            "statistical": [True, True, True, True, False],
        }
    )


def test_claims_per_week_and_month_by_grouping():
    weekly = chart_data.claims_per_period(_claims(), by="outlet", freq="week")
    assert weekly.set_index(["period", "group"])["claims"].to_dict() == {
        ("2026-01-05", "AFP"): 1, ("2026-01-05", "Le Monde"): 1, ("2026-01-12", "AFP"): 1,
        ("2026-02-02", "AFP"): 1, ("2026-02-02", "Le Monde"): 1,
    }  # fmt: skip
    monthly = chart_data.claims_per_period(_claims(), by="verdict", freq="month")
    assert monthly.groupby("period")["claims"].sum().to_dict() == {"2026-01": 3, "2026-02": 2}
    spec = charts.claims_over_time_chart(monthly, by="verdict").to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["color"]["field"] == "group"


def test_false_share_counts_only_rated_statistical_claims():
    share = chart_data.false_share(_claims(), freq="month").set_index("period")
    assert share.loc["2026-01", "rated"] == 3 and share.loc["2026-01", "false_or_misleading"] == 2
    assert "2026-02" not in share.index  # claim 4 has no verdict; claim 5 holds no statistic
    spec = charts.false_share_chart(share.reset_index()).to_dict()
    assert spec["encoding"]["y"]["axis"]["format"] == "%"


def test_clusters_that_recur_are_counted_per_period():
    recurrence = chart_data.cluster_recurrence(_claims(), freq="month")
    assert recurrence.set_index("period")["claims"].to_dict() == {"2026-01": 2, "2026-02": 1}
    assert set(recurrence["cluster"]) == {"Cluster #7"} and recurrence["example"].iloc[0] == "a"
    assert charts.cluster_recurrence_chart(recurrence).to_dict()["mark"]["type"] == "circle"


def test_verdict_distribution_follows_the_rating_scale():
    distribution = chart_data.verdict_distribution(_claims())
    assert distribution.set_index("verdict")["claims"].to_dict() == {"False": 2, "Misleading": 1, "True": 1}
    spec = charts.verdict_distribution_chart(distribution).to_dict()
    assert spec["encoding"]["y"]["sort"] == ["True", "Misleading", "False"]


@pytest.mark.parametrize(
    "chart",
    [
        lambda: charts.claims_over_time_chart(
            chart_data.claims_per_period(_claims()[:0], by="kind", freq="week"), by="kind"
        ),
        lambda: charts.false_share_chart(chart_data.false_share(_claims()[:0], freq="week")),
        lambda: charts.cluster_recurrence_chart(chart_data.cluster_recurrence(_claims()[:0], freq="week")),
        lambda: charts.verdict_distribution_chart(chart_data.verdict_distribution(_claims()[:0])),
        lambda: charts.throughput_chart(pd.DataFrame(columns=["week", "reviewer", "claims"])),
    ],
)
def test_every_trend_chart_explains_an_empty_selection(chart):
    spec = chart().to_dict()
    assert spec["mark"]["type"] == "text" and _values(spec)[0]["message"]


def test_throughput_chart_stacks_reviewers_over_each_week_on_a_time_axis():
    weekly = pd.DataFrame({"week": ["2026-01-05", "2026-01-05"], "reviewer": ["ana", "bo"], "claims": [3, 1]})
    spec = charts.throughput_chart(chart_data.with_period_bounds(weekly, "week")).to_dict()
    encoding = spec["encoding"]
    x = (encoding["x"]["field"], encoding["x"]["type"], encoding["x2"]["field"])
    assert x == ("start", "temporal", "end")
    assert encoding["color"]["field"] == "reviewer" and encoding["y"]["axis"] == {
        "format": "d",
        "tickMinStep": 1,
    }
    bars = [(r["reviewer"], r["start"], r["end"], r["low"], r["high"]) for r in _values(spec)]
    assert bars == [("ana", "2026-01-05", "2026-01-12", 0, 3), ("bo", "2026-01-05", "2026-01-12", 3, 4)]


def test_trend_periods_sit_on_a_time_axis_spaced_by_their_dates():
    monthly = chart_data.claims_per_period(_claims(), by="kind", freq="month")
    spec = charts.claims_over_time_chart(monthly, by="kind").to_dict()
    assert spec["encoding"]["x"]["type"] == "temporal" and spec["encoding"]["x2"]["field"] == "end"
    spans = {(row["start"], row["end"]) for row in _values(spec)}
    assert spans == {("2026-01-01", "2026-02-01"), ("2026-02-01", "2026-03-01")}
    share = charts.false_share_chart(chart_data.false_share(_claims(), freq="week")).to_dict()
    assert share["encoding"]["x"]["type"] == "temporal"


# --- files -------------------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (after the 8-byte signature)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_and_svg_are_real_images_of_the_chart():
    chart = charts.compare_chart(FACTORS)
    width, height = png_size(charts.chart_png(chart, scale=2))
    assert 2 * charts.WIDTH <= width <= 2 * (charts.WIDTH + 400)  # plot + axes + legend, doubled
    assert 2 * charts.HEIGHT <= height <= 2 * (charts.HEIGHT + 200)
    svg = charts.chart_svg(chart).decode()
    assert svg.startswith("<svg") and "×3" in svg  # the claim's label is drawn


def test_chart_csv_is_the_data_with_formulas_neutralised():
    df = pd.DataFrame({"period": ["2026-01"], "group": ["=cmd"], "claims": [2]})
    assert charts.chart_csv(df).decode() == "period,group,claims\r\n2026-01,'=cmd,2\r\n"


def test_every_source_kind_has_its_own_colour_and_an_unknown_kind_still_draws():
    assert len(charts.COLOUR_RANGE) == len(charts.COLOUR_DOMAIN)
    df = _frame(
        _row("claim", "2023", 3.0, role="this claim", colour="this claim"),
        _row("x", "2023", 2.0, colour="wiki"),
    )
    colour = _layers(charts.compare_chart(df).to_dict())[1]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["this claim", "wiki"] and len(set(colour["range"])) == 2
