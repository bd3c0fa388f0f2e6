"""The claim panel: everything a reviewer needs on one claim (Streamlit rendering only)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from workbench.domain.records import ClaimRecord, SourceRecord
from workbench.domain.vocabulary import MANUAL_STATUSES, STATUSES
from workbench.storage.versioning import latest_change
from workbench.ui import state
from workbench.ui.panel.editing import render_editing, render_history
from workbench.ui.panel.evidence import render_evidence
from workbench.ui.panel.facets import claim_label, render_facets
from workbench.ui.panel.metric import render_metric
from workbench.ui.panel.repeats import render_repeat_alert
from workbench.ui.panel.verdict import render_verdict
from workbench.ui.resources import database

__all__ = ["claim_label", "render_claim_panel"]


def render_claim_panel(
    claim: ClaimRecord, sources: list[SourceRecord], *, siblings: Sequence[ClaimRecord] = ()
) -> None:
    """Everything a reviewer needs on one claim (``siblings``: the article's claims, to merge with)."""
    st.markdown(f"#### Claim #{claim.id}")
    if (before := state.seen_change(claim.id, claim.version)) is not None:
        with database().session() as session:
            what = latest_change(session, claim.id)
        st.info(
            f"Claim #{claim.id} changed since you last saw it (version {before} → {claim.version}).{what}"
        )
    st.text(claim.standalone)  # a fragment with its subject, as tables and exports show it
    render_repeat_alert(claim)  # a published verdict on the same claim, offered first
    render_facets(claim)
    render_editing(claim, siblings)
    with st.form(state.claim_key(claim.id, "status.form")):
        # "proposed" and "published" follow the verdict: offered only as the status the claim has
        choices = [s for s in STATUSES if s in MANUAL_STATUSES or s == claim.status]
        st.selectbox(
            "Status",
            choices,
            index=choices.index(claim.status) if claim.status in choices else 0,
            key=state.claim_key(claim.id, "status"),
        )
        st.form_submit_button("Update status", on_click=state.save_status, args=(claim.id, claim.version))
    render_evidence(claim, sources)
    render_metric(claim, sources)
    render_verdict(claim)
    render_history(claim)
