"""The claim's other appearances (repeated claims) with their verdicts, and reusing a verdict explicitly."""

from __future__ import annotations

import streamlit as st

from workbench import state
from workbench.records import ClaimRecord
from workbench.repeated import other_appearances
from workbench.resources import database
from workbench.textsafe import inert


def render_repeats(claim: ClaimRecord) -> None:
    with database().session() as session:
        appearances = other_appearances(session, claim)
    if not appearances:
        return
    st.markdown(f"**This claim appears elsewhere ({len(appearances)})**")
    for other in appearances:
        where = (
            "this article"
            if other.same_article
            else f"article #{other.article_id} “{inert(other.article_title)}”"
        )
        text_col, button_col = st.columns([5, 1])
        text_col.markdown(f"- Claim #{other.claim_id} in {where}: {inert(other.text[:200])}")
        if other.rating is None:
            text_col.caption(
                "A verdict is proposed, not published yet." if other.proposed else "No verdict yet."
            )
            continue
        when = f"{other.verdict_at:%Y-%m-%d}"
        newer = " (a newer proposal waits to be published)" if other.proposed else ""
        text_col.caption(
            f"Published verdict: **{inert(other.rating)}** by {inert(other.reviewer)}, published by "
            f"{inert(other.published_by)} {when}{newer}: " + inert(other.rationale[:200])
        )
        button_col.button(
            "Apply verdict",
            key=f"repeat.apply.{other.claim_id}",
            on_click=state.apply_earlier_verdict,
            args=(claim.id, claim.version, other.claim_id),
            help="Proposes the same published verdict for this claim, citing the earlier one; an editor "
            "publishes it.",
        )
