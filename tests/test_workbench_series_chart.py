"""The series chart as data: the series' values with their flags, a level claim as a point at its period,
a multiplier as the path it implies from the series' base value, a forecast hollow, a bound as an arrow,
other linked reports where their figures put them; the CSV download."""

from __future__ import annotations

import csv
import datetime as dt
import io

from claims import split_claims
from claims.models import Statistic
from sources.models import ReportedFigure
from sources.observations import period_from_label
from sources.series import Series
from workbench.desk.series_evidence import check_statistic
from workbench.outputs.charts import chart_csv
from workbench.outputs.series_chart import figure_rows, series_chart, series_frame

TODAY = dt.date(2026, 12, 5)
PERIODS = ("2021", "2022", "2023", "2024")
SERIES = Series(
    "defence production", "t", tuple(period_from_label(p) for p in PERIODS), (40.0, 50.0, 140.0, 150.0),
    ((), (), ("provisional",), ("estimated",)), scale=1000.0, unit_label="THS_T",
)  # fmt: skip


def _stat(sentence: str, lang: str) -> Statistic:
    (claim,) = split_claims(sentence, lang=lang)
    return claim.statistics[0]


def _frame(stat: Statistic):
    comparison, base = check_statistic(stat, SERIES, today=TODAY)
    df = series_frame(SERIES, claim=stat.surface, comparison=comparison, period=stat.period, base=base,
                      forecast=stat.modality == "forecast")  # fmt: skip
    return comparison, df


def _layer(df, layer: str) -> list[tuple]:
    rows = df[df["layer"] == layer]
    return list(zip(rows["period"], rows["value"], rows["hollow"], strict=True))


def test_a_multiplier_is_drawn_as_the_path_it_implies_from_its_base():
    comparison, df = _frame(_stat("La production a triplé en 2023.", "fr"))
    assert comparison.kind == "multiplier" and comparison.status in ("close", "consistent")
    assert _layer(df, "series") == [("2021", 40.0, False), ("2022", 50.0, False), ("2023", 140.0, False),
                                    ("2024", 150.0, False)]  # fmt: skip
    assert _layer(df, "claim path") == [("2022", 50.0, False), ("2023", 150.0, False)]  # 50 × 3
    assert list(df[df["layer"] == "series"]["flags"]) == ["", "", "provisional", "estimated"]


def test_a_fall_is_drawn_down_from_its_base_and_its_bound_below_it():
    # 2024 against 2023: 140 -> a fall of 10 % is 126, never 154
    comparison, df = _frame(_stat("Production fell by 10% in 2024 compared with 2023.", "en"))
    assert comparison.kind == "change" and comparison.claim_value == -10
    assert _layer(df, "claim path") == [("2023", 140.0, False), ("2024", 126.0, False)]
    assert "goes the other way" in comparison.sentence  # the series rose from 140 to 150
    more = _stat("Production fell by more than 10% in 2024 compared with 2023.", "en")
    comparison, base = check_statistic(more, SERIES, today=TODAY)
    df = series_frame(SERIES, claim=more.surface, comparison=comparison, period=more.period, base=base,
                      bound=more.bound)  # fmt: skip
    end = df[df["layer"] == "claim path"].to_dict("records")[-1]
    assert (end["value"], end["shape"]) == (126.0, "less than")  # more than a 10 % fall: under 126
    assert end["y_high"] == 126.0 and end["y_low"] < 126.0


def test_a_fall_smaller_than_the_series_fall_is_said_so():
    falling = Series("crime", None, (period_from_label("2022"), period_from_label("2023")), (100.0, 85.0),
                     ((), ()))  # fmt: skip
    stat = _stat("Crime fell by 12% in 2023 compared with 2022.", "en")
    comparison, _ = check_statistic(stat, falling, today=TODAY)
    assert "the claim's −12 % is a 20 % smaller fall" in comparison.sentence  # −12 % against −15 %


def test_a_level_is_a_point_at_its_period_in_the_series_unit():
    comparison, df = _frame(_stat("Production reached 145,000 tonnes in 2024.", "en"))
    assert comparison.kind == "level"
    assert _layer(df, "claim") == [("2024", 145.0, False)]  # 145,000 t in thousands of tonnes
    assert _layer(df, "claim path") == []


