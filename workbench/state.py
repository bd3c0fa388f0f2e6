"""Session-state keys (page-prefixed) and the callbacks that change stored data."""

from __future__ import annotations

import streamlit as st

from workbench.errors import WorkbenchError
from workbench.resources import database
from workbench.storage.evidence import link_evidence
from workbench.storage.verdicts import record_verdict, set_status
from workbench.validation import clean_text

REVIEWER = "reviewer"
INGEST_TEXT = "ingest.text"
INGEST_UPLOAD = "ingest.upload"
INGEST_TITLE = "ingest.title"
INGEST_OUTLET = "ingest.outlet"
INGEST_URL = "ingest.url"
INGEST_PUBLISHED = "ingest.published"
INGEST_LANG = "ingest.lang"
INGEST_SUBMIT = "ingest.submit"
REVIEW_ARTICLE = "review.article"
REVIEW_CLAIM = "review.claim"
REVIEW_OPENED = "review.opened"  # {claim_id: version the reviewer is looking at}
REVIEW_STATUS = "review.status"
VERDICT_RATING = "verdict.rating"
VERDICT_RATIONALE = "verdict.rationale"
LINK_SOURCE = "link.source"
LINK_STANCE = "link.stance"
LINK_QUOTE = "link.quote"
LINK_FIGURE = "link.figure"
FLASH = "flash"  # (level, message) shown once after a callback


def flash(level: str, message: str) -> None:
    st.session_state[FLASH] = (level, message)


def show_flash() -> None:
    """Show, then forget, the message a callback left."""
    level, message = st.session_state.pop(FLASH, (None, None))
    if message:
        getattr(st, level)(message)


def reviewer_name() -> str:
    """The name typed in the sidebar; saving anything needs one."""
    name = clean_text("reviewer", st.session_state.get(REVIEWER))
    if not name:
        raise WorkbenchError("Type your name in the sidebar (Reviewer) before saving.")
    return name


def opened_version(claim_id: int, current: int) -> int:
    """The version of the claim this browser session opened (set on first view)."""
    opened = st.session_state.setdefault(REVIEW_OPENED, {})
    return opened.setdefault(claim_id, current)


def forget_opened(claim_id: int) -> None:
    """Reload a claim: the next render takes the stored version as the one opened."""
    st.session_state.setdefault(REVIEW_OPENED, {}).pop(claim_id, None)


def _save(claim_id: int, action) -> None:
    """Run ``action(session, expected_version)`` in one transaction; report the outcome."""
    try:
        expected = st.session_state[REVIEW_OPENED][claim_id]
        with database().session() as session:
            st.session_state[REVIEW_OPENED][claim_id] = action(session, expected)
    except WorkbenchError as error:
        flash("error", str(error))
    else:
        flash("success", "Saved.")


def save_verdict(claim_id: int) -> None:
    def action(session, expected):
        return record_verdict(
            session,
            claim_id=claim_id,
            rating=st.session_state[VERDICT_RATING],
            rationale=clean_text("rationale", st.session_state.get(VERDICT_RATIONALE), required=True),
            reviewer=reviewer_name(),
            expected_version=expected,
        )

    _save(claim_id, action)


def save_status(claim_id: int) -> None:
    def action(session, expected):
        reviewer_name()
        return set_status(
            session, claim_id=claim_id, status=st.session_state[REVIEW_STATUS], expected_version=expected
        )

    _save(claim_id, action)


def save_link(claim_id: int) -> None:
    try:
        source_id = st.session_state.get(LINK_SOURCE)
        if source_id is None:
            raise WorkbenchError("Choose a source to link.")
        with database().session() as session:
            link_evidence(
                session,
                claim_id=claim_id,
                source_id=source_id,
                stance=st.session_state[LINK_STANCE],
                quote=clean_text("quote", st.session_state.get(LINK_QUOTE)),
                figure_id=st.session_state.get(LINK_FIGURE),
                reviewer=reviewer_name(),
            )
    except WorkbenchError as error:
        flash("error", str(error))
    else:
        flash("success", "Source linked.")
