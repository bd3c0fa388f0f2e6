"""Session-state keys (page-prefixed) and the callbacks that change stored data.

Every write a panel widget triggers is bound to what the reviewer saw: the callback receives the claim
id and version the form was drawn for (its ``args``), never reads them from session state at click
time. The write is refused, with the reason, when the panel selection has moved to another claim since
the form was drawn, or when the stored claim is no longer at that version (someone saved, split or
merged it). A refused save leaves the form's values as typed.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from sqlalchemy.orm import Session

from workbench.domain.auth import SINGLE_USER_ROLE, User
from workbench.domain.errors import WorkbenchError
from workbench.domain.textsafe import inert
from workbench.domain.validation import clean_text
from workbench.storage.verdicts import publish_verdict, record_verdict, set_status
from workbench.ui.resources import database
from workbench.ui.url_state import SELECTED_CLAIM

REVIEWER = "reviewer"
INGEST_TEXT = "ingest.text"
INGEST_UPLOAD = "ingest.upload"
INGEST_TITLE = "ingest.title"
INGEST_OUTLET = "ingest.outlet"
INGEST_URL = "ingest.url"
INGEST_PUBLISHED = "ingest.published"
INGEST_LANG = "ingest.lang"
INGEST_SUBMIT = "ingest.submit"
INGEST_FETCH_URL = "ingest.fetch_url"
INGEST_FETCH_SUBMIT = "ingest.fetch_submit"
INGEST_FETCHED = "ingest.fetched"  # (level, message) of the latest fetch, shown under its form
REVIEW_SEEN = "review.seen"  # {claim_id: version last drawn in this browser session}
AUTH_USER = "auth.user"  # the signed-in workbench.domain.auth.User (sign-in mode only)
SETTINGS_SCALE = "settings.scale"
FLASH = "flash"  # (level, message) shown once after a callback


def claim_key(claim_id: int, name: str) -> str:
    """The key of a panel widget: one per claim, so a value typed for one claim never shows on another.

    >>> claim_key(14, "verdict.rating")
    'claim.14.verdict.rating'
    """
    return f"claim.{claim_id}.{name}"


def form_keys(form: str) -> Callable[[str], str]:
    """Keys for the widgets of ``form`` in its current generation (see ``renew_form``).

    >>> form_keys("example")("title")
    'example.0.title'
    """
    generation = st.session_state.get(f"{form}.generation", 0)
    return lambda name: f"{form}.{generation}.{name}"


def renew_form(form: str) -> None:
    """After a save: the next run draws ``form`` with new keys, so empty (a refused save keeps its values)."""
    st.session_state[f"{form}.generation"] = st.session_state.get(f"{form}.generation", 0) + 1


def flash(level: str, message: str) -> None:
    st.session_state[FLASH] = (level, message)


def show_flash() -> None:
    """Show, then forget, the message a callback left."""
    level, message = st.session_state.pop(FLASH, (None, None))
    if message:
        getattr(st, level)(inert(message))


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


def known_reviewer() -> str | None:
    """Who is at work, when known: a job records who submitted it, but needs no name to run."""
    try:
        return reviewer_name()
    except WorkbenchError:
        return None


def current_user() -> User:
    """Who acts: the signed-in user, or in single-user mode the sidebar name with every right."""
    return signed_in_user() or User(reviewer_name(), reviewer_name(), SINGLE_USER_ROLE)


def seen_change(claim_id: int, version: int) -> int | None:
    """The version of this claim last drawn in this session, when it differs from ``version`` (else None).

    Records ``version`` as seen: the panel says once that the claim changed under the reviewer's eyes.
    """
    seen = st.session_state.setdefault(REVIEW_SEEN, {})
    before = seen.get(claim_id)
    seen[claim_id] = version
    return before if before is not None and before != version else None


def write_session():
    """A transaction that writes for whoever acts: a signed-in account is re-checked (still active,
    current role) inside it, so a page drawn before an admin's change cannot write past it."""
    return database().session(actor=signed_in_user())


def check_on_screen(claim_id: int) -> None:
    """Refuse a save from a form drawn for a claim the panel no longer shows."""
    shown = st.session_state.get(SELECTED_CLAIM)
    if shown is not None and shown != claim_id:
        raise WorkbenchError(
            f"That form belonged to claim #{claim_id}, but the panel had moved to claim #{shown}: "
            "nothing was saved. Open the claim again and save there."
        )


