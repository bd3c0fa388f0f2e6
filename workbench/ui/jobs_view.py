"""The jobs panel (Streamlit): the newest background jobs from the database, with progress and Cancel.

Read from the jobs table, so every app process and every browser shows the same jobs; refreshed every
second while one is queued or running (a fragment: the rest of the page stays usable).
"""

from __future__ import annotations

import streamlit as st

from workbench.jobs.queue import JobView, list_jobs, request_cancel
from workbench.ui.resources import database

SHOWN = 5


def _cancel(job_id: int) -> None:
    request_cancel(database(), job_id)


def _job(job: JobView) -> None:
    label = f"#{job.id} {job.title}"
    if not job.finished:
        counts = f"{job.done:,} of {job.total:,} · " if job.total else ""
        st.progress(job.fraction, text=f"{label}: {job.status} · {counts}{job.message}")
        if not job.cancel_requested:
            st.button("Cancel", key=f"jobs.cancel.{job.id}", on_click=_cancel, args=(job.id,))
        else:
            st.caption("Cancelling at its next step…")
    elif job.status == "done":
        st.success(f"{label}: {job.message}")
        result = job.result or {}
        if articles := result.get("articles"):
            unread = {article_id: lang for _, article_id, lang in result.get("unread") or []}
            with st.expander(f"{len(articles)} stored"):
                st.dataframe(
                    [{"file": name, "article": f"#{article_id}",
                      "claims": "none: not in French or English" if article_id in unread else claims}
                     for name, article_id, claims in articles],
                    hide_index=True,
                )  # fmt: skip
        refused = result.get("refused") or []
        if refused:
            with st.expander(f"{len(refused)} refused"):
                st.dataframe([{"input": n, "reason": r} for n, r in refused], hide_index=True)
    elif job.status == "cancelled":
        st.warning(f"{label}: {job.message}")
    else:
        st.error(f"{label} failed: {job.error}")


def _panel() -> None:
    for job in list_jobs(database(), limit=SHOWN):
        _job(job)


def render_jobs_panel() -> None:
    """The newest jobs; polled every second while one of them is unfinished."""
    active = any(not j.finished for j in list_jobs(database(), limit=SHOWN))
    st.fragment(_panel, run_every=1.0 if active else None)()
