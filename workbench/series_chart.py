"""A statistical series as a line over time with a claim drawn on it: pure, DataFrame in, Altair out.

``series_frame`` builds the rows (the series' values, then the claim: a level as a point at its period, a
multiplier or change as the path it implies from the series' value at its base, a forecast hollow);
``series_chart`` draws them. Values are in the series' own unit (its scale said on the axis).
Kept beside ``workbench.charts`` (which is at its size limit) and using its helpers.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from claims.models import Period
from sources.series import Series
from sources.series_compare import SeriesComparison, level_at
from workbench.charts import HEIGHT, WIDTH, explanation_chart

SERIES_COLUMNS = ("layer", "period", "date", "value", "flags", "claim", "hollow", "marked")
LAYERS = ("series", "claim", "claim path")
COLOURS = ("#1f77b4", "#d62728", "#d62728")


def _row(
    layer: str, period: Period, value: float | None, *, flags="", claim="", hollow=False, marked=False
) -> dict:
    """One row; ``marked``: the claim's own point (a level, or where a path ends), drawn large."""
    return {
        "layer": layer,
        "period": period.surface or period.start,
        "date": period.start,
        "value": value,
        "flags": flags,
        "claim": claim,
        "hollow": hollow,
        "marked": marked,
    }


def _claim_level(value: float, kind: str, base_value: float | None) -> float | None:
    """The series level a claim's figure implies: itself, base × multiplier, or base × (1 + change)."""
    if kind == "level" or kind == "share":
        return value
    if base_value is None:
        return None
    return base_value * value if kind == "multiplier" else base_value * (1 + value / 100)


def series_frame(
    series: Series,
    *,
    claim: str = "",
    comparison: SeriesComparison | None = None,
    period: Period | None = None,
    base: Period | None = None,
    forecast: bool = False,
) -> pd.DataFrame:
    """The rows of the chart: every value of the series, then the claim's point or path (when it has one).

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
    value = comparison.claim_value if comparison is not None else None
    if comparison is not None and value is not None and period is not None and period.start:
        hollow = forecast or comparison.status == "not yet checkable"
        start = level_at(series, base) if base is not None and comparison.kind != "level" else None
        # level_at gives values times the scale; the chart keeps the series' own unit
        base_value = start.value / series.scale if start is not None and start.value is not None else None
        if comparison.kind in ("level", "share"):
            level = value / series.scale if comparison.kind == "level" else None
            if level is not None:
                rows.append(_row("claim", period, level, claim=claim, hollow=hollow, marked=True))
        elif base_value is not None and base is not None:
            end = _claim_level(value, comparison.kind, base_value)
            rows.append(_row("claim path", base, base_value, claim=claim, hollow=hollow))
            rows.append(_row("claim path", period, end, claim=claim, hollow=hollow, marked=True))
    df = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    return df


def series_chart(df: pd.DataFrame, *, title: str, unit: str | None = None) -> alt.LayerChart | alt.Chart:
    """The series as a line, flagged values marked, the claim in red (a dashed path, hollow if a forecast)."""
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
    claim_points = (
        base.transform_filter(alt.datum.marked)
        .mark_point(size=140, strokeWidth=2.5)
        .encode(fill=alt.condition(alt.datum.hollow, alt.value("white"), alt.value("#d62728")))
    )
    return (line + flagged + path + claim_points).properties(title=title, width=WIDTH, height=HEIGHT)
