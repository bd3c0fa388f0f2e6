"""The claim's other appearances (repeated claims) with their verdicts, and reusing a verdict explicitly."""

from __future__ import annotations

import streamlit as st

from workbench.desk.repeated import other_appearances
from workbench.domain.records import ClaimRecord
from workbench.domain.textsafe import inert
from workbench.storage.repeat_alerts import repeat_alerts
from workbench.ui import state
from workbench.ui.resources import database


def render_repeat_alert(claim: ClaimRecord) -> None:
    """At the top of the panel: this claim repeats one whose verdict is published; offer that verdict."""
    with database().session() as session:
        alert = repeat_alerts(session, [claim.id]).get(claim.id)
    if alert is None:
        return
    when = f" on {alert.published_at:%Y-%m-%d}" if alert.published_at else ""
    text_col, button_col = st.columns([5, 1], vertical_alignment="center")
    text_col.warning(
        f"This claim repeats claim #{alert.earlier_claim_id}, published as **{inert(alert.rating)}**{when}: "
        + inert(alert.rationale[:300]),
        icon=":material/repeat:",
    )
    button_col.button(
        "Use this verdict",
        key=f"repeat.alert.{alert.earlier_claim_id}",
        on_click=state.apply_earlier_verdict,
        args=(claim.id, claim.version, alert.earlier_claim_id),  # its newest published verdict, as shown
        help="Proposes the same verdict for this claim, citing the published one: you decide.",
    )


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
