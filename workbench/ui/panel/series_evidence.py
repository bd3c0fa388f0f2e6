"""The claim panel's series part: each linked series' comparison sentence and its chart, with downloads."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from workbench.desk.series_evidence import series_checks, series_trend
from workbench.domain.records import ClaimRecord
from workbench.domain.textsafe import inert
from workbench.outputs.series_chart import series_chart
from workbench.storage.series_store import series_titles
from workbench.ui.panel.chart_downloads import render_chart
from workbench.ui.resources import database


def render_series_evidence(claim: ClaimRecord) -> None:
    """The claim's figures compared with every series linked to it (a suggestion, never a verdict)."""
    # the page decides what "today" is: the comparison never reads a clock
    with database().session() as session:
        checks = series_checks(session, claim, today=dt.date.today())
    if not checks:
        return
    st.markdown("**Compared with a statistical series** — a suggestion for the reviewer, never a verdict")
    for check in checks:
        example = " (illustrative example, not real data)" if check.is_example else ""
        st.markdown(f"- **{inert(check.statistic)}** vs #{check.source_id}{example}: "
                    f"{inert(check.comparison.sentence)}")  # fmt: skip
        if check.comparison.notes:
            st.caption(inert("; ".join(check.comparison.notes)))
        title = f"#{check.source_id} {check.title}"[:70] + f" · claim: {check.statistic}"[:40]
        render_chart(
            series_chart(check.frame, title=title, unit=check.unit),
            check.frame,
            key=f"series.{check.source_id}.{check.position}",
            name=f"claim-{claim.id}-series-{check.source_id}",
        )


def render_series_trend() -> None:
    """The Trends page's series chart: a series of the library with every claim linked to it."""
    st.subheader("A statistical series and its claims")
    with database().session() as session:
        titles = series_titles(session)
    if not titles:
        st.caption("No statistical series in the library yet: import one on the Sources page.")
        return
    chosen = st.selectbox(
        "Series", list(titles), format_func=lambda i: f"#{i} {titles[i]}", key="trends.series"
    )
    with database().session() as session:
        found = series_trend(session, chosen, today=dt.date.today())
    if found is None:  # deleted since the picker was drawn
        st.caption(f"Source #{chosen} is no longer a stored series.")
        return
    stored, df = found
    claims = df.loc[df["layer"] != "series", "claim"].nunique()
    st.caption(f"{claims} claim figure(s) linked to this series, drawn on it.")
    render_chart(
        series_chart(
            df, title=f"#{chosen} {stored.title}"[:90], unit=stored.series.unit_label or stored.series.unit
        ),
        df,
        key="trends.series_chart",
        name=f"series-{chosen}-claims",
    )
