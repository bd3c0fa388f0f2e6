"""Compare to other reports: the chart, and grouping the claim and reported figures into a metric."""

from __future__ import annotations

import streamlit as st

from workbench.domain.records import ClaimRecord, MetricRecord, SourceRecord
from workbench.domain.textsafe import inert
from workbench.domain.validation import clean_text
from workbench.outputs.charts import compare_chart
from workbench.storage.chart_data import compare_frame
from workbench.storage.metrics import assign_metric, create_metric, list_metrics
from workbench.storage.versioning import hold_version
from workbench.ui import state
from workbench.ui.panel.chart_downloads import render_chart
from workbench.ui.resources import database

NEW_METRIC = 0  # the "new metric" option of the picker (metric ids start at 1)


def save_metric(claim_id: int, version: int) -> None:
    """Put the claim and the chosen figures into the chosen (or a new) metric, in one transaction."""

    def action(session, expected: int) -> int:
        hold_version(session, claim_id, expected)
        reviewer = state.reviewer_name()
        choice = st.session_state.get(state.claim_key(claim_id, "metric.choice"), NEW_METRIC)
        figure_ids = tuple(st.session_state.get(state.claim_key(claim_id, "metric.figures")) or ())
        if choice == NEW_METRIC:
            name = st.session_state.get(state.claim_key(claim_id, "metric.new_name"))
            choice = create_metric(
                session, name=clean_text("metric name", name, required=True), reviewer=reviewer
            )
        assign_metric(session, claim_id=claim_id, metric_id=choice, figure_ids=figure_ids, reviewer=reviewer)
        return expected

    state.bound_save(
        claim_id,
        version,
        action,
        done="Metric saved: the chart compares the claim with the metric's reports.",
    )


def leave_metric(claim_id: int, version: int) -> None:
    def action(session, expected: int) -> int:
        hold_version(session, claim_id, expected)
        assign_metric(session, claim_id=claim_id, metric_id=None, reviewer=state.reviewer_name())
        return expected

    state.bound_save(claim_id, version, action, done="The claim left its metric.")


def _current_metric(claim_id: int) -> tuple[list[MetricRecord], MetricRecord | None]:
    with database().session() as session:
        metrics = list_metrics(session)
    return metrics, next((m for m in metrics if claim_id in m.claim_ids), None)


def render_compare_chart(claim: ClaimRecord) -> None:
    """The compare-to-other-reports chart of the claim (and its metric), with its downloads."""
    st.subheader("Compare to other reports")
    if not claim.statistics:
        st.caption("This claim holds no figure to compare.")
        return
    _, current = _current_metric(claim.id)
    if current:
        st.caption(
            f"In metric **{inert(current.name)}** with {len(current.claim_ids)} claim(s) and "
            f"{len(current.figure_ids)} reported figure(s)."
        )
    with database().session() as session:
        df, title = compare_frame(session, claim.id)
    render_chart(compare_chart(df, title=title), df, key="compare", name=f"claim-{claim.id}-compare")


def render_metric(claim: ClaimRecord, sources: list[SourceRecord]) -> None:
    """The form that groups this claim and reported figures into a metric (shared with other claims)."""
    metrics, current = _current_metric(claim.id)
    with st.expander(f"Metric: {inert(current.name)}" if current else "Group into a metric", expanded=False):
        st.caption("A metric gathers the claims and reported figures that measure the same thing.")
        names = {NEW_METRIC: "New metric…", **{m.id: m.name for m in metrics}}
        figures = {
            f.id: " · ".join(
                x for x in (f"{f.value:g}{f.unit or ''}", f.period, f"#{s.id} {s.title[:50]}") if x
            )
            for s in sources
            for f in s.figures
        }
        with st.form(state.claim_key(claim.id, "metric.form")):
            st.selectbox(
                "Metric", list(names), index=list(names).index(current.id) if current else 0,
                format_func=names.get, key=state.claim_key(claim.id, "metric.choice"),
            )  # fmt: skip
            st.text_input(
                "New metric name",
                key=state.claim_key(claim.id, "metric.new_name"),
                placeholder="e.g. Ukraine defence production",
            )
            st.multiselect(
                "Reported figures in this metric", list(figures), format_func=figures.get,
                default=[f for f in (current.figure_ids if current else ()) if f in figures],
                key=state.claim_key(claim.id, "metric.figures"),
            )  # fmt: skip
            st.form_submit_button(
                "Save metric", on_click=save_metric, args=(claim.id, claim.version), key="metric.submit"
            )
        if current:
            st.button(
                "Take the claim out of the metric",
                on_click=leave_metric,
                args=(claim.id, claim.version),
                key="metric.leave",
            )
