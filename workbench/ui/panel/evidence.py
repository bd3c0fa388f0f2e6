"""Evidence on a claim: linked sources (unlink, history), the comparison, suggestions, the link form."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.desk.linking import ComparisonRow, claim_comparisons
from workbench.desk.suggestions import LibraryIndex, Suggestion, suggest_sources
from workbench.domain.records import ClaimRecord, SourceRecord
from workbench.domain.textsafe import inert
from workbench.domain.vocabulary import STANCES
from workbench.storage.evidence import evidence_history
from workbench.ui import state
from workbench.ui.panel.metric import render_compare_chart
from workbench.ui.panel.repeats import render_repeats
from workbench.ui.panel.series_evidence import render_series_evidence
from workbench.ui.resources import database

SUGGESTIONS_SHOWN = 5


@st.cache_resource(show_spinner="Indexing the source library…")
def _library_index(url: str) -> LibraryIndex:
    """One index per database, shared by every session, loaded from the saved one when there is one
    (not rebuilt in each app process); ``refresh`` adds what was stored since."""
    return LibraryIndex.for_database(url)


def _suggestions(claim: ClaimRecord) -> list[Suggestion]:
    db = database()
    library = _library_index(db.engine.url.render_as_string())
    with db.session() as session:
        library.refresh(session)
    linked = {evidence.source.id for evidence in claim.evidence}
    return suggest_sources(library, claim, k=SUGGESTIONS_SHOWN, exclude=linked)


def _render_linked(claim: ClaimRecord) -> None:
    for evidence in claim.evidence:
        figure = (
            f" — figure {inert(evidence.figure.surface or f'{evidence.figure.value:g}')}"
            if evidence.figure
            else ""
        )
        st.markdown(
            f"- **{inert(evidence.stance)}**: #{evidence.source.id} {inert(evidence.source.title)}{figure} "
            f"_(by {inert(evidence.reviewer)}, {evidence.created_at:%Y-%m-%d %H:%M})_"
        )
        if evidence.quote:
            st.caption(f"“{inert(evidence.quote)}”")
        if evidence.reasons:  # linked from a suggestion: why it was suggested, as the reviewer saw it
            st.caption("Linked from a suggestion: " + inert("; ".join(evidence.reasons)))
        st.button(
            f"Unlink #{evidence.source.id}",
            key=state.claim_key(claim.id, f"unlink.{evidence.source.id}"),
            on_click=state.save_unlink,
            args=(claim.id, claim.version, evidence.source.id),
            help="Recorded in the link history; nothing is erased.",
        )
    if not claim.evidence:
        st.caption("No source linked yet.")


def _render_comparisons(comparisons: list[ComparisonRow]) -> None:
    st.markdown("**Comparison with the linked figures** — a suggestion for the reviewer, never a verdict")
    for comparison in comparisons:
        st.markdown(f"- {inert(comparison.sentence)}")
    # one column per comparison, one row per check: narrow enough for the panel
    table = pd.DataFrame(
        {f"{c.claim_figure} vs #{c.source_id} {c.figure}": dict(_merge_notes(c.rows)) for c in comparisons}
    )
    st.dataframe(table, key="evidence.comparison")


def _merge_notes(rows: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    notes = "; ".join(value for label, value in rows if label == "note")
    return [(label, value) for label, value in rows if label != "note"] + (
        [("notes", notes)] if notes else []
    )


def _render_suggestions(claim: ClaimRecord, suggestions: list[Suggestion]) -> None:
    st.markdown("**Suggested sources**" + (" (not yet linked)" if claim.evidence else ""))
    if not suggestions:
        st.caption("No other source in the library matches this claim. Add sources on the Sources page.")
    for suggestion in suggestions:
        figure = (
            f" · matching figure: {inert(suggestion.figure_labels[0])}" if suggestion.figure_labels else ""
        )
        st.markdown(f"{suggestion.rank}. #{suggestion.source_id} **{inert(suggestion.title)}**{figure}")
        st.caption("Why: " + inert("; ".join(suggestion.reasons) or "similar wording"))
        st.button(
            f"Link #{suggestion.source_id}…",
            key=f"suggest.link.{suggestion.source_id}",
            on_click=state.prefill_link,
            args=(
                claim.id,
                suggestion.source_id,
                suggestion.figure_ids[0] if suggestion.figure_ids else None,
                suggestion.reasons,  # bound as drawn: the link records why it was suggested
            ),
            help="Choose this source (and its matching figure) in the link form below; the link records "
            "why it was suggested.",
        )


def _render_link_form(claim: ClaimRecord, sources: list[SourceRecord]) -> None:
    by_id = {s.id: s for s in sources}
    if not by_id:
        return
    source_key, figure_key = (
        state.claim_key(claim.id, "link.source"),
        state.claim_key(claim.id, "link.figure"),
    )
    if st.session_state.get(source_key) not in by_id:
        st.session_state.pop(source_key, None)
    source_id = st.selectbox(
        "Source", list(by_id), format_func=lambda i: f"#{i} {by_id[i].title}", key=source_key
    )
    figures = {f.id: f for f in by_id[source_id].figures} if source_id is not None else {}
    if st.session_state.get(figure_key) not in figures:
        st.session_state[figure_key] = None
    # a form: what is typed is sent as typed even if the app reruns meanwhile, and kept if the save is refused
    with st.form(state.claim_key(claim.id, "link.form")):
        st.radio("Stance", list(STANCES), horizontal=True, key=state.claim_key(claim.id, "link.stance"))
        # no help= here: its tooltip button would share the label "Quote from the source"; a series has
        # no text to quote: what the reviewer writes is why this series measures what the claim says
        is_series = source_id is not None and by_id[source_id].kind == "series"
        st.text_input(
            # the label starts alike for every source: what a reviewer (or a test) looks for stays found
            "Quote from the source — for a series, why this series" if is_series else "Quote from the source",
            key=state.claim_key(claim.id, "link.quote"),
            placeholder="checked against the source's text",
        )
        st.selectbox(
            "Figure it reports (optional)",
            [None, *figures],
            format_func=lambda i: "—" if i is None else _figure_label(figures[i]),
            key=figure_key,
        )
        st.form_submit_button(
            "Link source", on_click=state.save_link, args=(claim.id, claim.version), key="link.submit"
        )


def _figure_label(figure) -> str:
    text = figure.surface or f"{figure.value:g}{' ' + figure.unit if figure.unit else ''}"
    details = ", ".join(x for x in (figure.measured, figure.period) if x)
    return f"{text} ({details})" if details else text


def render_evidence(claim: ClaimRecord, sources: list[SourceRecord]) -> None:
    st.subheader("Evidence")
    _render_linked(claim)
    with database().session() as session:
        comparisons = claim_comparisons(session, claim)
        history = evidence_history(session, claim.id)
    if comparisons:
        _render_comparisons(comparisons)
    render_series_evidence(claim)
    if len(history):
        with st.expander(f"Link history ({len(history)})"):
            st.dataframe(history, hide_index=True)
    _render_suggestions(claim, _suggestions(claim))
    _render_link_form(claim, sources)
    render_repeats(claim)
    render_compare_chart(claim)
