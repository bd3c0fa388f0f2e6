"""Editing a claim in its panel: correct figures, entities, dates and attribution; split, merge, set aside,
assign; and the claim's history. Every save names the version the reviewer opened."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from sources.models import MODALITIES
from sources.observations import period_label
from workbench.domain.records import ClaimRecord
from workbench.domain.textsafe import inert
from workbench.storage import claim_edits
from workbench.storage.claim_edits import BOUND_KINDS
from workbench.storage.observation_edits import DIRECTIONS, OBSERVATION_FIELDS
from workbench.ui import state
from workbench.ui.resources import database
from workbench.ui.url_state import SELECTED_CLAIM

STAT_FIELDS = ("value", "bound", "low", "high", "unit", "counted", *OBSERVATION_FIELDS)
DIRECTION_CHOICES = ("", *DIRECTIONS)  # empty: a level, not a change
MODALITY_CHOICES = ("", *MODALITIES)


def _key(claim_id: int, *parts: object) -> str:
    return ".".join(["edit", str(claim_id), *map(str, parts)])


def _apply(
    claim_id: int, version: int, action: Callable, done: str, *, opens: Callable | None = None
) -> None:
    """Run ``action(session, expected_version, reviewer)`` for the claim and version drawn on screen.

    ``opens(result)`` picks the claim to show next (after a split or a merge).
    """

    def bound(session, expected):
        return action(session, expected, state.reviewer_name())

    def show(result) -> None:
        st.session_state[SELECTED_CLAIM] = opens(result)

    state.bound_save(claim_id, version, bound, done=done, after=show if opens else None)


def save_statistic(claim_id: int, version: int, statistic_id: int) -> None:
    changes = {f: st.session_state.get(_key(claim_id, "stat", statistic_id, f)) for f in STAT_FIELDS}
    _apply(
        claim_id,
        version,
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


def save_facet(claim_id: int, version: int, facet: str, fields: tuple[str, ...]) -> None:
    index = st.session_state.get(_key(claim_id, facet, "index")) or 0
    changes = {f: st.session_state.get(_key(claim_id, facet, index, f)) for f in fields}
    _apply(
        claim_id,
        version,
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


SPEAKER_KINDS = {
    "": "person or organisation: from the name",
    "person": "a person",
    "organisation": "an organisation",
}


def save_attribution(claim_id: int, version: int) -> None:
    speaker = st.session_state.get(_key(claim_id, "speaker"))
    kind = st.session_state.get(_key(claim_id, "speaker_kind")) or None
    _apply(
        claim_id,
        version,
        lambda session, expected, reviewer: claim_edits.correct_attribution(
            session,
            claim_id=claim_id,
            speaker=speaker,
            reviewer=reviewer,
            expected_version=expected,
            kind=kind,
        ),
        "Attribution saved.",
    )


def save_split(claim_id: int, version: int) -> None:
    offset = int(st.session_state.get(_key(claim_id, "split")) or 0)
    _apply(
        claim_id,
        version,
        lambda session, expected, reviewer: claim_edits.split_claim(
            session, claim_id=claim_id, offset=offset, reviewer=reviewer, expected_version=expected
        ),
        "Claim split in two.",
        opens=lambda ids: ids[0],
    )


def save_merge(claim_id: int, version: int, versions: dict[int, int]) -> None:
    other = st.session_state.get(_key(claim_id, "merge"))
    _apply(
        claim_id,
        version,
        lambda session, expected, reviewer: claim_edits.merge_claims(
            session,
            claim_ids=(claim_id, other),
            reviewer=reviewer,
            expected_versions=(expected, versions.get(other, 0)),
        ),
        "Claims merged.",
        opens=lambda merged: merged,
    )


def save_not_worthy(claim_id: int, version: int) -> None:
    reason = st.session_state.get(_key(claim_id, "reason"))
    _apply(
        claim_id,
        version,
        lambda session, expected, reviewer: claim_edits.mark_not_worthy(
            session, claim_id=claim_id, reason=reason, reviewer=reviewer, expected_version=expected
        ),
        "Marked not check-worthy.",
    )


def save_assignee(claim_id: int, version: int) -> None:
    name = st.session_state.get(_key(claim_id, "assignee"))
    _apply(
        claim_id,
        version,
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
            st.markdown(f"**{inert(stat.surface)}** — {inert(stat.reading)}")
            left, middle, right = st.columns(3)
            left.text_input("Value", _text(stat.value), key=_key(claim.id, "stat", stat.id, "value"))
            middle.selectbox("Bound", BOUND_KINDS, index=BOUND_KINDS.index(stat.bound) if stat.bound in
                             BOUND_KINDS else 0, key=_key(claim.id, "stat", stat.id, "bound"))  # fmt: skip
            right.text_input("Unit", _text(stat.unit), key=_key(claim.id, "stat", stat.id, "unit"))
            left.text_input("Low", _text(stat.low), key=_key(claim.id, "stat", stat.id, "low"))
            middle.text_input("High", _text(stat.high), key=_key(claim.id, "stat", stat.id, "high"))
            right.text_input("Counted", _text(stat.counted), key=_key(claim.id, "stat", stat.id, "counted"))
            _render_observation(claim.id, stat)
            st.form_submit_button(
                "Save correction", on_click=save_statistic, args=(claim.id, claim.version, stat.id),
                key=_key(claim.id, "stat", stat.id, "save"),
            )  # fmt: skip


def _choice(choices: tuple[str, ...], value: str | None) -> int:
    return choices.index(value) if value in choices else 0


def _render_observation(claim_id: int, stat) -> None:
    """Direction, modality, period and base of a figure, inside its correction form."""
    key = lambda field: _key(claim_id, "stat", stat.id, field)  # noqa: E731 - one short key maker
    left, middle, right = st.columns(3)
    left.selectbox("Direction", DIRECTION_CHOICES, index=_choice(DIRECTION_CHOICES, stat.direction),
                   format_func=lambda d: d or "— (a level)", key=key("direction"))  # fmt: skip
    middle.selectbox("Modality", MODALITY_CHOICES, index=_choice(MODALITY_CHOICES, stat.modality),
                     format_func=lambda m: m or "—", key=key("modality"))  # fmt: skip
    right.text_input("Period", _text(period_label(stat.period)), key=key("period"),
                     help="2024, 2024-03, 2024-Q3, 2021–2024 or 2024-05-01/2025-04-30")  # fmt: skip
    base = stat.base
    left.text_input("Base value", _text(base.value if base else None), key=key("base_value"))
    middle.text_input("Base unit", _text(base.unit if base else None), key=key("base_unit"))
    since = period_label(base.period) if base and base.period else None
    right.text_input(
        "Base period", _text(since), key=key("base_period"), help="Compared with: 2019, 2024-02…"
    )
    if stat.period is not None and stat.period.open:
        st.caption(f"Period “{stat.period.surface}” is open: no publication date resolved it.")
    if base is not None and base.conflict:
        st.warning(f"Conflicting bases in the text: {base.surface}. Check which one applies.")


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
            "Save correction", on_click=save_facet, args=(claim.id, claim.version, facet, fields),
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
            attribution = claim.facets.get("attribution") or {}
            st.text_input(
                "Attributed to (empty: nobody)",
                _text(attribution.get("speaker")),
                key=_key(claim.id, "speaker"),
            )
            kinds = list(SPEAKER_KINDS)
            st.selectbox(
                "The speaker is",
                kinds,
                index=kinds.index(attribution.get("kind") if attribution.get("kind") in kinds else ""),
                format_func=SPEAKER_KINDS.get,
                key=_key(claim.id, "speaker_kind"),
                help="ClaimReview types the claim's author as a Person or an Organization.",
            )
            st.form_submit_button(
                "Save attribution",
                on_click=save_attribution,
                args=(claim.id, claim.version),
                key=_key(claim.id, "speaker.save"),
            )
    with st.expander("Split, merge, set aside, assign", icon=":material/call_split:"):
        _render_workflow(claim, siblings)


def _render_workflow(claim: ClaimRecord, siblings: Sequence[ClaimRecord]) -> None:
    middle = claim.text.find(" ", len(claim.text) // 2)
    cut = st.number_input(
        "Split after character", 1, max(1, len(claim.text) - 1), max(1, middle), key=_key(claim.id, "split")
    )
    st.caption(f"“{inert(claim.text[:cut].strip())}” | “{inert(claim.text[cut:].strip())}”")
    st.button(
        "Split the claim here",
        on_click=save_split,
        args=(claim.id, claim.version),
        key=_key(claim.id, "split.save"),
    )
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
            args=(claim.id, claim.version, versions),
            key=_key(claim.id, "merge.save"),
        )
    with st.form(_key(claim.id, "reason.form")):
        st.text_input("Not check-worthy because…", key=_key(claim.id, "reason"), max_chars=2_000)
        st.form_submit_button(
            "Mark not check-worthy",
            on_click=save_not_worthy,
            args=(claim.id, claim.version),
            key=_key(claim.id, "reason.save"),
        )
    if claim.not_worthy_reason:
        st.caption("Set aside because:")
        st.text(claim.not_worthy_reason)
    with st.form(_key(claim.id, "assignee.form")):
        st.text_input("Assigned to", claim.assignee or "", key=_key(claim.id, "assignee"))
        st.form_submit_button(
            "Assign",
            on_click=save_assignee,
            args=(claim.id, claim.version),
            key=_key(claim.id, "assignee.save"),
        )


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
