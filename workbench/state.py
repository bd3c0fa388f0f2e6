"""Session-state keys (page-prefixed) and the callbacks that change stored data."""

from __future__ import annotations

import streamlit as st

from workbench.auth import SINGLE_USER_ROLE, User
from workbench.errors import WorkbenchError
from workbench.resources import database
from workbench.storage.verdicts import publish_verdict, record_verdict, set_status
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
VERDICT_SOURCES = "verdict.sources"
AUTH_USER = "auth.user"  # the signed-in workbench.auth.User (sign-in mode only)
SETTINGS_SCALE = "settings.scale"
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


def signed_in_user() -> User | None:
    """The user signed in to this browser session (None in single-user mode or when signed out)."""
    return st.session_state.get(AUTH_USER)


def reviewer_name() -> str:
    """The signed-in username, or in single-user mode the name typed in the sidebar; saving needs one."""
    if (user := signed_in_user()) is not None:
        return user.username
    name = clean_text("reviewer", st.session_state.get(REVIEWER))
    if not name:
        raise WorkbenchError("Type your name in the sidebar (Reviewer) before saving.")
    return name


def current_user() -> User:
    """Who acts: the signed-in user, or in single-user mode the sidebar name with every right."""
    return signed_in_user() or User(reviewer_name(), reviewer_name(), SINGLE_USER_ROLE)


def write_session():
    """A transaction that writes for whoever acts: a signed-in account is re-checked (still active,
    current role) inside it, so a page drawn before an admin's change cannot write past it."""
    return database().session(actor=signed_in_user())


def opened_version(claim_id: int, current: int) -> int:
    """The version of the claim this browser session opened (set on first view)."""
    opened = st.session_state.setdefault(REVIEW_OPENED, {})
    return opened.setdefault(claim_id, current)


def forget_opened(claim_id: int) -> None:
    """Reload a claim: the next render takes the stored version as the one opened."""
    st.session_state.setdefault(REVIEW_OPENED, {}).pop(claim_id, None)


def _save(claim_id: int, action, *, done: str = "Saved.") -> None:
    """Run ``action(session, expected_version)`` in one transaction (again if it met a lock); report the
    outcome."""
    try:
        expected = st.session_state[REVIEW_OPENED][claim_id]
        saved = database().run(lambda session: action(session, expected), actor=signed_in_user())
        st.session_state[REVIEW_OPENED][claim_id] = saved
    except WorkbenchError as error:
        flash("error", str(error))
    else:
        flash("success", done)


def save_verdict(claim_id: int) -> None:
    def action(session, expected):
        return record_verdict(
            session,
            claim_id=claim_id,
            rating=st.session_state[VERDICT_RATING],
            rationale=clean_text("rationale", st.session_state.get(VERDICT_RATIONALE), required=True),
            reviewer=reviewer_name(),
            expected_version=expected,
            source_ids=st.session_state.get(VERDICT_SOURCES) or (),
        )

    _save(claim_id, action)


def save_publication(claim_id: int) -> None:
    def action(session, expected):
        return publish_verdict(
            session, claim_id=claim_id, publisher=current_user(), expected_version=expected
        )

    _save(claim_id, action, done="Published.")


def save_status(claim_id: int) -> None:
    def action(session, expected):
        reviewer_name()
        return set_status(
            session, claim_id=claim_id, status=st.session_state[REVIEW_STATUS], expected_version=expected
        )

    _save(claim_id, action)


def save_link(claim_id: int) -> None:
    from workbench.linking import link_source

    try:
        source_id = st.session_state.get(LINK_SOURCE)
        if source_id is None:
            raise WorkbenchError("Choose a source to link.")
        with write_session() as session:
            outcome = link_source(
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
        flash(outcome.level, outcome.message)


def prefill_link(source_id: int, figure_id: int | None) -> None:
    """A suggestion's "Link" button: choose the source (and its matching figure) in the link form."""
    st.session_state[LINK_SOURCE] = source_id
    st.session_state[LINK_FIGURE] = figure_id


def save_unlink(claim_id: int, source_id: int) -> None:
    from workbench.storage.evidence import unlink_evidence

    try:
        with write_session() as session:
            unlink_evidence(session, claim_id=claim_id, source_id=source_id, reviewer=reviewer_name())
    except WorkbenchError as error:
        flash("error", str(error))
    else:
        flash("success", f"Source #{source_id} unlinked (the link stays in the history).")


def apply_earlier_verdict(claim_id: int, earlier_claim_id: int) -> None:
    from workbench.repeated import apply_earlier_verdict as apply

    def action(session, expected):
        return apply(
            session,
            claim_id=claim_id,
            earlier_claim_id=earlier_claim_id,
            reviewer=reviewer_name(),
            expected_version=expected,
        )

    _save(claim_id, action)
