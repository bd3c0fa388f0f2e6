"""The series chart as data: the series' values with their flags, a level claim as a point at its period,
a multiplier as the path it implies from the series' base value, a forecast hollow; the CSV download."""

from __future__ import annotations

import csv
import datetime as dt
import io

from claims import split_claims
from claims.models import Statistic
from sources.observations import period_from_label
from sources.series import Series
from workbench.charts import chart_csv
from workbench.series_chart import series_chart, series_frame
from workbench.series_evidence import check_statistic

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
    assert marks == ["line", "point", "line", "point"] and spec["title"] == "#4 Output"
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["series", "claim path"]
    assert list(df["marked"]) == [False] * 5 + [True]  # the path's end is the claim, its start the base
    assert spec["layer"][0]["encoding"]["x"]["axis"] == {"format": "%Y", "tickCount": "year"}  # yearly
    rows = list(csv.DictReader(io.StringIO(chart_csv(df).decode("utf-8-sig"))))
    assert [r["layer"] for r in rows] == ["series"] * 4 + ["claim path"] * 2
    assert rows[-1]["value"] == "150.0" and rows[-1]["claim"] == "a triplé"
    assert series_chart(df.iloc[0:0], title="x").to_dict()["mark"]["type"] == "text"
