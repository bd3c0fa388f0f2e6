"""Altair charts as pure functions: records or DataFrames in, ``alt.Chart`` out."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from workbench.records import ClaimRecord

COMPARISON_COLUMNS = ("label", "value", "role", "reading", "detail")


def comparison_frame(claim: ClaimRecord) -> pd.DataFrame:
    """The claim's figures beside the figures its linked sources report (finite values only)."""
    rows = []
    for stat in claim.statistics:
        if stat.value is not None and math.isfinite(stat.value):
            rows.append(("This claim", stat.value, "claim", stat.reading, stat.surface))
    for evidence in claim.evidence:
        for figure in evidence.source.figures:
            if math.isfinite(figure.value):
                label = evidence.source.title[:60]
                reading = f"{figure.value:g} {figure.unit or ''}".strip()
                detail = f"{evidence.stance}; {figure.measured or ''} {figure.period or ''}".strip()
                rows.append((label, figure.value, "source", reading, detail))
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


def figure_comparison_chart(df: pd.DataFrame) -> alt.Chart:
    """One point per figure: the claim's in red, linked sources' in blue, with tooltips."""
    return (
        alt.Chart(df, title="Claim figure vs figures reported by linked sources")
        .mark_point(size=160, filled=True)
        .encode(
            y=alt.Y("label:N", title=None, sort=None),
            x=alt.X("value:Q", title="Value"),
            color=alt.Color(
                "role:N",
                title="Figure from",
                scale=alt.Scale(domain=["claim", "source"], range=["#d62728", "#1f77b4"]),
            ),
            shape=alt.Shape("role:N", legend=None),
            tooltip=["label", "reading", "detail"],
        )
        .properties(height=alt.Step(40))
    )
