"""The claim panel: parsed facets, evidence, linking, status and verdict (Streamlit rendering only)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench import state
from workbench.charts import comparison_frame, figure_comparison_chart
from workbench.records import ClaimRecord, SourceRecord
from workbench.vocabulary import RATINGS, STANCES, STATUSES


def claim_label(claim: ClaimRecord) -> str:
    """How a claim is named in pickers: id, its figures first (what reviewers look for), then its words."""
    figures = ", ".join(s.surface for s in claim.statistics[:3])
    return f"#{claim.id} [{figures}] {claim.text[:80]}" if figures else f"#{claim.id} {claim.text[:90]}"


def _facets(claim: ClaimRecord) -> None:
    facts = [f"**Kind:** {claim.kind}", f"**Modality:** {claim.modality}"]
    st.markdown(" · ".join([*facts, f"**Check-worthiness:** {claim.worthiness:.2f}"]))
    if claim.reasons:
        st.caption("Why: " + "; ".join(claim.reasons))
    if claim.statistics:
        st.dataframe(
            pd.DataFrame(
                [
                    {"figure": s.surface, "reading": s.reading, "kind": s.kind, "bound": s.bound}
                    for s in claim.statistics
                ]
            ),
            hide_index=True,
        )
    facets = claim.facets
    if facets.get("attribution"):
        st.markdown(f"**Attributed to:** {facets['attribution']['speaker']}")
    entities = [e.get("name") or e["surface"] for e in facets.get("entities", [])]
    dates = [d["surface"] for d in facets.get("dates", [])]
    if entities:
        st.markdown("**Entities:** " + ", ".join(dict.fromkeys(entities)))
    if dates:
        st.markdown("**Dates:** " + ", ".join(dates))


def _evidence(claim: ClaimRecord, sources: list[SourceRecord]) -> None:
    st.subheader("Evidence")
    for evidence in claim.evidence:
        figure = (
            f" — reports {evidence.figure.value:g} {evidence.figure.unit or ''}" if evidence.figure else ""
        )
        st.markdown(f"- **{evidence.stance}**: {evidence.source.title}{figure} _(by {evidence.reviewer})_")
        if evidence.quote:
            st.caption(f"“{evidence.quote}”")
    if not claim.evidence:
        st.caption("No source linked yet.")
    with st.form("link.form", clear_on_submit=True):
        by_id = {s.id: s for s in sources}
        st.selectbox(
            "Source", list(by_id), format_func=lambda i: f"#{i} {by_id[i].title}", key=state.LINK_SOURCE
        )
        st.radio("Stance", list(STANCES), horizontal=True, key=state.LINK_STANCE)
        st.text_input("Quote from the source", key=state.LINK_QUOTE)
        figures = {f.id: f for s in sources for f in s.figures}
        st.selectbox(
            "Figure it reports (optional)",
            [None, *figures],
            format_func=lambda i: (
                "—"
                if i is None
                else f"{figures[i].value:g} {figures[i].unit or ''} (source #{figures[i].source_id})"
            ),
            key=state.LINK_FIGURE,
        )
        st.form_submit_button("Link source", on_click=state.save_link, args=(claim.id,), key="link.submit")
    df = comparison_frame(claim)
    if len(df) > 1:
        st.altair_chart(figure_comparison_chart(df), use_container_width=True)
    elif claim.statistics:
        st.caption("Link a source that reports a figure to compare it with the claim.")


def _verdict(claim: ClaimRecord) -> None:
    st.subheader("Verdict")
    for verdict in reversed(claim.verdicts):
        st.markdown(f"**{verdict.rating}** by {verdict.reviewer}, {verdict.created_at:%Y-%m-%d %H:%M}")
        st.text(verdict.rationale)
    with st.form("verdict.form"):
        st.selectbox(
            "Rating",
            list(RATINGS),
            key=state.VERDICT_RATING,
            help="; ".join(f"{k}: {v}" for k, v in RATINGS.items()),
        )
        st.text_area("Rationale", key=state.VERDICT_RATIONALE)
        st.form_submit_button(
            "Save verdict",
            type="primary",
            on_click=state.save_verdict,
            args=(claim.id,),
            key="verdict.submit",
        )


def render_claim_panel(claim: ClaimRecord, sources: list[SourceRecord]) -> None:
    """Everything a reviewer needs on one claim."""
    state.opened_version(claim.id, claim.version)
    st.markdown(f"#### Claim #{claim.id}")
    st.text(claim.text)
    _facets(claim)
    with st.form("status.form"):
        st.selectbox("Status", STATUSES, index=STATUSES.index(claim.status), key=state.REVIEW_STATUS)
        st.form_submit_button("Update status", on_click=state.save_status, args=(claim.id,))
    _evidence(claim, sources)
    _verdict(claim)
    if st.button("Reload this claim", key="review.reload"):
        state.forget_opened(claim.id)
        st.rerun()
