"""Long work in a background thread, with its progress in a registry any page (or the CLI) can read.

A job is a function taking a ``report(done, message)`` callback; it runs in a daemon thread so the
reviewer keeps working while it runs, and its latest progress is read with ``job_status(job_id)``.
No Streamlit here: pages poll the registry from a fragment, the command line draws ``text_bar``.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from workbench.errors import WorkbenchError

Report = Callable[[int, str], None]


@dataclass(frozen=True)
class JobStatus:
    """A snapshot of one job: ``done`` of ``total`` steps, the latest message, and how it ended."""

    id: str
    title: str
    total: int
    done: int = 0
    message: str = ""
    finished: bool = False
    error: str | None = None
    result: object = None
    started: float = 0.0

    @property
    def fraction(self) -> float:
        """Share done, between 0 and 1 (1 once finished)."""
        if self.finished:
            return 1.0
        return min(1.0, self.done / self.total) if self.total else 0.0


_jobs: dict[str, JobStatus] = {}
_lock = threading.Lock()
_ids = itertools.count(1)


def _update(job_id: str, **changes: object) -> None:
    with _lock:
        _jobs[job_id] = replace(_jobs[job_id], **changes)


def start_job(title: str, work: Callable[[Report], object], *, total: int) -> str:
    """Run ``work(report)`` in a background thread; returns the job id to poll.

    >>> job_id = start_job("count", lambda report: report(1, "one") or 42, total=1)
    >>> wait_for(job_id).result
    42
    """
    job_id = f"job-{next(_ids)}"
    with _lock:
        _jobs[job_id] = JobStatus(job_id, title, total, started=time.time())

    def report(done: int, message: str = "") -> None:
        _update(job_id, done=done, message=message)

    def run() -> None:
        try:
            result = work(report)
        except WorkbenchError as error:
            _update(job_id, finished=True, error=str(error))
        except Exception as error:  # a job must end, even on a bug, so the page stops polling
            _update(job_id, finished=True, error=f"{type(error).__name__}: {error}")
        else:
            _update(job_id, finished=True, result=result, done=_jobs[job_id].total)

    threading.Thread(target=run, name=job_id, daemon=True).start()
    return job_id


def job_status(job_id: str) -> JobStatus | None:
    """The latest snapshot of a job (None: unknown id, e.g. after the server restarted)."""
    with _lock:
        return _jobs.get(job_id)


def wait_for(job_id: str, *, timeout: float = 60.0) -> JobStatus:
    """Block until the job ends (for tests and the command line)."""
    deadline = time.monotonic() + timeout
    while (status := job_status(job_id)) is not None and not status.finished:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{status.title} still running after {timeout:g} s")
        time.sleep(0.02)
    if status is None:
        raise KeyError(job_id)
    return status


def text_bar(done: int, total: int, *, width: int = 30, label: str = "") -> str:
    """A one-line progress bar for a terminal.

    >>> text_bar(5, 10, width=10, label="Re-scoring")
    'Re-scoring [#####.....] 5/10 (50%)'
    """
    share = min(1.0, done / total) if total else 1.0
    filled = round(share * width)
    return f"{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} ({share:.0%})".strip()
