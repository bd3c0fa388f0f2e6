"""Evidence on a claim: linked sources, the link form, the comparison chart."""

from __future__ import annotations

import streamlit as st

from workbench import state
from workbench.charts import comparison_frame, figure_comparison_chart
from workbench.records import ClaimRecord, SourceRecord
from workbench.vocabulary import STANCES


def render_evidence(claim: ClaimRecord, sources: list[SourceRecord]) -> None:
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
