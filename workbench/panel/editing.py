"""Editing a claim in its panel: correct figures, entities, dates and attribution; split, merge, set aside,
assign; and the claim's history. Every save names the version the reviewer opened."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from workbench import state
from workbench.errors import WorkbenchError
from workbench.records import ClaimRecord
from workbench.resources import database
from workbench.storage import claim_edits
from workbench.storage.claim_edits import BOUND_KINDS

STAT_FIELDS = ("value", "bound", "low", "high", "unit", "counted")


def _key(claim_id: int, *parts: object) -> str:
    return ".".join(["edit", str(claim_id), *map(str, parts)])


def _apply(claim_id: int, action: Callable, done: str, *, opens: Callable | None = None) -> None:
    """Run ``action(session, expected_version, reviewer)`` in one transaction and report the outcome.

    ``opens(result)`` picks the claim to show next (after a split or a merge).
    """
    try:
        reviewer = state.reviewer_name()
        expected = state.opened_version(claim_id, 0)
        result = database().run(
            lambda session: action(session, expected, reviewer), actor=state.signed_in_user()
        )
    except WorkbenchError as error:
        state.flash("error", str(error))
        return
    if opens is None:
        st.session_state[state.REVIEW_OPENED][claim_id] = result
    else:
        st.session_state[state.REVIEW_CLAIM] = opens(result)
    state.flash("success", done)


def save_statistic(claim_id: int, statistic_id: int) -> None:
    changes = {f: st.session_state.get(_key(claim_id, "stat", statistic_id, f)) for f in STAT_FIELDS}
    _apply(
        claim_id,
        lambda session, expected, reviewer: claim_edits.correct_statistic(
            session,
            claim_id=claim_id,
            statistic_id=statistic_id,
            changes=changes,
            reviewer=reviewer,
            expected_version=expected,
        ),
        "Correction saved.",
    )


def save_facet(claim_id: int, facet: str, fields: tuple[str, ...]) -> None:
    index = st.session_state.get(_key(claim_id, facet, "index")) or 0
    changes = {f: st.session_state.get(_key(claim_id, facet, index, f)) for f in fields}
    _apply(
        claim_id,
        lambda session, expected, reviewer: claim_edits.correct_facet(
            session,
            claim_id=claim_id,
            facet=facet,
            index=index,
            changes=changes,
            reviewer=reviewer,
            expected_version=expected,
        ),
        "Correction saved.",
    )


def save_attribution(claim_id: int) -> None:
    speaker = st.session_state.get(_key(claim_id, "speaker"))
    _apply(
        claim_id,
        lambda session, expected, reviewer: claim_edits.correct_attribution(
            session, claim_id=claim_id, speaker=speaker, reviewer=reviewer, expected_version=expected
        ),
        "Attribution saved.",
    )


def save_split(claim_id: int) -> None:
    offset = int(st.session_state.get(_key(claim_id, "split")) or 0)
    _apply(
        claim_id,
        lambda session, expected, reviewer: claim_edits.split_claim(
            session, claim_id=claim_id, offset=offset, reviewer=reviewer, expected_version=expected
        ),
        "Claim split in two.",
        opens=lambda ids: ids[0],
    )


def save_merge(claim_id: int, versions: dict[int, int]) -> None:
    other = st.session_state.get(_key(claim_id, "merge"))
    _apply(
        claim_id,
        lambda session, expected, reviewer: claim_edits.merge_claims(
            session,
            claim_ids=(claim_id, other),
            reviewer=reviewer,
            expected_versions=(expected, state.opened_version(other, versions.get(other, 0))),
        ),
        "Claims merged.",
        opens=lambda merged: merged,
    )


def save_not_worthy(claim_id: int) -> None:
    reason = st.session_state.get(_key(claim_id, "reason"))
    _apply(
        claim_id,
        lambda session, expected, reviewer: claim_edits.mark_not_worthy(
            session, claim_id=claim_id, reason=reason, reviewer=reviewer, expected_version=expected
        ),
        "Marked not check-worthy.",
    )


def save_assignee(claim_id: int) -> None:
    name = st.session_state.get(_key(claim_id, "assignee"))
    _apply(
        claim_id,
        lambda session, expected, reviewer: claim_edits.assign_claim(
            session, claim_id=claim_id, assignee=name, reviewer=reviewer, expected_version=expected
        ),
        "Assignment saved.",
    )


def _text(value: object) -> str:
    """A stored value as the text a reviewer edits (whole numbers without ".0", never in e-notation)."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return "" if value is None else str(value)