def bound_save(
    claim_id: int,
    version: int,
    action: Callable[[Session, int], int | None],
    *,
    done: str = "Saved.",
    after: Callable[[int | None], None] | None = None,
) -> bool:
    """Run ``action(session, version)`` in one transaction for the claim drawn on screen; report it.

    ``action`` returns the claim's new version (None when it replaces the claim); ``after`` gets that
    result once stored (to clear a form, or to open the claim that replaced it). False when refused.
    """
    try:
        check_on_screen(claim_id)
        # one transaction, run again if it met a lock; a signed-in account is re-checked inside it
        result = database().run(lambda session: action(session, version), actor=signed_in_user())
    except WorkbenchError as error:
        flash("error", str(error))
        return False
    if isinstance(result, int):
        st.session_state.setdefault(REVIEW_SEEN, {})[claim_id] = result  # our own change: no notice
    if after is not None:
        after(result)
    flash("success", done)
    return True


def save_verdict(claim_id: int, version: int) -> None:
    def action(session: Session, expected: int) -> int:
        return record_verdict(
            session,
            claim_id=claim_id,
            rating=st.session_state.get(claim_key(claim_id, "verdict.rating")),
            rationale=clean_text(
                "rationale", st.session_state.get(claim_key(claim_id, "verdict.rationale")), required=True
            ),
            reviewer=reviewer_name(),
            expected_version=expected,
            source_ids=st.session_state.get(claim_key(claim_id, "verdict.sources")) or (),
        )

    bound_save(claim_id, version, action)


def save_publication(claim_id: int, version: int) -> None:
    def action(session: Session, expected: int) -> int:
        return publish_verdict(
            session, claim_id=claim_id, publisher=current_user(), expected_version=expected
        )

    bound_save(claim_id, version, action, done="Published.")


def save_status(claim_id: int, version: int) -> None:
    def action(session: Session, expected: int) -> int:
        reviewer_name()
        status = st.session_state[claim_key(claim_id, "status")]
        return set_status(session, claim_id=claim_id, status=status, expected_version=expected)

    bound_save(claim_id, version, action)


def save_link(claim_id: int, version: int) -> None:
    from workbench.desk.linking import link_source

    outcome = []

    def action(session: Session, expected: int) -> int:
        outcome.clear()  # the transaction may run again after meeting a lock
        source_id = st.session_state.get(claim_key(claim_id, "link.source"))
        if source_id is None:
            raise WorkbenchError("Choose a source to link.")
        # the reasons of the suggestion that chose this source (none when the reviewer chose it by hand)
        suggested, reasons = st.session_state.get(claim_key(claim_id, "link.suggested"), (None, ()))
        outcome.append(
            link_source(
                session,
                claim_id=claim_id,
                source_id=source_id,
                stance=st.session_state[claim_key(claim_id, "link.stance")],
                quote=clean_text("quote", st.session_state.get(claim_key(claim_id, "link.quote"))),
                figure_id=st.session_state.get(claim_key(claim_id, "link.figure")),
                reviewer=reviewer_name(),
                expected_version=expected,
                reasons=reasons if suggested == source_id else (),
            )
        )
        return expected

    def clear_form(_: int | None) -> None:
        st.session_state[claim_key(claim_id, "link.quote")] = ""
        st.session_state.pop(claim_key(claim_id, "link.suggested"), None)

    if bound_save(claim_id, version, action, after=clear_form):
        flash(outcome[0].level, outcome[0].message)


def prefill_link(claim_id: int, source_id: int, figure_id: int | None, reasons: tuple[str, ...] = ()) -> None:
    """A suggestion's "Link" button: choose the source (and its matching figure) in this claim's link form,
    and keep the suggestion's reasons (as drawn) for the link; choosing another source drops them."""
    st.session_state[claim_key(claim_id, "link.source")] = source_id
    st.session_state[claim_key(claim_id, "link.figure")] = figure_id
    st.session_state[claim_key(claim_id, "link.suggested")] = (source_id, tuple(reasons))


def save_unlink(claim_id: int, version: int, source_id: int) -> None:
    from workbench.storage.evidence import unlink_evidence

    def action(session: Session, expected: int) -> int:
        unlink_evidence(
            session,
            claim_id=claim_id,
            source_id=source_id,
            reviewer=reviewer_name(),
            expected_version=expected,
        )
        return expected

    bound_save(
        claim_id, version, action, done=f"Source #{source_id} unlinked (the link stays in the history)."
    )


def apply_earlier_verdict(claim_id: int, version: int, earlier_claim_id: int) -> None:
    from workbench.desk.repeated import apply_earlier_verdict as apply

    def action(session: Session, expected: int) -> int:
        return apply(
            session,
            claim_id=claim_id,
            earlier_claim_id=earlier_claim_id,
            reviewer=reviewer_name(),
            expected_version=expected,
        )

    bound_save(claim_id, version, action)
