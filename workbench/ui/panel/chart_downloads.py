"""Show a chart with PNG, SVG and CSV downloads under it (one helper for every chart of the app)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from workbench.outputs.charts import chart_csv, chart_png, chart_svg


def render_chart(chart: alt.TopLevelMixin, df: pd.DataFrame, *, key: str, name: str) -> None:
    """The chart, then "PNG", "SVG" and "CSV data" buttons; images are rendered only when clicked."""
    box = st.container(border=True)
    box.altair_chart(chart, width="stretch", key=f"{key}.chart")
    row = box.container(horizontal=True, key=f"{key}.downloads")
    png = svg = data = row
    png.download_button(
        "PNG", data=lambda: chart_png(chart), file_name=f"{name}.png", mime="image/png",
        key=f"{key}.png", icon=":material/image:", on_click="ignore",
    )  # fmt: skip
    svg.download_button(
        "SVG", data=lambda: chart_svg(chart), file_name=f"{name}.svg", mime="image/svg+xml",
        key=f"{key}.svg", icon=":material/draw:", on_click="ignore",
    )  # fmt: skip
    data.download_button(
        "CSV data", data=chart_csv(df), file_name=f"{name}.csv", mime="text/csv",
        key=f"{key}.csv", icon=":material/table:", on_click="ignore", disabled=df.empty,
    )  # fmt: skip
