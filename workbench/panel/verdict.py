"""Verdict history and the verdict form."""

from __future__ import annotations

import streamlit as st

from workbench import state
from workbench.records import ClaimRecord
from workbench.vocabulary import RATINGS


def render_verdict(claim: ClaimRecord) -> None:
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
