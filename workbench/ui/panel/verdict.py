"""The verdict part of the claim panel: current verdict, its history, the proposal form, publication."""

from __future__ import annotations

import streamlit as st

from workbench.domain.ratings import Rating
from workbench.domain.records import ClaimRecord
from workbench.domain.textsafe import inert
from workbench.storage.rating_scale import load_scale
from workbench.storage.verdicts import second_person_required, verdict_history
from workbench.ui import state
from workbench.ui.resources import database


def render_verdict(claim: ClaimRecord) -> None:
    st.subheader("Verdict")
    with database().session() as session:
        scale = load_scale(session)
    _render_current(claim)
    _render_history(claim)
    _render_form(claim, scale)
    _render_publication(claim)


def _render_current(claim: ClaimRecord) -> None:
    """The published verdict (what the exports carry) and, when newer, the proposal waiting to replace it."""
    verdict, published = claim.verdict, claim.published_verdict
    if verdict is None:
        st.caption("No verdict yet: a reviewer proposes one, an editor publishes it.")
        return
    if published is not None:
        st.success(
            f"Published: {inert(published.rating)} (by {inert(published.published_by)}, "
            f"{published.published_at:%Y-%m-%d %H:%M})"
        )
    if verdict.state != "published":
        replaces = " It replaces the published verdict once published." if published else ""
        st.info(
            f"Proposed: {inert(verdict.rating)} (by {inert(verdict.reviewer)}); "
            f"waiting for an editor to publish it: not in the exports or trends yet.{replaces}"
        )


def _render_history(claim: ClaimRecord) -> None:
    titles = {e.source.id: e.source.title for e in claim.evidence}
    events = verdict_history(claim.verdicts)
    if not events:
        return
    with st.expander(f"Verdict history ({len(events)})", expanded=True):
        for event in reversed(events):
            verdict = event.verdict
            if event.action == "published":
                st.markdown(
                    f"**{inert(verdict.rating)}** published by {inert(event.by)}, {event.at:%Y-%m-%d %H:%M}"
                )
                continue
            st.markdown(
                f"**{inert(verdict.rating)}** by {inert(event.by)}, {event.at:%Y-%m-%d %H:%M} · proposed"
            )
            st.caption(inert("; ".join(event.changes)))
            st.text(verdict.rationale)  # text, never markup
            if verdict.source_ids:
                st.caption(
                    "Rests on: "
                    + inert(
                        "; ".join(f"#{i} {titles.get(i, '(no longer linked)')}" for i in verdict.source_ids)
                    )
                )


def _render_form(claim: ClaimRecord, scale: tuple[Rating, ...]) -> None:
    names = [r.name for r in scale]
    current = claim.verdict.rating if claim.verdict else None
    linked = {e.source.id: e.source.title for e in claim.evidence}
    with st.form(state.claim_key(claim.id, "verdict.form")):
        meanings = {r.name: r.meaning for r in scale}
        st.selectbox(
            "Rating",
            names,
            index=names.index(current) if current in names else None,
            format_func=lambda name: f"{name} — {meanings[name]}",
            placeholder="Choose a rating",
            key=state.claim_key(claim.id, "verdict.rating"),
        )
        # no help= here: its tooltip button would share the label "Rationale"
        st.text_area(
            "Rationale",
            key=state.claim_key(claim.id, "verdict.rationale"),
            placeholder="Plain text: why this rating, on which evidence",
        )
        st.multiselect(
            "Sources it rests on",
            list(linked),
            format_func=lambda i: f"#{i} {linked[i]}",
            key=state.claim_key(claim.id, "verdict.sources"),
            placeholder="Linked sources" if linked else "Link a source above first",
        )
        st.form_submit_button(
            "Propose verdict",
            type="primary",
            on_click=state.save_verdict,
            args=(claim.id, claim.version),
            key="verdict.submit",
        )


def _render_publication(claim: ClaimRecord) -> None:
    verdict = claim.verdict
    if verdict is None or verdict.state == "published":
        return
    user = state.signed_in_user()
    if user is None or user.can_publish:
        with database().session() as session:
            second_person = second_person_required(session)
        own = user is not None and user.username == verdict.reviewer
        st.button(
            f"Publish “{verdict.rating}”",
            key="verdict.publish",
            on_click=state.save_publication,
            args=(claim.id, claim.version),
            help="Publishing makes the verdict public: it goes into the exports.",
        )
        if second_person:  # said before the click; the rule itself is checked inside the write
            st.caption(
                "You proposed this verdict: the desk asks a second person to publish it."
                if own
                else "The desk asks a second person to publish: not the one who proposed it."
            )
    else:
        st.caption("An editor publishes proposed verdicts.")