def test_a_forecast_is_drawn_hollow():
    _, df = _frame(_stat("La production devrait être multipliée par six en 2024.", "fr"))
    assert _layer(df, "claim path") == [("2023", 140.0, True), ("2024", 840.0, True)]


def test_a_level_the_series_does_not_cover_is_drawn_outside_it_and_a_path_without_base_not_at_all():
    comparison, df = _frame(_stat("Production reached 145,000 tonnes in 2019.", "en"))
    assert comparison.status == "not covered"
    assert _layer(df, "claim") == [("2019", 145.0, False)]  # where the claim sits, left of the series
    comparison, df = _frame(_stat("La production a triplé en 2021.", "fr"))  # 2020 is not in the series
    assert comparison.status == "not covered" and set(df["layer"]) == {"series"}


def test_the_chart_layers_and_its_csv_rows():
    _, df = _frame(_stat("La production a triplé en 2023.", "fr"))
    spec = series_chart(df, title="#4 Output", unit="THS_T").to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert (
        marks == ["line", "point", "line", "rule", "point", "point"] and spec["title"]["text"] == "#4 Output"
    )
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["series", "claim path"]
    assert list(df["marked"]) == [False] * 5 + [True]  # the path's end is the claim, its start the base
    assert spec["layer"][0]["encoding"]["x"]["axis"] == {"format": "%Y", "tickCount": "year"}  # yearly
    rows = list(csv.DictReader(io.StringIO(chart_csv(df).decode("utf-8-sig"))))
    assert [r["layer"] for r in rows] == ["series"] * 4 + ["claim path"] * 2
    assert rows[-1]["value"] == "150.0" and rows[-1]["claim"] == "a triplé"
    assert series_chart(df.iloc[0:0], title="x").to_dict()["mark"]["type"] == "text"


def test_a_bound_is_an_arrow_from_the_claims_point_in_the_series_unit():
    stat = _stat("Production reached more than 120,000 tonnes in 2024.", "en")
    comparison, _ = check_statistic(stat, SERIES, today=TODAY)
    df = series_frame(SERIES, claim=stat.surface, comparison=comparison, period=stat.period, bound=stat.bound)
    (claim,) = df[df["layer"] == "claim"].to_dict("records")
    assert (claim["value"], claim["shape"]) == (120.0, "more than")
    assert claim["y_low"] == 120.0 and claim["y_high"] > 120.0  # the arrow points up from 120 (thousand t)
    less = _stat("Production stayed under 160,000 tonnes in 2024.", "en")
    comparison, _ = check_statistic(less, SERIES, today=TODAY)
    df = series_frame(SERIES, claim=less.surface, comparison=comparison, period=less.period, bound=less.bound)
    (claim,) = df[df["layer"] == "claim"].to_dict("records")
    assert claim["shape"] == "less than" and claim["y_high"] == 160.0 and claim["y_low"] < 160.0
    spec = series_chart(df, title="x").to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]][3] == "rule"


def test_other_reports_are_drawn_where_their_figures_put_them_and_other_measures_not_at_all():
    stat = _stat("La production a triplé en 2023.", "fr")
    comparison, base = check_statistic(stat, SERIES, today=TODAY)
    reports = []
    for figure in (
        ReportedFigure(2.5, kind="multiplier", unit="×", period="2023"),  # from 2022's 50: 125
        ReportedFigure(130_000, unit="t", period="2024"),  # a level: 130 thousand t
    ):
        report_comparison, report_base = check_statistic(figure, SERIES, today=TODAY)
        reports.append(figure_rows(SERIES, report_comparison, label="#9 Ministry", period=figure.period,
                                   base=report_base, layer="report"))  # fmt: skip
    df = series_frame(SERIES, claim=stat.surface, comparison=comparison, period=stat.period, base=base,
                      reports=reports)  # fmt: skip
    assert _layer(df, "report") == [("2023", 125.0, False), ("2024", 130.0, False)]
    assert df[df["layer"] == "report"]["marked"].all()  # points only: no path for another report
    spec = series_chart(df, title="x").to_dict()
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["series", "claim path", "report"]
    count = ReportedFigure(263, counted="manufacturers", period="2023")
    assert check_statistic(count, SERIES, today=TODAY)[0].status == "not comparable"
