"""The claim as parsed: kind, figures, attribution, entities, dates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.records import ClaimRecord


def claim_label(claim: ClaimRecord) -> str:
    """How a claim is named in pickers: id, its figures first (what reviewers look for), then its words."""
    figures = ", ".join(s.surface for s in claim.statistics[:3])
    return f"#{claim.id} [{figures}] {claim.text[:80]}" if figures else f"#{claim.id} {claim.text[:90]}"


def render_facets(claim: ClaimRecord) -> None:
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
