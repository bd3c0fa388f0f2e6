"""The claim as parsed: kind, figures, attribution, entities, dates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workbench.records import ClaimRecord
from workbench.textsafe import inert


def claim_label(claim: ClaimRecord) -> str:
    """How a claim is named in pickers: id, its figures first (what reviewers look for), then its words."""
    figures = ", ".join(s.surface for s in claim.statistics[:3])
    words = claim.standalone
    return f"#{claim.id} [{figures}] {words[:80]}" if figures else f"#{claim.id} {words[:90]}"


def correction_note(item: dict | object) -> str:
    """ "corrected by X; the engine read Y" for a corrected figure, entity, date or attribution ("" if none).

    >>> correction_note({"corrected_by": "ana", "original": {"name": "Kiev", "kind": None}})
    'corrected by ana; the engine read Kiev'
    """
    get = item.get if isinstance(item, dict) else lambda name: getattr(item, name, None)
    by, original = get("corrected_by"), get("original")
    if not by:
        return ""
    if isinstance(original, dict):
        read = original.get("reading") or ", ".join(str(v) for v in original.values() if v not in (None, ""))
    else:
        read = original
    return f"corrected by {by}; the engine read {read or 'nothing'}"


def render_facets(claim: ClaimRecord) -> None:
    facts = [f"**Kind:** {inert(claim.kind)}", f"**Modality:** {inert(claim.modality)}"]
    st.markdown(" · ".join([*facts, f"**Check-worthiness:** {claim.worthiness:.2f}"]))
    if claim.reasons:
        st.caption("Why: " + inert("; ".join(claim.reasons)))
    if claim.assignee:
        st.caption(f"Assigned to {inert(claim.assignee)}")
    if claim.statistics:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "figure": s.surface,
                        "reading": s.reading,
                        "kind": s.kind,
                        "bound": s.bound,
                        "correction": correction_note(s),
                    }
                    for s in claim.statistics
                ]
            ),
            hide_index=True,
            column_config={"correction": st.column_config.TextColumn(width="large")},
        )
    facets = claim.facets
    rows = (
        [
            {
                "what": "attributed to",
                "as read": facets["attribution"].get("speaker") or "(nobody)",
                "correction": correction_note(facets["attribution"]),
            }
        ]
        if facets.get("attribution")
        else []
    )
    rows += [
        {
            "what": "entity",
            "as read": f"{e.get('surface')} → {e.get('name') or '?'}",
            "correction": correction_note(e),
        }
        for e in facets.get("entities") or []
    ]
    rows += [
        {
            "what": "date",
            "as read": f"{d.get('surface')} → {d.get('start') or '?'}",
            "correction": correction_note(d),
        }
        for d in facets.get("dates") or []
    ]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True)
    for s in claim.statistics:
        if s.corrected_by:
            st.info(
                inert(f"Figure “{s.surface}” {correction_note(s)}; now: {s.reading}"),
                icon=":material/edit_note:",
            )
