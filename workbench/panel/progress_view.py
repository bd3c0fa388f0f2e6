"""Background jobs on a page: a progress bar per job, polled every second while any job runs."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from workbench.progress import JobStatus, job_status
from workbench.textsafe import inert

JOBS = "progress.jobs"  # the job ids this browser session started, newest last


def remember_job(job_id: str) -> None:
    st.session_state.setdefault(JOBS, []).append(job_id)


def _statuses() -> list[JobStatus]:
    found = (job_status(job_id) for job_id in reversed(st.session_state.get(JOBS, [])))
    return [s for s in found if s is not None]


def _render(render_result: Callable[[JobStatus], None] | None) -> None:
    for status in _statuses():
        if not status.finished:
            text = f"{status.title}: {status.done:,} of {status.total:,} · {status.message}"
            st.progress(status.fraction, text=text)
        elif status.error:
            st.error(inert(f"{status.title} stopped: {status.error}"))
        elif render_result is not None:
            render_result(status)


@st.fragment(run_every=1.0)
def _poll(render_result: Callable[[JobStatus], None] | None) -> None:
    _render(render_result)
    if all(s.finished for s in _statuses()):
        st.rerun()  # the whole page once more, without the poller


def render_jobs(render_result: Callable[[JobStatus], None] | None = None) -> None:
    """Each job of this session: a progress bar while it runs (refreshed every second, the rest of the
    page stays usable), then ``render_result(status)`` or its error."""
    if any(not s.finished for s in _statuses()):
        _poll(render_result)
    else:
        _render(render_result)
