"""The claim panel's series part: each linked series' comparison sentence and its chart, with downloads."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from workbench.panel.chart_downloads import render_chart
from workbench.records import ClaimRecord
from workbench.resources import database
from workbench.series_chart import series_chart
from workbench.series_evidence import series_checks
from workbench.textsafe import inert


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
