"""Trends: claims over time, recurring claims, false statistics, verdicts and the desk's throughput."""

import streamlit as st

from workbench.outputs import charts
from workbench.storage import chart_data
from workbench.ui.panel.chart_downloads import render_chart
from workbench.ui.panel.filter_widgets import render_claim_filter
from workbench.ui.panel.series_evidence import render_series_trend
from workbench.ui.resources import database

st.title("Claim trends")
with database().session() as session:
    options = chart_data.filter_options(session)
claim_filter = render_claim_filter("trends", options)
by_col, freq_col, states_col = st.columns(3)
by = by_col.segmented_control(
    "Split claims by", list(chart_data.GROUPINGS), default="verdict", key="trends.by", required=True
)
freq = freq_col.segmented_control("Per", ["week", "month"], default="month", key="trends.freq", required=True)
all_states = states_col.checkbox(
    "Include proposed verdicts",
    key="trends.all_states",
    help="By default a claim counts under its newest published verdict: a proposal is not yet the desk's.",
)
states = "all" if all_states else "published"

with database().session() as session:
    claims_df = chart_data.trend_claims(session, claim_filter, states=states)
    throughput_df = chart_data.throughput(session, claim_filter, states=states)
    false = chart_data.false_ratings(session)
st.caption(f"{len(claims_df)} claims match the filters.")

per_period = chart_data.claims_per_period(claims_df, by=by, freq=freq)
render_chart(
    charts.claims_over_time_chart(per_period, by=by),
    per_period,
    key="trends.claims",
    name="claims-per-period",
)
share = chart_data.false_share(claims_df, freq=freq, false=false)
render_chart(charts.false_share_chart(share), share, key="trends.false", name="false-statistical-claims")
recurrence = chart_data.cluster_recurrence(claims_df, freq=freq)
render_chart(
    charts.cluster_recurrence_chart(recurrence), recurrence, key="trends.clusters", name="recurring-claims"
)

left, right = st.columns(2)
with left:
    distribution = chart_data.verdict_distribution(claims_df)
    render_chart(
        charts.verdict_distribution_chart(distribution), distribution, key="trends.verdicts", name="verdicts"
    )
with right:
    render_chart(
        charts.throughput_chart(throughput_df), throughput_df, key="trends.throughput", name="throughput"
    )

render_series_trend()
