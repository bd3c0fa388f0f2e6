"""Altair charts as pure functions: DataFrames in, ``alt.Chart`` out; PNG/SVG bytes for downloads.

Every chart drops non-finite values first (``finite_rows``) and gives an explanation chart instead of
an empty frame when nothing is left (``explanation_chart``). The frames come from
``workbench.storage.chart_data``.
"""

from __future__ import annotations

import math
import textwrap

import altair as alt
import pandas as pd

from workbench.domain.chart_periods import COMPARE_COLUMNS, comparison_frame, on_time_axis

__all__ = [
    "COMPARE_COLUMNS",
    "comparison_frame",
]  # the compare frame's columns and rows live beside their placing
from workbench.domain.vocabulary import RATINGS, SOURCE_KINDS

# The claim being checked, other claims of the same metric, then the kinds of sources.
COLOUR_DOMAIN: tuple[str, ...] = ("this claim", "other claim", *SOURCE_KINDS)
PALETTE: tuple[str, ...] = (
    "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#e377c2", "#bcbd22", "#17becf", "#8c564b", "#aec7e8",
)  # fmt: skip
# Fixed colours: the claim red, other claims grey, then one colour per source kind (cycled if many).
COLOUR_RANGE: tuple[str, ...] = (
    "#d62728",
    "#7f7f7f",
    *(PALETTE[i % len(PALETTE)] for i in range(len(SOURCE_KINDS))),
)
BOUND_SHAPES = {
    "exact": "circle",
    "more than": "triangle-up",
    "less than": "triangle-down",
    "range": "diamond",
    "base": "square",  # what a change, multiplier or level is compared with, drawn as its own point
}
FORECASTS = frozenset({"forecast", "target", "estimate", "prediction"})
ARROW = 1.35  # an open bound ("more than 250") is drawn as an arrow this factor long
WIDTH, HEIGHT = 560, 300
# Counts are whole: no tick between 1 and 2 (Vega-Lite would label 0.5 steps on small counts).
COUNT_AXIS = alt.Axis(tickMinStep=1, format="d")
# Verdicts keep one colour everywhere: green for true, through orange, to red for false.
VERDICT_COLOURS = {
    "True": "#2ca02c", "Mostly true": "#98df8a", "Misleading": "#ff7f0e", "False": "#d62728",
    "Unverifiable": "#9467bd", "(none)": "#c7c7c7",
}  # fmt: skip