def _render_statistics(claim: ClaimRecord) -> None:
    for stat in claim.statistics:
        with st.form(_key(claim.id, "stat", stat.id, "form"), border=True):
            st.markdown(f"**{stat.surface}** — {stat.reading}")
            left, middle, right = st.columns(3)
            left.text_input("Value", _text(stat.value), key=_key(claim.id, "stat", stat.id, "value"))
            middle.selectbox("Bound", BOUND_KINDS, index=BOUND_KINDS.index(stat.bound) if stat.bound in
                             BOUND_KINDS else 0, key=_key(claim.id, "stat", stat.id, "bound"))  # fmt: skip
            right.text_input("Unit", _text(stat.unit), key=_key(claim.id, "stat", stat.id, "unit"))
            left.text_input("Low", _text(stat.low), key=_key(claim.id, "stat", stat.id, "low"))
            middle.text_input("High", _text(stat.high), key=_key(claim.id, "stat", stat.id, "high"))
            right.text_input("Counted", _text(stat.counted), key=_key(claim.id, "stat", stat.id, "counted"))
            st.form_submit_button(
                "Save correction", on_click=save_statistic, args=(claim.id, stat.id),
                key=_key(claim.id, "stat", stat.id, "save"),
            )  # fmt: skip


def _render_facet(claim: ClaimRecord, facet: str, fields: tuple[str, ...], label: Callable) -> None:
    items = claim.facets.get(facet) or []
    if not items:
        return
    name = {"entities": "Entity", "dates": "Date"}[facet]
    index = st.selectbox(
        name, range(len(items)), format_func=lambda i: label(items[i]), key=_key(claim.id, facet, "index")
    )
    with st.form(_key(claim.id, facet, index, "form")):
        columns = st.columns(len(fields))
        for column, field in zip(columns, fields, strict=True):
            column.text_input(
                field.capitalize(), _text(items[index].get(field)), key=_key(claim.id, facet, index, field)
            )
        st.form_submit_button(
            "Save correction", on_click=save_facet, args=(claim.id, facet, fields),
            key=_key(claim.id, facet, index, "save"),
        )  # fmt: skip


def render_editing(claim: ClaimRecord, siblings: Sequence[ClaimRecord] = ()) -> None:
    """The editing forms, folded: corrections, then split/merge/set aside/assign."""
    with st.expander("Correct what was read", icon=":material/edit:"):
        _render_statistics(claim)
        _render_facet(
            claim, "entities", ("name", "kind"), lambda e: f"{e.get('surface')} → {e.get('name') or '?'}"
        )
        _render_facet(
            claim, "dates", ("start", "end"), lambda d: f"{d.get('surface')} → {d.get('start') or '?'}"
        )
        with st.form(_key(claim.id, "attribution", "form")):
            speaker = (claim.facets.get("attribution") or {}).get("speaker")
            st.text_input("Attributed to (empty: nobody)", _text(speaker), key=_key(claim.id, "speaker"))
            st.form_submit_button(
                "Save attribution",
                on_click=save_attribution,
                args=(claim.id,),
                key=_key(claim.id, "speaker.save"),
            )
    with st.expander("Split, merge, set aside, assign", icon=":material/call_split:"):
        _render_workflow(claim, siblings)


def _render_workflow(claim: ClaimRecord, siblings: Sequence[ClaimRecord]) -> None:
    middle = claim.text.find(" ", len(claim.text) // 2)
    cut = st.number_input(
        "Split after character", 1, max(1, len(claim.text) - 1), max(1, middle), key=_key(claim.id, "split")
    )
    st.caption(f"“{claim.text[:cut].strip()}” | “{claim.text[cut:].strip()}”")
    st.button("Split the claim here", on_click=save_split, args=(claim.id,), key=_key(claim.id, "split.save"))
    others = {c.id: c for c in siblings if c.id != claim.id}
    if others:
        st.selectbox(
            "Merge with",
            list(others),
            format_func=lambda i: f"#{i} {others[i].text[:70]}",
            key=_key(claim.id, "merge"),
        )
        versions = {c.id: c.version for c in siblings}
        st.button(
            "Merge the two claims",
            on_click=save_merge,
            args=(claim.id, versions),
            key=_key(claim.id, "merge.save"),
        )
    st.text_input("Not check-worthy because…", key=_key(claim.id, "reason"), max_chars=2_000)
    st.button(
        "Mark not check-worthy", on_click=save_not_worthy, args=(claim.id,), key=_key(claim.id, "reason.save")
    )
    if claim.not_worthy_reason:
        st.caption("Set aside because:")
        st.text(claim.not_worthy_reason)
    st.text_input("Assigned to", claim.assignee or "", key=_key(claim.id, "assignee"))
    st.button("Assign", on_click=save_assignee, args=(claim.id,), key=_key(claim.id, "assignee.save"))


def _json(value: object) -> str:
    return "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def render_history(claim: ClaimRecord) -> None:
    """Every change to the claim, newest first: who, when, what, before and after (as plain text)."""
    with database().session() as session:
        changes = claim_edits.claim_history(session, claim.id)
    st.subheader("History")
    if not changes:
        st.caption("No change yet.")
        return
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "when": f"{c.created_at:%Y-%m-%d %H:%M}",
                    "who": c.reviewer,
                    "what": c.field,
                    "before": _json(c.before),
                    "after": _json(c.after),
                }
                for c in changes
            ]
        ),
        hide_index=True,
        key=_key(claim.id, "history"),
    )
