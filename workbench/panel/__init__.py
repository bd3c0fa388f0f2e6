"""The claim panel: everything a reviewer needs on one claim (Streamlit rendering only)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from workbench import state
from workbench.panel.editing import render_editing, render_history
from workbench.panel.evidence import render_evidence
from workbench.panel.facets import claim_label, render_facets
from workbench.panel.metric import render_metric
from workbench.panel.verdict import render_verdict
from workbench.records import ClaimRecord, SourceRecord
from workbench.vocabulary import STATUSES

__all__ = ["claim_label", "render_claim_panel"]


def render_claim_panel(
    claim: ClaimRecord, sources: list[SourceRecord], *, siblings: Sequence[ClaimRecord] = ()
) -> None:
    """Everything a reviewer needs on one claim (``siblings``: the article's claims, to merge with)."""
    state.opened_version(claim.id, claim.version)
    st.markdown(f"#### Claim #{claim.id}")
    st.text(claim.text)
    render_facets(claim)
    render_editing(claim, siblings)
    with st.form("status.form"):
        st.selectbox("Status", STATUSES, index=STATUSES.index(claim.status), key=state.REVIEW_STATUS)
        st.form_submit_button("Update status", on_click=state.save_status, args=(claim.id,))
    render_evidence(claim, sources)
    render_metric(claim, sources)
    render_verdict(claim)
    render_history(claim)
    if st.button("Reload this claim", key="review.reload"):
        state.forget_opened(claim.id)
        st.rerun()
