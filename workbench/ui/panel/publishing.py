"""The editor's "Waiting to publish" switch on the Queue: claims whose newest verdict awaits publication."""

from __future__ import annotations

import dataclasses

import streamlit as st

from workbench.storage.filters import ClaimFilter
from workbench.storage.queue import WAITING, waiting_to_publish
from workbench.ui import state
from workbench.ui.resources import database

WAITING_KEY = "queue.waiting"


def render_waiting_filter(claim_filter: ClaimFilter) -> ClaimFilter:
    """For those who publish (editors; everyone in single-user mode): a switch narrowing the queue to the
    claims waiting to publish, with how many there are; the filter unchanged for reviewers."""
    user = state.signed_in_user()
    if user is not None and not user.can_publish:
        return claim_filter
    with database().session() as session:
        waiting = waiting_to_publish(session)
    on = st.toggle(
        f"Waiting to publish ({waiting:,})",
        key=WAITING_KEY,
        help="Claims whose newest verdict was proposed and waits for an editor to publish it.",
    )
    return dataclasses.replace(claim_filter, statuses=(WAITING,)) if on else claim_filter
