"""A statistical series as a line over time with a claim drawn on it: pure, DataFrame in, Altair out.

``series_frame`` builds the rows (the series' values, then the claim: a level as a point at its period, a
multiplier or change as the path it implies from the series' value at its base, a forecast hollow);
``series_chart`` draws them. Values are in the series' own unit (its scale said on the axis).
Kept beside ``workbench.outputs.charts`` (which is at its size limit) and using its helpers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

from claims.models import Bound, Period
from sources.series import Series
from sources.series_compare import SeriesComparison, level_at
from workbench.domain.chart_periods import chart_bounds
from workbench.outputs.charts import (
    BOUND_SHAPES,
    HEIGHT,
    WIDTH,
    bound_interval,
    bound_label,
    explanation_chart,
)

SERIES_COLUMNS = (
    "layer", "period", "date", "value", "flags", "claim", "hollow", "marked", "shape", "y_low", "y_high",
)  # fmt: skip
LAYERS = ("series", "claim", "claim path", "report")
COLOURS = ("#1f77b4", "#d62728", "#d62728", "#ff7f0e")


def _row(
    layer: str,
    period: Period,
    value: float | None,
    *,
    flags="",
    claim="",
    hollow=False,
    marked=False,
    bound: Bound | None = None,
    scale_to=None,
) -> dict:
    """One row; ``marked``: a figure's own point (a level, or where a path ends), drawn large, its shape
    and arrow or interval from ``bound`` (its low and high put in the series' terms by ``scale_to``)."""
    shape, low, high = "exact", None, None
    if marked and bound is not None and value is not None:
        low = scale_to(bound.low) if bound.low is not None else None
        high = scale_to(bound.high) if bound.high is not None else None
        shape = bound_label(bound.kind, low, high)
    y_low, y_high = bound_interval({"shape": shape, "value": value, "low": low, "high": high})
    return {
        "layer": layer,
        "period": period.surface or period.start,
        "date": period.start,
        "value": value,
        "flags": flags,
        "claim": claim,
        "hollow": hollow,
        "marked": marked,
        "shape": shape,
        "y_low": y_low,
        "y_high": y_high,
    }


def _claim_level(value: float, kind: str, base_value: float | None) -> float | None:
    """The series level a claim's figure implies: itself, base × multiplier, or base × (1 + change)."""
    if kind == "level" or kind == "share":
        return value
    if base_value is None:
        return None
    return base_value * value if kind == "multiplier" else base_value * (1 + value / 100)


def figure_rows(
    series: Series,
    comparison: SeriesComparison | None,
    *,
    label: str,
    period: Period | None,
    base: Period | None = None,
    forecast: bool = False,
    bound: Bound | None = None,
    layer: str = "claim",
) -> list[dict]:
    """A figure drawn on the series, in the series' own unit: a level as a point at its period; a
    multiplier or change as the path it implies from the series' value at its base (only its end for
    another report, ``layer="report"``); hollow when a forecast or not yet checkable; none when the
    figure cannot be placed (no value, no period, or no series value at its base)."""
    value = comparison.claim_value if comparison is not None else None
    if comparison is None or value is None or period is None or not period.start:
        return []
    hollow = forecast or comparison.status == "not yet checkable"
    if comparison.kind == "change" and value < 0 and bound is not None:  # "fell by more than 10%": < −10
        flipped = chart_bounds("change", bound.low, bound.high, "down", bound.kind)
        bound = Bound(flipped["bound"], flipped["low"], flipped["high"], bound.inclusive)
    mark = {"claim": label, "hollow": hollow, "bound": bound}
    if comparison.kind in ("level", "share"):
        if comparison.kind == "share":  # a share has no level in the series' unit to draw
            return []
        return [_row(layer, period, value / series.scale, marked=True, scale_to=lambda v: v / series.scale,
                     **mark)]  # fmt: skip
    start = level_at(series, base) if base is not None else None
    # level_at gives values times the scale; the chart keeps the series' own unit
    base_value = start.value / series.scale if start is not None and start.value is not None else None
    if base_value is None or base is None:
        return []
    end = _claim_level(value, comparison.kind, base_value)
    path_end = _row("claim path" if layer == "claim" else layer, period, end, marked=True,
                    scale_to=lambda v: _claim_level(v, comparison.kind, base_value), **mark)  # fmt: skip
    if layer != "claim":
        return [path_end]
    return [_row("claim path", base, base_value, claim=label, hollow=hollow), path_end]


def series_frame(
    series: Series,
    *,
    claim: str = "",
    comparison: SeriesComparison | None = None,
    period: Period | None = None,
    base: Period | None = None,
    forecast: bool = False,
    bound: Bound | None = None,
    reports: Sequence[list[dict]] = (),
) -> pd.DataFrame:
    """The rows of the chart: every value of the series, the claim's point or path (when it has one), then
    the rows of other linked reports (``figure_rows(..., layer="report")``).

    >>> from sources.observations import period_from_label as p
    >>> s = Series("Output", None, (p("2022"), p("2023")), (10.0, 30.0), ((), ("provisional",)))
    >>> c = SeriesComparison("consistent", "", "multiplier", 3.0, 3.0)
    >>> series_frame(s, claim="×3", comparison=c, period=p("2023"), base=p("2022"))["value"].tolist()
    [10.0, 30.0, 10.0, 30.0]
    """
    rows = [
        _row("series", p, v, flags=", ".join(f))
        for p, v, f in zip(series.periods, series.values, series.flags, strict=True)
    ]
    rows += figure_rows(series, comparison, label=claim, period=period, base=base, forecast=forecast,
                        bound=bound)  # fmt: skip
    for report in reports:
        rows += report
    return pd.DataFrame(rows, columns=list(SERIES_COLUMNS))


def series_chart(df: pd.DataFrame, *, title: str, unit: str | None = None) -> alt.LayerChart | alt.Chart:
    """The series as a line, flagged values marked, the claim in red (a dashed path, hollow if a forecast,
    its bound an arrow), other linked reports in orange where their figures put them."""
    df = df[df["value"].map(lambda v: isinstance(v, int | float) and math.isfinite(v))]
    if df.empty or not (df["layer"] == "series").any():
        return explanation_chart("The series has no values to draw.")
    # yearly values are labelled by year only (no "July" ticks between them)
    yearly = df["date"].astype(str).str.endswith("-01-01").all()
    axis = alt.Axis(format="%Y", tickCount="year") if yearly else alt.Axis()
    x = alt.X("date:T", title="Period", axis=axis)
    y = alt.Y("value:Q", title=unit or "value", scale=alt.Scale(zero=False))
    drawn = [layer for layer in LAYERS if (df["layer"] == layer).any()]  # the legend names what is drawn
    colours = [COLOURS[LAYERS.index(layer)] for layer in drawn]
    colour = alt.Color("layer:N", scale=alt.Scale(domain=drawn, range=colours), title="")
    tooltip = ["layer:N", "period:N", alt.Tooltip("value:Q", format=",.4~g"), "flags:N", "claim:N"]
    base = alt.Chart(df).encode(x=x, y=y, color=colour, tooltip=tooltip)
    line = base.transform_filter(alt.datum.layer == "series").mark_line(point=True)
    flagged = base.transform_filter((alt.datum.layer == "series") & (alt.datum.flags != "")).mark_point(
        shape="diamond", size=90, filled=False, strokeWidth=2
    )
    path = (
        base.transform_filter(alt.datum.layer == "claim path")
        .mark_line(strokeDash=[6, 4], strokeWidth=2)
        .encode(detail="claim:N")  # one path per claim when several are drawn (the Trends page)
    )
    marked = base.transform_filter(alt.datum.marked)
    shapes = [b for b in BOUND_SHAPES if (df.loc[df["marked"].astype(bool), "shape"] == b).any()]
    shape = alt.Shape(
        "shape:N",
        title="Bound",
        scale=alt.Scale(domain=shapes, range=[BOUND_SHAPES[b] for b in shapes]),
        legend=None if shapes in ([], ["exact"]) else alt.Legend(),  # a legend only when a bound is drawn
    )
    # a bound is an arrow from the figure ("more than" points up), a range its interval
    arrows = (
        marked.transform_filter("isValid(datum.y_low) && isValid(datum.y_high)")
        .mark_rule(strokeWidth=2.5)
        .encode(y=alt.Y("y_low:Q"), y2="y_high:Q")
    )
    filled = marked.transform_filter("!datum.hollow").mark_point(size=140, filled=True, opacity=1)
    hollow = marked.transform_filter("datum.hollow").mark_point(size=140, filled=False, strokeWidth=2.5)
    layers = [line, flagged, path, arrows, filled.encode(shape=shape), hollow.encode(shape=shape)]
    heading = alt.TitleParams(
        text=title,
        # short lines: the claim panel's column is narrow
        subtitle=["Filled: reported · hollow: forecast", "▲ more than · ▼ less than · dashed: implied"],
        subtitleColor="#555",
        anchor="start",
    )
    return alt.layer(*layers, title=heading).properties(width=WIDTH, height=HEIGHT)