def finite_rows(df: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows whose ``columns`` are all finite numbers (NaN, ±inf and text dropped).

    >>> len(finite_rows(pd.DataFrame({"v": [1.0, float("inf"), None]}), ("v",)))
    1
    """
    if df.empty:
        return df
    keep = pd.Series(True, index=df.index)
    for column in columns:
        numbers = pd.to_numeric(df[column], errors="coerce")
        keep &= numbers.map(lambda v: isinstance(v, float | int) and math.isfinite(v))
    return df[keep]


def explanation_chart(message: str) -> alt.Chart:
    """A chart that says why there is nothing to draw (instead of an empty frame), wrapped in short lines
    so that a narrow panel does not cut it."""
    lines = textwrap.wrap(message, 42) or [""]
    return (
        alt.Chart(pd.DataFrame({"message": ["\n".join(lines)]}))
        .mark_text(size=14, color="#555", align="center", baseline="middle", lineBreak="\n")
        .encode(text="message:N")
        .properties(width=WIDTH, height=max(80, 22 * len(lines) + 24))
    )


def bound_label(bound: str, low: float | None, high: float | None) -> str:
    """The shape name of a bound: exact, more than, less than or range (keys of ``BOUND_SHAPES``)."""
    if bound == "lower":
        return "more than"
    if bound == "upper":
        return "less than"
    if low is not None and high is not None and not math.isclose(low, high):
        return "range"
    return "exact"


def _compact(value: float) -> str:
    """A number short enough to print beside a mark: 250, 1.5, 3.2 m, 1.2 bn."""
    for scale, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:.3g}"


def short_reading(shape: str, value: float, low: float | None, high: float | None, unit: str | None) -> str:
    """The figure as printed beside its mark; the full reading stays in the tooltip.

    >>> short_reading("more than", 250, 250, None, None), short_reading("exact", 3, None, None, "×")
    ('> 250', '×3')
    >>> short_reading("range", 4, 3, 5, "%"), short_reading("exact", 1.2e9, None, None, "EUR")
    ('3–5%', '1.2 bn EUR')
    """
    unit = (unit or "").strip()
    if unit in ("×", "x"):
        return f"×{_compact(value)}"
    number = (
        f"{_compact(low)}–{_compact(high)}"
        if shape == "range" and None not in (low, high)
        else _compact(value)
    )
    prefix = {"more than": "> ", "less than": "< "}.get(shape, "")
    text = f"{prefix}{number}{unit if unit == '%' else ' ' + unit if unit else ''}"
    return text if len(text) <= 20 else text[:19] + "…"


def bound_interval(row: pd.Series | dict) -> tuple[float | None, float | None]:
    """Where the interval or arrow of a bounded figure is drawn (None: a point only); ``row`` has shape,
    value, low and high."""
    low, high = _number(row["low"]), _number(row["high"])
    if row["shape"] == "more than":
        start = low if low is not None else row["value"]
        return start, start * ARROW if start > 0 else start + abs(start) * (ARROW - 1) + 1
    if row["shape"] == "less than":
        end = high if high is not None else row["value"]
        return end / ARROW if end > 0 else end - abs(end) * (ARROW - 1) - 1, end
    if row["shape"] == "range":
        return low, high
    return None, None


def _number(value: object) -> float | None:
    number = pd.to_numeric(value, errors="coerce")
    return float(number) if pd.notna(number) and math.isfinite(number) else None


def is_factor_comparison(df: pd.DataFrame) -> bool:
    """True when every figure is a multiplier ("×3"): those compare on a log scale."""
    return not df.empty and bool(df["unit"].isin(["×", "x"]).all())


def compare_chart(df: pd.DataFrame, *, title: str = "Compare to other reports") -> alt.LayerChart | alt.Chart:
    """One mark per report over the period it covers, on a time axis; the claim in red, larger and labelled.

    A figure is drawn at the middle of its period with a line over the whole period (×3 from 2021 to
    2024 spans the four years); its base is a square of its own; falls sit below a zero line. Shapes
    give the bound (▲ "more than", ▼ "less than", ◆ a range, with the interval drawn), forecasts are
    hollow, reported values filled; multipliers are compared on a log scale.
    """
    df = finite_rows(df, ("value",))
    factors = is_factor_comparison(df)
    if factors:
        df = df[df["value"] > 0]
    if df.empty:
        return explanation_chart(
            "No figure to compare yet: link a source that reports one, or group a metric."
        )
    df = on_time_axis(df)
    if df.empty:
        return explanation_chart(
            "No figure has a period or a date to draw it at: give one in the claim panel."
        )
    df = df.assign(
        shape=[
            "base" if role == "base" else bound_label(b, _number(lo), _number(hi))
            for b, lo, hi, role in zip(df.bound, df.low, df.high, df.role, strict=True)
        ],
        hollow=df["modality"].isin(FORECASTS),
        emphasis=df["role"].eq("this claim").map({True: 260, False: 110}),
    )
    intervals = [bound_interval(row) for _, row in df.iterrows()]
    df = df.assign(
        y_low=[i[0] for i in intervals],
        y_high=[i[1] for i in intervals],
        short=[
            short_reading(shape, value, _number(low), _number(high), unit)
            for shape, value, low, high, unit in zip(
                df["shape"], df["value"], df["low"], df["high"], df["unit"], strict=True
            )
        ],
    )
    if factors:  # an interval reaching zero cannot be drawn on a log scale
        df.loc[df["y_low"].le(0), ["y_low", "y_high"]] = None
    below = not factors and bool((df["value"] < 0).any())
    # a fall must be seen below zero: the axis then includes zero and a zero line is drawn
    scale = alt.Scale(type="log") if factors else alt.Scale(zero=below)
    y_title = "Multiplier (×, log scale)" if factors else "Value"
    drawn, bounds = set(df["colour"]), set(df["shape"])
    shown = [(c, r) for c, r in zip(COLOUR_DOMAIN, COLOUR_RANGE, strict=True) if c in drawn]
    shown += [(c, "#c49c94") for c in sorted(drawn - set(COLOUR_DOMAIN))]  # a kind the desk added
    base = alt.Chart(df).encode(
        x=alt.X("mid:T", title="Period"),
        color=alt.Color(
            "colour:N",
            title="Figure from",  # only the kinds drawn, each always in the same colour
            scale=alt.Scale(domain=[c for c, _ in shown], range=[r for _, r in shown]),
            legend=alt.Legend(
                labelExpr="indexof(['this claim', 'other claim'], datum.label) >= 0"
                " ? datum.label : datum.label + ' (source)'"
            ),
        ),
    )
    tooltip = [
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("date:N", title="Date"),
        alt.Tooltip("reading:N", title="Figure"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("modality:N", title="Modality"),
        alt.Tooltip("quote:N", title="Quote"),
    ]
    point = {
        "y": alt.Y("value:Q", title=y_title, scale=scale),
        "shape": alt.Shape(
            "shape:N",
            title="Bound",
            scale=alt.Scale(
                domain=[b for b in BOUND_SHAPES if b in bounds],
                range=[BOUND_SHAPES[b] for b in BOUND_SHAPES if b in bounds],
            ),
        ),
        "size": alt.Size("emphasis:Q", legend=None, scale=None),
        "tooltip": tooltip,
    }
    intervals_layer = (
        base.transform_filter("isValid(datum.y_low) && isValid(datum.y_high)")
        .mark_rule(strokeWidth=2, opacity=0.7)
        .encode(y=alt.Y("y_low:Q", scale=scale), y2="y_high:Q")
    )
    reported = base.transform_filter("!datum.hollow").mark_point(filled=True, opacity=1).encode(**point)
    forecast = base.transform_filter("datum.hollow").mark_point(filled=False, strokeWidth=2.5).encode(**point)
    labels = (
        base.transform_filter("datum.role == 'this claim'")
        .mark_text(dy=-17, fontWeight="bold", fontSize=13)
        .encode(y=alt.Y("value:Q", scale=scale), text="short:N")
    )
    other_labels = (
        base.transform_filter("datum.role != 'this claim'")
        .mark_text(dy=-13, fontSize=10)
        .encode(y=alt.Y("value:Q", scale=scale), text="short:N")
    )
    # Two short subtitle lines and a title anchored left: a narrow panel column must not clip them.
    spans = (
        base.transform_filter("datum.end > datum.start")
        .mark_rule(strokeWidth=3, opacity=0.45)
        .encode(x="start:T", x2="end:T", y=alt.Y("value:Q", scale=scale))
    )
    layers = [intervals_layer, reported, forecast, labels, other_labels, spans]
    if below:
        layers.append(
            alt.Chart(df).transform_aggregate(n="count()").mark_rule(color="#555").encode(y=alt.datum(0))
        )
    subtitle = [
        # lines short enough for the claim panel's narrow column
        "Filled: reported · hollow: forecast · ■ base",
        "▲ more than · ▼ less than · │ range · ─ period",
    ]
    heading = alt.TitleParams(text=title, subtitle=subtitle, subtitleColor="#555", anchor="start")
    return alt.layer(*layers, title=heading).properties(width=WIDTH, height=HEIGHT)


# --- trends -----------------------------------------------------------------------------------------


def _stacked(df: pd.DataFrame, period: str, group: str) -> pd.DataFrame:
    """``df`` with ``low`` and ``high``: where each group's count sits in its period's stacked bar.

    Computed here because a bar placed between two dates (x and x2) is drawn by Vega-Lite as a
    horizontal range, and would not stack upwards by itself.
    """
    df = df.sort_values([period, group]).reset_index(drop=True)
    high = df.groupby(period)["claims"].cumsum()
    return df.assign(low=high - df["claims"], high=high)


def _time_axis(df: pd.DataFrame) -> alt.Axis:
    """Months named "Jan 2026", weeks by their Monday "05 Jan 2026", told apart by the span of their
    bounds (``start``/``end``, from ``chart_data.with_period_bounds``)."""
    days = (pd.to_datetime(df["end"]) - pd.to_datetime(df["start"])).dt.days
    months = bool(len(days)) and days.ne(7).all()
    # one tick per month or per week at most: a short span would otherwise repeat a label per day
    interval = {"interval": "month", "step": 1} if months else {"interval": "week", "step": 1}
    return alt.Axis(format="%b %Y" if months else "%d %b %Y", labelAngle=0, tickCount=interval)


def claims_over_time_chart(df: pd.DataFrame, *, by: str) -> alt.Chart:
    """Stacked bars: claims per period, split by ``by`` (verdict, kind, outlet or language)."""
    df = finite_rows(df, ("claims",))
    if df.empty:
        return explanation_chart("No claims match these filters.")
    df = _stacked(df, "period", "group")
    return (
        alt.Chart(df, title=f"Claims per period by {by}")
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("start:T", title="Period", axis=_time_axis(df)),
            x2="end:T",
            y=alt.Y("high:Q", title="Claims", axis=COUNT_AXIS),
            y2="low:Q",
            color=alt.Color("group:N", title=by.capitalize(), **_verdict_colours(df["group"], by)),
            tooltip=["period:N", alt.Tooltip("group:N", title=by), "claims:Q"],
        )
        .properties(width=WIDTH, height=HEIGHT)
    )


def _verdict_colours(values: pd.Series, by: str) -> dict:
    """The fixed verdict palette when the groups are verdicts (a Color ``scale`` argument), else nothing."""
    if by != "verdict":
        return {}
    domain = [v for v in VERDICT_COLOURS if v in set(values)] + sorted(set(values) - set(VERDICT_COLOURS))
    return {"scale": alt.Scale(domain=domain, range=[VERDICT_COLOURS.get(v, "#8c564b") for v in domain])}


def cluster_recurrence_chart(df: pd.DataFrame) -> alt.Chart:
    """One row per recurring claim cluster; a circle per period it came back, sized by claims."""
    df = finite_rows(df, ("claims",))
    if df.empty:
        return explanation_chart("No claim has recurred yet (repeated-claim matching fills the clusters).")
    return (
        alt.Chart(df, title="Recurring claims over time")
        .mark_circle(opacity=0.8, color="#1f77b4")
        .encode(
            x=alt.X("start:T", title="Period", axis=_time_axis(df)),
            y=alt.Y("cluster:N", title="Claim cluster"),
            size=alt.Size(
                "claims:Q",
                title="Claims",
                scale=alt.Scale(range=[60, 600], zero=False),
                legend=alt.Legend(format="d", tickMinStep=1),
            ),
            tooltip=["cluster:N", "example:N", "period:N", "claims:Q"],
        )
        .properties(width=WIDTH, height=alt.Step(28))
    )


def false_share_chart(df: pd.DataFrame) -> alt.Chart:
    """Share of rated statistical claims found False or Misleading, per period."""
    df = finite_rows(df, ("share", "rated"))
    if df.empty:
        return explanation_chart("No statistical claim has a verdict in this selection.")
    return (
        alt.Chart(df, title="Statistical claims rated False or Misleading")
        .mark_line(point=alt.OverlayMarkDef(color="#d62728"), color="#d62728")
        .encode(
            x=alt.X("start:T", title="Period", axis=_time_axis(df)),
            y=alt.Y("share:Q", title="Share of rated claims", axis=alt.Axis(format="%")),
            tooltip=["period:N", alt.Tooltip("share:Q", format=".0%"), "false_or_misleading:Q", "rated:Q"],
        )
        .properties(width=WIDTH, height=HEIGHT)
    )


def verdict_distribution_chart(df: pd.DataFrame) -> alt.Chart:
    """Claims per current verdict, in the order of the rating scale."""
    df = finite_rows(df, ("claims",))
    if df.empty:
        return explanation_chart("No verdict yet in this selection.")
    order = [r for r in RATINGS if r in set(df["verdict"])] + sorted(set(df["verdict"]) - set(RATINGS))
    return (
        alt.Chart(df, title="Verdict distribution")
        .mark_bar()
        .encode(
            y=alt.Y("verdict:N", title="Verdict", sort=order),
            x=alt.X("claims:Q", title="Claims", axis=COUNT_AXIS),
            color=alt.Color(
                "verdict:N", legend=None, sort=order, **_verdict_colours(df["verdict"], "verdict")
            ),
            tooltip=["verdict:N", "claims:Q"],
        )
        .properties(width=WIDTH, height=alt.Step(30))
    )


def throughput_chart(df: pd.DataFrame) -> alt.Chart:
    """Claims checked per reviewer per week (a claim counts once per reviewer and week)."""
    df = finite_rows(df, ("claims",))
    if df.empty:
        return explanation_chart("No claim has been checked in this selection.")
    df = _stacked(df, "week", "reviewer")
    return (
        alt.Chart(df, title="Claims checked per reviewer per week")
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("start:T", title="Week starting", axis=_time_axis(df)),
            x2="end:T",
            y=alt.Y("high:Q", title="Claims checked", axis=COUNT_AXIS),
            y2="low:Q",
            color=alt.Color("reviewer:N", title="Reviewer"),
            tooltip=["week:N", "reviewer:N", "claims:Q"],
        )
        .properties(width=WIDTH, height=HEIGHT)
    )


# --- files ------------------------------------------------------------------------------------------


def chart_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """The chart as a PNG image (rendered by vl-convert, no browser needed)."""
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale)


def chart_svg(chart: alt.TopLevelMixin) -> bytes:
    """The chart as an SVG document."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_json()).encode("utf-8")


def chart_csv(df: pd.DataFrame) -> bytes:
    """The data behind a chart as UTF-8 CSV (formula-like cells neutralised, like the exports)."""
    from workbench.outputs.exports import frame_csv

    return frame_csv(df)
