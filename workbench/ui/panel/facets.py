"""The claim as parsed: kind, figures, attribution, entities, dates."""

from __future__ import annotations

import streamlit as st

from workbench.domain.records import ClaimRecord
from workbench.domain.textsafe import inert


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


def _noted(line: str, item: dict | object) -> str:
    note = correction_note(item)
    return f"{line} — *{inert(note)}*" if note else line


def facet_lines(claim: ClaimRecord) -> list[str]:
    """The claim as parsed, one Markdown line per figure, speaker, entity and date (text made inert).

    >>> from workbench.domain.records import ClaimRecord
    >>> facets = {"attribution": {"speaker": "Insee"}, "dates": [{"surface": "en 2023", "start": "2023"}]}
    >>> facet_lines(ClaimRecord(1, 1, 0, 0, 9, "x", "other", "reported", 0.1, (), facets, "new", 1))
    ['**Attributed to** Insee', '**Date** en 2023 → 2023']
    """
    lines = [
        _noted(f"**Figure** {inert(s.surface)} → {inert(s.reading)} · {inert(s.kind)} · {inert(s.bound)}", s)
        for s in claim.statistics
    ]
    facets = claim.facets or {}
    if attribution := facets.get("attribution"):
        lines.append(
            _noted(f"**Attributed to** {inert(attribution.get('speaker') or '(nobody)')}", attribution)
        )
    lines += [
        _noted(f"**Entity** {inert(e.get('surface'))} → {inert(e.get('name') or '?')}", e)
        for e in facets.get("entities") or []
    ]
    lines += [
        _noted(f"**Date** {inert(d.get('surface'))} → {inert(d.get('start') or '?')}", d)
        for d in facets.get("dates") or []
    ]
    return lines


def render_facets(claim: ClaimRecord) -> None:
    facts = [f"**Kind:** {inert(claim.kind)}", f"**Modality:** {inert(claim.modality)}"]
    st.markdown(" · ".join([*facts, f"**Check-worthiness:** {claim.worthiness:.2f}"]))
    if claim.reasons:
        st.caption("Why: " + inert("; ".join(claim.reasons)))
    if claim.assignee:
        st.caption(f"Assigned to {inert(claim.assignee)}")
    # wrapped lines, not tables: a table wider than the panel cut its columns to "co…"
    if lines := facet_lines(claim):
        st.markdown("\n".join(f"- {line}" for line in lines))
